"""Properties of the workshop model (hypothesis), kept small enough for a 2-core CI run:

- any valid workshop round-trips dump -> load unchanged            (ROUND_TRIP examples)
- any sequence of operations, then their inverses in reverse order, gives the original, and every
  state an operation leaves saves and loads again; a refused operation changes nothing
                                                                    (SEQUENCES examples, up to 12 ops)
- the loader, fed valid files spiked with non-finite numbers, lone surrogates, tiny notes and
  duplicate keys, gives a Danish LoadError or a workshop that saves and reloads (LOADER_FUZZ examples)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompetencedialog_desktop.model import limits
from kompetencedialog_desktop.model import operations as ops
from kompetencedialog_desktop.model import plan_operations as plan_ops
from kompetencedialog_desktop.model.errors import ModelError
from kompetencedialog_desktop.model.factory import example_project
from kompetencedialog_desktop.model.project import (
    NOTE_COLOURS,
    PLAN_STATUSES,
    Cluster,
    EvaluatedRow,
    EvaluationGroup,
    FocusAreaRow,
    GrusPlanRow,
    Note,
    Project,
    YearWheelEntry,
)
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content
from kompetencedialog_desktop.storage.project_file import LoadError, dump_project, load_project

# Modest for CI on 2 cores; KDLG_PROPERTY_SCALE=10 for a deeper run by hand.
_SCALE = max(1, int(os.environ.get("KDLG_PROPERTY_SCALE", "1")))
ROUND_TRIP = 60 * _SCALE
SEQUENCES = 40 * _SCALE
LOADER_FUZZ = 80 * _SCALE
_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Valid Unicode only (no lone surrogates), including control characters a file may hold.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
# One-line fields (title, names) refuse control characters (model/text.py); multi-line text keeps them.
lines = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=30)
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
coords = st.floats(-limits.MAX_COORDINATE, limits.MAX_COORDINATE, allow_nan=False, allow_infinity=False)
dates = st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1))
BOARDS = ["strategi-1", "strategi-2", "strategi-3"]


@st.composite
def notes(draw, note_id: str) -> Note:
    return Note(
        id=note_id, board=draw(st.sampled_from(BOARDS)), zone=draw(st.none() | st.sampled_from(["indsatsomraader", "x"])),
        text=draw(texts), x=draw(coords), y=draw(coords),
        w=draw(st.floats(limits.MIN_NOTE_W, limits.MAX_NOTE_SIZE)), h=draw(st.floats(limits.MIN_NOTE_H, limits.MAX_NOTE_SIZE)),
        colour=draw(st.sampled_from(NOTE_COLOURS)), votes=draw(st.integers(0, 20)), chosen=draw(st.booleans()),
    )


@st.composite
def projects(draw) -> Project:
    note_ids = draw(st.lists(ids, max_size=8, unique=True))
    project = Project(
        workshop="strategi", title=draw(lines), workplace=draw(lines), leader=draw(lines), date=draw(dates),
        participants=draw(st.lists(lines, max_size=4)), vote_budget=draw(st.integers(0, 10)),
        voters=draw(st.integers(0, 20)), notes=[draw(notes(i)) for i in note_ids],
    )
    project.plan.focus_areas = [FocusAreaRow(id=f"i{k}", area=draw(texts), why=draw(texts))
                                for k in range(draw(st.integers(0, 3)))]
    project.plan.principles = draw(texts)
    project.plan.year_wheel = [YearWheelEntry(month=m, activity=draw(texts))
                               for m in sorted(draw(st.sets(st.integers(1, 12), max_size=3)))]
    project.plan.rows = [GrusPlanRow(id=f"r{k}", goal=draw(texts), status=draw(st.sampled_from(PLAN_STATUSES)),
                                     linked_focus_areas=draw(st.lists(ids, max_size=2))) for k in range(draw(st.integers(0, 2)))]
    project.plan.next_follow_up = draw(dates)
    project.evaluation.groups = [
        EvaluationGroup(id=f"g{k}", source_file=f"/f/{k}.kdlg", group=draw(lines), mus_summary=draw(texts),
                        rows=[EvaluatedRow(goal=draw(texts), status=draw(st.sampled_from(PLAN_STATUSES)))],
                        su_notes=draw(st.lists(texts, max_size=2)))
        for k in range(draw(st.integers(0, 2)))]
    project.evaluation.conclusions = draw(texts)
    if note_ids and draw(st.booleans()):
        ops.group_notes(project, note_ids[:2], Cluster(id="k1", board=project.notes[0].board, name=draw(lines)))
    return project


def _roundtrip(project: Project) -> Project:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.kdlg"
        path.write_bytes(dump_project(project))
        return load_project(path)


@settings(max_examples=ROUND_TRIP, **_SETTINGS)
@given(projects())
def test_any_valid_workshop_round_trips_unchanged(project):
    assert _roundtrip(project).model_dump() == project.model_dump()


# --- operations and their inverses ------------------------------------------------------------
def _some(draw, items):
    return draw(st.lists(st.sampled_from(items), min_size=1, max_size=4, unique=True)) if items else []


@st.composite
def an_operation(draw, project: Project):
    """One operation as the GUI would call it, on what the project holds now (or a little beyond)."""
    note_ids = [n.id for n in project.notes]
    rows = [r.id for r in project.plan.focus_areas]
    groups = [g.id for g in project.evaluation.groups]
    kind = draw(st.sampled_from([
        "add", "remove", "duplicate", "move", "text", "votes", "set_votes", "group", "ungroup", "rename", "front",
        "plan_text", "cell", "add_row", "remove_rows", "year", "mus", "conclusions", "merge", "seed", "too_long"]))
    if kind == "add":
        fresh = draw(st.lists(ids.map(lambda i: "new-" + i), min_size=1, max_size=3, unique=True))
        return lambda p: ops.add_notes_op(p, [draw(notes(i)) for i in fresh])
    if kind in ("remove", "duplicate", "move", "text", "votes", "set_votes", "group", "ungroup") and not note_ids:
        return None
    chosen = _some(draw, note_ids)
    if kind == "remove":
        return lambda p: ops.remove_notes_op(p, chosen)
    if kind == "duplicate":
        return lambda p: ops.duplicate_notes(p, chosen)
    if kind == "move":
        return lambda p: ops.set_note_fields(p, {i: {"x": draw(coords), "y": draw(coords)} for i in chosen})
    if kind == "text":
        return lambda p: ops.set_note_fields(p, {chosen[0]: {"text": draw(st.text(max_size=20))}})  # surrogates too
    if kind == "votes":
        return lambda p: ops.change_votes(p, chosen, draw(st.integers(-2, 3)))
    if kind == "set_votes":
        return lambda p: ops.set_votes(p, chosen, draw(st.integers(0, 9)))
    if kind == "group":
        cluster = Cluster(id=draw(ids.map(lambda i: "k-" + i)), board="strategi-1", name=draw(lines))
        return lambda p: ops.group_notes_op(p, chosen, cluster)
    if kind == "ungroup":
        return lambda p: ops.ungroup_notes_op(p, chosen)
    if kind == "rename":
        if not project.clusters:
            return None
        cluster_id = draw(st.sampled_from([c.id for c in project.clusters]))
        return lambda p: ops.rename_cluster_op(p, cluster_id, draw(st.text(max_size=20)))
    if kind == "front":
        return lambda p: ops.set_front_page(p, {"title": draw(lines), "participants": draw(st.lists(lines, max_size=3)),
                                                "voters": draw(st.integers(0, 30))})
    if kind == "too_long":  # refused: nothing may change
        return lambda p: ops.set_front_page(p, {"leader": "Ida", "title": "x" * (limits.MAX_LINE_TEXT + 1)})
    if kind == "plan_text":
        return lambda p: plan_ops.set_plan_text(p, draw(st.sampled_from(sorted(plan_ops.PLAN_TEXTS))), draw(st.text(max_size=20)))
    if kind == "cell":
        if not rows:
            return None
        return lambda p: plan_ops.set_plan_cell(p, draw(st.sampled_from(rows)), draw(st.sampled_from(plan_ops.ROW_TEXTS["focus_areas"])),
                                                draw(texts))
    if kind == "add_row":
        return lambda p: plan_ops.add_plan_rows(p, [plan_ops.new_plan_row(p)])
    if kind == "remove_rows":
        return lambda p: plan_ops.remove_plan_rows(p, _some(draw, rows))
    if kind == "year":
        return lambda p: plan_ops.set_year_wheel(p, draw(st.integers(1, 12)), draw(texts))
    if kind == "mus":
        if not groups:
            return None
        return lambda p: plan_ops.set_mus_summary(p, draw(st.sampled_from(groups)), draw(st.text(max_size=20)))
    if kind == "conclusions":
        return lambda p: plan_ops.set_conclusions(p, draw(texts))
    if kind == "merge":
        fresh = [EvaluationGroup(id=f"x{k}", source_file=draw(st.sampled_from(["/f/0.kdlg", "/f/9.kdlg"])), group=draw(lines))
                 for k in range(draw(st.integers(1, 2)))]
        return lambda p: plan_ops.merge_evaluation_groups_op(p, fresh)
    return lambda p: plan_ops.seed_rows_from_chosen(p)


@settings(max_examples=SEQUENCES, **_SETTINGS)
@given(projects(), st.data())
def test_operations_then_inverses_give_the_original_and_every_state_reloads(project, data):
    original = project.model_dump()
    done = []
    for _ in range(data.draw(st.integers(1, 12))):
        operation = data.draw(an_operation(project))
        if operation is None:
            continue
        before = project.model_dump()
        try:
            outcome = operation(project)
        except ModelError:
            assert project.model_dump() == before  # refused: nothing changed
            continue
        if outcome is None:
            assert project.model_dump() == before
            continue
        after = project.model_dump()
        assert _roundtrip(project).model_dump() == after  # every state an operation leaves saves and loads
        done.append((outcome, before, after))
    for outcome, before, after in reversed(done):
        assert project.model_dump() == after
        undone = outcome.inverse(project)
        assert project.model_dump() == before
        redone = undone.inverse(project)  # redo: the inverse of the inverse is the operation again
        assert project.model_dump() == after
        redone.inverse(project)  # and undo once more
        assert project.model_dump() == before
    assert project.model_dump() == original


# --- the loader with hostile values ------------------------------------------------------------
VALID = json.loads(dump_project(example_project(workshop_content("strategi"), load_example("strategi"))))
HOSTILE_NUMBERS = ["1e999", "-1e999", "NaN", "Infinity", "-Infinity", "1e308", "0", "-0.0", "5", "59.99"]


@settings(max_examples=LOADER_FUZZ, **_SETTINGS)
@given(st.data())
def test_loader_refuses_or_keeps_hostile_values_and_what_it_keeps_reloads(data):
    doc = json.loads(json.dumps(VALID))
    w = doc["workshop"]
    note = w["notes"][data.draw(st.integers(0, len(w["notes"]) - 1))]
    kind = data.draw(st.sampled_from(["number", "surrogate", "size", "duplicate", "long"]))
    text = None
    if kind == "number":
        field = data.draw(st.sampled_from(["x", "y", "w", "h", "votes"]))
        note[field] = "@NUMBER@"
        text = json.dumps(doc).replace('"@NUMBER@"', data.draw(st.sampled_from(HOSTILE_NUMBERS)))
    elif kind == "surrogate":
        target = data.draw(st.sampled_from(["note", "title", "principles", "participant", "cluster"]))
        bad = data.draw(st.text(max_size=3)) + chr(data.draw(st.integers(0xD800, 0xDFFF))) + data.draw(st.text(max_size=3))
        if target == "note":
            note["text"] = bad
        elif target == "title":
            w["title"] = bad
        elif target == "principles":
            w["plan"]["principles"] = bad
        elif target == "participant":
            w["participants"].append(bad)
        else:
            w["clusters"].append({"id": "k-x", "board": "strategi-1", "name": bad})
    elif kind == "size":
        note[data.draw(st.sampled_from(["w", "h"]))] = data.draw(st.floats(-10, limits.MIN_NOTE_H + 5, allow_nan=False))
    elif kind == "duplicate":
        raw = json.dumps(doc)
        key = data.draw(st.sampled_from(['"title": ', '"text": ', '"x": ', '"principles": ']))
        text = raw.replace(key, key + '"dobbelt", ' + key, 1)
    else:
        note["text"] = "x" * (limits.MAX_NOTE_TEXT + data.draw(st.integers(-1, 1)))
    raw_bytes = (text if text is not None else json.dumps(doc, ensure_ascii=True)).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fjendtlig.kdlg"
        path.write_bytes(raw_bytes)
        try:
            project = load_project(path)
        except LoadError as exc:
            message = str(exc)
            assert message.startswith("Kan ikke åbne »fjendtlig.kdlg«: ") and message.endswith("Filen er ikke ændret.")
            assert "\n" not in message and "Input should" not in message  # Danish, one line
        else:
            assert _roundtrip(project).model_dump() == project.model_dump()
        assert path.read_bytes() == raw_bytes
