"""Every way a post-it enters a board follows the placement rule (model/layout.py): loading an
example workshop, fetching the strategy's focus areas into GRUS, duplicating notes. Only a note the
user drags onto another may cover it."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kompetencedialog_desktop.model.factory import example_project
from kompetencedialog_desktop.model.layout import boxes_overlap
from kompetencedialog_desktop.model.loop import STRATEGY_ZONE, import_focus_areas
from kompetencedialog_desktop.model.project import FocusAreaRow, new_id
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content
from kompetencedialog_desktop.storage.project_file import save_project

from .conftest import close_window, open_window


def _overlapping(notes) -> list[tuple[str, str]]:
    return [(a.text, b.text) for a, b in itertools.combinations(notes, 2)
            if a.board == b.board and boxes_overlap((a.x, a.y, a.w, a.h), (b.x, b.y, b.w, b.h))]


def _inside_zone(board, note) -> bool:
    r = board.zone(note.zone).rect
    return r.x <= note.x and note.x + note.w <= r.x + r.w and r.y <= note.y and note.y + note.h <= r.y + r.h


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_the_shipped_examples_have_no_overlapping_notes(workshop):
    content = workshop_content(workshop)
    project = example_project(content, load_example(workshop))
    assert _overlapping(project.notes) == []
    assert all(_inside_zone(content.board(n.board), n) for n in project.notes)


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_an_example_with_thirty_notes_in_a_zone_loads_without_overlap(workshop):
    content = workshop_content(workshop)
    example = load_example(workshop)
    board = content.boards[0]
    zone = board.zones[0]
    example = {**example, "boards": {**example["boards"], board.id: {
        **example["boards"].get(board.id, {}), zone.id: [f"Pointe {i + 1} om travlhed" for i in range(30)]}}}
    example["clusters"] = {}
    project = example_project(content, example)
    assert len(project.notes_in_zone(board.id, zone.id)) == 30
    assert _overlapping(project.notes) == []
    assert all(_inside_zone(content.board(n.board), n) for n in project.notes)


@pytest.fixture
def big_strategy(tmp_path, example):
    """A strategy whose plan has 30 focus areas (more than the GRUS zone holds at full size)."""
    example.plan.focus_areas = [FocusAreaRow(id=new_id("i"), area=f"Indsatsområde nummer {i + 1}") for i in range(30)]
    path = tmp_path / "stor-strategi.kdlg"
    save_project(example, path)
    return path


def test_import_of_many_focus_areas_in_the_model_covers_no_note(big_strategy, grus_example):
    from kompetencedialog_desktop.storage.project_file import load_project

    board = workshop_content("grus").board("grus-1")
    added = import_focus_areas(grus_example, board, load_project(big_strategy), big_strategy)
    assert len(added) == 30
    from kompetencedialog_desktop.model.layout import add_placed

    add_placed(grus_example, board, STRATEGY_ZONE, added)  # what the example and scripts do (no undo stack)
    assert _overlapping(grus_example.notes) == []
    zone_notes = grus_example.notes_in_zone("grus-1", STRATEGY_ZONE)
    assert len(zone_notes) == 33 and all(_inside_zone(board, n) for n in zone_notes)


def test_fetching_many_focus_areas_in_the_window_covers_no_note_and_undoes_in_one_step(qtbot, big_strategy):
    win = open_window(qtbot)
    try:
        win.files.new("grus")
        doc = win.files.document
        for i in range(3):  # notes already in the zone move aside (smaller) rather than lie under the new ones
            page = win.current_page()
            page.entry.choose_zone([z.id for z in page.board.zones].index(STRATEGY_ZONE))
            page.entry.line.setText(f"Vores eget område {i + 1}")
            QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
        before = [n.model_dump() for n in doc.project.notes]
        assert win.loop.fetch_focus_areas(big_strategy) == 30
        board = doc.content.board("grus-1")
        assert len(doc.project.notes) == 33
        assert _overlapping(doc.project.notes) == []
        assert all(_inside_zone(board, n) for n in doc.project.notes)
        doc.undo_stack.undo()
        assert [n.model_dump() for n in doc.project.notes] == before
    finally:
        close_window(win)


def test_duplicate_puts_the_copies_where_they_cover_nothing(qtbot):
    win = open_window(qtbot)
    try:
        win.files.new("strategi")
        page = win.current_page()
        doc = win.files.document
        for i in range(4):
            page.entry.line.setText(f"Pointe {i + 1}")
            QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
        page.scene.clearSelection()
        for item in page.scene.items_by_id.values():
            item.setSelected(True)
        page.view.setFocus()
        for _ in range(8):  # 4, 8, 16 … copies: the zone fills and is laid out again
            win.note_actions.duplicate.trigger()  # Ctrl+D (QTest cannot reach a menu shortcut offscreen)
            if len(doc.project.notes) >= 32:
                break
        notes = doc.project.notes
        assert len(notes) >= 32
        assert _overlapping(notes) == []
        assert all(_inside_zone(page.board, n) for n in notes)
        copies = [n for n in notes if n.id in set(page.scene.selected_note_ids())]
        assert copies and all(n.text.startswith("Pointe") for n in copies)
        count = len(notes)
        doc.undo_stack.undo()  # one Ctrl+D is one undo step
        assert len(doc.project.notes) == count - len(copies)
        assert _overlapping(doc.project.notes) == []
    finally:
        close_window(win)
