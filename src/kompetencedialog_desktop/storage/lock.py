"""One writer per file: NAME.kdlg.lock beside the project says who has it open.

A lock whose process is gone (same machine, pid not running) is stale and taken over. Failing to
write a lock (read-only folder) never stops anyone from working.

Locks live in folders others can write to, so a lock is hostile input: it is never followed as a
link, a lock that is not a small regular file (a link, a folder, a huge file) is foreign and left
alone, and its fields are parsed defensively; a bad lock never keeps anyone from opening a file."""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import stat
from dataclasses import dataclass
from pathlib import Path

from .atomic import real_target, remove_stale_temps, sibling, temp_path
from .liveness import MAX_PID, liveness_check, posix_process_alive, process_alive, windows_process_alive

__all__ = ["HOST", "LockInfo", "acquire", "liveness_check", "lock_path", "posix_process_alive", "process_alive",
           "read_lock", "release", "windows_process_alive"]

HOST = socket.gethostname()  # a name lookup of our own machine; opens no connection
MAX_LOCK_BYTES = 4096  # ours are ~150 bytes
_SHOWN = 40  # characters of a user or host name shown in the question


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if ch.isprintable())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        """One short line: who, where, which process, since when (what can be told of it)."""
        who = _clean(self.user) or "en anden bruger"
        where = "på denne computer" if self.host == HOST else f"på {_clean(self.host) or 'en anden computer'}"
        text = f"{who} {where} (proces {self.pid})"
        try:
            when = dt.datetime.fromisoformat(self.since).astimezone().strftime("%d.%m.%Y kl. %H.%M")
        except (ValueError, OverflowError, OSError, TypeError):
            return text  # a time we cannot show (year 9999, garbage) is simply left out
        return f"{text} siden {when}"


def lock_path(path: Path) -> Path:
    """Beside the real file, so every link to one workshop shares one lock."""
    return sibling(real_target(Path(path)), ".lock")


def _read_small_regular(target: Path) -> tuple[str, bytes]:
    """('none', b''), ('foreign', b'') or ('ok', bytes). Never follows a link, never blocks."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return "none", b""
    except OSError:
        return "foreign", b""
    if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_LOCK_BYTES:
        return "foreign", b""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags)
    except FileNotFoundError:
        return "none", b""
    except OSError:
        return "foreign", b""
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return "foreign", b""
        data = os.read(fd, MAX_LOCK_BYTES + 1)
    except OSError:
        return "foreign", b""
    finally:
        os.close(fd)
    return ("foreign", b"") if len(data) > MAX_LOCK_BYTES else ("ok", data)


def _parse(data: bytes) -> LockInfo | None:
    """A lock that could be ours (a plausible pid, strings where strings belong), else None."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(raw, dict):
        return None
    pid = raw.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or not 1 < pid <= MAX_PID:
        return None  # pid 0/1 (init), negative or beyond a C int: no process of ours
    fields = [raw.get(key) for key in ("host", "user", "since")]
    host, user, since = (value if isinstance(value, str) else "" for value in fields)
    return LockInfo(pid, host, user, since)


def read_lock(path: Path) -> LockInfo | None:
    """The live lock on `path`, or None (no lock, our own, foreign, unreadable, or stale)."""
    state, data = _read_small_regular(lock_path(path))
    info = _parse(data) if state == "ok" else None
    if info is None:
        return None
    if info.host == HOST and (info.pid == os.getpid() or not process_alive(info.pid)):
        return None
    return info


def acquire(path: Path) -> bool:
    """Write our lock; False when it could not be written or a foreign file sits in its place
    (the work goes on regardless). Written as a temp file renamed into place: never through a link."""
    target = lock_path(path)
    state, _ = _read_small_regular(target)
    if state == "foreign":
        return False
    try:
        user = getpass.getuser()
    except (KeyError, OSError, ImportError):
        user = "ukendt"
    data = json.dumps({"pid": os.getpid(), "host": HOST, "user": user,
                       "since": dt.datetime.now(dt.timezone.utc).isoformat()}).encode("utf-8")
    tmp = temp_path(target)
    try:
        remove_stale_temps(target)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(tmp, flags, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if _read_small_regular(target)[0] == "foreign":  # appeared meanwhile
            os.unlink(tmp)
            return False
        os.replace(tmp, target)  # a rename replaces a link itself, never what it points to
        return True
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False


def release(path: Path) -> None:
    """Remove our lock (only ours: another process's lock or a foreign file is left alone)."""
    target = lock_path(path)
    state, data = _read_small_regular(target)
    info = _parse(data) if state == "ok" else None
    if info is not None and info.pid == os.getpid() and info.host == HOST:
        with contextlib.suppress(OSError):
            target.unlink()
