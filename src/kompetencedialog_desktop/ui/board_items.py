"""What is drawn under and around the post-its: the board itself and the cluster outlines."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ..model.content import BoardDefinition
from . import theme

_WRAP = int(Qt.TextFlag.TextWordWrap)


def _fitting_font(text: str, width: float):
    """A zone title in full: a narrow zone gets a smaller title rather than a cut one."""
    size = 24
    font = theme.board_font(size, bold=True)
    while size > 14 and QFontMetricsF(font).horizontalAdvance(text) > width:
        size -= 1
        font = theme.board_font(size, bold=True)
    return font


def _help_font(text: str, box: QRectF):
    """A zone's help line in full: smaller letters rather than a third line cut off."""
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
            help_box = QRectF(r.x + 16, r.y + 40, r.w - 32, 44)
            painter.setFont(_help_font(zone.help, help_box))
            painter.drawText(help_box, _WRAP, zone.help)


CLUSTER_COLOUR = QColor("#6B3FA0")


class ClusterOutline(QGraphicsItem):
    """A dashed frame around a cluster's notes, under them; its name sits on a label above
    everything else, so neighbouring notes never hide it. Drawn from the model."""

    def __init__(self, name: str, rect: QRectF):
        super().__init__()
        self.name = name
        self.rect = rect.adjusted(-12, -12, 12, 12)
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.label = ClusterLabel(name, self.rect.topLeft())

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(CLUSTER_COLOUR, 4, Qt.PenStyle.DashLine))
        painter.setBrush(QColor(107, 63, 160, 28))
        painter.drawRoundedRect(self.rect, 16, 16)


class ClusterLabel(QGraphicsItem):
    def __init__(self, name: str, anchor):
        super().__init__()
        self.name = name
        self.setZValue(50)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._font = theme.board_font(17, bold=True)
        width = QFontMetricsF(self._font).horizontalAdvance(name) + 24
        self._rect = QRectF(anchor.x() + 10, anchor.y() - 18, width, 32)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(CLUSTER_COLOUR)
        painter.drawRoundedRect(self._rect, 10, 10)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(self._font)
        painter.drawText(self._rect, int(Qt.AlignmentFlag.AlignCenter), self.name)
