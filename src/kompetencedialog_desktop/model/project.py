"""The workshop as it is saved: notes on boards, clusters, card progress, timer log and plan."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import limits as L
from .content import WorkshopKind
from .text import Cell, Line, Name, NoteText, PathText, PlanText, RecordId, Ref

NoteColour = Literal["gul", "groen", "blaa", "lyseroed", "orange", "hvid"]
NOTE_COLOURS: tuple[NoteColour, ...] = ("gul", "groen", "blaa", "lyseroed", "orange", "hvid")
NOTE_COLOUR_NAMES: dict[str, str] = {
    "gul": "Gul", "groen": "Grøn", "blaa": "Blå", "lyseroed": "Lyserød", "orange": "Orange", "hvid": "Hvid",
}

NOTE_WIDTH = 210.0
NOTE_HEIGHT = 130.0
MAX_NOTE_TEXT = L.MAX_NOTE_TEXT


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


class Record(BaseModel):
    """Every saved record guards itself: what it accepts it can save and load again.

    Unknown fields are refused by name (never silently dropped on the next save); every assignment
    is validated (a setter cannot store a 600-character title the loader would refuse); numbers
    must be finite (JSON has no infinity, so it would save as null); texts must be valid Unicode
    (a lone surrogate makes every later save fail)."""

    # Every text field is a constrained type from text.py (a test checks each has a maxLength);
    # pydantic-core refuses lone surrogates in constrained strings itself, and errors.py words it.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False,
                              defer_build=True)  # validators built on first use (start-up)


class NoteSource(Record):
    """Where an imported note came from (a focus area of the competence strategy)."""

    kind: Literal["kompetencestrategi"] = "kompetencestrategi"
    file: PathText = ""
    title: Line = ""
    date: dt.date | None = None
    ref: RecordId  # the focus area's stable id in the strategy file


class Note(Record):
    id: RecordId
    board: RecordId
    # None, or a zone the board does not have, means "unplaced": kept and shown, never dropped.
    zone: Ref | None = None
    text: NoteText = ""
    x: float = Field(ge=-L.MAX_COORDINATE, le=L.MAX_COORDINATE)
    y: float = Field(ge=-L.MAX_COORDINATE, le=L.MAX_COORDINATE)
    w: float = Field(default=NOTE_WIDTH, ge=L.MIN_NOTE_W, le=L.MAX_NOTE_SIZE)
    h: float = Field(default=NOTE_HEIGHT, ge=L.MIN_NOTE_H, le=L.MAX_NOTE_SIZE)
    colour: NoteColour = "gul"
    votes: int = Field(default=0, ge=0, le=10_000)
    cluster: Ref | None = None
    chosen: bool = False
    source: NoteSource | None = None


class Cluster(Record):
    id: RecordId
    board: RecordId
    name: Name = ""


class CardProgress(Record):
    current: int = Field(default=0, ge=0, le=10_000)
    discussed: list[Ref] = Field(default_factory=list, max_length=L.MAX_LINKS)


class StepLog(Record):
    step: Ref
    planned_minutes: float = Field(ge=0, le=1e6)
    actual_seconds: float = Field(default=0, ge=0, le=1e9)
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None


class AgendaState(Record):
    """Where the agenda stands when the workshop is saved, so the next meeting (3 x 1 hour) goes on
    from there. Used minutes of finished steps are in timer_log."""

    variant: Ref = ""  # empty: nothing saved yet
    step: int = Field(default=0, ge=0, le=1000)
    # per step, after +min and re-spreading
    planned_minutes: list[Annotated[float, Field(ge=0, le=1e6)]] = Field(default_factory=list, max_length=1000)
    elapsed_seconds: float = Field(default=0, ge=0, le=1e9)  # spent in the current step


class FocusAreaRow(Record):
    """A row of the strategy's table of indsatsområder."""

    id: RecordId
    area: Cell = ""
    why: Cell = ""
    target_group: Cell = ""
    expected_effect: Cell = ""
    learning_forms: Cell = ""
    source_note: Ref | None = None


PlanStatus = Literal["ikke startet", "i gang", "gennemført", "opgivet"]
PLAN_STATUSES: tuple[str, ...] = ("ikke startet", "i gang", "gennemført", "opgivet")


class GrusPlanRow(Record):
    """A row of the group development plan."""

    id: RecordId
    goal: Cell = ""
    need: Cell = ""
    activity: Cell = ""
    who: Cell = ""
    responsible: Cell = ""
    when: Cell = ""
    success: Cell = ""
    follow_up: Cell = ""
    source_note: Ref | None = None
    # focus-area ids from the strategy
    linked_focus_areas: list[Ref] = Field(default_factory=list, max_length=L.MAX_LINKS)
    status: PlanStatus = "ikke startet"


