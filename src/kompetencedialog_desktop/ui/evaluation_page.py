"""SU's evaluation tab (strategy workshops): fetch the groups' GRUS files, see per focus area
which groups planned what and how far they are, add what MUS showed, export the report."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model import plan_operations as plan_ops
from ..model.change import EVALUATION, NOTES, PLAN, Change
from ..model.loop import aggregate, evaluation_group, source_candidates
from ..storage.project_file import LoadError, load_project
from . import dialogs, theme
from .document import WorkshopDocument
from .plan_page import PlanText, section_title

COLUMNS = ["Indsatsområde", "Grupper", "Aktiviteter", "Ikke startet", "I gang", "Gennemført", "Opgivet"]


class EvaluationPage(QScrollArea):
    def __init__(self, document: WorkshopDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.project = document.project
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 18, 24, 18)
        intro = QLabel("SU's evaluering: Hent gruppernes gruppeudviklingsplaner (GRUS-filer), se, hvordan "
                       "indsatsområderne er blevet til aktiviteter, og skriv, hvad MUS har vist.")
        intro.setWordWrap(True)
        intro.setFont(theme.font(12))
        buttons = QHBoxLayout()
        for text, slot in (("Hent gruppeudviklingsplaner …", lambda: self.import_files()),
                           ("Opdatér fra filerne", self.refresh_from_files),
                           ("Eksportér evalueringsrapport …", lambda: self.export())):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFont(theme.font(12))
        self.table.setWordWrap(False)
        self.groups_box = QVBoxLayout()
        self.group_texts: dict[str, PlanText] = {}
        self.conclusions = PlanText("SU's konklusioner og næste skridt …")
        self.conclusions.typed.connect(lambda text: self._apply(
            "Skriv konklusioner", partial(plan_ops.set_conclusions, text=text), ("evaluation", "conclusions"),
            self.conclusions))
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(section_title("Indsatsområderne i grupperne"))
        layout.addWidget(self.table)
        layout.addWidget(section_title("Grupperne og opsamling fra MUS"))
        layout.addLayout(self.groups_box)
        layout.addWidget(section_title("SU's konklusioner"))
        layout.addWidget(self.conclusions)
        layout.addStretch(1)
        self.setWidget(body)
        document.changed.connect(self._changed)
        self._group_ids: list[str] = []
        self._table_stale = False
        self.refresh()

    # --- edits ----------------------------------------------------------------------------
    def _apply(self, text: str, operation, merge_key=None, initiator=None) -> str | None:
        problem = self.document.apply(text, operation, merge_key, initiator)
        if problem:
            dialogs.show_error(self.window(), "Ændringen blev ikke gemt", f"{problem[:1].upper()}{problem[1:]}.")
            self.refresh()
        return problem

    def _merge(self, groups: list, text: str) -> None:
        self._apply(text, partial(plan_ops.merge_evaluation_groups_op, fresh=groups))

    def import_files(self, paths: list[Path] | None = None) -> int:
        paths = paths if paths is not None else dialogs.ask_open_paths(self.window(), self.document.path)
        groups, problems = [], []
        for path in paths or []:
            try:
                groups.append(evaluation_group(load_project(path), Path(path).resolve()))
            except LoadError as exc:
                problems.append(str(exc))
            except ValueError as exc:
                problems.append(f"»{Path(path).name}«: {exc}.")
        if groups:
            self._merge(groups, f"Hent {len(groups)} GRUS-filer")
        if problems:
            dialogs.show_error(self.window(), "Nogle filer blev ikke hentet", "\n\n".join(problems))
        return len(groups)

    def refresh_from_files(self) -> None:
        """Read every group's file again; a missing or renamed file keeps its last data and says so."""
        groups, missing = [], []
        beside = self.document.path.parent if self.document.path else None
        for group in self.project.evaluation.groups:
            # The stored path, else the same name beside the strategy (a folder copied to another laptop).
            found = next((p for p in source_candidates(group.source_file, beside) if p.is_file()), None)
            try:
                if found is None:
                    raise LoadError(group.source_file)
                grus = evaluation_group(load_project(found), found)
            except (LoadError, ValueError):
                missing.append(f"{group.group}: {group.source_file}")
                continue
            grus.source_file = group.source_file  # the group's identity in the evaluation stays as first fetched
            groups.append(grus)
        if groups:
            self._merge(groups, "Opdatér fra GRUS-filerne")
        if missing:
            dialogs.show_error(self.window(), "Nogle GRUS-filer findes ikke længere",
                               "Disse filer kunne ikke læses (flyttet, omdøbt eller slettet?). De sidst hentede "
                               "data er bevaret:\n\n" + "\n".join(missing))

    def _mus_typed(self, group_id: str, text: str) -> None:
        self._apply("Skriv opsamling fra MUS", partial(plan_ops.set_mus_summary, group_id=group_id, text=text),
                    ("mus", group_id), self.group_texts.get(group_id))

    def export(self, path: Path | None = None) -> Path | None:
        path = path or dialogs.ask_export_path(self.window(), "Eksportér evalueringsrapport",
                                               str(dialogs.start_folder(self.document.path) / "evaluering.docx"),
                                               "Word-dokument (*.docx)", ".docx")
        if path is None:
            return None
        # python-docx costs ~45 ms to import: load it when a report is written, not at start-up.
        from ..storage.docx_export import ExportError, write_export
        from ..storage.loop_export import build_evaluation_docx

        try:
            write_export(path, build_evaluation_docx(self.project))
        except ExportError as exc:
            dialogs.show_error(self.window(), "Eksporten mislykkedes", str(exc))
            return None
        return path

    # --- mirror ---------------------------------------------------------------------------
    def _changed(self, change: Change, initiator) -> None:
        if change.what in (PLAN, NOTES):  # the focus areas are the plan's rows (or chosen notes)
            self._table_stale = True
            if self.isVisible():
                self._show_table()
            return
        if change.what != EVALUATION:
            return
        evaluation = self.project.evaluation
        if change.field == "mus_summary":
            for group in evaluation.groups:
                text = self.group_texts.get(group.id)
                if group.id in change.ids and text is not None and text is not initiator:
                    text.show_text(group.mus_summary)
        elif change.field == "conclusions":
            if initiator is not self.conclusions:
                self.conclusions.show_text(evaluation.conclusions)
        else:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._table_stale:
            self._show_table()

    def refresh(self) -> None:
        self._show_table()
        groups = self.project.evaluation.groups
        if [g.id for g in groups] != self._group_ids:
            self._rebuild_groups()
        for group in groups:
            self.group_texts[group.id].show_text(group.mus_summary)
        self.conclusions.show_text(self.project.evaluation.conclusions)

    def _show_table(self) -> None:
        self._table_stale = False
        summaries = aggregate(self.project)
        self.table.setRowCount(len(summaries))
        for r, s in enumerate(summaries):
            values = [s.title, ", ".join(s.groups) or "–", str(s.total), *(str(s.counts[k]) for k in
                      ("ikke startet", "i gang", "gennemført", "opgivet"))]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeRowsToContents()
        # Show every focus area without an inner scroll bar (there are only a handful).
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows_height + 6)

    def _rebuild_groups(self) -> None:
        while self.groups_box.count():
            item = self.groups_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.group_texts = {}
        for group in self.project.evaluation.groups:
            count = len(group.rows)
            box = QGroupBox(f"{group.group} – {count} {'aktivitet' if count == 1 else 'aktiviteter'}")
            box.setFont(theme.font(12, bold=True))
            inner = QVBoxLayout(box)
            feedback = " · ".join(x for x in [group.su_feedback.strip(), *group.su_notes] if x) or "(ingen tilbagemelding)"
            label = QLabel(f"Tilbagemelding til SU: {feedback}\nFil: {group.source_file}")
            label.setWordWrap(True)
            label.setFont(theme.font(11))
            text = PlanText("Hvad viste MUS i denne gruppe? (skrives af SU)")
            text.setMinimumHeight(70)
            text.setMaximumHeight(120)
            text.typed.connect(lambda value, gid=group.id: self._mus_typed(gid, value))
            inner.addWidget(label)
            inner.addWidget(text)
            self.groups_box.addWidget(box)
            self.group_texts[group.id] = text
        self._group_ids = [g.id for g in self.project.evaluation.groups]
