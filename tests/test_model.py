import pytest

from kompetencedialog_desktop.model.layout import add_placed, place_notes
from kompetencedialog_desktop.model.operations import (
    add_notes,
    clean_text,
    group_notes,
    remove_notes,
    rename_cluster,
    restore_clusters,
    restore_notes,
    ungroup_notes,
    update_notes,
)
from kompetencedialog_desktop.model.project import NOTE_HEIGHT, NOTE_WIDTH, Cluster, Note


def _note(note_id, zone="kerneopgave", x=40.0, y=240.0, **kw):
    return Note(id=note_id, board="strategi-1", zone=zone, x=x, y=y, **kw)


def test_add_remove_restore_keeps_order(empty_project):
    add_notes(empty_project, [_note("a"), _note("b"), _note("c")])
    removed = remove_notes(empty_project, ["a", "c"])
    assert [n.id for n in empty_project.notes] == ["b"]
    restore_notes(empty_project, removed)
    assert [n.id for n in empty_project.notes] == ["a", "b", "c"]


def test_add_refuses_duplicate_id(empty_project):
    add_notes(empty_project, [_note("a")])
    with pytest.raises(ValueError):
        add_notes(empty_project, [_note("a")])


def test_update_returns_its_own_undo(empty_project):
    add_notes(empty_project, [_note("a", text="før")])
    old = update_notes(empty_project, {"a": {"text": "efter", "x": 500.0, "zone": "vilkaar", "colour": "blaa"}})
    note = empty_project.note("a")
    assert (note.text, note.x, note.zone, note.colour) == ("efter", 500.0, "vilkaar", "blaa")
    update_notes(empty_project, old)
    assert (note.text, note.x, note.zone, note.colour) == ("før", 40.0, "kerneopgave", "gul")


def test_update_rejects_unknown_field_without_changing_anything(empty_project):
    add_notes(empty_project, [_note("a", text="x")])
    with pytest.raises(ValueError):
        update_notes(empty_project, {"a": {"text": "y", "owner": "z"}})
    assert empty_project.note("a").text == "x"


def test_clean_text_strips_control_characters_but_keeps_lines():
    assert clean_text("a\x00b\x07c\r\nd\te\x1b") == "abc\nd\te"
    assert clean_text("æøå ÆØÅ 🙂 <&\"'>") == "æøå ÆØÅ 🙂 <&\"'>"


def test_text_is_cleaned_on_add_and_update(empty_project):
    add_notes(empty_project, [_note("a", text="hej\x00")])
    assert empty_project.note("a").text == "hej"
    update_notes(empty_project, {"a": {"text": "ny\x08"}})
    assert empty_project.note("a").text == "ny"


def test_group_and_ungroup_restore_exactly(empty_project):
    add_notes(empty_project, [_note("a"), _note("b"), _note("c")])
    before = group_notes(empty_project, ["a", "b"], Cluster(id="k1", board="strategi-1", name="IT"))
    assert [n.cluster for n in empty_project.notes] == ["k1", "k1", None]
    second = group_notes(empty_project, ["a", "b"], Cluster(id="k2", board="strategi-1", name="Nyt"))
    assert [c.id for c in empty_project.clusters] == ["k2"]  # k1 became empty and went away
    restore_clusters(empty_project, second)
    assert [c.id for c in empty_project.clusters] == ["k1"]
    ungroup_notes(empty_project, ["a"])
    assert [n.cluster for n in empty_project.notes] == [None, "k1", None]
    restore_clusters(empty_project, before)
    assert empty_project.clusters == [] and all(n.cluster is None for n in empty_project.notes)


def test_rename_cluster(empty_project):
    add_notes(empty_project, [_note("a")])
    group_notes(empty_project, ["a"], Cluster(id="k1", board="strategi-1", name="x"))
    assert rename_cluster(empty_project, "k1", "Digitalt\n") == "x"
    assert empty_project.cluster("k1").name == "Digitalt "


def test_place_notes_is_inside_zone_and_never_overlaps(empty_project, strategi_content):
    board = strategi_content.board("strategi-1")
    zone = board.zone("forandringer").rect
    for i in range(12):  # the zone's capacity at full size
        x, y, w, h = place_notes(empty_project, board, "forandringer").new[0]
        assert (w, h) == (NOTE_WIDTH, NOTE_HEIGHT)
        assert zone.x <= x and x + NOTE_WIDTH <= zone.x + zone.w and zone.y <= y and y + NOTE_HEIGHT <= zone.y + zone.h
        for other in empty_project.notes:
            assert not (x < other.x + other.w and other.x < x + NOTE_WIDTH and y < other.y + other.h and other.y < y + NOTE_HEIGHT)
        add_notes(empty_project, [_note(f"n{i}", zone="forandringer", x=x, y=y)])


def test_a_full_zone_relays_its_notes_and_they_stay_in_the_zone(empty_project, strategi_content):
    board = strategi_content.board("strategi-1")
    zone = board.zone("vilkaar").rect
    for i in range(80):
        add_placed(empty_project, board, "vilkaar", [_note(f"n{i}", zone="vilkaar", x=0, y=0)])
    assert all(board.zone_at(n.x + 1, n.y + 1).id == "vilkaar" for n in empty_project.notes)
    assert zone.contains(empty_project.notes[-1].x, empty_project.notes[-1].y)


def test_example_has_notes_on_every_board_inside_their_zones(example, strategi_content):
    for board in strategi_content.boards:
        notes = example.notes_on(board.id)
        assert len(notes) >= 10
        for note in notes:
            assert board.zone_at(note.x + 1, note.y + 1).id == note.zone


def test_plan_operations_change_one_target_and_undo(example):
    from kompetencedialog_desktop.model import plan_operations as plan_ops

    row = example.plan.focus_areas[1]
    outcome = plan_ops.set_plan_cell(example, row.id, "why", "Fordi\x00 nu")
    assert row.why == "Fordi nu" and outcome.change.ids == {row.id}
    outcome.inverse(example)
    assert row.why != "Fordi nu"
    with pytest.raises(ValueError):
        plan_ops.set_plan_cell(example, row.id, "title", "x")  # not a column
    with pytest.raises(ValueError):
        plan_ops.set_plan_text(example, "title", "x")  # not a plan text


def test_chosen_notes_not_in_plan(example):
    from kompetencedialog_desktop.model.operations import chosen_notes_not_in_plan

    chosen = chosen_notes_not_in_plan(example, "strategi-2", example.plan.focus_areas)
    assert len(chosen) == 3 and all(n.chosen for n in chosen)
    example.plan.focus_areas[0].source_note = chosen[0].id
    assert chosen[0] not in chosen_notes_not_in_plan(example, "strategi-2", example.plan.focus_areas)
