"""Build the wheel, install it in a fresh venv, and load the content from there (not the checkout)."""

import os
import subprocess
import sys
import zipfile

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow


def _run(*cmd, **kw):
    run = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert run.returncode == 0, f"{cmd}\n{run.stdout}\n{run.stderr}"
    return run


def test_wheel_ships_resources_and_they_load_when_installed(tmp_path):
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(REPO))
    wheel = next(dist.glob("kompetencedialog_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "kompetencedialog_desktop/resources/boards/strategi-1.json" in names
    assert "kompetencedialog_desktop/resources/examples/grus.json" in names

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", str(venv))
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    # The content code needs pydantic and platformdirs only; no Qt is installed here on purpose.
    _run(str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel))
    _run(str(py), "-m", "pip", "install", "-q", "pydantic>=2.6,<3", "platformdirs>=4")
    probe = (
        "from kompetencedialog_desktop.paths import resources_dir\n"
        "from kompetencedialog_desktop.storage.content_loader import load_workshop_content\n"
        "print(resources_dir())\n"
        "print(sum(len(load_workshop_content(w).boards) for w in ('strategi', 'grus')))\n"
    )
    out = _run(str(py), "-c", probe, cwd=tmp_path).stdout.split()
    assert "site-packages" in out[0] and str(REPO) not in out[0]
    assert out[1] == "6"
    cli = py.parent / "kompetencedialog"  # Scripts\kompetencedialog.exe on Windows (run without ".exe")
    _run(str(cli), "new", "--workshop", "grus", "--example", "-o", str(tmp_path / "ex.kdlg"), cwd=tmp_path)
    assert "Plade 3" in _run(str(cli), "check", str(tmp_path / "ex.kdlg"), cwd=tmp_path).stdout
