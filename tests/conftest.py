"""Test set-up: no screen (offscreen Qt) and the user's folders inside a temporary directory."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# platformdirs reads XDG_* at call time; keep settings/autosave of the test run out of $HOME.
_XDG_ROOT = Path(tempfile.mkdtemp(prefix="kdlg-xdg-"))
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_XDG_ROOT / _name.lower())
if sys.platform in ("win32", "darwin"):
    # platformdirs reads XDG_* on Linux only; elsewhere the app's two folders (paths.py asks for
    # these) follow the same variables, so tests never share the runner's real settings.
    import platformdirs

    platformdirs.user_config_dir = lambda appname, *args, **kwargs: os.path.join(os.environ["XDG_CONFIG_HOME"], appname)
    platformdirs.user_state_dir = lambda appname, *args, **kwargs: os.path.join(os.environ["XDG_STATE_HOME"], appname)

import pytest  # noqa: E402

from kompetencedialog_desktop.model.factory import example_project, new_project  # noqa: E402
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def strategi_content():
    return workshop_content("strategi")


@pytest.fixture
def grus_content():
    return workshop_content("grus")


@pytest.fixture
def example(strategi_content):
    return example_project(strategi_content, load_example("strategi"))


@pytest.fixture
def grus_example(grus_content):
    return example_project(grus_content, load_example("grus"))


@pytest.fixture
def empty_project(strategi_content):
    return new_project(strategi_content, "Tom workshop")


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog in an offscreen test would wait forever: fail loudly instead.
    Tests that expect a question replace the function with their own answer."""
    try:
        from kompetencedialog_desktop.ui import dialogs
    except ImportError:  # PySide6 missing: the test does not use the GUI
        return

    def unexpected(name):
        def fail(*args, **kwargs):
            raise AssertionError(f"uventet dialog: {name}{args[1:]}")

        return fail

    for name in ("ask_save_changes", "show_error", "ask_open_path", "ask_save_path", "ask_text",
                 "ask_yes_no", "ask_export_path", "ask_folder", "edit_front_page", "ask_int", "ask_recovery", "ask_open_paths",
                 "show_info"):
        monkeypatch.setattr(dialogs, name, unexpected(name))


def open_window(qtbot, size=(1600, 1000), **kwargs):
    """The real main window, shown offscreen and active."""
    from kompetencedialog_desktop.ui.main_window import MainWindow

    win = MainWindow(**kwargs)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


class FakeClock:
    """The agenda's clock in tests: time moves only when a test says so (no waiting anywhere)."""

    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def window(qtbot):
    """The real main window at its start screen (a test module may override it)."""
    win = open_window(qtbot)
    yield win
    close_window(win)


@pytest.fixture
def example_window(qtbot):
    """The real main window with the strategy example open."""
    win = open_window(qtbot)
    win.files.new_example("strategi")
    yield win
    close_window(win)


def close_window(win) -> None:
    """Close without the unsaved-changes prompt (the tests decide what is saved)."""
    if win.files.document is not None:
        win.files.document.forget_changes()
    if win.projector is not None:
        win.projector.close()
    win.close()
    win.deleteLater()


# Tests of POSIX behaviour that Windows does not have, skipped there (the workflow's Windows job)
# with the reason; everything else runs on all three systems.
WINDOWS_SKIPS = {
    "test_new_file_gets_normal_permissions": "Windows has no permission bits (st_mode is 0o666 or 0o444)",
    "test_untitled_edits_reach_disk_within_a_second_and_privately":
        "Windows has no permission bits; the autosave folder is private through the user profile",
}


def pytest_collection_modifyitems(config, items):
    if sys.platform != "win32":
        return
    for item in items:
        reason = WINDOWS_SKIPS.get(item.name)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
