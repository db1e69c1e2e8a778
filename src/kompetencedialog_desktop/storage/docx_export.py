"""The workshop's result as a Word document: the strategy (workshop 1) or the group development
plan (workshop 2). Works from the model alone; board pictures come in as PNG bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..model.content import BoardDefinition, WorkshopContent
from ..model.loop import linked_areas
from ..model.project import Note, Project
from ..model.templates import DocumentTemplate
from .atomic import write_atomic
from .content_loader import document_template, workshop_content
from .docx_helpers import DANISH_MONTHS, danish_date, set_core_properties
from .docx_writer import WordWriter
from .errors import os_error_reason, shown_name
from .outputs import OutputRefused, check_output

TEXT_WIDTH_MM = 160.0
LANDSCAPE_WIDTH_MM = 261.0


class ExportError(Exception):
    """The document could not be written; str() is the Danish message. The project is untouched."""


def dots(votes: int) -> str:
    return "" if not votes else f"({votes} prik)" if votes == 1 else f"({votes} prikker)"


def zone_notes(project: Project, board: BoardDefinition, zone_id: str) -> list[Note]:
    """A zone's notes in reading order; in a voting zone, most dots first."""
    zone = board.zone(zone_id)
    notes = [n for n in project.notes if n.board == board.id and n.zone == zone_id]
    if zone is not None and zone.voting:
        return sorted(notes, key=lambda n: (-n.votes, n.y, n.x))
    return sorted(notes, key=lambda n: (round(n.y / 40), n.x))


def write_notes(writer: WordWriter, project: Project, notes: list[Note]) -> None:
    """Notes as bullets; a cluster becomes a bold line with its notes under it."""
    names = {c.id: c.name for c in project.clusters}
    loose = [n for n in notes if not n.cluster or n.cluster not in names]
    grouped: dict[str, list[Note]] = {}
    for note in notes:
        if note.cluster in names:
            grouped.setdefault(note.cluster, []).append(note)
    for cluster_id, members in grouped.items():
        writer.bullet(names[cluster_id] or "Klynge", suffix=f"klynge med {len(members)} post-its")
        for note in members:
            writer.bullet(note.text, level=2, suffix=_suffix(note))
    for note in loose:
        writer.bullet(note.text, suffix=_suffix(note))


def _suffix(note: Note) -> str:
    return " ".join(x for x in (dots(note.votes), "✔ valgt" if note.chosen else "") if x)


def write_zones(writer: WordWriter, project: Project, board: BoardDefinition, zone_ids: list[str] | None = None,
                level: int = 3, skip_empty: bool = False) -> None:
    for zone in board.zones:
        if zone_ids is not None and zone.id not in zone_ids:
            continue
        notes = zone_notes(project, board, zone.id)
        if skip_empty and not notes:
            continue
        writer.heading(zone.title, level)
        if notes:
            write_notes(writer, project, notes)
        else:
            writer.polite_empty("Der blev ikke skrevet post-its i denne zone.")


def front_page(writer: WordWriter, project: Project, template: DocumentTemplate, extra: list[tuple[str, str]]) -> None:
    for _ in range(4):
        writer.doc.add_paragraph()
    writer.doc.add_paragraph(template.document_title, style="Title")
    writer.paragraph(project.title or template.subtitle, size=16, bold=True)
    writer.paragraph(template.subtitle, italic=True, size=12)
    writer.doc.add_paragraph()
    writer.facts([
        ("Arbejdsplads", project.workplace),
        ("Gruppe" if project.workshop == "grus" else "Forum", project.group),
        ("Leder", project.leader),
        ("Dato", danish_date(project.date)),
        ("Deltagere", ", ".join(project.participants)),
        *extra,
    ])
    writer.page_break()
    writer.doc.add_paragraph("Indhold", style="Heading 1")
    writer.table_of_contents()


def section_with_notes(writer: WordWriter, section, text: str, project: Project, board: BoardDefinition, zone_id: str) -> None:
    """A plan text, followed by the zone's post-its; a polite line when both are empty."""
    fixed_section(writer, section)
    notes = zone_notes(project, board, zone_id)
    if text.strip():
        writer.text_block(text)
    elif not notes and not section.paragraphs:
        writer.polite_empty(section.empty)
    if notes:
        writer.paragraph("Fra workshoppen:", bold=True)
        write_notes(writer, project, notes)


def fixed_section(writer: WordWriter, section) -> None:
    """A template section that is only our own text: heading and paragraphs."""
    writer.heading(section.heading)
    for paragraph in section.paragraphs:
        writer.paragraph(paragraph)


