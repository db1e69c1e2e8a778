"""The window in the room (issue 13): undo from the quick entry, laptop sizes, dialogs, start screen,
Danish everywhere. Through the real window, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from kompetencedialog_desktop.ui import dialogs
from kompetencedialog_desktop.ui.front_page_dialog import FrontPageDialog

from .conftest import close_window, open_window

REAL_EDIT_FRONT_PAGE = dialogs.edit_front_page


def _type(qtbot, line, text: str) -> None:
    qtbot.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def _notes(window) -> list[str]:
    return [n.text for n in window.files.document.project.notes]


# --- item 3: undo and redo from the quick entry -----------------------------------------------
def test_ctrl_z_in_the_quick_entry_undoes_the_workshop_not_the_line(window, qtbot):
    window.files.new("strategi")
    line = window.current_page().entry.line
    qtbot.waitUntil(line.hasFocus)
    _type(qtbot, line, "Første pointe")
    assert _notes(window) == ["Første pointe"]
    assert window.undo_action.text() == "Fortryd Ny post-it"
    QTest.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _notes(window) == [] and line.text() == ""
    QTest.keyClick(line, Qt.Key.Key_Return)  # nothing in the line: no duplicate
    assert _notes(window) == []
    assert window.redo_action.text() == "Gentag Ny post-it"
    QTest.keyClick(line, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _notes(window) == ["Første pointe"]
    QTest.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _notes(window) == ["Første pointe"]
    assert line.hasFocus()


def test_the_status_line_counts_one_post_it_in_the_singular(window, qtbot):
    window.files.new("strategi")
    line = window.current_page().entry.line
    _type(qtbot, line, "Første pointe")
    assert "Plade 1: 1 post-it " in window.status.text()
    _type(qtbot, line, "Anden pointe")
    assert "Plade 1: 2 post-its " in window.status.text()


def test_undo_action_follows_the_open_workshop(window, qtbot):
    window.files.new("strategi")
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "Fortryd"
    _type(qtbot, window.current_page().entry.line, "En")
    assert window.undo_action.isEnabled()
    window.files.document.forget_changes()
    window.files.new("grus")  # a new document: its own, empty history
    assert not window.undo_action.isEnabled()
    _type(qtbot, window.current_page().entry.line, "To")
    window.undo_action.trigger()
    assert _notes(window) == []


# --- item 11: Shift+Enter makes a line break; one click opens a recent file -------------------
def test_shift_enter_in_the_quick_entry_makes_a_line_break(window, qtbot):
    window.files.new("strategi")
    entry = window.current_page().entry
    qtbot.keyClicks(entry.line, "Første linje")
    QTest.keyClick(entry.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(entry.line, "anden linje")
    assert _notes(window) == []
    QTest.keyClick(entry.line, Qt.Key.Key_Return)
    assert _notes(window) == ["Første linje\nanden linje"]
    assert entry.line.text() == ""
    QTest.keyClick(entry.line, Qt.Key.Key_Up)  # recall still works
    assert entry.line.text() == "Første linje\nanden linje" and entry.correcting
    QTest.keyClick(entry.line, Qt.Key.Key_Escape)
    QTest.keyClick(entry.line, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert entry.zone_id == "forandringer" and entry.line.hasFocus()


def test_one_click_on_a_recent_file_opens_it(window, qtbot, tmp_path):
    from kompetencedialog_desktop.model.factory import new_project
    from kompetencedialog_desktop.storage.content_loader import workshop_content
    from kompetencedialog_desktop.storage.project_file import save_project

    path = tmp_path / "seneste.kdlg"
    save_project(new_project(workshop_content("grus"), "Seneste"), path)
    window.start.set_recent([path])
    recent = window.start.recent_list
    rect = recent.visualItemRect(recent.item(0))
    QTest.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    qtbot.waitUntil(lambda: window.files.document is not None)
    assert window.files.document.path == path
    assert window.files.document.project.title == "Seneste"


def test_enter_on_a_recent_file_opens_it(window, qtbot, tmp_path):
    from kompetencedialog_desktop.model.factory import new_project
    from kompetencedialog_desktop.storage.content_loader import workshop_content
    from kompetencedialog_desktop.storage.project_file import save_project

    path = tmp_path / "tast.kdlg"
    save_project(new_project(workshop_content("strategi"), "Tast"), path)
    window.start.set_recent([path])
    recent = window.start.recent_list
    recent.setFocus()
    recent.setCurrentRow(0)
    QTest.keyClick(recent, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.files.document is not None)
    assert window.files.document.project.title == "Tast"


# --- item 10: the front-page dialog -----------------------------------------------------------
def _with_front_page_dialog(window, monkeypatch, qtbot, check) -> list:
    """Open Rediger > Forside og deltagere for real and run `check(dialog)` while it is shown."""
    monkeypatch.setattr(dialogs, "edit_front_page", REAL_EDIT_FRONT_PAGE)
    seen = []

    def run():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FrontPageDialog):
            QTimer.singleShot(10, run)
            return
        try:
            seen.append(check(dialog))
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)
    window.edit_front_page()
    return seen


def test_tab_leaves_the_date_field_and_enter_does_not_close(window, monkeypatch, qtbot):
    window.files.new("grus")

    def check(dialog):
        dialog.date.setFocus()
        QTest.keyClick(dialog.date, Qt.Key.Key_Tab)
        after_tab = dialog.focusWidget()
        QTest.keyClick(dialog.participants, Qt.Key.Key_Tab)
        assert dialog.participants.toPlainText() == "" and dialog.focusWidget() is not dialog.participants
        dialog.title.setFocus()
        dialog.title.selectAll()
        QTest.keyClicks(dialog.title, "Ny titel")
        QTest.keyClick(dialog.title, Qt.Key.Key_Return)
        return after_tab is dialog.participants, dialog.isVisible(), dialog.title.text()

    seen = _with_front_page_dialog(window, monkeypatch, qtbot, check)
    assert seen == [(True, True, "Ny titel")]


# --- item 12: Danish everywhere ---------------------------------------------------------------
def test_qt_buttons_speak_danish(window):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert "Annuller" in texts and "Luk" in texts
    message = QMessageBox(QMessageBox.Icon.Question, "Spørgsmål", "Ja eller nej?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Ja", "Nej"}
    files = QFileDialog(window, "Åbn workshop")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = {b.text().replace("&", "") for b in files.findChildren(QPushButton)}
    assert {"Åbn", "Annuller"} <= texts, texts


def test_a_bad_file_is_explained_in_danish(window, monkeypatch, tmp_path):
    path = tmp_path / "forkert.kdlg"
    path.write_text('{"format": "kompetencedialog-projekt", "schema_version": 3, "app_version": "0.3",'
                    ' "workshop": {"workshop": "strategi", "title": 7, "vote_budget": "mange"}}', encoding="utf-8")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    assert not window.files.open(path)
    assert len(shown) == 1
    assert "Input should" not in shown[0]
    assert "skal være en tekst" in shown[0] and "skal være et helt tal" in shown[0]


# --- item 4: laptop screens --------------------------------------------------------------------
def _inside(widget, window) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    # Shown, not clipped by its parents (its visible region is all of it), and inside the window.
    shown = widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()
    return shown and window.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_a_workshop_fits_a_laptop_screen(qtbot, workshop, size):
    win = open_window(qtbot, size=size)
    try:
        win.files.new_example(workshop)
        available = (size[0], size[1] - 60)  # a taskbar and a title bar
        hint = win.minimumSizeHint()
        assert hint.width() <= available[0] and hint.height() <= available[1], hint
        win.resize(*available)
        qtbot.waitUntil(lambda: win.width() == available[0] and win.height() == available[1])
        for board in range(3):
            win.show_board(board)
            page = win.current_page()
            # a board is built when first shown: give its layout the event-loop turn it needs
            qtbot.waitUntil(lambda page=page: _inside(page.entry.line, win), timeout=2000)
            assert _inside(win.dock.timer, win)
        for i in range(win.tabs.count()):  # long titles are cut with the full one as tooltip
            text = win.tabs.tabText(i)
            assert len(text) <= 30 or win.tabs.tabToolTip(i), text
    finally:
        close_window(win)


def test_the_window_remembers_its_size_and_the_panel(qtbot):
    from kompetencedialog_desktop.ui.main_window import MainWindow

    win = open_window(qtbot, size=(790, 540))  # inside the offscreen screen (800x600)
    win.move(12, 20)
    win.files.new("strategi")
    win.dock_action.trigger()  # Vis > Facilitatorpanel (F9): hide it
    assert not win.dock.isVisible()
    size = (win.width(), win.height())
    close_window(win)
    again = MainWindow()
    again.layout_memory.restore()
    again.show()
    qtbot.waitExposed(again)
    try:
        assert (again.width(), again.height()) == size
        again.files.new("grus")
        assert not again.dock.isVisible()
        again.dock_action.trigger()
        assert again.dock.isVisible()
    finally:
        close_window(again)
    third = MainWindow()
    third.layout_memory.restore()
    third.show()
    try:
        third.files.new("grus")
        assert third.layout_memory.panel_visible and third.dock.isVisible()
        third.dock.close()  # the panel's own close button
        third.files.new("strategi")
        assert not third.dock.isVisible()
    finally:
        close_window(third)


def test_an_unexpected_validation_error_is_described_in_danish():
    from pydantic import ValidationError

    from kompetencedialog_desktop.app import describe_unexpected
    from kompetencedialog_desktop.model.project import Note

    with pytest.raises(ValidationError) as caught:
        Note(id="n1", board="b", zone="z", x="venstre", y=0, text=None)
    text = describe_unexpected(caught.value)
    assert "Input should" not in text and "skal være et tal" in text and "skal være en tekst" in text
