"""Hostile files and folders (issue 15): links, locks, output onto input, odd files, long names,
full disks, crafted locks, other platforms. Each test reproduces one finding of the hostile-input run."""

from __future__ import annotations

import errno
import json
import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from docx import Document

from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.storage import atomic, lock
from kompetencedialog_desktop.storage import project_file as pf
from kompetencedialog_desktop.storage.errors import os_error_reason
from kompetencedialog_desktop.storage.project_file import (
    LoadError,
    SaveError,
    dump_project,
    load_project,
    save_error_message,
    save_project,
)
from kompetencedialog_desktop.ui import dialogs

from .conftest import close_window, open_window

PYTHON = sys.executable


def _run(*args, env=None, timeout=120, **kwargs):
    return subprocess.run([PYTHON, "-m", "kompetencedialog_desktop", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=timeout, **kwargs)


def _one_danish_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("kompetencedialog: ") and "Traceback" not in err


@pytest.fixture
def state(tmp_path, monkeypatch):
    folder = tmp_path / "autosave"
    monkeypatch.setattr("kompetencedialog_desktop.storage.autosave.autosave_dir", lambda: folder)
    return folder


@pytest.fixture
def win(qtbot, state):
    window = open_window(qtbot, size=(1400, 900))
    yield window
    close_window(window)


def _type(win, qtbot, text):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    line = win.current_page().entry.line
    qtbot.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


# --- 1. the lock never follows a link -------------------------------------------------------------
def test_lock_that_is_a_link_is_never_written_through_or_removed(win, tmp_path, example):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    victim = tmp_path / "andet" / "vigtig.txt"
    victim.parent.mkdir()
    victim.write_text("må ikke overskrives", encoding="utf-8")
    lock.lock_path(path).symlink_to(victim)
    assert win.files.open(path)
    assert victim.read_text(encoding="utf-8") == "må ikke overskrives"
    assert not lock.acquire(path)  # a foreign lock is left alone
    win.files.shutdown()
    assert lock.lock_path(path).is_symlink() and victim.read_text(encoding="utf-8") == "må ikke overskrives"


def test_dangling_lock_link_creates_no_file(win, tmp_path, example):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    elsewhere = tmp_path / "ude" / "ny-fil"
    elsewhere.parent.mkdir()
    lock.lock_path(path).symlink_to(elsewhere)
    assert win.files.open(path)
    win.files.shutdown()
    assert not elsewhere.exists() and lock.lock_path(path).is_symlink()


@pytest.mark.parametrize("kind", ["folder", "big"])
def test_lock_that_is_not_a_small_regular_file_is_foreign(tmp_path, kind):
    path = tmp_path / "ws.kdlg"
    target = lock.lock_path(path)
    if kind == "folder":
        target.mkdir()
    else:
        target.write_text(json.dumps({"pid": os.getpid(), "host": lock.HOST, "user": "x" * 100_000,
                                      "since": "2026-11-25T09:00:00+00:00"}), encoding="utf-8")
    before = target.stat().st_mtime_ns
    assert lock.read_lock(path) is None and not lock.acquire(path)
    lock.release(path)
    assert target.exists() and target.stat().st_mtime_ns == before


# --- 2. an export never replaces its input ---------------------------------------------------------
def test_export_onto_its_own_input_is_refused(tmp_path, capsys, example):
    src = tmp_path / "S.kdlg"
    save_project(example, src)
    before = src.read_bytes()
    link = tmp_path / "rapport.docx"
    link.symlink_to(src)
    other = tmp_path / "andet.kdlg"
    for args in (["--docx", src], ["--pdf", src], ["--docx", link], ["--docx", other], ["--docx", tmp_path / "X.KDLG"]):
        assert main(["export", str(src), *map(str, args)]) == 1, args
        err = capsys.readouterr().err
        assert _one_danish_line(err) and "Intet er skrevet" in err, err
    assert src.read_bytes() == before and link.is_symlink() and not other.exists()
    assert not (tmp_path / ".bak").exists() and not list(tmp_path.glob("*.bak"))


def test_evaluate_onto_an_input_is_refused(tmp_path, capsys, example, grus_example):
    strategy, grus = tmp_path / "S.kdlg", tmp_path / "G.kdlg"
    save_project(example, strategy)
    save_project(grus_example, grus)
    before = {p: p.read_bytes() for p in (strategy, grus)}
    for out in (strategy, grus, tmp_path / "ny.kdlg"):
        assert main(["evaluate", str(strategy), "--grus", str(grus), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert _one_danish_line(err) and "Intet er skrevet" in err, err
    assert {p: p.read_bytes() for p in before} == before and not (tmp_path / "ny.kdlg").exists()


def test_gui_export_onto_the_open_workshop_is_refused(win, tmp_path, monkeypatch, example):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    assert win.files.open(path)
    before = path.read_bytes()
    link = tmp_path / "ws.docx"
    link.symlink_to(path)
    errors = []
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: link)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    assert win.exports.export_word() is None
    assert path.read_bytes() == before and "workshoppens egen fil" in errors[0]


# --- 3. a linked project file is saved through the link ----------------------------------------------
def test_saving_a_linked_project_writes_the_real_file(win, qtbot, tmp_path, example):
    real = tmp_path / "synkroniseret" / "workshop.kdlg"
    real.parent.mkdir()
    save_project(example, real)
    link = tmp_path / "skrivebord" / "workshop.kdlg"
    link.parent.mkdir()
    link.symlink_to(real)
    assert win.files.open(link)
    _type(win, qtbot, "Skal nå den rigtige fil")
    assert win.files.save()
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert load_project(real).notes[-1].text == "Skal nå den rigtige fil"
    assert (real.parent / "workshop.kdlg.bak").exists() and not (link.parent / "workshop.kdlg.bak").exists()


# --- 4. a write-protected project file is only replaced when the user says so ---------------------------
def test_write_protected_file_asks_before_saving(win, qtbot, tmp_path, monkeypatch, example):
    path = tmp_path / "beskyttet.kdlg"
    save_project(example, path)
    path.chmod(0o444)
    before = path.read_bytes()
    assert win.files.open(path)
    _type(win, qtbot, "Ændring")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or False)
    assert not win.files.save()
    assert "skrivebeskyttet" in asked[0] and path.read_bytes() == before and win.isWindowModified()
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or True)
    assert win.files.save()
    assert load_project(path).notes[-1].text == "Ændring" and path.stat().st_mode & 0o777 == 0o444


