"""Is process `pid` on this machine still running? Asked with the platform's own call.

POSIX: signal 0 (checks, sends nothing). Windows: os.kill(pid, 0) would *terminate* the process
there (any signal but CTRL_C/CTRL_BREAK means TerminateProcess), so it opens the process with
OpenProcess and asks GetExitCodeProcess instead. Used for the lock's owner, our own stale temp
files and the autosave snapshots of other running copies."""

from __future__ import annotations

import os
from typing import Callable

MAX_PID = 2**31 - 1  # pids are C ints; anything above cannot be a process (and overflows os.kill)

_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_STILL_ACTIVE = 259
_ERROR_ACCESS_DENIED = 5


def posix_process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to another user
    except (OSError, OverflowError):
        return False
    return True


def _kernel32():
    import ctypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel.OpenProcess.restype = ctypes.c_void_p
    kernel.OpenProcess.argtypes = (ctypes.c_uint32, ctypes.c_int, ctypes.c_uint32)
    kernel.GetExitCodeProcess.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint32))
    kernel.CloseHandle.argtypes = (ctypes.c_void_p,)
    kernel.GetLastError = ctypes.get_last_error  # type: ignore[attr-defined]  # Windows-only
    return kernel


def windows_process_alive(pid: int, kernel32=None) -> bool:
    """OpenProcess + GetExitCodeProcess; `kernel32` is injectable so the branch is tested anywhere."""
    import ctypes

    kernel = kernel32 or _kernel32()
    handle = kernel.OpenProcess(_PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # Access denied means it exists (another user's, or elevated); anything else: no such process.
        return kernel.GetLastError() == _ERROR_ACCESS_DENIED
    try:
        code = ctypes.c_uint32(0)
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # cannot tell: assume it lives, so nobody's lock is taken over wrongly
        return code.value == _STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def liveness_check(platform: str = os.name) -> Callable[[int], bool]:
    return windows_process_alive if platform == "nt" else posix_process_alive


def process_alive(pid: int) -> bool:
    """False for anything that cannot be a process of ours (0, 1 = init, negative, too big)."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 1 or pid > MAX_PID:
        return False
    return liveness_check()(pid)
