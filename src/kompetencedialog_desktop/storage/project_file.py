"""The .kdlg project file: UTF-8 JSON with a format tag and a schema version.

Loading never changes the file. Every way a file can be wrong gets one Danish sentence that says
what is wrong and that nothing was changed; saving is atomic and keeps NAME.kdlg.bak.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .. import __version__
from ..model.project import Project
from .atomic import write_atomic
from .errors import describe_validation_error, os_error_reason
from .migrations import CURRENT_SCHEMA_VERSION, migrate

FORMAT_TAG = "kompetencedialog-projekt"
FILE_SUFFIX = ".kdlg"
MAX_FILE_BYTES = 200 * 1024 * 1024
UNCHANGED = "Filen er ikke ændret."


class ProjectFile(BaseModel):
    """The envelope around a workshop, as written to disk (keys in this order)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # built on first load or save, not at start-up

    format: Literal["kompetencedialog-projekt"] = FORMAT_TAG
    schema_version: int = CURRENT_SCHEMA_VERSION
    app_version: str = __version__
    saved_at: dt.datetime | None = None
    workshop: Project


class ProjectFileError(Exception):
    """A project file could not be opened or saved. str() is the message for the user."""


class LoadError(ProjectFileError):
    pass


class SaveError(ProjectFileError):
    pass


def _fail(path: Path, what: str) -> LoadError:
    return LoadError(f"Kan ikke åbne »{path.name}«: {what}. {UNCHANGED}")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} er ikke et gyldigt tal")


def _read_text(path: Path) -> str:
    try:
        if path.is_dir():
            raise _fail(path, "det er en mappe, ikke en fil")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(path, f"filen er for stor ({size // (1024 * 1024)} MB) til at være et projekt")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "filen findes ikke (er den flyttet eller omdøbt?)") from None
    except PermissionError:
        raise _fail(path, "du har ikke adgang til at læse filen") from None
    except OSError as exc:
        raise _fail(path, f"filen kunne ikke læses ({exc.strerror or exc})") from None
    if not raw.strip():
        raise _fail(path, "filen er tom")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _fail(path, "filen er ikke tekst i UTF-8; måske er det ikke en projektfil, eller den er beskadiget") from None


def _parse_json(path: Path, text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        stripped = text.strip()
        cut_off = stripped.startswith("{") and not stripped.endswith("}")
        if cut_off or exc.pos >= len(stripped) - 1:
            raise _fail(path, "filen slutter midt i indholdet og er sandsynligvis afkortet") from None
        raise _fail(path, f"filen er beskadiget (ugyldig JSON i linje {exc.lineno}, kolonne {exc.colno})") from None
    except RecursionError:
        raise _fail(path, "filen er indlejret for dybt til at være et projekt") from None
    except ValueError as exc:  # huge integers, NaN/Infinity
        raise _fail(path, f"filen indeholder et ugyldigt tal ({str(exc)[:80]})") from None


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
        raise _fail(
            path,
            f"filen er gemt med en nyere version af programmet ({writer}, skemaversion {version}); "
            f"denne version kan læse op til skemaversion {CURRENT_SCHEMA_VERSION}. Opdatér programmet",
        )
    try:
        data, started = migrate(data)
        envelope = ProjectFile.model_validate(data)
    except ValidationError as exc:
        raise _fail(path, f"indholdet er ugyldigt ({describe_validation_error(exc)})") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _fail(path, f"filen kunne ikke opgraderes fra skemaversion {version} ({type(exc).__name__})") from None
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
    return (
        f"Kunne ikke gemme »{path.name}«: {reason}. Den tidligere gemte fil er uændret, "
        "og workshoppen er ikke ændret."
    )


def save_project(project: Project, path: str | Path, *, backup: bool = True) -> None:
    """Write atomically; the previous version is kept as NAME.kdlg.bak."""
    path = Path(path)
    data = dump_project(project)
    try:
        write_atomic(path, data, backup=backup)
    except OSError as exc:
        raise SaveError(save_error_message(path, exc)) from exc


def project_json_schema() -> dict[str, Any]:
    return ProjectFile.model_json_schema()