def test_storage_refuses_a_write_protected_file_unless_told(tmp_path, example):
    path = tmp_path / "beskyttet.kdlg"
    save_project(example, path)
    path.chmod(0o444)
    with pytest.raises(pf.ReadOnlyFileError, match="skrivebeskyttet"):
        save_project(example, path)
    save_project(example, path, overwrite_read_only=True)


@pytest.fixture
def copenhagen_time():
    """East of UTC, where year 9999 overflows when shown in local time."""
    import time

    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Copenhagen"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


# --- 5. crafted locks never stop anyone opening ---------------------------------------------------
CRAFTED_LOCKS = {
    "huge_pid": {"pid": 2147483648, "host": lock.HOST, "user": "x", "since": "2026-11-25T09:00:00+00:00"},
    "init": {"pid": 1, "host": lock.HOST, "user": "x", "since": "2026-11-25T09:00:00+00:00"},
    "year_9999": {"pid": os.getppid(), "host": lock.HOST, "user": "x", "since": "9999-12-31T23:59:59+00:00"},
    "year_9999_naive": {"pid": os.getppid(), "host": lock.HOST, "user": "x", "since": "9999-12-31T23:59:59"},
    "long_user": {"pid": os.getppid(), "host": "h" * 3000, "user": "u\n" * 1500, "since": "nu"},
    "types": {"pid": True, "host": ["x"], "user": {"a": 1}, "since": 5},
    "negative": {"pid": -1, "host": lock.HOST, "user": "x", "since": "2026-11-25T09:00:00+00:00"},
    "list": [1, 2, 3],
}


