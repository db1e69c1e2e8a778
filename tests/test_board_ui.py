"""The board, driven through the real widgets (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from kompetencedialog_desktop.storage.project_file import load_project, save_project
from kompetencedialog_desktop.ui import dialogs

from .ui_helpers import centre, drag, view_point


@pytest.fixture
def strategy(window, qtbot):
    window.files.new("strategi")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.entry.line.hasFocus())
    return window


def _type_note(qtbot, page, text: str) -> None:
    qtbot.keyClicks(page.entry.line, text)
    QTest.keyClick(page.entry.line, Qt.Key.Key_Return)


def _zone_notes(window, board_id, zone_id):
    return [n for n in window.files.document.project.notes if n.board == board_id and n.zone == zone_id]


def test_start_screen_then_new_workshop_has_three_board_tabs(window):
    assert window.stack.currentWidget() is window.start
    window.start.buttons[1].click()
    assert window.tabs.count() == 4  # three boards and the plan
    assert window.tabs.tabText(0).startswith("1  Gruppens opgaver")
    assert window.tabs.tabText(3) == "Plan og skabelon"


def test_quick_entry_adds_notes_to_chosen_zone_without_overlap(strategy, qtbot):
    page = strategy.current_page()
    QTest.keyClick(page.entry.line, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.entry.zone_id == "forandringer"
    for i in range(20):
        _type_note(qtbot, page, f"Pointe nummer {i + 1} om æøå")
    assert page.entry.line.hasFocus() and page.entry.line.text() == ""
    notes = _zone_notes(strategy, "strategi-1", "forandringer")
    assert [n.text for n in notes] == [f"Pointe nummer {i + 1} om æøå" for i in range(20)]
    assert len(page.scene.items_by_id) == 20
    zone = page.board.zone("forandringer").rect
    for n in notes:
        assert zone.contains(n.x, n.y)
    first_12 = notes[:12]  # the zone's free grid; later ones cascade
    for a in first_12:
        for b in first_12:
            if a is not b:
                assert not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h)


def test_up_recalls_last_note_for_correction(strategy, qtbot):
    page = strategy.current_page()
    _type_note(qtbot, page, "Nyt IT-sytem")
    QTest.keyClick(page.entry.line, Qt.Key.Key_Up)
    assert page.entry.line.text() == "Nyt IT-sytem" and page.entry.correcting
    page.entry.line.setText("Nyt IT-system")
    QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
    assert [n.text for n in strategy.files.document.project.notes] == ["Nyt IT-system"]
    strategy._undo()
    assert [n.text for n in strategy.files.document.project.notes] == ["Nyt IT-sytem"]


def test_drag_moves_note_and_changes_zone_in_one_undo_step(strategy, qtbot):
    page = strategy.current_page()
    _type_note(qtbot, page, "Flyt mig")
    note = strategy.files.document.project.notes[0]
    assert note.zone == "kerneopgave"
    target_zone = page.board.zone("vilkaar").rect
    target = (target_zone.x + 300, target_zone.y + 400)
    stack = strategy.files.document.undo_stack
    before = stack.count()
    drag(page.view, centre(note), target)
    assert note.zone == "vilkaar"
    assert abs(note.x + note.w / 2 - target[0]) < 8 and abs(note.y + note.h / 2 - target[1]) < 8
    assert stack.count() == before + 1
    stack.undo()
    assert note.zone == "kerneopgave"
    assert page.scene.items_by_id[note.id].pos().x() == note.x


def test_multi_select_and_move_together(strategy, qtbot):
    page = strategy.current_page()
    for text in ("A", "B", "C"):
        _type_note(qtbot, page, text)
    notes = strategy.files.document.project.notes
    items = [page.scene.items_by_id[n.id] for n in notes]
    # Click A, Ctrl-click B: C stays unselected.
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view_point(page.view, *centre(notes[0])))
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, view_point(page.view, *centre(notes[1])))
    assert [i.isSelected() for i in items] == [True, True, False]
    starts = [(n.x, n.y) for n in notes]
    drag(page.view, centre(notes[0]), (centre(notes[0])[0] + 100, centre(notes[0])[1] + 300))
    moved = [(n.x - s[0], n.y - s[1]) for n, s in zip(notes, starts)]
    assert moved[0] == pytest.approx(moved[1], abs=0.2) and abs(moved[0][1]) > 250
    assert moved[2] == (0, 0)
    strategy.files.document.undo_stack.undo()
    assert [(n.x, n.y) for n in notes] == starts


def test_rubber_band_selects_notes(strategy, qtbot):
    page = strategy.current_page()
    for text in ("A", "B"):
        _type_note(qtbot, page, text)
    zone = page.board.zone("kerneopgave").rect
    drag(page.view, (zone.x + 2, zone.y + 70), (zone.x + zone.w - 2, zone.y + 400))
    assert sorted(page.scene.selected_note_ids()) == sorted(n.id for n in strategy.files.document.project.notes)


def test_every_edit_undoes_and_redoes_exactly(strategy, qtbot, monkeypatch):
    page = strategy.current_page()
    doc = strategy.files.document
    for text in ("Første", "Anden"):
        _type_note(qtbot, page, text)
    snapshot = lambda: [n.model_dump() for n in doc.project.notes] + [c.model_dump() for c in doc.project.clusters]  # noqa: E731
    states = [snapshot()]
    na = strategy.note_actions
    answers = iter(["IT", "IT og systemer"])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: next(answers))

    def select(*indexes):
        page.scene.clearSelection()
        for i in indexes:
            page.scene.items_by_id[doc.project.notes[i].id].setSelected(True)

    steps = [
        lambda: (select(0), na.set_colour("blaa")),
        lambda: (select(0, 1), na.group_selected()),
        lambda: (select(0), na.rename_cluster.trigger()),
        lambda: (select(1), na.ungroup_selected()),
        lambda: (select(1), na.duplicate_selected()),
        lambda: (select(0), na.delete_selected()),
    ]
    for step in steps:
        step()
        states.append(snapshot())
    assert len({repr(s) for s in states}) == len(states)  # each step changed something
    assert doc.project.clusters[0].name == "IT og systemer"
    for expected in reversed(states[:-1]):
        doc.undo_stack.undo()
        assert snapshot() == expected
        assert set(page.scene.items_by_id) == {n.id for n in doc.project.notes}
    for expected in states[1:]:
        doc.undo_stack.redo()
        assert snapshot() == expected
    assert not doc.undo_stack.canRedo()


def test_edit_in_place_commits_with_ctrl_enter_and_cancels_with_esc(strategy, qtbot):
    page = strategy.current_page()
    _type_note(qtbot, page, "Gammel tekst")
    note = strategy.files.document.project.notes[0]
    page.view.setFocus()
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view_point(page.view, *centre(note)))
    editor = page.scene.items_by_id[note.id].editor
    assert editor is not None
    QTest.keyClicks(page.view.viewport(), "Ny tekst")
    QTest.keyClick(page.view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert note.text == "Ny tekst" and page.scene.items_by_id[note.id].editor is None
    page.scene.edit_note(note.id)
    QTest.keyClicks(page.view.viewport(), "Forkert")
    QTest.keyClick(page.view.viewport(), Qt.Key.Key_Escape)
    assert note.text == "Ny tekst"


@pytest.mark.parametrize("how", ["quit", "save"])
def test_a_text_being_written_in_a_note_is_kept_at_quit_and_save(strategy, qtbot, monkeypatch, tmp_path, how):
    """Ctrl+Q (or Ctrl+S) while typing in a note: the text is kept as a click elsewhere would keep it
    (Ctrl+Q lost it without a question)."""
    page = strategy.current_page()
    _type_note(qtbot, page, "Tredje note")
    note = strategy.files.document.project.notes[0]
    page.view.setFocus()
    page.scene.edit_note(note.id)
    QTest.keyClicks(page.view.viewport(), "Rettet i stedet")
    path = tmp_path / "ws.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggestion: path)
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or "save")
    if how == "quit":
        strategy.close()  # what Afslut (Ctrl+Q) does; offscreen Qt binds no key to Quit
    else:
        QTest.keyClick(page.view.viewport(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert note.text == "Rettet i stedet"
    if how == "quit":
        assert asked  # a change not yet saved: the window asks, as for any other
        qtbot.waitUntil(lambda: not strategy.isVisible())
    assert [n.text for n in load_project(path).notes] == ["Rettet i stedet"]


def test_double_click_on_empty_space_creates_a_note_there(strategy, qtbot):
    page = strategy.current_page()
    zone = page.board.zone("vilkaar").rect
    spot = (zone.x + 300, zone.y + 500)
    page.view.setFocus()
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, view_point(page.view, *spot))
    QTest.keyClicks(page.view.viewport(), "Fra dobbeltklik")
    QTest.keyClick(page.view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [note] = strategy.files.document.project.notes
    assert (note.text, note.zone) == ("Fra dobbeltklik", "vilkaar")
    assert abs(centre(note)[0] - spot[0]) < 4 and abs(centre(note)[1] - spot[1]) < 4


def test_keyboard_shortcuts_switch_boards_and_delete(strategy, qtbot):
    QTest.keyClick(strategy, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert strategy.tabs.currentIndex() == 2
    page = strategy.current_page()
    assert page.entry.line.hasFocus()
    _type_note(qtbot, page, "Slet mig")
    page.scene.items_by_id[strategy.files.document.project.notes[0].id].setSelected(True)
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert strategy.files.document.project.notes == []


def test_title_shows_unsaved_mark_and_save_then_reopen_shows_same_board(strategy, qtbot, tmp_path, monkeypatch):
    page = strategy.current_page()
    _type_note(qtbot, page, "Gemmes")
    assert strategy.isWindowModified() and strategy.windowTitle().startswith("Unavngivet workshop")
    path = tmp_path / "møde.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    QTest.keyClick(strategy, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not strategy.isWindowModified() and strategy.windowTitle().startswith("møde.kdlg")
    saved = [n.model_dump() for n in strategy.files.document.project.notes]
    assert [n.model_dump() for n in load_project(path).notes] == saved
    strategy.files.new("grus")
    assert strategy.files.open(path)
    page = strategy.current_page()
    assert [n.model_dump() for n in strategy.files.document.project.notes] == saved
    assert set(page.scene.items_by_id) == {saved[0]["id"]}
    item = page.scene.items_by_id[saved[0]["id"]]
    assert (item.pos().x(), item.pos().y(), item.text) == (saved[0]["x"], saved[0]["y"], "Gemmes")


@pytest.mark.parametrize("answer,closes", [("cancel", False), ("discard", True)])
def test_unsaved_prompt_on_close(strategy, qtbot, monkeypatch, answer, closes):
    _type_note(qtbot, strategy.current_page(), "Ikke gemt")
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or answer)
    assert strategy.close() is closes
    assert asked == ["Unavngivet workshop"]


def test_unsaved_prompt_save_writes_before_opening_another(strategy, qtbot, monkeypatch, tmp_path):
    _type_note(qtbot, strategy.current_page(), "Reddet")
    path = tmp_path / "reddet.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "save")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    assert strategy.files.new("grus")
    assert [n.text for n in load_project(path).notes] == ["Reddet"]


def test_opening_a_bad_file_keeps_the_current_workshop(strategy, qtbot, monkeypatch, tmp_path):
    _type_note(qtbot, strategy.current_page(), "Bliver")
    bad = tmp_path / "ødelagt.kdlg"
    bad.write_bytes(b'{"format": "kompetencedialog-projekt", "schema_version": 2, "workshop": {')
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: "discard")
    document = strategy.files.document
    assert not strategy.files.open(bad)
    assert strategy.files.document is document and [n.text for n in document.project.notes] == ["Bliver"]
    assert "afkortet" in errors[0] and "Filen er ikke ændret" in errors[0]
    assert bad.read_bytes().endswith(b'"workshop": {')


def test_save_error_keeps_workshop_and_says_so(strategy, qtbot, monkeypatch, tmp_path):
    _type_note(qtbot, strategy.current_page(), "Vigtig")
    path = tmp_path / "ws.kdlg"
    save_project(strategy.files.document.project, path)
    strategy.files.document.path = path
    _type_note(qtbot, strategy.current_page(), "Endnu en")
    errors = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, message: errors.append(message) or False)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kompetencedialog_desktop.storage.project_file.write_atomic", full_disk)
    assert not strategy.files.save()
    assert "disken er fuld" in errors[0] and "et andet sted" in errors[0] and strategy.isWindowModified()
    assert len(strategy.files.document.project.notes) == 2
    assert len(load_project(path).notes) == 1


def test_zoom_and_fit(strategy):
    view = strategy.current_page().view
    view.fit_board()
    fitted = view.zoom
    QTest.keyClick(strategy, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fitted * 1.25)
    QTest.keyClick(strategy, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fitted)


def test_note_dropped_outside_every_zone_is_kept_and_marked(strategy, qtbot):
    page = strategy.current_page()
    _type_note(qtbot, page, "På kanten")
    note = strategy.files.document.project.notes[0]
    drag(page.view, centre(note), (page.board.width - 10, 100))  # the board's margin, beside the title
    item = page.scene.items_by_id[note.id]
    assert note.zone is None and item._unplaced and item.toolTip().startswith("Uden zone")
    target = page.board.zone("vilkaar").rect
    drag(page.view, centre(note), (target.x + 200, target.y + 300))
    assert note.zone == "vilkaar" and not item._unplaced


def _background_drawn(page) -> bool:
    """The board's own drawing (title strip, zones) is on screen: sample the viewport's pixels."""
    from kompetencedialog_desktop.ui.board_items import BoardBackground

    if not any(isinstance(i, BoardBackground) for i in page.scene.items()):
        return False
    image = page.view.viewport().grab().toImage()
    zone = page.board.zone(page.board.zones[0].id)
    p = view_point(page.view, zone.rect.x + zone.rect.w / 2, zone.rect.y + zone.rect.h - 20)
    colour = image.pixelColor(p)
    return colour.name().upper() == zone.colour.upper()


def test_double_click_on_empty_space_keeps_the_board_drawn(strategy, qtbot):
    import gc

    page = strategy.current_page()
    assert _background_drawn(page)
    zone = page.board.zone("vilkaar").rect
    for spot in ((zone.x + 300, zone.y + 500), (page.board.width - 5, page.board.height - 5), (500, 60)):
        page.view.setFocus()
        QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                          view_point(page.view, *spot))
        QTest.keyClick(page.view.viewport(), Qt.Key.Key_Escape)
        gc.collect()
        assert _background_drawn(page), spot
    assert strategy.files.document.project.notes == []


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_thirty_notes_in_one_zone_of_every_board_cover_no_other(window, qtbot, workshop):
    window.files.new(workshop)
    for index, board in enumerate(window.files.document.content.boards):
        window.tabs.setCurrentIndex(index)
        page = window.current_page()
        zone = board.zones[-1]
        page.entry.choose_zone(len(board.zones) - 1)
        for i in range(30):
            page.entry.line.setText(f"Pointe {i + 1} i {zone.title}")
            QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
        notes = _zone_notes(window, board.id, zone.id)
        assert len(notes) == 30
        rects = [page.scene.items_by_id[n.id].sceneBoundingRect().adjusted(2, 2, -2, -2) for n in notes]
        for i, a in enumerate(rects):
            assert zone.rect.x <= a.left() and a.right() <= zone.rect.x + zone.rect.w
            assert zone.rect.y <= a.top() and a.bottom() <= zone.rect.y + zone.rect.h
            for b in rects[i + 1:]:
                assert not a.intersects(b), (a, b)
        assert "gjort mindre" in window.statusBar().currentMessage()
        for n in notes:  # a text cut short on a small note is there in full on hover
            item = page.scene.items_by_id[n.id]
            assert item.text_layout()[1] or item.toolTip() == n.text
        window.statusBar().clearMessage()
    # The whole zone's re-layout and the new note are one undo step.
    doc = window.files.document
    count = len(doc.project.notes)
    doc.undo_stack.undo()
    assert len(doc.project.notes) == count - 1


LONG_NOTE = ("Kompetencefonden bør bruges til at give sagsbehandlingssystemet et løft, så alle "
             "medarbejdere kan følge med i digitaliseringen")


def test_danish_words_break_only_at_hyphenation_points():
    from PySide6.QtGui import QTextLayout

    from kompetencedialog_desktop.ui import theme
    from kompetencedialog_desktop.ui.note_item import TEXT_OPTION, hyphenated

    text = hyphenated("Kompetencefonden Sagsbehandlingssystemet")
    # Compounds split where a Dane would (resources/hyphenation/da.txt), 3+ letters at each end.
    assert text.replace("\u00ad", "-") == "Kompetence-fonden Sags-behandlings-syste-met"
    layout = QTextLayout(text, theme.board_font(18))
    layout.setTextOption(TEXT_OPTION)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(200)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    assert len(lines) > 2
    for line in lines[:-1]:
        assert line.endswith(("\u00ad", " ")), lines  # never "Kompetencef|onden"


def test_painting_never_raises_even_for_a_crushed_note(qtbot):
    from PySide6.QtGui import QImage, QPainter

    from kompetencedialog_desktop.model.project import Note
    from kompetencedialog_desktop.ui.note_item import NOTE_FONT_READABLE, NoteItem, fitting_point_size

    assert fitting_point_size(LONG_NOTE, 190, -10) == NOTE_FONT_READABLE
    assert fitting_point_size(LONG_NOTE, -5, 0) == NOTE_FONT_READABLE
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    for w, h in ((210, 10), (3, 3), (210, 0.5)):
        # The model refuses such sizes; paint must survive them anyway (a damaged item mid-drag).
        item = NoteItem(Note.model_construct(id="n", board="b", zone=None, x=0, y=0, w=w, h=h, text=LONG_NOTE,
                                             votes=3, colour="gul", cluster=None, chosen=False, source=None))
        painter = QPainter(image)
        item.paint(painter, None)
        painter.end()
        assert item.text_layout()[0] >= NOTE_FONT_READABLE


def test_long_note_grows_taller_instead_of_shrinking_its_text(strategy, qtbot):
    from kompetencedialog_desktop.model.project import NOTE_HEIGHT
    from kompetencedialog_desktop.ui.note_item import NOTE_FONT_READABLE

    page = strategy.current_page()
    assert len(LONG_NOTE) >= 120
    for text in (LONG_NOTE, LONG_NOTE + ". " + LONG_NOTE):
        page.entry.line.setText(text)
        QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
    short, double = strategy.files.document.project.notes
    for note in (short, double):
        size, fits = page.scene.items_by_id[note.id].text_layout()
        assert fits and size >= NOTE_FONT_READABLE
    assert short.h <= NOTE_HEIGHT + 10 and double.h > NOTE_HEIGHT + 60
    # On screen at fit zoom, in pixels (the board font is sized in units of 4/3 px).
    page.view.fit_board()
    assert page.scene.items_by_id[short.id].text_layout()[0] * 4 / 3 * page.view.zoom >= 9.5


def test_in_place_editor_stays_inside_the_note(strategy, qtbot):
    page = strategy.current_page()
    _type_note(qtbot, page, "Kort")
    note = strategy.files.document.project.notes[0]
    page.view.setFocus()
    QTest.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view_point(page.view, *centre(note)))
    item = page.scene.items_by_id[note.id]
    editor = item.editor
    QTest.keyClicks(page.view.viewport(), LONG_NOTE + " og endnu mere tekst om kompetenceudvikling")
    drawn = item.sceneBoundingRect()
    text = editor.sceneBoundingRect()
    assert text.bottom() > note.y + note.h  # the text is longer than the note was
    assert drawn.top() <= text.top() and text.bottom() <= drawn.bottom()
    QTest.keyClick(page.view.viewport(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert note.h > 130 and item.text_layout()[1]  # the note kept the room it needed


def _projector_text_px(projector, item) -> float:
    """Pixel height of the note's letters on the projector (font pixel size x view scale)."""
    size, _ = item.text_layout()
    return round(size * 4 / 3) * projector.view.transform().m11()


