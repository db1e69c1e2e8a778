"""Kill the real program with SIGKILL at random moments (also during saves) and check that
nothing is lost: every project file and recovery file loads, and at most 1 s of edits is missing.

    .venv/bin/python benchmarks/fault_injection.py --trials 50      (CI)
    .venv/bin/python benchmarks/fault_injection.py --trials 1000    (by hand)
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from kompetencedialog_desktop.model.project import Project
from kompetencedialog_desktop.storage.autosave import AutosaveStore
from kompetencedialog_desktop.storage.project_file import LoadError, load_project, save_project

CHILD = Path(__file__).with_name("stress_child.py")
ALLOWED_LOSS = 1.0


def trial(rng: random.Random, folder: Path) -> dict:
    project_path = folder / "workshop.kdlg"
    save_project(Project(workshop="strategi", title="Stresstest"), project_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(folder / "state"),
               XDG_CONFIG_HOME=str(folder / "config"))
    child = subprocess.Popen([sys.executable, str(CHILD), str(project_path)], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    edits: dict[int, float] = {}
    saving, saved = set(), set()
    ready = threading.Event()

    def read() -> None:
        for line in child.stdout:
            parts = line.split()
            if parts[0] == "READY":
                ready.set()
            elif parts[0] == "EDIT":
                edits[int(parts[1])] = float(parts[2])
            elif parts[0] == "SAVING":
                saving.add(int(parts[1]))
            elif parts[0] == "SAVED":
                saved.add(int(parts[1]))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    ready.wait(30)
    time.sleep(rng.uniform(0.2, 2.5))  # a benchmark script may wait; tests never do
    os.kill(child.pid, signal.SIGKILL)
    killed_at = time.time()
    child.wait()
    reader.join(5)

    result = {"edits": len(edits), "saves": len(saved), "killed_in_save": bool(saving - saved),
              "unreadable": 0, "late_losses": 0, "lost": 0, "worst_gap": 0.0}
    recovered: set[str] = set()
    for path in (project_path, project_path.with_name(project_path.name + ".bak")):
        if path.exists():
            try:
                notes = load_project(path).notes
                if path == project_path:
                    recovered |= {n.text for n in notes}
            except LoadError:
                result["unreadable"] += 1
    store = AutosaveStore(folder / "state" / "kompetencedialog" / "autosave")
    snapshots = list(store.folder.glob("*.kdlg")) if store.folder.is_dir() else []
    for entry in store.entries():
        try:
            recovered |= {n.text for n in store.load(entry).notes}
        except LoadError:
            result["unreadable"] += 1
    result["unreadable"] += len(snapshots) - len(store.entries())  # a snapshot recovery cannot offer
    for n, when in edits.items():
        if f"Pointe {n:05d}" not in recovered:
            result["lost"] += 1
            gap = killed_at - when
            if gap > ALLOWED_LOSS:
                result["late_losses"] += 1
            result["worst_gap"] = max(result["worst_gap"], gap)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    totals = {"edits": 0, "saves": 0, "killed_in_save": 0, "unreadable": 0, "late_losses": 0, "lost": 0}
    worst_gap = 0.0
    started = time.time()
    for i in range(args.trials):
        with tempfile.TemporaryDirectory(prefix="kdlg-kill-") as folder:
            result = trial(rng, Path(folder))
        for key in totals:
            totals[key] += int(result[key])
        worst_gap = max(worst_gap, result["worst_gap"] if result["lost"] else 0.0)
    print(f"trials: {args.trials} in {time.time() - started:.0f} s")
    print(f"edits made: {totals['edits']}, saves finished: {totals['saves']}, kills during a save: {totals['killed_in_save']}")
    print(f"unreadable project/backup/recovery files: {totals['unreadable']}")
    print(f"edits missing after the kill: {totals['lost']} (all younger than {ALLOWED_LOSS:g} s: "
          f"{'yes' if totals['late_losses'] == 0 else 'NO'}; oldest missing edit {worst_gap:.3f} s before the kill)")
    print(f"result: {totals['late_losses']} edits lost beyond {ALLOWED_LOSS:g} s, {totals['unreadable']} unreadable files")
    if totals["unreadable"] or totals["late_losses"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
