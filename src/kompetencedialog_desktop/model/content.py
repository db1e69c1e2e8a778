"""What resources/ holds: board definitions and card decks (the printed material, as data)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

WorkshopKind = Literal["strategi", "grus"]
WORKSHOP_KINDS: tuple[WorkshopKind, ...] = ("strategi", "grus")
WORKSHOP_NAMES: dict[str, str] = {
    "strategi": "Workshop 1: Kompetencestrategi",
    "grus": "Workshop 2: Gruppeudviklingssamtale (GRUS)",
}

Colour = str  # "#rrggbb"
_HEX = r"^#[0-9a-fA-F]{6}$"


class Strict(BaseModel):
    """Content files are written by us: unknown or missing fields are mistakes worth naming."""

    # defer_build: a validator is built on first use, not at import (start-up pays only for
    # the models it validates; see benchmarks/bench_startup.py).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Rect(Strict):
    x: float
    y: float
    w: float = Field(gt=0)
    h: float = Field(gt=0)

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px < self.x + self.w and self.y <= py < self.y + self.h


class Zone(Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    help: str = Field(min_length=1)
    rect: Rect
    colour: Colour = Field(pattern=_HEX)
    # Zones where the room prioritises with dots (e.g. "Prioriterede indsatsområder").
    voting: bool = False
    role: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")  # what code relies on it for (model/roles.py)


class BoardDefinition(Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    role: str | None = Field(default=None, pattern=r"^[a-z0-9-]+$")  # what code relies on it for (model/roles.py)
    workshop: WorkshopKind
    number: int = Field(ge=1, le=3)
    title: str = Field(min_length=1)
    focus: str = Field(min_length=1)
    colour: Colour = Field(pattern=_HEX)
    width: float = Field(gt=0)
    height: float = Field(gt=0)
    zones: list[Zone] = Field(min_length=1)

    @model_validator(mode="after")
    def _zones_fit_and_are_unique(self) -> "BoardDefinition":
        seen: set[str] = set()
        for zone in self.zones:
            if zone.id in seen:
                raise ValueError(f"zonen '{zone.id}' findes to gange")
            seen.add(zone.id)
            r = zone.rect
            if r.x < 0 or r.y < 0 or r.x + r.w > self.width or r.y + r.h > self.height:
                raise ValueError(f"zonen '{zone.id}' ligger uden for pladen")
        return self

    def zone(self, zone_id: str | None) -> Zone | None:
        return next((z for z in self.zones if z.id == zone_id), None)

    def zone_at(self, x: float, y: float) -> Zone | None:
        """The zone a point lies in; None on the board's margins."""
        return next((z for z in self.zones if z.rect.contains(x, y)), None)


CardStep = Literal["samtale", "klynge", "prioriter", "vaelg", "opsummer"]


class Card(Strict):
    id: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    questions: list[str] = Field(min_length=1, max_length=3)
    hint: str = Field(min_length=1)
    zones: list[str] = Field(min_length=1)
    # A card that is a method step (cluster, vote, choose, summarise) says so here.
    step: CardStep = "samtale"
    # A core card is one the agenda plans time for; the others are optional (shown as "valgfri").
    core: bool = False

    @field_validator("questions")
    @classmethod
    def _no_empty_questions(cls, value: list[str]) -> list[str]:
        if any(not q.strip() for q in value):
            raise ValueError("et spørgsmål er tomt")
        return value


class CardDeck(Strict):
    board: str = Field(min_length=1)
    cards: list[Card] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> "CardDeck":
        ids = [c.id for c in self.cards]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"kort-id findes flere gange: {', '.join(sorted(dupes))}")
        return self


class WorkshopContent(BaseModel):
    """All content of one workshop kind, as the app uses it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    workshop: WorkshopKind
    boards: tuple[BoardDefinition, ...]
    decks: dict[str, CardDeck]

    def board(self, board_id: str) -> BoardDefinition | None:
        return next((b for b in self.boards if b.id == board_id), None)
