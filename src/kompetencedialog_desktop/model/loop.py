"""The two-way loop: the strategy's focus areas into GRUS, and the groups' plans back to SU.
Links are by stable ids (a focus area's id in the strategy file), never by text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .content import BoardDefinition
from .layout import free_spot
from .project import PLAN_STATUSES, EvaluatedRow, EvaluationGroup, Note, NoteSource, Project, new_id
from .roles import GRUS_FEEDBACK_BOARD, GRUS_FEEDBACK_ZONE, GRUS_IMPORT_ZONE, STRATEGY_PRIORITY_BOARD

STRATEGY_ZONE = GRUS_IMPORT_ZONE
UNLINKED = "uden-kobling"


@dataclass(frozen=True)
class FocusArea:
    id: str
    title: str


def focus_areas(strategy: Project) -> list[FocusArea]:
    """The strategy's focus areas: the plan's rows, or (before the plan is written) the notes
    chosen by the dot vote."""
    if strategy.workshop != "strategi":
        raise ValueError("filen er ikke en kompetencestrategi (workshop 1)")
    rows = [FocusArea(r.id, r.area.strip()) for r in strategy.plan.focus_areas if r.area.strip()]
    if rows:
        return rows
    return [FocusArea(n.id, n.text) for n in strategy.notes if n.board == STRATEGY_PRIORITY_BOARD and n.chosen]


def import_focus_areas(grus: Project, board: BoardDefinition, strategy: Project, source_file: Path) -> list[Note]:
    """Notes for the strategy's focus areas that this GRUS does not have yet, each at a free spot
    of the zone »Kompetencestrategiens indsatsområder for os« and marked with its source."""
    if grus.workshop != "grus":
        raise ValueError("indsatsområder kan kun hentes ind i en gruppeudviklingssamtale")
    have = {n.source.ref for n in grus.notes if n.source}
    scratch = grus.model_copy(update={"notes": list(grus.notes)})
    notes = []
    for area in focus_areas(strategy):
        if area.id in have:
            continue
        x, y = free_spot(scratch, board, STRATEGY_ZONE)
        note = Note(id=new_id("n"), board=board.id, zone=STRATEGY_ZONE, x=x, y=y, text=area.title, colour="blaa",
                    source=NoteSource(file=str(source_file), title=strategy.title, date=strategy.date, ref=area.id))
        scratch.notes.append(note)
        notes.append(note)
    return notes


def linked_areas(grus: Project) -> dict[str, str]:
    """{focus area id: title} of the areas imported into this GRUS (what plan rows can link to)."""
    return {n.source.ref: n.text for n in grus.notes if n.source}


def evaluation_group(grus: Project, source_file: Path) -> EvaluationGroup:
    """What SU needs from one group's GRUS file: its plan rows with status and links, and its
    feedback to SU (the plan text and the post-its in »Tilbagemelding til SU«)."""
    if grus.workshop != "grus":
        raise ValueError("filen er ikke en gruppeudviklingssamtale (workshop 2)")
    return EvaluationGroup(
        id=new_id("g"), source_file=str(source_file), title=grus.title, group=grus.group or grus.title,
        leader=grus.leader, date=grus.date, imported_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0),
        rows=[EvaluatedRow(goal=r.goal, activity=r.activity, responsible=r.responsible, when=r.when,
                           status=r.status, linked_focus_areas=list(r.linked_focus_areas)) for r in grus.plan.rows],
        su_feedback=grus.plan.su_feedback,
        su_notes=[n.text for n in grus.notes if n.board == GRUS_FEEDBACK_BOARD and n.zone == GRUS_FEEDBACK_ZONE],
    )


@dataclass
class AreaSummary:
    area_id: str
    title: str
    groups: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {s: 0 for s in PLAN_STATUSES})
    activities: list[tuple[str, str, str]] = field(default_factory=list)  # group, activity, status

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def aggregate(strategy: Project) -> list[AreaSummary]:
    """Per focus area: which groups planned activities for it, and their status. Rows that link to
    no known area are gathered last, so nothing a group planned disappears from the table."""
    summaries = {a.id: AreaSummary(a.id, a.title) for a in focus_areas(strategy)}
    unlinked = AreaSummary(UNLINKED, "Uden kobling til et indsatsområde")
    for group in strategy.evaluation.groups:
        for row in group.rows:
            targets = [summaries[i] for i in row.linked_focus_areas if i in summaries] or [unlinked]
            for summary in targets:
                if group.group not in summary.groups:
                    summary.groups.append(group.group)
                summary.counts[row.status] += 1
                summary.activities.append((group.group, row.activity or row.goal, row.status))
    result = list(summaries.values())
    return result + [unlinked] if unlinked.total else result
