"""Findings of a tester's whole workshop under Xvfb, each through the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kompetencedialog_desktop.ui import dialogs

from .conftest import close_window, open_window
from .ui_helpers import open_plan_tab


# --- 1. "Tilføj række" then typing ------------------------------------------------------------
@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_add_row_puts_the_new_rows_first_cell_in_edit_mode(window, workshop):
    page, doc = open_plan_tab(window, workshop, example=False)
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


# --- 2. Danish file dialogs and titles that fit ----------------------------------------------
REAL = {name: getattr(dialogs, name) for name in
        ("ask_open_path", "ask_save_path", "ask_export_path", "ask_folder", "ask_open_paths", "ask_text", "ask_int")}
ENGLISH = {"Look in:", "File name:", "Files of type:", "Open", "Save", "Cancel", "Choose", "Computer", "Directory:",
           "Save As", "Name", "Size", "Date Modified", "Detail View", "List View", "Back", "Forward", "Parent Directory",
           "Create New Folder", "File &name:", "&Open", "&Save", "&Choose"}


def _inspect_dialog(qtbot, call):
    """Run `call` (which opens a modal dialog); a timer looks at the dialog, then cancels it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QListView, QTextBrowser, QTreeView

    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        if dialog is None or "title" in seen:
            return
        qtbot.waitExposed(dialog)
        seen["title"], seen["fits"] = dialog.windowTitle(), _title_fits(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
        texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
        for view in dialog.findChildren(QListView) + dialog.findChildren(QTreeView):
            model = view.model()
            if view.isVisible() and model is not None:
                if view.objectName() == "sidebar":
                    texts += [model.index(r, 0).data() for r in range(model.rowCount())]
                if isinstance(view, QTreeView):
                    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        seen["texts"] = [t for t in texts if t]
        seen["browser"] = "\n".join(b.toPlainText() for b in dialog.findChildren(QTextBrowser))
        if isinstance(dialog, QFileDialog):
            seen["folder"] = dialog.directory().absolutePath()
        dialog.reject()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    try:
        result = call()
    finally:
        timer.stop()
    assert "title" in seen, "ingen dialog blev vist"
    return seen, result


def _title_fits(dialog) -> bool:
    """The dialog is wide enough for its title bar (title, » — Kompetencedialog« and the buttons)."""
    from PySide6.QtGui import QFont, QFontMetrics

    font = QFont(dialog.font())
    font.setBold(True)
    return dialog.width() >= QFontMetrics(font).horizontalAdvance(dialog.windowTitle() + " — Kompetencedialog") + 100


def test_every_file_dialog_speaks_danish_and_starts_in_the_workshops_folder(qtbot, window, monkeypatch, tmp_path):
    for name, real in REAL.items():
        monkeypatch.setattr(dialogs, name, real)
    window.files.new("grus")
    saved = tmp_path / "gruppe" / "grus.kdlg"
    saved.parent.mkdir()
    assert window.files._save_to(saved)
    calls = {
        "Åbn": lambda: window.files.open(),
        "Gem som": window.files.save_as,
        "Word": window.exports.export_word,
        "PDF": window.exports.export_pdf,
        "PNG": window.exports.export_png,
        "MUS": window.loop.export_mus,
        "Hent indsatsområder": lambda: window.loop.fetch_focus_areas(),
    }
    titles = {}
    for what, call in calls.items():
        seen, result = _inspect_dialog(qtbot, call)
        assert not result
        english = [t for t in seen["texts"] if t.replace("&", "") in {e.replace("&", "") for e in ENGLISH}]
        assert not english, f"{what}: engelsk i dialogen: {english}"
        assert seen["folder"] == str(saved.parent), f"{what} starter i {seen['folder']}"
        assert seen["fits"], f"{what}: titlen »{seen['title']}« er for bred til dialogen"
        titles[what] = seen["title"]
    assert "strategi" in titles["Hent indsatsområder"].lower() and titles["Hent indsatsområder"] != titles["Åbn"]


def test_the_evaluation_asks_for_grus_files_in_danish_beside_the_strategy(qtbot, window, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_open_paths", REAL["ask_open_paths"])
    window.files.new("strategi")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "su.kdlg")
    window.files.save()
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    page = window.tabs.currentWidget()
    seen, result = _inspect_dialog(qtbot, page.import_files)
    assert result == 0 and "GRUS" in seen["title"] and seen["folder"] == str(tmp_path)
    assert not [t for t in seen["texts"] if t in ENGLISH]


def test_small_questions_have_room_for_their_title(qtbot, window, monkeypatch):
    for name in ("ask_text", "ask_int"):
        monkeypatch.setattr(dialogs, name, REAL[name])
    for call in (lambda: dialogs.ask_text(window, "Saml i klynge", "Klyngens navn:", "Klynge 1"),
                 lambda: dialogs.ask_int(window, "Vælg de øverste", "Hvor mange skal vælges?", 5, 1, 20)):
        seen, result = _inspect_dialog(qtbot, call)
        assert result is None and seen["fits"], seen["title"]
        assert not [t for t in seen["texts"] if t.replace("&", "") in ENGLISH]


# --- 5. small texts ----------------------------------------------------------------------------
def test_a_new_workshop_is_not_called_saved_before_it_has_a_file(window, monkeypatch, tmp_path):
    window.files.new("strategi")
    assert "Alt er gemt" not in window.status.text() and "Ikke gemt endnu" in window.status.text()
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert "Ikke gemt endnu" in window.status.text()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "ny.kdlg")
    window.files.save()
    assert "Alt er gemt" in window.status.text()


