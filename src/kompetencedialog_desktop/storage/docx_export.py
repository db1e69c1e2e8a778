"""The workshop's result as a Word document: the strategy (workshop 1) or the group development
plan (workshop 2). Works from the model alone; board pictures come in as PNG bytes."""

from __future__ import annotations

from pathlib import Path
from string import Formatter
from typing import Mapping

from ..model.content import BoardDefinition, WorkshopContent
from ..model.glossary import DANISH_MONTH_NAMES
from ..model.loop import linked_areas
from ..model.project import Note, Project
from ..model.templates import DocumentTemplate
from .atomic import write_atomic
from .content_loader import document_template, workshop_content
from .docx_helpers import danish_date, set_core_properties
from .docx_writer import WordWriter
from .errors import os_error_reason, shown_name
from .outputs import OutputRefused, check_output

TEXT_WIDTH_MM = 160.0


class ExportError(Exception):
    """The document could not be written; str() is the Danish message. The project is untouched."""


def dots(votes: int) -> str:
    return "" if not votes else f"({votes} prik)" if votes == 1 else f"({votes} prikker)"


# The four kinds of competence, as a post-it names them first ("Fagligt: …"), in the template's order.
COMPETENCE_KINDS = (("faglig",), ("organisatorisk", "strategisk"), ("alment", "almen", "personlig"), ("relationel",))


def competence_kind(text: str) -> int:
    """0-3 for a post-it that starts with one of the four kinds, 4 for the rest."""
    first = text.strip().split(":", 1)[0].lower() if ":" in text[:40] else ""
    return next((i for i, stems in enumerate(COMPETENCE_KINDS) if any(first.startswith(s) for s in stems)), 4)


def zone_notes(project: Project, board: BoardDefinition, zone_id: str, by_kind: bool = False) -> list[Note]:
    """A zone's notes in reading order; in a voting zone, most dots first; by_kind: the four kinds first, in order."""
    zone = board.zone(zone_id)
    notes = [n for n in project.notes if n.board == board.id and n.zone == zone_id]
    if zone is not None and zone.voting:
        return sorted(notes, key=lambda n: (-n.votes, n.y, n.x))
    notes = sorted(notes, key=lambda n: (round(n.y / 40), n.x))
    return sorted(notes, key=lambda n: competence_kind(n.text)) if by_kind else notes


def write_notes(writer: WordWriter, project: Project, notes: list[Note]) -> None:
    """Notes as bullets; a cluster becomes a bold line with its notes under it."""
    names = {c.id: c.name for c in project.clusters}
    loose = [n for n in notes if not n.cluster or n.cluster not in names]
    grouped: dict[str, list[Note]] = {}
    for note in notes:
        if note.cluster in names:
            grouped.setdefault(note.cluster, []).append(note)
    paragraphs = []
    for cluster_id, members in grouped.items():
        paragraphs.append(writer.bullet(names[cluster_id] or "Klynge", suffix=f"klynge med {len(members)} post-its"))
        for note in members:
            paragraphs.append(writer.bullet(note.text, level=2, suffix=_suffix(note)))
    for note in loose:
        paragraphs.append(writer.bullet(note.text, suffix=_suffix(note)))
    writer.listed_notes.update(n.id for n in notes)
    # Never one bullet alone at the top or bottom of a page: the first two and the last two stay together.
    for paragraph in (paragraphs[:1] + paragraphs[-2:-1]):
        paragraph.paragraph_format.keep_with_next = True


def _suffix(note: Note) -> str:
    return " ".join(x for x in (dots(note.votes), "✔ valgt" if note.chosen else "") if x)


def write_zones(writer: WordWriter, project: Project, board: BoardDefinition, level: int = 3, skip_empty: bool = False,
                unlisted_only: bool = False, by_kind: bool = False) -> None:
    for zone in board.zones:
        notes = zone_notes(project, board, zone.id, by_kind=by_kind)
        if unlisted_only:
            notes = [n for n in notes if n.id not in writer.listed_notes]
        if skip_empty and not notes:
            continue
        writer.heading(zone.title, level)
        if notes:
            write_notes(writer, project, notes)
        else:
            writer.polite_empty("Der blev ikke skrevet post-its i denne zone.")


