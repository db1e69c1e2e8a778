"""One tab: a board's view with the secretary's quick entry under it.

The board's scene and view are built when the tab is first shown (or first asked for): a
workshop opens on board 1, and boards 2 and 3 cost nothing until someone looks at them.
A scene built later reads the model as it is then, so nothing is missed in between."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ..model.content import BoardDefinition
from .board_scene import BoardScene
from .board_view import BoardView
from .document import WorkshopDocument
from .note_cache import NoteCachePolicy
from .quick_entry import QuickEntry


class BoardPage(QWidget):
    def __init__(self, document: WorkshopDocument, board: BoardDefinition, parent=None):
        super().__init__(parent)
        self.board = board
        self._document = document
        self._scene: BoardScene | None = None
        self._view: BoardView | None = None
        self.entry = QuickEntry(document, board)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.entry)  # the view goes above it when built

    @property
    def scene(self) -> BoardScene:
        self._build()
        return self._scene

    @property
    def view(self) -> BoardView:
        self._build()
        return self._view

    @property
    def built(self) -> bool:
        return self._scene is not None

    def _build(self) -> None:
        if self._scene is not None:
            return
        self._scene = BoardScene(self._document, self.board, self)
        self._scene.note_cache = NoteCachePolicy(self._scene)  # room for the notes' pictures; a projector asks too
        self._view = BoardView(self._scene)
        # A frame would be redrawn on focus-in, and that redraws the whole board: the first
        # step of a drag (the press focuses the view) cost a full repaint.
        self._view.setFrameShape(QFrame.Shape.NoFrame)
        self._scene.note_cache.watch(self._view)
        self.layout().insertWidget(0, self._view, 1)
        if self.isVisible():
            self._view.show()  # a child added to a shown widget is otherwise shown one turn later

    def showEvent(self, event) -> None:
        self._build()
        super().showEvent(event)

    def focus_entry(self) -> None:
        self.entry.line.setFocus()
