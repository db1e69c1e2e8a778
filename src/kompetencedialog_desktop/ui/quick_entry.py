"""The secretary's one-line entry: type, Enter, and the point is on the board in the chosen zone.

Alt+1…9 chooses the zone, Enter keeps the focus here for the next point, Up recalls the last
note for correction (Enter then corrects it, Esc leaves correction)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..model.content import BoardDefinition
from ..model.project import Note, new_id
from . import theme
from .commands import UpdateNotes
from .document import WorkshopDocument
from .zone_placement import add_to_zone, show_status


class _Line(QLineEdit):
    recall = Signal()
    cancel = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up:
            self.recall.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel.emit()
        else:
            super().keyPressEvent(event)


class QuickEntry(QWidget):
    note_added = Signal(str)

    def __init__(self, document: WorkshopDocument, board: BoardDefinition, parent=None):
        super().__init__(parent)
        self.document = document
        self.board = board
        self.last_note_id: str | None = None
        self.correcting: str | None = None

        self.zone_box = QComboBox()
        for i, zone in enumerate(board.zones, start=1):
            self.zone_box.addItem(f"Alt+{i}  {zone.title}", zone.id)
        self.zone_box.setFont(theme.font(13, bold=True))
        self.zone_box.setToolTip("Zonen, som nye post-its lander i (Alt+1…9)")
        self.mode_label = QLabel("Ny post-it i:")
        self.mode_label.setFont(theme.font(12))
        self.line = _Line()
        self.line.setFont(theme.font(16))
        self.line.setPlaceholderText("Skriv pointen, som deltageren formulerer den, og tryk Enter …  (↑ retter den seneste)")
        self.line.setClearButtonEnabled(True)
        self.line.returnPressed.connect(self.submit)
        self.line.recall.connect(self.recall_last)
        self.line.cancel.connect(self.leave_correction)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.mode_label)
        layout.addWidget(self.zone_box, 0)
        layout.addWidget(self.line, 1)

        for i in range(min(9, len(board.zones))):
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda index=i: self.choose_zone(index))

    @property
    def zone_id(self) -> str:
        return self.zone_box.currentData()

    def choose_zone(self, index: int) -> None:
        self.zone_box.setCurrentIndex(index)
        self.line.setFocus()

    def submit(self) -> None:
        text = self.line.text().strip()
        if not text:
            return
        if self.correcting is not None:
            self.document.undo_stack.push(UpdateNotes(self.document, {self.correcting: {"text": text}}, "Ret tekst"))
            self.leave_correction()
            self.line.clear()
            return
        note = Note(id=new_id("n"), board=self.board.id, zone=self.zone_id, x=0, y=0, text=text)
        show_status(self, add_to_zone(self.document, self.board, self.zone_id, [note]))
        self.last_note_id = note.id
        self.line.clear()
        self.line.setFocus()
        self.note_added.emit(note.id)

    def recall_last(self) -> None:
        if self.last_note_id is None:
            return
        try:
            note = self.document.project.note(self.last_note_id)
        except KeyError:  # undone or deleted meanwhile
            self.last_note_id = None
            return
        self.correcting = note.id
        self.line.setText(note.text)
        self.mode_label.setText("Retter seneste:")
        self.mode_label.setStyleSheet("color: #B00020; font-weight: bold;")

    def leave_correction(self) -> None:
        if self.correcting is None:
            self.line.clear()
            return
        self.correcting = None
        self.line.clear()
        self.mode_label.setText("Ny post-it i:")
        self.mode_label.setStyleSheet("")
