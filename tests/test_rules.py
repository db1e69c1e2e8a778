"""The workshop guards itself: bugs 1-8 of issue 14, each through the model (and the GUI or the
command line where the bug showed there). Every state an edit leaves must save and load again."""

from __future__ import annotations

import json

import pytest

from kompetencedialog_desktop.model import operations as ops
from kompetencedialog_desktop.model.project import Note, Project, StepLog
from kompetencedialog_desktop.storage.project_file import LoadError, dump_project, load_project, save_project


def _reloads(project: Project, tmp_path) -> Project:
    path = tmp_path / "rundtur.kdlg"
    save_project(project, path)
    return load_project(path)


def _write(tmp_path, doc: dict | str, name: str = "fil.kdlg"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


# 1. A title too long for the file is refused when typed, not when the file is opened again.
def test_a_too_long_title_is_refused_by_the_setter_and_the_file_still_opens(example, tmp_path):
    with pytest.raises(ValueError) as refused:
        ops.set_project_fields(example, {"title": "x" * 600, "leader": "Ida"})
    assert "for lang" in str(refused.value) and "500" in str(refused.value)
    assert example.leader != "Ida"  # all or nothing
    with pytest.raises(ValueError):
        example.title = "y" * 600  # plain assignment is validated too
    assert _reloads(example, tmp_path).title == example.title


def test_every_text_field_has_a_limit_and_the_limits_are_named():
    from kompetencedialog_desktop.model import limits

    schema = Project.model_json_schema()
    unlimited = []

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "string" and "maxLength" not in node and "format" not in node and "enum" not in node \
                    and "const" not in node:
                unlimited.append(where)
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(schema, "Project")
    assert unlimited == []
    assert limits.MAX_NOTES == 5_000 and limits.MAX_LINE_TEXT == 500


# 2. Infinity anywhere is refused on load (JSON has no infinity: it saved as null and never opened again).
def test_non_finite_numbers_are_refused_on_load_and_by_setters(example, tmp_path):
    example.timer_log.append(StepLog(step="s1", planned_minutes=5))
    doc = json.loads(dump_project(example))
    doc["workshop"]["timer_log"][0]["planned_minutes"] = 1e999  # json.dumps writes Infinity
    text = json.dumps(doc).replace("Infinity", "1e999")
    with pytest.raises(LoadError) as refused:
        load_project(_write(tmp_path, text))
    assert "timer_log[0].planned_minutes" in str(refused.value) and "endeligt" in str(refused.value)
    note = example.notes[0]
    with pytest.raises(ValueError):
        ops.update_notes(example, {note.id: {"x": float("nan")}})
    assert note.x == note.x


# 3. A lone surrogate in a file is refused on load with a Danish reason; typed in, it is repaired.
@pytest.mark.parametrize("where", ["plan.principles", "plan.mus_themes", "participants", "clusters",
                                   "evaluation.conclusions", "plan.focus_areas"])
def test_lone_surrogates_are_refused_on_load(example, tmp_path, where):
    doc = json.loads(dump_project(example))
    w = doc["workshop"]
    bad = "før\ud800efter"
    if where == "plan.principles":
        w["plan"]["principles"] = bad
    elif where == "plan.mus_themes":
        w["plan"]["mus_themes"] = bad
    elif where == "participants":
        w["participants"] = ["Anne", bad]
    elif where == "clusters":
        w["clusters"] = [{"id": "k1", "board": "strategi-1", "name": bad}]
    elif where == "evaluation.conclusions":
        w["evaluation"]["conclusions"] = bad
    else:
        w["plan"]["focus_areas"][0]["why"] = bad
    path = tmp_path / "surrogat.kdlg"
    path.write_bytes(json.dumps(doc, ensure_ascii=True).encode("ascii"))  # "\ud800" as JSON escape
    with pytest.raises(LoadError) as refused:
        load_project(path)
    assert "ugyldigt tegn" in str(refused.value) and "U+D800" in str(refused.value)


def test_typed_surrogates_are_repaired_and_the_state_saves(example, tmp_path):
    from kompetencedialog_desktop.model import plan_operations as plan_ops

    outcome = plan_ops.set_plan_text(example, "principles", "a\ud800b")
    assert example.plan.principles == "a\ufffdb" and outcome.change.what == "plan"
    with pytest.raises(ValueError):
        example.plan.roles = "x\udfffy"  # plain assignment refuses
    assert _reloads(example, tmp_path).plan.principles == "a\ufffdb"


# 4. Tiny notes (h: 10 crashed the text fitting) are refused by the schema.
def test_notes_have_a_sane_minimum_size(example, tmp_path):
    from kompetencedialog_desktop.model import limits

    doc = json.loads(dump_project(example))
    doc["workshop"]["notes"][0]["h"] = 10
    with pytest.raises(LoadError) as refused:
        load_project(_write(tmp_path, doc))
    assert "notes[0].h" in str(refused.value) and str(int(limits.MIN_NOTE_H)) in str(refused.value)
    with pytest.raises(ValueError):
        Note(id="n", board="strategi-1", x=0, y=0, w=limits.MIN_NOTE_W - 1)


# 5. The dot budget holds over the whole selection.
def test_change_votes_checks_the_budget_over_the_whole_selection(example):
    zone_notes = [n for n in example.notes if n.board == "strategi-2" and n.zone == "indsatsomraader"]
    example.voters, example.vote_budget = 6, 5
    assert sum(n.votes for n in zone_notes) == 29  # one dot left of 30
    ids = [n.id for n in zone_notes[:2]]
    before = {n.id: n.votes for n in zone_notes}
    with pytest.raises(ValueError) as refused:
        ops.change_votes(example, ids, +1)  # each alone fits; together 31 of 30
    assert "prikker" in str(refused.value) and "30" in str(refused.value)
    assert {n.id: n.votes for n in zone_notes} == before
    outcome = ops.change_votes(example, ids[:1], +1)
    assert outcome is not None
    assert sum(n.votes for n in zone_notes) == 30
    outcome.inverse(example)
    assert {n.id: n.votes for n in zone_notes} == before
    with pytest.raises(ValueError):
        ops.set_votes(example, ids, 9)  # the digit keys share the check


# 7. One merge for re-fetched GRUS files: SU's MUS summaries and the group order are kept.
def test_merge_evaluation_groups_keeps_summaries_and_order():
    from kompetencedialog_desktop.model.evaluation import merge_evaluation_groups
    from kompetencedialog_desktop.model.project import EvaluationGroup

    old = [EvaluationGroup(id="g1", source_file="/a.kdlg", group="A", mus_summary="A's MUS"),
           EvaluationGroup(id="g2", source_file="/b.kdlg", group="B", mus_summary="B's MUS")]
    fresh = [EvaluationGroup(id="x1", source_file="/c.kdlg", group="C"),
             EvaluationGroup(id="x2", source_file="/a.kdlg", group="A2")]
    merged = merge_evaluation_groups(old, fresh)
    assert [(g.id, g.group, g.mus_summary) for g in merged] == [
        ("g1", "A2", "A's MUS"), ("g2", "B", "B's MUS"), ("x1", "C", "")]


# 8. Duplicate keys are refused by name; unknown v1 colours are refused, never turned into yellow.
def test_duplicate_json_keys_are_refused_by_name(example, tmp_path):
    text = dump_project(example).decode("utf-8")
    text = text.replace('"title": ', '"title": "Første", "title": ', 1)
    with pytest.raises(LoadError) as refused:
        load_project(_write(tmp_path, text))
    assert "»title«" in str(refused.value) and "flere gange" in str(refused.value)


def _v1(colour: str) -> dict:
    return {"format": "kompetencedialog-projekt", "schema_version": 1, "project": {
        "kind": "strategi", "title": "Gammel", "boards": {"strategi-1": [
            {"id": "n1", "text": "hej", "pos": [40, 240], "colour": colour}]}}}


def test_v1_colours_are_kept_or_refused_never_changed(tmp_path):
    assert load_project(_write(tmp_path, _v1("green"))).notes[0].colour == "groen"
    assert load_project(_write(tmp_path, _v1("gul"), "dansk.kdlg")).notes[0].colour == "gul"
    with pytest.raises(LoadError) as refused:
        load_project(_write(tmp_path, _v1("purple"), "lilla.kdlg"))
    assert "purple" in str(refused.value) and "farve" in str(refused.value)


# List limits a real workshop never reaches are refused with a Danish message.
def test_list_limits_are_refused_by_operations(empty_project, monkeypatch):
    from kompetencedialog_desktop.model import limits

    monkeypatch.setattr(limits, "MAX_NOTES", 3)
    monkeypatch.setitem(limits.LIST_LABELS, "notes", ("post-its", 3))
    notes = [Note(id=f"n{i}", board="strategi-1", x=0, y=0) for i in range(4)]
    with pytest.raises(ValueError) as refused:
        ops.add_notes(empty_project, notes)
    assert "for mange post-its" in str(refused.value) and empty_project.notes == []


def test_cli_evaluate_keeps_su_summaries_and_group_order(example, tmp_path, capsys):
    from kompetencedialog_desktop.cli import main

    paths = []
    for name in ("Nord", "Syd"):
        grus = Project(workshop="grus", title=f"GRUS {name}", group=f"Team {name}")
        paths.append(tmp_path / f"{name}.kdlg")
        save_project(grus, paths[-1])
    strategy_path = tmp_path / "strategi.kdlg"
    save_project(example, strategy_path)
    out = str(tmp_path / "r.docx")
    assert main(["evaluate", str(strategy_path), "--grus", *map(str, paths), "--mus", "Team Syd=Syd's MUS",
                 "-o", out, "--save"]) == 0
    assert main(["evaluate", str(strategy_path), "--grus", str(paths[0]), "--mus", "Team Nord=Nord's MUS",
                 "-o", out, "--save"]) == 0
    assert main(["evaluate", str(strategy_path), "--grus", str(paths[1]), "-o", out, "--save"]) == 0  # re-fetch Syd
    groups = load_project(strategy_path).evaluation.groups
    assert [(g.group, g.mus_summary) for g in groups] == [("Team Nord", "Nord's MUS"), ("Team Syd", "Syd's MUS")]


def test_content_roles_are_checked_by_the_loader(tmp_path):
    import shutil

    from kompetencedialog_desktop.paths import resources_dir
    from kompetencedialog_desktop.storage.content_loader import ContentError, load_workshop_content

    root = tmp_path / "res"
    shutil.copytree(resources_dir() / "boards", root / "boards")
    shutil.copytree(resources_dir() / "cards", root / "cards")
    assert load_workshop_content("grus", root).board("grus-3").zone("til-su").role == "tilbagemelding-til-su"
    board = root / "boards" / "grus-3.json"
    board.write_text(board.read_text(encoding="utf-8").replace('"role": "tilbagemelding-til-su",', ""), encoding="utf-8")
    with pytest.raises(ContentError) as refused:
        load_workshop_content("grus", root)
    assert "tilbagemelding-til-su" in str(refused.value) and "grus-3" in str(refused.value)


def test_role_names_match_the_role_table():
    from kompetencedialog_desktop.model import roles

    assert roles.ROLES[roles.PRIORITY]["strategi"] == (roles.STRATEGY_PRIORITY_BOARD, None)
    assert roles.ROLES[roles.STRATEGY_AREAS]["grus"] == (roles.GRUS_IMPORT_BOARD, roles.GRUS_IMPORT_ZONE)
    assert roles.ROLES[roles.FEEDBACK_TO_SU]["grus"] == (roles.GRUS_FEEDBACK_BOARD, roles.GRUS_FEEDBACK_ZONE)
    assert roles.ROLES[roles.MUS_THEMES]["grus"] == (roles.GRUS_MUS_BOARD, roles.GRUS_MUS_ZONE)
