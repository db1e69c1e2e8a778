"""The method content as a facilitator needs it: complete, consistent, Danish."""

from __future__ import annotations

import json
import re

import pytest

from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.paths import resources_dir
from kompetencedialog_desktop.storage.content_loader import document_template, facilitator_guide, workshop_content
from kompetencedialog_desktop.storage.content_markdown import content_markdown

WORKSHOPS = ("strategi", "grus")
# Words that are English and never Danish; a hit means untranslated text slipped in.
ENGLISH = {"the", "and", "with", "your", "you", "this", "that", "are", "click", "please", "step", "steps",
           "board", "boards", "card", "cards", "note", "notes", "save", "open", "close", "file", "zone's",
           "should", "will", "what", "when", "how", "who", "why", "which", "about", "team's", "vote", "votes"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _all_content_files():
    root = resources_dir()
    return sorted(p for folder in ("boards", "cards", "guides", "templates", "examples") for p in (root / folder).glob("*.json"))


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_six_to_ten_cards_per_board_pointing_to_real_zones(workshop):
    content = workshop_content(workshop)
    for board in content.boards:
        deck = content.decks[board.id]
        assert 6 <= len(deck.cards) <= 10, board.id
        zones = {z.id for z in board.zones}
        for card in deck.cards:
            assert set(card.zones) <= zones and 1 <= len(card.questions) <= 3
        steps = {c.step for c in deck.cards}
        assert steps - {"samtale"}, f"{board.id} has no method card"
    card_ids = [c.id for d in content.decks.values() for c in d.cards]
    assert len(card_ids) == len(set(card_ids))


def test_required_cards_exist():
    grus = workshop_content("grus").decks["grus-1"]
    assert any("strategiens-omraader" in c.zones for c in grus.cards)
    strategy = workshop_content("strategi").decks["strategi-3"]
    follow_up = [c for c in strategy.cards if "opfoelgning" in c.zones]
    text = " ".join(q for c in follow_up for q in c.questions).lower()
    assert len(follow_up) >= 3 and "evaluer" in text and "grus" in text and "mus" in text
    vote_zone_cards = [c for d in workshop_content("strategi").decks.values() for c in d.cards if c.step == "prioriter"]
    assert vote_zone_cards


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_guides_use_every_board_and_add_up(workshop):
    guide = facilitator_guide(workshop)
    boards = {b.id for b in workshop_content(workshop).boards}
    for variant in guide.variants:
        assert {s.board for s in variant.steps if s.board} == boards
        assert sum(s.minutes for s in variant.steps) == variant.total_minutes
        kinds = [s.kind for s in variant.steps]
        assert kinds[0] == "velkomst" and "opvarmning" in kinds and "skabelon" in kinds and kinds[-1] == "afrunding"
    half = guide.variant("halv-dag")
    assert half.total_minutes == 210 and "pause" in [s.kind for s in half.steps]
    assert "§ 8" in half.steps[0].say
    assert any("opfølgning" in s.do.lower() for s in half.steps if s.kind == "afrunding")


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_every_zone_has_help_and_templates_have_every_section(workshop):
    for board in workshop_content(workshop).boards:
        assert all(len(z.help) > 20 for z in board.zones)
    template = document_template(workshop)
    assert "§ 8" in " ".join(template.section("purpose").paragraphs)


@pytest.mark.parametrize("path", _all_content_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_empty_strings_and_no_english(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for text in _strings(data):
        if re.fullmatch(r"[a-z0-9-]+", text) or re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
            continue  # ids, colours
        assert text.strip(), f"{path.name}: tom tekst"
        words = set(re.findall(r"[A-Za-z']+", text.lower()))
        assert not words & ENGLISH, f"{path.name}: engelske ord {words & ENGLISH} i »{text[:60]}«"


def test_markdown_printout_matches_the_committed_review_copy(tmp_path):
    for workshop in WORKSHOPS:
        out = tmp_path / f"{workshop}.md"
        assert main(["content", "--markdown", "--workshop", workshop, "-o", str(out)]) == 0
        text = out.read_text(encoding="utf-8")
        assert text == content_markdown(workshop)
        assert text.count("**") > 60 and "## Facilitatorguide" in text
        committed = resources_dir().parent / "docs" / "content" / f"{workshop}.md"
        if committed.exists():  # a source checkout: the review copy must not go stale
            assert committed.read_text(encoding="utf-8") == text, "kør: kompetencedialog content --markdown"
