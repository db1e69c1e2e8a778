"""Word, PDF and PNG export, checked by opening what was written."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.model.project import Note, Project
from kompetencedialog_desktop.storage import docx_export
from kompetencedialog_desktop.storage.docx_export import ExportError, build_docx, export_docx
from kompetencedialog_desktop.storage.project_file import save_project


@pytest.fixture
def pictures(qapp, example):
    from kompetencedialog_desktop.ui.board_render import board_pngs

    return board_pngs(example)


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def _appendix_zones(document) -> dict[tuple[str, str], list[str]]:
    """{(board heading, zone heading): [bullet texts]} from the appendix."""
    zones: dict[tuple[str, str], list[str]] = {}
    in_appendix, board, zone = False, None, None
    for p in document.paragraphs:
        name = p.style.name
        if name == "Heading 1":
            in_appendix = p.text.startswith("Bilag")
        elif in_appendix and name == "Heading 2":
            board, zone = p.text, None
        elif in_appendix and name == "Heading 3":
            zone = p.text
            zones[(board, zone)] = []
        elif in_appendix and zone and name.startswith("List Bullet"):
            zones[(board, zone)].append(p.text)
    return zones


def _table_rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_strategy_document_structure(example, pictures):
    document = _open(build_docx(example, pictures))
    assert _headings(document, 1)[:4] == ["Formål og grundlag", "Vores strategiske afsæt", "Vurdering af kompetencebehov",
                                          "Principper for kompetenceudvikling"]
    assert {"Indsatsområder", "Grupper, GRUS og udviklingsplaner", "Roller og ansvar", "Årshjul",
            "Opfølgning og evaluering", "Bilag: Dialogpladerne"} <= set(_headings(document, 1))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Indsatsområde")
    rows = _table_rows(table)
    assert rows[0] == ["Indsatsområde", "Hvorfor", "Målgruppe", "Forventet effekt", "Læringsformer"]
    assert rows[1:] == [[r.area, r.why, r.target_group, r.expected_effect, r.learning_forms] for r in example.plan.focus_areas]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on every page
    assert len(document.inline_shapes) == 3
    core = document.core_properties
    assert core.title == "Kompetencestrategi: Kompetencestrategi 2027-2029"
    assert core.author == "Styrelsen for Ydelser og Borgerservice" and core.language == "da-DK"


def test_strategy_front_page_names_chair_validity_and_evaluation_rhythm(example):
    document = _open(build_docx(example))
    facts = dict(_table_rows(document.tables[0]))
    assert facts["Formand"] == example.leader and facts["Næstformand"] == example.plan.vice_chair
    assert "Leder" not in facts
    assert facts["Vedtaget i SU"] == "15. december 2026" and facts["Næste serviceeftersyn"] == "november 2027"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "SU evaluerer den samlede kompetenceudviklingsindsats én gang om året, i november." in text
    example.plan.evaluation_rhythm = ""  # SU may leave the rhythm open: the sentence goes, not a hole in it
    assert "SU evaluerer den samlede" not in "\n".join(p.text for p in _open(build_docx(example)).paragraphs)


def _bullets(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("List Bullet")]


@pytest.mark.parametrize("fixture", ["example", "grus_example"])
def test_no_post_it_is_listed_twice(fixture, request):
    """Each post-it stands once: in its section, or in the appendix when no section shows it."""
    project = request.getfixturevalue(fixture)
    bullets = _bullets(_open(build_docx(project)))
    for note in project.notes:
        hits = [line for line in bullets if line == note.text or line.startswith(note.text + "  ")]
        assert len(hits) == 1, (note.text, hits)


def test_dots_choices_and_clusters_are_shown(example):
    bullets = _bullets(_open(build_docx(example)))
    voted = next(n for n in example.notes if n.votes == 9)
    assert any(voted.text in line and "(9 prikker)" in line and "valgt" in line for line in bullets)
    cluster_line = next(line for line in bullets if line.startswith("Vores fremtid"))
    assert "klynge med 2 post-its" in cluster_line


def test_appendix_lists_only_what_no_section_showed(example):
    zones = _appendix_zones(_open(build_docx(example)))
    learning = [n.text for n in example.notes if n.zone == "laeringsformer"]
    assert learning and zones[("Dialogplade 3: Principper og udmøntning", "Læringsformer")] == learning
    assert ("Dialogplade 1: Vores afsæt", "Kerneopgave og strategiske mål") not in zones


def test_running_header_does_not_repeat_the_document_kind(example):
    header = _open(build_docx(example)).sections[0].header.paragraphs[0].text
    assert header == "Kompetencestrategi 2027-2029"
    example.title = "SU i Odense"
    assert _open(build_docx(example)).sections[0].header.paragraphs[0].text == "Kompetencestrategi · SU i Odense"


def test_multi_line_post_it_keeps_its_lines_in_one_bullet(empty_project):
    """A post-it written on several lines ("Rekruttering:" and two dashes) keeps its lines as line
    breaks inside one bullet; blank lines and stray spaces go, so no empty line shows."""
    text = "Rekruttering:\n– svært at tiltrække  pædagoger\n\n  – færgen gør pendling dyr  "
    empty_project.notes.append(Note(id="m", board="strategi-1", zone="kerneopgave", x=40, y=250, text=text))
    document = _open(build_docx(empty_project))
    bullets = [p for p in document.paragraphs if p.style.name.startswith("List Bullet")]
    assert len(bullets) == 1
    assert bullets[0].text == "Rekruttering:\n– svært at tiltrække pædagoger\n– færgen gør pendling dyr"
    assert bullets[0]._p.xml.count("<w:br/>") == 2


def test_table_header_keeps_with_the_rows(example):
    document = _open(build_docx(example))
    wheel = next(t for t in document.tables if t.rows[0].cells[0].text == "Måned")
    assert all(p.paragraph_format.keep_with_next for row in wheel.rows[:-1] for c in row.cells for p in c.paragraphs)
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in wheel.rows)


def test_grus_needs_are_sorted_by_the_four_kinds(grus_example):
    for note in grus_example.notes:
        if note.zone == "behov":  # write them in the wrong order on the board
            note.y = {"F": 900, "O": 700, "A": 500, "R": 300}[note.text[0]]
    bullets = _bullets(_open(build_docx(grus_example)))
    kinds = [line.split(":")[0] for line in bullets if line.split(":")[0] in ("Fagligt", "Organisatorisk", "Alment", "Relationelt")]
    assert kinds == ["Fagligt", "Organisatorisk", "Alment", "Relationelt"]


def test_grus_plan_table_is_landscape_and_equals_plan_rows(grus_example):
    document = _open(build_docx(grus_example))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Udviklingsmål")
    assert _table_rows(table)[1:] == [
        [r.goal, r.need, r.activity, r.who, r.responsible, r.when, r.success, r.follow_up] for r in grus_example.plan.rows
    ]
    assert any(s.page_width > s.page_height for s in document.sections)
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=0.5)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Næste opfølgning: 15. juni 2027." in text
    assert "Fælles temaer til MUS" in _headings(document, 1)


def test_danish_language_and_a4(example):
    document = _open(build_docx(example))
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "da-DK"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    body = document.element.body.xml
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    for heading in headings:  # each main heading is bookmarked, and the contents point at it
        name = heading._p.find(qn("w:bookmarkStart")).get(qn("w:name"))
        assert f"PAGEREF {name} " in body, heading.text


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"), reason="LibreOffice/poppler mangler")
def test_contents_show_page_numbers_in_libreoffice(tmp_path, example):
    """Rendered by LibreOffice, the front page lists each main heading with the page it is on."""
    path = tmp_path / "strategi.docx"
    export_docx(example, path)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "strategi.pdf"), "-"], check=True,
                           capture_output=True, text=True).stdout.split("\f")
    contents = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(r"^(\S[^.\n]*?)\.{3,}\s*(\d+)\s*$", pages[0], re.M)}
    assert len(contents) >= 10, pages[0]
    for title, number in contents.items():
        assert number >= 2 and title in pages[number - 1], (title, number)


def test_empty_workshop_says_so_politely_and_has_no_bare_headings():
    for workshop in ("strategi", "grus"):
        document = _open(build_docx(Project(workshop=workshop)))
        paragraphs = [p for p in document.paragraphs if p.text.strip()]
        for this, following in zip(paragraphs, paragraphs[1:]):
            if this.style.name.startswith("Heading") and this.text != "Indhold":
                level = int(this.style.name[-1])
                assert not (following.style.name.startswith("Heading") and int(following.style.name[-1]) <= level), this.text
        text = "\n".join(p.text for p in paragraphs)
        assert "endnu ikke" in text and "Der blev ikke skrevet post-its i denne zone." in text


def test_hostile_text_gives_a_valid_document(tmp_path, empty_project):
    long_text = ("Langt indlæg " * 8000)[:100_000]  # 100 kB, the most a note may hold
    empty_project.notes.append(Note(id="a", board="strategi-1", zone="kerneopgave", x=40, y=250,
                                    text="Kontrol\x01\x02tegn 🙂 <b>&amp; \"citat\" 'enkelt' æøå ÆØÅ"))
    empty_project.notes.append(Note(id="b", board="strategi-1", zone="vilkaar", x=40, y=250, text=long_text))
    # A one-line field refuses control characters (model/text.py); Word cleans them regardless.
    object.__setattr__(empty_project, "title", "Titel med \x07klokke & <tags>")
    path = tmp_path / "ud.docx"
    export_docx(empty_project, path)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kontroltegn 🙂 <b>&amp; \"citat\" 'enkelt' æøå ÆØÅ" in text
    assert long_text.strip() in text
    assert document.core_properties.title.endswith("Titel med klokke & <tags>")


def test_export_into_unwritable_place_leaves_old_file_and_project(tmp_path, example, monkeypatch):
    path = tmp_path / "ud.docx"
    path.write_bytes(b"old")
    before = example.model_dump()

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(docx_export, "write_atomic", locked)
    with pytest.raises(ExportError, match="åben i et andet program.*Workshoppen er ikke ændret"):
        export_docx(example, path)
    assert path.read_bytes() == b"old" and example.model_dump() == before


def test_cli_export_docx_pdf_png(tmp_path, example, capsys):
    source = tmp_path / "ws.kdlg"
    save_project(example, source)
    before = source.read_bytes()
    out = tmp_path / "ud"
    assert main(["export", str(source), "--docx", str(out / "strategi.docx"), "--pdf", str(out / "plader.pdf"), "--png", str(out / "png")]) == 1
    assert "findes ikke" in capsys.readouterr().err  # the folder for the .docx does not exist yet
    out.mkdir()
    assert main(["export", str(source), "--docx", str(out / "strategi.docx"), "--pdf", str(out / "plader.pdf"), "--png", str(out / "png")]) == 0
    # One picture per zone with notes (tests/test_docx_pictures.py: readable on paper).
    assert len(docx.Document(str(out / "strategi.docx")).inline_shapes) == len({(n.board, n.zone) for n in example.notes})
    pdf = (out / "plader.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) == 3
    pngs = sorted((out / "png").iterdir())
    assert [p.name for p in pngs] == ["strategi-1.png", "strategi-2.png", "strategi-3.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
    assert source.read_bytes() == before


def test_cli_export_needs_a_target(tmp_path, example, capsys):
    source = tmp_path / "ws.kdlg"
    save_project(example, source)
    assert main(["export", str(source)]) == 1
    assert "mindst én" in capsys.readouterr().err
