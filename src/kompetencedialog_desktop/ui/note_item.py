"""A post-it on the board: a movable, selectable rectangle whose text wraps and shrinks to fit.

The item shows a note of the model; it never changes the model itself. Dragging moves the item
only; the scene turns the finished drag into one undo command.
"""

from __future__ import annotations

import math
import time
from collections import deque
from functools import lru_cache
from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QFontMetricsF, QKeyEvent, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem

from ..model.project import NOTE_HEIGHT, NOTE_WIDTH, Note
from . import hyphenation, theme

PADDING = 10.0

# Never smaller than this (board units, like theme.NOTE_FONT_MAX): a 120-character note stays
# readable at fit zoom; a longer text makes the note taller (note_height_for) or is cut with "…".
NOTE_FONT_READABLE = 12.0
MAX_GROWN_HEIGHT = 3 * NOTE_HEIGHT
_SOFT_HYPHEN = hyphenation.SOFT_HYPHEN


def _text_option() -> QTextOption:
    option = QTextOption(Qt.AlignmentFlag.AlignCenter)
    # Breaks at spaces and at the soft hyphens of hyphenated(); a run with no break point at all
    # (a web address) may still break anywhere rather than run out of the note.
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


TEXT_OPTION = _text_option()


@lru_cache(maxsize=8192)
def hyphenated(text: str) -> str:
    """`text` with soft hyphens in every word of 7+ letters, at its break points
    (hyphenation.break_points); Qt draws a visible hyphen only where it breaks a line there."""
    return hyphenation.hyphenate(text, lambda piece: len(piece) >= 7)


@lru_cache(maxsize=64)
def _font(size: float):
    return theme.board_font(size)


@lru_cache(maxsize=64)
def _metrics(size: float) -> QFontMetricsF:
    return QFontMetricsF(_font(size))


@lru_cache(maxsize=16384)
def _advance(piece: str, size: float) -> float:
    return _metrics(size).horizontalAdvance(piece)


@lru_cache(maxsize=8192)
def _widest_piece(text: str) -> float:
    """The widest unbreakable run of `text` at the reference size."""
    return max((_advance(p, _REF) for p in hyphenation.pieces(text)), default=0.0)


@lru_cache(maxsize=8192)
def layout_text(text: str, width: float, height: float, size: float) -> str:
    """`text` as paint() lays it out at `size` in a width x height box: soft hyphens only in the
    words that cannot stand whole on a line at that size. A text that does not fit even at the
    readable size gets them in all its long words: hyphenated, it needs fewer lines."""
    def too_wide(piece: str) -> bool:
        return _advance(piece, size) > width

    readable = size <= NOTE_FONT_READABLE + 0.01
    if not readable and _widest_piece(text) * size / _REF * 1.05 < width:
        return text  # every word fits a line whole (measured at the reference size, with room to spare)
    pixels = theme.board_pixels(size)  # too_wide() measures with the font of this pixel size
    soft = hyphenation.hyphenate(text, too_wide, too_wide, _piece_memo("wide", width, pixels))
    if readable and _soft_height(soft, size, width) > height + 0.5:
        return hyphenation.hyphenate(text, lambda piece: len(piece) >= 7 or too_wide(piece), too_wide,
                                     _piece_memo("long", width, pixels))
    return soft


# Each word's hyphenation, by (rule, line width, pixel size): the notes of a workshop share most
# of their words, and a full zone laid out again fits ~160 small notes at once.
_PIECE_MEMOS: dict[tuple[str, float, int], dict[str, str]] = {}
_PIECE_MEMO_MAX = 4000


def _piece_memo(rule: str, width: float, pixels: int) -> dict[str, str]:
    memo = _PIECE_MEMOS.get((rule, width, pixels))
    if memo is None or len(memo) > _PIECE_MEMO_MAX:
        if len(_PIECE_MEMOS) > 256:
            _PIECE_MEMOS.clear()
        memo = _PIECE_MEMOS[(rule, width, pixels)] = {}
    return memo


# The text a note lays out and draws: a hostile 99,000-character word took seconds to lay out
# per note. No box shows more characters than this (the narrowest letter is ~0.2 em, a line is
# over 1 em, and the size never goes below NOTE_FONT_READABLE), so a longer text is cut with "…"
# before layout; the model, the tooltip and Word keep the whole text.
MIN_SHOWN_CHARS = 2_000


