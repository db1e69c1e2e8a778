"""Danish one-line reasons: pydantic's validation errors (naming the field) and the system's file errors."""

from __future__ import annotations

import errno

from pydantic import ValidationError

from ..model.errors import danish_error

_REASONS_BY_NAME = {
    "ENOSPC": "disken er fuld",
    "EDQUOT": "din diskkvote er opbrugt",
    "EACCES": "du har ikke skriveadgang til mappen eller filen",
    "EPERM": "du har ikke skriveadgang til mappen eller filen",
    "EROFS": "mappen er skrivebeskyttet",
    "ENOENT": "mappen findes ikke",
    "ENOTDIR": "stien peger ikke på en mappe",
    "EISDIR": "der ligger en mappe med det navn",
    "ENAMETOOLONG": "filnavnet er for langt",
    "EEXIST": "der findes allerede en fil med det navn",
    "EIO": "disken gav en læse- eller skrivefejl (er den trukket ud eller defekt?)",
    "ELOOP": "stien indeholder for mange symbolske links (måske en løkke)",
    "EBUSY": "filen eller disken er i brug af et andet program",
    "ETXTBSY": "filen er i brug af et andet program",
    "EMFILE": "programmet har for mange filer åbne",
    "ENFILE": "systemet har for mange filer åbne",
    "EXDEV": "filen kan ikke flyttes mellem to drev",
    "ENOTEMPTY": "mappen er ikke tom",
    "EINVAL": "filnavnet eller stien er ugyldig for dette drev",
    "EFBIG": "filen er for stor til drevet",
    "ENXIO": "enheden findes ikke (er drevet frakoblet?)",
    "ENODEV": "drevet findes ikke (er det frakoblet?)",
    "ETIMEDOUT": "netværksdrevet svarer ikke",
    "EAGAIN": "filen er midlertidigt låst af et andet program",
    "ESTALE": "netværksdrevet er ikke længere forbundet",
}
# Not every errno name exists on every platform (Windows lacks some).
_OS_REASONS = {getattr(errno, name): text for name, text in _REASONS_BY_NAME.items() if hasattr(errno, name)}


def os_error_reason(exc: OSError) -> str:
    """Why a file operation failed, in Danish, always one line. Errors without a Danish text
    give their symbolic code (e.g. ECONNRESET), never the system's English words."""
    if getattr(exc, "held_open", False):
        return "filen er åben i et andet program (fx Word, en antivirus eller en synkronisering)"
    code = exc.errno or 0
    if code in _OS_REASONS:
        return _OS_REASONS[code]
    if code:
        return f"systemfejl {errno.errorcode.get(code, code)}"
    return "ukendt systemfejl"


def _undecodable(ch: str) -> bool:
    return "\ud800" <= ch <= "\udfff"  # a byte of a name that is not UTF-8 (surrogateescape), or worse


def shown_name(path) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) and bytes
    that are not UTF-8 are shown as '?', and a very long name is shortened in the middle."""
    name = "".join("?" if ord(ch) < 32 or 127 <= ord(ch) < 160 or _undecodable(ch) else ch
                   for ch in getattr(path, "name", str(path)))
    return name if len(name) <= 120 else f"{name[:60]}…{name[-50:]}"


def _control(ch: str) -> bool:
    return ord(ch) < 32 or 127 <= ord(ch) < 160  # C0 (newline, ESC …), DEL and C1 (CSI …)


def printable(text: str) -> str:
    """What the program prints or shows of text from a file or the command line: no control
    characters (ESC would steer the terminal, a newline would fake a line) and no undecodable
    bytes (surrogates), each shown as '?'. Newlines of our own text stay."""
    return "".join("?" if (_control(ch) and ch != "\n") or _undecodable(ch) else ch for ch in text)


def one_line(text: str) -> str:
    """The one-line rule for messages (command line and the window's dialogs): no newline, no other
    control character (a space each), no undecodable byte ('?')."""
    return "".join(" " if _control(ch) else "?" if _undecodable(ch) else ch for ch in text)


def field_path(loc: tuple[int | str, ...]) -> str:
    """'notes[3].x'. A crafted file can name a field anything: control characters are shown as
    '?' and a long name is cut, so the message stays one readable line."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            name = "".join("?" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in str(part))
            parts.append(("." if parts else "") + (name if len(name) <= 60 else f"{name[:57]}…"))
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
