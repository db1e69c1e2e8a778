"""The placement rule for new post-its (model/layout.py): no note ever covers another."""

from __future__ import annotations

import itertools

import pytest

from kompetencedialog_desktop.model.factory import new_project
from kompetencedialog_desktop.model.layout import GAP, boxes_overlap, place_notes, zone_area
from kompetencedialog_desktop.model.operations import add_notes, update_notes
from kompetencedialog_desktop.model.project import NOTE_HEIGHT, NOTE_WIDTH, Note, new_id
from kompetencedialog_desktop.storage.content_loader import workshop_content


def _add(project, board, zone_id, count=1, **kwargs):
    """What the app does: apply the moves and add the notes (one undo step in the app)."""
    placement = place_notes(project, board, zone_id, count, **kwargs)
    if placement.moves:
        update_notes(project, placement.moves)
    notes = [Note(id=new_id("n"), board=board.id, zone=zone_id, x=x, y=y, w=w, h=h, text="x")
             for x, y, w, h in placement.new]
    add_notes(project, notes)
    return placement


def _boxes(project, board_id):
    return [(n.x, n.y, n.w, n.h) for n in project.notes if n.board == board_id]


def _assert_inside_and_apart(project, board, zone_id):
    ax, ay, aw, ah = zone_area(board, zone_id)
    boxes = _boxes(project, board.id)
    for x, y, w, h in boxes:
        assert ax - 0.1 <= x and x + w <= ax + aw + 0.1 and ay - 0.1 <= y and y + h <= ay + ah + 0.1
    for a, b in itertools.combinations(boxes, 2):
        assert not boxes_overlap(a, b), (a, b)


WORKSHOPS = ["strategi", "grus"]
ZONES = [(w, board.id, zone.id) for w in WORKSHOPS for board in workshop_content(w).boards for zone in board.zones]


@pytest.mark.parametrize("workshop,board_id,zone_id", ZONES)
def test_thirty_notes_fit_every_zone_one_at_a_time_without_overlap(workshop, board_id, zone_id):
    content = workshop_content(workshop)
    project = new_project(content, "t")
    board = content.board(board_id)
    shrunk_at = None
    for i in range(30):
        placement = _add(project, board, zone_id)
        if placement.shrunk and shrunk_at is None:
            shrunk_at = i + 1
        _assert_inside_and_apart(project, board, zone_id)
    assert len(project.notes) == 30
    assert shrunk_at is not None and shrunk_at > 8  # full size as long as there is room
    sizes = {(n.w, n.h) for n in project.notes}
    assert len(sizes) == 1  # the zone's notes share one size after a re-layout
    w, h = sizes.pop()
    assert w >= 100 and h >= 60  # still notes, not specks


def test_full_size_uses_all_free_space_before_shrinking():
    content = workshop_content("strategi")
    board = content.board("strategi-2")  # 960 x 514 zones: 4 x 3 full-size notes
    project = new_project(content, "t")
    for _ in range(12):
        assert not _add(project, board, "kan-i-dag").shrunk
    assert {(n.w, n.h) for n in project.notes} == {(NOTE_WIDTH, NOTE_HEIGHT)}
    placement = _add(project, board, "kan-i-dag")
    assert placement.shrunk and len(placement.moves) == 12


def test_a_gap_left_by_a_moved_note_is_used_first():
    content = workshop_content("strategi")
    board = content.board("strategi-1")
    project = new_project(content, "t")
    for _ in range(3):
        _add(project, board, "kerneopgave")
    first = project.notes[0]
    update_notes(project, {first.id: {"x": first.x, "y": first.y + 700}})
    spot = place_notes(project, board, "kerneopgave").new[0]
    assert spot[:2] == (zone_area(board, "kerneopgave")[0], zone_area(board, "kerneopgave")[1])


def test_notes_of_other_zones_reaching_in_are_avoided_and_not_moved():
    content = workshop_content("strategi")
    board = content.board("strategi-2")
    project = new_project(content, "t")
    ax, ay, aw, ah = zone_area(board, "kan-i-dag")
    stranger = Note(id="fremmed", board=board.id, zone="skal-kunne", x=ax + 300, y=ay + 100, text="x")
    add_notes(project, [stranger])
    for _ in range(30):
        placement = _add(project, board, "kan-i-dag")
        assert "fremmed" not in placement.moves
    for a, b in itertools.combinations(_boxes(project, board.id), 2):
        assert not boxes_overlap(a, b)


def test_preferred_spot_is_kept_when_free_and_moved_when_taken():
    content = workshop_content("strategi")
    board = content.board("strategi-1")
    project = new_project(content, "t")
    ax, ay, _, _ = zone_area(board, "vilkaar")
    assert place_notes(project, board, "vilkaar", prefer=(ax + 100, ay + 300)).new[0][:2] == (ax + 100, ay + 300)
    _add(project, board, "vilkaar", prefer=(ax + 100, ay + 300))
    spot = place_notes(project, board, "vilkaar", prefer=(ax + 110, ay + 310)).new[0]
    assert not boxes_overlap(spot, _boxes(project, board.id)[0])


def test_several_notes_at_once_and_the_next_keeps_the_gap():
    content = workshop_content("grus")
    board = content.board("grus-2")
    project = new_project(content, "t")
    _add(project, board, "styrker", count=20)
    _assert_inside_and_apart(project, board, "styrker")
    other = new_project(content, "t")
    _add(other, board, "behov", count=2)
    x, y, _, _ = place_notes(other, board, "behov").new[0]
    a, b = _boxes(other, board.id)
    assert x >= b[0] + b[2] + GAP - 0.01 or y >= a[1] + a[3] + GAP - 0.01