class YearWheelEntry(Record):
    month: int = Field(ge=1, le=12)
    activity: Cell = ""


class Plan(Record):
    # Strategy (workshop 1)
    focus_areas: list[FocusAreaRow] = Field(default_factory=list, max_length=L.MAX_PLAN_ROWS)
    principles: PlanText = ""
    roles: PlanText = ""
    year_wheel: list[YearWheelEntry] = Field(default_factory=list, max_length=12)
    follow_up: PlanText = ""
    # Choices SU makes for its strategy; a default is a suggestion SU can change (issue 16).
    vice_chair: Line = ""  # næstformand (the chair is Project.leader)
    adopted: Line = ""  # vedtaget i SU (as written, e.g. "15. december 2026")
    valid_until: Line = ""  # gælder til
    next_review: Line = ""  # næste serviceeftersyn
    evaluation_rhythm: Line = "én gang om året"
    group_plans: PlanText = ""  # § 8, second half: which groups hold GRUS and get a development plan, and when
    changes: PlanText = ""  # serviceeftersyn: what changed from the previous strategy
    # GRUS (workshop 2)
    rows: list[GrusPlanRow] = Field(default_factory=list, max_length=L.MAX_PLAN_ROWS)
    mus_themes: PlanText = ""
    su_feedback: PlanText = ""
    next_follow_up: dt.date | None = None


class EvaluatedRow(Record):
    goal: Cell = ""
    activity: Cell = ""
    responsible: Cell = ""
    when: Cell = ""
    status: PlanStatus = "ikke startet"
    linked_focus_areas: list[Ref] = Field(default_factory=list, max_length=L.MAX_LINKS)


class EvaluationGroup(Record):
    """One group's GRUS plan as SU imported it for the annual evaluation."""

    id: RecordId
    source_file: PathText = ""
    title: Line = ""
    group: Line = ""
    leader: Line = ""
    date: dt.date | None = None
    imported_at: dt.datetime | None = None
    rows: list[EvaluatedRow] = Field(default_factory=list, max_length=L.MAX_PLAN_ROWS)
    su_feedback: PlanText = ""
    # the group's post-its for SU
    su_notes: list[NoteText] = Field(default_factory=list, max_length=L.MAX_NOTES)
    mus_summary: PlanText = ""  # typed in by SU: what MUS showed in this group


class Evaluation(Record):
    groups: list[EvaluationGroup] = Field(default_factory=list, max_length=L.MAX_EVALUATION_GROUPS)
    conclusions: PlanText = ""


class Project(Record):
    workshop: WorkshopKind
    title: Line = ""
    workplace: Line = ""
    group: Line = ""
    leader: Line = ""
    date: dt.date | None = None
    participants: list[Name] = Field(default_factory=list, max_length=L.MAX_PARTICIPANTS)
    vote_budget: int = Field(default=3, ge=0, le=100)  # dots per participant in a voting zone
    voters: int = Field(default=0, ge=0, le=1000)  # 0: count the participants
    agenda_variant: RecordId = "halv-dag"
    notes: list[Note] = Field(default_factory=list, max_length=L.MAX_NOTES)
    clusters: list[Cluster] = Field(default_factory=list, max_length=L.MAX_CLUSTERS)
    card_progress: dict[RecordId, CardProgress] = Field(default_factory=dict, max_length=L.MAX_CARD_DECKS)
    timer_log: list[StepLog] = Field(default_factory=list, max_length=L.MAX_TIMER_LOG)
    agenda: AgendaState = Field(default_factory=AgendaState)
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

    def notes_in_zone(self, board_id: str, zone_id: str | None) -> list[Note]:
        """The notes in one zone of one board (the one filter for "notes in this zone")."""
        return [n for n in self.notes if n.board == board_id and n.zone == zone_id]

    def cluster(self, cluster_id: str) -> Cluster:
        for cluster in self.clusters:
            if cluster.id == cluster_id:
                return cluster
        raise KeyError(cluster_id)


def build_validators() -> None:
    """Build every record's validator now. defer_build leaves each to its first use (~60 ms in
    all), which at start-up would delay the first paint; the window calls this in its first idle
    moment instead, so opening a file or typing the first post-it does not pay for it either."""
    pending = [Record]
    while pending:
        record = pending.pop()
        pending.extend(record.__subclasses__())
        if record is not Record:
            record.model_rebuild()  # returns at once when already built