@pytest.mark.parametrize("kind", sorted(CRAFTED_LOCKS))
def test_crafted_lock_never_blocks_opening(win, tmp_path, monkeypatch, example, kind, copenhagen_time):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    lock.lock_path(path).write_text(json.dumps(CRAFTED_LOCKS[kind]), encoding="utf-8")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or True)
    assert win.files.open(path)
    for text in asked:
        assert len(text) < 400 and text.count("\n") <= 2, text
    if kind in ("huge_pid", "init", "negative", "types", "list"):
        assert asked == []  # no live process of ours can hold it: taken over
        assert '"pid": %d' % os.getpid() in lock.lock_path(path).read_text(encoding="utf-8")


# --- 6. control characters reach Word only cleaned -----------------------------------------------
def test_control_characters_in_every_field_export_cleanly(tmp_path, capsys, example, grus_example):
    dirty = "\x01Sted\x0b med\x1f styretegn\x08"
    for project in (example, grus_example):
        project.notes[0].text = dirty  # multi-line text may hold them; one-line fields refuse them on load
    strategy, grus = tmp_path / "S.kdlg", tmp_path / "G.kdlg"
    save_project(example, strategy)
    save_project(grus_example, grus)
    outputs = [tmp_path / n for n in ("s.docx", "mus.docx", "eval.docx")]
    assert main(["export", str(strategy), "--docx", str(outputs[0]), "--no-pictures"]) == 0
    assert main(["export", str(grus), "--mus-docx", str(outputs[1])]) == 0
    assert main(["evaluate", str(strategy), "--grus", str(grus), "--mus", f"{grus_example.group}=\x02tekst",
                 "-o", str(outputs[2])]) == 0
    for out in outputs:
        doc = Document(str(out))
        assert all("\x01" not in p.text and "\x02" not in p.text for p in doc.paragraphs)


# --- 7. only regular files are read -------------------------------------------------------------------
def _limited():
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


@pytest.mark.parametrize("kind", ["fifo", "device", "device_named_kdlg"])
def test_fifo_or_device_is_refused_at_once(tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "rør.kdlg"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "nul.kdlg"
        path.symlink_to("/dev/zero")
    run = _run("check", path, timeout=60, preexec_fn=_limited)
    assert run.returncode == 1 and _one_danish_line(run.stderr) and "ikke en almindelig fil" in run.stderr, run.stderr


def test_gui_open_of_a_fifo_says_why(win, tmp_path, monkeypatch):
    path = tmp_path / "rør.kdlg"
    os.mkfifo(path)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    assert not win.files.open(path)
    assert "ikke en almindelig fil" in errors[0]


# --- 8. no screen is needed for the command line; the GUI says so in Danish -----------------------------
def _no_screen_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":999", XDG_RUNTIME_DIR=str(tmp_path))
    return env


def test_command_line_export_ignores_a_stale_display(tmp_path, example):
    src = tmp_path / "S.kdlg"
    save_project(example, src)
    run = _run("export", src, "--docx", tmp_path / "u.docx", "--pdf", tmp_path / "u.pdf", env=_no_screen_env(tmp_path))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "u.docx").stat().st_size > 10_000 and (tmp_path / "u.pdf").exists()


def test_gui_without_a_display_says_so_in_one_danish_line(tmp_path):
    env = _no_screen_env(tmp_path)
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name)
    run = _run(env=env)
    assert run.returncode == 1 and _one_danish_line(run.stderr) and "skærm" in run.stderr, run.stderr


# --- 9. limits: file size, size of the JSON, number of notes ---------------------------------------
def _project_json(example, notes: int) -> bytes:
    data = json.loads(dump_project(example))
    template = data["workshop"]["notes"][0]
    data["workshop"]["notes"] = [dict(template, id=f"n{i}") for i in range(notes)]
    return json.dumps(data).encode("utf-8")


