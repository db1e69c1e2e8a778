"""One tab: a board's view with the secretary's quick entry under it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..model.content import BoardDefinition
from .board_scene import BoardScene
from .board_view import BoardView
from .document import WorkshopDocument
from .quick_entry import QuickEntry


class BoardPage(QWidget):
    def __init__(self, document: WorkshopDocument, board: BoardDefinition, parent=None):
        super().__init__(parent)
        self.board = board
        self.scene = BoardScene(document, board, self)
        self.view = BoardView(self.scene)
        self.entry = QuickEntry(document, board)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.entry)

    def focus_entry(self) -> None:
        self.entry.line.setFocus()
