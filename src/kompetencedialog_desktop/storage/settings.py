"""Settings and the recent-files list, as a small JSON file in the user's config folder."""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path

from ..paths import user_config_dir
from .atomic import write_atomic

MAX_RECENT = 8
MAX_PATH_CHARS = 4096  # PATH_MAX on Linux; longer is not a path of ours
MAX_GEOMETRY_CHARS = 4096  # Qt's saved geometry is ~90 characters of base64


def _settings_path() -> Path:
    return user_config_dir() / "indstillinger.json"


def load_settings() -> dict:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, RecursionError):
        return {}  # damaged or missing settings are never worth an error dialog


def save_settings(settings: dict) -> None:
    path = _settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # ASCII JSON: a recent file whose name is not UTF-8 (surrogates) is kept, not a crash
        write_atomic(path, json.dumps(settings, indent=2).encode("ascii"))
    except OSError:
        pass  # settings are a convenience; the workshop itself is saved elsewhere


def _usable_path(value) -> bool:
    """A recent-files entry that can be a file: text, absolute, no NUL, and only characters the
    file system can encode (a lone surrogate such as \\ud800 cannot; a Latin-1 name's can)."""
    if not isinstance(value, str) or not value or len(value) > MAX_PATH_CHARS or "\0" in value:
        return False
    try:
        os.fsencode(value)
    except UnicodeError:
        return False
    return os.path.isabs(value)


def recent_files() -> list[Path]:
    """The recent files; damaged entries (edited by hand, or by a hostile program) are dropped."""
    items = load_settings().get("recent", [])
    return [Path(p) for p in items if _usable_path(p)][:MAX_RECENT] if isinstance(items, list) else []


def window_settings() -> dict:
    """The window's last place, each field checked: geometry (bytes, or None), panel_visible
    (bool), panel_width (int or None). A damaged field is ignored, never an error at start-up."""
    saved = load_settings().get("window")
    saved = saved if isinstance(saved, dict) else {}
    geometry = saved.get("geometry")
    try:
        if not isinstance(geometry, str) or len(geometry) > MAX_GEOMETRY_CHARS:
            raise ValueError
        geometry = base64.b64decode(geometry.encode("ascii"), validate=True) or None
    except (ValueError, UnicodeError, binascii.Error):
        geometry = None
    width = saved.get("panel_width")
    return {"geometry": geometry, "panel_visible": saved.get("panel_visible", True) is not False,
            "panel_width": width if isinstance(width, int) and not isinstance(width, bool) and 0 < width < 100_000 else None}


def add_recent_file(path: Path) -> list[Path]:
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    settings = load_settings()
    settings["recent"] = [str(p) for p in items[:MAX_RECENT]]
    save_settings(settings)
    return items[:MAX_RECENT]
