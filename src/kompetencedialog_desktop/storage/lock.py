"""One writer per file: NAME.kdlg.lock beside the project says who has it open.

A lock whose process is gone (same machine, pid not running) is stale and taken over. Failing to
write a lock (read-only folder) never stops anyone from working."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

HOST = socket.gethostname()  # a name lookup of our own machine; opens no connection


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    since: str

    def describe(self) -> str:
        when = dt.datetime.fromisoformat(self.since).astimezone().strftime("%d.%m.%Y kl. %H.%M")
        where = "på denne computer" if self.host == HOST else f"på {self.host}"
        return f"{self.user} {where} (proces {self.pid}) siden {when}"


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    except OSError:
        return False
    return True


def read_lock(path: Path) -> LockInfo | None:
    """The live lock on `path`, or None (no lock, our own, unreadable, or stale)."""
    try:
        data = json.loads(lock_path(path).read_text(encoding="utf-8"))
        info = LockInfo(int(data["pid"]), str(data["host"]), str(data.get("user", "")), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if info.host == HOST and (info.pid == os.getpid() or not process_alive(info.pid)):
        return None
    return info


def acquire(path: Path) -> bool:
    """Write our lock; False when it could not be written (the work goes on regardless)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "ukendt"
    data = {"pid": os.getpid(), "host": HOST, "user": user,
            "since": dt.datetime.now(dt.timezone.utc).isoformat()}
    try:
        lock_path(path).write_text(json.dumps(data), encoding="utf-8")
        return True
    except OSError:
        return False


def release(path: Path) -> None:
    """Remove our lock (only ours: another process's lock is left alone)."""
    target = lock_path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if data.get("pid") == os.getpid() and data.get("host") == HOST:
            target.unlink()
    except (OSError, ValueError):
        pass
