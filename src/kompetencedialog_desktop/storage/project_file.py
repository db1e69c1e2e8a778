"""The .kdlg project file: UTF-8 JSON with a format tag and a schema version.

Loading never changes the file. Every way a file can be wrong gets one Danish sentence that says
what is wrong and that nothing was changed; saving is atomic and keeps NAME.kdlg.bak.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import __version__
from ..model.limits import MAX_NOTES
from ..model.project import Project
from ..model.project import build_validators as build_record_validators
from .atomic import IS_WINDOWS, BackupError, is_write_protected, real_target, write_atomic
from .errors import describe_validation_error, one_line, os_error_reason, shown_name
from .migrations import CURRENT_SCHEMA_VERSION, MigrationRefused, migrate
from .strict_json import DuplicateKeyError, refuse_duplicate_keys

FORMAT_TAG: Final = "kompetencedialog-projekt"
FILE_SUFFIX = ".kdlg"
# Limits no real workshop reaches, checked before the file is parsed so a hostile or broken file
# costs neither minutes nor gigabytes. A 2,000-note workshop (far beyond a real one: they have
# 50-300 notes) is 710-760 KiB and about 28,000 JSON items; the limits are ~70x that.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_JSON_ITEMS = 2_000_000  # upper bound on values (commas + objects + arrays) before parsing
# Notes per workshop (the model's limit) are counted right after parsing, before validation,
# which is the slow part.
UNCHANGED = "Filen er ikke ændret."


class ProjectFile(BaseModel):
    """The envelope around a workshop, as written to disk (keys in this order)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built on first load or save, not at start-up

    format: Literal["kompetencedialog-projekt"] = FORMAT_TAG
    schema_version: int = CURRENT_SCHEMA_VERSION
    app_version: str = __version__
    saved_at: dt.datetime | None = None
    workshop: Project


def build_validators() -> None:
    """The file's and every record's validators, built ahead of the first open or save."""
    build_record_validators()
    ProjectFile.model_rebuild()


class ProjectFileError(Exception):
    """A project file could not be opened or saved. str() is the message for the user."""


class LoadError(ProjectFileError):
    pass


class SaveError(ProjectFileError):
    pass


def _fail(path: Path, what: str) -> LoadError:
    # The one place every refusal passes: a crafted format tag, version, key or id may hold a
    # newline or ESC, and the window's dialog and the command line both show this one line.
    return LoadError(one_line(f"Kan ikke åbne »{shown_name(path)}«: {what}. {UNCHANGED}"))


def danish_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} er ikke et gyldigt tal")


def _too_big(path: Path, size: int) -> LoadError:
    return _fail(path, f"filen er for stor ({_megabytes(size)}) til at være et projekt; "
                       f"et projekt fylder højst {_megabytes(MAX_FILE_BYTES)}")


def _read_regular(path: Path) -> bytes:
    """The file's bytes, only if it is a regular file no bigger than the cap. stat() first: opening
    a FIFO would block and a device (/dev/zero) never ends."""
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise _fail(path, "det er en mappe, ikke en fil")
    if not stat.S_ISREG(st.st_mode):
        raise _fail(path, "det er ikke en almindelig fil (men fx en enhed eller et rør)")
    if st.st_size > MAX_FILE_BYTES:
        raise _too_big(path, st.st_size)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped after the stat
            raise _fail(path, "det er ikke en almindelig fil (men fx en enhed eller et rør)")
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # grew since the stat
        raise _too_big(path, len(raw))
    return raw


def _read_text(path: Path) -> str:
    try:
        raw = _read_regular(path)
    except FileNotFoundError:
        raise _fail(path, "filen findes ikke (er den flyttet eller omdøbt?)") from None
    except PermissionError:
        raise _fail(path, "du har ikke adgang til at læse filen") from None
    except OSError as exc:
        raise _fail(path, f"filen kunne ikke læses ({os_error_reason(exc)})") from None
    if not raw.strip():
        raise _fail(path, "filen er tom")
    items = raw.count(b",") + raw.count(b"{") + raw.count(b"[")
    if items > MAX_JSON_ITEMS:
        raise _fail(path, f"filen har for mange elementer ({danish_number(items)}; et projekt har højst "
                          f"{danish_number(MAX_JSON_ITEMS)}) og er ikke et rigtigt projekt")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path, "filen er ikke tekst i UTF-8 – måske er det ikke en projektfil, eller også er den beskadiget") from None


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=refuse_duplicate_keys)
    except DuplicateKeyError as exc:
        raise _fail(path, f"filen er tvetydig: {exc}") from None
    except json.JSONDecodeError as exc:
        stripped = text.strip()
        cut_off = stripped.startswith("{") and not stripped.endswith("}")
        if cut_off or exc.pos >= len(stripped) - 1:
            raise _fail(path, "filen slutter midt i indholdet og er sandsynligvis afkortet") from None
        raise _fail(path, f"filen er beskadiget (ugyldig JSON i linje {exc.lineno}, kolonne {exc.colno})") from None
    except RecursionError:
        raise _fail(path, "filen er indlejret for dybt til at være et projekt") from None
    except ValueError as exc:  # NaN/Infinity (our own Danish words), or an integer of thousands of digits
        own = str(exc) if str(exc).endswith("er ikke et gyldigt tal") else "et tal har for mange cifre"
        raise _fail(path, f"filen indeholder et ugyldigt tal ({own[:80]})") from None


