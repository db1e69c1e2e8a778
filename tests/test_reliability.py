"""Nothing is ever lost: autosave, recovery, the lock, write faults and a session without sockets."""

from __future__ import annotations

import errno
import os
import socket
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kompetencedialog_desktop.storage import atomic, lock
from kompetencedialog_desktop.storage.autosave import AutosaveStore, SnapshotInfo
from kompetencedialog_desktop.storage.project_file import load_project, save_project
from kompetencedialog_desktop.ui import dialogs
from kompetencedialog_desktop.ui.autosave_controller import AutosaveController
from kompetencedialog_desktop.ui.main_window import MainWindow

from .conftest import close_window, open_window


@pytest.fixture
def state(tmp_path, monkeypatch):
    folder = tmp_path / "autosave"
    monkeypatch.setattr("kompetencedialog_desktop.storage.autosave.autosave_dir", lambda: folder)
    return folder


def _window(qtbot):
    return open_window(qtbot, size=(1400, 900))


_close = close_window


def _type(win, qtbot, text):
    line = win.current_page().entry.line
    qtbot.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def _snapshot_has(store: AutosaveStore, texts: list[str]) -> bool:
    entries = store.entries()
    if not entries:
        return False
    try:
        notes = [n.text for n in store.load(entries[0]).notes]
    except Exception:
        return False
    return all(t in notes for t in texts)


def test_untitled_edits_reach_disk_within_a_second_and_privately(qtbot, state):
    win = _window(qtbot)
    try:
        win.files.new("grus")
        _type(win, qtbot, "Første pointe")
        store = win.files.autosave.store
        qtbot.waitUntil(lambda: _snapshot_has(store, ["Første pointe"]), timeout=1000)
        # The writer writes the snapshot first and its card second: wait for that job to finish
        # before looking at the card (asserting it at once failed about one run in four).
        assert win.files.autosave.writer.wait_idle()
        [entry] = store.entries()
        assert entry.original is None and entry.key.startswith("unavngivet-")
        assert entry.snapshot.stat().st_mode & 0o777 == 0o600
        assert (state / f"{entry.key}.json").stat().st_mode & 0o777 == 0o600
    finally:
        _close(win)


def test_crash_then_restore_exactly_decline_keeps_discard_removes(qtbot, state, tmp_path, monkeypatch):
    path = tmp_path / "møde.kdlg"
    crashed = _window(qtbot)
    crashed.files.new_example("strategi")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    crashed.files.save()
    for text in ("Ny efter gem", "Og en til"):
        _type(crashed, qtbot, text)
    store = crashed.files.autosave.store
    qtbot.waitUntil(lambda: _snapshot_has(store, ["Ny efter gem", "Og en til"]), timeout=1000)
    expected = crashed.files.document.project.model_dump()
    crashed.files.autosave.writer.wait_idle()
    lock.release(path)  # a crashed process's lock is stale; release() stands in for the dead pid
    crashed.deleteLater()  # no closeEvent: the process "died"

    later = _window(qtbot)
    try:
        assert len(later.files.recoverable()) == 1
        asked = []
        monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, text: asked.append(text) or "later")
        assert not later.offer_recovery()
        assert "møde.kdlg" in asked[0] and "post-its" in asked[0] and len(store.entries()) == 1  # kept
        monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, text: "restore")
        assert later.offer_recovery()
        document = later.files.document
        assert document.project.model_dump() == expected and document.modified and document.path == path
        assert later.isWindowModified()
        assert later.files.save()  # a clean save removes the recovery data
        qtbot.waitUntil(lambda: not store.entries(), timeout=1000)
        assert load_project(path).model_dump() == expected
    finally:
        _close(later)


def test_discarding_recovery_removes_it(qtbot, state, monkeypatch):
    store = AutosaveStore(state)
    from kompetencedialog_desktop.model.project import Project
    from kompetencedialog_desktop.storage.project_file import dump_project

    project = Project(workshop="grus", title="Efterladt")
    store.write("unavngivet-abc", dump_project(project), SnapshotInfo.of(project), None)
    win = _window(qtbot)
    try:
        monkeypatch.setattr(dialogs, "ask_recovery", lambda parent, text: "discard")
        assert not win.offer_recovery()
        assert store.entries() == []
    finally:
        _close(win)


def test_clean_close_leaves_no_snapshot_or_lock(qtbot, state, tmp_path, monkeypatch):
    path = tmp_path / "ren.kdlg"
    win = _window(qtbot)
    win.files.new("strategi")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    _type(win, qtbot, "Gemmes")
    win.files.save()
    assert lock.lock_path(path).exists()
    win.close()
    assert not lock.lock_path(path).exists()
    assert AutosaveStore(state).entries() == []


def test_second_window_on_the_same_file_is_warned(qtbot, tmp_path, monkeypatch, example):
    path = tmp_path / "delt.kdlg"
    save_project(example, path)
    colleague = os.getppid()  # a process that is surely running (pid 1, init, is never ours)
    lock.lock_path(path).write_text(
        f'{{"pid": {colleague}, "host": "{lock.HOST}", "user": "kollega", "since": "2026-11-25T09:00:00+00:00"}}',
        encoding="utf-8")
    win = _window(qtbot)
    try:
        asked = []
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or False)
        assert not win.files.open(path)
        assert f"kollega på denne computer (proces {colleague})" in asked[0] and win.files.document is None
        # a stale lock (its process is gone) is taken over without a question
        lock.lock_path(path).write_text(
            f'{{"pid": 999999999, "host": "{lock.HOST}", "user": "x", "since": "2026-11-25T09:00:00+00:00"}}', encoding="utf-8")
        assert win.files.open(path) and len(asked) == 1
        assert lock.read_lock(path) is None and '"pid": %d' % os.getpid() in lock.lock_path(path).read_text()
    finally:
        _close(win)


