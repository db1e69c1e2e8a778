"""The remaining time, big: calm at 2 minutes, a flashing red frame at zero, then overtime."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ..model.timer import AgendaTimer, format_clock
from . import theme

STYLES = {
    "normal": ("#FFFFFF", "#1B3A4B", "#1B3A4B"),
    "advarsel": ("#1B1B1B", "#FFC83D", "#FFC83D"),
    "alarm": ("#FFFFFF", "#C62828", "#FFEB3B"),
}


class TimerDisplay(QLabel):
    def __init__(self, point_size: float = 40, parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFont(theme.font(point_size, bold=True))
        self.setMinimumHeight(int(point_size * 2.2))
        self.level = "normal"
        self._flash = False

    def show_timer(self, timer: AgendaTimer) -> None:
        self.level = timer.level()
        remaining = timer.remaining()
        text = format_clock(remaining) if remaining > 0 else format_clock(-timer.overtime())
        if not timer.running:
            text += "  ❚❚" if timer.elapsed() > 0 else ""
        self.setText(text)
        # The alarm frame flashes twice a second (a visual alarm: the app never makes sound).
        self._flash = not self._flash if self.level == "alarm" and timer.running else False
        fg, bg, border = STYLES[self.level]
        frame = border if (self.level != "alarm" or self._flash) else bg
        self.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border: 8px solid {frame}; border-radius: 10px; }}")
