"""Time and peak memory of `check` (and `export --docx`, opening in the window) on files at and beyond the
file limits: the 1,000,000-note file of the hostile-input run, the most notes a file may hold, one
more, a file just under the size cap, and a file of tiny JSON items just under the item cap.

    .venv/bin/python benchmarks/bench_hostile_files.py

Each case runs in its own process; memory is that process's peak RSS."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kompetencedialog_desktop.storage.project_file import MAX_FILE_BYTES, MAX_JSON_ITEMS, MAX_NOTES, dump_project

sys.path.insert(0, str(Path(__file__).parent))
from _data import big_project  # noqa: E402

GUI_OPEN = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kompetencedialog_desktop.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow()
window.show()
ok = window.files.open(Path(sys.argv[1]))
app.processEvents()
window.grab()
print(f"åbnet: {ok}, {len(window.files.document.project.notes) if ok else 0} post-its")
window.files.document.forget_changes() if ok else None
"""

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
last = (run.stdout if run.returncode == 0 and run.stdout.strip() else run.stderr or run.stdout).strip().splitlines() or [""]
print(f"{run.returncode}\\t{took:.2f}\\t{peak:.0f}\\t{last[-1][:110]}")
"""


def _write_notes(path: Path, head: dict, note: dict, count: int, text_len: int = 0) -> None:
    """Streams the file so even a million notes costs the benchmark no memory."""
    envelope = json.dumps(head, ensure_ascii=False)
    before, after = envelope.split('"notes": []')
    with open(path, "w", encoding="utf-8") as out:
        out.write(before + '"notes": [')
        for i in range(count):
            item = dict(note, id=f"n{i}", text=(note["text"] + " " + "x" * text_len)[: max(text_len, 1) + 40])
            out.write(("," if i else "") + json.dumps(item, ensure_ascii=False))
        out.write("]" + after)


def main() -> None:
    base = json.loads(dump_project(big_project(10)))
    note = base["workshop"]["notes"][0]
    head = dict(base, workshop=dict(base["workshop"], notes=[]))
    cli = [sys.executable, "-m", "kompetencedialog_desktop"]
    with tempfile.TemporaryDirectory(prefix="kdlg-limits-") as tmp:
        folder = Path(tmp)
        cases = []
        f = folder / "million.kdlg"
        _write_notes(f, head, note, 1_000_000)
        cases.append(("1,000,000 notes (hostile run)", f))
        f = folder / "max-notes.kdlg"
        _write_notes(f, head, note, MAX_NOTES)
        cases.append((f"{MAX_NOTES:,} notes (the most allowed)", f))
        f = folder / "max-notes-plus-one.kdlg"
        _write_notes(f, head, note, MAX_NOTES + 1)
        cases.append((f"{MAX_NOTES + 1:,} notes", f))
        f = folder / "under-size-cap.kdlg"
        per_note = (MAX_FILE_BYTES - 200_000) // MAX_NOTES - 400
        _write_notes(f, head, note, MAX_NOTES, text_len=per_note)
        cases.append((f"{MAX_NOTES:,} notes with {per_note:,}-char texts, just under the size cap", f))
        f = folder / "tiny-items.kdlg"
        empties = (MAX_JSON_ITEMS - 50_000) // 2  # each "{}," is two items
        data = dict(base, padding=[{}] * empties)
        f.write_text(json.dumps(data), encoding="utf-8")
        cases.append((f"{empties:,} empty objects, just under the item cap", f))
        print(f"limits: {MAX_FILE_BYTES // (1024 * 1024)} MB per file, {MAX_JSON_ITEMS:,} JSON items, {MAX_NOTES:,} notes")
        print("case\tsize MB\tcommand\texit\tseconds\tpeak RSS MB\tlast line")
        for name, path in cases:
            size = path.stat().st_size / (1024 * 1024)
            commands = [("check", [*cli, "check", str(path)])]
            if "most allowed" in name or "size cap" in name:
                commands.append(("export", [*cli, "export", str(path), "--docx", str(folder / "u.docx")]))
                commands.append(("GUI open", [sys.executable, "-c", GUI_OPEN, str(path)]))
            for label, command in commands:
                out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True).stdout.strip()
                print(f"{name}\t{size:.1f}\t{label}\t{out}")


if __name__ == "__main__":
    main()