def front_page(writer: WordWriter, project: Project, template: DocumentTemplate, people: list[tuple[str, str]],
               extra: list[tuple[str, str]]) -> None:
    """Title, facts and a short table of contents on one page, so the contents do not take a page of their own."""
    for _ in range(2):
        writer.doc.add_paragraph()
    own_title = template.document_title.lower() in project.title.lower()  # "Kompetencestrategi 2027-2029"
    writer.doc.add_paragraph(project.title if own_title else template.document_title, style="Title")
    if not own_title:
        writer.paragraph(project.title or template.subtitle, size=16, bold=True)
    writer.paragraph(template.subtitle, italic=True, size=12)
    writer.doc.add_paragraph()
    writer.facts([
        ("Arbejdsplads", project.workplace),
        ("Gruppe" if project.workshop == "grus" else "Forum", project.group),
        *people,
        ("Dato", danish_date(project.date)),
        ("Deltagere", ", ".join(project.participants)),
        *extra,
    ])
    writer.doc.add_paragraph()
    writer.paragraph("Indhold", bold=True, size=13).paragraph_format.keep_with_next = True
    writer.table_of_contents()


def section_with_notes(writer: WordWriter, section, text: str, project: Project, board: BoardDefinition, zone_id: str,
                       values: Mapping[str, str] | None = None) -> None:
    """A plan text, followed by the zone's post-its; a polite line when both are empty."""
    fixed_section(writer, section, values)
    notes = zone_notes(project, board, zone_id)
    if text.strip():
        writer.text_block(text)
    elif not notes and not section.paragraphs:
        writer.polite_empty(section.empty)
    if notes:
        writer.paragraph("Fra workshoppen:", bold=True).paragraph_format.keep_with_next = True
        write_notes(writer, project, notes)


def fixed_section(writer: WordWriter, section, values: Mapping[str, str] | None = None) -> None:
    """A template section that is only our own text: heading and paragraphs. A paragraph with a
    {placeholder} is filled from values, and left out when that value is empty."""
    writer.heading(section.heading)
    for paragraph in section.paragraphs:
        if "{" in paragraph:
            filled = {k: v.strip() for k, v in (values or {}).items()}
            if not all(filled.get(k) for k in _placeholders(paragraph)):
                continue
            paragraph = paragraph.format(**filled)
        writer.paragraph(paragraph)


def _placeholders(text: str) -> list[str]:
    return [name for _, name, _, _ in Formatter().parse(text) if name]


def board_section(writer: WordWriter, section, project: Project, board: BoardDefinition, by_kind: bool = False) -> None:
    """A template section that shows one board's post-its, zone by zone."""
    writer.heading(section.heading)
    writer.paragraph(section.intro)
    write_zones(writer, project, board, level=2, by_kind=by_kind)


def text_section(writer: WordWriter, section, text: str, skip_empty: bool = False) -> None:
    """A template section filled by a plan text; a polite line (or nothing) when it is empty."""
    if skip_empty and not text.strip():
        return
    writer.heading(section.heading)
    if text.strip():
        if section.intro:
            writer.paragraph(section.intro)
        writer.text_block(text)
    else:
        writer.polite_empty(section.empty)


# The appendix's zone pictures go on landscape pages, all at one scale: 0.19 mm per board unit
# prints a long note's letters (16 units, the smallest a note uses) at 8.6 pt and a normal
# note's at 12-14 pt; two zones of boards 1 (632 units wide) share a line. A picture taller than
# the page allows comes in parts, cut between rows of notes (ui/board_render.zone_parts).
LANDSCAPE_WIDTH_MM, PICTURE_MAX_HEIGHT_MM = 261.0, 118.0
ROW_WIDTH_MM = 250.0  # pictures on one line, with the spaces between them and some slack
ZONE_MM_PER_UNIT = 0.19
ZONE_PX_PER_UNIT = 2.0  # how ui/board_render.zone_pngs draws them
ZONE_MAX_UNITS_HIGH = PICTURE_MAX_HEIGHT_MM / ZONE_MM_PER_UNIT  # taller zones come in parts


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        raise ValueError("ikke et PNG-billede")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def zone_picture_mm(png: bytes) -> float:
    """Printed width of a zone picture: ZONE_MM_PER_UNIT, within the page's width and height."""
    w, h = png_size(png)
    return min(LANDSCAPE_WIDTH_MM, w / ZONE_PX_PER_UNIT * ZONE_MM_PER_UNIT, PICTURE_MAX_HEIGHT_MM * w / max(1, h))


