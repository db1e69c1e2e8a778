"""Operations on the plan tab and SU's evaluation, one cell or one text at a time.

Each names its exact target (field, row id, group id), so an undo step of typing in one box never
swallows typing in another, and nothing replaces a whole list to change one cell.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from . import limits as L
from .change import EVALUATION, PLAN, Change, Outcome
from .errors import ModelError, model_error
from .evaluation import merge_evaluation_groups
from .operations import _check_count, _set_fields, chosen_notes_not_in_plan
from .project import EvaluationGroup, FocusAreaRow, GrusPlanRow, Project, YearWheelEntry, new_id
from .roles import seed_board
from .text import clean_text

PLAN_TEXTS = frozenset({"principles", "roles", "follow_up", "mus_themes", "su_feedback", "group_plans", "changes"})
# One-line choices SU makes for its strategy (vedtaget, gælder til …), limited like any line.
PLAN_LINES = frozenset({"vice_chair", "adopted", "valid_until", "next_review", "evaluation_rhythm"})
ROW_LISTS: dict[str, type[BaseModel]] = {"focus_areas": FocusAreaRow, "rows": GrusPlanRow}
ROW_TEXTS = {"focus_areas": ("area", "why", "target_group", "expected_effect", "learning_forms"),
             "rows": ("goal", "need", "activity", "who", "responsible", "when", "success", "follow_up")}
ROW_CHOICES = {"rows": ("status", "linked_focus_areas")}


def rows_field(project: Project) -> str:
    """The plan's list of rows for this kind of workshop."""
    return "focus_areas" if project.workshop == "strategi" else "rows"


def _clean(value: Any, limit: int, clean: bool = True) -> Any:
    """Typed text is cleaned; an inverse (clean=False) puts back exactly what was there."""
    return clean_text(value, limit) if clean and isinstance(value, str) else value


# --- plan texts and the date -----------------------------------------------------------------
def set_plan_text(project: Project, field: str, text: str, clean: bool = True) -> Outcome:
    """One of the plan's text boxes (principles, roles, MUS themes …)."""
    if field not in PLAN_TEXTS | PLAN_LINES:
        raise ModelError(f"ukendt felt i planen: {field}")
    limit = L.MAX_LINE_TEXT if field in PLAN_LINES else L.MAX_PLAN_TEXT
    value = _clean(text, limit, clean)
    if clean and field in PLAN_LINES and isinstance(value, str):
        value = value.replace("\n", " ")  # a one-line field holds no newline (model/text.py)
    old = _set_fields(project.plan, {field: value})
    return Outcome(partial(set_plan_text, field=field, text=old[field], clean=False), Change(PLAN, field=field))


def set_next_follow_up(project: Project, date: dt.date | None) -> Outcome:
    old = _set_fields(project.plan, {"next_follow_up": date})
    return Outcome(partial(set_next_follow_up, date=old["next_follow_up"]), Change(PLAN, field="next_follow_up"))


def set_year_wheel(project: Project, month: int, activity: str) -> Outcome:
    """The year wheel's activity for one month (1-12); an empty text means nothing that month."""
    if not 1 <= month <= 12:
        raise ModelError(f"måned {month} findes ikke")
    activity = _clean(activity, L.MAX_CELL_TEXT)
    try:
        entry = YearWheelEntry(month=month, activity=activity) if activity.strip() else None
    except ValidationError as exc:
        raise model_error(exc) from None
    return _put_month(project, month, entry)


def _put_month(project: Project, month: int, entry: YearWheelEntry | None) -> Outcome:
    entries = project.plan.year_wheel
    kept = [e for e in entries if e.month != month] + ([entry] if entry is not None else [])
    return _put_year_wheel(project, sorted(kept, key=lambda e: e.month))


def _put_year_wheel(project: Project, entries: list[YearWheelEntry]) -> Outcome:
    """The whole (short) list: the inverse puts back exactly what was there, order included."""
    old = list(project.plan.year_wheel)
    project.plan.year_wheel = entries
    return Outcome(partial(_put_year_wheel, entries=old), Change(PLAN, field="year_wheel"))


# --- plan rows -------------------------------------------------------------------------------
def _rows(project: Project, list_field: str) -> list[Any]:
    if list_field not in ROW_LISTS:
        raise ModelError(f"ukendt liste i planen: {list_field}")
    rows: list[Any] = getattr(project.plan, list_field)
    return rows


def _row(project: Project, list_field: str, row_id: str) -> Any:
    row = next((r for r in _rows(project, list_field) if r.id == row_id), None)
    if row is None:
        raise ModelError(f"rækken findes ikke længere ({row_id})")
    return row


def set_plan_cell(project: Project, row_id: str, field: str, value: Any, list_field: str | None = None,
                  clean: bool = True) -> Outcome:
    """One cell of a plan row: a text, the status, or the linked focus areas."""
    list_field = list_field or rows_field(project)
    allowed = ROW_TEXTS.get(list_field, ()) + ROW_CHOICES.get(list_field, ())
    if field not in allowed:
        raise ModelError(f"ukendt kolonne i planen: {field}")
    row = _row(project, list_field, row_id)
    old = _set_fields(row, {field: _clean(value, L.MAX_CELL_TEXT, clean)})
    return Outcome(partial(set_plan_cell, row_id=row_id, field=field, value=old[field], list_field=list_field,
                           clean=False),
                   Change(PLAN, frozenset({row_id}), list_field))


