"""Grouping brings notes together (model/gather.py): plain model, no Qt."""

from __future__ import annotations

from kompetencedialog_desktop.model.gather import gather_and_group_op, gather_moves
from kompetencedialog_desktop.model.project import Cluster, Note


def _grid(project, board, zone_id, n, w=210.0, h=130.0):
    r = board.zone(zone_id).rect
    for i in range(n):
        project.notes.append(Note(id=f"n{i}", board=board.id, zone=zone_id, x=r.x + 12 + (i % 2) * (w + 12),
                                  y=r.y + 94 + (i // 2) * (h + 12), w=w, h=h, text=f"Note {i}"))


def test_members_take_the_places_after_the_first_and_undo_restores_all(empty_project, strategi_content):
    board = strategi_content.board("strategi-1")
    _grid(empty_project, board, "forandringer", 7)
    before = {n.id: (n.x, n.y) for n in empty_project.notes}
    outcome = gather_and_group_op(empty_project, board, ["n0", "n3", "n5"], Cluster(id="k1", board=board.id, name="K"))
    places = {n.id: (n.x, n.y) for n in empty_project.notes}
    slots = [before[f"n{i}"] for i in range(7)]
    assert {places["n0"], places["n3"], places["n5"]} == set(slots[:3])
    assert sorted(places.values()) == sorted(before.values())  # the same places, shared out again
    assert all(n.cluster == "k1" for n in empty_project.notes if n.id in ("n0", "n3", "n5"))
    redo = outcome.inverse(empty_project)
    assert {n.id: (n.x, n.y) for n in empty_project.notes} == before and not empty_project.clusters
    redo.inverse(empty_project)
    assert {n.id: (n.x, n.y) for n in empty_project.notes} == places and len(empty_project.clusters) == 1


def test_nothing_moves_across_zones_or_onto_another_note(empty_project, strategi_content):
    board = strategi_content.board("strategi-1")
    _grid(empty_project, board, "forandringer", 6)
    other = board.zone("vilkaar").rect
    empty_project.notes.append(Note(id="v", board=board.id, zone="vilkaar", x=other.x + 12, y=other.y + 94, text="V"))
    assert gather_moves(empty_project, board, ["n0", "v"]) == {}
    empty_project.note("n1").h = 300.0  # moved into n3's place, this tall note would cover n5
    assert gather_moves(empty_project, board, ["n0", "n3"]) == {}
