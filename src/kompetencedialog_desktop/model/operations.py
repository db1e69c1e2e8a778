"""Every change to a workshop is one of these plain functions.

Intent operations (`change_votes`, `duplicate_notes`, `set_note_fields`, `set_front_page` …) take
the project and what the user meant, check the workshop's rules, change the project or raise
ModelError (Danish, nothing changed), and return an Outcome: the inverse and what changed.
The older primitives (`add_notes`, `update_notes`, `group_notes` …) return raw undo data and
are what the intent operations are built from; ui/commands.py wraps either kind.
Plan and evaluation operations live in `plan_operations.py`.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any, Iterable

from pydantic import ValidationError

from . import limits as L
from .change import CLUSTERS, FRONT, NOTES, Change, Outcome
from .errors import ModelError, model_error
from .project import CardProgress, Cluster, Note, Project, StepLog, new_id
from .text import clean_text
from .voting import zone_budget

__all__ = [
    "NOTE_FIELDS", "ClusterState", "ModelError", "StepLog", "add_notes", "add_notes_op",
    "change_votes", "chosen_notes_not_in_plan", "clean_text", "duplicate_notes", "group_notes", "group_notes_op",
    "log_step", "note_copies", "remove_notes", "remove_notes_op", "rename_cluster", "rename_cluster_op", "restore_clusters",
    "restore_notes", "set_card_progress", "set_front_page", "set_note_fields", "set_project_fields", "set_votes",
    "ungroup_notes", "ungroup_notes_op", "update_notes",
]


NOTE_FIELDS = frozenset({"text", "x", "y", "w", "h", "zone", "colour", "votes", "cluster", "chosen", "board"})
FRONT_FIELDS = frozenset({"title", "workplace", "group", "leader", "date", "participants", "vote_budget", "voters",
                          "agenda_variant"})
DUPLICATE_OFFSET = 24.0


def _set_fields(target: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """Set fields on a record, all or nothing: each assignment is validated by the record, and a
    refusal puts back what was already set. Returns the old values."""
    old: dict[str, Any] = {}
    try:
        for name, value in fields.items():
            old[name] = getattr(target, name)
            setattr(target, name, value)
    except ValidationError as exc:
        for name, value in old.items():
            object.__setattr__(target, name, value)  # the old values were valid; no re-check
        raise model_error(exc) from None
    return old


def _check_count(what: str, count: int) -> None:
    limit = L.LIST_LABELS[what][1] if what != "notes" else L.MAX_NOTES
    if count > limit:
        raise ModelError(L.too_many(what, count))


# --- notes: primitives ----------------------------------------------------------------------
def _index(project: Project) -> dict[str, Note]:
    return {n.id: n for n in project.notes}


def add_notes(project: Project, notes: Iterable[Note]) -> list[str]:
    """Append notes (text cleaned, every field checked). Returns their ids for `remove_notes`."""
    notes = list(notes)
    existing = {n.id for n in project.notes}
    fresh = {n.id for n in notes}
    if len(fresh) != len(notes) or existing & fresh:
        raise ModelError(f"post-it-id findes allerede: {', '.join(sorted(existing & fresh) or fresh)}")
    _check_count("notes", len(project.notes) + len(notes))
    checked = []
    for note in notes:
        try:  # a model_copy(update=…) is not validated; this is where it is
            checked.append(Note.model_validate({**note.__dict__, "text": clean_text(note.text)}))
        except ValidationError as exc:
            raise model_error(exc) from None
    for note, valid in zip(notes, checked):
        if valid != note:
            _set_fields(note, {"text": valid.text})
    project.notes.extend(notes)  # the caller's objects, so a redo re-adds the same notes
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


def update_notes(project: Project, changes: dict[str, dict[str, Any]], clean: bool = True) -> dict[str, dict[str, Any]]:
    """Set fields on notes: {note_id: {field: value}}. Returns the old values in the same shape,
    so calling it again with the result (and clean=False) is the undo. All or nothing."""
    by_id = _index(project)
    for note_id, fields in changes.items():
        if note_id not in by_id:
            raise KeyError(note_id)
        unknown = set(fields) - NOTE_FIELDS
        if unknown:
            raise ModelError(f"ukendt felt på post-it: {', '.join(sorted(unknown))}")
    old: dict[str, dict[str, Any]] = {}
    try:
        for note_id, fields in changes.items():
            cleaned = {k: clean_text(v) if clean and k == "text" and isinstance(v, str) else v for k, v in fields.items()}
            old[note_id] = _set_fields(by_id[note_id], cleaned)
    except ModelError:
        for note_id, fields in old.items():
            _set_fields(by_id[note_id], fields)
        raise
    return old


# --- notes: intent operations ----------------------------------------------------------------
def add_notes_op(project: Project, notes: list[Note]) -> Outcome:
    ids = add_notes(project, notes)
    return Outcome(partial(remove_notes_op, note_ids=ids), Change(NOTES, frozenset(ids)))


def remove_notes_op(project: Project, note_ids: Iterable[str]) -> Outcome:
    removed = remove_notes(project, note_ids)
    return Outcome(partial(_restore_notes_op, removed=removed), Change(NOTES, frozenset(n.id for _, n in removed)))


def _restore_notes_op(project: Project, removed: list[tuple[int, Note]]) -> Outcome:
    _check_count("notes", len(project.notes) + len(removed))
    restore_notes(project, removed)
    ids = [n.id for _, n in removed]
    return Outcome(partial(remove_notes_op, note_ids=ids), Change(NOTES, frozenset(ids)))


def set_note_fields(project: Project, changes: dict[str, dict[str, Any]], clean: bool = True) -> Outcome:
    """Move, edit text, change colour, zone, dots or 'chosen' of notes: {note_id: {field: value}}."""
    old = update_notes(project, changes, clean)
    return Outcome(partial(set_note_fields, changes=old, clean=False), Change(NOTES, frozenset(changes)))


def note_copies(project: Project, note_ids: Iterable[str], offset: float = DUPLICATE_OFFSET) -> list[Note]:
    """Copies of the notes (new ids), a little down and right, without dots, choice or cluster.
    The window places them by the placement rule instead (ui/note_actions.py)."""
    copies = []
    for note_id in note_ids:
        note = project.note(note_id)
        data = {**note.__dict__, "id": new_id("n"), "x": min(note.x + offset, L.MAX_COORDINATE),
                "y": min(note.y + offset, L.MAX_COORDINATE), "votes": 0, "chosen": False, "cluster": None}
        copies.append(Note.model_validate(data))
    return copies


def duplicate_notes(project: Project, note_ids: Iterable[str], offset: float = DUPLICATE_OFFSET) -> Outcome:
    """Copies of the notes (see note_copies). The outcome's change names the copies."""
    return add_notes_op(project, note_copies(project, note_ids, offset))