def shown_text(text: str, width: float, height: float) -> str:
    room = (max(1.0, width) / (0.2 * NOTE_FONT_READABLE) + 1) * (max(1.0, height) / NOTE_FONT_READABLE + 1)
    limit = max(MIN_SHOWN_CHARS, int(min(room, 1e7)))
    return text if len(text) <= limit else text[:limit] + "…"


# Heights already measured, by (hyphenated text, pixel size, width): fitting tries the same
# layout several times (the whole-word and the split fit, the check in text_layout(), the same
# note in another scene) and a size only changes the layout through its whole pixel size.
# Very long texts are measured each time: the memo must not hold megabytes of hyphenated copies.
_HEIGHTS: dict[tuple[str, int, float], float] = {}
_HEIGHTS_MAX = 20000
_HEIGHTS_TEXT_MAX = 2000


def _soft_height(soft: str, size: float, width: float) -> float:
    """Height of an already hyphenated text laid out exactly as paint() draws it."""
    if len(soft) > _HEIGHTS_TEXT_MAX:
        return _measure_height(soft, _font(size), width)
    key = (soft, theme.board_pixels(size), width)
    found = _HEIGHTS.get(key)
    if found is None:
        if len(_HEIGHTS) >= _HEIGHTS_MAX:
            _HEIGHTS.clear()
        found = _HEIGHTS[key] = _measure_height(soft, _font(size), width)
    return found


def _paragraph_lines(paragraph: str, font, width: float):
    """(line height, line text) of one paragraph laid out as paint() draws it (same wrap, same
    hyphens). A generator: a caller that has seen enough lines simply stops asking."""
    layout = QTextLayout(paragraph, font)
    layout.setTextOption(TEXT_OPTION)
    layout.beginLayout()
    try:
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            yield line.height(), paragraph[line.textStart():line.textStart() + line.textLength()]
    finally:
        layout.endLayout()


def _measure_height(soft: str, font, width: float) -> float:
    """The lines' heights as _paragraph_lines() gives them, without making the lines' texts
    (fitting measures each note two or three times: the loop is kept bare)."""
    total = 0.0
    for paragraph in soft.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(TEXT_OPTION)
        layout.beginLayout()
        line = layout.createLine()
        while line.isValid():
            line.setLineWidth(width)
            total += line.height()
            line = layout.createLine()
        layout.endLayout()
    return total


def _layout_height(text: str, size: float, width: float, height: float) -> float:
    """Height of `text` laid out at `size` as paint() draws it in a width x height box."""
    return _soft_height(layout_text(text, width, height, size), size, width)


_REF = 20.0
_WRAP_SLACK = 1.18  # lines are never filled to the edge; measured on Danish note texts
# Whole words ("Grøn omstilling", not "Grøn om-stilling") unless that costs more than this share
# of the size that splitting long words at their Danish break points would allow
# ("Specialpædagogisk løft" at 9 px next to 16 px neighbours) ...
WHOLE_WORDS_STEP = 0.85
WHOLE_WORDS_BIG = 20.0  # ... and always when whole words get this size anyway


def _finite(value: float, fallback: float) -> float:
    return value if isinstance(value, (int, float)) and math.isfinite(value) else fallback


def _unit_cap(units: list[str], width: float) -> float:
    """The largest size at which the widest of `units` fits a line; units too wide even at the
    readable size (a web address) break anywhere and cap nothing."""
    longest = max((_advance(u, _REF) for u in units if _advance(u, NOTE_FONT_READABLE) <= width), default=0.0)
    cap = 0.98 * _REF * width / longest if longest > 0 else theme.NOTE_FONT_MAX
    return min(theme.NOTE_FONT_MAX, max(NOTE_FONT_READABLE, cap))


def _fit(text: str, width: float, height: float, estimate: float, cap: float) -> float:
    size = max(NOTE_FONT_READABLE, min(estimate, cap))
    if _layout_height(text, size, width, height) <= height:
        # The estimate is cautious: two steps up, if the text still fits (big letters for the room).
        for _ in range(2):
            bigger = min(cap, size * 1.1)
            if bigger <= size or _layout_height(text, bigger, width, height) > height:
                break
            size = bigger
        return size
    while size > NOTE_FONT_READABLE and _layout_height(text, size, width, height) > height:
        size = max(NOTE_FONT_READABLE, size * 0.92)
    return size


