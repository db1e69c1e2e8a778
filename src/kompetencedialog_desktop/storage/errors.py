"""Danish one-line reasons: pydantic's validation errors (naming the field) and the system's file errors."""

from __future__ import annotations

import errno
from typing import Any, Mapping

from pydantic import ValidationError

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


def shown_name(path) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) are
    shown as '?', and a very long name is shortened in the middle."""
    name = "".join("?" if ord(ch) < 32 or ord(ch) == 127 else ch for ch in getattr(path, "name", str(path)))
    return name if len(name) <= 120 else f"{name[:60]}…{name[-50:]}"


def one_line(text: str) -> str:
    """The one-line rule for messages on the command line: no newline or other control character."""
    return "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)


def field_path(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "(roden)"


def _number(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", ".")
    return str(value)


# pydantic's error types in Danish ({…} from the error's ctx); limits from the model arrive here.
_PYDANTIC_DA = {
    "missing": "mangler",
    "extra_forbidden": "er et ukendt felt",
    "string_too_long": "teksten er for lang (højst {max_length} tegn)",
    "string_too_short": "teksten er for kort (mindst {min_length} tegn)",
    "too_long": "har for mange elementer (højst {max_length})",
    "too_short": "har for få elementer (mindst {min_length})",
    "greater_than_equal": "skal være mindst {ge}",
    "greater_than": "skal være større end {gt}",
    "less_than_equal": "må højst være {le}",
    "less_than": "skal være mindre end {lt}",
    "int_parsing": "skal være et heltal",
    "int_type": "skal være et heltal",
    "int_from_float": "skal være et heltal",
    "float_parsing": "skal være et tal",
    "float_type": "skal være et tal",
    "finite_number": "skal være et endeligt tal",
    "string_type": "skal være tekst",
    "bool_type": "skal være true eller false",
    "bool_parsing": "skal være true eller false",
    "literal_error": "skal være en af {expected}",
    "list_type": "skal være en liste",
    "dict_type": "skal være et objekt",
    "model_type": "skal være et objekt",
    "model_attributes_type": "skal være et objekt",
    "date_type": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_parsing": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "skal være en dato uden klokkeslæt",
    "datetime_type": "skal være et tidspunkt",
    "datetime_parsing": "skal være et tidspunkt",
    "datetime_from_date_parsing": "skal være et tidspunkt",
    "none_required": "skal være tom (null)",
}


def _danish_problem(item: Mapping[str, Any]) -> str:
    kind = item.get("type", "")
    if kind in _PYDANTIC_DA:
        ctx = {key: _number(value) for key, value in (item.get("ctx") or {}).items()}
        try:
            return _PYDANTIC_DA[kind].format(**ctx)
        except (KeyError, IndexError, ValueError):
            return _PYDANTIC_DA[kind].split(" (")[0].split(" {")[0]
    if kind in ("value_error", "assertion_error"):  # our own validators speak Danish already
        return str(item.get("msg", "ugyldig værdi")).replace("Value error, ", "").replace("Assertion failed, ", "")
    return f"ugyldig værdi ({kind or 'ukendt fejl'})"


def describe_validation_error(error: ValidationError, limit: int = 3) -> str:
    """'feltet notes[3].x: skal være et tal …' for the first few problems, in Danish."""
    problems = []
    for item in error.errors()[:limit]:
        problems.append(f"feltet {field_path(tuple(item.get('loc', ())))}: {_danish_problem(item)}")
    more = error.error_count() - limit
    if more > 0:
        problems.append(f"og {more} fejl mere")
    return "; ".join(problems)
