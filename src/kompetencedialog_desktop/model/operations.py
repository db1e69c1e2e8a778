"""Every change to a workshop is one of these plain functions.

Each returns what is needed to undo it, so the GUI's undo commands stay one line each way.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .project import MAX_NOTE_TEXT, CardProgress, Cluster, Note, Project, StepLog

# Control characters (but not newline and tab) come from pasted text and break files and Word.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

DANISH_MONTH_NAMES = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                      "september", "oktober", "november", "december")

NOTE_FIELDS = frozenset({"text", "x", "y", "w", "h", "zone", "colour", "votes", "cluster", "chosen", "board"})


def clean_text(text: str) -> str:
    """Text as a post-it may hold it: no control characters, Unix newlines, bounded length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))
    return text[:MAX_NOTE_TEXT]


def _index(project: Project) -> dict[str, Note]:
    return {n.id: n for n in project.notes}


def add_notes(project: Project, notes: Iterable[Note]) -> list[str]:
    """Append notes (text cleaned). Returns their ids, which `remove_notes` takes back."""
    notes = list(notes)
    existing = {n.id for n in project.notes}
    fresh = {n.id for n in notes}
    if len(fresh) != len(notes) or existing & fresh:
        raise ValueError(f"post-it-id findes allerede: {', '.join(sorted(existing & fresh) or fresh)}")
    for note in notes:
        note.text = clean_text(note.text)
    project.notes.extend(notes)
    return [n.id for n in notes]


def remove_notes(project: Project, note_ids: Iterable[str]) -> list[tuple[int, Note]]:
    """Remove notes; returns (index, note) pairs that `restore_notes` puts back exactly."""
    wanted = set(note_ids)
    removed = [(i, n) for i, n in enumerate(project.notes) if n.id in wanted]
    if len(removed) != len(wanted):
        missing = wanted - {n.id for _, n in removed}
        raise KeyError(", ".join(sorted(missing)))
    project.notes[:] = [n for n in project.notes if n.id not in wanted]
    return removed


def restore_notes(project: Project, removed: list[tuple[int, Note]]) -> None:
    for index, note in sorted(removed, key=lambda pair: pair[0]):
        project.notes.insert(index, note)