# By value: the same text in a box of the same size (another scene of the board, the projector,
# an undo that gives a zone its old sizes back) is not fitted again.
@lru_cache(maxsize=8192)
def fitting_point_size(text: str, width: float, height: float) -> float:
    """The largest font size (in board units) at which `text` fits the box, never below
    NOTE_FONT_READABLE (the note then grows or cuts its text; see paint()). Words stay whole
    unless that costs much more than a step of size (WHOLE_WORDS_STEP).

    An estimate from the text's length picks the size; one or two real layouts confirm it
    (a bisection costs ~1 ms a note, too slow for opening 2,000 notes). Any box, even an empty
    or negative one, gives a size: painting must never raise."""
    if not text.strip():
        return theme.NOTE_FONT_MAX
    width, height = max(1.0, _finite(width, 1.0)), max(1.0, _finite(height, 1.0))
    paragraphs = text.count("\n") + 1
    line_h = _ref_line_spacing()
    full = _metrics(_REF).horizontalAdvance(text.replace("\n", " "))
    # (full*k/width*slack + paragraphs) lines of line_h*k must fit the height: solve for k.
    a = full * _WRAP_SLACK * line_h / width
    b = paragraphs * line_h
    k = (-b + math.sqrt(max(0.0, b * b + 4 * a * height))) / (2 * a) if a > 0 else 1.0
    estimate = max(NOTE_FONT_READABLE, min(theme.NOTE_FONT_MAX, _finite(_REF * k, NOTE_FONT_READABLE)))
    whole_cap = _unit_cap(hyphenation.pieces(text), width)
    whole = _fit(text, width, height, estimate, whole_cap)
    if whole_cap >= estimate or whole >= WHOLE_WORDS_BIG:
        return whole  # the length, not a long word, sets the size: splitting gains nothing
    split_cap = _unit_cap(hyphenation.units(hyphenation.hyphenate(text, _always)), width)
    if whole >= WHOLE_WORDS_STEP * split_cap:
        return whole
    split = _fit(text, width, height, estimate, split_cap)
    return whole if whole >= WHOLE_WORDS_STEP * split else split


@lru_cache(maxsize=1)
def _ref_line_spacing() -> float:
    return _metrics(_REF).lineSpacing()


def _always(_: str) -> bool:
    return True


def text_fits(text: str, width: float, height: float, size: float) -> bool:
    width = max(1.0, width)
    return _layout_height(text, size, width, height) <= height + 0.5


def padding_for(w: float, h: float) -> float:
    """Less margin on the small notes of a crowded zone: their text needs every unit."""
    return max(4.0, min(PADDING, 0.07 * min(w, h)))


def _cut_lines(box: QRectF, text: str, size: float) -> list[tuple[QRectF, str]]:
    """The lines of `text` that fit `box`, centred, with where each is drawn; the last one shown
    ends in "…"."""
    font = _font(size)
    metrics = _metrics(size)
    lines: list[str] = []
    y = 0.0
    for paragraph in layout_text(text, box.width(), box.height(), size).split("\n"):
        for height, line_text in _paragraph_lines(paragraph, font, box.width()):
            if y + height > box.height() and lines:
                break
            y += height
            lines.append(line_text)
        if y >= box.height():
            break
    if not lines:
        return []
    last = lines[-1].replace(_SOFT_HYPHEN, "").rstrip()
    lines[-1] = metrics.elidedText(last + " …", Qt.TextElideMode.ElideRight, box.width())  # ends in "…" either way
    top = box.top()
    step = metrics.lineSpacing()
    return [(QRectF(box.left(), top + i * step, box.width(), step),
             part.replace(_SOFT_HYPHEN, "") + ("-" if part.endswith(_SOFT_HYPHEN) else ""))
            for i, part in enumerate(lines)]


_CUT_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)


def _draw_option() -> QTextOption:
    option = QTextOption(TEXT_OPTION)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft)  # each line is centred by its position, as Qt does
    return option


_DRAW_OPTION = _draw_option()
_LEADING: dict[int, float] = {}


