"""The secretary's one-line entry: type, Enter, and the point is on the board in the chosen zone.

Alt+1…9 chooses the zone, Enter keeps the focus here for the next point, Shift+Enter makes a
line break, Up recalls the last note for correction (Enter then corrects it, Esc leaves
correction). Ctrl+Z/Ctrl+Y undo and redo the workshop from here."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from ..model.content import BoardDefinition
from ..model.project import Note, new_id
from . import theme
from .commands import UpdateNotes
from .document import WorkshopDocument
from .zone_placement import add_to_zone, show_status

# The window's undo/redo keys: in the line they undo the workshop, not the line's own text
# (the line keeps no history, so Ctrl+Z then Enter cannot make a duplicate).
_WORKSHOP_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)
_EXTRA_REDO = (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
MAX_LINES = 4


class _Line(QPlainTextEdit):
    """A one-line entry that can hold a line break (Shift+Enter) and grows to a few lines.
    Keeps QLineEdit's small API (text, setText, returnPressed) for the rest of the window."""

    returnPressed = Signal()
    recall = Signal()
    cancel = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(3)
        self.textChanged.connect(self._fit_height)

    def setFont(self, font) -> None:  # noqa: N802 - Qt's name
        super().setFont(font)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - like QLineEdit
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

    def _fit_height(self) -> None:
        lines = min(MAX_LINES, max(1, self.document().blockCount(), self._visual_lines()))
        frame = 2 * (self.frameWidth() + int(self.document().documentMargin()) + 2)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + frame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if self._visual_lines() > MAX_LINES
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _visual_lines(self) -> int:
        lines, block = 0, self.document().firstBlock()
        while block.isValid():
            lines += max(1, block.layout().lineCount()) if block.layout() else 1
            block = block.next()
        return lines

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _on_first_line(self) -> bool:
        """Up on the first line recalls the last note; further down it moves the cursor up."""
        cursor = self.textCursor()
        if cursor.blockNumber() != 0:
            return False
        line = cursor.block().layout().lineForTextPosition(cursor.positionInBlock())
        return not line.isValid() or line.lineNumber() == 0  # not laid out yet: one line

    def event(self, event: QEvent) -> bool:
        # Let the window's Fortryd/Gentag have Ctrl+Z/Ctrl+Y even while the text has focus.
        if event.type() == QEvent.Type.ShortcutOverride and (
                any(event.matches(k) for k in _WORKSHOP_KEYS)
                or QKeySequence(event.keyCombination()) in _EXTRA_REDO):
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            elif not mods & ~Qt.KeyboardModifier.KeypadModifier:
                self.returnPressed.emit()
            else:
                event.ignore()  # Ctrl+Enter and friends belong to the window
        elif key == Qt.Key.Key_Up and not mods and self._on_first_line():
            self.recall.emit()
        elif key == Qt.Key.Key_Escape:
            self.cancel.emit()
        else:
            super().keyPressEvent(event)


class ZoneBox(QComboBox):
    """The zone picker: as wide as its longest zone where the window has room; narrower, it shows
    the start of the zone with »…« (the tooltip and the open list show it in full)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()  # the minimum contents length, plus arrow and frame
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                              QSize(longest, metrics.height()), self)
        return QSize(max(hint.width(), size.width() + 4), hint.height())

    def _field_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self).width()

    def shown_text(self) -> str:
        """The current zone as the box shows it: in full, or cut with »…« when the box is narrow."""
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, self._field_width())

    def showPopup(self) -> None:  # noqa: N802 - Qt's name
        # The open list shows every zone in full, however narrow the box. Sized here, not at
        # start: reaching the list's view builds its Python classes (~100 enums, 5-10 ms).
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)
        super().showPopup()

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class QuickEntry(QWidget):
    note_added = Signal(str)

    def __init__(self, document: WorkshopDocument, board: BoardDefinition, parent=None):
        super().__init__(parent)
        self.document = document
        self.board = board
        self.last_note_id: str | None = None
        self.correcting: str | None = None

        self.zone_box = ZoneBox()
        for i, zone in enumerate(board.zones, start=1):
            self.zone_box.addItem(f"Alt+{i}  {zone.title}", zone.id)
            self.zone_box.setItemData(i - 1, zone.title, Qt.ItemDataRole.ToolTipRole)
        # A long zone title must not widen the window: in a narrow one the box shows its start with
        # »…«, the list all.
        self.zone_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zone_box.setMinimumContentsLength(18)
        self.zone_box.currentIndexChanged.connect(self._zone_tooltip)
        self.zone_box.setFont(theme.font(13, bold=True))
        self._zone_tooltip(0)
        self.mode_label = QLabel("Ny post-it i:")
        self.mode_label.setFont(theme.font(12))
        self.line = _Line()
        self.line.setFont(theme.font(16))
        # Short, so it stays on one line at 1366x768 and at 150 %; the tooltip has the keys.
        self.line.setPlaceholderText("Skriv deltagerens pointe, og tryk Enter …")
        self.line.setToolTip("Enter: ny post-it · Shift+Enter: ny linje · ↑: ret den seneste · Esc: fortryd rettelse\n"
                             "Alt+1…9: vælg zone · Ctrl+Z / Ctrl+Y: fortryd / gentag på pladen")
        self.line.returnPressed.connect(self.submit)
        self.line.recall.connect(self.recall_last)
        self.line.cancel.connect(self.leave_correction)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.mode_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.zone_box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.line, 1)

        for i in range(min(9, len(board.zones))):
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda index=i: self.choose_zone(index))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The secretary's line keeps most of the width; the zone box takes at most two fifths.
        self.zone_box.setMaximumWidth(max(self.zone_box.minimumSizeHint().width(), self.width() * 2 // 5))

    def _zone_tooltip(self, index: int) -> None:
        title = self.zone_box.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""
        self.zone_box.setToolTip(f"Zonen, som nye post-its lander i (Alt+1…9): {title}")

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
