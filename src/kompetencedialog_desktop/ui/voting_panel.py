"""Dot voting on the current board: dots on the selected notes (+, -, or a digit), the zone's
ranking with ties, the budget, and "take the top N" as chosen. Every change is an undo step."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model.operations import change_votes, set_votes
from ..model.voting import dots_used, ranking, top_n, zone_budget
from . import dialogs, theme
from .board_scene import BoardScene
from .commands import SetProjectFields, UpdateNotes


class VotingActions(QObject):
    """Keys for the secretary: + and - add or take a dot, 0-9 sets the number of dots."""

    message = Signal(str)
    budget_requested = Signal()

    def __init__(self, current_scene: Callable[[], BoardScene | None], window):
        super().__init__(window)
        self._scene = current_scene
        self._window = window
        self.actions: list[QAction] = []
        for keys, text, slot in (
            (["+"], "Én prik mere", lambda: self.change(+1)),
            (["-"], "Én prik mindre", lambda: self.change(-1)),
        ):
            self._add(keys, text, slot)
        for digit in range(10):
            self._add([str(digit)], f"Sæt {digit} prikker", lambda checked=False, d=digit: self.set_to(d), listed=False)
        self.top = QAction("Vælg de øverste …", window)
        self.top.setShortcut(QKeySequence("Ctrl+T"))
        self.top.triggered.connect(self.choose_top)
        self.budget = QAction("Prikker pr. deltager …", window)
        self.budget.triggered.connect(self.edit_budget)

    def _add(self, keys, text, slot, listed=True) -> None:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        self._window.addAction(action)  # window-wide; a text field that has focus keeps its keys
        if listed:
            self.actions.append(action)
        else:
            action.setData("ikke-i-genveje")

    def _apply(self, operation, delta_or_value: int) -> None:
        scene = self._scene()
        ids = scene.selected_note_ids() if scene else []
        if not ids:
            self.message.emit("Vælg først den post-it, der skal have prikker.")
            return
        # The model checks the dot budget over the whole selection (not note by note).
        problem = scene.document.apply("Prikker", lambda project: operation(project, ids, delta_or_value))
        if problem:
            self.message.emit(problem)

    def change(self, delta: int) -> None:
        self._apply(change_votes, delta)

    def set_to(self, value: int) -> None:
        self._apply(set_votes, value)

    def voting_zone(self):
        scene = self._scene()
        if scene is None:
            return None, None
        zone = next((z for z in scene.board.zones if z.voting), None)
        return scene, zone

    def choose_top(self) -> None:
        scene, zone = self.voting_zone()
        if zone is None:
            self.message.emit("Der stemmes ikke på denne plade.")
            return
        n = dialogs.ask_int(self._window, "Vælg de øverste", "Hvor mange skal vælges?", 5 if scene.board.workshop == "strategi" else 3, 1, 20)
        if n is None:
            return
        project = scene.document.project
        notes = project.notes_in_zone(scene.board.id, zone.id)
        chosen, tie = top_n(notes, n)
        changes = {x.id: {"chosen": x.id in chosen} for x in notes if x.chosen != (x.id in chosen)}
        if changes:
            scene.document.undo_stack.push(UpdateNotes(scene.document, changes, f"Vælg de {n} øverste"))
        note = f" Stemmelighed ved grænsen: {len(chosen)} er valgt." if tie else ""
        self.message.emit(f"{len(chosen)} post-it{'' if len(chosen) == 1 else 's'} er markeret som valgt.{note}")

    def edit_budget(self) -> None:
        """The budget is set in the Prioritering panel (two spin boxes); this shows it there."""
        self.budget_requested.emit()


class RankingPanel(QWidget):
    """The voting zone's notes, most dots first (ties marked), the budget as two spin boxes, and
    what went wrong (no dots left, a tie at the cut-off) shown here until it is resolved."""

    def __init__(self, voting: VotingActions, parent=None):
        super().__init__(parent)
        self.voting = voting
        self.budget_line = QLabel()
        self.budget_line.setFont(theme.font(12, bold=True))
        self.budget_line.setWordWrap(True)
        self.feedback = QLabel()
        self.feedback.setFont(theme.font(12, bold=True))
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet("QLabel { color: #7A1C00; background: #FFE9C7; border-left: 6px solid #E07B00;"
                                    " padding: 6px 8px; }")
        self.feedback.hide()
        self._message = ""  # the last refused change, until the votes change
        self._shown_state: tuple | None = None
        self.list = QListWidget()
        self.list.setFont(theme.font(12))
        self.list.setWordWrap(True)  # long notes wrap instead of being cut at the panel's edge
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(180)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.dots = QSpinBox()
        self.dots.setRange(1, 20)
        self.dots.setSuffix(" prikker")
        self.dots.setToolTip("Prikker pr. deltager")
        self.voters = QSpinBox()
        self.voters.setRange(0, 200)
        self.voters.setSuffix(" deltagere")
        self.voters.setSpecialValueText("ikke sat")  # 0: the number of participants on the front page
        self.voters.setToolTip("Antal deltagere, der stemmer")
        for box in (self.dots, self.voters):
            box.setKeyboardTracking(False)  # typing "12" is one change, not "1" then "12"
            box.valueChanged.connect(self._budget_changed)
        budget = QFormLayout()
        budget.addRow("Pr. deltager:", self.dots)
        budget.addRow("Stemmer:", self.voters)
        top = QPushButton("Vælg de øverste … (Ctrl+T)")
        top.clicked.connect(voting.top.trigger)
        help_ = QLabel("Vælg en post-it, og tryk + eller − for at give eller fjerne en prik, eller tast et tal for antallet af prikker.")
        help_.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.budget_line)
        layout.addLayout(budget)
        layout.addWidget(self.feedback)
        layout.addWidget(help_)
        layout.addWidget(top)
        layout.addWidget(self.list, 1)
        voting.message.connect(self.show_message)
        voting.budget_requested.connect(self.focus_budget)

    def show_message(self, text: str) -> None:
        """A refused change or a tie: shown here (the panel comes forward) until the votes change."""
        self._message = text
        self._shown_state = self._vote_state()
        self._bring_forward()
        self.render()

    def _bring_forward(self) -> None:
        dock = self.window().findChild(QDockWidget, "facilitator")
        if dock is not None and dock.isVisible():
            dock.tabs.setCurrentWidget(self)

    def focus_budget(self) -> None:
        dock = self.window().findChild(QDockWidget, "facilitator")
        if dock is not None:
            dock.show()
        self._bring_forward()
        self.dots.setFocus()
        self.dots.selectAll()

    def _vote_state(self) -> tuple:
        scene, zone = self.voting.voting_zone()
        if zone is None:
            return ()
        notes = scene.document.project.notes_on(scene.board.id)
        return tuple((n.id, n.votes, n.chosen) for n in notes if n.zone == zone.id)

    def _budget_changed(self) -> None:
        scene, _zone = self.voting.voting_zone()
        if scene is None:
            return
        project = scene.document.project
        fields = {}
        if self.dots.value() != project.vote_budget:
            fields["vote_budget"] = self.dots.value()
        if self.voters.value() != (project.voters or len(project.participants)):
            fields["voters"] = self.voters.value()
        if fields:  # one undo step per change
            scene.document.undo_stack.push(SetProjectFields(scene.document, fields))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render()

    def render(self) -> None:
        if not self.isVisible():
            return  # typing on a big board should not pay for a ranking nobody looks at
        scene, zone = self.voting.voting_zone()
        self.list.clear()
        for box in (self.dots, self.voters):
            box.setEnabled(zone is not None)
        if zone is None:
            self.budget_line.setText("Der stemmes ikke på denne plade.")
            self.feedback.hide()
            return
        project = scene.document.project
        for box, value in ((self.dots, project.vote_budget), (self.voters, project.voters or len(project.participants))):
            box.blockSignals(True)
            box.setValue(max(box.minimum(), value))
            box.blockSignals(False)
        budget = zone_budget(project)
        used = dots_used(project, scene.board.id, zone.id)
        dots = "prik" if used == 1 else "prikker"
        self.budget_line.setText(f"{zone.title}: {used} {dots} brugt" + (f" af {budget}" if budget else " (angiv prikker pr. deltager)"))
        notes = [n for n in project.notes if n.board == scene.board.id and n.zone == zone.id]
        if self._message and self._vote_state() != self._shown_state:
            self._message = ""  # the votes changed: the refused change no longer applies
        self._show_feedback(used, budget)
        if not any(n.votes for n in notes):
            item = QListWidgetItem("Ingen prikker endnu." if notes else "Ingen post-its i zonen endnu.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for r in ranking(notes):
            tie = " (delt plads)" if r.tied and r.note.votes else ""
            chosen = "  ✔ valgt" if r.note.chosen else ""
            self.list.addItem(f"{r.rank}. {r.note.text}  —  {dots_text(r.note.votes)}{tie}{chosen}")

    def _show_feedback(self, used: int, budget: int | None) -> None:
        lines = [self._message] if self._message else []
        if budget is not None and used >= budget and not any("prikker nok" in line for line in lines):
            lines.append(f"Alle {budget} prikker er brugt. Tag en prik fra en post-it (−), før en anden kan få én.")
        self.feedback.setText("\n".join(lines))
        self.feedback.setVisible(bool(lines))


def dots_text(votes: int) -> str:
    return "1 prik" if votes == 1 else f"{votes} prikker"