def parse_project(data: Any, path: Path) -> tuple[Project, int]:
    """Check the envelope, migrate, validate. Returns the workshop and the version it was in."""
    if not isinstance(data, dict):
        raise _fail(path, "indholdet er ikke et Kompetencedialog-projekt")
    tag = data.get("format")
    if tag != FORMAT_TAG:
        if tag is None:
            raise _fail(path, "det er en JSON-fil fra et andet program, ikke et Kompetencedialog-projekt")
        raise _fail(path, f"filformatet »{str(tag)[:60]}« er ikke et Kompetencedialog-projekt")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(path, "filens skemaversion mangler eller er ugyldig")
    if version > CURRENT_SCHEMA_VERSION:
        writer = str(data.get("app_version", "en nyere version"))[:40]
        shown = str(version) if version < 10**12 else "meget høj"  # a 4,000-digit number is no version
        raise _fail(
            path,
            f"filen er gemt med en nyere version af programmet ({writer}, skemaversion {shown}), "
            f"og denne version kan kun læse op til skemaversion {CURRENT_SCHEMA_VERSION}. Opdatér programmet",
        )
    notes = data.get("workshop", {}).get("notes") if isinstance(data.get("workshop"), dict) else None
    if isinstance(notes, list) and len(notes) > MAX_NOTES:
        raise _fail(path, f"filen har {danish_number(len(notes))} post-its; en workshop kan højst have "
                          f"{danish_number(MAX_NOTES)}")
    try:
        data, started = migrate(data)
        envelope = ProjectFile.model_validate(data)
    except ValidationError as exc:
        raise _fail(path, f"indholdet er ugyldigt ({describe_validation_error(exc)})") from None
    except MigrationRefused as exc:
        raise _fail(path, str(exc)) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        raise _fail(path, f"filen kunne ikke opgraderes fra skemaversion {version}: en del af indholdet har en "
                          "form, som den version aldrig skrev (fx en tekst, hvor der skulle være et tal)") from None
    return envelope.workshop, started


def load_project(path: str | Path) -> Project:
    project, _ = load_project_with_version(path)
    return project


def load_project_with_version(path: str | Path) -> tuple[Project, int]:
    path = Path(path)
    text = _read_text(path)
    return parse_project(_parse_json(path, text), path)


def dump_project(project: Project) -> bytes:
    """The file's bytes: pretty, stable key order, UTF-8 with Danish letters unescaped."""
    envelope = ProjectFile(workshop=project, saved_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    return envelope.model_dump_json(indent=2).encode("utf-8") + b"\n"


def save_error_message(path: Path, exc: OSError) -> str:
    reason = os_error_reason(exc)
    if isinstance(exc, BackupError):  # the file itself was fine: say which name is in the way
        return (
            f"Kunne ikke gemme »{shown_name(path)}«, fordi sikkerhedskopien »{shown_name(exc.backup)}« ikke kan "
            f"skrives: {reason}. Flyt eller omdøb »{shown_name(exc.backup)}«, eller gem et andet sted. Den tidligere "
            "gemte fil er uændret, og workshoppen er ikke ændret."
        )
    return (
        f"Kunne ikke gemme »{shown_name(path)}«: {reason}. Den tidligere gemte fil er uændret, "
        "og workshoppen er ikke ændret."
    )


class ReadOnlyFileError(SaveError):
    """The file is marked write-protected; saving over it needs the user's yes."""


def save_project(project: Project, path: str | Path, *, backup: bool = True, overwrite_read_only: bool = False) -> None:
    """Write atomically; the previous version is kept as NAME.kdlg.bak. A linked file is saved
    through the link. A write-protected file raises ReadOnlyFileError unless `overwrite_read_only`
    (then it stays write-protected, as in editors)."""
    path = Path(path)
    target = real_target(path)
    mode = None
    if is_write_protected(target):
        if not overwrite_read_only:
            raise ReadOnlyFileError(f"»{shown_name(path)}« er skrivebeskyttet. Den er ikke ændret, og workshoppen er ikke ændret.")
        mode = target.stat().st_mode & 0o777
        if IS_WINDOWS:  # Windows refuses to rename onto a read-only file
            os.chmod(target, stat.S_IREAD | stat.S_IWRITE)
    data = dump_project(project)
    try:
        write_atomic(path, data, backup=backup, mode=mode)
    except OSError as exc:
        raise SaveError(save_error_message(path, exc)) from exc


def project_json_schema() -> dict[str, Any]:
    return ProjectFile.model_json_schema()
