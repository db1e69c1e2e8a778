"""Export time: the example workshops and a 2,000-note workshop, with board pictures.
Goal: <= 1 s for the example including the pictures. Run: .venv/bin/python benchmarks/bench_export.py"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from _data import big_project  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kompetencedialog_desktop.model.factory import example_project  # noqa: E402
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content  # noqa: E402
from kompetencedialog_desktop.storage.docx_export import export_docx, write_export  # noqa: E402
from kompetencedialog_desktop.ui.board_render import board_pngs, boards_pdf  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - start) * 1000


def main() -> None:
    app = QApplication(sys.argv[:1])  # noqa: F841 - the painter needs it
    out = Path(tempfile.mkdtemp(prefix="kdlg-export-"))
    cases = [(f"example {w}", example_project(workshop_content(w), load_example(w))) for w in ("strategi", "grus")]
    cases.append(("2,000 notes (strategi)", big_project(2000)))
    board_pngs(cases[0][1])  # warm fonts and caches once, as a running app would be
    print(f"{'workshop':26s} {'pictures ms':>12s} {'docx ms':>9s} {'total ms':>9s} {'docx KB':>8s} {'pdf ms':>7s}")
    for name, project in cases:
        pictures, pictures_ms = timed(lambda: board_pngs(project))
        path = out / f"{name.split()[0]}.docx"
        _, docx_ms = timed(lambda: export_docx(project, path, pictures))
        _, pdf_ms = timed(lambda: write_export(out / "plader.pdf", boards_pdf(project)))
        print(f"{name:26s} {pictures_ms:12.0f} {docx_ms:9.0f} {pictures_ms + docx_ms:9.0f} {path.stat().st_size / 1024:8.0f} {pdf_ms:7.0f}")


if __name__ == "__main__":
    main()
