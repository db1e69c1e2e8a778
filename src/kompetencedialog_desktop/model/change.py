"""What an operation returns: its inverse and a small record of what it changed.

An operation is a plain function `op(project, ...) -> Outcome`. Calling `outcome.inverse(project)`
undoes it and returns the outcome of the undo, whose inverse redoes it again, so undo and redo are
the same call in both directions (see ui/commands.py `Edit`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .project import Project

# What changed; panels listen for the parts they show.
NOTES = "notes"  # post-its added, removed or changed (ids: the note ids)
CLUSTERS = "clusters"  # clusters made, renamed or dissolved (ids: the notes whose cluster changed)
FRONT = "front"  # front-page fields, participants, dot budget (field: the first field)
PLAN = "plan"  # the plan tab (field: the plan field; ids: the row ids)
EVALUATION = "evaluation"  # SU's evaluation (field: the field; ids: the group ids)


@dataclass(frozen=True)
class Change:
    what: str
    ids: frozenset[str] = frozenset()
    field: str | None = None


@dataclass(frozen=True)
class Outcome:
    inverse: Callable[["Project"], "Outcome"] = field(repr=False)
    change: Change
