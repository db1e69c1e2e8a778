"""Take the README's screenshots of the real window (run under xvfb-run with QT_QPA_PLATFORM=xcb).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from shot_window import StageClock, settle  # noqa: E402

from kompetencedialog_desktop.ui.document import WorkshopDocument  # noqa: E402
from kompetencedialog_desktop.ui.main_window import MainWindow  # noqa: E402


def shoot(window: MainWindow, app: QApplication, path: Path) -> None:
    settle(app, 20)
    screen = window.screen()
    screen.grabWindow(window.winId()).save(str(path))
    print(f"gemt {path}")


def facilitation_shots(window: MainWindow, app: QApplication, clock: StageClock, out: Path) -> None:
    window.files.new_example("strategi")
    window.files.document.forget_changes()
    session = window.dock.session
    session.goto(4)  # board 2, 50 minutes
    session.toggle()
    clock.now += 41 * 60 + 30
    session.tick.emit()
    window.dock.tabs.setCurrentIndex(0)
    shoot(window, app, out / "facilitator-cards.png")
    window.dock.tabs.setCurrentIndex(1)
    shoot(window, app, out / "facilitator-agenda.png")
    window.dock.tabs.setCurrentIndex(2)
    shoot(window, app, out / "facilitator-voting.png")
    window.toggle_projector()
    projector = window.projector
    projector.resize(1920, 1080)
    settle(app, 20)
    projector.fit()
    settle(app, 20)
    projector.grab().save(str(out / "projector-mid-step.png"))
    clock.now += 10 * 60 + 12
    session.tick.emit()
    settle(app, 20)
    projector.grab().save(str(out / "projector-overtime.png"))
    projector.close()
    session.toggle()


def main(out: Path) -> None:
    from _data import big_project

    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    clock = StageClock()
    window = MainWindow(clock=clock)
    window.resize(1920, 1080)
    window.show()
    settle(app, 20)
    shoot(window, app, out / "start.png")

    window.files.new("strategi")
    window.show_board(0)
    shoot(window, app, out / "board-empty.png")

    window.files.new_example("strategi")
    window.files.document.forget_changes()
    for index, name in ((0, "example-board1.png"), (1, "example-board2.png")):
        window.show_board(index)
        window.pages[index].view.fit_board()
        shoot(window, app, out / name)
    window.files.new_example("grus")
    window.files.document.forget_changes()
    window.show_board(2)
    shoot(window, app, out / "example-grus-board3.png")
    window.tabs.setCurrentIndex(3)
    shoot(window, app, out / "plan-grus.png")

    facilitation_shots(window, app, clock, out)

    window.files._set_document(WorkshopDocument(big_project(2000), None, window.files))
    window.show_board(1)
    shoot(window, app, out / "board-2000-notes.png")
    window.files.document.forget_changes()
    QTimer.singleShot(0, app.quit)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
