"""Refusals from the model, in Danish. Operations raise ModelError; the GUI shows str(error) as
one line and the workshop is unchanged. Pydantic's own (English) messages are translated here so
the loader and the setters say the same thing."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .text import invalid_unicode as _invalid_unicode
from .validation_da import danish_message


class ModelError(ValueError):
    """An edit the workshop's rules do not allow. str() is the Danish message for the user."""


def _plural(n: Any, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def danish_error(item: dict[str, Any]) -> str:
    """One pydantic error (an item of ValidationError.errors()) as a Danish phrase; never English."""
    if item.get("type") == "string_unicode":  # constrained strings: pydantic-core refuses lone surrogates itself
        return _invalid_unicode(item.get("input")) or "teksten indeholder ugyldige tegn"
    return danish_message(item)


# What the user calls the fields a setter can refuse (the loader names the file's own field path).
FIELD_LABELS = {
    "title": "titel", "workplace": "arbejdsplads", "group": "gruppe", "leader": "leder", "date": "dato",
    "participants": "deltagere", "vote_budget": "prikker pr. deltager", "voters": "antal deltagere, der stemmer",
    "name": "klyngens navn", "text": "tekst", "x": "placering", "y": "placering", "w": "bredde", "h": "højde",
    "votes": "prikker", "principles": "principper", "roles": "roller og ansvar", "follow_up": "opfølgning",
    "mus_themes": "fælles temaer til MUS", "su_feedback": "tilbagemelding til SU", "mus_summary": "opsamling fra MUS",
    "conclusions": "SU's konklusioner", "activity": "aktivitet", "goal": "mål", "need": "behov", "area": "indsatsområde",
    "why": "hvorfor", "target_group": "målgruppe", "expected_effect": "forventet effekt", "learning_forms": "læringsformer",
    "who": "hvem", "responsible": "ansvarlig", "when": "hvornår", "success": "succes", "status": "status",
}


def _where(loc: tuple[Any, ...]) -> str:
    """'deltagere nr. 3' for ('participants', 2); 'titel' for ('title',)."""
    words: list[str] = []
    for part in loc:
        if isinstance(part, int):
            words.append(f"nr. {part + 1}")
        else:
            words.append(FIELD_LABELS.get(str(part), str(part)))
    return " ".join(words)


def model_error(exc: ValidationError, limit: int = 2) -> ModelError:
    """A ValidationError from a setter as one Danish ModelError naming the field."""
    problems = []
    for item in exc.errors()[:limit]:
        where = _where(tuple(item.get("loc", ())))
        problems.append(f"{where}: {danish_error(dict(item))}" if where else danish_error(dict(item)))
    return ModelError("; ".join(problems))