def _zone_rows(zones: list[tuple[str, bytes]]) -> list[list[tuple[str, bytes, float]]]:
    """Zone pictures in reading order, as many to a line as the page's width holds."""
    rows: list[list[tuple[str, bytes, float]]] = []
    for title, png in zones:
        width = zone_picture_mm(png)
        if rows and sum(w for _, _, w in rows[-1]) + width + 6 * len(rows[-1]) <= ROW_WIDTH_MM:
            rows[-1].append((title, png, width))
        else:
            rows.append([(title, png, width)])
    return rows


def appendix(writer: WordWriter, project: Project, content: WorkshopContent, template: DocumentTemplate,
             pictures: Mapping[str, bytes] | None, zone_pictures: Mapping[str, list[tuple[str, bytes]]] | None = None) -> None:
    """The boards' pictures and only the post-its no section above has listed: nothing is written
    twice. With zone pictures (one per zone with notes) the appendix is landscape, so the notes'
    text is readable on paper; a whole-board picture prints it at ~5 pt."""
    section = template.section("appendix")
    if zone_pictures:
        writer.new_section(landscape=True)
    else:
        writer.page_break()
    writer.heading(section.heading)
    writer.paragraph(section.intro)
    shown = False
    for board in content.boards:
        unlisted = [n for n in project.notes_on(board.id) if n.id not in writer.listed_notes]
        picture = pictures.get(board.id) if pictures else None
        zones = list(zone_pictures.get(board.id, [])) if zone_pictures else []
        if not unlisted and picture is None and not zones:
            continue
        shown = True
        writer.heading(f"Dialogplade {board.number}: {board.title}", 2)
        writer.paragraph(board.focus, italic=True).paragraph_format.keep_with_next = True  # never apart from its picture
        write_zones(writer, project, board, skip_empty=True, unlisted_only=True)
        if picture is not None:
            width = TEXT_WIDTH_MM if not zone_pictures else LANDSCAPE_WIDTH_MM * 0.75
            writer.picture(picture, width, f"Dialogplade {board.number}, som den så ud ved workshoppens afslutning.")
        for row in _zone_rows(zones):
            names = " og ".join(f"»{title}«" for title, _, _ in row)
            writer.pictures_row([(png, width) for _, png, width in row],
                                f"Dialogplade {board.number}: {names}, som ved workshoppens afslutning.")
    if not shown:
        writer.polite_empty(section.empty)


def _strategy(writer: WordWriter, project: Project, content: WorkshopContent, t: DocumentTemplate) -> None:
    b1, b2, b3 = content.boards
    plan = project.plan
    front_page(writer, project, t, [("Formand", project.leader), ("Næstformand", plan.vice_chair)], [
        ("Vedtaget i SU", plan.adopted),
        ("Gælder til", plan.valid_until),
        ("Næste serviceeftersyn", plan.next_review),
    ])
    fixed_section(writer, t.section("purpose"))
    text_section(writer, t.section("changes"), plan.changes, skip_empty=True)
    board_section(writer, t.section("starting_point"), project, b1)
    board_section(writer, t.section("needs"), project, b2)

    section_with_notes(writer, t.section("principles"), plan.principles, project, b3, "principper")

    focus = t.section("focus_areas")
    writer.heading(focus.heading)
    rows = [[r.area, r.why, r.target_group, r.expected_effect, r.learning_forms] for r in plan.focus_areas]
    if rows:
        writer.paragraph(focus.intro).paragraph_format.keep_with_next = True  # not apart from its table
        writer.table(t.columns["focus_areas"], rows, [34, 34, 28, 32, 32], font_pt=9.5)
    else:
        writer.polite_empty(focus.empty)  # the chosen post-its stand under the needs assessment above

    text_section(writer, t.section("group_plans"), plan.group_plans)
    section_with_notes(writer, t.section("roles"), plan.roles, project, b3, "roller")

    wheel = t.section("year_wheel")
    writer.heading(wheel.heading)
    entries = sorted(plan.year_wheel, key=lambda e: e.month)
    if entries:
        writer.paragraph(wheel.intro).paragraph_format.keep_with_next = True  # not apart from its table
        writer.table(t.columns["year_wheel"], [[DANISH_MONTH_NAMES[e.month - 1].capitalize(), e.activity] for e in entries], [35, 125])
    else:
        writer.polite_empty(wheel.empty)

    section_with_notes(writer, t.section("follow_up"), plan.follow_up, project, b3, "opfoelgning",
                       {"hyppighed": plan.evaluation_rhythm})