def board_section(writer: WordWriter, section, project: Project, board: BoardDefinition) -> None:
    """A template section that shows one board's post-its, zone by zone."""
    writer.heading(section.heading)
    writer.paragraph(section.intro)
    write_zones(writer, project, board, level=2)


def appendix(writer: WordWriter, project: Project, content: WorkshopContent, template: DocumentTemplate,
             pictures: Mapping[str, bytes] | None) -> None:
    section = template.section("appendix")
    writer.page_break()
    writer.heading(section.heading)
    writer.paragraph(section.intro)
    for board in content.boards:
        writer.heading(f"Dialogplade {board.number}: {board.title}", 2)
        writer.paragraph(board.focus, italic=True)
        write_zones(writer, project, board)
        if pictures and board.id in pictures:
            writer.picture(pictures[board.id], TEXT_WIDTH_MM, f"Dialogplade {board.number} som den så ud ved workshoppens afslutning.")


def _strategy(writer: WordWriter, project: Project, content: WorkshopContent, t: DocumentTemplate) -> None:
    b1, b2, b3 = content.boards
    plan = project.plan
    front_page(writer, project, t, [])
    fixed_section(writer, t.section("purpose"))
    board_section(writer, t.section("starting_point"), project, b1)

    section_with_notes(writer, t.section("principles"), plan.principles, project, b3, "principper")

    focus = t.section("focus_areas")
    writer.heading(focus.heading)
    rows = [[r.area, r.why, r.target_group, r.expected_effect, r.learning_forms] for r in plan.focus_areas]
    if rows:
        writer.paragraph(focus.intro)
        writer.table(t.columns["focus_areas"], rows, [34, 34, 28, 32, 32], font_pt=9.5)
    else:
        writer.polite_empty(focus.empty)
        chosen = [n for n in project.notes_on(b2.id) if n.chosen]
        if chosen:
            writer.paragraph("Valgt ved prioriteringen på workshoppen:", bold=True)
            write_notes(writer, project, chosen)

    section_with_notes(writer, t.section("roles"), plan.roles, project, b3, "roller")

    wheel = t.section("year_wheel")
    writer.heading(wheel.heading)
    entries = sorted(plan.year_wheel, key=lambda e: e.month)
    if entries:
        writer.paragraph(wheel.intro)
        writer.table(t.columns["year_wheel"], [[DANISH_MONTHS[e.month - 1].capitalize(), e.activity] for e in entries], [35, 125])
    else:
        writer.polite_empty(wheel.empty)

    section_with_notes(writer, t.section("follow_up"), plan.follow_up, project, b3, "opfoelgning")


def _grus(writer: WordWriter, project: Project, content: WorkshopContent, t: DocumentTemplate) -> None:
    b1, b2, b3 = content.boards
    plan = project.plan
    linked = [n.text for n in zone_notes(project, b1, "strategiens-omraader")]
    front_page(writer, project, t, [
        ("Kobling til kompetencestrategien", "\n".join(linked)),
        ("Næste opfølgning", danish_date(plan.next_follow_up)),
    ])
    fixed_section(writer, t.section("purpose"))
    board_section(writer, t.section("tasks"), project, b1)
    board_section(writer, t.section("competences"), project, b2)

    plan_text = t.section("plan")
    areas = linked_areas(project)

    def goal(row) -> str:
        linked = [areas[i] for i in row.linked_focus_areas if i in areas]
        return row.goal + "".join(f"\n(Indsatsområde: {a})" for a in linked)

    rows = [[goal(r), r.need, r.activity, r.who, r.responsible, r.when, r.success, r.follow_up] for r in plan.rows]
    if rows:
        writer.new_section(landscape=True)  # eight columns need the width of a landscape page
        writer.heading(plan_text.heading)
        writer.paragraph(plan_text.intro)
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


def build_docx(project: Project, pictures: Mapping[str, bytes] | None = None) -> bytes:
    content = workshop_content(project.workshop)
    template = document_template(project.workshop)
    accent = content.boards[0].colour
    writer = WordWriter(accent, f"{template.document_title} · {project.title or project.workplace}")
    (_strategy if project.workshop == "strategi" else _grus)(writer, project, content, template)
    appendix(writer, project, content, template, pictures)
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


def export_docx(project: Project, path: str | Path, pictures: Mapping[str, bytes] | None = None) -> None:
    write_export(path, build_docx(project, pictures))
