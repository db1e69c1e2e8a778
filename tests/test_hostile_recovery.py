"""Hostile run 2: recovery that offers older work, two windows on one file, damaged recovery
cards. Each test reproduces one finding and goes through the real window or FileController."""

from __future__ import annotations

import datetime as dt
import json
import os
import time

import pytest

from kompetencedialog_desktop.model.operations import add_notes_op
from kompetencedialog_desktop.model.project import Note
from kompetencedialog_desktop.storage import lock
from kompetencedialog_desktop.storage.autosave import AutosaveStore, SnapshotInfo
from kompetencedialog_desktop.storage.project_file import dump_project, load_project, save_project
from kompetencedialog_desktop.ui import dialogs

from .conftest import close_window, open_window


@pytest.fixture
def state(tmp_path, monkeypatch):
    folder = tmp_path / "autosave"
    monkeypatch.setattr("kompetencedialog_desktop.storage.autosave.autosave_dir", lambda: folder)
    return folder


def _add(document, note_id, text):
    board = document.content.boards[0].id
    document.apply("Ny", lambda p: add_notes_op(p, [Note(id=note_id, board=board, x=10, y=10, text=text)]))


def _crash(win):
    """The process dies: no closeEvent, its lock is stale (released here for the same pid)."""
    win.files.autosave.writer.wait_idle()
    if win.files.document is not None and win.files.document.path is not None:
        lock.release(win.files.document.path)
    win.files.autosave._timer.stop()
    win.hide()
    win.deleteLater()


def test_a_save_removes_the_snapshot_at_once(qtbot, state, tmp_path, empty_project):
    """Crash 0.1 s after Ctrl+S: no older snapshot may be offered at the next start."""
    path = tmp_path / "w.kdlg"
    save_project(empty_project, path)
    win = open_window(qtbot, size=(1400, 900))
    assert win.files.open(path)
    document = win.files.document
    _add(document, "k1", "note 1")
    win.files.autosave.flush()
    win.files.autosave.writer.wait_idle()
    assert len(AutosaveStore(state).entries()) == 1  # the snapshot with note 1
    _add(document, "k2", "note 2")
    _add(document, "k3", "note 3")
    assert win.files.save()
    assert AutosaveStore(state).entries() == []  # gone before save() returned, not at the next tick
    _crash(win)
    later = open_window(qtbot, size=(1400, 900))
    try:
        assert later.files.recoverable() == []
        assert len(load_project(path).notes) == 3
    finally:
        close_window(later)


def test_a_snapshot_older_than_the_file_is_flagged_and_never_overwrites_it(qtbot, state, tmp_path, monkeypatch,
                                                                           empty_project):
    """A snapshot left by a crash between a save and its removal (or by another window)."""
    path = tmp_path / "w.kdlg"
    older = empty_project.model_copy(deep=True)
    older.notes.append(Note(id="a", board="strategi-1", x=1, y=1, text="gammel"))
    store = AutosaveStore(state)
    store.write("fil-0123456789abcdef-4000000-abcdef12", dump_project(older), SnapshotInfo.of(older), path)
    card = state / "fil-0123456789abcdef-4000000-abcdef12.json"
    meta = json.loads(card.read_text())
    meta["saved_at"] = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)).isoformat()
    card.write_text(json.dumps(meta))
    newer = empty_project.model_copy(deep=True)
    newer.notes += [Note(id=i, board="strategi-1", x=1, y=1, text=i) for i in ("x", "y", "z")]
    save_project(newer, path)
    win = open_window(qtbot, size=(1400, 900))
    try:
        asked = []
        monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, text: asked.append(text) or "restore")
        assert win.offer_recovery()
        assert "ÆLDRE end den gemte fil" in asked[0] and "\n" not in asked[0]
        document = win.files.document
        assert document.path is None and len(document.project.notes) == 1  # an untitled copy
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: None)
        assert not win.files.save()  # Ctrl+S asks for a name: it cannot overwrite the newer file
        assert len(load_project(path).notes) == 3
    finally:
        close_window(win)


