"""Test set-up: no screen (offscreen Qt) and the user's folders inside a temporary directory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# platformdirs reads XDG_* at call time; keep settings/autosave of the test run out of $HOME.
_XDG_ROOT = Path(tempfile.mkdtemp(prefix="kdlg-xdg-"))
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_XDG_ROOT / _name.lower())

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
