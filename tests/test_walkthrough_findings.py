"""Findings of a tester's whole workshop under Xvfb, each through the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kompetencedialog_desktop.ui import dialogs

from .conftest import close_window, open_window


@pytest.fixture
def window(qtbot):
    win = open_window(qtbot)
    yield win
    close_window(win)


def _plan_tab(window, workshop):
    window.files.new(workshop)
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.tabs.currentWidget()
    assert page is window.plan_page
    return page, window.files.document


# --- 1. "Tilføj række" then typing ------------------------------------------------------------
@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_add_row_puts_the_new_rows_first_cell_in_edit_mode(window, workshop):
    page, doc = _plan_tab(window, workshop)
    before = page.table.rowCount()
    add = next(b for b in page.findChildren(type(page.seed_button)) if b.text() == "Tilføj række")
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == before + 1
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and page.table.isAncestorOf(editor)
    assert page.table.currentRow() == before and page.table.currentColumn() == 0
    # Spaces go into the cell (they used to press the focused button again), Tab moves to the next cell.
    QTest.keyClicks(editor, "Mere tid til læsning")
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    rows = getattr(doc.project.plan, page.rows_field)
    assert len(rows) == before + 1
    first_field = page.table.fields[0]
    assert getattr(rows[-1], first_field) == "Mere tid til læsning"
    assert page.table.item(before, 0).text() == "Mere tid til læsning"
    assert page.table.currentColumn() == 1