def test_two_windows_on_one_file_keep_their_own_snapshots(qtbot, state, tmp_path, empty_project):
    """One window's clean save must not delete the other window's recovery."""
    path = tmp_path / "w.kdlg"
    save_project(empty_project, path)
    a = open_window(qtbot, size=(1400, 900))
    b = open_window(qtbot, size=(1400, 900))
    try:
        assert a.files.open(path) and b.files.open(path)
        for i in range(5):
            _add(b.files.document, f"B{i}", f"B note {i}")
        b.files.autosave.flush()
        b.files.autosave.writer.wait_idle()
        _add(a.files.document, "A1", "A note")
        a.files.autosave.flush()
        a.files.autosave.writer.wait_idle()
        assert len(AutosaveStore(state).entries()) == 2
        assert a.files.save()
        a.files.autosave.writer.wait_idle()
        [left] = AutosaveStore(state).entries()
        assert left.notes == 5 and len(AutosaveStore(state).load(left).notes) == 5  # B's work is still there
    finally:
        close_window(a)
        close_window(b)


def _card(state, key, **changes):
    from kompetencedialog_desktop.model.project import Project

    project = Project(workshop="grus", title=key)
    store = AutosaveStore(state)
    store.write(key, dump_project(project), SnapshotInfo.of(project), None)
    card = state / f"{key}.json"
    meta = json.loads(card.read_text())
    meta.update(changes)
    card.write_text(json.dumps(meta))


def test_damaged_recovery_cards_are_described_from_their_snapshot(qtbot, state, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Copenhagen")
    time.tzset()
    try:
        _card(state, "unavngivet-naiv", saved_at="2026-11-25T09:00:00")
        _card(state, "unavngivet-aar9999", saved_at="9999-12-31T23:59:59+00:00")
        _card(state, "unavngivet-sund")
        _card(state, "unavngivet-null", original="a\u0000b", notes=True)
        _card(state, "unavngivet-liste", title=["x"], pid="12")
        win = open_window(qtbot, size=(1400, 900))
        try:
            asked = []
            monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, text: asked.append(text) or "later")
            assert not win.offer_recovery()
            assert len(asked) == 5 and all("post-its" in text and "\n" not in text for text in asked)
        finally:
            close_window(win)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# --- 3. file names that are not UTF-8 (Latin-1 from an old USB stick) ---------------------------
LATIN1 = os.fsdecode(b"k\xf8benhavn.kdlg")


def test_gui_opens_and_saves_a_latin1_file_name(qtbot, state, tmp_path, example):
    path = tmp_path / LATIN1
    save_project(example, path)
    win = open_window(qtbot, size=(1400, 900))
    try:
        assert win.files.open(path)
        _add(win.files.document, "ny", "tilføjet")
        assert win.files.save()
        win.files.autosave.flush()
        assert win.files.autosave.writer.wait_idle()
        assert any(n.text == "tilføjet" for n in load_project(path).notes)
        assert os.path.exists(os.fsencode(tmp_path) + b"/k\xf8benhavn.kdlg.bak")
        assert path in win.files.recent()
        _add(win.files.document, "ny2", "igen")
        win.files.autosave.flush()
        assert win.files.autosave.writer.wait_idle()
        [entry] = AutosaveStore(state).entries()
        assert entry.original == path and "k?benhavn.kdlg" in entry.describe()
    finally:
        close_window(win)


def test_command_line_handles_latin1_file_names(tmp_path, capsys, example, grus_example):
    from kompetencedialog_desktop.cli import main

    new = tmp_path / os.fsdecode(b"ny-\xf8.kdlg")
    assert main(["new", "--workshop", "grus", "-o", str(new)]) == 0
    assert load_project(new).workshop == "grus"
    source = tmp_path / LATIN1
    save_project(example, source)
    assert main(["export", str(source), "--docx", str(tmp_path / os.fsdecode(b"ud-\xf8.docx")), "--no-pictures"]) == 0
    grus = tmp_path / os.fsdecode(b"gr\xf8n.kdlg")
    save_project(grus_example, grus)
    assert main(["evaluate", str(source), "--grus", str(grus), "-o", str(tmp_path / "rapport.docx")]) == 0
    capsys.readouterr()
    assert main(["evaluate", str(grus), "--grus", str(grus), "-o", str(tmp_path / "r2.docx")]) == 1
    err = capsys.readouterr().err
    assert "»gr?n.kdlg« er ikke en kompetencestrategi" in err and "\\udc" not in err


