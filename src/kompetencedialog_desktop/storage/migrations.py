"""The project file's schema versions and the chain that lifts an old file to the current one.

Each step takes the parsed JSON of version N and returns version N+1. Steps never touch the file
on disk: the migrated workshop is only written when the user saves.
"""

from __future__ import annotations

from typing import Any, Callable

CURRENT_SCHEMA_VERSION = 4

_V1_COLOURS = {"yellow": "gul", "green": "groen", "blue": "blaa", "pink": "lyseroed", "orange": "orange", "white": "hvid"}


class MigrationRefused(Exception):
    """An old file holds something the current schema cannot keep as written; str() is the Danish
    reason. Refusing beats guessing: the file is left as it is."""


def _v1_colour(board_id: str, index: int, colour: object) -> object:
    """English v1 names become today's; a name that already is today's stays; anything else is
    refused by name (it used to become "gul" without a word)."""
    if isinstance(colour, str) and colour in _V1_COLOURS:
        return _V1_COLOURS[colour]
    if isinstance(colour, str) and colour in _V1_COLOURS.values():
        return colour
    raise MigrationRefused(f"post-it nr. {index + 1} på plade »{str(board_id)[:40]}« har farven "
                           f"»{str(colour)[:40]}«, som programmet ikke kender")


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 (0.0.x prototypes) kept notes per board with a `pos` pair and English colour names,
    and called the workshop `project` with a `kind`. v2 keeps one flat list of notes."""
    old = dict(data.get("project") or {})
    boards = old.pop("boards", {}) or {}
    notes = []
    for board_id, board_notes in boards.items():
        for index, note in enumerate(board_notes):
            note = dict(note)
            x, y = note.pop("pos", (0, 0))
            note["x"], note["y"], note["board"] = x, y, board_id
            note["colour"] = _v1_colour(board_id, index, note.get("colour", "yellow"))
            notes.append(note)
    workshop = {"workshop": old.pop("kind", None), **old, "notes": notes}
    out = {k: v for k, v in data.items() if k != "project"}
    out.update(schema_version=2, workshop=workshop)
    return out


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """v3 (0.2) adds the strategy -> GRUS -> SU loop: note sources, plan-row status and SU's
    evaluation. All have defaults, so a v2 workshop needs no change beyond its version."""
    return {**data, "schema_version": 3}


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """v4 (0.3) saves where the agenda stands (`agenda`) and the strategy's own choices (adopted,
    valid until, next serviceeftersyn, evaluation rhythm, groups and plans, changes). All have
    defaults; the version number tells an older program that it cannot keep them, so it refuses
    the file by version instead of by an unknown field."""
    return {**data, "schema_version": 4}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(data: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """Lift `data` to CURRENT_SCHEMA_VERSION; returns it and the version it started at."""
    start = version = data["schema_version"]
    while version < CURRENT_SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data, start
