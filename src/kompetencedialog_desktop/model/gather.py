"""Grouping post-its puts them together, as on paper: the members take the places that follow the
first of them (in reading order, in their zone), and the notes that stood there take the places the
members left. Every note keeps its size and its zone, so nothing ends up on top of another; where
that cannot hold (notes of different sizes, members in several zones), nothing moves and the
cluster is still made. Moving and grouping are one undo step."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable

from .change import CLUSTERS, Change, Outcome
from .content import BoardDefinition
from .layout import boxes_overlap
from .operations import group_notes_op, set_note_fields
from .project import Cluster, Project


def _reading_order(notes: list) -> list:
    # Rows first: notes whose tops lie within half a note of each other form one row.
    ordered = sorted(notes, key=lambda n: (n.y, n.x))
    rows: list[list] = []
    for note in ordered:
        if rows and abs(note.y - rows[-1][0].y) < note.h / 2:
            rows[-1].append(note)
        else:
            rows.append([note])
    return [n for row in rows for n in sorted(row, key=lambda n: n.x)]


def gather_moves(project: Project, board: BoardDefinition, note_ids: Iterable[str]) -> dict[str, dict[str, float]]:
    """{note id: {"x", "y"}} that bring the notes `note_ids` next to each other in their zone."""
    ids = set(note_ids)
    members = [n for n in project.notes if n.id in ids]
    zones = {(n.board, n.zone) for n in members}
    if len(members) < 2 or len(zones) != 1:
        return {}
    board_id, zone_id = zones.pop()
    zone = board.zone(zone_id) if zone_id else None
    if zone is None or board_id != board.id:
        return {}
    order = _reading_order([n for n in project.notes if n.board == board_id and n.zone == zone_id])
    slots = [(n.x, n.y) for n in order]
    first = next(i for i, n in enumerate(order) if n.id in ids)
    first = min(first, len(order) - len(members))
    target = range(first, first + len(members))
    in_order = [n for n in order if n.id in ids]
    freed = [i for i, n in enumerate(order) if n.id in ids and i not in target]
    displaced = [n for i, n in enumerate(order) if i in target and n.id not in ids]
    places = {n.id: slots[i] for n, i in zip(in_order, target)}
    places.update({n.id: slots[i] for n, i in zip(displaced, freed)})
    moves = {note_id: {"x": x, "y": y} for note_id, (x, y) in places.items()
             if (x, y) != next((n.x, n.y) for n in order if n.id == note_id)}
    if not moves:
        return {}
    # Check the result: inside the zone, and no note on top of another (sizes may differ).
    boxes = {n.id: (places.get(n.id, (n.x, n.y)) + (n.w, n.h)) for n in project.notes if n.board == board_id}
    r = zone.rect
    for note_id in moves:
        x, y, w, h = boxes[note_id]
        if x < r.x or y < r.y or x + w > r.x + r.w or y + h > r.y + r.h:
            return {}
        if any(other != note_id and boxes_overlap(boxes[note_id], box) for other, box in boxes.items()):
            return {}
    return moves


def _in_sequence(project: Project, steps: list[Callable[[Project], Outcome]], change: Change) -> Outcome:
    """Run operations as one: the inverse undoes them in reverse order (and redoes them again)."""
    done: list[Callable[[Project], Outcome]] = []
    try:
        for step in steps:
            done.append(step(project).inverse)
    except Exception:
        for inverse in reversed(done):
            inverse(project)
        raise
    return Outcome(partial(_in_sequence, steps=list(reversed(done)), change=change), change)


def gather_and_group_op(project: Project, board: BoardDefinition, note_ids: Iterable[str], cluster: Cluster) -> Outcome:
    """Make the cluster and bring its notes together (one undo step)."""
    ids = list(note_ids)
    moves = gather_moves(project, board, ids)
    steps: list[Callable[[Project], Outcome]] = []
    if moves:
        steps.append(partial(set_note_fields, changes=moves))
    steps.append(partial(group_notes_op, note_ids=ids, cluster=cluster))
    return _in_sequence(project, steps, Change(CLUSTERS, frozenset(ids) | frozenset(moves)))
