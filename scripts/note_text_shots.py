"""Screenshots and figures of post-it text as a tester's workshop leaves it: whole words, one
size family per zone, the dot line, a cluster made of scattered notes.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/note_text_shots.py OUT 1366x768
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/note_text_shots.py OUT 1920x1080

(Give it private XDG_* folders and a window manager, as for the program itself.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF
from shot_window import maximised_window, settle, text_px, type_notes

from kompetencedialog_desktop.model.project import Cluster, new_id
from kompetencedialog_desktop.ui.commands import GroupNotes, UpdateNotes
from kompetencedialog_desktop.ui.main_window import MainWindow
from kompetencedialog_desktop.ui.note_item import vote_marks

BOARD1 = {
    0: ["Vi skal give borgerne den bedste skolegang på øen", "Trivsel før læring – børnene skal være glade for at gå i skole",
        "Strategisk mål: 95 % af eleverne får en ungdomsuddannelse inden 25 år", "Sammenhæng mellem dagtilbud, skole og fritid",
        "Inklusion af børn med særlige behov i almenmiljøet, så færre skal sendes til fastlandet"],
    1: ["Færre lærere med linjefag i naturfag", "Digitalisering og kunstig intelligens i undervisningen",
        "Rekruttering:\n– svært at tiltrække pædagoger\n– færgen gør pendling dyr",
        "Flere ældre borgere, færre børn – skolestrukturen skal måske ændres inden for strategiperioden, og det skaber "
        "usikkerhed blandt medarbejderne om fremtidige arbejdspladser på øen",
        "Ny folkeskolelov", "Sygefravær", "Grøn omstilling"],
    2: ["Stram økonomi – budget 2027 kræver besparelser på 2 %", "Kompetencefonden kan søges", "Overenskomst: OK24",
        "Nuværende strategi fra 2021 blev aldrig fulgt op", "Politikken for trivsel og arbejdsmiljø (skal revideres)",
        "Arbejdstidsaftalen for lærere (ny fra august)"],
}
PRIORITIES = [("Specialpædagogisk løft", 4), ("Digital dannelse", 3), ("Ledelse af faglige fællesskaber", 2),
              ("Rekruttering og fastholdelse", 2), ("Naturfag", 1), ("Trivsel og arbejdsmiljø", 0)]


def crop(window: MainWindow, page, rect: QRectF, path: Path) -> None:
    """The part of the window that shows `rect` of the board, unscaled (what the eye sees)."""
    view = page.view
    top_left = view.viewport().mapTo(window, view.mapFromScene(rect.topLeft()))
    bottom_right = view.viewport().mapTo(window, view.mapFromScene(rect.bottomRight()))
    window.grab().copy(top_left.x(), top_left.y(), bottom_right.x() - top_left.x(), bottom_right.y() - top_left.y()).save(str(path))


def main(out: Path, size: str) -> None:
    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    app, window = maximised_window((width, height))
    window.files.new("strategi")
    settle(app)
    window.show_board(0)
    for zone_index, texts in BOARD1.items():
        type_notes(window, app, zone_index, texts)
    page = window.current_page()
    page.view.fit_board()
    settle(app)
    zoom = page.view.zoom
    for item in page.scene.items_by_id.values():
        lines = " | ".join(item.shown_lines())
        print(f"{size} board 1 [{item.zone}] {text_px(item, zoom):5.1f} px  {lines}")
    window.grab().save(str(out / f"board1-{size}.png"))
    zone = page.scene.board.zone("forandringer").rect
    crop(window, page, QRectF(zone.x, zone.y, zone.w, zone.h), out / f"board1-forandringer-{size}.png")

    # A cluster of three scattered notes (Ctrl-click, Ctrl+G in the tester's run).
    doc = window.files.document
    notes = [n for n in doc.project.notes if n.zone == "forandringer"]
    chosen = [notes[0].id, notes[2].id, notes[5].id]
    doc.undo_stack.push(GroupNotes(doc, chosen, Cluster(id=new_id("k"), board="strategi-1", name="Mangel på fagfolk")))
    settle(app)
    window.grab().save(str(out / f"board1-cluster-{size}.png"))
    crop(window, page, QRectF(zone.x, zone.y, zone.w, zone.h), out / f"board1-cluster-zone-{size}.png")

    # Board 2: the prioritised zone with dots (the tester's screenshots 27 and 30).
    window.show_board(1)
    page = window.current_page()
    zone_ids = [z.id for z in page.scene.board.zones]
    type_notes(window, app, zone_ids.index("indsatsomraader"), [t for t, _ in PRIORITIES])
    type_notes(window, app, 0, ["Stærke faglige fællesskaber på skolerne", "Erfarne pædagoger i dagtilbud"])
    votes = {n.id: {"votes": v} for n in doc.project.notes for t, v in PRIORITIES if n.text == t and v}
    doc.undo_stack.push(UpdateNotes(doc, votes, "Prikker"))
    page.view.fit_board()
    settle(app)
    zoom = page.view.zoom
    for item in page.scene.items_by_id.values():
        dots, number, dot_size = vote_marks(item._w, item._h, item._votes) if item._votes else ([], QRectF(), 0)
        extra = f"  dots {dots[0].height() * zoom:.1f} px, number {round(dot_size * 4 / 3) * zoom:.1f} px" if dots else ""
        print(f"{size} board 2 [{item.zone}] {text_px(item, zoom):5.1f} px{extra}  {' | '.join(item.shown_lines())}")
    window.grab().save(str(out / f"board2-{size}.png"))
    zone = page.scene.board.zone("indsatsomraader").rect
    crop(window, page, QRectF(zone.x, zone.y, zone.w, zone.h * 0.6), out / f"board2-priorities-{size}.png")
    doc.forget_changes()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "1920x1080")