def _votes_allowed(project: Project, new_votes: dict[str, int]) -> None:
    """Refuse dots below zero, or more dots in a zone than its budget, over the whole change."""
    if any(v < 0 for v in new_votes.values()):
        raise ModelError("En post-it kan ikke have færre end 0 prikker.")
    budget = zone_budget(project)
    if budget is None:
        return
    by_id = _index(project)
    zones = {(by_id[i].board, by_id[i].zone) for i in new_votes}
    for board, zone in zones:
        notes = project.notes_in_zone(board, zone)
        before = sum(n.votes for n in notes)
        after = sum(new_votes.get(n.id, n.votes) for n in notes)
        if after > budget and after > before:
            raise ModelError(f"Der er ikke prikker nok: {before} af {budget} er brugt i zonen, "
                             f"og ændringen kræver {after - before} mere.")


def _set_votes_map(project: Project, new_votes: dict[str, int]) -> Outcome | None:
    for note_id in new_votes:
        project.note(note_id)  # KeyError for an unknown id before anything changes
    _votes_allowed(project, new_votes)
    changes = {i: {"votes": v} for i, v in new_votes.items() if project.note(i).votes != v}
    return set_note_fields(project, changes) if changes else None


def change_votes(project: Project, note_ids: Iterable[str], delta: int) -> Outcome | None:
    """+/- dots on every selected note; the budget is checked over the whole selection.
    None when nothing changes."""
    return _set_votes_map(project, {i: project.note(i).votes + delta for i in note_ids})


def set_votes(project: Project, note_ids: Iterable[str], value: int) -> Outcome | None:
    """Set the number of dots on every selected note (the digit keys); budget as change_votes."""
    return _set_votes_map(project, {i: value for i in note_ids})


# --- clusters -------------------------------------------------------------------------------
ClusterState = tuple[list[Cluster], dict[str, str | None]]


def _cluster_state(project: Project) -> ClusterState:
    return [c.model_copy() for c in project.clusters], {n.id: n.cluster for n in project.notes}


def restore_clusters(project: Project, state: ClusterState) -> None:
    clusters, membership = state
    project.clusters[:] = [c.model_copy() for c in clusters]
    for note in project.notes:
        if note.id in membership and note.cluster != membership[note.id]:
            note.cluster = membership[note.id]


def _drop_empty_clusters(project: Project) -> None:
    used = {n.cluster for n in project.notes if n.cluster}
    project.clusters[:] = [c for c in project.clusters if c.id in used]


