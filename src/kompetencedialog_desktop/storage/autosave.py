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
from dataclasses import dataclass, replace
from pathlib import Path

from ..model.project import Project
from ..paths import autosave_dir
from .atomic import sweep_folder, write_atomic
from .project_file import LoadError, load_project

PRIVATE = 0o600


def new_session() -> str:
    """One id per autosaving window: two windows (or two running copies) on one file never share
    a snapshot, so one's clean save cannot remove the other's unsaved work."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:8]}"


def key_for(path: Path | None, session: str | None = None) -> str:
    """The name of a window's snapshot: from its path and session, or new for an untitled workshop."""
    if path is None:
        return f"unavngivet-{uuid.uuid4().hex[:12]}"
    digest = hashlib.sha1(os.fsencode(str(Path(path).resolve()))).hexdigest()[:16]
    return f"fil-{digest}-{session or new_session()}"


def _pid_of_key(key: str) -> int:
    """The writer's pid from a per-session key (fil-<digest>-<pid>-<token>), 0 when unknown."""
    parts = key.split("-")
    return int(parts[2]) if len(parts) == 4 and parts[2].isdigit() and len(parts[2]) <= 10 else 0


def _one_line(text: str, limit: int = 80) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y kl. %H.%M.%S")


def _sane_time(value) -> dt.datetime | None:
    """A card's time, only if it is a real moment we can show (aware, convertible to local time)."""
    try:
        moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
            return None
        moment.astimezone().strftime("%Y")
        moment.timestamp()
        return moment
    except (ValueError, OverflowError, OSError, TypeError):
        return None


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
    file_saved_at: dt.datetime | None = None  # the original file's last save (its mtime), if it exists

    @property
    def older_than_file(self) -> bool:
        """The file was saved after this snapshot was taken: the snapshot is not the newest work."""
        return self.file_saved_at is not None and self.file_saved_at > self.saved_at

    def describe(self) -> str:
        # a name from an old USB stick may hold undecodable bytes (surrogates): shown as '?'
        name = _one_line(self.original.name.encode("utf-8", "replace").decode("utf-8"), 60) \
            if self.original else "ikke gemt workshop"
        text = f"{_one_line(self.title) or name} ({name}, {self.notes} post-its) – sidst ændret {_when(self.saved_at)}"
        if self.older_than_file and self.file_saved_at is not None:
            text += (f". OBS: ÆLDRE end den gemte fil (gemt {_when(self.file_saved_at)}); "
                     "gendannes den, åbnes den som en kopi uden filnavn, så den gemte fil ikke overskrives")
        return text


def _file_saved_at(original: Path | None) -> dt.datetime | None:
    if original is None:
        return None
    try:
        return dt.datetime.fromtimestamp(os.stat(original).st_mtime, dt.timezone.utc)
    except (OSError, ValueError, OverflowError):
        return None


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
        # ASCII JSON: a path with undecodable bytes (surrogates) survives the round trip
        write_atomic(card, json.dumps(meta).encode("ascii"), mode=PRIVATE)

    def remove(self, key: str) -> None:
        """Remove a snapshot and its card (only this key: other windows' snapshots stay)."""
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
            entry = self._entry_from_card(key, snapshot) or self._entry_without_card(key, snapshot)
            if entry is not None:
                found.append(replace(entry, file_saved_at=_file_saved_at(entry.original)))
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def _entry_from_card(self, key: str, snapshot: Path) -> RecoveryEntry | None:
        """The card's description, or None when the card is missing or damaged (any field of the
        wrong kind, a time that is naive or cannot be shown): then the snapshot describes itself."""
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(meta, dict):
            return None
        saved_at = _sane_time(meta.get("saved_at"))
        original, title, workshop = meta.get("original"), meta.get("title", ""), meta.get("workshop", "")
        notes, pid = meta.get("notes", 0), meta.get("pid", 0)
        if saved_at is None or not all(isinstance(v, str) for v in (title, workshop)):
            return None
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**31 for v in (notes, pid)):
            return None
        if original is not None and (not isinstance(original, str) or not original or "\0" in original):
            return None
        return RecoveryEntry(key, snapshot, Path(original) if original else None, title, workshop, notes,
                             saved_at, pid)

    @staticmethod
    def _entry_without_card(key: str, snapshot: Path) -> RecoveryEntry | None:
        try:
            project = load_project(snapshot)
            saved_at = dt.datetime.fromtimestamp(snapshot.stat().st_mtime, dt.timezone.utc)
        except (LoadError, OSError, OverflowError, ValueError):
            return None
        return RecoveryEntry(key, snapshot, None, project.title, project.workshop, len(project.notes), saved_at,
                             _pid_of_key(key))

    def load(self, entry: RecoveryEntry) -> Project:
        """The snapshot's workshop; raises LoadError with the usual Danish message."""
        return load_project(entry.snapshot)

