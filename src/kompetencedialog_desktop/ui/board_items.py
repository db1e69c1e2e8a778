"""What is drawn under and around the post-its: the board itself and the cluster outlines."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem

from ..model.content import BoardDefinition
from . import theme

_WRAP = int(Qt.TextFlag.TextWordWrap)


@lru_cache(maxsize=256)
def _fitting_font(text: str, width: float):
    """A zone title in full: a narrow zone gets a smaller title rather than a cut one. Kept:
    the board is drawn again at every zoom step, and measuring each title each time cost ~1 ms."""
    size = 24
    font = theme.board_font(size, bold=True)
    while size > 14 and QFontMetricsF(font).horizontalAdvance(text) > width:
        size -= 1
        font = theme.board_font(size, bold=True)
    return font


HELP_TOP, HELP_HEIGHT = 38.0, 48.0  # a zone's help text, below its title (board units from the zone's top)


def _help_font(text: str, box: QRectF):
    """A zone's help line in full: smaller letters rather than a third line cut off."""
    return _help_font_for(text, box.x(), box.y(), box.width(), box.height())


@lru_cache(maxsize=256)
def _help_font_for(text: str, x: float, y: float, w: float, h: float):
    box = QRectF(x, y, w, h)
    size = 14
    font = theme.board_font(size)
    while size > 10 and QFontMetricsF(font).boundingRect(box, _WRAP, text).height() > box.height() + 2:  # two lines fit
        size -= 1
        font = theme.board_font(size)
    return font


class BoardBackground(QGraphicsItem):
    """The printed board: title, focus line and the coloured zones with title and help."""

    def __init__(self, board: BoardDefinition):
        super().__init__()
        self.board = board
        self.setZValue(-100)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.board.width, self.board.height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        b = self.board
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.BOARD_BACKGROUND)
        painter.drawRect(self.boundingRect())
        accent = QColor(b.colour)
        painter.setBrush(accent)
        painter.drawRect(QRectF(0, 0, b.width, 16))
        painter.setPen(accent.darker(130))
        painter.setFont(theme.board_font(40, bold=True))
        painter.drawText(QRectF(28, 26, b.width - 56, 64), int(Qt.AlignmentFlag.AlignVCenter), f"{b.number}  {b.title}")
        painter.setPen(theme.TEXT_MUTED)
        painter.setFont(theme.board_font(20))
        painter.drawText(QRectF(30, 92, b.width - 60, 70), _WRAP, b.focus)
        for zone in b.zones:
            r = zone.rect
            rect = QRectF(r.x, r.y, r.w, r.h)
            painter.setBrush(QColor(zone.colour))
            painter.setPen(QPen(accent, 3 if zone.voting else 1.5, Qt.PenStyle.DashLine if zone.voting else Qt.PenStyle.SolidLine))
            painter.drawRoundedRect(rect, 10, 10)
            painter.setPen(theme.TEXT_DARK)
            title = zone.title + ("  ●●●" if zone.voting else "")
            painter.setFont(_fitting_font(title, r.w - 32))
            painter.drawText(QRectF(r.x + 16, r.y + 6, r.w - 32, 34), int(Qt.AlignmentFlag.AlignVCenter), title)
            painter.setPen(theme.TEXT_MUTED)
            # Two lines of help with their descenders (44 cut "lovgivning" at the bottom); notes start at +94.
            help_box = QRectF(r.x + 16, r.y + HELP_TOP, r.w - 32, HELP_HEIGHT)
            painter.setFont(_help_font(zone.help, help_box))
            painter.drawText(help_box, _WRAP, zone.help)


