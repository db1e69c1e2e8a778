"""Pydantic's validation messages in Danish, chosen by the error's `type` code (never its English
text). Anything unknown falls back to a plain Danish line, so English never reaches the user."""

from __future__ import annotations

from typing import Any

_MESSAGES: dict[str, str] = {
    "missing": "mangler",
    "extra_forbidden": "er et ukendt felt",
    "string_type": "skal være en tekst",
    "string_unicode": "skal være en gyldig tekst",
    "string_too_short": "er for kort (mindst {min_length} tegn)",
    "string_too_long": "er for lang (højst {max_length} tegn)",
    "string_pattern_mismatch": "har ikke den rigtige form",
    "int_type": "skal være et helt tal",
    "int_parsing": "skal være et helt tal",
    "int_from_float": "skal være et helt tal (uden decimaler)",
    "int_parsing_size": "er et alt for stort tal",
    "float_type": "skal være et tal",
    "float_parsing": "skal være et tal",
    "finite_number": "skal være et endeligt tal",
    "bool_type": "skal være sand eller falsk",
    "bool_parsing": "skal være sand eller falsk",
    "greater_than": "skal være større end {gt}",
    "greater_than_equal": "skal være mindst {ge}",
    "less_than": "skal være mindre end {lt}",
    "less_than_equal": "må højst være {le}",
    "multiple_of": "skal gå op i {multiple_of}",
    "list_type": "skal være en liste",
    "tuple_type": "skal være en liste",
    "set_type": "skal være en liste",
    "dict_type": "skal være et objekt (navn: værdi)",
    "model_type": "skal være et objekt (navn: værdi)",
    "model_attributes_type": "skal være et objekt (navn: værdi)",
    "too_short": "har for få elementer (mindst {min_length})",
    "too_long": "har for mange elementer (højst {max_length})",
    "literal_error": "skal være en af: {expected}",
    "enum": "skal være en af: {expected}",
    "union_tag_invalid": "har en ukendt type",
    "union_tag_not_found": "mangler sin type",
    "date_type": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_parsing": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_parsing": "skal være en dato (ÅÅÅÅ-MM-DD)",
    "date_from_datetime_inexact": "skal være en dato uden klokkeslæt",
    "datetime_type": "skal være et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM:SS)",
    "datetime_parsing": "skal være et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM:SS)",
    "datetime_from_date_parsing": "skal være et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM:SS)",
    "timezone_naive": "skal have en tidszone",
    "timezone_aware": "må ikke have en tidszone",
    "json_invalid": "er ikke gyldig JSON",
    "json_type": "er ikke gyldig JSON",
    "none_required": "skal være tom (null)",
    "frozen_field": "kan ikke ændres",
    "frozen_instance": "kan ikke ændres",
    "is_instance_of": "har en forkert type",
    "url_parsing": "skal være en gyldig adresse",
    "uuid_parsing": "skal være et gyldigt id",
    "assertion_error": "er ugyldig",
}
# What pydantic puts before a message written by our own validators (already Danish).
_OWN_PREFIXES = ("Value error, ", "Assertion failed, ")


def _ctx_text(value: Any) -> str:
    # pydantic writes alternatives as "'a' or 'b'"; Danish says "eller".
    return str(value).replace("' or '", "' eller '")


def danish_message(error: dict[str, Any]) -> str:
    """One pydantic error (an item of ValidationError.errors()) as a short Danish phrase."""
    kind = str(error.get("type", ""))
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("msg", ""))
        for prefix in _OWN_PREFIXES:
            message = message.removeprefix(prefix)
        return message or "er ugyldig"
    template = _MESSAGES.get(kind)
    if template is None:
        return "har en ugyldig værdi"
    ctx = {key: _ctx_text(value) for key, value in (error.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template.split(" (")[0].split(" {")[0]
