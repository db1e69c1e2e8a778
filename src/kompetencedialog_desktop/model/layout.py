"""Where new post-its go: the first free spot in their zone, reading order, never on top of others.
Every way a note enters a board uses it: quick entry, double-click, duplicate, an example
workshop, the strategy's focus areas fetched into GRUS.

When a zone has no free spot left for a full-size note, the zone's own notes are laid out again
as an even grid with one more row or column, smaller if need be, so that all of them (and the new
ones) fit inside the zone with none covering another. The caller applies the moves and the new
notes as one undo step and tells the user that the zone's notes were made smaller.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from . import limits as L
from .content import BoardDefinition, Rect
from .operations import add_notes, update_notes
from .project import NOTE_HEIGHT, NOTE_WIDTH, Note, Project

GAP = 12.0
_ZONE_TITLE_SPACE = 84.0  # keep the zone's title and help line visible
# A relaid note never gets smaller than the model accepts (about 60 notes in a board-2 zone).
_MIN_W, _MIN_H = L.MIN_NOTE_W, L.MIN_NOTE_H

Box = tuple[float, float, float, float]  # x, y, w, h


@dataclass
class Placement:
    """Where `count` new notes go, and which notes of the zone move or shrink to make room."""

    new: list[Box]
    moves: dict[str, dict[str, float]] = field(default_factory=dict)  # note id -> {x, y, w, h}
    shrunk: bool = False  # notes already in the zone were made smaller (tell the user)


def _overlaps(ax: float, ay: float, aw: float, ah: float, others: list[Box]) -> bool:
    for bx, by, bw, bh in others:
        if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
            return True
    return False


def boxes_overlap(a: Box, b: Box) -> bool:
    return _overlaps(*a, [b])


def _zone_rect(board: BoardDefinition, zone_id: str | None) -> Rect:
    zone = board.zone(zone_id) if zone_id else None
    return zone.rect if zone else Rect(x=0, y=0, w=board.width, h=board.height)


def zone_area(board: BoardDefinition, zone_id: str | None, h: float = NOTE_HEIGHT) -> Box:
    """The part of the zone notes may use: inside its edges, below its title and help line."""
    rect = _zone_rect(board, zone_id)
    title = _ZONE_TITLE_SPACE if rect.h > _ZONE_TITLE_SPACE + h else 0.0
    # 10 above and 4 below (not 12) lets three full rows into the 514-high zones of boards 2 and 3.
    top = rect.y + title + 10.0
    return rect.x + GAP, top, rect.w - 2 * GAP, rect.y + rect.h - 4.0 - top


def _notes_in(project: Project, board: BoardDefinition, rect: Rect) -> list[tuple[str, str | None, Box]]:
    left, right, upper, lower = rect.x, rect.x + rect.w, rect.y, rect.y + rect.h
    found = []
    for n in project.notes:
        if n.board == board.id and n.x < right and left < n.x + n.w and n.y < lower and upper < n.y + n.h:
            found.append((n.id, n.zone, (n.x, n.y, n.w, n.h)))
    return found


def _free_spot_in(area: Box, w: float, h: float, obstacles: list[Box], prefer: tuple[float, float] | None = None) -> tuple[float, float] | None:
    """The first spot (top to bottom, left to right) where a w x h note fits inside `area` at
    least GAP away from every obstacle. Candidates are the area's corner and the right and
    bottom edges of the obstacles, so every gap between notes is tried, not only a fixed grid."""
    ax, ay, aw, ah = area
    right, bottom = ax + aw, ay + ah
    padded = [(x - GAP, y - GAP, w_ + 2 * GAP, h_ + 2 * GAP) for x, y, w_, h_ in obstacles]

    def fits(x: float, y: float) -> bool:
        return ax - 0.01 <= x and x + w <= right + 0.01 and ay - 0.01 <= y and y + h <= bottom + 0.01 and not _overlaps(x, y, w, h, padded)

    if prefer is not None:
        px = min(max(prefer[0], ax), right - w)
        py = min(max(prefer[1], ay), bottom - h)
        if fits(px, py):
            return px, py
    xs = sorted({ax} | {x + w_ + GAP for x, _, w_, _ in obstacles if ax <= x + w_ + GAP <= right - w})
    ys = sorted({ay} | {y + h_ + GAP for _, y, _, h_ in obstacles if ay <= y + h_ + GAP <= bottom - h})
    for y in ys:
        band = [o for o in padded if o[1] < y + h and y < o[1] + o[3]]
        for x in xs:
            if not _overlaps(x, y, w, h, band) and x + w <= right + 0.01:
                return x, y
    return None


def _grid(area: Box, n: int, obstacles: list[Box], w: float, h: float) -> tuple[list[Box], float] | None:
    """The best even grid of at least n free cells in `area`: the largest note size (as a share
    of w x h), then the largest area. Cells that would cover an obstacle are skipped."""
    ax, ay, aw, ah = area
    best: tuple[tuple[float, float, int], list[Box]] | None = None
    for cols in range(1, n + 1):
        cell_w = (aw + GAP) / cols
        note_w = min(w, cell_w - GAP)
        if note_w < _MIN_W:
            break
        # As many rows as fit at full height: spare cells spare the next notes another re-layout.
        rows = max(math.ceil(n / cols), int((ah + GAP) // (h + GAP)))
        while True:
            cell_h = (ah + GAP) / rows
            note_h = min(h, cell_h - GAP)
            if note_h < _MIN_H:
                break
            cells = [(ax + c * cell_w, ay + r * cell_h, note_w, note_h) for r in range(rows) for c in range(cols)]
            cells = [cell for cell in cells if not _overlaps(*cell, obstacles)]
            if len(cells) >= n:
                score = (min(note_w / w, note_h / h), note_w * note_h, len(cells))
                if best is None or score > best[0]:
                    best = (score, cells)
                break
            rows += 1
        if cols >= n and best is not None:
            break
    if best is None:
        return None
    return best[1], best[0][0]


def place_notes(
    project: Project,
    board: BoardDefinition,
    zone_id: str | None,
    count: int = 1,
    w: float = NOTE_WIDTH,
    h: float = NOTE_HEIGHT,
    prefer: tuple[float, float] | None = None,
) -> Placement:
    """Room for `count` new w x h notes in the zone (board coordinates), without any note covering
    another. First every free spot of the zone at full size (`prefer` first, if it is free);
    when the zone is full, its own notes and the new ones are laid out again as an even grid."""
    rect = _zone_rect(board, zone_id)
    area = zone_area(board, zone_id, h)
    present = _notes_in(project, board, rect)
    obstacles = [box for _, _, box in present]
    # A zone that was made denser keeps its size for the next notes, so they join its grid.
    nw, nh = w, h
    sizes = Counter((b[2], b[3]) for _, zone, b in present if zone == zone_id)
    if sizes:
        (zw, zh), _ = sizes.most_common(1)[0]
        if zw <= w and zh <= h and (zw < NOTE_WIDTH or zh < NOTE_HEIGHT):
            nw, nh = zw, zh
    new: list[Box] = []
    for i in range(count):
        spot = _free_spot_in(area, nw, nh, obstacles, prefer if i == 0 else None)
        if spot is None:
            break
        new.append((spot[0], spot[1], nw, nh))
        obstacles.append(new[-1])
    if len(new) == count:
        return Placement(new=new)
    return _relayout(project, board, zone_id, count, w, h, present, area)


def _relayout(project: Project, board: BoardDefinition, zone_id: str | None, count: int, w: float, h: float,
              present: list[tuple[str, str | None, Box]], area: Box) -> Placement:
    # The zone's own notes move; notes of other zones that reach into it stay and are avoided.
    own = [(note_id, box) for note_id, zone, box in present if zone == zone_id and zone_id is not None]
    own_ids = {note_id for note_id, _ in own}
    foreign = [(x - GAP / 2, y - GAP / 2, w_ + GAP, h_ + GAP) for note_id, _, (x, y, w_, h_) in present if note_id not in own_ids]
    own.sort(key=lambda item: (round(item[1][1]), item[1][0]))  # reading order as they lie now
    n = len(own) + count
    grid = _grid(area, n, foreign, w, h)
    if grid is None:  # hundreds of notes: the smallest grid, overlaps accepted rather than lost notes
        cols = max(1, int((area[2] + GAP) // (_MIN_W + GAP)))
        rows = math.ceil(n / cols)
        cell_w, cell_h = (area[2] + GAP) / cols, max(_MIN_H + GAP, (area[3] + GAP) / rows)
        cells = [(area[0] + c * cell_w, area[1] + r * cell_h, _MIN_W, _MIN_H) for r in range(rows) for c in range(cols)]
    else:
        cells = grid[0]
    moves: dict[str, dict[str, float]] = {}
    shrunk = False
    for (note_id, (x, y, w_, h_)), (cx, cy, cw, ch) in zip(own, cells):
        cx, cy = round(cx, 1), round(cy, 1)
        if (cx, cy, cw, ch) != (x, y, w_, h_):
            moves[note_id] = {"x": cx, "y": cy, "w": cw, "h": ch}
        shrunk = shrunk or cw < w_ - 0.5 or ch < h_ - 0.5
    new = [(round(cx, 1), round(cy, 1), cw, ch) for cx, cy, cw, ch in cells[len(own):n]]
    return Placement(new=new, moves=moves, shrunk=shrunk)


def place_into(project: Project, board: BoardDefinition, zone_id: str | None, notes: list[Note],
               prefer: tuple[float, float] | None = None) -> Placement:
    """Give the new `notes` (not in the project yet) their place in the zone by place_notes():
    their x, y, w and h are set here (the largest wished size of them all). The caller applies
    `moves` of the zone's notes together with adding the notes (one undo step in the app)."""
    if not notes:
        return Placement(new=[])
    w, h = max(n.w for n in notes), max(n.h for n in notes)
    placement = place_notes(project, board, zone_id, len(notes), w, h, prefer)
    for note, (x, y, nw, nh) in zip(notes, placement.new):
        note.x, note.y, note.w, note.h = x, y, nw, nh
    return placement


def add_placed(project: Project, board: BoardDefinition, zone_id: str | None, notes: list[Note]) -> Placement:
    """Place and add `notes` outside the undo stack (an example being built, a script): the
    zone's notes move as the rule says, and no note covers another."""
    placement = place_into(project, board, zone_id, notes)
    if placement.moves:
        update_notes(project, placement.moves)
    add_notes(project, notes)
    return placement
