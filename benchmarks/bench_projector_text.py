"""Note text on the projector at 1920x1080: letter height in screen pixels for every note of the
example workshops' boards (font pixel size x the projector's scale), as the room sees it.
~32 px is about 24 pt, readable from 8 m. Prints min / median per board.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_projector_text.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ.setdefault(_name, tempfile.mkdtemp())

from PySide6.QtWidgets import QApplication  # noqa: E402

from kompetencedialog_desktop.ui.main_window import MainWindow  # noqa: E402


def note_px(projector, item) -> float:
    """Pixel height of the note's letters on the projector (as tests/test_board_ui.py measures)."""
    size, _ = item.text_layout()
    view = projector.view_of(item) if hasattr(projector, "view_of") else projector.view
    return round(size * 4 / 3) * view.transform().m11()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for workshop in ("strategi", "grus"):
        win = MainWindow()
        win.resize(1600, 1000)
        win.show()
        win.files.new_example(workshop)
        win.toggle_projector()
        projector = win.projector
        projector.resize(1920, 1080)
        for index, page in enumerate(win.pages):
            win.show_board(index)
            for _ in range(5):
                app.processEvents()
            projector.fit()
            app.processEvents()
            px = [note_px(projector, item) for item in page.scene.items_by_id.values()]
            if px:
                print(f"{page.board.id:12} notes {len(px):2}  text px min {min(px):5.1f}  median {statistics.median(px):5.1f}"
                      f"  max {max(px):5.1f}")
        projector.close()
        win.files.document.forget_changes()
        win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