def update_notes(project: Project, changes: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Set fields on notes: {note_id: {field: value}}. Returns the old values in the same shape,
    so calling it again with the result is the undo. Covers move, edit, colour, votes, zone."""
    by_id = _index(project)
    for note_id, fields in changes.items():
        if note_id not in by_id:
            raise KeyError(note_id)
        unknown = set(fields) - NOTE_FIELDS
        if unknown:
            raise ValueError(f"ukendt felt på post-it: {', '.join(sorted(unknown))}")
    old: dict[str, dict[str, Any]] = {}
    for note_id, fields in changes.items():
        note = by_id[note_id]
        old[note_id] = {name: getattr(note, name) for name in fields}
        for name, value in fields.items():
            if name == "text":
                value = clean_text(value)
            elif name == "votes" and value < 0:
                raise ValueError("antal prikker kan ikke være negativt")
            setattr(note, name, value)
    return old


ClusterState = tuple[list[Cluster], dict[str, str | None]]


def _cluster_state(project: Project) -> ClusterState:
    return [c.model_copy() for c in project.clusters], {n.id: n.cluster for n in project.notes}


def restore_clusters(project: Project, state: ClusterState) -> None:
    clusters, membership = state
    project.clusters[:] = [c.model_copy() for c in clusters]
    for note in project.notes:
        if note.id in membership:
            note.cluster = membership[note.id]


def _drop_empty_clusters(project: Project) -> None:
    used = {n.cluster for n in project.notes if n.cluster}
    project.clusters[:] = [c for c in project.clusters if c.id in used]


def group_notes(project: Project, note_ids: Iterable[str], cluster: Cluster) -> ClusterState:
    """Put notes into a (new) named cluster; clusters left empty disappear."""
    before = _cluster_state(project)
    ids = set(note_ids)
    by_id = _index(project)
    if not ids or any(i not in by_id for i in ids):
        raise KeyError("ukendt post-it")
    if all(c.id != cluster.id for c in project.clusters):
        project.clusters.append(cluster.model_copy())  # the caller keeps its own for redo
    for note_id in ids:
        by_id[note_id].cluster = cluster.id
    _drop_empty_clusters(project)
    return before


def ungroup_notes(project: Project, note_ids: Iterable[str]) -> ClusterState:
    before = _cluster_state(project)
    by_id = _index(project)
    for note_id in note_ids:
        by_id[note_id].cluster = None
    _drop_empty_clusters(project)
    return before


def rename_cluster(project: Project, cluster_id: str, name: str) -> str:
    cluster = project.cluster(cluster_id)
    old, cluster.name = cluster.name, clean_text(name).replace("\n", " ")[:200]
    return old


def set_project_fields(project: Project, fields: dict[str, Any]) -> dict[str, Any]:
    """Front-page fields (title, workplace, date …). Returns the old values."""
    allowed = {"title", "workplace", "group", "leader", "date", "participants", "vote_budget", "voters", "agenda_variant"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"ukendt felt: {', '.join(sorted(unknown))}")
    old = {name: getattr(project, name) for name in fields}
    for name, value in fields.items():
        setattr(project, name, value)
    return old


PLAN_FIELDS = frozenset({"focus_areas", "principles", "roles", "year_wheel", "follow_up",
                         "vice_chair", "adopted", "valid_until", "next_review", "evaluation_rhythm", "group_plans", "changes",
                         "rows", "mus_themes", "su_feedback", "next_follow_up"})


def _update_fields(target: Any, allowed: frozenset[str], changes: dict[str, Any], what: str) -> dict[str, Any]:
    """Set fields on a plan-like record. Texts are cleaned; lists are copied both ways so an undo
    can never share rows with the live workshop. Returns the old values (the undo)."""
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"ukendt felt {what}: {', '.join(sorted(unknown))}")
    old = {name: _copy(getattr(target, name)) for name in changes}
    for name, value in changes.items():
        setattr(target, name, clean_text(value) if isinstance(value, str) else _copy(value))
    return old


def update_plan(project: Project, changes: dict[str, Any]) -> dict[str, Any]:
    """Plan fields: a text, a date, or a whole list of rows."""
    return _update_fields(project.plan, PLAN_FIELDS, changes, "i planen")


def _copy(value: Any) -> Any:
    return [item.model_copy(deep=True) for item in value] if isinstance(value, list) else value


def chosen_notes_not_in_plan(project: Project, board_id: str, rows: list) -> list[Note]:
    """Notes chosen by the dot vote on a board that no plan row was seeded from yet."""
    used = {row.source_note for row in rows if row.source_note}
    return [n for n in project.notes if n.board == board_id and n.chosen and n.id not in used]


def set_card_progress(project: Project, board_id: str, current: int | None = None,
                      discussed: str | None = None) -> None:
    """Move to card `current` and/or toggle card `discussed` on a board's deck."""
    progress = project.card_progress.setdefault(board_id, CardProgress())
    if current is not None:
        progress.current = max(0, current)
    if discussed is not None:
        if discussed in progress.discussed:
            progress.discussed.remove(discussed)
        else:
            progress.discussed.append(discussed)


def log_step(project: Project, step_id: str, planned_seconds: float, actual_seconds: float,
             started_at=None, finished_at=None) -> None:
    """Record a finished agenda step: planned and actual minutes end up in the file."""
    project.timer_log.append(StepLog(step=step_id, planned_minutes=round(planned_seconds / 60, 2),
                                     actual_seconds=round(actual_seconds, 1), started_at=started_at,
                                     finished_at=finished_at))


EVALUATION_FIELDS = frozenset({"groups", "conclusions"})


def update_evaluation(project: Project, changes: dict[str, Any]) -> dict[str, Any]:
    """SU's evaluation: the imported groups (whole list) and the conclusions text."""
    return _update_fields(project.evaluation, EVALUATION_FIELDS, changes, "i evalueringen")
