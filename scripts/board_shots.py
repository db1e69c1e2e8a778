"""Screenshots and figures of the board canvas: a zone with 30 notes, long Danish notes, the
projector view; text sizes in pixels and an overlap check of 30 notes in every zone of every board.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/board_shots.py OUT 1920x1080
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/board_shots.py OUT 1366x768
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from shot_window import maximised_window, settle, text_px, type_notes

from kompetencedialog_desktop.ui.main_window import MainWindow

IDEAS = [
    "Nyt IT-system",
    "Borgerne forventer svar samme dag",
    "Kompetencefonden bør bruges til at give sagsbehandlingssystemet et løft, så alle medarbejdere kan følge med",
    "Flere opgaver flyttes fra regionen til kommunen",
    "Sagsbehandlingstiderne skal ned",
    "Videndeling mellem teams",
    "Ny lovgivning om persondata og informationssikkerhed på arbejdspladsen",
    "Klart sprog i breve",
    "Kompetencestrategiens indsatsområder skal kendes af alle ledere og medarbejdere i forvaltningen",
    "Mentorordning for nye kolleger",
]
LONG_120 = ("Kompetencefonden bør bruges til at give sagsbehandlingssystemet et løft, så alle "
            "medarbejdere kan følge med i digitaliseringen")


def overlaps(window: MainWindow) -> int:
    count = 0
    for page in window.pages:
        rects = [i.sceneBoundingRect().adjusted(4, 4, -4, -4) for i in page.scene.items_by_id.values()]
        count += sum(1 for a, b in itertools.combinations(rects, 2) if a.intersects(b))
    return count


def main(out: Path, size: str) -> None:
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    app, window = maximised_window((width, height))

    # 1. Long Danish notes on board 1, at fit zoom.
    window.files.new("strategi")
    settle(app)
    type_notes(window, app, 1, [LONG_120] + IDEAS, board_index=0)
    page = window.current_page()
    page.view.fit_board()
    settle(app)
    long_item = next(i for i in page.scene.items_by_id.values() if i.text == LONG_120)
    print(f"{size}: 120-char note at fit zoom: {text_px(long_item, page.view.zoom):.1f} px "
          f"(zoom {page.view.zoom:.3f}, font {long_item.text_layout()[0]:.1f} units, note {long_item._w:.0f}x{long_item._h:.0f})")
    window.grab().save(str(out / f"board-long-notes-{size}.png"))

    # 2. A zone with 30 notes (board 2, first zone).
    type_notes(window, app, 0, [IDEAS[i % len(IDEAS)] if i % 7 else LONG_120 for i in range(30)], board_index=1)
    page = window.current_page()
    page.view.fit_board()
    settle(app)
    print(f"{size}: status line: {window.statusBar().currentMessage()!r}")
    dense = [i for i in page.scene.items_by_id.values()]
    smallest = min(text_px(i, page.view.zoom) for i in dense)
    cut = sum(1 for i in dense if not i.text_layout()[1])
    print(f"{size}: 30-note zone: notes {dense[0]._w:.0f}x{dense[0]._h:.0f}, smallest text {smallest:.1f} px, "
          f"{cut} of 30 cut with '…'")
    window.grab().save(str(out / f"board-full-zone-{size}.png"))

    # 3. The projector at 1920x1080: few notes (board 1), then the full zone (board 2).
    window.show_board(0)
    window.toggle_projector()
    projector = window.projector
    projector.resize(1920, 1080)
    settle(app)
    projector.fit()
    settle(app)
    zoom = projector.view.transform().m11()
    items = {i.text: i for i in window.current_page().scene.items_by_id.values()}
    print(f"{size}: projector 1920x1080, board 1 (11 notes): zoom {zoom:.2f}, 'Nyt IT-system' "
          f"{text_px(items['Nyt IT-system'], zoom):.0f} px, "
          f"'Borgerne forventer svar samme dag' {text_px(items['Borgerne forventer svar samme dag'], zoom):.0f} px, "
          f"120 chars {text_px(items[LONG_120], zoom):.0f} px")
    projector.grab().save(str(out / f"projector-board1-{size}.png"))
    window.show_board(1)
    settle(app)
    projector.fit()
    settle(app)
    zoom = projector.view.transform().m11()
    dense = list(window.current_page().scene.items_by_id.values())
    normal = [text_px(i, zoom) for i in dense if i.text == "Borgerne forventer svar samme dag"]
    print(f"{size}: projector 1920x1080, 30-note zone: zoom {zoom:.2f}, smallest "
          f"{min(text_px(i, zoom) for i in dense):.0f} px, 'Borgerne forventer svar samme dag' {normal[0]:.0f} px")
    projector.grab().save(str(out / f"projector-full-zone-{size}.png"))
    projector.toggle_blank()
    settle(app)
    window.grab().save(str(out / f"projector-blanked-main-{size}.png"))
    projector.close()
    settle(app)

    # 4. 30 notes in every zone of every board of both workshops.
    for workshop in ("strategi", "grus"):
        window.files.document.forget_changes()
        window.files.new(workshop)
        settle(app)
        for b, page in enumerate(window.pages):
            for z in range(len(page.board.zones)):
                type_notes(window, app, z, [IDEAS[i % len(IDEAS)] for i in range(30)], board_index=b)
        notes = len(window.files.document.project.notes)
        print(f"{size}: {workshop}: {notes} notes (30 in every zone), overlapping pairs: {overlaps(window)}")
    window.files.document.forget_changes()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "1920x1080")