def test_projector_zooms_to_the_used_board_with_its_header_frame_and_blank_mark(strategy, qtbot):
    from kompetencedialog_desktop.ui.projector_window import BlankIndicator

    page = strategy.current_page()
    for text in ("Nyt IT-system", "Borgerne forventer svar samme dag", LONG_NOTE):
        _type_note(qtbot, page, text)
    QTest.keyClick(page.entry.line, Qt.Key.Key_F10)
    projector = strategy.projector
    assert projector is not None and projector.isVisible()
    # One screen: a normal window with a frame, which the facilitator can move and resize.
    assert not projector.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert projector.step.text() == f"{page.board.number}  {page.board.title}"
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: projector.tile_area.width() > 1800)
    # Only the zone in use is shown, so the notes are large in the room.
    area = projector.tile_area.rect()
    whole_board = min(area.width() / page.board.width, area.height() / page.board.height)
    assert projector.view.transform().m11() > 1.1 * whole_board
    shown = projector.view.mapToScene(projector.view.viewport().rect()).boundingRect()
    zone = page.board.zone("kerneopgave").rect
    assert shown.contains(QRectF(zone.x + 16, zone.y + 6, 300, 34))  # the zone's title
    for note in strategy.files.document.project.notes:
        assert shown.contains(QRectF(note.x, note.y, note.w, note.h))
    items = [page.scene.items_by_id[n.id] for n in strategy.files.document.project.notes]
    px = [_projector_text_px(projector, item) for item in items]
    print("projector text px at 1920x1080 (short, normal, 120 chars):", [round(p, 1) for p in px])
    assert px[0] >= 32 and px[1] >= 24  # ~24 pt (32 px) for a short note: reads from 8 m
    # The header follows the board on show, not the agenda step.
    QTest.keyClick(strategy, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    board = strategy.current_page().board
    assert projector.step.text() == f"{board.number}  {board.title}"
    # Blanked: the main window shows it, and not after un-blanking.
    [indicator] = strategy.statusBar().findChildren(BlankIndicator)
    assert not indicator.isVisible()
    QTest.keyClick(strategy, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert projector.blanked and indicator.isVisible()
    QTest.keyClick(strategy, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not projector.blanked and not indicator.isVisible()


def test_board_pictures_show_the_used_part_and_zone_pictures_exist(qapp, example):
    from PySide6.QtGui import QImage

    from kompetencedialog_desktop.model.factory import new_project
    from kompetencedialog_desktop.model.project import Note
    from kompetencedialog_desktop.storage.content_loader import workshop_content
    from kompetencedialog_desktop.ui.board_render import board_pngs, zone_pngs

    content = workshop_content("strategi")
    project = new_project(content, "Én zone")
    zone = content.board("strategi-2").zone("kan-i-dag").rect
    project.notes.append(Note(id="n1", board="strategi-2", zone="kan-i-dag", x=zone.x + 20, y=zone.y + 100, text=LONG_NOTE))
    pngs = board_pngs(project)
    one_zone, empty = QImage.fromData(pngs["strategi-2"]), QImage.fromData(pngs["strategi-1"])
    assert one_zone.width() == empty.width() == 2000
    # The one zone in use fills the picture: the note is drawn about twice as large as on the whole board.
    yellow = lambda img: sum(img.pixelColor(x, y).name() == "#ffe45c" for x in range(0, img.width(), 4) for y in range(0, img.height(), 4))  # noqa: E731
    assert yellow(one_zone) * 16 > 3.0 * 210 * 130  # ~1x on the whole board
    zones = zone_pngs(example)
    assert set(zones) == {"strategi-1", "strategi-2", "strategi-3"}
    assert all(QImage.fromData(png).width() > 0 for pictures in zones.values() for _, png in pictures)
