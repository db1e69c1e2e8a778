"""JSON as the project file reads it: a key twice in one object is refused by name, because the
standard parser silently keeps the last one and the user would never know what was dropped."""

from __future__ import annotations

from typing import Any


class DuplicateKeyError(Exception):
    """str() is the Danish reason, e.g. 'nøglen »title« står flere gange i samme objekt'."""


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """object_pairs_hook for json.loads."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise DuplicateKeyError(f"nøglen »{key[:60]}« står flere gange i samme objekt")
            seen.add(key)
    return result
