"""The real program under Xvfb, driven by the keyboard only (xdotool), then checked by the CLI."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kompetencedialog_desktop.storage.project_file import load_project

from .conftest import REPO

needs_x = pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("xdotool")),
    reason="xvfb-run and xdotool are installed by scripts/setup.sh --test",
)


@needs_x
def test_type_three_notes_save_and_quit(tmp_path):
    path = tmp_path / "sekretær.kdlg"
    cli = Path(sys.executable).parent / "kompetencedialog"
    subprocess.run([str(cli), "new", "--workshop", "strategi", "-o", str(path)], check=True, capture_output=True)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    run = subprocess.run(
        ["xvfb-run", "-a", "-s", "-noreset -screen 0 1920x1080x24", "sh", str(REPO / "scripts" / "blackbox_keyboard.sh"), str(path), str(cli)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "Tastatur: dk" in run.stdout  # æ, ø, å are real keys: xdotool never remaps on the fly
    check = subprocess.run([str(cli), "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0
    assert "Plade 1:      3 post-its" in check.stdout
    notes = load_project(path).notes
    assert [n.text for n in notes] == ["Første pointe fra salen", "Anden pointe: nyt system", "Tredje pointe om MUS"]
    assert {n.zone for n in notes} == {"kerneopgave"}
