"""Dot voting on the current board: dots on the selected notes (+, -, or a digit), the zone's
ranking with ties, the budget, and "take the top N" as chosen. Every change is an undo step."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from ..model.operations import change_votes, set_votes
from ..model.voting import dots_used, ranking, top_n, zone_budget
from . import dialogs, theme
from .board_scene import BoardScene
from .commands import SetProjectFields, UpdateNotes


class VotingActions(QObject):
    """Keys for the secretary: + and - add or take a dot, 0-9 sets the number of dots."""

    message = Signal(str)

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
        scene = self._scene()
        if scene is None:
            return
        project = scene.document.project
        budget = dialogs.ask_int(self._window, "Prikker", "Prikker pr. deltager:", project.vote_budget, 1, 20)
        if budget is None:
            return
        voters = dialogs.ask_int(self._window, "Prikker", "Antal deltagere, der stemmer:",
                                 project.voters or len(project.participants) or 8, 1, 200)
        if voters is None:
            return
        scene.document.undo_stack.push(SetProjectFields(scene.document, {"vote_budget": budget, "voters": voters}))


class RankingPanel(QWidget):
    """The voting zone's notes, most dots first; ties are marked."""

    def __init__(self, voting: VotingActions, parent=None):
        super().__init__(parent)
        self.voting = voting
        self.budget_line = QLabel()
        self.budget_line.setFont(theme.font(12, bold=True))
        self.budget_line.setWordWrap(True)
        self.list = QListWidget()
        self.list.setFont(theme.font(12))
        top = QPushButton("Vælg de øverste … (Ctrl+T)")
        top.clicked.connect(voting.top.trigger)
        budget = QPushButton("Prikker pr. deltager …")
        budget.clicked.connect(voting.budget.trigger)
        help_ = QLabel("Vælg en post-it, og tryk + eller − for at give eller fjerne en prik, eller tast et tal for antallet af prikker.")
        help_.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.budget_line)
        layout.addWidget(help_)
        layout.addWidget(top)
        layout.addWidget(budget)
        layout.addWidget(self.list, 1)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.render()

    def render(self) -> None:
        if not self.isVisible():
            return  # typing on a big board should not pay for a ranking nobody looks at
        scene, zone = self.voting.voting_zone()
        self.list.clear()
        if zone is None:
            self.budget_line.setText("Der stemmes ikke på denne plade.")
            return
        project = scene.document.project
        budget = zone_budget(project)
        used = dots_used(project, scene.board.id, zone.id)
        dots = "prik" if used == 1 else "prikker"
        self.budget_line.setText(f"{zone.title}: {used} {dots} brugt" + (f" af {budget}" if budget else " (angiv prikker pr. deltager)"))
        notes = [n for n in project.notes if n.board == scene.board.id and n.zone == zone.id]
        for r in ranking(notes):
            tie = " (delt plads)" if r.tied else ""
            chosen = "  ✔ valgt" if r.note.chosen else ""
            self.list.addItem(f"{r.rank}. {r.note.text}  —  {r.note.votes} {'prik' if r.note.votes == 1 else 'prikker'}{tie}{chosen}")