# --- 4. Gem som onto a workshop another running copy has open --------------------------------
def test_save_as_onto_a_workshop_open_elsewhere_asks(qtbot, state, tmp_path, monkeypatch, example, empty_project):
    target = tmp_path / "andens.kdlg"
    save_project(example, target)
    before = target.read_bytes()
    colleague = os.getppid()  # surely running
    theirs = json.dumps({"pid": colleague, "host": lock.HOST, "user": "kollega", "since": "2026-11-25T09:00:00+00:00"})
    lock.lock_path(target).write_text(theirs, encoding="utf-8")
    win = open_window(qtbot, size=(1400, 900))
    try:
        win.files.new("strategi")
        asked = []
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or False)
        assert not win.files.save_as()
        assert len(asked) == 1 and "kollega" in asked[0] and "gemme oven i den alligevel" in asked[0]
        assert target.read_bytes() == before and lock.lock_path(target).read_text(encoding="utf-8") == theirs
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or True)
        assert win.files.save_as() and len(asked) == 2
        assert load_project(target).notes == []
    finally:
        close_window(win)


# --- 5. a 99,000-character note without spaces ---------------------------------------------------
def test_a_huge_unbroken_note_lays_out_only_what_can_show(qtbot, state, tmp_path, monkeypatch, empty_project):
    from PySide6.QtGui import QTextLayout

    from kompetencedialog_desktop.ui import note_item

    laid_out = []

    class Recording(QTextLayout):
        def __init__(self, text, font):
            laid_out.append(len(text))
            super().__init__(text, font)

    monkeypatch.setattr(note_item, "QTextLayout", Recording)
    fat = "æ" * 99_000
    project = empty_project.model_copy(deep=True)
    project.notes.append(Note(id="fed", board="strategi-1", x=100, y=300, text=fat))
    path = tmp_path / "fed.kdlg"
    save_project(project, path)
    win = open_window(qtbot, size=(1400, 900))
    try:
        assert win.files.open(path)
        win.current_page().view.grab()
        from kompetencedialog_desktop.ui.note_item import NoteItem

        [item] = [i for i in win.current_page().scene.items() if isinstance(i, NoteItem)]
        assert laid_out and max(laid_out) <= 2 * note_item.MIN_SHOWN_CHARS
        assert win.files.document.project.notes[0].text == fat  # the model keeps every letter
        assert item.text == fat and item.toolTip().endswith(fat)
    finally:
        close_window(win)
    assert "\u00ad" not in note_item.hyphenated("kompetence" * 10)  # no Danish word is 100 letters
    assert "\u00ad" in note_item.hyphenated("kompetenceudvikling")


# --- 6. command-line values the workshop refuses ------------------------------------------------
@pytest.mark.parametrize("title,words", [("x" * 600, "for lang (600 tegn; højst 500)"),
                                         (os.fsdecode(b"k\xf8benhavn"), "ikke gyldig tekst"),
                                         ("a\x1b[31mrød", "styretegn"), ("to\nlinjer", "styretegn")])
