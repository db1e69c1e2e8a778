"""Boards built on first show, and room for the post-its' pictures (ui/board_page.py, ui/note_cache.py),
through the real window (offscreen). What they buy in time is measured in benchmarks/, not here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmapCache
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kompetencedialog_desktop.model.project import Note, new_id
from kompetencedialog_desktop.ui import theme
from kompetencedialog_desktop.ui.commands import AddNotes


@pytest.fixture
def window(example_window):
    return example_window


def _scale(view) -> float:
    return view.transform().m11() * view.devicePixelRatioF()


def _visible_note_kb(page, view) -> float:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    scale = _scale(view)
    return sum(i.sceneBoundingRect().width() * scale * i.sceneBoundingRect().height() * scale * 4 / 1024
               for i in page.scene.items_by_id.values() if shown.intersects(i.sceneBoundingRect()))


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


def test_the_pixmap_cache_holds_every_visible_note_at_each_zoom(window, qtbot):
    page = window.current_page()
    for factor in (1.0, 2.5, 1 / 4):
        page.view.zoom_by(factor, False)
        page.view.viewport().repaint()
        need = _visible_note_kb(page, page.view)
        assert need > 0 and QPixmapCache.cacheLimit() >= need


def test_the_projector_view_gets_room_for_its_pictures_too(window, qtbot):
    page = window.current_page()
    page.view.viewport().repaint()
    QTest.keyClick(page.entry.line, Qt.Key.Key_F10)
    projector = window.projector
    assert projector is not None
    projector.resize(3000, 2000)  # a big projector: its pictures of the notes are bigger
    qtbot.waitUntil(lambda: _scale(projector.view) > _scale(page.view))
    need = _visible_note_kb(page, page.view) + _visible_note_kb(page, projector.view)
    assert QPixmapCache.cacheLimit() >= need


def _note_drawn_where_it_is(page, note_id) -> bool:
    """The note's fill covers its own rectangle on screen and stops at its edge."""
    item = page.scene.items_by_id[note_id]
    image = page.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect = page.view.mapFromScene(item.sceneBoundingRect().adjusted(2, 2, -2, -2)).boundingRect()
    item_fill = theme.note_fill("gul").rgb() & 0xFFFFFF

    def colour(x, y):
        return image.pixel(int(x * ratio), int(y * ratio)) & 0xFFFFFF

    y = rect.top() + rect.height() * 0.1  # above the text
    inside = colour(rect.left() + rect.width() * 0.96, y)  # in the padding, next to the right edge
    outside = colour(rect.right() + rect.width() * 0.08, y)  # just past it
    fill = inside == item_fill
    return fill and outside != item_fill


def test_notes_are_drawn_at_their_own_size_at_every_zoom(window, qtbot):
    page = window.current_page()
    notes = [n for n in window.files.document.project.notes if n.board == page.board.id]

    def room_to_the_right(n):  # nothing within half a note to its right, so the check hits board
        return not any(o is not n and o.x < n.x + n.w * 1.6 and o.x + o.w > n.x + n.w
                       and o.y < n.y + n.h and o.y + o.h > n.y for o in notes)

    note = next(n for n in notes if n.colour == "gul" and room_to_the_right(n))
    for factor in (1.0, 1.7, 1 / 1.3, 1 / 1.5):
        page.view.zoom_by(factor, False)
        page.view.centerOn(note.x + note.w / 2, note.y + note.h / 2)
        for _ in range(30):
            QApplication.processEvents()
        assert _note_drawn_where_it_is(page, note.id), f"zoom {page.view.zoom:.2f}"
