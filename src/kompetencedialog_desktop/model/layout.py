"""Where a new post-it goes: the first free spot in its zone, reading order, never on top of others."""

from __future__ import annotations

from .content import BoardDefinition, Rect
from .project import NOTE_HEIGHT, NOTE_WIDTH, Project

GAP = 12.0
_ZONE_TITLE_SPACE = 84.0  # keep the zone's title and help line visible


def _overlaps(ax: float, ay: float, aw: float, ah: float, others: list[tuple[float, float, float, float]]) -> bool:
    for bx, by, bw, bh in others:
        if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
            return True
    return False


def free_spot(
    project: Project,
    board: BoardDefinition,
    zone_id: str,
    w: float = NOTE_WIDTH,
    h: float = NOTE_HEIGHT,
) -> tuple[float, float]:
    """Top-left corner for a new w x h note in the zone, in board coordinates.

    Scans a grid row by row; if the zone is full, cascades on top of the last row so the
    note is still inside its zone (and visibly new)."""
    zone = board.zone(zone_id)
    rect = zone.rect if zone else Rect(x=0, y=0, w=board.width, h=board.height)
    top = rect.y + (_ZONE_TITLE_SPACE if rect.h > _ZONE_TITLE_SPACE + h else 0)
    left, right, upper, lower, board_id = rect.x, rect.x + rect.w, rect.y, rect.y + rect.h, board.id
    others = []
    for n in project.notes:
        if n.board == board_id:
            x, y, w_, h_ = n.x, n.y, n.w, n.h
            if x < right and left < x + w_ and y < lower and upper < y + h_:
                others.append((x, y, w_, h_))
    step_x, step_y = w + GAP, h + GAP
    columns = max(1, int((rect.w - GAP) // step_x))
    rows = max(1, int((rect.y + rect.h - top - GAP) // step_y))
    for row in range(rows):
        for col in range(columns):
            x = rect.x + GAP + col * step_x
            y = top + GAP + row * step_y
            if not _overlaps(x, y, w, h, others):
                return x, y
    # Full: cascade so the newest note is on top and offset from the one before.
    count = len(others)
    offset = (count % 10) * 14.0
    return (
        min(rect.x + GAP + offset, rect.x + max(GAP, rect.w - w)),
        min(top + GAP + offset, rect.y + max(GAP, rect.h - h)),
    )