@pytest.mark.parametrize("example_flag", [[], ["--example"]])
def test_new_with_a_bad_title_is_one_danish_line(tmp_path, capsys, title, words, example_flag):
    from kompetencedialog_desktop.cli import main

    out = tmp_path / "ny.kdlg"
    assert main(["new", "--workshop", "strategi", "-o", str(out), "--title", title, *example_flag]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and err.startswith("kompetencedialog: --title") and not out.exists()


def test_evaluate_with_bad_mus_text_is_one_danish_line(tmp_path, capsys, example, grus_example):
    from kompetencedialog_desktop.cli import main

    strategy, grus = tmp_path / "s.kdlg", tmp_path / "g.kdlg"
    save_project(example, strategy)
    save_project(grus_example, grus)
    for mus in (f"{grus_example.group}=" + os.fsdecode(b"\xf8"), f"{grus_example.group}=" + "x" * 200_000):
        code = main(["evaluate", str(strategy), "--grus", str(grus), "--mus", mus, "-o", str(tmp_path / "r.docx")])
        err = capsys.readouterr().err
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err and "should" not in err, err


# --- 7. a damaged settings file ----------------------------------------------------------------
@pytest.mark.parametrize("window", [{"geometry": "æøå"}, {"geometry": "!!!"}, {"geometry": 5, "panel_width": True},
                                    {"geometry": "AAAA", "panel_visible": "nej", "panel_width": -3}, "x"])
def test_a_damaged_settings_file_never_stops_the_start(qtbot, tmp_path, monkeypatch, window):
    from kompetencedialog_desktop.storage import settings

    good = tmp_path / "god.kdlg"
    stored = tmp_path / "settings.json"
    monkeypatch.setattr(settings, "_settings_path", lambda: stored)
    stored.write_text(json.dumps({"window": window, "recent": ["/tmp/a\u0000b.kdlg", "/tmp/\ud800.kdlg", 7, "relativ.kdlg",
                                                                str(good), "/" + "x" * 5000]}), encoding="utf-8")
    win = open_window(qtbot, size=(1400, 900))
    try:
        win.layout_memory.restore()
        assert win.files.recent() == [good]
    finally:
        close_window(win)


def test_deeply_nested_settings_are_ignored(tmp_path, monkeypatch):
    from kompetencedialog_desktop.storage import settings

    stored = tmp_path / "settings.json"
    monkeypatch.setattr(settings, "_settings_path", lambda: stored)
    stored.write_text("[" * 100_000, encoding="utf-8")
    assert settings.recent_files() == [] and settings.window_settings()["geometry"] is None


# --- 9. exports never overwrite a workshop's backup ----------------------------------------------
def test_exports_never_overwrite_the_workshops_backup(tmp_path, capsys, example):
    from kompetencedialog_desktop.cli import main

    path = tmp_path / "w.kdlg"
    save_project(example, path)
    save_project(example, path)
    backup = tmp_path / "w.kdlg.bak"
    before = backup.read_bytes()
    assert main(["export", str(path), "--docx", str(backup), "--no-pictures"]) == 1
    assert "sikkerhedskopien" in capsys.readouterr().err
    pngs = tmp_path / "pngs"
    pngs.mkdir()
    (pngs / "strategi-1.png").symlink_to(backup)
    assert main(["export", str(path), "--png", str(pngs)]) == 1
    err = capsys.readouterr().err
    assert "sikkerhedskopien" in err and err.count("\n") == 1
    assert backup.read_bytes() == before


# --- 10. control characters in one-line fields -----------------------------------------------------
@pytest.mark.parametrize("field,value", [("title", "a\x1b[31mrød"), ("group", "to\nlinjer"),
                                         ("participants", ["Eva\x9b2J"])])
def test_one_line_fields_with_control_characters_are_refused_naming_the_field(tmp_path, capsys, example,
                                                                             field, value):
    from kompetencedialog_desktop.cli import main

    data = json.loads(dump_project(example))
    data["workshop"][field] = value
    data["workshop"]["notes"][0]["id"] = "id\x07"
    path = tmp_path / "styretegn.kdlg"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"workshop.{field}" in err and "styretegn" in err and "\x1b" not in err and err.count("\n") == 1
    assert "workshop.notes[0].id" in err


def test_check_prints_nothing_that_steers_the_terminal(tmp_path, capsys, example):
    from kompetencedialog_desktop.cli import main

    path = tmp_path / os.fsdecode(b"esc\x1b[31m-\xf8.kdlg")
    save_project(example, path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\udcf8" not in out and "Fil:       " in out


def test_typed_plan_lines_are_cleaned_not_refused(empty_project):
    from kompetencedialog_desktop.model import plan_operations as plan_ops

    plan_ops.set_plan_text(empty_project, "adopted", "15. december\n2026\x1b")
    assert empty_project.plan.adopted == "15. december 2026"


# --- 11. no English in the loader's refusals ---------------------------------------------------------
_V1 = '{"format": "kompetencedialog-projekt", "schema_version": 1, "project": {"kind": "strategi", "title": "gammel", '


@pytest.mark.parametrize("text,words", [
    ('{"format": "kompetencedialog-projekt", "schema_version": ' + "1" * 5000 + ', "workshop": {}}', "for mange cifre"),
    ('{"format": "kompetencedialog-projekt", "schema_version": ' + "9" * 4000 + ', "workshop": {}}', "meget høj"),
    (_V1 + '"boards": {"strategi-1": null}}}', "kunne ikke opgraderes fra skemaversion 1: "),
    (_V1 + '"boards": {"strategi-1": [{"id": "a", "text": "hej", "pos": [1, 2, 3], "colour": "pink"}]}}}',
     "kunne ikke opgraderes fra skemaversion 1: "),
])
def test_loader_refusals_are_danish_only(tmp_path, text, words):
    import re

    path = tmp_path / "fjendtlig.kdlg"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Exception) as caught:
        load_project(path)
    message = str(caught.value)
    assert words in message and len(message) < 400
    assert not re.search(r"Error|Exceeds|limit|digits|value has", message), message


# --- 12. the window's error dialogs keep the one-line rule ------------------------------------------
@pytest.mark.parametrize("text", [
    '{"format": "kompetencedialog-projekt", "schema_version": 99, "app_version": "9.9\\nline2 \\u001b[31mRED", "workshop": {}}',
    '{"format": "andet\\n\\u001b[2Jformat", "schema_version": 4, "workshop": {}}',
    '{"format": "kompetencedialog-projekt", "a\\nb\\u001b": 1, "a\\nb\\u001b": 2}',
])
def test_gui_error_dialogs_are_one_clean_line(qtbot, state, tmp_path, monkeypatch, text):
    path = tmp_path / "fjendtlig.kdlg"
    path.write_text(text, encoding="utf-8")
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append(message))
    win = open_window(qtbot, size=(1400, 900))
    try:
        assert not win.files.open(path)
        [message] = shown
        assert "\n" not in message and "\x1b" not in message and message.startswith("Kan ikke åbne")
    finally:
        close_window(win)


