"""The workshop as it is saved: notes on boards, clusters, card progress, timer log and plan."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .content import WorkshopKind

NoteColour = Literal["gul", "groen", "blaa", "lyseroed", "orange", "hvid"]
NOTE_COLOURS: tuple[NoteColour, ...] = ("gul", "groen", "blaa", "lyseroed", "orange", "hvid")
NOTE_COLOUR_NAMES: dict[str, str] = {
    "gul": "Gul", "groen": "Grøn", "blaa": "Blå", "lyseroed": "Lyserød", "orange": "Orange", "hvid": "Hvid",
}

NOTE_WIDTH = 210.0
NOTE_HEIGHT = 130.0
MAX_NOTE_TEXT = 100_000


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class Record(BaseModel):
    # A field we do not know is refused with its name, never silently dropped on the next save.
    model_config = ConfigDict(extra="forbid", validate_assignment=False, defer_build=True)  # built on first use


class NoteSource(Record):
    """Where an imported note came from (a focus area of the competence strategy)."""

    kind: Literal["kompetencestrategi"] = "kompetencestrategi"
    file: str = ""
    title: str = ""
    date: dt.date | None = None
    ref: str = Field(min_length=1)  # the focus area's stable id in the strategy file


class Note(Record):
    id: str = Field(min_length=1, max_length=64)
    board: str = Field(min_length=1)
    # None, or a zone the board does not have, means "unplaced": kept and shown, never dropped.
    zone: str | None = None
    text: str = Field(default="", max_length=MAX_NOTE_TEXT)
    x: float = Field(ge=-1e6, le=1e6)
    y: float = Field(ge=-1e6, le=1e6)
    w: float = Field(default=NOTE_WIDTH, gt=0, le=5000)
    h: float = Field(default=NOTE_HEIGHT, gt=0, le=5000)
    colour: NoteColour = "gul"
    votes: int = Field(default=0, ge=0, le=10_000)
    cluster: str | None = None
    chosen: bool = False
    source: NoteSource | None = None


class Cluster(Record):
    id: str = Field(min_length=1, max_length=64)
    board: str = Field(min_length=1)
    name: str = ""


class CardProgress(Record):
    current: int = Field(default=0, ge=0)
    discussed: list[str] = Field(default_factory=list)


class StepLog(Record):
    step: str
    planned_minutes: float = Field(ge=0)
    actual_seconds: float = Field(default=0, ge=0)
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None


class FocusAreaRow(Record):
    """A row of the strategy's table of indsatsområder."""

    id: str
    area: str = ""
    why: str = ""
    target_group: str = ""
    expected_effect: str = ""
    learning_forms: str = ""
    source_note: str | None = None


PlanStatus = Literal["ikke startet", "i gang", "gennemført", "opgivet"]
PLAN_STATUSES: tuple[str, ...] = ("ikke startet", "i gang", "gennemført", "opgivet")


class GrusPlanRow(Record):
    """A row of the group development plan."""

    id: str
    goal: str = ""
    need: str = ""
    activity: str = ""
    who: str = ""
    responsible: str = ""
    when: str = ""
    success: str = ""
    follow_up: str = ""
    source_note: str | None = None
    linked_focus_areas: list[str] = Field(default_factory=list)  # focus-area ids from the strategy
    status: PlanStatus = "ikke startet"


class YearWheelEntry(Record):
    month: int = Field(ge=1, le=12)
    activity: str = ""


class Plan(Record):
    # Strategy (workshop 1)
    focus_areas: list[FocusAreaRow] = Field(default_factory=list)
    principles: str = ""
    roles: str = ""
    year_wheel: list[YearWheelEntry] = Field(default_factory=list)
    follow_up: str = ""
    # GRUS (workshop 2)
    rows: list[GrusPlanRow] = Field(default_factory=list)
    mus_themes: str = ""
    su_feedback: str = ""
    next_follow_up: dt.date | None = None


class EvaluatedRow(Record):
    goal: str = ""
    activity: str = ""
    responsible: str = ""
    when: str = ""
    status: PlanStatus = "ikke startet"
    linked_focus_areas: list[str] = Field(default_factory=list)


class EvaluationGroup(Record):
    """One group's GRUS plan as SU imported it for the annual evaluation."""

    id: str
    source_file: str = ""
    title: str = ""
    group: str = ""
    leader: str = ""
    date: dt.date | None = None
    imported_at: dt.datetime | None = None
    rows: list[EvaluatedRow] = Field(default_factory=list)
    su_feedback: str = ""
    su_notes: list[str] = Field(default_factory=list)  # the group's post-its for SU
    mus_summary: str = ""  # typed in by SU: what MUS showed in this group


class Evaluation(Record):
    groups: list[EvaluationGroup] = Field(default_factory=list)
    conclusions: str = ""


class Project(Record):
    workshop: WorkshopKind
    title: str = Field(default="", max_length=500)
    workplace: str = Field(default="", max_length=500)
    group: str = Field(default="", max_length=500)
    leader: str = Field(default="", max_length=500)
    date: dt.date | None = None
    participants: list[str] = Field(default_factory=list)
    vote_budget: int = Field(default=3, ge=0, le=100)  # dots per participant in a voting zone
    voters: int = Field(default=0, ge=0, le=1000)  # 0: count the participants
    agenda_variant: str = Field(default="halv-dag", max_length=64)
    notes: list[Note] = Field(default_factory=list)
    clusters: list[Cluster] = Field(default_factory=list)
    card_progress: dict[str, CardProgress] = Field(default_factory=dict)
    timer_log: list[StepLog] = Field(default_factory=list)
    plan: Plan = Field(default_factory=Plan)
    evaluation: Evaluation = Field(default_factory=Evaluation)  # SU's annual evaluation (strategy)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> "Project":
        for label, items in (("post-it", self.notes), ("klynge", self.clusters)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    raise ValueError(f"{label}-id '{item.id}' findes flere gange")
                seen.add(item.id)
        return self

    # Lookups used everywhere; plain loops are fast enough for thousands of notes.
    def note(self, note_id: str) -> Note:
        # Newest first: the notes being typed and corrected sit at the end of the list.
        for note in reversed(self.notes):
            if note.id == note_id:
                return note
        raise KeyError(note_id)

    def notes_on(self, board_id: str) -> list[Note]:
        return [n for n in self.notes if n.board == board_id]

    def cluster(self, cluster_id: str) -> Cluster:
        for cluster in self.clusters:
            if cluster.id == cluster_id:
                return cluster
        raise KeyError(cluster_id)