def _grus(writer: WordWriter, project: Project, content: WorkshopContent, t: DocumentTemplate) -> None:
    b1, b2, b3 = content.boards
    plan = project.plan
    linked = [n.text for n in zone_notes(project, b1, "strategiens-omraader")]
    front_page(writer, project, t, [("Leder", project.leader)], [
        ("Kobling til kompetencestrategien", "\n".join(linked)),
        ("Næste opfølgning", danish_date(plan.next_follow_up)),
    ])
    fixed_section(writer, t.section("purpose"))
    board_section(writer, t.section("tasks"), project, b1)
    board_section(writer, t.section("competences"), project, b2, by_kind=True)

    plan_text = t.section("plan")
    areas = linked_areas(project)

    def goal(row) -> str:
        linked = [areas[i] for i in row.linked_focus_areas if i in areas]
        return row.goal + "".join(f"\n(Indsatsområde: {a})" for a in linked)

    rows = [[goal(r), r.need, r.activity, r.who, r.responsible, r.when, r.success, r.follow_up] for r in plan.rows]
    if rows:
        writer.new_section(landscape=True)  # eight columns need the width of a landscape page
        writer.heading(plan_text.heading)
        writer.paragraph(plan_text.intro).paragraph_format.keep_with_next = True  # not apart from its table
        writer.table(t.columns["plan"], rows, [38, 34, 40, 26, 26, 26, 38, 30], font_pt=9)
        writer.new_section(landscape=False)
    else:
        writer.heading(plan_text.heading)
        writer.polite_empty(plan_text.empty)

    section_with_notes(writer, t.section("mus"), plan.mus_themes, project, b3, "mus-temaer")
    section_with_notes(writer, t.section("su"), plan.su_feedback, project, b3, "til-su")

    follow = t.section("follow_up")
    fixed_section(writer, follow)
    if plan.next_follow_up:
        writer.paragraph(f"{follow.next}: {danish_date(plan.next_follow_up)}.", bold=True)
    else:
        writer.polite_empty(follow.none)


def running_title(document_title: str, title: str) -> str:
    """The page header: the workshop's own title, with the document kind only when the title lacks it."""
    if not title.strip():
        return document_title
    return title if document_title.lower() in title.lower() else f"{document_title} · {title}"


def build_docx(project: Project, pictures: Mapping[str, bytes] | None = None,
               zone_pictures: Mapping[str, list[tuple[str, bytes]]] | None = None) -> bytes:
    """The .docx. `pictures`: one PNG per board; `zone_pictures`: one PNG per zone with notes
    (ui/board_render.zone_pngs), which the app uses: their notes are readable on paper."""
    content = workshop_content(project.workshop)
    template = document_template(project.workshop)
    accent = content.boards[0].colour
    writer = WordWriter(accent, running_title(template.document_title, project.title or project.workplace))
    (_strategy if project.workshop == "strategi" else _grus)(writer, project, content, template)
    appendix(writer, project, content, template, pictures, zone_pictures)
    set_core_properties(
        writer.doc,
        title=f"{template.document_title}: {project.title}" if project.title else template.document_title,
        author=project.workplace or project.group or "Kompetencedialogen",
        subject=template.subtitle,
        keywords="Kompetencedialogen; kompetenceudvikling; " + ("kompetencestrategi" if project.workshop == "strategi" else "GRUS"),
        comments="Lavet med Kompetencedialog Desktop",
    )
    return writer.to_bytes()


def write_export(path: str | Path, data: bytes) -> None:
    """Write an exported file atomically, with a Danish message when it cannot be written."""
    path = Path(path)
    try:
        check_output(path)  # never over a workshop file, also not through a link
    except OutputRefused as exc:
        raise ExportError(str(exc)) from None
    try:
        write_atomic(path, data)
    except PermissionError:
        raise ExportError(
            f"Kunne ikke skrive »{shown_name(path)}«: filen er åben i et andet program, eller du har ikke skriveadgang "
            "til mappen. Luk filen eller vælg en anden mappe. Workshoppen er ikke ændret."
        ) from None
    except OSError as exc:
        raise ExportError(f"Kunne ikke skrive »{shown_name(path)}«: {os_error_reason(exc)}. Workshoppen er ikke ændret.") from None


def export_docx(project: Project, path: str | Path, pictures: Mapping[str, bytes] | None = None,
                zone_pictures: Mapping[str, list[tuple[str, bytes]]] | None = None) -> None:
    write_export(path, build_docx(project, pictures, zone_pictures))