def add_plan_rows(project: Project, rows: list[BaseModel], list_field: str | None = None,
                  at: list[int] | None = None) -> Outcome:
    """New rows at the end (or back at their old places, for the undo of a removal)."""
    list_field = list_field or rows_field(project)
    current = _rows(project, list_field)
    kind = ROW_LISTS[list_field]
    _check_count(list_field, len(current) + len(rows))
    try:
        checked: list[Any] = [kind.model_validate(r.__dict__ if isinstance(r, BaseModel) else r) for r in rows]
    except ValidationError as exc:
        raise model_error(exc) from None
    ids = [r.id for r in checked]
    if len(set(ids)) != len(ids) or set(ids) & {r.id for r in current}:
        raise ModelError("rækken findes allerede")
    if at is None:
        current.extend(checked)
    else:
        for index, row in sorted(zip(at, checked), key=lambda pair: pair[0]):
            current.insert(index, row)
    return Outcome(partial(remove_plan_rows, row_ids=ids, list_field=list_field),
                   Change(PLAN, frozenset(ids), list_field))


def remove_plan_rows(project: Project, row_ids: Iterable[str], list_field: str | None = None) -> Outcome:
    list_field = list_field or rows_field(project)
    current = _rows(project, list_field)
    wanted = set(row_ids)
    removed = [(i, r) for i, r in enumerate(current) if r.id in wanted]
    current[:] = [r for r in current if r.id not in wanted]
    return Outcome(partial(add_plan_rows, rows=[r for _, r in removed], list_field=list_field,
                           at=[i for i, _ in removed]),
                   Change(PLAN, frozenset(r.id for _, r in removed), list_field))


def seed_rows_from_chosen(project: Project, board_id: str | None = None) -> Outcome | None:
    """Rows for the notes the dot vote chose on the priorities board that no row came from yet.
    None when there is nothing new to fetch."""
    list_field = rows_field(project)
    board_id = board_id or seed_board(project.workshop)
    notes = chosen_notes_not_in_plan(project, board_id, _rows(project, list_field))
    if not notes:
        return None
    if list_field == "focus_areas":
        rows: list[BaseModel] = [FocusAreaRow(id=new_id("i"), area=clean_text(n.text, L.MAX_CELL_TEXT),
                                              source_note=n.id) for n in notes]
    else:
        rows = [GrusPlanRow(id=new_id("r"), need=clean_text(n.text, L.MAX_CELL_TEXT),
                            goal=clean_text(n.text, L.MAX_CELL_TEXT), source_note=n.id) for n in notes]
    return add_plan_rows(project, rows, list_field)


def new_plan_row(project: Project) -> BaseModel:
    return FocusAreaRow(id=new_id("i")) if rows_field(project) == "focus_areas" else GrusPlanRow(id=new_id("r"))


# --- SU's evaluation -------------------------------------------------------------------------
def set_mus_summary(project: Project, group_id: str, text: str, clean: bool = True) -> Outcome:
    """What MUS showed in one group (typed by SU)."""
    group = next((g for g in project.evaluation.groups if g.id == group_id), None)
    if group is None:
        raise ModelError(f"gruppen findes ikke længere ({group_id})")
    old = _set_fields(group, {"mus_summary": _clean(text, L.MAX_PLAN_TEXT, clean)})
    return Outcome(partial(set_mus_summary, group_id=group_id, text=old["mus_summary"], clean=False),
                   Change(EVALUATION, frozenset({group_id}), "mus_summary"))


def set_conclusions(project: Project, text: str, clean: bool = True) -> Outcome:
    old = _set_fields(project.evaluation, {"conclusions": _clean(text, L.MAX_PLAN_TEXT, clean)})
    return Outcome(partial(set_conclusions, text=old["conclusions"], clean=False), Change(EVALUATION, field="conclusions"))


def _set_groups(project: Project, groups: list[EvaluationGroup]) -> Outcome:
    old = _set_fields(project.evaluation, {"groups": groups})
    return Outcome(partial(_set_groups, groups=old["groups"]),
                   Change(EVALUATION, frozenset(g.id for g in groups) | frozenset(g.id for g in old["groups"]), "groups"))


def merge_evaluation_groups_op(project: Project, fresh: list[EvaluationGroup],
                               mus: dict[str, str] | None = None) -> Outcome:
    """Fetch or re-fetch groups' GRUS files into SU's evaluation (see evaluation.py for the rules)."""
    if project.workshop != "strategi":
        raise ModelError("SU's evaluering hører til en kompetencestrategi (workshop 1)")
    merged = merge_evaluation_groups(project.evaluation.groups, fresh, mus)
    _check_count("groups", len(merged))
    return _set_groups(project, merged)