def group_notes(project: Project, note_ids: Iterable[str], cluster: Cluster) -> ClusterState:
    """Put notes into a (new) named cluster; clusters left empty disappear."""
    ids = set(note_ids)
    by_id = _index(project)
    if not ids or any(i not in by_id for i in ids):
        raise KeyError("ukendt post-it")
    new = all(c.id != cluster.id for c in project.clusters)
    if new:
        _check_count("clusters", len(project.clusters) + 1)
    before = _cluster_state(project)
    if new:
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


def rename_cluster(project: Project, cluster_id: str, name: str, clean: bool = True) -> str:
    cluster = project.cluster(cluster_id)
    old = cluster.name
    _set_fields(cluster, {"name": clean_text(name, L.MAX_NAME_TEXT).replace("\n", " ") if clean else name})
    return old


def _restore_clusters_op(project: Project, state: ClusterState, ids: frozenset[str]) -> Outcome:
    now = _cluster_state(project)
    restore_clusters(project, state)
    return Outcome(partial(_restore_clusters_op, state=now, ids=ids), Change(CLUSTERS, ids))


def group_notes_op(project: Project, note_ids: Iterable[str], cluster: Cluster) -> Outcome:
    ids = frozenset(note_ids)
    before = group_notes(project, ids, cluster)
    return Outcome(partial(_restore_clusters_op, state=before, ids=ids), Change(CLUSTERS, ids))


def ungroup_notes_op(project: Project, note_ids: Iterable[str]) -> Outcome:
    ids = frozenset(note_ids)
    before = ungroup_notes(project, ids)
    return Outcome(partial(_restore_clusters_op, state=before, ids=ids), Change(CLUSTERS, ids))


def rename_cluster_op(project: Project, cluster_id: str, name: str, clean: bool = True) -> Outcome:
    old = rename_cluster(project, cluster_id, name, clean)
    members = frozenset(n.id for n in project.notes if n.cluster == cluster_id)
    return Outcome(partial(rename_cluster_op, cluster_id=cluster_id, name=old, clean=False), Change(CLUSTERS, members))


# --- front page -----------------------------------------------------------------------------
def set_project_fields(project: Project, fields: dict[str, Any]) -> dict[str, Any]:
    """Front-page fields (title, workplace, date …), all or nothing. Returns the old values."""
    unknown = set(fields) - FRONT_FIELDS
    if unknown:
        raise ModelError(f"ukendt felt: {', '.join(sorted(unknown))}")
    if "participants" in fields:
        _check_count("participants", len(fields["participants"]))
    return _set_fields(project, fields)


def set_front_page(project: Project, fields: dict[str, Any]) -> Outcome:
    old = set_project_fields(project, fields)
    return Outcome(partial(set_front_page, fields=old), Change(FRONT, field=next(iter(fields), None)))


# --- plan helpers shared with plan_operations -----------------------------------------------
def chosen_notes_not_in_plan(project: Project, board_id: str, rows: list) -> list[Note]:
    """Notes chosen by the dot vote on a board that no plan row was seeded from yet."""
    used = {row.source_note for row in rows if row.source_note}
    return [n for n in project.notes if n.board == board_id and n.chosen and n.id not in used]


# --- session state (saved, not undone) ------------------------------------------------------
def set_card_progress(project: Project, board_id: str, current: int | None = None,
                      discussed: str | None = None) -> None:
    """Move to card `current` and/or toggle card `discussed` on a board's deck."""
    progress = project.card_progress.get(board_id)
    if progress is None:
        if len(project.card_progress) >= L.MAX_CARD_DECKS:
            return  # a broken file's worth of decks; the card panel simply stops remembering
        progress = project.card_progress[board_id] = CardProgress()
    if current is not None:
        progress.current = min(max(0, current), 10_000)
    if discussed is not None:
        if discussed in progress.discussed:
            progress.discussed.remove(discussed)
        elif len(progress.discussed) < L.MAX_LINKS:
            progress.discussed.append(discussed)


def log_step(project: Project, step_id: str, planned_seconds: float, actual_seconds: float,
             started_at: dt.datetime | None = None, finished_at: dt.datetime | None = None) -> None:
    """Record a finished agenda step: planned and actual minutes end up in the file. The oldest
    entries give way when the log is full (it is a record, not the workshop's content)."""
    entry = StepLog(step=step_id[: L.MAX_ID_LENGTH], planned_minutes=round(planned_seconds / 60, 2),
                    actual_seconds=round(actual_seconds, 1), started_at=started_at, finished_at=finished_at)
    project.timer_log.append(entry)
    del project.timer_log[: max(0, len(project.timer_log) - L.MAX_TIMER_LOG)]
