"""Refusals from the model, in Danish. Operations raise ModelError; the GUI shows str(error) as
one line and the workshop is unchanged. Pydantic's own (English) messages are translated here so
the loader and the setters say the same thing."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .text import invalid_unicode as _invalid_unicode


class ModelError(ValueError):
    """An edit the workshop's rules do not allow. str() is the Danish message for the user."""


def _plural(n: Any, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def danish_error(item: dict[str, Any]) -> str:
    """One pydantic error (an item of ValidationError.errors()) as a Danish phrase."""
    kind = item.get("type", "")
    ctx = item.get("ctx") or {}
    if kind == "string_too_long":
        return f"teksten er for lang (højst {ctx.get('max_length')} tegn)"
    if kind == "string_unicode":  # constrained strings: pydantic-core refuses lone surrogates itself
        return _invalid_unicode(item.get("input")) or "teksten indeholder ugyldige tegn"
    if kind == "string_too_short":
        return "må ikke være tom"
    if kind == "too_long":
        return f"listen er for lang (højst {ctx.get('max_length')} elementer)"
    if kind == "finite_number":
        return "tallet skal være endeligt (ikke uendeligt eller NaN)"
    if kind in ("greater_than_equal", "greater_than"):
        return f"tallet skal være mindst {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"tallet må højst være {ctx.get('le', ctx.get('lt'))}"
    if kind == "extra_forbidden":
        return "ukendt felt"
    if kind == "missing":
        return "feltet mangler"
    if kind == "literal_error":
        return f"ukendt værdi (tilladt: {ctx.get('expected', '')})"
    if kind in ("string_type", "int_type", "float_type", "bool_type", "list_type", "dict_type",
                "int_parsing", "float_parsing", "bool_parsing", "int_from_float", "model_type"):
        return "forkert type af værdi"
    if kind.startswith(("date", "datetime")):
        return "ugyldig dato"
    message = str(item.get("msg", "ugyldig værdi"))
    return message.removeprefix("Value error, ")


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
