"""Screenshots at Windows' laptop scaling (125 %, 150 %) on a 1920x1080 screen, to see that the
board, notes, timer and projector view stay sharp and laid out. Qt takes the scale from
QT_SCALE_FACTOR, as it takes it from Windows' display settings there:

    for s in 1.25 1.5; do QT_SCALE_FACTOR=$s QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" \\
        sh -c 'openbox & sleep 1; .venv/bin/python scripts/hidpi_screenshots.py docs/screenshots'; done

Writes hidpi-125.png (the main window, maximised, mid-workshop) and hidpi-125-projector.png,
and prints the device pixel ratio and the logical sizes for the report.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from shot_window import StageClock, maximised_window, settle


def main(out: Path) -> None:
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    tag = f"hidpi-{round(scale * 100)}"
    out.mkdir(parents=True, exist_ok=True)
    clock = StageClock()
    app, window = maximised_window(clock=clock)
    window.files.new_example("strategi")
    window.files.document.forget_changes()
    session = window.dock.session
    session.goto(4)
    session.toggle()
    clock.now += 41 * 60 + 30
    session.tick.emit()
    window.show_board(1)
    window.pages[1].view.fit_board()
    settle(app)
    screen = window.screen()
    shot = screen.grabWindow(window.winId())
    shot.save(str(out / f"{tag}.png"))
    print(f"{tag}: dpr {window.devicePixelRatio()}, screen {screen.size().width()}x{screen.size().height()} logical, "
          f"window {window.width()}x{window.height()} logical, picture {shot.width()}x{shot.height()} px")
    window.toggle_projector()
    projector = window.projector
    projector.resize(screen.size())
    settle(app)
    projector.fit()
    settle(app)
    picture = projector.grab()
    picture.save(str(out / f"{tag}-projector.png"))
    print(f"{tag}-projector: {picture.width()}x{picture.height()} px (dpr {picture.devicePixelRatio()})")
    projector.close()
    session.toggle()
    window.files.document.forget_changes()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
