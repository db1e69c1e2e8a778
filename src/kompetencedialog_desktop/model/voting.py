"""Dot voting: a budget of dots per participant, and a ranking with visible ties."""

from __future__ import annotations

from dataclasses import dataclass

from .project import Note, Project


@dataclass(frozen=True)
class RankedNote:
    rank: int  # competition ranking: 1, 2, 2, 4
    note: Note
    tied: bool


def zone_budget(project: Project) -> int | None:
    """Dots the room may spend in one voting zone; None when the number of voters is unknown."""
    voters = project.voters or len(project.participants)
    return project.vote_budget * voters if voters else None


def dots_used(project: Project, board_id: str, zone_id: str | None) -> int:
    return sum(n.votes for n in project.notes_in_zone(board_id, zone_id))


def check_votes(project: Project, note: Note, new_votes: int) -> str | None:
    """None when the change is allowed, else a Danish reason."""
    if new_votes < 0:
        return "En post-it kan ikke have færre end 0 prikker."
    budget = zone_budget(project)
    if budget is None:
        return None
    used = dots_used(project, note.board, note.zone) - note.votes + new_votes
    if used > budget:
        return f"Der er ikke flere prikker: {used - (new_votes - note.votes)} af {budget} er brugt i zonen."
    return None


def ranking(notes: list[Note]) -> list[RankedNote]:
    ordered = sorted(notes, key=lambda n: (-n.votes, n.y, n.x))
    counts: dict[int, int] = {}
    for note in ordered:
        counts[note.votes] = counts.get(note.votes, 0) + 1
    result, rank = [], 0
    for position, note in enumerate(ordered, start=1):
        if position == 1 or note.votes != ordered[position - 2].votes:
            rank = position
        result.append(RankedNote(rank, note, counts[note.votes] > 1))
    return result


def top_n(notes: list[Note], n: int) -> tuple[list[str], bool]:
    """Ids of the notes ranked n or better (a tie on the cut-off includes all tied notes, and
    says so), never notes with no dots."""
    ranked = [r for r in ranking(notes) if r.note.votes > 0]
    chosen = [r.note.id for r in ranked if r.rank <= n]
    tie_at_cut = len(chosen) > n
    return chosen, tie_at_cut