class DrawnText:
    """A note's text laid out once and drawn at every zoom level without laying it out again.

    A zoom change redraws every visible note, and QPainter.drawText(box, text, TEXT_OPTION) lays
    the text out anew each time (about half of a note's drawing). This keeps the layout and
    draws it exactly as drawText does (Qt's qt_format_text: lines on whole units, the block
    centred in the box, each line centred on its own, clipped to the box only when it spills),
    so the pixels are the same (tests/test_note_text_cache.py compares them)."""

    __slots__ = ("font", "layout", "lines", "clip", "box", "cut")

    def __init__(self, text: str, size: float, box: QRectF, fits: bool):
        self.font = _font(size)
        self.box = box
        self.layout = None
        self.lines: list = []
        self.clip = False
        self.cut: list[tuple[QRectF, str]] | None = None
        if not fits:  # too long even at the readable size: whole lines, the last ending in "…"
            self.cut = _cut_lines(box, text, size)
            return
        pixels = self.font.pixelSize()
        leading = _LEADING.get(pixels)
        if leading is None:
            leading = _LEADING[pixels] = _metrics(size).leading()
        layout = QTextLayout(text.replace("\n", "\u2028"), self.font)
        layout.setTextOption(_DRAW_OPTION)
        layout.setCacheEnabled(True)  # keep the shaped glyphs: drawing is then only drawing
        width, limit = box.width(), box.height()
        height, widest = -leading, 0.0
        lines = []
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height = math.ceil(height + leading)
            line.setPosition(QPointF(0.0, height))
            height += line.ascent() + line.descent()  # the line's unrounded height, as Qt adds it
            widest = max(widest, line.naturalTextWidth())
            lines.append(line)
            if height >= limit:
                break
        layout.endLayout()
        top = box.y() + (limit - height) / 2
        self.layout = layout
        self.lines = [(line, QPointF(box.x() + (width - line.horizontalAdvance()) / 2, top)) for line in lines]
        self.clip = not box.contains(QRectF(box.x() + (width - widest) / 2, top, widest, height))

    def draw(self, painter: QPainter) -> None:
        painter.setFont(self.font)
        if self.cut is not None:
            for rect, part in self.cut:
                painter.drawText(rect, _CUT_FLAGS, part)
            return
        if self.clip:
            painter.save()
            painter.setClipRect(self.box, Qt.ClipOperation.IntersectClip)
        for line, position in self.lines:
            line.draw(painter, position)
        if self.clip:
            painter.restore()


def note_height_for(text: str, w: float = NOTE_WIDTH, h: float = NOTE_HEIGHT, votes: bool = False) -> float:
    """The height a w-wide note needs to show `text` at a readable size: `h` if it fits, taller
    (up to MAX_GROWN_HEIGHT) if not. New and edited notes grow instead of shrinking their text."""
    pad = padding_for(w, max(h, MAX_GROWN_HEIGHT))  # a grown note's margin: the widest it gets
    box_w = w - 2 * pad
    extra = pad + (max(pad, vote_strip(h)) if votes else pad)
    box_w = max(1.0, box_w)
    # Whole words if they fit the note's own height; else all long words hyphenated (fewer lines).
    text = shown_text(text, box_w, MAX_GROWN_HEIGHT)
    soft = layout_text(text, box_w, h - extra, NOTE_FONT_READABLE)
    needed = _soft_height(soft, NOTE_FONT_READABLE, box_w) + extra
    return float(min(MAX_GROWN_HEIGHT, max(h, math.ceil(needed / 10) * 10)))


def _dot_size(h: float) -> float:
    # 22 units on a full note: ~11 px at the fit zoom of a 1366x768 laptop (12 units were 6 px).
    return max(10.0, min(22.0, 0.17 * h))


def vote_strip(h: float) -> float:
    """The height the dot line keeps free at the foot of an h-high note (the text stays above)."""
    return _dot_size(h) + 10.0


