"""The plan tab: what the Word template needs that post-its alone do not give.
Every edit is an UpdatePlan command; the page redraws itself from the model on every change."""

from __future__ import annotations

import datetime as dt

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

from ..model.loop import linked_areas
from ..model.operations import chosen_notes_not_in_plan
from ..model.project import PLAN_STATUSES, FocusAreaRow, GrusPlanRow, new_id
from . import theme
from .commands import UpdatePlan
from .document import WorkshopDocument
from .plan_tables import ChoiceColumn, RowTable, YearWheelTable

FOCUS_FIELDS = ["area", "why", "target_group", "expected_effect", "learning_forms"]
GRUS_FIELDS = ["goal", "need", "activity", "who", "responsible", "when", "success", "follow_up"]


class PlanText(QPlainTextEdit):
    """A plan text field; typing pushes merged undo steps at once, so nothing waits for focus-out."""

    typed = Signal(str)

    def __init__(self, placeholder: str):
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.setFont(theme.font(12))
        self.setMinimumHeight(90)
        self.textChanged.connect(lambda: self.typed.emit(self.toPlainText()))

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
        document.project_changed.connect(self.refresh)
        document.notes_changed.connect(self._notes_changed)
        self.refresh()

    # --- building -------------------------------------------------------------------------
    def _rows_block(self, title: str, headers: list[str], fields: list[str], make_row, plan_field: str, seed_label: str,
                    choice_columns=None) -> RowTable:
        self.layout_.addWidget(section_title(title))
        table = RowTable(headers, fields, make_row, choice_columns)
        table.setMinimumHeight(380)
        table.edited.connect(lambda rows: self._push({plan_field: rows}, "Ret planens rækker"))
        buttons = QHBoxLayout()
        add = QPushButton("Tilføj række")
        add.clicked.connect(lambda: table.add_row())
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
        edit.typed.connect(lambda text, f=field: self._push({f: text}, "Skriv i planen", mergeable=True))
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
            edit.textEdited.connect(lambda text, f=field: self._push({f: text}, "Skriv i planen", mergeable=True))
            self.lines[field] = edit
            form.addRow(label, edit)
        self.layout_.addLayout(form)

    def _build_strategy(self) -> None:
        self.rows_field, self.seed_board = "focus_areas", "strategi-2"
        self.table = self._rows_block(
            "Indsatsområder", ["Indsatsområde", "Hvorfor", "Målgruppe", "Forventet effekt", "Læringsformer"],
            FOCUS_FIELDS, lambda: FocusAreaRow(id=new_id("i")), "focus_areas", "Hent valgte indsatsområder fra plade 2")
        self._text_block("Principper", "principles", "Fælles principper for kompetenceudvikling …")
        self._text_block("Grupper, GRUS og udviklingsplaner", "group_plans",
                         "Hvilke afdelinger, teams og medarbejdergrupper holder GRUS og får en udviklingsplan, og hvornår …")
        self._text_block("Roller og ansvar", "roles", "Hvad gør SU, ledere, medarbejdere og HR …")
        self.layout_.addWidget(section_title("Årshjul"))
        self.year_wheel = YearWheelTable()
        self.year_wheel.setMinimumHeight(380)
        self.year_wheel.edited.connect(lambda entries: self._push({"year_wheel": entries}, "Ret årshjulet"))
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
        self.rows_field, self.seed_board = "rows", "grus-2"
        self.year_wheel = None
        self.table = self._rows_block(
            # Short headers: ten columns share the width beside the facilitator panel.
            "Gruppeudviklingsplan", ["Mål", "Behov", "Aktivitet", "Hvem", "Ansvarlig", "Hvornår", "Succes", "Opfølgning"],
            GRUS_FIELDS, lambda: GrusPlanRow(id=new_id("r")), "rows", "Hent valgte behov fra plade 2",
            choice_columns=[
                ChoiceColumn("Status", lambda: [(s, s.capitalize()) for s in PLAN_STATUSES],
                             lambda row: row.status, lambda row, key: setattr(row, "status", key)),
                ChoiceColumn("Indsatsområde", self._area_choices,
                             lambda row: row.linked_focus_areas[0] if row.linked_focus_areas else "",
                             lambda row, key: setattr(row, "linked_focus_areas", [key] if key else [])),
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
    def _push(self, changes: dict, text: str, mergeable: bool = False) -> None:
        self.document.undo_stack.push(UpdatePlan(self.document, changes, text, mergeable))

    def _date_edited(self, *_args) -> None:
        value = self.follow_up_date.date().toPython() if self.has_follow_up.isChecked() else None
        if value != self.project.plan.next_follow_up:
            self._push({"next_follow_up": value}, "Ret dato for opfølgning")

    def seed_from_chosen(self) -> None:
        rows = getattr(self.project.plan, self.rows_field)
        notes = chosen_notes_not_in_plan(self.project, self.seed_board, rows)
        if not notes:
            return
        if self.rows_field == "focus_areas":
            new = [FocusAreaRow(id=new_id("i"), area=n.text, source_note=n.id) for n in notes]
        else:
            new = [GrusPlanRow(id=new_id("r"), need=n.text, goal=n.text, source_note=n.id) for n in notes]
        self._push({self.rows_field: [r.model_copy() for r in rows] + new}, "Hent valgte post-its")

    # --- mirror ---------------------------------------------------------------------------
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
            for widget in (self.has_follow_up, self.follow_up_date):
                widget.blockSignals(True)
            self.has_follow_up.setChecked(plan.next_follow_up is not None)
            self.follow_up_date.setEnabled(plan.next_follow_up is not None)
            self.follow_up_date.setDate(QDate(plan.next_follow_up or dt.date.today()))
            for widget in (self.has_follow_up, self.follow_up_date):
                widget.blockSignals(False)
        self._update_seed_button()

    def _notes_changed(self, _ids) -> None:
        if self.isVisible():  # otherwise refreshed when the tab is shown
            self._update_seed_button()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_seed_button()

    def _update_seed_button(self) -> None:
        rows = getattr(self.project.plan, self.rows_field)
        count = len(chosen_notes_not_in_plan(self.project, self.seed_board, rows))
        self.seed_button.setEnabled(count > 0)
        self.seed_button.setToolTip(f"{count} valgte post-its er endnu ikke i planen")
