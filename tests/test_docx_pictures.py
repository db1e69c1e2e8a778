"""The Word appendix's pictures are readable on paper: one picture per zone with notes (a tall
zone in parts), on landscape pages, so even a long note's letters print at 8 pt or more (a whole
board in a 16 cm column printed them at 3.6-5 pt). No post-it is listed twice as text."""

from __future__ import annotations

import io
from collections import Counter

import docx
import pytest

from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.model.factory import example_project, new_project
from kompetencedialog_desktop.model.layout import add_placed
from kompetencedialog_desktop.model.project import Note, new_id
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content
from kompetencedialog_desktop.storage.project_file import save_project

LONG = ("Kompetencefonden bør bruges til at give sagsbehandlingssystemet et løft, så alle "
        "medarbejdere kan følge med i digitaliseringen")
SMALLEST_LETTER_UNITS = 16.0  # note_item.NOTE_FONT_READABLE (12) as a pixel size, in board units
PT_PER_MM = 72 / 25.4


def _appendix_pictures(document) -> list[tuple[float, int]]:
    """(printed width in mm, PNG width in px) of every picture."""
    result = []
    for shape in document.inline_shapes:
        blob = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        result.append((shape.width / 36000, int.from_bytes(blob[16:20], "big")))
    return result


def _smallest_letter_pt(document) -> float:
    from kompetencedialog_desktop.storage.docx_export import ZONE_PX_PER_UNIT

    return min(width_mm / (px / ZONE_PX_PER_UNIT) * SMALLEST_LETTER_UNITS * PT_PER_MM
               for width_mm, px in _appendix_pictures(document))


def _captions(document) -> str:
    return "\n".join(p.text for p in document.paragraphs if p.text.startswith("Dialogplade "))


def _no_note_listed_twice(document, project) -> None:
    bullets = Counter(p.text.split("  (")[0].strip() for p in document.paragraphs if p.style.name.startswith("List Bullet"))
    texts = {n.text for n in project.notes}
    assert all(count == 1 for text, count in bullets.items() if text in texts), bullets


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_the_exported_example_has_a_readable_picture_of_every_zone_in_use(tmp_path, workshop):
    path, out = tmp_path / "w.kdlg", tmp_path / "w.docx"
    assert main(["new", "--workshop", workshop, "--example", "-o", str(path)]) == 0
    assert main(["export", str(path), "--docx", str(out)]) == 0
    document = docx.Document(str(out))
    content = workshop_content(workshop)
    project = example_project(content, load_example(workshop))
    captions = _captions(document)
    used = [(board, zone) for board in content.boards for zone in board.zones if project.notes_in_zone(board.id, zone.id)]
    for _board, zone in used:
        assert f"»{zone.title}«" in captions, zone.title
    assert len(document.inline_shapes) == len(used)
    smallest = _smallest_letter_pt(document)
    print(f"{workshop}: smallest note letters in the Word pictures {smallest:.1f} pt")
    assert smallest >= 8.0
    assert document.sections[-1].page_width > document.sections[-1].page_height  # the appendix is landscape
    _no_note_listed_twice(document, project)


def test_a_full_tall_zone_comes_in_parts_and_a_long_note_stays_readable(qapp, tmp_path):
    from kompetencedialog_desktop.storage.docx_export import build_docx
    from kompetencedialog_desktop.ui.board_render import zone_pngs

    content = workshop_content("strategi")
    project = new_project(content, "Fuld zone")
    tall = content.board("strategi-1")
    add_placed(project, tall, "kerneopgave", [Note(id=new_id("n"), board=tall.id, zone="kerneopgave", x=0, y=0,
                                                   text=f"Pointe {i + 1} om opgaven") for i in range(14)])
    wide = content.board("strategi-2")
    add_placed(project, wide, "gabet", [Note(id=new_id("n"), board=wide.id, zone="gabet", x=0, y=0, text=LONG)])
    pictures = zone_pngs(project)
    assert [title for title, _ in pictures["strategi-1"]] == ["Kerneopgave og strategiske mål",
                                                             "Kerneopgave og strategiske mål (fortsat)"]
    document = docx.Document(io.BytesIO(build_docx(project, zone_pictures=pictures)))
    assert len(document.inline_shapes) == 3
    smallest = _smallest_letter_pt(document)
    print(f"full zone and a 120-character note: smallest letters {smallest:.1f} pt")
    assert smallest >= 8.0
    _no_note_listed_twice(document, project)


def test_the_window_exports_zone_pictures(qtbot, tmp_path, monkeypatch):
    from kompetencedialog_desktop.ui import dialogs

    from .conftest import close_window, open_window

    win = open_window(qtbot)
    try:
        win.files.new_example("grus")
        out = tmp_path / "grus.docx"
        monkeypatch.setattr(dialogs, "ask_export_path", lambda *a, **k: out)
        monkeypatch.setattr(win.exports, "_offer_to_open", lambda path: None)
        assert win.exports.export_word() == out
        document = docx.Document(str(out))
        assert _smallest_letter_pt(document) >= 8.0 and "»Styrker«" in _captions(document)
    finally:
        close_window(win)


def test_saved_file_round_trip_is_untouched_by_export(tmp_path):
    """Exporting never changes the workshop (the pictures are drawn from a copy of the scenes)."""
    content = workshop_content("grus")
    project = example_project(content, load_example("grus"))
    path = tmp_path / "g.kdlg"
    save_project(project, path)
    before = path.read_bytes()
    assert main(["export", str(path), "--docx", str(tmp_path / "g.docx")]) == 0
    assert path.read_bytes() == before