def test_the_mus_export_is_offered_only_in_a_grus(window):
    mus = next(a for a in window.export_actions if "MUS" in a.text())
    window.files.new("strategi")
    assert not mus.isVisible()
    window.files.new("grus")
    assert mus.isVisible() and mus.isEnabled()


def test_fetching_focus_areas_confirms_and_nothing_new_is_information(window, monkeypatch, tmp_path, example):
    from kompetencedialog_desktop.storage.project_file import save_project

    strategy = tmp_path / "SU strategi.kdlg"
    save_project(example, strategy)
    window.files.new("grus")
    assert window.loop.fetch_focus_areas(strategy) == 3
    assert "3 indsatsområder hentet" in window.statusBar().currentMessage()
    told = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: told.append(text))
    assert window.loop.fetch_focus_areas(strategy) == 0 and "ingen nye" in told[-1]


def test_the_evaluation_names_a_group_without_front_page_by_its_file(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QGroupBox

    from kompetencedialog_desktop.model.factory import new_project
    from kompetencedialog_desktop.model.project import GrusPlanRow, new_id
    from kompetencedialog_desktop.storage.content_loader import workshop_content
    from kompetencedialog_desktop.storage.project_file import save_project

    grus = new_project(workshop_content("grus"))  # the front page left as it came
    grus.plan.rows = [GrusPlanRow(id=new_id("r"), activity="Læsekursus")]
    path = tmp_path / "GRUS indskolingen.kdlg"
    save_project(grus, path)
    window.files.new("strategi")
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    page = window.tabs.currentWidget()
    assert page.import_files([path]) == 1
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert titles == ["GRUS indskolingen – 1 aktivitet"]
    assert page.table.item(page.table.rowCount() - 1, 1).text() == "GRUS indskolingen"


# --- 4. double-clicking a recent file ---------------------------------------------------------
def test_double_clicking_a_recent_file_opens_it_without_a_new_post_it(qtbot, tmp_path, example):
    from kompetencedialog_desktop.storage.project_file import save_project
    from kompetencedialog_desktop.storage.settings import add_recent_file

    path = tmp_path / "seneste.kdlg"
    save_project(example, path)
    add_recent_file(path)
    win = open_window(qtbot)
    try:
        recent = win.start.recent_list
        item = next(recent.item(i) for i in range(recent.count()) if recent.item(i).text().startswith("seneste.kdlg"))
        point = recent.visualItemRect(item).center()
        where = recent.viewport().mapToGlobal(point)
        QTest.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert win.files.document is not None and win.files.document.path == path.resolve()
        page = win.current_page()
        before = len(page.scene.items_by_id)
        # The second click of the double-click reaches whatever is now under the mouse: the board.
        viewport = page.view.viewport()
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.mapFromGlobal(where))
        assert page.scene._draft is None and len(page.scene.items_by_id) == before
        assert not win.files.document.modified
        # A real double-click on the board afterwards still writes a new post-it there.
        qtbot.waitUntil(lambda: not win.start.double_click_guard.armed, timeout=3000)
        empty = page.view.mapFromScene(page.scene.board.width - 40, page.scene.board.height - 40)
        QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=empty)
        assert page.scene._draft is not None
        QTest.keyClick(viewport, Qt.Key.Key_Escape)
        assert page.scene._draft is None
    finally:
        close_window(win)


