"""How the process ends: at once after the window (nothing left to save), but through Qt's
teardown when the program holds the clipboard, so a copied post-it outlives the program."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kompetencedialog_desktop import process_exit


class _Ended(Exception):
    def __init__(self, how: str, code: int):
        super().__init__(how)
        self.how, self.code = how, code


@pytest.fixture
def endings(monkeypatch):
    def fast(code):
        raise _Ended("os._exit", code)

    def normal(code):
        raise _Ended("sys.exit", code)

    monkeypatch.setattr(process_exit.os, "_exit", fast)
    monkeypatch.setattr(process_exit.sys, "exit", normal)


def test_after_the_window_the_process_ends_at_once(qapp, endings, monkeypatch):
    monkeypatch.setattr(process_exit.sys, "platform", "linux")  # macOS: see below
    qapp.clipboard().clear()
    with pytest.raises(_Ended) as ended:
        process_exit.end_process(3)
    assert (ended.value.how, ended.value.code) == ("os._exit", 3)


@pytest.mark.parametrize("mode", ["clipboard", "selection"])
def test_a_copied_text_is_handed_on_through_qt_teardown(monkeypatch, endings, mode):
    # Offscreen Qt owns no system clipboard, so the platform's answer is stood in for here;
    # on X11, Windows and macOS it is QClipboard's own.
    class Clipboard:
        def ownsClipboard(self):  # noqa: N802 - Qt's name
            return mode == "clipboard"

        def ownsSelection(self):  # noqa: N802 - Qt's name
            return mode == "selection"

    class App:
        def clipboard(self):
            return Clipboard()

    monkeypatch.setattr(process_exit, "_running_qt_application", App)
    with pytest.raises(_Ended) as ended:
        process_exit.end_process(0)
    assert ended.value.how == "sys.exit"


def test_on_macos_qt_always_tears_down_so_the_pasteboard_gets_its_text(monkeypatch, endings):
    # Qt's Cocoa clipboard never says it owns the pasteboard and delivers promised text only
    # while it is torn down: a Mac takes the normal ending whatever the clipboard says.
    monkeypatch.setattr(process_exit.sys, "platform", "darwin")

    class App:
        def clipboard(self):
            raise AssertionError("not asked on macOS")

    monkeypatch.setattr(process_exit, "_running_qt_application", App)
    with pytest.raises(_Ended) as ended:
        process_exit.end_process(0)
    assert ended.value.how == "sys.exit"


def test_a_command_without_a_window_ends_normally(monkeypatch, endings):
    monkeypatch.setattr(process_exit, "_running_qt_application", lambda: None)
    with pytest.raises(_Ended) as ended:
        process_exit.end_process(2)
    assert (ended.value.how, ended.value.code) == ("sys.exit", 2)


def test_the_smoke_test_still_prints_and_exits_zero(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{
        var: str(tmp_path / var) for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")})
    done = subprocess.run([sys.executable, "-m", "kompetencedialog_desktop", "--smoke-test"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Røgtest: vindue"), done.stdout  # flushed before the fast exit
