"""What the room is asked in each agenda step (model/guide.py, Qt-free)."""

from kompetencedialog_desktop.model.guide import shown_question
from kompetencedialog_desktop.storage.content_loader import facilitator_guide, workshop_content


def test_a_step_with_its_own_question_shows_it_instead_of_the_card():
    guide, content = facilitator_guide("grus"), workshop_content("grus")
    card = content.decks["grus-1"].cards[0]
    steps = {s.id: s for s in guide.variant("halv-dag").steps}
    assert shown_question(steps["opvarmning"], card) == steps["opvarmning"].question != card.questions[0]
    assert shown_question(steps["plade-1"], card) == card.questions[0]
    assert shown_question(steps["velkomst"], None) == ""


def test_board_less_question_steps_have_their_question_in_the_data():
    for kind in ("strategi", "grus"):
        for variant in facilitator_guide(kind).variants:
            for step in variant.steps:
                if step.kind in ("opvarmning", "afrunding"):
                    assert step.question.endswith("?"), (kind, variant.id, step.id)
                if step.question:  # the question is one the facilitator also says
                    assert step.question in step.say, (kind, variant.id, step.id)
