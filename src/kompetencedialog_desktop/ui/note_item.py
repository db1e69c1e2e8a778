"""A post-it on the board: a movable, selectable rectangle whose text wraps and shrinks to fit.

The item shows a note of the model; it never changes the model itself. Dragging moves the item
only; the scene turns the finished drag into one undo command.
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem

from ..model.project import Note
from . import theme

PADDING = 10.0


# Below this size we would rather break a long Danish compound than shrink further.
_PREFERRED_MIN = 15.0


def _text_option() -> QTextOption:
    option = QTextOption(Qt.AlignmentFlag.AlignCenter)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


TEXT_OPTION = _text_option()


def _layout_height(text: str, font, width: float) -> float:
    """Height of `text` laid out exactly as paint() draws it (same wrap mode)."""
    total = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(TEXT_OPTION)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            total += line.height()
        layout.endLayout()
    return total


_REF = 20.0
_WRAP_SLACK = 1.18  # lines are never filled to the edge; measured on Danish note texts


def fitting_point_size(text: str, width: float, height: float) -> float:
    """The largest font size (in board units) at which `text` fits the box.

    An estimate from the text's length picks the size; one or two real layouts confirm it
    (a bisection costs ~1 ms a note, too slow for opening 2,000 notes). Whole words are kept
    whole down to a readable size; a long compound ("sagsbehandlingssystem") is broken
    rather than shrinking the whole note to fine print."""
    if not text.strip():
        return theme.NOTE_FONT_MAX
    metrics = QFontMetricsF(theme.board_font(_REF))
    paragraphs = text.count("\n") + 1
    line_h = metrics.lineSpacing()
    full = metrics.horizontalAdvance(text.replace("\n", " "))
    # (full*k/width*slack + paragraphs) lines of line_h*k must fit the height: solve for k.
    a = full * _WRAP_SLACK * line_h / width
    b = paragraphs * line_h
    k = (-b + math.sqrt(b * b + 4 * a * height)) / (2 * a) if a > 0 else 1.0
    size = min(theme.NOTE_FONT_MAX, _REF * k)
    word_cap = _REF * width / max(1.0, metrics.horizontalAdvance(max(text.split(), key=len)))
    if word_cap >= _PREFERRED_MIN:
        size = min(size, word_cap)
    size = max(theme.NOTE_FONT_MIN, size)
    while size > theme.NOTE_FONT_MIN and _layout_height(text, theme.board_font(size), width) > height:
        size = max(theme.NOTE_FONT_MIN, size * 0.92)
    return size


class NoteItem(QGraphicsItem):
    def __init__(self, note: Note, unplaced: bool = False):
        super().__init__()
        self.note_id = note.id
        self._text = ""
        self._w = self._h = 1.0
        self._point_size: float | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        # Rendered once per zoom level; a repaint at the same zoom just blits the cached pixmap.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.editor: NoteEditor | None = None
        self.sync(note, unplaced)

    # --- mirror the model -------------------------------------------------------------
    def sync(self, note: Note, unplaced: bool = False) -> None:
        """Show `note`. `unplaced`: it belongs to no zone of this board (dropped on the margin, or
        a zone that a newer content version removed): kept and marked, never hidden."""
        if (note.w, note.h) != (self._w, self._h):
            self.prepareGeometryChange()
            self._w, self._h = note.w, note.h
            self._point_size = None
        if note.text != self._text:
            self._text = note.text
            self._point_size = None
        self._colour = note.colour
        self._votes = note.votes
        self._chosen = note.chosen
        self._unplaced = unplaced
        self.setPos(note.x, note.y)
        tip = note.text if len(note.text) > 80 else ""
        self.setToolTip(("Uden zone: træk post-it'en ind i en zone.\n" + tip).strip() if unplaced else tip)
        self.update()

    @property
    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self._w + 4, self._h + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = QRectF(0, 0, self._w, self._h)
        painter.setPen(QPen(theme.NOTE_BORDER, 1.2))
        painter.setBrush(theme.note_fill(self._colour))
        painter.drawRect(rect)
        if self._chosen:
            painter.setPen(QPen(theme.TEXT_DARK, 5))
            painter.drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5))
        if self._unplaced:
            painter.setPen(QPen(theme.UNPLACED, 4, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        if self.isSelected():
            painter.setPen(QPen(theme.SELECTION, 6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        if self.editor is not None:
            return  # the editor draws the text while editing
        text_box = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING - (18 if self._votes else 0))
        if self._point_size is None:
            self._point_size = fitting_point_size(self._text, text_box.width(), text_box.height())
        painter.setPen(theme.NOTE_TEXT)
        painter.setFont(theme.board_font(self._point_size))
        painter.drawText(text_box, self._text, TEXT_OPTION)
        if self._votes:
            self._paint_votes(painter, rect)

    def _paint_votes(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.TEXT_DARK)
        shown = min(self._votes, 8)
        for i in range(shown):
            painter.drawEllipse(QRectF(rect.left() + 8 + i * 15, rect.bottom() - 20, 12, 12))
        painter.setPen(theme.TEXT_DARK)
        painter.setFont(theme.board_font(13, bold=True))
        painter.drawText(QRectF(rect.right() - 60, rect.bottom() - 24, 52, 20),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(self._votes))

    # --- in-place editing -------------------------------------------------------------
    def start_editing(self, on_done: Callable[[str, bool], None]) -> "NoteEditor":
        """Show an editor over the note; on_done(text, committed) is called exactly once."""
        self.editor = NoteEditor(self, on_done)
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.update()
        return self.editor

    def editing_finished(self) -> None:
        self.editor = None
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update()


class NoteEditor(QGraphicsTextItem):
    """Text editing inside the note. Esc cancels; Ctrl+Enter or clicking elsewhere commits."""

    def __init__(self, note_item: NoteItem, on_done: Callable[[str, bool], None]):
        super().__init__(note_item)
        self._note_item = note_item
        self._on_done = on_done
        self._finished = False
        self.setPlainText(note_item.text)
        self.setFont(theme.board_font(min(theme.NOTE_FONT_MAX, max(12.0, note_item._point_size or 16))))
        self.setDefaultTextColor(theme.NOTE_TEXT)
        self.setTextWidth(note_item._w - 2 * PADDING)
        self.setPos(PADDING, PADDING / 2)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def finish(self, commit: bool) -> None:
        if self._finished:
            return
        self._finished = True
        text = self.toPlainText()
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._note_item.editing_finished()
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        self._on_done(text, commit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(False)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.finish(True)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.finish(True)
