"""Text as the workshop model accepts it: bounded length, valid Unicode.

The annotated types carry the limits from `limits.py`, so the loader, the setters and the JSON
schema share them. `clean_text` is for what a user types or pastes (it repairs); the model's
validator is for what a file holds (it refuses, naming the field), because a file is never
silently changed on load.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, StringConstraints

from . import limits as L

# One-line fields and ids hold no control character at all (a newline, ESC, C1): a file that has
# one is refused naming the field (a title with ESC would steer a terminal, a newline would break
# every one-line message). Typed text is cleaned before it gets here (clean_line).
# A tab is allowed in a line of text (pasted from a table, harmless), never in an id.
_LINE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_ID_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _refuse(pattern: re.Pattern[str]):
    def check(value: str) -> str:
        match = pattern.search(value)
        if match is not None:
            raise ValueError(f"et felt på én linje må ikke indeholde linjeskift eller styretegn "
                             f"(U+{ord(match.group()):04X} ved tegn {match.start() + 1})")
        return value

    return AfterValidator(check)


_NoControl, _NoControlInId = _refuse(_LINE_CONTROL), _refuse(_ID_CONTROL)
RecordId = Annotated[str, StringConstraints(min_length=1, max_length=L.MAX_ID_LENGTH), _NoControlInId]
Ref = Annotated[str, StringConstraints(max_length=L.MAX_ID_LENGTH), _NoControlInId]  # points at an id; may dangle
Line = Annotated[str, StringConstraints(max_length=L.MAX_LINE_TEXT), _NoControl]
Name = Annotated[str, StringConstraints(max_length=L.MAX_NAME_TEXT), _NoControl]
Cell = Annotated[str, StringConstraints(max_length=L.MAX_CELL_TEXT)]
PlanText = Annotated[str, StringConstraints(max_length=L.MAX_PLAN_TEXT)]
NoteText = Annotated[str, StringConstraints(max_length=L.MAX_NOTE_TEXT)]
PathText = Annotated[str, StringConstraints(max_length=L.MAX_PATH_TEXT)]

# Control characters (but not newline and tab) come from pasted text and break files and Word.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str, limit: int = L.MAX_NOTE_TEXT) -> str:
    """Typed or pasted text made storable: no control characters, Unix newlines, lone surrogates
    replaced by U+FFFD (Python strings from Qt can hold them), cut to `limit` characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
    return text[:limit]


def clean_line(text: str, limit: int = L.MAX_LINE_TEXT) -> str:
    """A one-line field (title, name): as clean_text, newlines become spaces, ends trimmed."""
    return clean_text(text, limit).replace("\n", " ").strip()


def _surrogate_problem(text: str) -> str | None:
    match = _SURROGATE.search(text)
    if match is None:
        return None
    return f"teksten indeholder et ugyldigt tegn (et enligt surrogat U+{ord(match.group()):04X} ved tegn {match.start() + 1})"


def invalid_unicode(value: Any) -> str | None:
    """A Danish reason when `value` (a text, or a list/dict of texts) is not valid Unicode."""
    if isinstance(value, str):
        return _surrogate_problem(value)
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and (problem := _surrogate_problem(item)):
                return problem
    elif isinstance(value, dict):
        for key in value:
            if isinstance(key, str) and (problem := _surrogate_problem(key)):
                return problem
    return None
