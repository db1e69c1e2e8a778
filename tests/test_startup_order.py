"""What start-up leaves for later, checked in a fresh interpreter (this test process has long
since built everything): the first paint does not wait for work that can come after it, and
that work follows soon after, before a user can open a file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from kompetencedialog_desktop.model import project
from kompetencedialog_desktop.storage.project_file import ProjectFile
from kompetencedialog_desktop.ui.main_window import MainWindow

def built():
    records, pending = [], [project.Record]
    while pending:
        record = pending.pop()
        pending.extend(record.__subclasses__())
        records.append(record)
    return {r.__name__: bool(r.__pydantic_complete__) for r in records[1:] + [ProjectFile]}

def run_loop_for(ms):  # the window's own timers run meanwhile, as during a slow start
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()

app = QApplication(sys.argv[:1])
window = MainWindow()
run_loop_for(400)  # e.g. a big file opened before the window is shown
window.show()
app.processEvents()  # the first paint
before = built()
loop, poll = QEventLoop(), QTimer()
poll.timeout.connect(lambda: all(built().values()) and loop.quit())
poll.start(10)
QTimer.singleShot(10000, loop.quit)  # a deadline, not a wait: the loop ends as soon as all are built
loop.exec()
print(json.dumps({"before": before, "after": built(), "modules": sorted(sys.modules)}))
"""


def _probe(tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{
        var: str(tmp_path / var) for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")})
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_validators_are_built_after_the_first_paint_not_before(tmp_path):
    seen = _probe(tmp_path)
    assert not any(seen["before"].values()), seen["before"]  # none on the way to the first paint
    assert all(seen["after"].values()), seen["after"]  # all of them soon after
    # Nor what only a later action needs: Word export, the projector, the plan and evaluation tabs.
    later = {"docx", "kompetencedialog_desktop.ui.projector_window", "kompetencedialog_desktop.ui.plan_page",
             "kompetencedialog_desktop.ui.evaluation_page", "kompetencedialog_desktop.storage.docx_export"}
    assert later.isdisjoint(seen["modules"]), later & set(seen["modules"])
