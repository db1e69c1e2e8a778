"""Settings and the recent-files list, as a small JSON file in the user's config folder."""

from __future__ import annotations

import json
from pathlib import Path

from ..paths import user_config_dir
from .atomic import write_atomic

MAX_RECENT = 8


def _settings_path() -> Path:
    return user_config_dir() / "indstillinger.json"


def load_settings() -> dict:
    try:
        data = json.loads(_settings_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # damaged or missing settings are never worth an error dialog


def save_settings(settings: dict) -> None:
    path = _settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # ASCII JSON: a recent file whose name is not UTF-8 (surrogates) is kept, not a crash
        write_atomic(path, json.dumps(settings, indent=2).encode("ascii"))
    except OSError:
        pass  # settings are a convenience; the workshop itself is saved elsewhere


def recent_files() -> list[Path]:
    items = load_settings().get("recent", [])
    return [Path(p) for p in items if isinstance(p, str)][:MAX_RECENT]


def add_recent_file(path: Path) -> list[Path]:
    path = Path(path).resolve()
    items = [p for p in recent_files() if p != path]
    items.insert(0, path)
    settings = load_settings()
    settings["recent"] = [str(p) for p in items[:MAX_RECENT]]
    save_settings(settings)
    return items[:MAX_RECENT]
