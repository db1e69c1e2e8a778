"""Atomic file writes: a temp file in the same folder, flush + fsync, then rename over the target.

A crash or a full disk at any moment leaves either the old file or the new one, never a mix.
A target that is a symbolic link is written through the link (the real file gets the new bytes,
the link stays). Temp names are unique per writer and short enough for the longest file name;
temp files left behind by a killed writer are removed on the next write to the same file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import time
from pathlib import Path

from .liveness import process_alive

NAME_MAX = 255  # bytes per file name on ext4, APFS, NTFS (UTF-16 units) and most others
IS_WINDOWS = os.name == "nt"
# On Windows a rename onto a file another program has open (Word, antivirus, a sync client) fails
# for a moment; ~1 s of retries covers those, and then the user is told (and offered Gem som).
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
_sleep = time.sleep

# Temp names: .NAME.<host>-<pid>-<token>.tmp. The host tag and pid say whose it is, so a later
# run can tell a dead writer's leftover from a live one's file in progress.
_HOST_TAG = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]
_TEMP_TAIL_MAX = len(".ffff-2147483647-ffffffff.tmp")
_TEMP_RE = re.compile(r"^\.(?P<prefix>.*)\.(?P<host>[0-9a-f]{4})-(?P<pid>\d{1,10})-[0-9a-f]{8}\.tmp$", re.S)
_OLD_TEMP_RE = re.compile(r"^\.(?P<prefix>.*)\.(?:[a-z0-9_]{8}|bak)\.tmp$", re.S)  # before this version
FOREIGN_TEMP_AGE = 3600.0  # another machine's temp file (shared folder) older than this is dead
OLD_TEMP_AGE = 600.0


class BackupError(OSError):
    """NAME.bak could not be made (a folder of that name, no rights to it): `backup` says which."""

    def __init__(self, cause: OSError, backup: Path):
        super().__init__(cause.errno, cause.strerror, str(backup))
        self.backup = backup
        self.held_open = getattr(cause, "held_open", False)


class HeldOpenError(PermissionError):
    """Windows: the target stayed open in another program through every retry."""

    held_open = True


def _size(text: str) -> int:
    """Bytes of a file name as the system stores it: a name from an old USB stick may hold bytes
    that are not UTF-8 (surrogates after os.fsdecode), which fsencode turns back into those bytes."""
    return len(os.fsencode(text))


def _cut(text: str, room: int) -> str:
    """The longest start of `text` that fits `room` bytes, never splitting a character."""
    end = min(len(text), max(room, 0))
    while end and _size(text[:end]) > room:
        end -= 1
    return text[:end]


def fit_name(name: str, suffix: str = "", limit: int = NAME_MAX) -> str:
    """`name + suffix` in at most `limit` bytes: a long name loses the end of its stem, never its
    extension or the suffix (NAME….kdlg.bak stays recognisable)."""
    if _size(name + suffix) <= limit:
        return name + suffix
    stem, ext = os.path.splitext(name)
    room = limit - _size(ext + suffix)
    if room < 1:  # an absurd extension: cut the whole name instead
        return _cut(name, limit - _size(suffix)) + suffix
    return _cut(stem, room) + ext + suffix


def sibling(path: Path, suffix: str) -> Path:
    """NAME+suffix beside `path` (NAME.kdlg.bak, NAME.kdlg.lock), shortened to fit when NAME is long."""
    return path.with_name(fit_name(path.name, suffix))


def _temp_prefix(name: str) -> str:
    return fit_name(name, limit=NAME_MAX - 1 - _TEMP_TAIL_MAX)


def temp_path(path: Path, pid: int | None = None) -> Path:
    """A fresh temp name beside `path`, unique to this writer (pid + random token)."""
    pid = os.getpid() if pid is None else pid
    return path.with_name(f".{_temp_prefix(path.name)}.{_HOST_TAG}-{pid}-{secrets.token_hex(4)}.tmp")


def _is_stale(entry: os.DirEntry, now: float) -> bool:
    match = _TEMP_RE.match(entry.name)
    try:
        age = now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    if match is None:
        return age > OLD_TEMP_AGE  # an older version's temp file: only ever left by a crash
    if match["host"] != _HOST_TAG:
        return age > FOREIGN_TEMP_AGE
    pid = int(match["pid"])
    return pid != os.getpid() and not process_alive(pid)


def remove_stale_temps(path: Path) -> int:
    """Remove temp files of `path` that a killed writer left behind; returns how many."""
    prefix, old_prefix = _temp_prefix(path.name), path.name

    def ours(name: str) -> bool:
        new = _TEMP_RE.match(name)
        if new:
            return new["prefix"] == prefix
        old = _OLD_TEMP_RE.match(name)
        return bool(old and old["prefix"] == old_prefix)

    return _sweep(path.parent, ours)


def sweep_folder(folder: Path) -> int:
    """Remove every stale temp file in a folder that only this program writes (the autosave folder)."""
    return _sweep(folder, lambda name: bool(_TEMP_RE.match(name) or _OLD_TEMP_RE.match(name)))


def _sweep(folder: Path, ours) -> int:
    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(".tmp") and ours(name)):
            continue
        if entry.is_file(follow_symlinks=False) and _is_stale(entry, now):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def real_target(path: Path) -> Path:
    """The file a save should change: a symbolic link's target (the link itself stays)."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def is_write_protected(path: Path) -> bool:
    """True for an existing file marked read-only (no write bit, or no write access). A rename
    would replace it regardless, so callers ask first, as editors do."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not (st.st_mode & 0o222) or not os.access(path, os.W_OK)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders, and needs not.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _create_temp(path: Path) -> tuple[int, Path]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(20):
        tmp = temp_path(path)
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "temp name collision", str(tmp))


def replace(src: Path, dst: Path) -> None:
    """os.replace, retried briefly on Windows while another program holds `dst` open."""
    delays = REPLACE_RETRY_DELAYS if IS_WINDOWS else ()
    for delay in delays:
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            _sleep(delay)
    try:
        os.replace(src, dst)
    except PermissionError as exc:
        if IS_WINDOWS:
            raise HeldOpenError(exc.errno or errno.EACCES, exc.strerror or "held open", str(dst)) from exc
        raise


def keep_backup(path: Path) -> None:
    """Make NAME.bak a copy of the current file (hard link when the file system allows)."""
    if not path.is_file():
        return
    backup = sibling(path, ".bak")
    staging = temp_path(path)  # unique per writer: two programs saving at once never share it
    try:
        try:
            os.link(path, staging)
        except OSError:
            staging.write_bytes(path.read_bytes())
        try:
            replace(staging, backup)
        except OSError as exc:
            raise BackupError(exc, backup) from exc
        # rename() does nothing when both names are links to one file (another program made the
        # same backup a moment ago): the staging name would stay behind.
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
    except BaseException:
        with contextlib.suppress(OSError):
            staging.unlink()
        raise


def write_atomic(path: Path, data: bytes, *, backup: bool = False, mode: int | None = None) -> None:
    """Replace `path` (through a link: its target) with `data` atomically. On any error the old
    file is untouched and the temp file is removed; the OSError propagates for the caller to explain."""
    path = real_target(Path(path))
    folder = path.parent
    remove_stale_temps(path)
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            # The temp file is 0600; a saved project should have the user's normal permissions.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if backup:
            keep_backup(path)
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)