def test_too_big_file_is_refused_before_reading(tmp_path, monkeypatch, capsys):
    path = tmp_path / "kæmpe.kdlg"
    with open(path, "wb") as handle:
        handle.truncate(pf.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert _one_danish_line(err) and "for stor" in err and "højst 50 MB" in err


def test_more_notes_than_a_workshop_ever_has_are_refused(tmp_path, capsys, example):
    from kompetencedialog_desktop.storage.project_file import MAX_NOTES

    path = tmp_path / "mange.kdlg"
    path.write_bytes(_project_json(example, MAX_NOTES + 1))
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert _one_danish_line(err) and f"{MAX_NOTES:,}".replace(",", ".") in err, err


def test_a_file_of_tiny_json_items_is_refused_before_parsing(tmp_path, example, monkeypatch):
    from kompetencedialog_desktop.storage import project_file

    data = json.loads(dump_project(example))
    data["workshop"]["padding"] = [0] * 5_000_000  # 10 MB of ints: ~40 MB as Python objects
    path = tmp_path / "fyld.kdlg"
    path.write_bytes(json.dumps(data, separators=(",", ":")).encode())
    parsed = []
    monkeypatch.setattr(project_file.json, "loads", lambda *a, **k: parsed.append(1))
    with pytest.raises(LoadError, match="for mange"):
        load_project(path)
    assert parsed == []


# --- 10. no tracebacks at the edges --------------------------------------------------------------------
def test_new_with_a_too_long_name_is_one_danish_line(tmp_path, capsys):
    assert main(["new", "--workshop", "grus", "-o", str(tmp_path / ("x" * 256))]) == 1
    err = capsys.readouterr().err
    assert _one_danish_line(err) and "filnavnet er for langt" in err


def test_output_to_a_closed_pipe_is_no_traceback(example, tmp_path):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    for args in (["check", path], ["schema"]):
        child = subprocess.Popen([PYTHON, "-m", "kompetencedialog_desktop", *map(str, args)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        child.stdout.close()  # like `| head -c1` that has already exited
        err = child.stderr.read().decode()
        child.wait(60)
        assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


def test_a_reader_that_goes_away_stops_the_printing_not_the_export(example, tmp_path):
    """`kompetencedialog export FIL --docx … --png MAPPE | head -c 20`: every file is still written."""
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    out = tmp_path / "ud"
    child = subprocess.Popen([PYTHON, "-m", "kompetencedialog_desktop", "export", str(path), "--docx", str(tmp_path / "a.docx"),
                              "--pdf", str(tmp_path / "a.pdf"), "--png", str(out)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    child.stdout.close()  # the reader has gone before the first line
    err = child.stderr.read().decode()
    assert child.wait(120) == 0, err
    assert err == ""
    assert (tmp_path / "a.docx").stat().st_size and (tmp_path / "a.pdf").stat().st_size
    assert sorted(p.name for p in out.iterdir()) == ["strategi-1.png", "strategi-2.png", "strategi-3.png"]


# --- 11. two programs saving the same file ----------------------------------------------------------
def test_two_programs_saving_at_once_both_succeed(tmp_path, monkeypatch, example):
    path = tmp_path / "delt.kdlg"
    save_project(example, path)
    real_replace = os.replace
    other_saved = []

    def interleaved(src, dst):
        # The other program saves the same file between our staging and our rename.
        if str(dst).endswith(".bak") and not other_saved:
            other_saved.append(1)
            save_project(example, path)
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", interleaved)
    save_project(example, path)
    assert other_saved and load_project(path) == example
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_temp_names_are_unique_and_short(tmp_path):
    path = tmp_path / ("å" * 120 + ".kdlg")  # 245 bytes
    names = {atomic.temp_path(path).name for _ in range(200)}
    assert len(names) == 200 and all(len(n.encode()) <= 255 for n in names)


# --- 12. every system reason in Danish, one line ----------------------------------------------------------
@pytest.mark.parametrize("code", [errno.EEXIST, errno.ENOSPC, errno.ENAMETOOLONG, errno.EIO, errno.ELOOP,
                                  errno.EBUSY, errno.EMFILE, errno.EXDEV, errno.ENOTEMPTY, errno.EINVAL, 199])
def test_os_reasons_are_danish(code):
    reason = os_error_reason(OSError(code, os.strerror(code)))
    assert os.strerror(code) not in reason and reason and "\n" not in reason


def test_autosave_failure_message_is_danish(qtbot, state):
    from kompetencedialog_desktop.ui.autosave_controller import AutosaveController

    controller = AutosaveController()
    with qtbot.waitSignal(controller.failed) as signal:
        controller.writer.on_error(OSError(errno.ENOSPC, "No space left on device"))
    assert "disken er fuld" in signal.args[0] and "No space" not in signal.args[0]


def test_a_newline_in_a_file_name_keeps_messages_on_one_line(tmp_path, capsys):
    path = tmp_path / "to\nlinjer.kdlg"
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert _one_danish_line(err) and "findes ikke" in err
    assert "\n" not in save_error_message(path, OSError(errno.EEXIST, "File exists"))
    assert "File exists" not in save_error_message(path, OSError(errno.EEXIST, "File exists"))


# --- 13. the longest names still save in place -------------------------------------------------------------
@pytest.mark.parametrize("length", [250, 255])
def test_longest_file_name_saves_in_place(tmp_path, example, length):
    path = tmp_path / ("n" * (length - 5) + ".kdlg")
    save_project(example, path)
    save_project(example, path)
    assert load_project(path) == example
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    [backup] = tmp_path.glob("*.bak")
    assert backup.name.endswith(".kdlg.bak") and load_project(backup) == example
    assert lock.acquire(path) and lock.read_lock(path) is None  # our own lock, beside it
    lock.release(path)
    assert sorted(tmp_path.iterdir()) == sorted([path, backup])


# --- 14. our own stale temp files are cleaned up ---------------------------------------------------------
def test_stale_temp_files_go_on_the_next_save(tmp_path, example):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    dead = atomic.temp_path(path, pid=2_000_000_000)  # a process that cannot exist
    dead.write_bytes(b"{halv")
    old_style = tmp_path / ".ws.kdlg.ab12cd34.tmp"  # from before this version
    old_style.write_bytes(b"{halv")
    os.utime(old_style, (1, 1))
    live = atomic.temp_path(path)  # our own, being written now
    live.write_bytes(b"{")
    foreign = tmp_path / ".andet.kdlg.x.tmp"
    foreign.write_bytes(b"x")
    save_project(example, path)
    assert not dead.exists() and not old_style.exists()
    assert live.exists() and foreign.exists()


def test_stale_autosave_temp_files_go_at_start(state, example):
    from kompetencedialog_desktop.storage.autosave import AutosaveStore, SnapshotInfo

    store = AutosaveStore(state)
    store.write("unavngivet-x", dump_project(example), SnapshotInfo.of(example), None)
    dead = atomic.temp_path(state / "unavngivet-x.kdlg", pid=2_000_000_000)
    dead.write_bytes(b"{")
    assert len(store.entries()) == 1
    assert not dead.exists()


# --- 17. whether the lock's owner lives: the platform's own call ---------------------------------------
class FakeKernel32:
    """Windows' OpenProcess/GetExitCodeProcess as ctypes exposes them, for a made-up process table."""

    STILL_ACTIVE = 259

    def __init__(self, table):
        self.table, self.calls, self.closed = table, [], []
        self.last_error = 0

    def OpenProcess(self, access, inherit, pid):  # noqa: N802 - Windows' name
        self.calls.append(("OpenProcess", access, pid))
        state = self.table.get(pid)
        if state is None:
            self.last_error = 87  # ERROR_INVALID_PARAMETER: no such process
            return 0
        if state == "denied":
            self.last_error = 5  # ERROR_ACCESS_DENIED: exists, another user's
            return 0
        return 1000 + pid

    def GetExitCodeProcess(self, handle, code_ref):  # noqa: N802
        code_ref._obj.value = self.STILL_ACTIVE if self.table[handle - 1000] == "running" else 0
        return 1

    def CloseHandle(self, handle):  # noqa: N802
        self.closed.append(handle)
        return 1

    def GetLastError(self):  # noqa: N802
        return self.last_error


def test_windows_liveness_uses_openprocess_never_kill(monkeypatch):
    kernel = FakeKernel32({10: "running", 11: "exited", 12: "denied"})
    monkeypatch.setattr(os, "kill", lambda *a: pytest.fail("os.kill sends Ctrl+C on Windows"))
    alive = lambda pid: lock.windows_process_alive(pid, kernel)  # noqa: E731
    assert [alive(10), alive(11), alive(12), alive(13)] == [True, False, True, False]
    assert kernel.closed == [1010, 1011]  # every handle opened is closed
    assert lock.liveness_check("nt") is lock.windows_process_alive


def test_posix_liveness_uses_signal_zero(monkeypatch):
    sent = []

    def fake_kill(pid, sig):
        sent.append((pid, sig))
        if pid == 20:
            raise ProcessLookupError
        if pid == 21:
            raise PermissionError

    monkeypatch.setattr(os, "kill", fake_kill)
    assert [lock.posix_process_alive(p) for p in (19, 20, 21)] == [True, False, True]
    assert sent == [(19, 0), (20, 0), (21, 0)]
    assert lock.liveness_check("posix") is lock.posix_process_alive
    assert lock.process_alive(os.getpid()) and not lock.process_alive(2**31) and not lock.process_alive(0)


# --- Windows: a file held open by another program -----------------------------------------------------
def test_windows_replace_is_retried_then_raised(tmp_path, monkeypatch, example):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    real_replace, attempts, waits = os.replace, [], []

    def held_open(src, dst):
        attempts.append(dst)
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "Adgang nægtet")  # antivirus/Word has the file open
        real_replace(src, dst)

    monkeypatch.setattr(atomic, "IS_WINDOWS", True)
    monkeypatch.setattr(atomic, "_sleep", waits.append)
    monkeypatch.setattr(atomic.os, "replace", held_open)
    save_project(example, path, backup=False)
    assert len(attempts) == 3 and len(waits) == 2
    before = path.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "x")))
    waits.clear()
    with pytest.raises(SaveError, match="åben i et andet program"):
        save_project(example, path, backup=False)
    assert 0.5 <= sum(waits) <= 1.5 and path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_posix_permission_error_is_not_retried(tmp_path, monkeypatch, example):
    path = tmp_path / "ws.kdlg"
    waits = []
    monkeypatch.setattr(atomic, "IS_WINDOWS", False)
    monkeypatch.setattr(atomic, "_sleep", waits.append)
    monkeypatch.setattr(atomic.os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "x")))
    with pytest.raises(SaveError):
        save_project(example, path)
    assert waits == []


def test_threads_saving_one_file_never_fail(tmp_path, example):
    """Two writers hammering one file (the 33-in-3,000 failure), in-process."""
    path = tmp_path / "delt.kdlg"
    save_project(example, path)
    failures = []

    def hammer():
        for _ in range(60):
            try:
                save_project(example, path)
            except SaveError as exc:
                failures.append(str(exc))

    threads = [threading.Thread(target=hammer) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == [] and load_project(path) == example


def test_windows_file_held_open_offers_save_as_in_the_window(win, qtbot, tmp_path, monkeypatch, example):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    before = path.read_bytes()
    assert win.files.open(path)
    _type(win, qtbot, "Word har filen åben")
    monkeypatch.setattr(atomic, "IS_WINDOWS", True)
    monkeypatch.setattr(atomic, "_sleep", lambda seconds: None)
    monkeypatch.setattr(atomic.os, "replace", lambda s, d: (_ for _ in ()).throw(PermissionError(13, "x")))
    questions = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: questions.append(text) or False)
    assert not win.files.save()
    assert "åben i et andet program" in questions[0] and "et andet sted" in questions[0]
    assert path.read_bytes() == before and win.isWindowModified()
