"""Start-up against the floor: the program's `--smoke-test` (start -> example workshop open and
painted -> quit) and a bare PySide6 window that paints once and quits, as whole processes,
alternated in one run so a busy machine slows both alike. Prints the medians, their ratio and
the peak RSS of each (the child's own ru_maxrss, from wait4).
Goals (issue 18): ratio <= 1.25x, peak RSS <= 80 MB.

A third program, the stack floor, is the bare window plus what the fixed stack costs any
program whose workshop is a tree of pydantic models: import pydantic and our model modules and
build the validators a workshop's first validation needs (no window of ours, no content, no
board). The program's ratio to it is the part that is ours to cut.
Run: .venv/bin/python benchmarks/bench_startup.py [PAIRS]   (default 11; at least 7)"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

# What the bare floor does: the same Qt start, one window shown, painted once, quit.
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
window = QLabel("Kompetencedialog")
window.resize(1400, 900)
window.show()
app.processEvents()
image = window.grab()
sys.exit(0 if not image.isNull() else 1)
"""

# The bare window, after the stack's share: pydantic, the model's classes and the two
# validators opening any workshop builds (a Note's and the Project's).
STACK = """
from kompetencedialog_desktop.model.project import Note, Project
Project(workshop="strategi", title="x", notes=[Note(id="n-1", board="b", zone="z", x=0, y=0, text="x")])
""" + BARE

PROGRAM = [sys.executable, "-m", "kompetencedialog_desktop", "--smoke-test"]


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall time (ms) from spawn to exit, the child's peak RSS (MB) and its CPU time (ms)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv[-2:])} failed ({proc.returncode}):\n{err}")
    return elapsed, usage.ru_maxrss / 1024, (usage.ru_utime + usage.ru_stime) * 1000  # Linux: KiB


def main() -> None:
    pairs = max(7, int(sys.argv[1]) if len(sys.argv) > 1 else 11)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # An installed program runs from compiled bytecode (pip and PyInstaller both compile it); a
    # checkout run with PYTHONDONTWRITEBYTECODE would recompile our ~6,000 lines on every start.
    # The warm-up below writes the __pycache__ folders (ignored by git).
    if not os.environ.get("KDLG_BENCH_NO_BYTECODE"):
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    for var in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = tempfile.mkdtemp(prefix="kdlg-start-")  # never the user's settings or recovery
    bare_argv = [sys.executable, "-c", BARE]
    stack_argv = [sys.executable, "-c", STACK]
    # One warm-up of each: the first start pays for the disk cache, not for the program.
    for argv in (bare_argv, stack_argv, PROGRAM):
        run(argv, env)
    bare, stack, prog, ratios = [], [], [], []
    for i in range(pairs):
        order = [(bare_argv, bare), (PROGRAM, prog), (stack_argv, stack)]
        if i % 2:
            order.reverse()
        pair = {}
        for argv, into in order:
            into.append(run(argv, env))
            pair[id(argv)] = into[-1][0]
        ratios.append(pair[id(PROGRAM)] / pair[id(bare_argv)])
    bt, br, bc = ([x[i] for x in bare] for i in range(3))
    st, sr, sc = ([x[i] for x in stack] for i in range(3))
    pt, pr, pc = ([x[i] for x in prog] for i in range(3))
    print(f"{pairs} alternated pairs, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, {os.cpu_count()} cores,"
          f" bytecode {'off' if 'PYTHONDONTWRITEBYTECODE' in env else 'cached'}")
    print(f"{'':28}{'median':>9}{'min':>9}{'max':>9}{'peak RSS':>12}")
    print(f"{'bare PySide6 window':28}{statistics.median(bt):7.0f}ms{min(bt):7.0f}ms{max(bt):7.0f}ms"
          f"{statistics.median(br):9.1f} MB")
    print(f"{'stack floor (+ pydantic)':28}{statistics.median(st):7.0f}ms{min(st):7.0f}ms{max(st):7.0f}ms"
          f"{statistics.median(sr):9.1f} MB")
    print(f"{'kompetencedialog --smoke-test':28}{statistics.median(pt):7.0f}ms{min(pt):7.0f}ms{max(pt):7.0f}ms"
          f"{statistics.median(pr):9.1f} MB")
    ratio = statistics.median(pt) / statistics.median(bt)
    print(f"ratio of medians             {ratio:5.2f}x   (median of per-pair ratios {statistics.median(ratios):.2f}x;"
          f" goal <= 1.25x)")
    print(f"peak RSS of the program      {max(pr):5.1f} MB  (worst run; goal <= 80 MB; bare {max(br):.1f} MB)")
    # CPU time (user + system) of each child: what the program itself costs, whatever else runs.
    print(f"CPU time, median             {statistics.median(pc):5.0f} ms vs bare {statistics.median(bc):.0f} ms:"
          f" {statistics.median(pc) / statistics.median(bc):.2f}x")
    print(f"stack floor ÷ bare            {statistics.median(st) / statistics.median(bt):5.2f}x   (pydantic and the model alone;"
          f" RSS {statistics.median(sr):.1f} MB)")
    print(f"program ÷ stack floor         {statistics.median(pt) / statistics.median(st):5.2f}x   (the part that is ours to cut)")


if __name__ == "__main__":
    main()
