"""Save and load time of a 2,000-note project next to the raw json.dumps/json.loads floor.

Goal: save <= 50 ms and <= 2x the raw floor. Run: .venv/bin/python benchmarks/bench_file.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _data import big_project  # noqa: E402

from kompetencedialog_desktop.storage.project_file import dump_project, load_project, save_project  # noqa: E402


def best_ms(fn, repeat: int = 15) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    project = big_project(2000)
    folder = Path(tempfile.mkdtemp(prefix="kdlg-bench-"))
    path = folder / "stor.kdlg"
    save_project(project, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(raw, ensure_ascii=False, indent=2)

    rows = [
        ("raw json.dumps (same data, indent=2)", best_ms(lambda: json.dumps(raw, ensure_ascii=False, indent=2))),
        ("raw json.loads", best_ms(lambda: json.loads(text))),
        ("serialise (dump_project, no disk)", best_ms(lambda: dump_project(project))),
        ("save_project (atomic, fsync, .bak)", best_ms(lambda: save_project(project, path))),
        ("load_project (read, parse, validate)", best_ms(lambda: load_project(path))),
    ]
    print(f"2,000-note project: {len(project.notes)} notes, file {path.stat().st_size / 1024:.0f} KiB")
    print(f"{'':40s} {'best ms':>8s} {'median ms':>10s}")
    for name, (best, median) in rows:
        print(f"{name:40s} {best:8.1f} {median:10.1f}")
    raw_dump, raw_load = rows[0][1][0], rows[1][1][0]
    print(f"save / raw dumps floor: {rows[3][1][0] / raw_dump:.2f}x   serialise / raw dumps: {rows[2][1][0] / raw_dump:.2f}x")
    print(f"load / raw loads floor: {rows[4][1][0] / raw_load:.2f}x")


if __name__ == "__main__":
    main()
