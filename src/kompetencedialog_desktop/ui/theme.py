"""Colours and type for a projector: strong contrast, big letters, few colours."""

from __future__ import annotations

import sys
from functools import lru_cache

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

# The board's type: each system's own clear sans-serif first, then the others, then any sans-serif
# (the style hint). Without the list a Windows laptop has no "DejaVu Sans", and Qt's substitute
# for an unknown family is a guess. Note sizes are measured with the font actually used, so a
# wider fallback wraps earlier but never spills out of a note.
_SYSTEM_FONTS = {
    "win32": ["Segoe UI", "Arial"],
    "darwin": ["Helvetica Neue", "Helvetica", "Arial"],
}
_COMMON_FONTS = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"]


def font_families(platform: str | None = None) -> list[str]:
    """The families to try, best first, for `platform` (sys.platform's spelling; default: this one)."""
    families = _SYSTEM_FONTS.get(platform or sys.platform, []) + _COMMON_FONTS
    return list(dict.fromkeys(families))


FONT_FAMILY = font_families()[0]
NOTE_FONT_MAX = 34.0  # board units (x 4/3 px); short notes in big letters, for the room
NOTE_FONT_MIN = 7.0


def _with_fallbacks(f: QFont) -> QFont:
    f.setFamilies(font_families())
    f.setStyleHint(QFont.StyleHint.SansSerif)
    return f


def font(point_size: float, bold: bool = False) -> QFont:
    """A font for widgets, in points (follows the screen's DPI)."""
    f = _with_fallbacks(QFont())
    f.setPointSizeF(point_size)
    f.setBold(bold)
    return f


def board_font(size: float, bold: bool = False) -> QFont:
    """A font for the board, sized in board units (pixels at 100 % zoom). Pixel sizes scale with
    the painter's transform on every device, so a 300 dpi PDF shows the board as the screen does;
    point sizes would grow with the device's DPI. `size` keeps the old point scale (x 4/3)."""
    # A copy of a cached font: fitting 2,000 notes asks for a few sizes thousands of times, and
    # building a QFont with its fallback families each time cost ~70 ms of opening such a board.
    return QFont(_board_font(board_pixels(size), bold, tuple(font_families())))


def board_pixels(size: float) -> int:
    """The whole pixel size board_font(size) has: sizes with the same one lay text out alike."""
    return max(1, round(size * 4 / 3))


@lru_cache(maxsize=512)
def _board_font(pixels: int, bold: bool, families: tuple[str, ...]) -> QFont:
    f = QFont()
    f.setFamilies(list(families))
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setPixelSize(pixels)
    f.setBold(bold)
    return f


def note_fill(colour: str) -> QColor:
    return QColor(NOTE_FILLS.get(colour, NOTE_FILLS["gul"]))
