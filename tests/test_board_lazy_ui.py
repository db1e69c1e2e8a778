"""Boards built on first show, and post-its cached per zoom level (ui/board_page.py, ui/note_cache.py),
through the real window (offscreen). What they buy in time is measured in benchmarks/, not here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from kompetencedialog_desktop.model.project import Note, new_id
from kompetencedialog_desktop.ui.commands import AddNotes
from kompetencedialog_desktop.ui.note_cache import KEEP_FINER, level_for
from kompetencedialog_desktop.ui.note_item import NoteItem

from .conftest import close_window, open_window


@pytest.fixture
def window(qtbot):
    win = open_window(qtbot)
    win.files.new_example("strategi")
    yield win
    close_window(win)


def _scale(view) -> float:
    return view.transform().m11() * view.devicePixelRatioF()


def _settled(page, qtbot):
    policy = page.scene.note_cache
    page.view.viewport().repaint()
    qtbot.waitUntil(lambda: policy.level is not None and not policy.busy)
    return policy


def test_a_board_is_built_when_first_shown_and_shows_notes_added_before(window, qtbot):
    third = window.pages[2]
    assert window.pages[0].built and not third.built
    document = window.files.document
    note = Note(id=new_id("n"), board=third.board.id, zone=third.board.zones[0].id, x=40, y=120, text="Tilføjet før visning")
    document.undo_stack.push(AddNotes(document, [note]))
    assert not third.built
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is third and third.built
    qtbot.waitUntil(third.view.isVisible)
    assert third.scene.items_by_id[note.id].text == "Tilføjet før visning"
    expected = {n.id for n in document.project.notes if n.board == third.board.id}
    assert set(third.scene.items_by_id) == expected
    document.undo_stack.undo()  # and it keeps mirroring the model once built
    assert note.id not in third.scene.items_by_id


def test_notes_are_cached_at_a_level_at_least_as_fine_as_the_view(window, qtbot):
    page = window.current_page()
    policy = _settled(page, qtbot)
    assert _scale(page.view) <= policy.level < KEEP_FINER * _scale(page.view)
    notes = [i for i in page.scene.items() if isinstance(i, NoteItem)]
    assert notes and all(i.cacheMode() == QGraphicsItem.CacheMode.ItemCoordinateCache for i in notes)
    page.view.zoom_by(2.5, False)  # across a level: redrawn finer, a few notes per turn
    policy = _settled(page, qtbot)
    assert policy.level == level_for(_scale(page.view))
    page.view.zoom_by(1 / 1.2, False)  # zooming out a little keeps the finer pictures
    before = policy.level
    _settled(page, qtbot)
    assert policy.level == before


def test_a_note_being_edited_is_not_cached_and_is_cached_again_after(window, qtbot):
    page = window.current_page()
    _settled(page, qtbot)
    note_id = next(iter(page.scene.items_by_id))
    item = page.scene.items_by_id[note_id]
    page.scene.edit_note(note_id)
    page.view.zoom_by(3.0, False)
    _settled(page, qtbot)
    assert item.cacheMode() == QGraphicsItem.CacheMode.NoCache
    QTest.keyClick(page.view.viewport(), Qt.Key.Key_Escape)
    assert item.editor is None and item.cacheMode() != QGraphicsItem.CacheMode.NoCache


def test_the_projector_view_gets_pictures_fine_enough_for_it(window, qtbot):
    page = window.current_page()
    policy = _settled(page, qtbot)
    QTest.keyClick(page.entry.line, Qt.Key.Key_F10)
    projector = window.projector
    assert projector is not None
    projector.resize(3000, 2000)  # a big projector: finer than the facilitator's window
    qtbot.waitUntil(lambda: _scale(projector.view) > _scale(page.view))
    qtbot.waitUntil(lambda: not policy.busy)
    assert policy.level >= _scale(projector.view)
