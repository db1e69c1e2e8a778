"""125 % and 150 % scaling (Windows laptops' default) on a 1920x1080 screen: the real program
under Xvfb with QT_SCALE_FACTOR, measured in a child process (the scale is fixed when Qt starts).
scripts/hidpi_screenshots.py takes the matching pictures (docs/screenshots/hidpi-*.png)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

needs_x = pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is installed by scripts/setup.sh --test (Linux)")

PROBE = r"""
import json, math
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from kompetencedialog_desktop.ui.main_window import MainWindow

app = QApplication([])
window = MainWindow()
window.showMaximized()
for _ in range(30): app.processEvents()
window.files.new_example("strategi")
window.files.document.forget_changes()
window.show_board(1)
page = window.pages[1]
page.view.fit_board()
for _ in range(30): app.processEvents()
screen = window.screen().availableGeometry()
grab = page.view.viewport().grab()

def fits(timer):
    text_width = QFontMetricsF(timer.font()).horizontalAdvance("88:88")
    return text_width <= timer.contentsRect().width()

window.toggle_projector()
projector = window.projector
projector.resize(window.screen().size())
for _ in range(30): app.processEvents()
projector.fit()
for _ in range(10): app.processEvents()
area = projector.tile_area
shown = QRect()
for view in projector.views:  # the tiles (one per zone in use), in the tile area's coordinates
    if view.isVisibleTo(projector):
        shown = shown.united(view.geometry())
print(json.dumps({
    "dpr": window.devicePixelRatio(),
    "screen_width": screen.width(),
    "window_min_width": window.minimumSizeHint().width(),
    "view_logical": [page.view.viewport().width(), page.view.viewport().height()],
    "view_grab": [grab.width(), grab.height(), grab.devicePixelRatio()],
    "dock_timer_fits": fits(window.dock.timer),
    "projector_timer_fits": fits(projector.timer),
    "projector_viewport": [area.width(), area.height()],
    "projector_shown": [shown.x(), shown.y(), shown.width(), shown.height()],
}))
projector.close()
window.files.document.forget_changes()
"""


@pytest.fixture(scope="module", params=[1.25, 1.5], ids=["125", "150"])
def measured(request, tmp_path_factory):
    home = tmp_path_factory.mktemp("hidpi")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=str(request.param),
               **{name: str(home / name) for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")})
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, "-c", PROBE],
                         capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stderr
    return request.param, json.loads(run.stdout.strip().splitlines()[-1])


@needs_x
def test_scaling_is_applied(measured):
    scale, m = measured
    assert m["dpr"] == scale
    assert m["screen_width"] <= round(1920 / scale)


@needs_x
def test_the_board_is_drawn_at_device_pixels_so_it_stays_sharp(measured):
    scale, m = measured
    width, height, ratio = m["view_grab"]
    assert ratio == scale
    assert abs(width - m["view_logical"][0] * scale) <= 1 and abs(height - m["view_logical"][1] * scale) <= 1


@needs_x
def test_timers_show_their_digits_in_full(measured):
    _, m = measured
    assert m["projector_timer_fits"]
    assert m["dock_timer_fits"]


@needs_x
def test_projector_shows_the_used_part_of_the_board_large(measured):
    _, m = measured
    vw, vh = m["projector_viewport"]
    x, y, w, h = m["projector_shown"]
    assert x >= -1 and y >= -1 and x + w <= vw + 1 and y + h <= vh + 1  # all of the part in use
    assert w >= 0.95 * vw or h >= 0.95 * vh  # fitted to one side


@needs_x
def test_main_window_fits_on_the_screen(measured):
    _, m = measured
    assert m["window_min_width"] <= m["screen_width"]
