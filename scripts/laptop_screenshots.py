"""Screenshots of the real window on laptop screens, both workshops open, and a check that it fits.
Run on an X server of that size with a window manager (the window is maximised as on a laptop):

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c 'openbox & sleep 1; QT_QPA_PLATFORM=xcb \
        .venv/bin/python scripts/laptop_screenshots.py docs/screenshots'

Saves window-WxH.png (strategy, board 2, dot vote shown) and window-WxH-grus.png (GRUS, board 1, agenda),
and prints the window's size, its minimum and whether the quick entry and timer are on screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRect
from shot_window import maximised_window, settle


def on_screen(widget, window) -> bool:
    rect = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    return widget.isVisible() and window.screen().availableGeometry().contains(rect)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app, window = maximised_window()
    screen = window.screen().geometry()
    name = f"{screen.width()}x{screen.height()}"
    ok = True
    for workshop, board, tab, suffix in (("strategi", 1, 2, ""), ("grus", 0, 1, "-grus")):
        window.files.new_example(workshop)
        window.files.document.forget_changes()
        window.show_board(board)
        window.dock.tabs.setCurrentIndex(tab)
        settle(app)
        window.current_page().view.fit_board()
        settle(app)
        fits = on_screen(window.current_page().entry.line, window) and on_screen(window.dock.timer, window)
        hint = window.minimumSizeHint()
        print(f"{name} {workshop}: vindue {window.width()}x{window.height()}, mindst {hint.width()}x{hint.height()}, "
              f"hurtigindtastning og ur synlige: {'ja' if fits else 'NEJ'}")
        ok = ok and fits
        path = out / f"window-{name}{suffix}.png"
        window.screen().grabWindow(0).save(str(path))
        print(f"gemt {path}")
    window.files.document.forget_changes()
    window.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
