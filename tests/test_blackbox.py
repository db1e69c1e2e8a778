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
    not (shutil.which("Xvfb") and shutil.which("xdotool") and shutil.which("setxkbmap")),
    reason="Xvfb, xdotool and setxkbmap are installed by scripts/setup.sh --test",
)


def _start_xvfb() -> tuple[subprocess.Popen, str]:
    """An X server on a display it picks itself (-displayfd), so two runs at once never take the
    same number (xvfb-run -a can), and that does not reset when a client disconnects (-noreset)."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-noreset", "-nolisten", "tcp",
                               "-screen", "0", "1920x1080x24"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    if not number:
        server.kill()
        pytest.fail("Xvfb startede ikke")
    return server, f":{number}"


@needs_x
def test_type_three_notes_save_and_quit(tmp_path):
    path = tmp_path / "sekretær.kdlg"
    cli = Path(sys.executable).parent / "kompetencedialog"
    subprocess.run([str(cli), "new", "--workshop", "strategi", "-o", str(path)], check=True, capture_output=True)
    server, display = _start_xvfb()
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "XAUTHORITY")}
        env["DISPLAY"] = display
        run = subprocess.run(["sh", str(REPO / "scripts" / "blackbox_keyboard.sh"), str(path), str(cli)],
                             capture_output=True, text=True, timeout=120, env=env)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert run.returncode == 0, run.stderr
    assert "Tastatur: dk" in run.stdout  # æ, ø, å are real keys: xdotool never remaps on the fly
    check = subprocess.run([str(cli), "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0
    assert "Plade 1:      3 post-its" in check.stdout
    notes = load_project(path).notes
    assert [n.text for n in notes] == ["Første pointe fra salen", "Anden pointe: nyt system", "Tredje pointe om MUS"]
    assert {n.zone for n in notes} == {"kerneopgave"}