@pytest.mark.parametrize("code,words", [(errno.ENOSPC, "disken er fuld"), (errno.EACCES, "skriveadgang"),
                                        (errno.EROFS, "skrivebeskyttet"), (errno.EDQUOT, "diskkvote")])
def test_write_faults_keep_the_workshop_and_the_old_file(qtbot, tmp_path, monkeypatch, code, words):
    path = tmp_path / "fejl.kdlg"
    win = _window(qtbot)
    try:
        win.files.new_example("grus")
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
        assert win.files.save()
        before = path.read_bytes()
        _type(win, qtbot, "Må ikke gå tabt")

        def failing_replace(src, dst):
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomic.os, "replace", failing_replace)
        questions = []
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: questions.append(text) or False)
        assert not win.files.save()
        assert words in questions[0] and "et andet sted" in questions[0]
        assert path.read_bytes() == before
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert win.files.document.project.notes[-1].text == "Må ikke gå tabt" and win.isWindowModified()
    finally:
        monkeypatch.undo()
        _close(win)


def test_folder_gone_while_open_then_save_as_elsewhere(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    path, rescue = folder / "ws.kdlg", tmp_path / "reddet.kdlg"
    win = _window(qtbot)
    try:
        win.files.new("strategi")
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
        assert win.files.save()
        _type(win, qtbot, "Skrevet efter at pinden blev trukket ud")
        (folder / "ws.kdlg").unlink()
        lock.lock_path(path).unlink()
        folder.rmdir()
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: "mappen findes ikke" in text)
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: rescue)
        assert win.files.save()
        assert load_project(rescue).notes[-1].text == "Skrevet efter at pinden blev trukket ud"
    finally:
        _close(win)


def test_non_ascii_paths(tmp_path, example):
    folder = tmp_path / "Ærø Kommune" / "mødér 🙂"
    folder.mkdir(parents=True)
    path = folder / "SU-møde åbent.kdlg"
    save_project(example, path)
    save_project(example, path)
    assert load_project(path) == example and (folder / "SU-møde åbent.kdlg.bak").exists()


def test_slow_disk_never_blocks_typing(qtbot, state):
    """The writer thread may hang on a network drive; the window keeps taking notes."""
    release = threading.Event()
    store = AutosaveStore(state)
    real_write = store.write

    def slow_write(*args, **kwargs):
        release.wait(10)
        real_write(*args, **kwargs)

    store.write = slow_write
    win = MainWindow()
    win.files.autosave = AutosaveController(store, parent=win.files)
    win.show()
    qtbot.waitExposed(win)
    try:
        win.files.new("grus")
        for i in range(5):
            _type(win, qtbot, f"Punkt {i}")
            win.files.autosave.flush()  # hands the bytes over and returns at once
        assert len(win.files.document.project.notes) == 5
        assert not win.files.autosave.writer.wait_idle(timeout=0.05)  # still writing …
        release.set()
        assert win.files.autosave.writer.wait_idle(timeout=5)
        assert [n.text for n in store.load(store.entries()[0]).notes] == [f"Punkt {i}" for i in range(5)]
    finally:
        release.set()
        _close(win)


def test_a_full_session_opens_no_socket(qtbot, tmp_path, monkeypatch, state):
    attempts = []

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            attempts.append(args)
            raise OSError("netværk er forbudt i Kompetencedialog")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: attempts.append(a) or NoSocket())
    win = _window(qtbot)
    try:
        win.files.new_example("strategi")
        _type(win, qtbot, "Ingen netværk")
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: tmp_path / "offline.kdlg")
        assert win.files.save()
        monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: tmp_path / "offline.docx")
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a: False)
        assert win.exports.export_word() == tmp_path / "offline.docx"
        win.toggle_projector()
        win.dock.session.toggle()
        win.dock.session.next_step()
        win.files.autosave.flush()
        win.files.autosave.writer.wait_idle()
        win.projector.close()
    finally:
        _close(win)
    assert attempts == []


def test_snapshot_whose_card_was_never_written_is_still_offered(state):
    """SIGKILL between writing the snapshot and its card (seen once in 1,000 kills)."""
    from kompetencedialog_desktop.model.project import Note, Project
    from kompetencedialog_desktop.storage.project_file import dump_project

    store = AutosaveStore(state)
    project = Project(workshop="strategi", title="Halvt skrevet")
    project.notes.append(Note(id="a", board="strategi-1", zone="kerneopgave", x=40, y=250, text="Reddet"))
    store.write("unavngivet-kort", dump_project(project), SnapshotInfo.of(project), None)
    (state / "unavngivet-kort.json").unlink()
    [entry] = store.entries()
    assert (entry.title, entry.notes, entry.original) == ("Halvt skrevet", 1, None)
    assert [n.text for n in store.load(entry).notes] == ["Reddet"]
    (state / "unavngivet-kort.kdlg").write_bytes(b"{ikke json")
    assert store.entries() == []  # unreadable: skipped, not deleted
    assert (state / "unavngivet-kort.kdlg").exists()
