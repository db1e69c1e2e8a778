"""The loop's two documents: a GRUS's one-page »Fælles opspil til MUS« and SU's evaluation
report across the groups. From the model alone, like the main export."""

from __future__ import annotations

from ..model.loop import aggregate
from ..model.project import Project
from .content_loader import loop_templates, workshop_content
from .docx_export import write_notes, zone_notes
from .docx_helpers import danish_date, set_core_properties
from .docx_writer import WordWriter


def build_mus_docx(grus: Project) -> bytes:
    if grus.workshop != "grus":
        raise ValueError("opspillet til MUS laves fra en gruppeudviklingssamtale (workshop 2)")
    t = loop_templates().mus
    content = workshop_content("grus")
    writer = WordWriter(content.boards[0].colour, f"{t.title} · {grus.group or grus.title}")
    writer.doc.add_paragraph(t.title, style="Title")
    writer.facts([("Gruppe", grus.group), ("Leder", grus.leader), ("Dato for GRUS", danish_date(grus.date))])
    writer.paragraph(t.intro)
    writer.heading(t.themes_heading)
    themes = zone_notes(grus, content.board("grus-3"), "mus-temaer")
    if grus.plan.mus_themes.strip():
        writer.text_block(grus.plan.mus_themes)
    if themes:
        write_notes(writer, grus, themes)
    if not themes and not grus.plan.mus_themes.strip():
        writer.polite_empty(t.empty)
    writer.heading(t.priorities_heading)
    goals = [r.goal for r in grus.plan.rows if r.goal.strip()]
    chosen = [n.text for n in grus.notes if n.board == "grus-2" and n.chosen]
    for text in goals or chosen:
        writer.bullet(text)
    if not goals and not chosen:
        writer.polite_empty("Gruppen har endnu ikke prioriteret.")
    writer.heading(t.guide_heading)
    writer.paragraph("Til lederen:", bold=True)
    for line in t.leader:
        writer.bullet(line)
    writer.paragraph("Til medarbejderen:", bold=True)
    for line in t.employee:
        writer.bullet(line)
    set_core_properties(writer.doc, title=t.title, author=grus.workplace or grus.group or "Kompetencedialogen")
    return writer.to_bytes()


def build_evaluation_docx(strategy: Project) -> bytes:
    t = loop_templates().evaluation
    content = workshop_content("strategi")
    writer = WordWriter(content.boards[0].colour, f"{t.title} · {strategy.workplace or strategy.title}")
    writer.doc.add_paragraph(t.title, style="Title")
    writer.paragraph(t.subtitle, italic=True, size=12)
    writer.facts([("Arbejdsplads", strategy.workplace), ("Strategi", strategy.title),
                  ("Grupper", ", ".join(g.group for g in strategy.evaluation.groups))])
    writer.paragraph(t.intro)
    writer.heading(t.table_heading)
    groups = strategy.evaluation.groups
    if not groups:
        writer.polite_empty(t.no_groups)
    rows = [[s.title, ", ".join(s.groups) or "–", str(s.total), *(str(s.counts[k]) for k in
             ("ikke startet", "i gang", "gennemført", "opgivet"))] for s in aggregate(strategy)]
    writer.table(t.columns, rows, [36, 34, 21, 17, 14, 22, 16], font_pt=9)
    writer.heading(t.groups_heading)
    for group in groups:
        writer.heading(group.group, 2)
        writer.facts([("Leder", group.leader), ("GRUS holdt", danish_date(group.date)), ("Fil", group.source_file)])
        writer.paragraph(t.activities_label + ":", bold=True)
        for row in group.rows:
            writer.bullet(row.activity or row.goal, suffix=f"({row.status})")
        if not group.rows:
            writer.polite_empty("Gruppen har ingen planlagte aktiviteter.")
        writer.paragraph(t.su_label + ":", bold=True)
        if group.su_feedback.strip():
            writer.text_block(group.su_feedback)
        for note in group.su_notes:
            writer.bullet(note)
        if not group.su_feedback.strip() and not group.su_notes:
            writer.polite_empty(t.no_feedback)
        writer.paragraph(t.mus_label + ":", bold=True)
        if group.mus_summary.strip():
            writer.text_block(group.mus_summary)
        else:
            writer.polite_empty(t.no_mus)
    writer.heading(t.conclusions_heading)
    if strategy.evaluation.conclusions.strip():
        writer.text_block(strategy.evaluation.conclusions)
    else:
        writer.polite_empty(t.no_conclusions)
    set_core_properties(writer.doc, title=t.title, author=strategy.workplace or "Kompetencedialogen")
    return writer.to_bytes()
