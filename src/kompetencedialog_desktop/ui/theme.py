"""Colours and type for a projector: strong contrast, big letters, few colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

# Post-it fills chosen to stay distinct on a washed-out projector, all with dark text.
NOTE_FILLS: dict[str, str] = {
    "gul": "#FFE45C",
    "groen": "#A8E6A1",
    "blaa": "#9FD3FF",
    "lyseroed": "#FFB3D1",
    "orange": "#FFB766",
    "hvid": "#FFFFFF",
}
NOTE_TEXT = QColor("#111111")
NOTE_BORDER = QColor("#5A5A5A")
SELECTION = QColor("#1A56DB")
UNPLACED = QColor("#C62828")
BOARD_BACKGROUND = QColor("#FFFFFF")
CANVAS_BACKGROUND = QColor("#3C4148")
TEXT_DARK = QColor("#1B1B1B")
TEXT_MUTED = QColor("#3D3D3D")

FONT_FAMILY = "DejaVu Sans"
NOTE_FONT_MAX = 34.0  # board units (x 4/3 px); short notes in big letters, for the room
NOTE_FONT_MIN = 7.0


def font(point_size: float, bold: bool = False) -> QFont:
    """A font for widgets, in points (follows the screen's DPI)."""
    f = QFont(FONT_FAMILY)
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def board_font(size: float, bold: bool = False) -> QFont:
    """A font for the board, sized in board units (pixels at 100 % zoom). Pixel sizes scale with
    the painter's transform on every device, so a 300 dpi PDF shows the board as the screen does;
    point sizes would grow with the device's DPI. `size` keeps the old point scale (x 4/3)."""
    f = QFont(FONT_FAMILY)
    f.setPixelSize(max(1, round(size * 4 / 3)))
    f.setBold(bold)
    return f


def note_fill(colour: str) -> QColor:
    return QColor(NOTE_FILLS.get(colour, NOTE_FILLS["gul"]))