# --- 13. new -o onto a dangling link or a link loop --------------------------------------------------
def test_new_never_writes_through_a_dangling_link_or_replaces_a_loop(tmp_path, capsys):
    from kompetencedialog_desktop.cli import main

    dangling = tmp_path / "dangling.kdlg"
    dangling.symlink_to(tmp_path / "nowhere.kdlg")
    (tmp_path / "loop1.kdlg").symlink_to(tmp_path / "loop2.kdlg")
    (tmp_path / "loop2.kdlg").symlink_to(tmp_path / "loop1.kdlg")
    for name in ("dangling.kdlg", "loop1.kdlg"):
        assert main(["new", "--workshop", "grus", "-o", str(tmp_path / name)]) == 1
        assert "findes allerede" in capsys.readouterr().err
    assert not (tmp_path / "nowhere.kdlg").exists()
    assert (tmp_path / "loop1.kdlg").is_symlink() and os.readlink(tmp_path / "loop1.kdlg") == str(tmp_path / "loop2.kdlg")


# --- 14. a folder named like the backup ------------------------------------------------------------
def test_a_folder_named_like_the_backup_is_named_in_the_message(qtbot, state, tmp_path, monkeypatch, example):
    path = tmp_path / "w.kdlg"
    save_project(example, path)
    (tmp_path / "w.kdlg.bak").mkdir()
    before = path.read_bytes()
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or False)
    win = open_window(qtbot, size=(1400, 900))
    try:
        assert win.files.open(path)
        _add(win.files.document, "ny", "ny")
        assert not win.files.save()
        assert "sikkerhedskopien »w.kdlg.bak«" in asked[0] and "mappe" in asked[0]
        assert path.read_bytes() == before and win.files.document.modified
    finally:
        close_window(win)
