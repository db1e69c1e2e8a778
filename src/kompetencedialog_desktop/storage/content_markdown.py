"""All content of a workshop as one readable Markdown file, for review by a facilitator."""

from __future__ import annotations

from ..model.content import WORKSHOP_NAMES
from ..model.glossary import CARD_STEP_METHODS
from ..model.guide import planned_core_questions
from .content_loader import document_template, facilitator_guide, workshop_content


def _method(step: str) -> str:
    """' *(metode: saml i klynger)*' for a method card, '' for a conversation card."""
    method = CARD_STEP_METHODS.get(step, "")
    return f" *(metode: {method})*" if method else ""


def content_markdown(workshop: str) -> str:
    content = workshop_content(workshop)
    guide = facilitator_guide(workshop)
    template = document_template(workshop)
    lines = [f"# {WORKSHOP_NAMES[workshop]}", "", "## Sådan bruger I Kompetencedialogen", "", guide.intro, ""]
    if guide.preparation:
        lines += ["### Forberedelse", "", *[f"- {item}" for item in guide.preparation], ""]
    for board in content.boards:
        lines += [f"## Dialogplade {board.number}: {board.title}", "", f"*{board.focus}*", "", "### Zoner", ""]
        for zone in board.zones:
            vote = " (der stemmes med prikker her)" if zone.voting else ""
            lines.append(f"- **{zone.title}**{vote}: {zone.help}")
        deck = content.decks.get(board.id)
        lines += ["", "### Dialogkort", ""]
        for i, card in enumerate(deck.cards if deck else [], start=1):
            zones = ", ".join(board.zone(z).title for z in card.zones)
            kind = "kernekort" if card.core else "valgfrit"
            lines += [f"**{i}. {card.title}** ({kind}){_method(card.step)}", ""]
            lines += [f"- {q}" for q in card.questions]
            lines += ["", f"> Til facilitatoren: {card.hint}", ">", f"> Svarene hører til i: {zones}", ""]
    lines += ["## Facilitatorguide", "",
              f"Tidsreglen: Dagsordenen planlægger kun tid til kernekortene og giver mindst {guide.minutes_per_core_question:g} "
              "minutter pr. spørgsmål på dem. De valgfrie kort bruger I, hvis der er tid.", ""]
    for variant in guide.variants:
        lines += [f"### {variant.title} – {variant.total_minutes:g} minutter", ""]
        for i, step in enumerate(variant.steps, start=1):
            board = content.board(step.board) if step.board else None
            where = f" · dialogplade {board.number}" if board else ""
            meeting = f"Møde {step.session} · " if len({s.session for s in variant.steps}) > 1 else ""
            questions = planned_core_questions(step, content)
            pace = f", {questions} kernespørgsmål" if questions else ""
            lines += [f"**{meeting}{i}. {step.title}** ({step.minutes:g} min{where}{pace})", "",
                      f"- Formål: {step.purpose}", f"- Sig: *{step.say}*", f"- Gør: {step.do}"]
            if step.question:
                lines.append(f"- På projektoren: {step.question}")
            if step.materials:
                lines.append(f"- Materialer: {step.materials}")
            lines.append("")
    lines += [f"## Skabelon: {template.document_title}", "", f"*{template.subtitle}*", ""]
    for section in template.sections.values():
        lines += [f"### {section.heading}", ""]
        for text in (section.intro, *section.paragraphs, section.empty, section.none):
            if text:
                lines += [text.replace("{hyppighed}", "[hyppighed, fx »én gang om året«]"), ""]
    for key, columns in template.columns.items():
        lines += [f"Kolonner ({key}): " + " · ".join(columns), ""]
    return "\n".join(lines).rstrip() + "\n"
