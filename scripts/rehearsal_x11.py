"""The rehearsal's hands and eyes on an X server: start Xvfb and openbox, press keys and move the
mouse with xdotool, read window geometry with xwininfo/xprop, and grab the screen.

Everything here looks at the program from outside: X windows, pixels, files. Nothing imports
the app. Waits poll a condition with a timeout; nothing sleeps a fixed time to "let it settle".
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


class RehearsalError(Exception):
    """The rehearsal could not drive the program (a window or a file never appeared)."""


def wait_until(condition: Callable[[], object], timeout: float, what: str, interval: float = 0.05):
    """Poll `condition` until it returns something truthy; raise with `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RehearsalError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """Identity of a file's current version: an atomic save (rename) changes it."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


# --- the X session -------------------------------------------------------------------------
class XSession:
    """A private Xvfb screen of a given size with openbox and a Danish keyboard."""

    def __init__(self, width: int, height: int, log_dir: Path):
        self.width, self.height = width, height
        self.log_dir = log_dir
        self.xvfb: subprocess.Popen | None = None
        self.wm: subprocess.Popen | None = None
        self.display = ""

    def __enter__(self) -> "XSession":
        for tool in ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop"):
            if shutil.which(tool) is None:
                raise RehearsalError(f"{tool} is not installed (scripts/setup.sh installs it)")
        read_fd, write_fd = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{self.width}x{self.height}x24", "-nolisten", "tcp",
             "-noreset"],  # no server reset (and keymap loss) when a short-lived client such as setxkbmap leaves
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=open(self.log_dir / "xvfb.log", "w"),
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # Xvfb writes the display number once it accepts clients
        if not number:
            raise RehearsalError("Xvfb did not start (see xvfb.log)")
        self.display = f":{number}"
        os.environ["DISPLAY"] = self.display
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], stdout=subprocess.DEVNULL,
                                   stderr=open(self.log_dir / "openbox.log", "w"))
        # openbox is ready once it owns the _NET_SUPPORTING_WM_CHECK property on the root window.
        wait_until(lambda: "window id" in self._run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"]), 30,
                   "openbox to start")
        # A Danish keyboard, as the secretary has: æ, ø and å are real keys (no remapping races).
        subprocess.run(["setxkbmap", "dk"], check=False, stderr=subprocess.DEVNULL)
        return self

    def __exit__(self, *exc) -> None:
        for proc in (self.wm, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()

    @staticmethod
    def _run(args: list[str]) -> str:
        result = subprocess.run(args, capture_output=True, text=True, check=False)
        return result.stdout


# --- xdotool -------------------------------------------------------------------------------
def xdo(*args: str) -> str:
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def key(*keys: str) -> None:
    xdo("key", "--clearmodifiers", *keys)


def type_text(text: str, delay_ms: int = 8) -> None:
    xdo("type", "--delay", str(delay_ms), text)


def click(x: float, y: float, *, button: int = 1, repeat: int = 1, ctrl: bool = False) -> None:
    args = ["mousemove", "--sync", str(round(x)), str(round(y))]
    if ctrl:
        args += ["keydown", "ctrl"]
    args += ["click", "--repeat", str(repeat), "--delay", "60", str(button)]
    if ctrl:
        args += ["keyup", "ctrl"]
    xdo(*args)


def drag(x0: float, y0: float, x1: float, y1: float, steps: int = 12) -> None:
    args = ["mousemove", "--sync", str(round(x0)), str(round(y0)), "mousedown", "1"]
    for i in range(1, steps + 1):
        t = i / steps
        args += ["mousemove", "--sync", str(round(x0 + (x1 - x0) * t)), str(round(y0 + (y1 - y0) * t))]
    args += ["mouseup", "1"]
    xdo(*args)


def visible_windows(pid: int) -> list[int]:
    out = xdo("search", "--all", "--onlyvisible", "--pid", str(pid), "")
    return [int(w) for w in out.split()] if out else []


def window_name(wid: int) -> str:
    return xdo("getwindowname", str(wid))


def find_window(pid: int, pattern: str) -> int | None:
    """A visible window of `pid` whose title matches the regular expression `pattern`."""
    for wid in visible_windows(pid):
        if re.search(pattern, window_name(wid)):
            return wid
    return None


def wait_window(pid: int, pattern: str, timeout: float = 30) -> int:
    return wait_until(lambda: find_window(pid, pattern), timeout, f"a window titled /{pattern}/")


def wait_window_gone(pid: int, wid: int, timeout: float = 15) -> None:
    wait_until(lambda: wid not in visible_windows(pid), timeout, f"window {wid} ({window_name(wid)!r}) to close")


def activate(wid: int) -> None:
    """Raise and focus a window, and wait until X says it has the focus."""
    xdo("windowactivate", "--sync", str(wid))
    wait_until(lambda: xdo("getactivewindow") == str(wid), 10, f"window {wid} to get the focus")


@dataclass
class Geometry:
    x: int
    y: int
    width: int
    height: int
    frame: tuple[int, int, int, int]  # left, right, top, bottom (openbox's decoration)
    min_size: tuple[int, int] | None  # what the program asks the window manager for

    @property
    def outer(self) -> tuple[int, int, int, int]:
        left, right, top, bottom = self.frame
        return self.x - left, self.y - top, self.x + self.width + right, self.y + self.height + bottom


def geometry(wid: int) -> Geometry:
    info = subprocess.run(["xwininfo", "-id", str(wid)], capture_output=True, text=True, check=False).stdout

    def field(name: str) -> int:
        match = re.search(rf"{name}:\s+(-?\d+)", info)
        if not match:
            raise RehearsalError(f"xwininfo gave no {name} for window {wid}")
        return int(match.group(1))

    props = subprocess.run(["xprop", "-id", str(wid), "_NET_FRAME_EXTENTS", "WM_NORMAL_HINTS"],
                           capture_output=True, text=True, check=False).stdout
    frame = re.search(r"_NET_FRAME_EXTENTS\(CARDINAL\) = (\d+), (\d+), (\d+), (\d+)", props)
    minimum = re.search(r"program specified minimum size: (\d+) by (\d+)", props)
    return Geometry(field("Absolute upper-left X"), field("Absolute upper-left Y"), field("Width"), field("Height"),
                    tuple(int(v) for v in frame.groups()) if frame else (0, 0, 0, 0),
                    (int(minimum.group(1)), int(minimum.group(2))) if minimum else None)


# --- eyes ------------------------------------------------------------------------------------
class Camera:
    """Grabs the whole X screen. Uses Qt's xcb grab from this (separate) process: no ImageMagick needed."""

    def __init__(self):
        from PySide6.QtGui import QGuiApplication

        os.environ["QT_QPA_PLATFORM"] = "xcb"
        for name in ("QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS"):
            os.environ.pop(name, None)  # the camera sees device pixels, whatever the app's scaling
        self.app = QGuiApplication.instance() or QGuiApplication(["rehearsal-camera"])

    def grab(self) -> "Picture":
        from PySide6.QtGui import QImage

        image = self.app.primaryScreen().grabWindow(0).toImage().convertToFormat(QImage.Format.Format_RGB32)
        return Picture(image)

    def grab_stable(self, timeout: float = 10) -> "Picture":
        """A picture of a screen that has stopped changing (a running timer's digits aside)."""
        last = self.grab()

        def settled():
            nonlocal last
            now = self.grab()
            same = now.difference(last) < 0.002
            last = now
            return now if same else None

        try:
            return wait_until(settled, timeout, "the screen to stop changing", interval=0.1)
        except RehearsalError:
            return last  # a flashing overtime frame never settles; the latest picture will do


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class Picture:
    """A screen grab with the few pixel questions the invariants ask."""

    def __init__(self, image):
        self.image = image
        self.width, self.height = image.width(), image.height()
        self.stride = image.bytesPerLine()
        self.data = bytes(image.constBits())

    def save(self, path: Path, region: tuple[int, int, int, int] | None = None) -> None:
        image = self.image
        if region is not None:
            x0, y0, x1, y1 = self.clip(region)
            image = image.copy(x0, y0, x1 - x0, y1 - y0)
        image.save(str(path))

    def clip(self, region: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        x0, y0, x1, y1 = region
        return max(0, int(x0)), max(0, int(y0)), min(self.width, int(x1)), min(self.height, int(y1))

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        i = y * self.stride + x * 4
        b, g, r = self.data[i], self.data[i + 1], self.data[i + 2]
        return r, g, b

    def difference(self, other: "Picture", step: int = 7, region=None) -> float:
        """Share of sampled pixels that differ between two grabs of the same screen (or a region of it)."""
        if (other.width, other.height) != (self.width, self.height):
            return 1.0
        x0, y0, x1, y1 = self.clip(region or (0, 0, self.width, self.height))
        changed = total = 0
        for y in range(y0, y1, step):
            row = y * self.stride
            a = self.data[row + x0 * 4:row + x1 * 4]
            b = other.data[row + x0 * 4:row + x1 * 4]
            if a == b:
                total += len(range(x0, x1, step))
                continue
            for x in range(0, x1 - x0, step):
                total += 1
                changed += a[x * 4:x * 4 + 3] != b[x * 4:x * 4 + 3]
        return changed / max(1, total)

    def share_of(self, colours: list[str], region, tolerance: int = 3, step: int = 3) -> float:
        """Share of sampled pixels in `region` within `tolerance` of one of `colours`."""
        targets = [_hex(c) for c in colours]
        x0, y0, x1, y1 = self.clip(region)
        hits = total = 0
        for y in range(y0, y1, step):
            for x in range(x0, x1, step):
                r, g, b = self.pixel(x, y)
                total += 1
                if any(abs(r - tr) <= tolerance and abs(g - tg) <= tolerance and abs(b - tb) <= tolerance
                       for tr, tg, tb in targets):
                    hits += 1
        return hits / total if total else 0.0

    def longest_runs(self, colour: str, region, min_run: int) -> list[tuple[int, int, int]]:
        """Rows in `region` holding a horizontal run of exactly `colour` at least `min_run` px
        long: [(y, x_start, x_end)], the longest run of each such row."""
        r, g, b = _hex(colour)
        px = bytes((b, g, r))
        x0, y0, x1, y1 = self.clip(region)
        found = []
        probe = min_run // 2
        for y in range(y0, y1):
            row = self.data[y * self.stride + x0 * 4: y * self.stride + x1 * 4]
            # Look only at every 4th byte triple via a stride slice: [B, G, R] per pixel.
            blues, greens, reds = row[0::4], row[1::4], row[2::4]
            best = (0, 0)
            start = None
            # Fast reject: a run of min_run pixels needs this many equal bytes in a row in each channel.
            if bytes([b]) * probe not in blues or bytes([g]) * probe not in greens or bytes([r]) * probe not in reds:
                continue
            for x in range(len(blues) + 1):
                inside = x < len(blues) and blues[x] == px[0] and greens[x] == px[1] and reds[x] == px[2]
                if inside and start is None:
                    start = x
                elif not inside and start is not None:
                    if x - start > best[1] - best[0]:
                        best = (start, x)
                    start = None
            if best[1] - best[0] >= min_run:
                found.append((y, x0 + best[0], x0 + best[1]))
        return found