# --- 3. text cut where there is room ---------------------------------------------------------
@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_tab_titles_are_shortened_only_when_the_bar_has_no_room(qtbot, workshop):
    from kompetencedialog_desktop.storage.content_loader import workshop_content

    full = [f"{b.number}  {b.title}" for b in workshop_content(workshop).boards]
    win = open_window(qtbot, size=(1920, 1040))
    try:
        win.files.new(workshop)
        bar = win.tabs.tabBar()
        qtbot.waitUntil(lambda: [win.tabs.tabText(i) for i in range(3)] == full, timeout=2000)
        win.resize(1100, 700)  # the panel beside the board leaves the tabs some 760 pixels
        qtbot.waitUntil(lambda: [win.tabs.tabText(i) for i in range(3)] != full, timeout=2000)
        for i in range(3):
            text = win.tabs.tabText(i)
            assert text == full[i] or (text.endswith("…") and full[i].startswith(text[:-1])), text
            assert full[i].split("  ", 1)[1] in win.tabs.tabToolTip(i)
        assert bar.tabRect(bar.count() - 1).right() <= win.tabs.width()  # all tabs seen, no scrolling
        win.resize(1920, 1040)
        qtbot.waitUntil(lambda: [win.tabs.tabText(i) for i in range(3)] == full, timeout=2000)
    finally:
        close_window(win)


def test_the_zone_picker_shows_the_whole_zone_where_there_is_room(qtbot):
    win = open_window(qtbot, size=(1920, 1040))
    try:
        win.files.new("strategi")
        box = win.current_page().entry.zone_box
        longest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        qtbot.waitUntil(lambda: box.width() > longest, timeout=2000)
        for i in range(box.count()):
            box.setCurrentIndex(i)
            assert box.shown_text() == box.itemText(i)
        win.resize(900, 700)  # narrow: the box shrinks, the text is cut with »…« and the tooltip says it all
        qtbot.waitUntil(lambda: box.width() < longest, timeout=2000)
        box.setCurrentIndex(0)
        zone = win.current_page().board.zones[0].title
        assert box.shown_text().endswith("…") and zone in box.toolTip()
        assert box.shown_text()[:-1] in box.currentText()
    finally:
        close_window(win)


@pytest.mark.parametrize("size", [(1366, 700), (1920, 1040)])
def test_the_grus_plan_headers_are_not_cut(qtbot, size):
    win = open_window(qtbot, size=size)
    try:
        page, _doc = open_plan_tab(win, "grus", example=False)
        table = page.table
        qtbot.waitUntil(lambda: table.isVisible() and table.horizontalHeader().sectionSize(0) > 0)
        header = table.horizontalHeader()
        margin = 2 * table.style().pixelMetric(table.style().PixelMetric.PM_HeaderMargin) + 4
        texts = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        cut = [t for c, t in enumerate(texts)
               if any(header.fontMetrics().horizontalAdvance(line) > header.sectionSize(c) - margin for line in t.split("\n"))]
        assert not cut
        assert [table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount())] == [
            t.replace("-\n", "") for t in texts]
    finally:
        close_window(win)


# --- 6. the Hjælp menu ---------------------------------------------------------------------------
def _help_action(window, text):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Hjælp")
    return next(a for a in menu.actions() if a.text() == text)


def test_help_menu_tells_what_the_program_is_and_where_its_files_live(qtbot, window):
    from kompetencedialog_desktop import __version__
    from kompetencedialog_desktop.paths import autosave_dir

    seen, _ = _inspect_dialog(qtbot, _help_action(window, "Om Kompetencedialog").trigger)
    text = "\n".join(seen["texts"])
    assert seen["title"] == "Om Kompetencedialog" and seen["fits"]
    assert __version__ in text and "uden internet" in text and str(autosave_dir()) in text and ".kdlg" in text
    assert "Luk" in seen["texts"] and not [t for t in seen["texts"] if t.replace("&", "") in ENGLISH | {"Close"}]


def test_help_menu_explains_the_secretarys_and_the_facilitators_keys(qtbot, window):
    seen, _ = _inspect_dialog(qtbot, _help_action(window, "Sådan bruger I programmet").trigger)
    assert seen["title"] == "Sådan bruger I programmet" and seen["fits"]
    for words in ("Sekretæren", "Alt+1", "Enter", "Facilitatoren", "F5", "F7", "F10", "Ctrl+T", "PgDown", "F1"):
        assert words in seen["browser"], words
