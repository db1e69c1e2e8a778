"""Autosave and crash recovery: a snapshot of every open workshop under the user's state folder.

A snapshot is the whole project file, written atomically (so a crash mid-write leaves the
previous snapshot), plus a small JSON card saying what it is and when it was taken. Files are
private to the user (0600). A clean save or close removes them; anything left at start-up is
work that was never saved, and is offered back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..model.project import Project
from ..paths import autosave_dir
from .atomic import sweep_folder, write_atomic
from .project_file import LoadError, load_project

PRIVATE = 0o600


def key_for(path: Path | None) -> str:
    """A stable name for a project's snapshot: from its path, or new for an untitled workshop."""
    if path is None:
        return f"unavngivet-{uuid.uuid4().hex[:12]}"
    digest = hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"fil-{digest}"


@dataclass(frozen=True)
class SnapshotInfo:
    """What the recovery offer says about a snapshot; taken on the GUI thread, so the writer
    thread never reads the live workshop."""

    title: str
    workshop: str
    notes: int

    @classmethod
    def of(cls, project: Project) -> "SnapshotInfo":
        return cls(project.title, project.workshop, len(project.notes))


@dataclass(frozen=True)
class RecoveryEntry:
    key: str
    snapshot: Path
    original: Path | None
    title: str
    workshop: str
    notes: int
    saved_at: dt.datetime
    pid: int = 0

    def describe(self) -> str:
        when = self.saved_at.astimezone().strftime("%d.%m.%Y kl. %H.%M.%S")
        name = self.original.name if self.original else "ikke gemt workshop"
        return f"{self.title or name} ({name}, {self.notes} post-its) – sidst ændret {when}"


class AutosaveStore:
    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder else autosave_dir()

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.kdlg", self.folder / f"{key}.json"

    def write(self, key: str, data: bytes, info: SnapshotInfo, original: Path | None) -> None:
        """Write one snapshot (the project file's bytes) and its card. Raises OSError."""
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        snapshot, card = self._paths(key)
        write_atomic(snapshot, data, mode=PRIVATE)
        meta = {
            "original": str(original) if original else None,
            "title": info.title,
            "workshop": info.workshop,
            "notes": info.notes,
            "saved_at": dt.datetime.now(dt.timezone.utc).isoformat(),
            "pid": os.getpid(),
        }
        write_atomic(card, json.dumps(meta, ensure_ascii=False).encode("utf-8"), mode=PRIVATE)

    def remove(self, key: str) -> None:
        for path in self._paths(key):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def entries(self) -> list[RecoveryEntry]:
        """Work left behind by a crash, newest first. A snapshot whose card was never written (the
        program died between the two writes) is described from the snapshot itself; leftovers
        that cannot be read at all are skipped, not deleted."""
        if not self.folder.is_dir():
            return []
        sweep_folder(self.folder)  # temp files of a writer killed mid-snapshot
        found = []
        for snapshot in self.folder.glob("*.kdlg"):
            key = snapshot.stem
            card = self.folder / f"{key}.json"
            try:
                meta = json.loads(card.read_text(encoding="utf-8"))
                saved_at = dt.datetime.fromisoformat(meta["saved_at"])
                original = Path(meta["original"]) if meta.get("original") else None
                found.append(RecoveryEntry(key, snapshot, original, str(meta.get("title", "")),
                                           str(meta.get("workshop", "")), int(meta.get("notes", 0)), saved_at,
                                           int(meta.get("pid", 0))))
            except (OSError, ValueError, KeyError, TypeError):
                entry = self._entry_without_card(key, snapshot)
                if entry is not None:
                    found.append(entry)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    @staticmethod
    def _entry_without_card(key: str, snapshot: Path) -> RecoveryEntry | None:
        try:
            project = load_project(snapshot)
            saved_at = dt.datetime.fromtimestamp(snapshot.stat().st_mtime, dt.timezone.utc)
        except (LoadError, OSError):
            return None
        return RecoveryEntry(key, snapshot, None, project.title, project.workshop, len(project.notes), saved_at)

    def load(self, entry: RecoveryEntry) -> Project:
        """The snapshot's workshop; raises LoadError with the usual Danish message."""
        return load_project(entry.snapshot)

