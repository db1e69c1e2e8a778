"""The notes' cached pictures (ui/note_cache.py): dropped when a zoom makes them stale or their
board is hidden, without a repaint and without changing what is shown. Through the real window
(offscreen); what it saves in memory is measured in benchmarks/bench_board.py, not here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kompetencedialog_desktop.ui.commands import UpdateNotes


@pytest.fixture
def window(example_window):
    return example_window


class _Paints(QObject):
    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle() -> None:
    for _ in range(30):
        QApplication.processEvents()


def _shown(page):
    page.view.viewport().repaint()
    return page.view.viewport().grab().toImage()


def test_a_zoom_paints_the_board_once(window):
    """Dropping the last zoom's pictures asks for no second paint (a full redraw per zoom)."""
    page = window.current_page()
    _settle()
    paints = _Paints(page.view.viewport())
    for factor in (1.3, 1.3, 1 / 1.3):
        page.view.zoom_by(factor, False)
        page.view.viewport().repaint()
        paints.count = 0
        _settle()
        assert paints.count == 0, f"zoom {page.view.zoom:.2f}"


def test_notes_look_the_same_after_zooming_in_and_back(window):
    page = window.current_page()
    _settle()
    before = _shown(page)
    page.view.zoom_by(1.7, False)
    _shown(page)
    page.view.zoom_by(1 / 1.7, False)
    page.view.fit_board()
    _settle()
    assert _shown(page) == before


def test_a_board_looks_the_same_after_another_board_was_shown(window):
    page = window.current_page()
    _settle()
    before = _shown(page)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    _settle()
    assert window.current_page() is not page
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    _settle()
    assert window.current_page() is page
    assert _shown(page) == before


def test_an_edit_after_a_zoom_is_shown(window):
    """A note changed after its pictures were dropped is drawn anew, not from an old picture."""
    page = window.current_page()
    document = window.files.document
    note = next(n for n in document.project.notes if n.board == page.board.id)
    _settle()
    page.view.zoom_by(1.4, False)
    _shown(page)
    page.view.zoom_by(1 / 1.4, False)
    page.view.fit_board()
    _settle()
    before = _shown(page)
    document.undo_stack.push(UpdateNotes(document, {note.id: {"text": "Rettet efter zoom"}}, "Ret tekst"))
    _settle()
    changed = _shown(page)
    assert changed != before
    document.undo_stack.undo()
    _settle()
    assert _shown(page) == before
