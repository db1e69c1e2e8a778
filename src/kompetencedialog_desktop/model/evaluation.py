"""How SU's evaluation takes in re-fetched GRUS files: the one rule the evaluation tab and the
command line (`evaluate`) share."""

from __future__ import annotations

from .loop import source_key
from .project import EvaluationGroup


def merge_evaluation_groups(existing: list[EvaluationGroup], fresh: list[EvaluationGroup],
                            mus: dict[str, str] | None = None) -> list[EvaluationGroup]:
    """The evaluation's groups after fetching `fresh` (read from GRUS files).

    Files are the same when their paths are (Windows paths compare without regard to case or
    slash direction: `loop.source_key`). A file fetched before replaces its group in the same place, keeping the group's id and SU's
    MUS summary; new files come last in the order given. `mus` ({group name: text}) sets MUS
    summaries from the command line; a group not named there keeps the one it had."""
    fresh_by_file: dict[str, EvaluationGroup] = {}
    for group in fresh:
        fresh_by_file[source_key(group.source_file)] = group  # the same file twice: the last reading wins
    merged: list[EvaluationGroup] = []
    for old in existing:
        new = fresh_by_file.pop(source_key(old.source_file), None)
        if new is None:
            merged.append(old.model_copy(deep=True))
        else:
            merged.append(new.model_copy(update={"id": old.id, "mus_summary": old.mus_summary}, deep=True))
    merged += [g.model_copy(deep=True) for g in fresh_by_file.values()]
    for group in merged:
        if mus and group.group in mus:
            group.mus_summary = mus[group.group]
    return merged
