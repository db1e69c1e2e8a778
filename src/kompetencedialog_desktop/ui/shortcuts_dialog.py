"""Hjælp > Genveje: every shortcut, read from the window's own actions so the list is never stale."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from . import theme
from .menus import command_actions

EXTRA = [
    ("Sekretær", "Enter", "Tilføj post-it fra linjen under pladen"),
    ("Sekretær", "Alt+1 … Alt+9", "Vælg zone for nye post-its"),
    ("Sekretær", "↑", "Hent seneste post-it frem og ret den"),
    ("Plade", "Dobbeltklik", "Ny post-it (på en tom plads) eller ret teksten (på en post-it)"),
    ("Plade", "Ctrl+Enter / Esc", "Gem / fortryd rettelse i en post-it"),
    ("Plade", "Ctrl+hjul, knib", "Zoom"),
    ("Plade", "Mellemrum+træk, midterknap, hjul", "Panorér"),
    ("Prioritering", "0 … 9", "Sæt antal prikker på de valgte post-its"),
    ("Projektor", "B", "Sort skærm til pauser (B i projektorvinduet, Ctrl+B i hovedvinduet)"),
]


def collect(window) -> list[tuple[str, str, str]]:
    rows = []
    for area, action in command_actions(window.menuBar()):
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        rows.append((area, keys, action.text().replace("&", "")))
    for action in window.actions():
        if action.shortcuts() and action.text() and action.data() != "ikke-i-genveje":
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            rows.append(("Prioritering", keys, action.text()))
    return rows + EXTRA


class ShortcutsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setWindowTitle("Genveje")
        self.resize(760, 640)
        rows = collect(window)
        table = QTableWidget(len(rows), 3)
        table.setHorizontalHeaderLabels(["Område", "Taster", "Handling"])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setFont(theme.font(11))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
