"""What the screenshot scripts share: the real main window, maximised as on a laptop, a clock
they set, and the secretary's quick entry to fill a board. Run the scripts from a checkout
(`.venv/bin/python scripts/NAME.py`): this folder is then on the import path."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from kompetencedialog_desktop.ui.main_window import MainWindow


class StageClock:
    """A clock the script sets, so the timer shows a chosen moment of the workshop."""

    now = 0.0

    def __call__(self) -> float:
        return self.now


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def maximised_window(size: tuple[int, int] | None = None, clock=None) -> tuple[QApplication, MainWindow]:
    """The application and its main window, maximised (first `size`, for a screen that big) and painted."""
    app = QApplication(sys.argv[:1])
    window = MainWindow(clock=clock)
    if size is not None:
        window.resize(*size)
    window.showMaximized()
    settle(app)
    return app, window


def type_notes(window: MainWindow, app: QApplication, zone_index: int, texts: list[str],
               board_index: int | None = None) -> None:
    """Type `texts` into the quick entry of the current board (or `board_index`) in one zone."""
    if board_index is not None:
        window.show_board(board_index)
    page = window.current_page()
    page.entry.choose_zone(zone_index)
    for text in texts:
        page.entry.line.setText(text)
        page.entry.submit()
    settle(app)


def text_px(item, zoom: float) -> float:
    """A note's text height in screen pixels at `zoom` (its point size is in board units)."""
    size, _ = item.text_layout()
    return round(size * 4 / 3) * zoom