def zone_text_rects(board: BoardDefinition) -> list[QRectF]:
    """Where BoardBackground writes each zone's title and the lines of its help text (as drawn,
    line by line), so a label can be put where it covers none of them."""
    rects: list[QRectF] = []
    for zone in board.zones:
        r = zone.rect
        title = zone.title + ("  ●●●" if zone.voting else "")
        rects.append(QRectF(r.x + 16, r.y + 6, QFontMetricsF(_fitting_font(title, r.w - 32)).horizontalAdvance(title), 34))
        layout = QTextLayout(zone.help, _help_font(zone.help, QRectF(r.x + 16, r.y + HELP_TOP, r.w - 32, HELP_HEIGHT)))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        y, end = r.y + HELP_TOP, r.y + HELP_TOP + HELP_HEIGHT
        while (line := layout.createLine()).isValid() and y < end:
            line.setLineWidth(r.w - 32)
            rects.append(QRectF(r.x + 16, y, line.naturalTextWidth(), min(line.height(), end - y)))
            y += line.height()
        layout.endLayout()
    return rects


CLUSTER_COLOUR = QColor("#6B3FA0")
FRAME_MARGIN = 8.0  # joins the frames of notes one gap (12) apart; clears a zone's two-line help


def cluster_path(member_rects: list[QRectF]) -> QPainterPath:
    """The cluster's outline: a frame around each member, joined into one shape, so a
    note that is not in the cluster never looks as if it were inside it."""
    path = QPainterPath()
    for rect in member_rects:
        frame = QPainterPath()
        # Square frames join without a pinch where two members stand one gap apart; the pen's
        # round joins soften the corners.
        frame.addRect(rect.adjusted(-FRAME_MARGIN, -FRAME_MARGIN, FRAME_MARGIN, FRAME_MARGIN))
        path = path.united(frame)
    return path.simplified()


class ClusterOutline(QGraphicsItem):
    """A dashed outline around a cluster's notes (one frame per note, joined), under them;
    its name sits on a label above everything else, placed where it covers no note and no zone
    text (label_rect). Drawn from the model."""

    def __init__(self, name: str, member_rects: list[QRectF], obstacles: list[QRectF]):
        super().__init__()
        self.name = name
        self.path = cluster_path(member_rects)
        self.rect = self.path.boundingRect()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.label = ClusterLabel(name)
        self.label.place(label_rect(self.label.size(), member_rects, obstacles))

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-4, -4, 4, 4)

    def shape(self) -> QPainterPath:
        return self.path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(CLUSTER_COLOUR, 4, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(QColor(107, 63, 160, 28))
        painter.drawPath(self.path)


def label_rect(size: tuple[float, float], member_rects: list[QRectF], obstacles: list[QRectF]) -> QRectF:
    """Where a cluster's label goes: on the frame line above or below one of its notes (top rows
    first), from the note's left end, moved right past whatever it would cover (a zone's help text)
    while it still touches the note's frame; the first place that covers no note and no zone text.
    If every place covers something, above the first note (the label is drawn on top)."""
    w, h = size
    first: QRectF | None = None
    for rect in sorted(member_rects, key=lambda r: (r.top(), r.left())):
        # Centred on the frame line, but never over the note itself.
        top = min(rect.top() - FRAME_MARGIN - h / 2, rect.top() - h - 1)
        bottom = max(rect.bottom() + FRAME_MARGIN - h / 2, rect.bottom() + 1)
        for y in (top, bottom):
            candidate = QRectF(rect.left() + 4, y, w, h)
            first = first or QRectF(candidate)
            for _ in range(8):
                hit = next((o for o in obstacles if candidate.intersects(o)), None)
                if hit is None:
                    return candidate
                if hit.right() + 6 > rect.right():
                    break  # it would leave the note's frame
                candidate.moveLeft(hit.right() + 6)
    return first or QRectF(0, 0, w, h)


class ClusterLabel(QGraphicsItem):
    def __init__(self, name: str):
        super().__init__()
        self.name = name
        self.setZValue(50)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._font = theme.board_font(15, bold=True)
        metrics = QFontMetricsF(self._font)
        self._rect = QRectF(0, 0, metrics.horizontalAdvance(name) + 20, metrics.height() + 2)

    def size(self) -> tuple[float, float]:
        return self._rect.width(), self._rect.height()

    def place(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CLUSTER_COLOUR)
        painter.drawRoundedRect(self._rect, 8, 8)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(self._font)
        painter.drawText(self._rect, int(Qt.AlignmentFlag.AlignCenter), self.name)
