"""Rehearse whole workshops through the real program, the way a facilitator and a secretary run them.

    .venv/bin/python scripts/rehearse.py                 both workshops at 1920x1080, 1366x768, 1920x1080 at 150 %
    .venv/bin/python scripts/rehearse.py --short         one workshop (strategy) at 1366x768: for CI, ~2 min
    .venv/bin/python scripts/rehearse.py --sizes 1366x768 --workshops grus --out /tmp/r

Each screen size gets its own Xvfb with openbox and a Danish keyboard; the program runs as a
separate process with private settings folders and is driven only with xdotool (keys, clicks,
drags). After every step the invariants are checked from outside: the screen grab (the board is
drawn), the window geometry (it fits the screen), and the saved file (no note covers another,
every typed note is there, what was saved is what reopens, agenda step included). A screenshot
per step goes to OUT/<size>/<workshop>/NN-step.png. The summary lists step, invariant and
PASS/FAIL; the exit code is 1 when any invariant fails, 2 when the rehearsal could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import rehearsal_x11 as x  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SIZES = {  # name: (screen width, height, QT_SCALE_FACTOR)
    "1920x1080": (1920, 1080, None),
    "1366x768": (1366, 768, None),
    "1920x1080@150": (1920, 1080, "1.5"),
}
NOTE_W, NOTE_H = 210.0, 130.0  # a post-it's default size on the board (model/project.py)
ZONE_HEADER = 90.0  # a zone's title and help line, above its notes
FULL_ZONE = 25  # notes the secretary types into one zone: 8-12 people, several points each
PROJECTOR_DRAWN = 0.02  # share of the projector window in zone colours: a wiped board has none
PROGRAM_PYTHON = sys.executable  # the child runs on the rehearsed program's python (--python)


@dataclass
class Outcome:
    size: str
    workshop: str
    step: str
    invariant: str
    ok: bool
    detail: str = ""


# --- the saved file, read with the model ---------------------------------------------------------
def load(path: Path):
    from kompetencedialog_desktop.storage.project_file import load_project

    return load_project(path)


def content(kind: str):
    from kompetencedialog_desktop.storage.content_loader import facilitator_guide, workshop_content

    return workshop_content(kind), facilitator_guide(kind)


def overlaps(notes) -> list[tuple]:
    """Pairs of notes on one board whose rectangles cover each other (touching is fine)."""
    pairs = []
    for i, a in enumerate(notes):
        for b in notes[i + 1:]:
            if a.board != b.board:
                continue
            w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
            h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
            if w > 1 and h > 1:
                pairs.append((a, b, w * h / min(a.w * a.h, b.w * b.h)))
    return pairs


def free_spot(notes, zone, board_id: str) -> tuple[float, float] | None:
    """Top-left of a note-sized empty place in `zone` (below its title), or None when it is full."""
    r = zone.rect
    mine = [n for n in notes if n.board == board_id]
    y = r.y + ZONE_HEADER
    while y + NOTE_H <= r.y + r.h - 8:
        px = r.x + 12
        while px + NOTE_W <= r.x + r.w - 12:
            if all(px + NOTE_W + 10 <= n.x or n.x + n.w + 10 <= px or y + NOTE_H + 10 <= n.y or n.y + n.h + 10 <= y
                   for n in mine):
                return px, y
            px += 20
        y += 20
    return None


# --- the program, from outside ------------------------------------------------------------------
class App:
    """The real program as a separate process, its main window found by X."""

    def __init__(self, env: dict, log: Path, args: list[str]):
        self.log_path = log
        self.proc = subprocess.Popen([PROGRAM_PYTHON, "-m", "kompetencedialog_desktop", *args], env=env,
                                     stdout=open(log, "a"), stderr=subprocess.STDOUT, cwd=env["HOME"])
        self.main = x.wait_until(lambda: self._only_window(), 60, "the main window")
        x.activate(self.main)

    def _only_window(self) -> int | None:
        if self.proc.poll() is not None:
            raise x.RehearsalError(f"the program exited with code {self.proc.returncode} (see {self.log_path})")
        windows = x.visible_windows(self.proc.pid)
        return next((w for w in windows if "Kompetencedialog" in x.window_name(w)), None)

    def others(self) -> list[tuple[int, str]]:
        return [(w, x.window_name(w)) for w in x.visible_windows(self.proc.pid) if w != self.main]

    def dialog(self, pattern: str, timeout: float = 30) -> int:
        wid = x.wait_until(lambda: next((w for w, name in self.others() if re.search(pattern, name)), None),
                           timeout, f"a dialog titled /{pattern}/")
        x.activate(wid)
        return wid

    def errors(self) -> list[str]:
        text = self.log_path.read_text(errors="replace")
        return [line for line in text.splitlines() if line.startswith("Traceback") or "Error:" in line]

    def wait_exit(self, timeout: float = 30) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise x.RehearsalError(f"the program did not quit within {timeout:.0f} s") from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@dataclass
class BoardOnScreen:
    """Where the board is on the screen: found by its coloured top strip, so from pixels only."""

    x0: float
    y0: float
    scale: float

    def to_screen(self, sx: float, sy: float) -> tuple[float, float]:
        return self.x0 + sx * self.scale, self.y0 + sy * self.scale


def find_board(picture: x.Picture, board, region) -> BoardOnScreen | None:
    left, top, right, _bottom = region
    runs = picture.longest_runs(board.colour, region, max(60, int((right - left) * 0.2)))
    if not runs:
        return None
    longest = max(r[2] - r[1] for r in runs)
    strip = [r for r in runs if r[2] - r[1] >= longest * 0.97]
    scale = longest / board.width
    expected_rows = 16 * scale
    if abs(len(strip) - expected_rows) > max(3, expected_rows * 0.35):
        return None  # a long bar of the accent colour, but not the board's 16-unit strip
    return BoardOnScreen(strip[0][1], strip[0][0], scale)


# --- one workshop at one screen size ------------------------------------------------------------
class Rehearsal:
    def __init__(self, size: str, kind: str, out: Path, camera: x.Camera, short: bool):
        self.size, self.kind, self.short = size, kind, short
        self.width, self.height, scale = SIZES[size]
        self.out = out / size / kind
        self.out.mkdir(parents=True, exist_ok=True)
        for old in self.out.glob("*.png"):
            old.unlink()
        self.camera = camera
        self.content, self.guide = content(kind)
        self.variant = self.guide.variants[0]
        self.results: list[Outcome] = []
        self.step_no = 0
        self.step = ""
        self.home = home = Path(tempfile.mkdtemp(prefix=f"rehearse-{kind}-"))
        self.file = home / f"rehearsal-{kind}.kdlg"
        self.docx = home / f"rehearsal-{kind}.docx"
        self.env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORMTHEME", "XDG_CURRENT_DESKTOP",
                                                                     "QT_SCALE_FACTOR", "QT_SCREEN_SCALE_FACTORS")}
        self.env.update(HOME=str(home), QT_QPA_PLATFORM="xcb", LANG="da_DK.UTF-8", PYTHONUNBUFFERED="1",
                        PYTHONDONTWRITEBYTECODE="1")
        for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            path = home / name.lower()
            path.mkdir()
            self.env[name] = str(path)
        if scale:
            self.env["QT_SCALE_FACTOR"] = scale
        self.app: App | None = None
        self.typed: list[tuple[str, str, str]] = []  # (board, zone, text) the secretary typed
        self.projector: int | None = None
        self.agenda_index = 0
        self.extra_minutes: dict[int, int] = {}  # agenda step index -> minutes added with F6
        self.current_board = 0
        self.last_seen: dict[int, BoardOnScreen] = {}  # board index -> where it was last drawn
        self.entry_zone: dict[str, str] = {}  # board id -> the zone the quick entry writes into

    # --- reporting ---------------------------------------------------------------------------
    def record(self, invariant: str, ok: bool, detail: str = "") -> bool:
        self.results.append(Outcome(self.size, self.kind, f"{self.step_no:02d} {self.step}", invariant, ok, detail))
        mark = "PASS" if ok else "FAIL"
        print(f"  [{mark}] {self.size} {self.kind} {self.step_no:02d} {self.step}: {invariant}" + (f" — {detail}" if detail else ""),
              flush=True)
        return ok

    def begin(self, name: str) -> None:
        self.step_no += 1
        self.step = name
        print(f"- {self.size} {self.kind} step {self.step_no:02d}: {name}", flush=True)

    # --- the facilitator's and secretary's moves ----------------------------------------------
    def save(self) -> None:
        """Ctrl+S, and wait for the file to change: every key before it has then been handled."""
        before = x.file_stamp(self.file)
        x.activate(self.app.main)
        x.key("ctrl+s")
        x.wait_until(lambda: x.file_stamp(self.file) not in (None, before), 30, f"{self.file.name} to be saved")

    def type_in_dialog(self, wid: int, text: str) -> None:
        x.key("ctrl+a")
        x.type_text(text)
        x.key("Return")
        x.wait_window_gone(self.app.proc.pid, wid)

    def quick_entry(self, board_index: int, per_zone: dict[int, int]) -> None:
        """The secretary types points into the line under the board: Alt+N chooses the zone."""
        board = self.content.boards[board_index]
        x.activate(self.app.main)
        x.key("ctrl+l")
        for zone_index, count in per_zone.items():
            zone = board.zones[zone_index]
            x.key(f"alt+{zone_index + 1}")
            self.entry_zone[board.id] = zone.id
            for _ in range(count):
                number = len(self.typed) + 1
                text = f"Pointe {number:02d} {zone.title.split()[0].lower()}: øget trivsel på tværs af faggrupper"
                x.type_text(text)
                x.key("Return")
                self.typed.append((board.id, zone.id, text))

    def board(self):
        return self.content.boards[self.current_board]

    def locate(self) -> BoardOnScreen:
        """Where the current board is on the screen. When it is not drawn (a finding of its own,
        already recorded), the place it was last seen: the notes still take clicks there."""
        found = find_board(self.camera.grab_stable(), self.board(), self.window_region(self.app.main))
        if found is not None:
            self.last_seen[self.current_board] = found
            return found
        if self.current_board in self.last_seen:
            print("  (the board is not drawn; clicking where it was last seen)", flush=True)
            return self.last_seen[self.current_board]
        raise x.RehearsalError("the board has not been on the screen, so there is nothing to click")

    def window_region(self, wid: int) -> tuple[int, int, int, int]:
        g = x.geometry(wid)
        return g.x, g.y, g.x + g.width, g.y + g.height

    def f7_to_board(self, board_index: int) -> None:
        """F7 until the agenda reaches the step that works on board `board_index`."""
        board_id = self.content.boards[board_index].id
        target = next(i for i, s in enumerate(self.variant.steps) if s.board == board_id and i >= self.agenda_index)
        x.activate(self.app.main)
        while self.agenda_index < target:
            x.key("F7")
            self.agenda_index += 1
        self.current_board = board_index

    # --- the invariants ---------------------------------------------------------------------------
    def check(self, *, board: bool = True, saved: bool = True) -> x.Picture:
        if saved:
            self.save()
            self.check_file()
        picture = self.grab_board(self.app.main) if board else self.camera.grab_stable()
        picture.save(self.out / f"{self.step_no:02d}-{re.sub(r'[^a-z0-9]+', '-', self.step.lower()).strip('-')}.png")
        self.check_window(self.app.main, "main window")
        if board:
            found = self.check_board(picture, self.app.main, "main window")
            if found is not None:
                self.last_seen[self.current_board] = found
        others = [name for wid, name in self.app.others() if wid != self.projector]
        self.record("no unexpected window", not others, ", ".join(others))
        errors = self.app.errors()
        self.record("no error in the program's output", not errors, "; ".join(errors[-2:]))
        return picture

    def grab_board(self, wid: int, timeout: float = 5) -> x.Picture:
        """A settled picture with the board in window `wid`, or the latest one after `timeout`
        (a board that is not drawn must not stop the rehearsal)."""
        latest = self.camera.grab_stable()
        deadline = time.monotonic() + timeout
        while find_board(latest, self.board(), self.window_region(wid)) is None and time.monotonic() < deadline:
            latest = self.camera.grab_stable()
        return latest

    def board_shown(self, timeout: float = 10) -> int:
        """Which board the window shows (after reopening it may be the agenda step's board):
        the one whose zone headers are all where that board has them."""
        def match():
            picture = self.camera.grab_stable()
            for index, board in enumerate(self.content.boards):
                found = find_board(picture, board, self.window_region(self.app.main))
                if found is not None and all(
                        picture.share_of([z.colour], (*found.to_screen(z.rect.x + 6, z.rect.y + 4),
                                                      *found.to_screen(z.rect.x + z.rect.w - 6, z.rect.y + ZONE_HEADER - 4)))
                        >= 0.35 for z in board.zones):
                    return index + 1
            return None
        try:
            return x.wait_until(match, timeout, "a board in the window") - 1
        except x.RehearsalError:
            return 0  # none is drawn: the board checks say so

    def grab_projector(self, ready, timeout: float = 5) -> x.Picture:
        """A settled picture once `ready(picture)` holds, or the latest after `timeout`."""
        latest = self.camera.grab_stable()
        deadline = time.monotonic() + timeout
        while not ready(latest) and time.monotonic() < deadline:
            latest = self.camera.grab_stable()
        return latest

    def projector_share(self, picture: x.Picture) -> float:
        colours = sorted({z.colour for z in self.board().zones})
        return picture.share_of(colours, self.window_region(self.projector))

    def check_projector_board(self, picture: x.Picture, when: str = "") -> None:
        """The projector may zoom to the part of the board in use, so it is judged by the board's
        zone colours filling a good part of its window, not by the board's title strip."""
        share = self.projector_share(picture)
        self.record(f"board {self.board().number} is drawn in the projector{when}", share >= PROJECTOR_DRAWN,
                    f"zone colours fill {share:.0%} of the projector window")

    def check_window(self, wid: int, what: str) -> None:
        g = x.geometry(wid)
        left, top, right, bottom = g.outer
        # The content must be on the screen, and the title bar (to move the window); a thin side or
        # bottom border of the window manager's frame may hang over the edge.
        slack = 2  # openbox's 1-px border beside a window sized to the screen is not worth a failure
        fits = (g.x >= -slack and g.y >= 0 and g.x + g.width <= self.width + slack
                and g.y + g.height <= self.height + slack and top >= 0)
        self.record(f"{what} fits the {self.width}x{self.height} screen", fits,
                    f"content at {g.x},{g.y} to {g.x + g.width},{g.y + g.height} ({g.width}x{g.height}), with frame "
                    f"{left},{top} to {right},{bottom}" + (f", minimum size {g.min_size[0]}x{g.min_size[1]}"
                                                             if g.min_size else ""))
        if g.min_size:
            fits_min = g.min_size[0] <= self.width and g.min_size[1] <= self.height
            self.record(f"{what}'s minimum size fits the screen", fits_min, f"{g.min_size[0]}x{g.min_size[1]}")

    def check_board(self, picture: x.Picture, wid: int, what: str) -> BoardOnScreen | None:
        board = self.board()
        found = find_board(picture, board, self.window_region(wid))
        if found is None:
            self.record(f"board {board.number} is drawn in the {what}", False,
                        "its coloured title strip is not on the screen (board wiped or hidden)")
            return None
        shares = []
        for zone in board.zones:
            r = zone.rect
            x0, y0 = found.to_screen(r.x + 6, r.y + 4)
            x1, y1 = found.to_screen(r.x + r.w - 6, r.y + ZONE_HEADER - 4)
            shares.append((zone.id, picture.share_of([zone.colour], (x0, y0, x1, y1))))
        right, bottom = found.to_screen(board.width, board.height)
        left, top, win_right, win_bottom = self.window_region(wid)
        visible = (min(win_right, self.width) - found.x0 + 2, min(win_bottom, self.height) - found.y0 + 2)
        self.record(f"the whole board {board.number} is on the screen in the {what}",
                    right <= self.width and bottom <= self.height and right <= win_right + 1 and bottom <= win_bottom + 1,
                    f"board drawn {right - found.x0:.0f}x{bottom - found.y0:.0f} px, "
                    f"{max(0, min(1, visible[0] / (right - found.x0))) * max(0, min(1, visible[1] / (bottom - found.y0))):.0%} visible")
        missing = [f"{zid} ({share:.0%})" for zid, share in shares if share < 0.35]
        self.record(f"board {board.number} is drawn in the {what}", not missing,
                    f"{found.scale * board.width:.0f} px wide" + (f"; zone header not visible: {', '.join(missing)}"
                                                                  if missing else ""))
        return found

    def check_file(self) -> None:
        project = load(self.file)
        notes = project.notes
        saved = sorted((n.board, n.zone, n.text) for n in notes)
        typed = sorted(self.typed)
        lost = [t for t in typed if t not in saved]
        extra = [s for s in saved if s not in typed]
        self.record("every typed note is saved, once", not lost and not extra,
                    f"{len(notes)} notes" + (f"; missing {len(lost)}: {lost[0][2]!r}" if lost else "")
                    + (f"; unexpected {len(extra)}: {extra[0][2]!r}" if extra else ""))
        pairs = overlaps(notes)
        if pairs:
            zones: dict[str, int] = {}
            for a, _b, _share in pairs:
                zones[f"{a.board}/{a.zone}"] = zones.get(f"{a.board}/{a.zone}", 0) + 1
            worst = max(pairs, key=lambda p: p[2])
            detail = (f"{len(pairs)} pairs ({', '.join(f'{z}: {c}' for z, c in zones.items())}); worst: "
                      f"{worst[1].text[:10]!r} covers {worst[2]:.0%} of {worst[0].text[:10]!r}")
        else:
            detail = f"{len(notes)} notes"
        self.record("no note covers another", not pairs, detail)
        outside = []
        for n in notes:
            zone = self.content.board(n.board).zone(n.zone) if self.content.board(n.board) else None
            if zone is None:
                continue
            r = zone.rect
            cx, cy = n.x + n.w / 2, n.y + n.h / 2
            if not (r.x <= cx <= r.x + r.w and r.y <= cy <= r.y + r.h) or n.y + n.h > r.y + r.h + 1:
                outside.append(n)
        self.record("every note lies in its zone", not outside,
                    f"{len(outside)} outside, e.g. {outside[0].text[:10]!r} at {outside[0].x:.0f},{outside[0].y:.0f}"
                    if outside else "")
        small = [n for n in notes if n.w < NOTE_W * 0.5 or n.h < NOTE_H * 0.5]
        self.record("notes keep a readable size", not small,
                    f"{len(small)} notes smaller than half size, e.g. {small[0].w:.0f}x{small[0].h:.0f}" if small else "")

    # --- the scenario ------------------------------------------------------------------------------
    def run(self) -> list[Outcome]:
        try:
            self.scenario()
        except Exception as exc:  # noqa: BLE001 - the summary must say where the rehearsal stopped
            self.record("the rehearsal could go on", False, f"{type(exc).__name__}: {exc}")
            traceback.print_exc()
            try:
                self.camera.grab().save(self.out / f"{self.step_no:02d}-stopped-here.png")
            except Exception:  # noqa: BLE001
                pass
        finally:
            if self.app is not None:
                self.app.kill()
            for made in (self.file, self.docx):  # keep the results beside the screenshots
                if made.exists():
                    shutil.copy2(made, self.out / made.name)
            shutil.rmtree(self.home, ignore_errors=True)
        return self.results

    def scenario(self) -> None:  # noqa: PLR0915 - the workshop, start to end, reads best in one place
        log = self.out / "program.log"
        log.write_text("")
        self.begin("start screen")
        self.app = App(self.env, log, [])
        self.check(board=False, saved=False)

        self.begin("new workshop from the start screen")
        colour = "#007C80" if self.kind == "strategi" else "#C4540A"
        picture = self.camera.grab_stable()
        runs = picture.longest_runs(colour, self.window_region(self.app.main), 100)
        if not runs:
            raise x.RehearsalError(f"no {colour} button for the new workshop on the start screen")
        mid = runs[len(runs) // 2]
        x.click((mid[1] + mid[2]) / 2, mid[0])
        x.wait_until(lambda: "Kompetencedialog" in x.window_name(self.app.main)
                     and x.window_name(self.app.main) != "Kompetencedialog", 30, "the workshop to open")
        self.check(saved=False)

        self.begin("save as (Ctrl+S names the file)")
        x.key("ctrl+s")
        self.type_in_dialog(self.app.dialog(r"^Gem workshop som"), str(self.file))
        x.wait_until(lambda: self.file.exists(), 30, f"{self.file.name} to be written")
        self.check()
        result = subprocess.run([PROGRAM_PYTHON, "-m", "kompetencedialog_desktop", "check", str(self.file)],
                                capture_output=True, text=True, env=self.env, check=False)
        self.record("kompetencedialog check accepts the file", result.returncode == 0, result.stderr.strip())

        self.begin("timer: F5 start, F6 one more minute, F7 to board 1's step")
        x.activate(self.app.main)
        x.key("F5")
        time.sleep(1.2)  # the scenario: a minute of welcome, shortened (the step must have used time)
        x.key("F6")
        self.extra_minutes[self.agenda_index] = 1
        self.f7_to_board(0)
        self.check()
        self.check_agenda_log()

        per_zone = {0: FULL_ZONE, 1: 2, 2: 2} if self.short else {0: FULL_ZONE, **{i: 4 for i in range(1, len(self.board().zones))}}
        self.begin(f"quick entry on board 1: {FULL_ZONE} notes in one zone, more in the others")
        self.quick_entry(0, per_zone)
        self.check()

        self.begin("Ctrl+Z in the quick entry undoes the last note; Enter again adds nothing")
        self.undo_from_line()
        self.check()

        self.begin("Shift+Enter in the quick entry makes a line break")
        self.line_break()
        self.check()

        self.begin("cards: PgDown twice, F4 marks discussed")
        before = load(self.file).card_progress.get(self.board().id)
        start = before.current if before else 0
        x.activate(self.app.main)
        x.key("Next", "Next", "F4")
        self.check()
        deck = self.content.decks[self.board().id].cards
        progress = load(self.file).card_progress.get(self.board().id)
        expected = min(start + 2, len(deck) - 1)
        self.record("card progress is saved", progress is not None and progress.current == expected
                    and deck[expected].id in progress.discussed,
                    f"current {progress.current if progress else None}, expected {expected}; discussed "
                    f"{progress.discussed if progress else []}")

        self.begin("double-click empty board space, write a note, Ctrl+Enter")
        self.double_click_note(1)
        self.check()

        self.begin("drag a note into another zone")
        self.drag_note(2, 1)
        self.check()

        self.begin("cluster three notes (click, Ctrl+click, Ctrl+G)")
        self.cluster(0)
        self.check()

        self.begin("F7 to board 2's step; quick entry on board 2")
        self.f7_to_board(1)
        counts = {i: (2 if self.short else 5) for i in range(len(self.board().zones))}
        self.quick_entry(1, counts)
        self.check()

        self.begin("dot voting: + on two notes, Ctrl+T takes the top")
        self.vote()
        self.check()

        if not self.short:
            self.begin("F7 to board 3's step; quick entry on board 3")
            self.f7_to_board(2)
            self.quick_entry(2, {i: 4 for i in range(len(self.board().zones))})
            self.check()

        self.begin("F6 once more in this step")
        x.activate(self.app.main)
        x.key("F6")
        self.extra_minutes[self.agenda_index] = self.extra_minutes.get(self.agenda_index, 0) + 1
        self.check()

        self.begin("plan tab (Ctrl+4)")
        x.activate(self.app.main)
        x.key("ctrl+4")
        self.check(board=False)
        x.key(f"ctrl+{self.current_board + 1}")

        self.begin("projector on (F10)")
        self.projector_steps()

        self.begin("export to Word (Ctrl+E)")
        self.export_word()

        self.begin("resize the window, save and quit (Ctrl+Q)")
        left_at = self.resize_main()
        self.save()
        saved = json.loads(self.file.read_text())["workshop"]
        picture = self.camera.grab_stable()
        picture.save(self.out / f"{self.step_no:02d}-before-quit.png")
        x.key("ctrl+q")
        prompt = None
        try:
            code = self.app.wait_exit(20)
        except x.RehearsalError:
            prompt = [name for _wid, name in self.app.others()]
            self.camera.grab().save(self.out / f"{self.step_no:02d}-quit-prompt.png")
            self.app.kill()
            code = None
        self.record("the program quits at once after saving", code == 0, f"exit code {code}"
                    + (f"; it asked: {prompt}" if prompt else ""))
        result = subprocess.run([PROGRAM_PYTHON, "-m", "kompetencedialog_desktop", "check", str(self.file)],
                                capture_output=True, text=True, env=self.env, check=False)
        self.record("kompetencedialog check accepts the file", result.returncode == 0,
                    (result.stdout.strip().splitlines() or [""])[-1] + result.stderr.strip())

        self.begin("reopen the file from the start screen's recent list (one click)")
        self.app = App(self.env, log, [])
        self.current_board = 0
        self.open_recent()
        self.current_board = self.board_shown()
        self.check(saved=False)  # waits for the board, so the window has its final size
        if left_at is not None:
            g = x.geometry(self.app.main)
            self.record("the window comes back at the size it was left", abs(g.width - left_at[0]) <= 4
                        and abs(g.height - left_at[1]) <= 4, f"left at {left_at[0]}x{left_at[1]}, back at {g.width}x{g.height}")
        self.save()
        again = json.loads(self.file.read_text())["workshop"]
        differences = [k for k in sorted(set(saved) | set(again)) if saved.get(k) != again.get(k)]
        self.record("what was saved is what reopens (saved again unchanged)", not differences,
                    f"differs in: {', '.join(differences)}" if differences else "")
        self.check_file()

        self.begin("the agenda goes on where it was (F5, F7 after reopening)")
        x.activate(self.app.main)
        logged = len(load(self.file).timer_log)
        x.key("F5")
        time.sleep(1.2)  # the step must run a moment to be logged
        x.key("F7")
        self.check(board=False)
        log_after = load(self.file).timer_log
        step = self.variant.steps[self.agenda_index]
        planned = step.minutes + self.extra_minutes.get(self.agenda_index, 0)
        new = log_after[logged:] if len(log_after) > logged else []
        self.record("after reopening, the agenda is at the step it was saved in", bool(new) and new[0].step == step.id,
                    f"expected step {self.agenda_index + 1} '{step.id}', the program logged "
                    + (f"'{new[0].step}'" if new else "nothing"))
        self.record("after reopening, the step's planned minutes are kept", bool(new) and abs(new[0].planned_minutes - planned) < 0.01,
                    f"expected {planned} min, logged {new[0].planned_minutes if new else None}")
        x.key("ctrl+q")
        self.app.wait_exit(20)
        self.app = None

    # --- steps with more to them ---------------------------------------------------------------------
    def resize_main(self) -> tuple[int, int] | None:
        """The facilitator makes the window a little smaller than the screen before quitting."""
        before = x.geometry(self.app.main)
        target = (int(self.width * 0.9), int(self.height * 0.85))
        x.xdo("windowsize", str(self.app.main), str(target[0]), str(target[1]))
        try:
            x.wait_until(lambda: (x.geometry(self.app.main).width, x.geometry(self.app.main).height) != (before.width, before.height),
                         5, "the window to take the new size")
        except x.RehearsalError:
            pass
        after = x.geometry(self.app.main)
        resized = abs(after.width - target[0]) <= 4 and abs(after.height - target[1]) <= 4
        self.record("the window can be made 90 % of the screen wide", resized,
                    f"asked for {target[0]}x{target[1]}, got {after.width}x{after.height}")
        return (after.width, after.height) if resized else None

    def open_recent(self) -> None:
        """One click on the first file under *Senest brugte*; the list is the start screen's white box."""
        scale = float(self.env.get("QT_SCALE_FACTOR", "1"))
        left, top, right, bottom = self.window_region(self.app.main)
        column = int(min(left + (right - left) * 0.8, self.width - 20))

        def white_boxes():
            picture = self.camera.grab_stable()
            runs, start = [], None
            for y in range(max(0, top), min(bottom, self.height) + 1):
                white = y < min(bottom, self.height) and picture.pixel(column, y) == (255, 255, 255)
                if white and start is None:
                    start = y
                elif not white and start is not None:
                    runs.append((start, y))
                    start = None
            return [r for r in runs if r[1] - r[0] >= 40 * scale]

        runs = white_boxes()
        if not runs:  # below the fold of a small window: scroll down, as the facilitator would
            x.xdo("mousemove", "--sync", str((left + right) // 2), str((top + min(bottom, self.height)) // 2),
                  "click", "--repeat", "15", "--delay", "30", "5")
            runs = white_boxes()
        opened = False
        if runs:
            list_top = runs[-1][0]
            x.click(column, list_top + 12 * scale)
            try:
                x.wait_until(lambda: self.file.stem in x.window_name(self.app.main), 5, "the file to open")
                opened = True
            except x.RehearsalError:
                self.record("one click on a recent file opens it", False, "nothing happens; opening it with a double-click")
                x.click(column, list_top + 12 * scale, repeat=2)
                x.wait_until(lambda: self.file.stem in x.window_name(self.app.main), 30, "the file to open")
                return
        else:
            self.record("the recent files list is on the screen", False, "not found; opening the file with Ctrl+O")
            x.key("ctrl+o")
            self.type_in_dialog(self.app.dialog(r"^Åbn workshop"), str(self.file))
            x.wait_until(lambda: self.file.stem in x.window_name(self.app.main), 30, "the file to open")
            return
        self.record("one click on a recent file opens it", opened)

    def check_agenda_log(self) -> None:
        log = load(self.file).timer_log
        expected = [s.id for s in self.variant.steps[:self.agenda_index]]
        got = [entry.step for entry in log]
        self.record("the steps passed with F7 are logged", got == expected, f"logged {got}, expected {expected}")
        if log:
            planned = self.variant.steps[0].minutes + self.extra_minutes.get(0, 0)
            self.record("F6 added a minute to the step", abs(log[0].planned_minutes - planned) < 0.01,
                        f"planned {log[0].planned_minutes} min, expected {planned}")

    def undo_from_line(self) -> None:
        """The secretary types a point, regrets it with Ctrl+Z (still in the line), then presses Enter."""
        board = self.board()
        text = "Fejltastet pointe der fortrydes"
        x.activate(self.app.main)
        x.key("ctrl+l")
        x.type_text(text)
        x.key("Return", "ctrl+z", "Return")
        self.save()
        count = sum(1 for n in load(self.file).notes if n.text == text)
        self.record("Ctrl+Z in the quick entry removes the note, and Enter makes no duplicate", count == 0,
                    f"{count} copies of the note on the board")
        # Expect what the program did from here on, so one finding does not fail every later step.
        self.typed += [(board.id, self.entry_zone.get(board.id, board.zones[0].id), text)] * count

    def line_break(self) -> None:
        first, second = "Første linje", "anden linje"
        x.activate(self.app.main)
        x.key("ctrl+l")
        x.type_text(first)
        x.key("shift+Return")
        x.type_text(second)
        x.key("Return")
        self.save()
        notes = [n for n in load(self.file).notes if first in n.text or second in n.text]
        self.record("Shift+Enter in the quick entry makes one note with a line break",
                    [n.text for n in notes] == [f"{first}\n{second}"], f"saved {[n.text for n in notes]}")
        self.typed += [(n.board, n.zone, n.text) for n in notes]  # expect what the program did from here on

    def double_click_note(self, zone_index: int) -> None:
        board = self.board()
        zone = board.zones[zone_index]
        spot = free_spot(load(self.file).notes, zone, board.id)
        if spot is None:
            raise x.RehearsalError(f"zone {zone.id} has no free space for a double-click")
        where = self.locate()
        cx, cy = spot[0] + NOTE_W / 2, spot[1] + NOTE_H / 2
        sx, sy = where.to_screen(cx, cy)
        x.click(sx, sy, repeat=2)
        text = "Skrevet på pladen: mere tid til sidemandsoplæring"
        x.type_text(text)
        x.key("ctrl+Return")
        self.typed.append((board.id, zone.id, text))
        self.save()
        note = next((n for n in load(self.file).notes if n.text == text), None)
        placed = note is not None and abs(note.x + note.w / 2 - cx) < NOTE_W / 2 and abs(note.y + note.h / 2 - cy) < NOTE_H / 2
        self.record("the note lands where it was double-clicked", placed,
                    f"clicked at {cx:.0f},{cy:.0f}" + (f", note centre {note.x + note.w / 2:.0f},{note.y + note.h / 2:.0f}"
                                                       if note else ", no such note"))

    def clear_notes(self, notes, board_id: str, zone_id: str | None = None) -> list:
        """Notes no other note covers, so a click on their centre hits them."""
        mine = [n for n in notes if n.board == board_id and (zone_id is None or n.zone == zone_id)]
        covered = {id(a) for a, b, _ in overlaps(notes) for a in (a, b)}
        return [n for n in mine if id(n) not in covered]

    def drag_note(self, from_zone: int, to_zone: int) -> None:
        board = self.board()
        notes = load(self.file).notes
        candidates = self.clear_notes(notes, board.id, board.zones[from_zone].id)
        spot = free_spot(notes, board.zones[to_zone], board.id)
        if not candidates or spot is None:
            raise x.RehearsalError("no note to drag, or no free space to drop it")
        note = candidates[0]
        where = self.locate()
        start = where.to_screen(note.x + note.w / 2, note.y + note.h / 2)
        end = where.to_screen(spot[0] + note.w / 2, spot[1] + note.h / 2)
        x.drag(*start, *end)
        self.typed = [(b, board.zones[to_zone].id if t == note.text else z, t) for b, z, t in self.typed]
        self.save()
        moved = next(n for n in load(self.file).notes if n.id == note.id)
        near = abs(moved.x - spot[0]) < NOTE_W / 2 and abs(moved.y - spot[1]) < NOTE_H / 2
        self.record("the dragged note is where it was dropped, in the new zone", near and moved.zone == board.zones[to_zone].id,
                    f"dropped at {spot[0]:.0f},{spot[1]:.0f}, saved at {moved.x:.0f},{moved.y:.0f} in {moved.zone}")

    def cluster(self, zone_index: int) -> None:
        board = self.board()
        notes = load(self.file).notes
        picks = self.clear_notes(notes, board.id, board.zones[zone_index].id)[:3]
        if len(picks) < 3:
            picks = self.clear_notes(notes, board.id)[:3]
            self.record("three uncovered notes to cluster in the full zone", False,
                        "every note in the full zone is covered by another; clustering notes elsewhere")
        where = self.locate()
        for i, note in enumerate(picks):
            x.click(*where.to_screen(note.x + note.w / 2, note.y + note.h / 2), ctrl=i > 0)
        x.key("ctrl+g")
        self.type_in_dialog(self.app.dialog(r"^Saml i klynge"), "Trivsel")
        self.save()
        project = load(self.file)
        cluster = next((c for c in project.clusters if c.name == "Trivsel"), None)
        members = {n.id for n in project.notes if cluster and n.cluster == cluster.id}
        self.record("the three clicked notes form the cluster 'Trivsel'", cluster is not None and members == {n.id for n in picks},
                    f"{len(members)} members" if cluster else "no cluster")

    def vote(self) -> None:
        board = self.board()
        zone = next((z for z in board.zones if z.voting), None)
        if zone is None:
            raise x.RehearsalError(f"board {board.number} has no voting zone")
        notes = self.clear_notes(load(self.file).notes, board.id, zone.id)
        if len(notes) < 2:
            raise x.RehearsalError("fewer than two uncovered notes in the voting zone")
        where = self.locate()
        first, second = notes[0], notes[1]
        x.click(*where.to_screen(first.x + first.w / 2, first.y + first.h / 2))
        x.key("plus", "plus")
        x.click(*where.to_screen(second.x + second.w / 2, second.y + second.h / 2))
        x.key("plus")
        x.key("ctrl+t")
        wid = self.app.dialog(r"^Vælg de øverste")
        x.key("Return")
        x.wait_window_gone(self.app.proc.pid, wid)
        self.save()
        saved = {n.id: n for n in load(self.file).notes}
        self.record("dots are saved (2 and 1)", (saved[first.id].votes, saved[second.id].votes) == (2, 1),
                    f"saved {saved[first.id].votes} and {saved[second.id].votes}")
        self.record("Ctrl+T marks the voted notes as chosen", saved[first.id].chosen and saved[second.id].chosen, "")

    def projector_steps(self) -> None:
        x.activate(self.app.main)
        x.key("F10")
        self.projector = x.wait_until(lambda: next((w for w, n in self.app.others() if "projektor" in n), None), 30,
                                      "the projector window")
        # One screen: the projector opens on top of the main window and may cover its board (it
        # is moved to the projector by hand). The main window is checked with itself on top.
        x.activate(self.app.main)
        self.check(board=True)
        x.activate(self.projector)  # the room's view goes on top again
        picture = self.grab_projector(lambda p: self.projector_share(p) >= PROJECTOR_DRAWN)
        picture.save(self.out / f"{self.step_no:02d}-projector.png")
        self.check_window(self.projector, "projector window")
        self.record("the one-screen projector window has a frame (it can be moved)",
                    x.geometry(self.projector).frame != (0, 0, 0, 0), f"frame {x.geometry(self.projector).frame}")
        self.check_projector_board(picture)

        self.begin("projector blanked (B) and back")
        x.key("b")
        region = self.window_region(self.projector)
        try:
            x.wait_until(lambda: self.camera.grab().share_of(["#000000"], region) > 0.8, 10, "the projector to go black")
            black = True
        except x.RehearsalError:
            black = False
        self.camera.grab_stable().save(self.out / f"{self.step_no:02d}-projector-blanked.png")
        self.record("B blanks the projector", black, "")
        x.activate(self.projector)
        x.key("b")
        back = self.grab_projector(lambda p: p.share_of(["#000000"], region) < 0.5)
        back.save(self.out / f"{self.step_no:02d}-projector-back.png")
        self.check_projector_board(back, " after B again")
        changed = back.difference(picture, step=3, region=region)
        self.record("B twice brings back the same projector picture", changed < 0.03,
                    f"{changed:.1%} of the projector window differs from before")

        self.begin("projector off (F10 again)")
        x.activate(self.app.main)
        x.key("F10")
        try:
            x.wait_window_gone(self.app.proc.pid, self.projector, timeout=5)
            hidden = True
        except x.RehearsalError:
            hidden = False
        self.record("F10 hides the projector again", hidden, "" if hidden else "the projector window stays; closed with Esc")
        if not hidden:
            x.activate(self.projector)
            x.key("Escape")
            x.wait_window_gone(self.app.proc.pid, self.projector)
        self.projector = None
        self.check(saved=False)

    def export_word(self) -> None:
        x.activate(self.app.main)
        x.key("ctrl+l", "ctrl+e")  # where the secretary's focus always is: the quick-entry line
        try:
            dialog = self.app.dialog(r"^Eksportér til Word", timeout=5)
            self.record("Ctrl+E exports while the quick entry has the focus", True)
        except x.RehearsalError:
            self.record("Ctrl+E exports while the quick entry has the focus", False,
                        "nothing happens (the line edit takes Ctrl+E); exporting after a click on the board")
            where = self.locate()
            x.click(*where.to_screen(self.board().width / 2, 60))  # the board's title: focus to the board
            x.key("ctrl+e")
            dialog = self.app.dialog(r"^Eksportér til Word")
        self.type_in_dialog(dialog, str(self.docx))
        ready = self.app.dialog(r"^Eksporten er klar", timeout=120)
        x.key("Escape")  # do not open it in a word processor
        x.wait_window_gone(self.app.proc.pid, ready)
        self.check(saved=False)
        with zipfile.ZipFile(self.docx) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
            pictures = [n for n in docx.namelist() if n.startswith("word/media/")]
        text = re.sub(r"<[^>]+>", "", xml)
        missing = [t for _b, _z, t in self.typed if not all(line in text for line in t.splitlines())]
        self.record("the Word document holds every note", not missing,
                    f"{len(self.typed) - len(missing)} of {len(self.typed)}" + (f"; missing {missing[0]!r}" if missing else ""))
        self.record("the Word document has a picture of each board", len(pictures) >= len(self.content.boards),
                    f"{len(pictures)} pictures")


# --- one screen size (a child process with its own X server) -----------------------------------
def run_size(size: str, kinds: list[str], out: Path, short: bool) -> int:
    width, height, _scale = SIZES[size]
    (out / size).mkdir(parents=True, exist_ok=True)
    results: list[Outcome] = []
    with x.XSession(width, height, out / size):
        camera = x.Camera()
        for kind in kinds:
            results += Rehearsal(size, kind, out, camera, short).run()
    (out / size / "results.json").write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False, indent=1))
    return 0


def summary(results: list[Outcome]) -> bool:
    print("\n=== Rehearsal summary ===")
    width = max((len(r.step) for r in results), default=10)
    failed = [r for r in results if not r.ok]
    # The same invariant failing in later steps is one line (with the first step's detail).
    grouped: dict[tuple, list[Outcome]] = {}
    for r in failed:
        grouped.setdefault((r.size, r.workshop, r.invariant), []).append(r)
    for group in grouped.values():
        r = group[0]
        later = f"  (also in steps {', '.join(g.step[:2] for g in group[1:])})" if len(group) > 1 else ""
        print(f"FAIL  {r.size:<14} {r.workshop:<9} {r.step:<{width}}  {r.invariant}  — {r.detail}{later}")
    by_invariant: dict[str, list[int]] = {}
    for r in results:
        counts = by_invariant.setdefault(re.sub(r"board \d", "board N", r.invariant), [0, 0])
        counts[0 if r.ok else 1] += 1
    print("\nper invariant (passed / failed):")
    for name, (ok, bad) in sorted(by_invariant.items(), key=lambda kv: -kv[1][1]):
        print(f"  {'FAIL' if bad else 'PASS'}  {ok:>3} / {bad:<3} {name}")
    print(f"\n{len(results) - len(failed)} of {len(results)} checks passed, {len(failed)} failed.")
    return not failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="one workshop at one size, fewer notes (CI)")
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), help="screen sizes (default: all three)")
    parser.add_argument("--workshops", nargs="+", choices=["strategi", "grus"], help="default: both")
    parser.add_argument("--out", type=Path, default=ROOT / "rehearsal", help="screenshots and logs (default: rehearsal/)")
    parser.add_argument("--python", default=sys.executable,
                        help="the python whose kompetencedialog_desktop is rehearsed (default: this one)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.sizes or (["1366x768"] if args.short else list(SIZES))
    kinds = args.workshops or (["strategi"] if args.short else ["strategi", "grus"])
    if args.child:
        return run_size(args.child, kinds, args.out, args.short)
    started = time.monotonic()
    results: list[Outcome] = []
    broken = False
    for size in sizes:
        result_file = args.out / size / "results.json"
        result_file.unlink(missing_ok=True)
        # The child runs on the rehearsed checkout's python, so its model reads the files that program writes.
        child = [args.python, __file__, "--child", size, "--workshops", *kinds, "--out", str(args.out)]
        if args.short:
            child.append("--short")
        code = subprocess.run(child, check=False).returncode
        if code != 0 or not result_file.exists():
            print(f"the rehearsal at {size} did not finish (exit code {code})")
            broken = True
            continue
        results += [Outcome(**r) for r in json.loads(result_file.read_text())]
    ok = summary(results)
    print(f"Screenshots: {args.out}/<size>/<workshop>/   ({time.monotonic() - started:.0f} s)")
    return 2 if broken else (0 if ok else 1)


if __name__ == "__main__":
    sys.exit(main())
