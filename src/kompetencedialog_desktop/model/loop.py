"""The two-way loop: the strategy's focus areas into GRUS, and the groups' plans back to SU.
Links are by stable ids (a focus area's id in the strategy file), never by text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from .content import BoardDefinition
from .layout import place_notes
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
    """Notes for the strategy's focus areas that this GRUS does not have yet, for the zone
    »Kompetencestrategiens indsatsområder for os«, marked with their source, at free spots when
    the zone has room. Add them by the placement rule (layout.add_placed, or in the window
    ui/zone_placement.add_to_zone): it moves the zone's notes aside when the zone is full."""
    if grus.workshop != "grus":
        raise ValueError("indsatsområder kan kun hentes ind i en gruppeudviklingssamtale")
    have = {n.source.ref for n in grus.notes if n.source}
    notes = [Note(id=new_id("n"), board=board.id, zone=STRATEGY_ZONE, x=0, y=0, text=area.title, colour="blaa",
                  source=NoteSource(file=path_text(source_file), title=strategy.title, date=strategy.date, ref=area.id))
             for area in focus_areas(strategy) if area.id not in have]
    # Free full-size spots when the zone has room; the wished size stays for the caller's placement.
    for note, (x, y, _, _) in zip(notes, place_notes(grus, board, STRATEGY_ZONE, len(notes)).new):
        note.x, note.y = x, y
    return notes


def linked_areas(grus: Project) -> dict[str, str]:
    """{focus area id: title} of the areas imported into this GRUS (what plan rows can link to)."""
    return {n.source.ref: n.text for n in grus.notes if n.source}


# A stored path written on Windows: a drive letter (C:\ or C:/) or any backslash (which also covers
# UNC shares, \\server\share). Strategy and GRUS files travel between laptops (mail, OneDrive), so a file saved on
# Windows is read on macOS and the other way round, and Path() on the reader's system would take
# "C:\Users\anna\GRUS.kdlg" for one long file name.
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]|\\")


def stored_path(stored: str) -> PurePath:
    """A stored GRUS path as the system that wrote it spells it (Windows or POSIX)."""
    return PureWindowsPath(stored) if _WINDOWS_PATH.search(stored) else PurePosixPath(stored)


def source_key(stored: str) -> str:
    """What two spellings of one stored file share, for telling whether a GRUS is already in the
    evaluation: Windows paths ignore case and separator style, as Windows does; POSIX paths are
    compared as written (normalised for doubled slashes and "./")."""
    path = stored_path(stored)
    if isinstance(path, PureWindowsPath):
        return path.as_posix().casefold()
    return str(path)


def source_name(stored: str) -> str:
    """The file's name alone, whichever system wrote the path ("GRUS-Nord.kdlg")."""
    return stored_path(stored).name


def source_candidates(stored: str, beside: Path | None) -> list[Path]:
    """Where to look for a group's GRUS file when reading it again, best first: the stored path
    itself, then a file of the same name in the folder of the strategy file (`beside`): the usual
    case when the whole folder was copied to another laptop or synced to another system."""
    candidates = [Path(stored)] if stored else []
    name = source_name(stored)
    if beside is not None and name:
        other = beside / name
        if all(other != c for c in candidates):
            candidates.append(other)
    return candidates


def group_name(grus: Project, source_file: Path) -> str:
    """The group as SU sees it: the front page's group, else its title, else (a front page left
    empty says »Ny gruppeudviklingssamtale« for every group) the file's name."""
    from .factory import DEFAULT_TITLES

    if grus.group.strip():
        return grus.group.strip()
    if grus.title.strip() and grus.title.strip() not in DEFAULT_TITLES.values():
        return grus.title.strip()
    return Path(source_file).stem


def path_text(path: Path) -> str:
    """A path as the model stores it: bytes of a name that are not UTF-8 (an old USB stick's
    Latin-1 name, kept by Python as surrogates) become U+FFFD; the model accepts only real text."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def evaluation_group(grus: Project, source_file: Path) -> EvaluationGroup:
    """What SU needs from one group's GRUS file: its plan rows with status and links, and its
    feedback to SU (the plan text and the post-its in »Tilbagemelding til SU«)."""
    if grus.workshop != "grus":
        raise ValueError("filen er ikke en gruppeudviklingssamtale (workshop 2)")
    return EvaluationGroup(
        id=new_id("g"), source_file=path_text(source_file), title=grus.title, group=group_name(grus, source_file),
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
