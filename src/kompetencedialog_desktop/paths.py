"""Where things live: the one resource locator and the user's folders.

The content (boards, cards, guides, templates) is found in exactly one of three places:
inside the installed package (wheel, and the PyInstaller bundle, whose spec puts it at the same
package-relative path), or at the top of a source checkout. Nothing else in the app asks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import platformdirs

APP_NAME = "kompetencedialog"
APP_AUTHOR = "Kompetencedialog"

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The folder holding boards/, cards/ … whether installed, bundled or in a checkout."""
    candidates = (
        _PACKAGE_DIR / "resources",  # wheel and PyInstaller bundle
        _PACKAGE_DIR.parent.parent / "resources",  # source checkout (src layout)
    )
    for candidate in candidates:
        if (candidate / "boards").is_dir():
            return candidate
    raise FileNotFoundError(
        "Programmets indhold (dialogplader og dialogkort) blev ikke fundet. "
        f"Søgt i: {', '.join(str(c) for c in candidates)}"
    )


def user_config_dir() -> Path:
    """Settings and the list of recent files."""
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def user_state_dir() -> Path:
    """Autosave journals, recovery data and lock bookkeeping."""
    return Path(platformdirs.user_state_dir(APP_NAME, APP_AUTHOR))


def user_cache_dir() -> Path:
    """Things the program can always make again (the validated-content cache)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def autosave_dir() -> Path:
    return user_state_dir() / "autosave"


# Characters Windows forbids in a file name (and "/" everywhere), and names Windows reserves.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)


def safe_file_name(title: str, fallback: str = "workshop") -> str:
    """A workshop title as a file name every system accepts ("Strategi 2027/2029: SU" ->
    "Strategi 2027-2029- SU"): the suggestion in Gem som and Eksportér must not be refused by
    Windows' dialog or turn a "/" into a folder."""
    name = _FORBIDDEN.sub("-", title).strip().rstrip(". ")
    if not name or _RESERVED.match(name):
        name = f"{name}-{fallback}" if name else fallback
    return name[:120]