@lru_cache(maxsize=1024)
def vote_marks(w: float, h: float, votes: int) -> tuple[list[QRectF], QRectF, float]:
    """The dot line at the foot of a w x h note: (one circle per dot, the number's box, its font
    size in board units). As many dots as fit left of the number; the number always says all."""
    d = _dot_size(h)
    top = h - 5.0 - d
    size = 0.85 * d
    number_w = QFontMetricsF(theme.board_font(size, bold=True)).horizontalAdvance(str(votes)) + 2.0  # cached per size
    number = QRectF(w - 7.0 - number_w, top - 3.0, number_w, d + 6.0)
    step = 1.3 * d
    room = max(0, int((number.left() - 6.0 - 7.0 - d) // step) + 1)
    dots = [QRectF(7.0 + i * step, top, d, d) for i in range(min(votes, room))]
    return dots, number, size


class VoteNumber:
    """The number of a note's dot line, laid out once and drawn as
    painter.drawText(box, AlignRight | AlignVCenter, number) draws it (one line, no wrapping,
    right-aligned and centred in height; clipped only when it spills), pixel for pixel."""

    __slots__ = ("font", "layout", "line", "position", "clip", "box")

    def __init__(self, text: str, size: float, box: QRectF):
        self.font = _bold_font(size)
        self.box = box
        layout = QTextLayout(text, self.font)
        layout.setTextOption(_NUMBER_OPTION)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(float(0x01000000))  # Qt's width for text that does not wrap
        line.setPosition(QPointF(0.0, 0.0))
        layout.endLayout()
        height, width = line.ascent() + line.descent(), line.naturalTextWidth()
        top = box.y() + (box.height() - height) / 2
        self.layout, self.line = layout, line
        self.position = QPointF(box.x() + box.width() - line.horizontalAdvance(), top)
        self.clip = not box.contains(QRectF(box.x() + box.width() - width, top, width, height))

    def draw(self, painter: QPainter) -> None:
        painter.setFont(self.font)
        if self.clip:
            painter.save()
            painter.setClipRect(self.box, Qt.ClipOperation.IntersectClip)
        self.line.draw(painter, self.position)
        if self.clip:
            painter.restore()


def _number_option() -> QTextOption:
    option = QTextOption(Qt.AlignmentFlag.AlignLeft)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    option.setFlags(QTextOption.Flag.IncludeTrailingSpaces)
    return option


_NUMBER_OPTION = _number_option()


@lru_cache(maxsize=64)
def _bold_font(size: float):
    return theme.board_font(size, bold=True)


@lru_cache(maxsize=1024)
def vote_number(w: float, h: float, votes: int) -> VoteNumber:
    """The dot line's number of a w x h note with `votes` dots, ready to draw (kept by value)."""
    _, number, size = vote_marks(w, h, votes)
    return VoteNumber(str(votes), size, number)


FAMILY_STEP = 1.2  # a zone's notes: at most this much above the zone's median size


def family_cap(sizes: list[float]) -> float:
    """The largest font size for a zone's notes, from their own best sizes: short notes are not
    giant next to long ones (paper post-its are written with one marker). Never below readable."""
    if len(sizes) < 2:
        return theme.NOTE_FONT_MAX
    ordered = sorted(sizes)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    return max(NOTE_FONT_READABLE, min(theme.NOTE_FONT_MAX, FAMILY_STEP * median))


@lru_cache(maxsize=None)
def _pen(kind: str) -> QPen:
    """The note's pens, made once: paint() runs for every visible note at every zoom level."""
    if kind == "border":
        return QPen(theme.NOTE_BORDER, 1.2)
    raise KeyError(kind)


@lru_cache(maxsize=64)
def _fill(colour: str) -> QBrush:
    return QBrush(theme.note_fill(colour))


class _IdleWork:
    """Work done in the event loop's next turns, a few milliseconds at a time, first come first
    served within two queues: the layouts of notes just drawn (DrawnText: the next zoom finds
    them; keeping one costs more than drawText's own layout, so opening a board does not pay for
    it), then the text fitting of boards not shown yet (their first paint finds it done)."""

    TURN_S = 0.004  # at most this long per turn: typing and dragging stay smooth

    def __init__(self) -> None:
        self._layouts: list[NoteItem] = []
        self._fits: deque[tuple[str, float, float, bool]] = deque()  # in the order given
        self._armed = False

    def keep_layout(self, item: "NoteItem") -> None:
        self._layouts.append(item)
        self._arm()

    def fit(self, notes: list[tuple[str, float, float, bool]]) -> None:
        """Work out natural_point_size(text, w, h, votes) of each, for the caches."""
        self._fits.extend(notes)
        self._arm()

    def _arm(self) -> None:
        if not self._armed:
            self._armed = True
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self._armed = False
        end = time.perf_counter() + self.TURN_S
        while self._layouts and time.perf_counter() < end:
            item = self._layouts.pop()
            try:
                item.keep_layout()
            except RuntimeError:  # the board it was on is gone (another workshop opened)
                pass
        while self._fits and time.perf_counter() < end:
            natural_point_size(*self._fits.popleft())
        if self._layouts or self._fits:
            self._arm()


_IDLE = _IdleWork()


def fit_later(notes) -> None:
    """Fit the text of `notes` (model notes) in idle turns, in their order: the first paint of
    a board shown later finds their sizes in fitting_point_size()'s cache (~0.1 ms a note)."""
    _IDLE.fit([(n.text, n.w, n.h, bool(n.votes)) for n in notes])


def text_box(w: float, h: float, votes: bool) -> QRectF:
    """Where a w x h note's text goes: inside its padding, above its dot line if it has votes."""
    pad = padding_for(w, h)
    bottom = max(pad, vote_strip(h)) if votes else pad
    box = QRectF(0, 0, w, h).adjusted(pad, pad, -pad, -bottom)
    # A very small note (h=10) still gets a box: text is clipped, not laid out upside down.
    return QRectF(box.x(), box.y(), max(1.0, box.width()), max(1.0, box.height()))


def natural_point_size(text: str, w: float, h: float, votes: bool) -> float:
    """The best font size for a w x h note showing `text`, alone (before its zone's family cap)."""
    box = text_box(w, h, votes)
    return fitting_point_size(shown_text(text, box.width(), box.height()), box.width(), box.height())


# Made once: combining Python enum flags for each of 2,000 notes cost ~3 ms of opening a board.
_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
          | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache


class NoteItem(QGraphicsItem):
    def __init__(self, note: Note, unplaced: bool = False):
        super().__init__()
        self.note_id = note.id
        self._text = ""
        self._w = self._h = 1.0
        self._point_size: float | None = None
        self._shown = ""  # the text as drawn at _point_size (with its soft hyphens)
        self._plain = ""  # the text cut to what the box can ever show (shown_text)
        self._natural: float | None = None  # the best size for this note alone
        self._drawn: DrawnText | None = None  # the text as laid out for drawing (kept after the first paint)
        self._fits = True
        self.zone: str | None = None
        # The zone's size family (BoardScene.family_cap): the note's size is capped by it.
        self.family: Callable[[str | None], float] | None = None
        self._box_key: tuple[float, float, bool] | None = None
        self._box = QRectF()
        self._edit_extra = 0.0  # while editing, the note grows under a long text (never the model)
        self._tip = ""
        self._bounds = self._make_bounds()
        self.setFlags(_FLAGS)
        # Rendered once per zoom level; a repaint at the same zoom just blits the cached pixmap.
        self.setCacheMode(_DEVICE_CACHE)
        self.editor: NoteEditor | None = None
        self.sync(note, unplaced)

    # --- mirror the model -------------------------------------------------------------
    def sync(self, note: Note, unplaced: bool = False) -> None:
        """Show `note`. `unplaced`: it belongs to no zone of this board (dropped on the margin, or
        a zone that a newer content version removed): kept and marked, never hidden."""
        if (note.w, note.h) != (self._w, self._h):
            self.prepareGeometryChange()
            self._w, self._h = note.w, note.h
            self._bounds = self._make_bounds()
            self._point_size = self._natural = None
        if note.text != self._text:
            self._text = note.text
            self._point_size = self._natural = None
        if bool(note.votes) != bool(getattr(self, "_votes", 0)):
            self._point_size = self._natural = None  # the dots take a line of the text box
        if note.zone != self.zone:
            self._point_size = None  # another zone, another size family (its natural size stays)
        self.zone = note.zone
        self._colour = note.colour
        self._votes = note.votes
        self._chosen = note.chosen
        self._unplaced = unplaced
        self.setPos(note.x, note.y)
        self._update_tooltip()
        self.update()

    def _update_tooltip(self) -> None:
        tip = self._text if len(self._text) > 80 or not self._fits else ""
        tip = ("Uden zone: træk post-it'en ind i en zone.\n" + tip).strip() if self._unplaced else tip
        if tip != self._tip:  # most notes never have one: no call into Qt for each of them
            self._tip = tip
            self.setToolTip(tip)

    @property
    def text(self) -> str:
        return self._text

    def boundingRect(self) -> QRectF:
        # Qt asks several times per note and paint (3,000+ times a zoom step on a big board):
        # the rectangle is made when the size changes, not at each call (Qt copies it).
        return self._bounds

    def _make_bounds(self) -> QRectF:
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
        # Kept until the size or the dots change (sync): paint() asks on every zoom level.
        key = (self._w, self._h, bool(self._votes))
        if self._box_key != key:
            self._box_key, self._box = key, text_box(self._w, self._h, bool(self._votes))
        return self._box

    def natural_size(self) -> float:
        """The best font size for this note's text and box alone, before the zone's family cap."""
        if self._natural is None:
            self._natural = natural_point_size(self._text, self._w, self._h, bool(self._votes))
        return self._natural

    def family_changed(self) -> None:
        """The zone's size family changed: lay the text out again at the next paint."""
        self._point_size = None
        self.update()

    def text_layout(self) -> tuple[float, bool]:
        """(font size in board units, whether the whole text fits) for the current size."""
        if self._point_size is None:
            self._drawn = None
            box = self._text_box()
            cap = self.family(self.zone) if self.family is not None else theme.NOTE_FONT_MAX
            self._point_size = min(self.natural_size(), max(NOTE_FONT_READABLE, cap))
            # A huge text is cut before layout (shown_text); the model and the tooltip keep it whole.
            self._plain = shown_text(self._text, box.width(), box.height())
            # Kept with the size: the caches of the fitting may have dropped it when paint() asks.
            self._shown = layout_text(self._plain, box.width(), box.height(), self._point_size)
            fits = not self._plain.strip() or (self._plain is self._text
                                               and text_fits(self._plain, box.width(), box.height(), self._point_size))
            if fits != self._fits:
                self._fits = fits
                self._update_tooltip()  # measured lazily (opening 2,000 notes lays out none)
        return self._point_size, self._fits

    def shown_lines(self) -> list[str]:
        """The lines as paint() lays them out ("Kompetence-" where a word breaks at a soft hyphen)."""
        size, _ = self.text_layout()
        box = self._text_box()
        lines: list[str] = []
        for paragraph in layout_text(self._text, box.width(), box.height(), size).split("\n"):
            layout = QTextLayout(paragraph, theme.board_font(size))
            layout.setTextOption(TEXT_OPTION)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(box.width())
                part = paragraph[line.textStart():line.textStart() + line.textLength()]
                lines.append(part.replace(_SOFT_HYPHEN, "").rstrip() + ("-" if part.endswith(_SOFT_HYPHEN) else ""))
            layout.endLayout()
        return lines

    def _paint(self, painter: QPainter) -> None:
        rect = QRectF(0, 0, self._w, self._h + self._edit_extra)
        painter.setPen(_pen("border"))
        painter.setBrush(_fill(self._colour))
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
        painter.setPen(theme.NOTE_TEXT)
        if self._drawn is not None:
            self._drawn.draw(painter)
        elif fits:
            # The first paint (opening a board) draws as it always did; the layout is kept later.
            painter.setFont(_font(size))
            painter.drawText(self._text_box(), self._shown, TEXT_OPTION)
            _IDLE.keep_layout(self)
        else:  # too long even at the readable size: whole lines, the last ending in "…" (full text: tooltip)
            self._drawn = DrawnText(self._plain, size, self._text_box(), False)
            self._drawn.draw(painter)
        if self._votes:
            self._paint_votes(painter, QRectF(0, 0, self._w, self._h))

    def keep_layout(self) -> None:
        """Keep the text's layout for the next paints (a zoom redraws every visible note)."""
        if self._drawn is None and self._point_size is not None and self.editor is None:
            self._drawn = DrawnText(self._shown if self._fits else self._plain, self._point_size, self._text_box(), self._fits)

    def _paint_votes(self, painter: QPainter, rect: QRectF) -> None:
        dots, number, size = vote_marks(rect.width(), rect.height(), self._votes)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.TEXT_DARK)
        for dot in dots:
            painter.drawEllipse(dot)
        painter.setPen(theme.TEXT_DARK)
        vote_number(rect.width(), rect.height(), self._votes).draw(painter)

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
        self.setCacheMode(_DEVICE_CACHE)
        self.update()

    def set_edit_height(self, height: float) -> None:
        """While editing, the note is drawn tall enough for the editor's text (and above its
        neighbours), so the text never spills out below it. The model changes on commit only."""
        extra = max(0.0, height - self._h)
        if extra != self._edit_extra:
            self.prepareGeometryChange()
            self._edit_extra = extra
            self._bounds = self._make_bounds()
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
