"""The facilitator guide as data: agenda variants made of steps (resources/guides/)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .content import Card, Strict, WorkshopContent, WorkshopKind

StepKind = Literal["velkomst", "opvarmning", "plade", "pause", "skabelon", "afrunding", "opsamling"]


class GuideStep(Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    minutes: float = Field(ge=0, le=600)
    purpose: str = Field(min_length=1)
    say: str = Field(min_length=1)
    do: str = Field(min_length=1)
    kind: StepKind
    board: str | None = None
    cards: list[str] = Field(default_factory=list)
    materials: str = ""
    session: int = Field(default=1, ge=1, le=10)
    # A step that asks the room something of its own (a warm-up round, a round-off) shows this on
    # the projector instead of a card's question.
    question: str = ""


class AgendaVariant(Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    total_minutes: float = Field(gt=0)
    steps: list[GuideStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _adds_up(self) -> "AgendaVariant":
        total = sum(s.minutes for s in self.steps)
        if abs(total - self.total_minutes) > 0.01:
            raise ValueError(f"trinnene giver {total:g} minutter, men varianten siger {self.total_minutes:g}")
        ids = [s.id for s in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("et trin-id findes flere gange")
        return self


# The clock rule: a step plans only core cards, and each question on them gets at least this many
# minutes. A speaking round with 6-12 people takes 5-10 minutes; below 5 the agenda cannot hold.
MINUTES_PER_CORE_QUESTION = 5.0


class FacilitatorGuide(Strict):
    workshop: WorkshopKind
    intro: str = Field(min_length=1)
    # What the facilitator does before the day (printed in the review copy and the guide).
    preparation: list[str] = Field(default_factory=list)
    minutes_per_core_question: float = Field(default=MINUTES_PER_CORE_QUESTION, ge=1)
    variants: list[AgendaVariant] = Field(min_length=1)

    def variant(self, variant_id: str) -> AgendaVariant:
        return next((v for v in self.variants if v.id == variant_id), self.variants[0])


def board_in_use(variant: AgendaVariant, index: int) -> str | None:
    """The board the agenda is at in step `index`: the step's own, else the last one before it
    (a pause or round-off stays with the board just worked on)."""
    for step in reversed(variant.steps[: index + 1]):
        if step.board:
            return step.board
    return None


def shown_question(step: GuideStep, card: Card | None) -> str:
    """What the room is asked now (projector and panel alike): the step's own question, else the
    current card's first question."""
    if step.question:
        return step.question
    return card.questions[0] if card is not None and card.questions else ""


def planned_core_questions(step: GuideStep, content: WorkshopContent) -> int:
    """How many questions on core cards a step plans for."""
    cards = {card.id: card for deck in content.decks.values() for card in deck.cards}
    return sum(len(cards[c].questions) for c in step.cards if c in cards and cards[c].core)


def overloaded_steps(guide: FacilitatorGuide, content: WorkshopContent) -> list[str]:
    """Steps whose minutes cannot hold their core questions, as readable Danish lines."""
    problems = []
    for variant in guide.variants:
        for step in variant.steps:
            questions = planned_core_questions(step, content)
            if questions and step.minutes < questions * guide.minutes_per_core_question:
                problems.append(f"{variant.title} · {step.title}: {questions} kernespørgsmål på {step.minutes:g} minutter "
                                f"(mindst {guide.minutes_per_core_question:g} minutter pr. spørgsmål)")
    return problems
