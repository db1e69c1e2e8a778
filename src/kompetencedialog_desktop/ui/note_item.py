"""A post-it on the board: a movable, selectable rectangle whose text wraps and shrinks to fit.

The item shows a note of the model; it never changes the model itself. Dragging moves the item
only; the scene turns the finished drag into one undo command.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem

from ..model.project import NOTE_HEIGHT, NOTE_WIDTH, Note
from . import theme

if TYPE_CHECKING:
    import pyphen

PADDING = 10.0
VOTES_SPACE = 18.0

# Never smaller than this (board units, like theme.NOTE_FONT_MAX): a 120-character note stays
# readable at fit zoom; a longer text makes the note taller (note_height_for) or is cut with "…".
NOTE_FONT_READABLE = 12.0
MAX_GROWN_HEIGHT = 3 * NOTE_HEIGHT
_SOFT_HYPHEN = "\u00ad"


def _text_option() -> QTextOption:
    option = QTextOption(Qt.AlignmentFlag.AlignCenter)
    # Breaks at spaces and at the soft hyphens of hyphenated(); a run with no break point at all
    # (a web address) may still break anywhere rather than run out of the note.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


TEXT_OPTION = _text_option()


@lru_cache(maxsize=1)
def _danish() -> "pyphen.Pyphen | None":
    try:
        import pyphen

        return pyphen.Pyphen(lang="da_DK")
    except Exception:  # dictionary missing from a bundle: no hyphens, but never a crash
        return None


@lru_cache(maxsize=8192)
def hyphenated(text: str) -> str:
    """`text` with soft hyphens where Danish words may break ("Kompetence-fonden"); Qt draws a
    visible hyphen only where it breaks a line there."""
    dic = _danish()
    if dic is None:
        return text
    return _WORD.sub(lambda m: dic.inserted(m.group(0), hyphen=_SOFT_HYPHEN)
                     if 7 <= len(m.group(0)) <= MAX_HYPHENATED_WORD else m.group(0), text)


_WORD = re.compile(r"[^\W\d_]+")
MAX_HYPHENATED_WORD = 60  # no Danish word is longer; a 99,000-letter "word" is not hyphenated

# The text a note lays out and draws: a hostile 99,000-character word took seconds to lay out
# per note. No box shows more characters than this (the narrowest letter is ~0.2 em, a line is
# over 1 em, and the size never goes below NOTE_FONT_READABLE), so a longer text is cut with "…"
# before layout; the model, the tooltip and Word keep the whole text.
MIN_SHOWN_CHARS = 2_000


def shown_text(text: str, width: float, height: float) -> str:
    room = (max(1.0, width) / (0.2 * NOTE_FONT_READABLE) + 1) * (max(1.0, height) / NOTE_FONT_READABLE + 1)
    limit = max(MIN_SHOWN_CHARS, int(min(room, 1e7)))
    return text if len(text) <= limit else text[:limit] + "…"


def _layout_height(text: str, font, width: float) -> float:
    """Height of `text` laid out exactly as paint() draws it (same wrap mode, same hyphens)."""
    total = 0.0
    for paragraph in hyphenated(text).split("\n"):
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
_PREFERRED_MIN = 16.0
_WRAP_SLACK = 1.18  # lines are never filled to the edge; measured on Danish note texts


def _finite(value: float, fallback: float) -> float:
    return value if isinstance(value, (int, float)) and math.isfinite(value) else fallback


def fitting_point_size(text: str, width: float, height: float) -> float:
    """The largest font size (in board units) at which `text` fits the box, never below
    NOTE_FONT_READABLE (the note then grows or cuts its text; see paint()).

    An estimate from the text's length picks the size; one or two real layouts confirm it
    (a bisection costs ~1 ms a note, too slow for opening 2,000 notes). Any box, even an empty
    or negative one, gives a size: painting must never raise."""
    if not text.strip():
        return theme.NOTE_FONT_MAX
    width, height = max(1.0, _finite(width, 1.0)), max(1.0, _finite(height, 1.0))
    metrics = QFontMetricsF(theme.board_font(_REF))
    paragraphs = text.count("\n") + 1
    line_h = metrics.lineSpacing()
    full = metrics.horizontalAdvance(text.replace("\n", " "))
    # (full*k/width*slack + paragraphs) lines of line_h*k must fit the height: solve for k.
    a = full * _WRAP_SLACK * line_h / width
    b = paragraphs * line_h
    k = (-b + math.sqrt(max(0.0, b * b + 4 * a * height))) / (2 * a) if a > 0 else 1.0
    size = min(theme.NOTE_FONT_MAX, _finite(_REF * k, NOTE_FONT_READABLE))
    # Whole words while that keeps the letters large; below that a long compound is hyphenated.
    longest = max(_WORD_PARTS.split(text), key=len) or text  # "IT-system" may break at its own hyphen
    word_cap = _REF * width / max(1.0, metrics.horizontalAdvance(longest))
    cap = min(theme.NOTE_FONT_MAX, word_cap) if word_cap >= _PREFERRED_MIN else theme.NOTE_FONT_MAX
    size = max(NOTE_FONT_READABLE, min(size, cap))
    if _layout_height(text, theme.board_font(size), width) <= height:
        # The estimate is cautious: two steps up, if the text still fits (big letters for the room).
        for _ in range(2):
            bigger = min(cap, size * 1.1)
            if bigger <= size or _layout_height(text, theme.board_font(bigger), width) > height:
                break
            size = bigger
        return size
    while size > NOTE_FONT_READABLE and _layout_height(text, theme.board_font(size), width) > height:
        size = max(NOTE_FONT_READABLE, size * 0.92)
    return size


_WORD_PARTS = re.compile(r"[\s\-/]+")


def text_fits(text: str, width: float, height: float, size: float) -> bool:
    return _layout_height(text, theme.board_font(size), max(1.0, width)) <= height + 0.5


def padding_for(w: float, h: float) -> float:
    """Less margin on the small notes of a crowded zone: their text needs every unit."""
    return max(4.0, min(PADDING, 0.07 * min(w, h)))


def _draw_cut(painter: QPainter, box: QRectF, text: str, size: float) -> None:
    """The lines of `text` that fit `box`, centred; the last one shown ends in "…"."""
    font = theme.board_font(size)
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    y = 0.0
    for paragraph in hyphenated(text).split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(TEXT_OPTION)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(box.width())
            if y + line.height() > box.height() and lines:
                break
            y += line.height()
            lines.append(paragraph[line.textStart():line.textStart() + line.textLength()])
        layout.endLayout()
        if y >= box.height():
            break
    if not lines:
        return
    last = lines[-1].replace(_SOFT_HYPHEN, "").rstrip()
    lines[-1] = metrics.elidedText(last + " …", Qt.TextElideMode.ElideRight, box.width())  # ends in "…" either way
    painter.setFont(font)
    top = box.top()
    step = metrics.lineSpacing()
    for i, line in enumerate(lines):
        shown = line.replace(_SOFT_HYPHEN, "") + ("-" if line.endswith(_SOFT_HYPHEN) else "")
        painter.drawText(QRectF(box.left(), top + i * step, box.width(), step), int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), shown)


def note_height_for(text: str, w: float = NOTE_WIDTH, h: float = NOTE_HEIGHT, votes: bool = False) -> float:
    """The height a w-wide note needs to show `text` at a readable size: `h` if it fits, taller
    (up to MAX_GROWN_HEIGHT) if not. New and edited notes grow instead of shrinking their text."""
    pad = padding_for(w, h)
    box_w = w - 2 * pad
    extra = 2 * pad + (VOTES_SPACE if votes else 0)
    text = shown_text(text, box_w, MAX_GROWN_HEIGHT)
    needed = _layout_height(text, theme.board_font(NOTE_FONT_READABLE), max(1.0, box_w)) + extra
    return float(min(MAX_GROWN_HEIGHT, max(h, math.ceil(needed / 10) * 10)))


class NoteItem(QGraphicsItem):
    def __init__(self, note: Note, unplaced: bool = False):
        super().__init__()
        self.note_id = note.id
        self._text = ""
        self._w = self._h = 1.0
        self._point_size: float | None = None
        self._fits = True
        self._edit_extra = 0.0  # while editing, the note grows under a long text (never the model)
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
        if bool(note.votes) != bool(getattr(self, "_votes", 0)):
            self._point_size = None  # the dots take a line of the text box
        self._colour = note.colour
        self._votes = note.votes
        self._chosen = note.chosen
        self._unplaced = unplaced
        self.setPos(note.x, note.y)
        self._update_tooltip()
        self.update()

    def _update_tooltip(self) -> None:
        tip = self._text if len(self._text) > 80 or not self._fits else ""
        self.setToolTip(("Uden zone: træk post-it'en ind i en zone.\n" + tip).strip() if self._unplaced else tip)

    @property
    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:
        return QRectF(-4, -4, self._w + 8, self._h + self._edit_extra + 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        # An exception in paint() inside Qt's event loop aborts the whole program: draw what we
        # can and keep going (a plain note is better than a lost workshop).
        try:
            self._paint(painter)
        except Exception:  # noqa: BLE001
            painter.save()
            painter.setPen(QPen(theme.NOTE_BORDER, 1.2))
            painter.setBrush(theme.note_fill("gul"))
            painter.drawRect(QRectF(0, 0, max(1.0, self._w), max(1.0, self._h)))
            painter.restore()

    def _text_box(self) -> QRectF:
        rect = QRectF(0, 0, self._w, self._h)
        pad = padding_for(self._w, self._h)
        box = rect.adjusted(pad, pad, -pad, -pad - (VOTES_SPACE if self._votes else 0))
        # A very small note (h=10) still gets a box: text is clipped, not laid out upside down.
        return QRectF(box.x(), box.y(), max(1.0, box.width()), max(1.0, box.height()))

    def text_layout(self) -> tuple[float, bool]:
        """(font size in board units, whether the whole text fits) for the current size."""
        if self._point_size is None:
            box = self._text_box()
            self._shown = shown_text(self._text, box.width(), box.height())
            self._point_size = fitting_point_size(self._shown, box.width(), box.height())
            fits = not self._shown.strip() or (self._shown is self._text
                                               and text_fits(self._shown, box.width(), box.height(), self._point_size))
            if fits != self._fits:
                self._fits = fits
                self._update_tooltip()  # measured lazily (opening 2,000 notes lays out none)
        return self._point_size, self._fits

    def _paint(self, painter: QPainter) -> None:
        rect = QRectF(0, 0, self._w, self._h + self._edit_extra)
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
        size, fits = self.text_layout()
        box = self._text_box()
        painter.setPen(theme.NOTE_TEXT)
        painter.setFont(theme.board_font(size))
        if fits:
            painter.drawText(box, hyphenated(self._shown), TEXT_OPTION)
        else:  # too long even at the readable size: whole lines, the last ending in "…" (full text: tooltip)
            _draw_cut(painter, box, self._shown, size)
        if self._votes:
            self._paint_votes(painter, QRectF(0, 0, self._w, self._h))

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
        self.set_edit_height(self._h)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update()

    def set_edit_height(self, height: float) -> None:
        """While editing, the note is drawn tall enough for the editor's text (and above its
        neighbours), so the text never spills out below it. The model changes on commit only."""
        extra = max(0.0, height - self._h)
        if extra != self._edit_extra:
            self.prepareGeometryChange()
            self._edit_extra = extra
        self.setZValue(10 if extra else 0)
        self.update()


class NoteEditor(QGraphicsTextItem):
    """Text editing inside the note. Esc cancels; Ctrl+Enter or clicking elsewhere commits."""

    def __init__(self, note_item: NoteItem, on_done: Callable[[str, bool], None]):
        super().__init__(note_item)
        self._note_item = note_item
        self._on_done = on_done
        self._finished = False
        self.setPlainText(note_item.text)
        self.setFont(theme.board_font(min(theme.NOTE_FONT_MAX, max(NOTE_FONT_READABLE + 1, note_item._point_size or 16))))
        self.setDefaultTextColor(theme.NOTE_TEXT)
        self.setTextWidth(max(20.0, note_item._w - 2 * PADDING))
        self.setPos(PADDING, PADDING / 2)
        self.document().contentsChanged.connect(self._fit_note)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)
        self._fit_note()

    def _fit_note(self) -> None:
        if not self._finished:
            self._note_item.set_edit_height(self.pos().y() + self.boundingRect().height() + PADDING / 2)

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
