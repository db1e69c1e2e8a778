"""The method content as a facilitator needs it: complete, consistent, Danish."""

from __future__ import annotations

import json
import re

import pytest

from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.model.guide import overloaded_steps
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
    assert follow_up and "evaluer" in text and "grus" in text and "mus" in text
    groups = " ".join(q for c in strategy.cards for q in c.questions).lower()
    assert "udviklingsplan" in groups and "hvornår" in groups  # § 8's second half
    vote_zone_cards = [c for d in workshop_content("strategi").decks.values() for c in d.cards if c.step == "prioriter"]
    assert vote_zone_cards


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_four_to_five_core_cards_per_board_and_the_agenda_plans_exactly_them(workshop):
    content = workshop_content(workshop)
    guide = facilitator_guide(workshop)
    for board in content.boards:
        core = {c.id for c in content.decks[board.id].cards if c.core}
        assert 4 <= len(core) <= 5, board.id
        for variant in guide.variants:
            planned = {c for s in variant.steps if s.board == board.id for c in s.cards}
            assert planned == core, (variant.id, board.id)


def _overloaded_guide():
    from kompetencedialog_desktop.model.guide import FacilitatorGuide

    data = json.loads((resources_dir() / "guides" / "strategi.json").read_text(encoding="utf-8"))
    step = next(s for s in data["variants"][1]["steps"] if s["id"] == "plade-3")
    step["minutes"], data["variants"][1]["steps"][-1]["minutes"] = 30, 15  # the old 3 x 1 hour split
    return FacilitatorGuide.model_validate(data)


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_every_step_has_the_minutes_its_core_questions_need(workshop):
    """The rule (guide schema): minutes >= core questions x minutes_per_core_question (5)."""
    guide = facilitator_guide(workshop)
    assert guide.minutes_per_core_question >= 5
    assert overloaded_steps(guide, workshop_content(workshop)) == []
    for variant in guide.variants:
        board_3 = next(s for s in variant.steps if s.kind == "plade" and s.board.endswith("-3"))
        assert board_3.minutes >= 40, variant.id  # principles and roles, the heart of § 8


def test_an_overloaded_step_is_caught():
    problems = overloaded_steps(_overloaded_guide(), workshop_content("strategi"))
    assert problems == ["Tre møder à 1 time · Dialogplade 3: Principper og udmøntning: 8 kernespørgsmål på 30 minutter "
                        "(mindst 5 minutter pr. spørgsmål)"]


@pytest.mark.parametrize("workshop", WORKSHOPS)
def test_board_names_are_spelled_one_way(workshop):
    """Wherever a text names »Dialogplade N: …«, it is the board's own title, letter for letter."""
    titles = {b.number: b.title for b in workshop_content(workshop).boards}
    texts = [text for path in _all_content_files() if workshop in path.name for text in _strings(json.loads(path.read_text(encoding="utf-8")))]
    texts.append(content_markdown(workshop))
    named = [(int(m.group(1)), m.group(2)) for text in texts for m in re.finditer(r"[Dd]ialogplade (\d): ([^\n*(]+)", text)]
    assert named
    for number, name in named:
        assert name.strip().startswith(titles[number]), (number, name)
    for variant in facilitator_guide(workshop).variants:
        for step in variant.steps:
            if step.kind == "plade":
                board = workshop_content(workshop).board(step.board)
                assert step.title == f"Dialogplade {board.number}: {board.title}"


def test_one_rule_for_who_writes_the_post_its():
    """Participants formulate; the secretary types and reads back. No text says otherwise."""
    texts = [t for path in _all_content_files() for t in _strings(json.loads(path.read_text(encoding="utf-8")))]
    joined = "\n".join(texts).lower()
    for contradiction in ("sekretæren skriver jeres pointer", "skrive 2-3 post-its", "sekretæren skriver ikke med",
                          "skriv typen først på post-itten", "post-itten"):
        assert contradiction not in joined, contradiction
    for workshop in WORKSHOPS:
        guide = facilitator_guide(workshop)
        assert "formulerer" in guide.intro and "læser dem op" in guide.intro
        welcome = guide.variant("halv-dag").steps[0].do
        assert "formulerer" in welcome and "læser dem op" in welcome


def test_grus_stands_alone_and_dots_do_not_decide():
    grus = facilitator_guide("grus")
    assert "uden en kompetencestrategi" in grus.intro
    assert "Hvis vi har en kompetencestrategi" in grus.variant("halv-dag").steps[0].say
    template = document_template("grus")
    assert "Hvis arbejdspladsen har en kompetencestrategi" in " ".join(template.section("purpose").paragraphs)
    for workshop in WORKSHOPS:
        for board in workshop_content(workshop).boards:
            for zone in board.zones:
                if zone.voting:
                    assert "flest prikker bliver" not in zone.help and "Prikkerne viser" in zone.help


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


# What docs/content/stil.md rules out, as text that must not appear anywhere a user reads.
BANNED = {
    ",,": "dobbelt komma", "på på": "»på på«", "post-itten": "post-it'en", "prikbudget": "antal prikker pr. deltager",
    "kompetenceindsats": "kompetenceudviklingsindsats", "sådan ser succes ud": "anglicisme", "regne med os for": "regne med os til",
    "fra behov til indsatsområder": "pladens navn: Fra kompetencebehov til indsatsområder", "fremmer og hæmmer": "Det fremmer / det hæmmer",
}


def _program_strings():
    """The string literals in src/ (not docstrings), as the program shows them."""
    import ast

    root = resources_dir().parent / "src" / "kompetencedialog_desktop"
    if not root.exists():
        return []
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body and isinstance(n.body[0], ast.Expr)}
        found += [(path.name, n.value) for n in ast.walk(tree)
                  if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]
    return found


def test_style_sheet():
    texts = [(p.name, t) for p in _all_content_files() for t in _strings(json.loads(p.read_text(encoding="utf-8")))]
    texts += [(f"{w}.md", content_markdown(w)) for w in WORKSHOPS]
    for name, text in texts + _program_strings():
        lower = text.lower()
        for bad, why in BANNED.items():
            assert bad not in lower, f"{name}: »{bad}« ({why}) i »{text[:80]}«"
    for name, text in texts:  # our prose; program strings hold file filters and style sheets with ';'
        assert ";" not in text, f"{name}: semikolon i »{text[:80]}«"
        assert not re.search(r"\b(\d+) prikker\b", text) or "1 prikker" not in text, name
