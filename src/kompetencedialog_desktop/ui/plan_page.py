"""The plan tab: what the Word template needs that post-its alone do not give.
Every edit is one plan operation (model/plan_operations.py) naming its cell, text or row; the page
redraws only the part a change concerns, and never the box the user is typing in."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model import plan_operations as plan_ops
from ..model.change import NOTES, PLAN, Change
from ..model.limits import MAX_LINE_TEXT, MAX_PLAN_TEXT
from ..model.loop import linked_areas
from ..model.operations import chosen_notes_not_in_plan
from ..model.project import PLAN_STATUSES
from ..model.roles import seed_board
from . import dialogs, theme
from .document import WorkshopDocument
from .plan_tables import ChoiceColumn, RowTable, YearWheelTable

FOCUS_FIELDS = ["area", "why", "target_group", "expected_effect", "learning_forms"]
GRUS_FIELDS = ["goal", "need", "activity", "who", "responsible", "when", "success", "follow_up"]


class PlanText(QPlainTextEdit):
    """A plan text field; typing pushes merged undo steps at once, so nothing waits for focus-out."""

    typed = Signal(str)

    def __init__(self, placeholder: str, max_length: int = MAX_PLAN_TEXT):
        super().__init__()
        self.max_length = max_length
        self.setPlaceholderText(placeholder)
        self.setFont(theme.font(12))
        self.setMinimumHeight(90)
        self.textChanged.connect(self._text_changed)

    def _text_changed(self) -> None:
        text = self.toPlainText()
        if len(text) > self.max_length:  # QPlainTextEdit has no setMaxLength: cut a paste at the limit
            text = text[: self.max_length]
            self.blockSignals(True)
            self.setPlainText(text)
            self.moveCursor(self.textCursor().MoveOperation.End)
            self.blockSignals(False)
        self.typed.emit(text)

    def show_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)


def section_title(text: str) -> QLabel:
    """A bold section heading, as the plan and evaluation tabs use."""
    label = QLabel(text)
    label.setFont(theme.font(15, bold=True))
    return label


class PlanPage(QScrollArea):
    front_page_requested = Signal()

    def __init__(self, document: WorkshopDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.project = document.project
        self.setWidgetResizable(True)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        self.layout_.setSpacing(10)
        self.setWidget(body)
        self.texts: dict[str, PlanText] = {}
        self.lines: dict[str, QLineEdit] = {}

        top = QHBoxLayout()
        intro = QLabel("Her udfylder I skabelonen. Rækker kan hentes fra de post-its, I valgte ved prioriteringen.")
        intro.setWordWrap(True)
        intro.setFont(theme.font(12))
        front = QPushButton("Forside og deltagere …")
        front.clicked.connect(self.front_page_requested.emit)
        top.addWidget(intro, 1)
        top.addWidget(front)
        self.layout_.addLayout(top)

        if self.project.workshop == "strategi":
            self._build_strategy()
        else:
            self._build_grus()
        self.layout_.addStretch(1)
        document.changed.connect(self._changed)
        self.refresh()

    # --- building -------------------------------------------------------------------------
    def _rows_block(self, title: str, headers: list[str], fields: list[str], seed_label: str,
                    choice_columns=None) -> RowTable:
        self.layout_.addWidget(section_title(title))
        table = RowTable(headers, fields, choice_columns)
        table.setMinimumHeight(380)
        table.cell_edited.connect(self._cell_edited)
        table.remove_requested.connect(
            lambda ids: self._apply("Slet rækker", partial(plan_ops.remove_plan_rows, row_ids=ids)))
        buttons = QHBoxLayout()
        add = QPushButton("Tilføj række")
        add.clicked.connect(table.add_row)
        table.add_requested.connect(self.add_row)
        remove = QPushButton("Slet valgte rækker")
        remove.clicked.connect(table.remove_selected)
        self.seed_button = QPushButton(seed_label)
        self.seed_button.clicked.connect(self.seed_from_chosen)
        for button in (add, remove, self.seed_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.layout_.addWidget(table)
        self.layout_.addLayout(buttons)
        return table

    def _text_block(self, title: str, field: str, placeholder: str) -> None:
        self.layout_.addWidget(section_title(title))
        edit = PlanText(placeholder)
        edit.typed.connect(lambda text, f=field, e=edit: self._apply(
            "Skriv i planen", partial(plan_ops.set_plan_text, field=f, text=text), merge_key=("plan", f), initiator=e))
        self.texts[field] = edit
        self.layout_.addWidget(edit)

    def _line_block(self, title: str, fields: list[tuple[str, str, str]]) -> None:
        """Short one-line choices (label, plan field, placeholder), e.g. when SU adopted the strategy."""
        self.layout_.addWidget(section_title(title))
        form = QFormLayout()
        for label, field, placeholder in fields:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            edit.setFont(theme.font(12))
            edit.setMaxLength(MAX_LINE_TEXT)
            edit.textEdited.connect(lambda text, f=field, e=edit: self._apply(
                "Skriv i planen", partial(plan_ops.set_plan_text, field=f, text=text), merge_key=("plan", f), initiator=e))
            self.lines[field] = edit
            form.addRow(label, edit)
        self.layout_.addLayout(form)

    def _build_strategy(self) -> None:
        self.rows_field, self.seed_board = "focus_areas", seed_board("strategi")
        self.table = self._rows_block(
            "Indsatsområder", ["Indsatsområde", "Hvorfor", "Målgruppe", "Forventet effekt", "Læringsformer"],
            FOCUS_FIELDS, "Hent valgte indsatsområder fra plade 2")
        self._text_block("Principper", "principles", "Fælles principper for kompetenceudvikling …")
        self._text_block("Grupper, GRUS og udviklingsplaner", "group_plans",
                         "Hvilke afdelinger, teams og medarbejdergrupper holder GRUS og får en udviklingsplan, og hvornår …")
        self._text_block("Roller og ansvar", "roles", "Hvad gør SU, ledere, medarbejdere og HR …")
        self.layout_.addWidget(section_title("Årshjul"))
        self.year_wheel = YearWheelTable()
        self.year_wheel.setMinimumHeight(380)
        self.year_wheel.month_edited.connect(lambda month, text: self._apply(
            "Ret årshjulet", partial(plan_ops.set_year_wheel, month=month, activity=text), initiator=self.year_wheel))
        self.layout_.addWidget(self.year_wheel)
        self._text_block("Opfølgning og evaluering", "follow_up", "Hvornår og hvordan følger SU op …")
        self._line_block("Vedtagelse og gyldighed", [
            ("SU evaluerer:", "evaluation_rhythm", "fx én gang om året"),
            ("Næstformand:", "vice_chair", "navn (formanden skrives under Forside og deltagere)"),
            ("Vedtaget i SU:", "adopted", "fx 15. december 2026"),
            ("Gælder til:", "valid_until", "fx 31. december 2029"),
            ("Næste serviceeftersyn:", "next_review", "fx november 2027"),
        ])
        self._text_block("Ændringer ved serviceeftersynet", "changes", "Kun ved et serviceeftersyn: hvad SU har ændret i strategien …")

    def _build_grus(self) -> None:
        self.rows_field, self.seed_board = "rows", seed_board("grus")
        self.year_wheel = None
        self.table = self._rows_block(
            # Short headers: ten columns share the width beside the facilitator panel.
            "Gruppeudviklingsplan", ["Mål", "Behov", "Aktivitet", "Hvem", "Ansvar\u00adlig", "Hvornår", "Succes", "Opfølg\u00adning"],
            GRUS_FIELDS, "Hent valgte behov fra plade 2",
            choice_columns=[
                ChoiceColumn("Status", "status", lambda: [(s, s.capitalize()) for s in PLAN_STATUSES],
                             lambda row: row.status),
                ChoiceColumn("Indsats\u00adområde", "linked_focus_areas", self._area_choices,
                             lambda row: row.linked_focus_areas[0] if row.linked_focus_areas else "",
                             lambda key: [key] if key else []),
            ])
        self._text_block("Fælles temaer til MUS", "mus_themes", "Det, som alle bør tage op i deres MUS …")
        self._text_block("Tilbagemelding til SU", "su_feedback", "Det, SU bør vide fra gruppen …")
        self.layout_.addWidget(section_title("Næste opfølgning"))
        row = QHBoxLayout()
        self.has_follow_up = QCheckBox("Dato aftalt:")
        self.follow_up_date = QDateEdit()
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat("d. MMMM yyyy")
        self.has_follow_up.toggled.connect(self._date_edited)
        self.follow_up_date.dateChanged.connect(self._date_edited)
        row.addWidget(self.has_follow_up)
        row.addWidget(self.follow_up_date)
        row.addStretch(1)
        self.layout_.addLayout(row)

    def _area_choices(self) -> list[tuple[str, str]]:
        """Focus areas fetched from the strategy (linked by id; the label is today's title)."""
        return [("", "(ingen)")] + sorted(linked_areas(self.project).items(), key=lambda kv: kv[1])

    # --- edits ----------------------------------------------------------------------------
    def _apply(self, text: str, operation, merge_key=None, initiator=None) -> None:
        problem = self.document.apply(text, operation, merge_key, initiator)
        if problem:  # rare: the inputs already stop at the model's limits
            dialogs.show_error(self.window(), "Ændringen blev ikke gemt", f"{problem[:1].upper()}{problem[1:]}.")
            self.refresh()  # show the model again, not what was refused

    def _cell_edited(self, row_id: str, field: str, value) -> None:
        self._apply("Ret planens rækker", partial(plan_ops.set_plan_cell, row_id=row_id, field=field, value=value),
                    initiator=self.table)

    def add_row(self) -> None:
        row = plan_ops.new_plan_row(self.project)
        self._apply("Tilføj række", lambda project: plan_ops.add_plan_rows(project, [row]))
        self.table.edit_row(row.id)

    def _date_edited(self, *_args) -> None:
        value = self.follow_up_date.date().toPython() if self.has_follow_up.isChecked() else None
        if value != self.project.plan.next_follow_up:
            self._apply("Ret dato for opfølgning", partial(plan_ops.set_next_follow_up, date=value))

    def seed_from_chosen(self) -> None:
        self._apply("Hent valgte post-its", partial(plan_ops.seed_rows_from_chosen, board_id=self.seed_board))

    # --- mirror ---------------------------------------------------------------------------
    def _changed(self, change: Change, initiator) -> None:
        if change.what == NOTES:
            if self.isVisible():  # otherwise refreshed when the tab is shown
                self._update_seed_button()
            return
        if change.what != PLAN:
            return
        plan = self.project.plan
        if change.field in self.texts:
            if initiator is not self.texts[change.field]:
                self.texts[change.field].show_text(getattr(plan, change.field))
        elif change.field in self.lines:
            line = self.lines[change.field]
            if initiator is not line and line.text() != getattr(plan, change.field):
                line.setText(getattr(plan, change.field))
        elif change.field == "year_wheel":
            if self.year_wheel is not None and initiator is not self.year_wheel:
                self.year_wheel.show_entries(plan.year_wheel)
        elif change.field == "next_follow_up":
            self._show_date()
        elif change.field == self.rows_field:
            self.table.show_rows(getattr(plan, self.rows_field))  # cheap when cells already match
            self._update_seed_button()

    def refresh(self) -> None:
        plan = self.project.plan
        self.table.show_rows(getattr(plan, self.rows_field))
        for field, edit in self.texts.items():
            edit.show_text(getattr(plan, field))
        for field, line in self.lines.items():
            if line.text() != getattr(plan, field):
                line.setText(getattr(plan, field))
        if self.year_wheel is not None:
            self.year_wheel.show_entries(plan.year_wheel)
        else:
            self._show_date()
        self._update_seed_button()

    def _show_date(self) -> None:
        plan = self.project.plan
        if self.year_wheel is None:
            for widget in (self.has_follow_up, self.follow_up_date):
                widget.blockSignals(True)
            self.has_follow_up.setChecked(plan.next_follow_up is not None)
            self.follow_up_date.setEnabled(plan.next_follow_up is not None)
            self.follow_up_date.setDate(QDate(plan.next_follow_up or dt.date.today()))
            for widget in (self.has_follow_up, self.follow_up_date):
                widget.blockSignals(False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_seed_button()

    def _update_seed_button(self) -> None:
        rows = getattr(self.project.plan, self.rows_field)
        count = len(chosen_notes_not_in_plan(self.project, self.seed_board, rows))
        self.seed_button.setEnabled(count > 0)
        self.seed_button.setToolTip("1 valgt post-it er endnu ikke i planen" if count == 1
                                    else f"{count} valgte post-its er endnu ikke i planen")
