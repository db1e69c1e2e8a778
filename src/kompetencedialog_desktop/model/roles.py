"""The few content ids the code depends on, named by the role they play.

A board or zone in resources/boards/*.json says which role it plays (`"role": "prioritering"`).
The content loader calls `check_roles`, so content that moves a role to another board or zone, or
drops it, is refused when loading (by name) instead of the code silently finding nothing. The
constants below are the ids the code uses; the check keeps them and the content in step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .content import BoardDefinition

# Board roles
PRIORITY = "prioritering"  # the board where the dot vote chooses (plan rows are seeded from it)
# Zone roles (GRUS)
STRATEGY_AREAS = "strategiens-indsatsomraader"  # where focus areas fetched from the strategy land
FEEDBACK_TO_SU = "tilbagemelding-til-su"  # the group's post-its for SU
MUS_THEMES = "mus-temaer"  # common themes for MUS

# role -> {workshop: (board id, zone id or None)}
ROLES: dict[str, dict[str, tuple[str, str | None]]] = {
    PRIORITY: {"strategi": ("strategi-2", None), "grus": ("grus-2", None)},
    STRATEGY_AREAS: {"grus": ("grus-1", "strategiens-omraader")},
    FEEDBACK_TO_SU: {"grus": ("grus-3", "til-su")},
    MUS_THEMES: {"grus": ("grus-3", "mus-temaer")},
}
# The same ids as plain names for the code (test_rules checks they match ROLES).

STRATEGY_PRIORITY_BOARD = "strategi-2"
GRUS_IMPORT_BOARD, GRUS_IMPORT_ZONE = "grus-1", "strategiens-omraader"
GRUS_FEEDBACK_BOARD, GRUS_FEEDBACK_ZONE = "grus-3", "til-su"
GRUS_MUS_BOARD, GRUS_MUS_ZONE = "grus-3", "mus-temaer"


def seed_board(workshop: str) -> str:
    """The board whose chosen post-its become plan rows."""
    return ROLES[PRIORITY][workshop][0]


def check_roles(workshop: str, boards: Iterable["BoardDefinition"]) -> list[str]:
    """Danish problems with the roles in a workshop's boards (empty when all is well): every role
    the code needs is played by exactly the board/zone it expects, and no unknown role appears."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for board in boards:
        if board.role:
            found.setdefault(board.role, []).append((board.id, None))
        for zone in board.zones:
            if zone.role:
                found.setdefault(zone.role, []).append((board.id, zone.id))
    problems = [f"ukendt rolle »{role}« ({where[0][0]})" for role, where in found.items() if role not in ROLES]
    for role, per_workshop in ROLES.items():
        if workshop not in per_workshop:
            if role in found:
                problems.append(f"rollen »{role}« hører ikke til denne workshop")
            continue
        expected = per_workshop[workshop]
        places = found.get(role, [])
        if places != [expected]:
            want = f"{expected[0]}" + (f", zone {expected[1]}" if expected[1] else "")
            problems.append(f"rollen »{role}« skal ligge på {want} (fundet: "
                            f"{', '.join(b + (f'/{z}' if z else '') for b, z in places) or 'ingen'})")
    return problems
