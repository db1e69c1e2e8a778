"""The board with 2,000 post-its, offscreen: open-to-first-paint, full repaint, drag step,
repaint after a zoom change, quick-entry note, peak RSS; medians and worst cases.
Goals (issue 18): open <= 300 ms, worst drag step <= 16 ms, worst repaint after a zoom change
<= 50 ms, quick-entry note worst of 50 <= 5 ms, peak RSS <= 150 MB.
Run: .venv/bin/python benchmarks/bench_board.py [NOTES]   (default 2000; e.g. 300 for a busy real workshop)
     .venv/bin/python benchmarks/bench_board.py 2000 --runs 7   (7 whole processes, one after the other:
     each figure's median and worst over the runs; on a shared machine one run says little)
     .venv/bin/python benchmarks/bench_board.py 2000 --placed   (the notes placed by the app's own rule,
     in grids with none on top of another, instead of at random spots ~7 deep)
KDLG_BENCH_CLOCK=cpu times with this thread's CPU time instead of the wall clock: on a shared,
busy machine that keeps other processes' load out of the figures (Qt paints offscreen on this thread)."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from _data import big_project  # noqa: E402
from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kompetencedialog_desktop.storage.project_file import build_validators, save_project  # noqa: E402
from kompetencedialog_desktop.ui.document import WorkshopDocument  # noqa: E402
from kompetencedialog_desktop.ui.main_window import MainWindow  # noqa: E402


def ms(fn, repeat: int) -> tuple[float, float]:
    times = timings(fn, repeat)
    return statistics.median(times), max(times)


CLOCK = time.thread_time if os.environ.get("KDLG_BENCH_CLOCK") == "cpu" else time.perf_counter


def timings(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = CLOCK()
        fn()
        times.append((CLOCK() - start) * 1000)
    return times


def make(n_notes: int, path: str, placed: bool = False) -> None:
    project = big_project(n_notes)
    if placed:
        # The same notes as the app's own placement rule puts them (model/layout.py): each zone's
        # notes in a grid, smaller as the zone fills, none on top of another (big_project drops
        # them at random spots, so that ~7 notes lie on top of each other everywhere).
        from kompetencedialog_desktop.model.layout import add_placed
        from kompetencedialog_desktop.storage.content_loader import workshop_content

        content = workshop_content(project.workshop)
        notes, project.notes = project.notes, []
        for board in content.boards:
            for zone in [None] + [z.id for z in board.zones]:
                group = [n for n in notes if n.board == board.id and n.zone == zone]
                for n in group:
                    n.w, n.h = 160.0, 100.0
                add_placed(project, board, zone, group)
        placed_ids = {n.id for n in project.notes}
        project.notes += [n for n in notes if n.id not in placed_ids]  # a board this content lacks
    save_project(project, Path(path))


def repeat(n_notes: int, runs: int, extra: list[str]) -> None:
    """Run the benchmark `runs` times in fresh processes; print each figure's median and worst."""
    import re

    figures: dict[str, list[list[float]]] = {}
    for run in range(runs):
        out = subprocess.run([sys.executable, __file__, str(n_notes)] + extra, check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            # "name   1.2 / 3.4 ms   (...)": the name, two spaces or more, the figures, the unit.
            match = re.match(r"^(.+?)\s{2,}([\d.]+(?:\s*/\s*[\d.]+)?)\s*(ms|MB)", line)
            if match:
                values = [float(v) for v in match.group(2).split("/")]
                figures.setdefault(f"{match.group(1).strip()} ({match.group(3)})", []).append(values)
        print(f"run {run + 1}/{runs} done", file=sys.stderr)
    print(f"{n_notes:,}-note workshop{' (placed)' if extra else ''}, {runs} runs, {'CPU time' if CLOCK is time.thread_time else 'wall clock'}:"
          " median of the runs [worst run]")
    for name, rows in figures.items():
        cols = list(zip(*rows))
        shown = " / ".join(f"{statistics.median(c):.1f} [{max(c):.1f}]" for c in cols)
        print(f"  {name:44s} {shown}")


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        return make(int(sys.argv[2]), sys.argv[3], "--placed" in sys.argv)
    placed = "--placed" in sys.argv
    if placed:
        sys.argv.remove("--placed")
    if "--runs" in sys.argv:
        at = sys.argv.index("--runs")
        runs = int(sys.argv[at + 1])
        del sys.argv[at:at + 2]
        return repeat(int(sys.argv[1]) if len(sys.argv) > 1 else 2000, runs, ["--placed"] if placed else [])
    n_notes = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    path = Path(tempfile.mkdtemp(prefix="kdlg-bench-")) / "stor.kdlg"
    # The test file is made in a child process: building 2,000 notes here would count in this
    # process's peak RSS, which should be what opening and using the file costs.
    subprocess.run([sys.executable, __file__, "--make", str(n_notes), str(path)] + (["--placed"] if placed else []), check=True)
    app = QApplication(sys.argv[:1])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    window = MainWindow()
    window.resize(1920, 1080)
    # As in the program: the window is up at its start screen when the user opens a file, and it
    # has built the validators in an idle moment after its first paint (ui/main_window.py).
    window.show()
    app.processEvents()
    start = CLOCK()
    build_validators()
    validators_ms = (CLOCK() - start) * 1000
    start = CLOCK()
    window.files._set_document(WorkshopDocument.open(path, window.files))
    app.processEvents()  # offscreen: let the window be exposed so repaint() really paints
    window.current_page().view.viewport().repaint()  # board 1, as the user sees it first
    open_ms = (CLOCK() - start) * 1000
    # Work the first paint leaves for later (notes' layouts kept, other boards' texts fitted, in
    # idle turns) shows up in these turns; then the loop runs until that work is done (at most
    # ~2 s), as while a user looks at board 1 before opening the next tab.
    after_open = timings(app.processEvents, 25)
    for _ in range(500):
        after_open += timings(app.processEvents, 1)
        if after_open[-1] < 1.0:
            break
    start = CLOCK()
    window.show_board(1)
    # The tab's layout gives the new view its size in this turn (and paints it): without it the
    # view was still 640x480, so its first paint, the full repaints and the first zoom below
    # were measured on a view a fifth of the real one's area.
    app.processEvents()
    page = window.current_page()
    page.view.fit_board()
    page.view.viewport().repaint()  # paints every visible note: the first paint
    switch_ms = (CLOCK() - start) * 1000
    after_open += timings(app.processEvents, 25)
    notes_on_board = len(page.scene.items_by_id)

    repaint = ms(lambda: page.view.viewport().repaint(), 30)
    # Each zoom change (in, in, out, out, ...) followed by the repaint it causes.
    zoom_factors = iter([1.2, 1.2, 1 / 1.2, 1 / 1.2, 1 / 1.2, 1.2] * 2)

    def zoom_and_repaint():
        page.view.zoom_by(next(zoom_factors), False)
        page.view.viewport().repaint()

    zoomed, after_zoom = [], []
    for _ in range(12):
        zoomed += timings(zoom_and_repaint, 1)
        # Work a zoom change leaves for later (a cache catching up) shows up in these turns.
        after_zoom += timings(app.processEvents, 25)
    page.view.fit_board()  # back to the whole board: a zoom change too
    page.view.viewport().repaint()
    after_zoom += timings(app.processEvents, 25)

    # A drag: press on a note, then time each mouse move plus the repaint it causes.
    note = next(n for n in window.files.document.project.notes if n.board == page.board.id)
    viewport = page.view.viewport()
    point = page.view.mapFromScene(QPointF(note.x + 20, note.y + 20))
    page.scene.items_by_id[note.id].setZValue(10)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    step = [0]

    def drag_step():
        step[0] += 1
        QTest.mouseMove(viewport, point + type(point)(step[0] * 3, step[0] * 2))
        app.processEvents()

    drag_times = timings(drag_step, 40)

    def drop():
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           point + type(point)(step[0] * 3, step[0] * 2))
        app.processEvents()

    # The drop and the repaint it causes, timed on their own: left pending, they were counted
    # as the first quick-entry note (a 60-120 ms "worst note" that was the drop's).
    drop_ms = timings(drop, 1)[0]

    entry = page.entry
    counter = [0]

    def quick_note():
        counter[0] += 1
        entry.line.setText(f"Ny pointe {counter[0]}")
        entry.submit()
        app.processEvents()

    quick = ms(quick_note, 50)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"{n_notes:,}-note workshop{' (placed by the rule)' if placed else ''}, board 2 shows {notes_on_board} notes,"
          " window 1920x1080 (offscreen, board"
          f" view {page.view.viewport().width()}x{page.view.viewport().height()}),"
          f" {'CPU time' if CLOCK is time.thread_time else 'wall clock'}")
    print(f"validators, built at start-up  {validators_ms:6.1f} ms   (in an idle moment after the first paint; not in open)")
    print(f"open to first paint          {open_ms:8.1f} ms   (board 1 painted; goal <= 300)")
    print(f"then board 2 first painted   {switch_ms:8.1f} ms   (open + this: {open_ms + switch_ms:.0f} ms,"
          f" what earlier versions of this script called open)")
    print(f"event-loop turn after opening, worst  {max(after_open):6.1f} ms   ({len(after_open)} turns after the boards' first paints)")
    print(f"full repaint, median / max   {repaint[0]:8.1f} / {repaint[1]:.1f} ms   (goal <= 16)")
    print(f"zoom change + repaint, med / max  {statistics.median(zoomed):6.1f} / {max(zoomed):.1f} ms"
          f"   (12 changes; goal: max <= 50)")
    print(f"event-loop turn after a zoom, worst  {max(after_zoom):6.1f} ms   (25 turns after each change)")
    print(f"drag step, median / max      {statistics.median(drag_times):8.2f} / {max(drag_times):.2f} ms"
          f"   (first step {drag_times[0]:.2f} ms; goal: max <= 16)")
    print(f"drop (release) + repaint     {drop_ms:8.2f} ms   (the drag's last step; goal <= 16)")
    print(f"quick-entry note, med / max  {quick[0]:8.2f} / {quick[1]:.2f} ms   (worst of 50; goal <= 5)")
    print(f"peak RSS                     {peak:8.1f} MB   (goal <= 150; {rss_before:.0f} MB before the window)")
    window.files.document.forget_changes()
    window.close()


if __name__ == "__main__":
    main()
