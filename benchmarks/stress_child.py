"""The real program, driven as a secretary would drive it, for the fault-injection script.

Opens FIL in the real MainWindow, types a note through the quick entry every 4 ms and saves
with Ctrl+S's code path every SAVE_EVERY notes (default 1: a save then takes a good share of the
time, so many kills land inside one). It prints each finished edit (with its time) and the start
and end of each save so the parent can tell what must survive a SIGKILL. Runs until killed.

    stress_child.py FIL [SAVE_EVERY]"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kompetencedialog_desktop.ui.main_window import MainWindow  # noqa: E402


def main(path: Path, save_every: int) -> None:
    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    if not window.files.open(path):
        raise SystemExit("kunne ikke åbne projektet")
    entry = window.current_page().entry
    count = [0]

    def edit() -> None:
        count[0] += 1
        n = count[0]
        entry.line.setText(f"Pointe {n:05d}")
        entry.submit()
        print(f"EDIT {n} {time.time():.6f}", flush=True)
        if n % save_every == 0:
            print(f"SAVING {n}", flush=True)
            window.files.save()
            print(f"SAVED {n}", flush=True)

    timer = QTimer()
    timer.timeout.connect(edit)
    timer.start(4)  # short: the saves take most of the time, so many kills land inside one
    print("READY", flush=True)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)
