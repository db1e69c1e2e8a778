"""Turning pydantic's validation errors into one Danish line that names the field."""

from __future__ import annotations

import errno

from pydantic import ValidationError

from ..model.errors import danish_error

_OS_REASONS = {
    errno.ENOSPC: "disken er fuld",
    errno.EDQUOT: "din diskkvote er opbrugt",
    errno.EACCES: "du har ikke skriveadgang til mappen eller filen",
    errno.EPERM: "du har ikke skriveadgang til mappen eller filen",
    errno.EROFS: "mappen er skrivebeskyttet",
    errno.ENOENT: "mappen findes ikke",
    errno.ENOTDIR: "stien peger ikke på en mappe",
    errno.EISDIR: "der ligger en mappe med det navn",
    errno.ENAMETOOLONG: "filnavnet er for langt",
}


def os_error_reason(exc: OSError) -> str:
    """Why a write failed, in Danish (falls back to the system's own words)."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def field_path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "(roden)"


def describe_validation_error(error: ValidationError, limit: int = 3) -> str:
    """'feltet notes[3].x: skal være et tal …' for the first few problems."""
    problems = []
    for item in error.errors()[:limit]:
        msg = danish_error(dict(item))
        problems.append(f"feltet {field_path(tuple(item.get('loc', ())))}: {msg}")
    more = error.error_count() - limit
    if more > 0:
        problems.append(f"og {more} fejl mere")
    return "; ".join(problems)
