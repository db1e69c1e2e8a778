"""The agenda in the saved workshop (step, planned minutes, time used) and how minutes are
written in Danish. Plain functions, no Qt."""

from __future__ import annotations

from .project import AgendaState, Project


def store_agenda(project: Project, variant: str, step: int, planned_seconds: list[float], elapsed: float) -> None:
    """Remember where the agenda stands (session state: saved, not an undo step)."""
    project.agenda = AgendaState(variant=variant, step=step, planned_minutes=[round(p / 60, 4) for p in planned_seconds],
                                 elapsed_seconds=round(max(0.0, elapsed), 1))


def saved_agenda(project: Project, variant: str, step_ids: list[str]) -> tuple[int, list[float] | None, float]:
    """(step index, planned seconds or None for the guide's, seconds into the step) for `variant`;
    a state saved for another variant or another length of agenda is not used."""
    state = project.agenda
    if state.variant != variant or not step_ids:
        return 0, None, 0.0
    planned = [m * 60 for m in state.planned_minutes] if len(state.planned_minutes) == len(step_ids) else None
    return min(state.step, len(step_ids) - 1), planned, state.elapsed_seconds


def used_seconds(project: Project, step_ids: list[str]) -> list[float]:
    """Seconds used per step, summed from the timer log (a step can be run more than once)."""
    used = dict.fromkeys(step_ids, 0.0)
    for entry in project.timer_log:
        if entry.step in used:
            used[entry.step] += entry.actual_seconds
    return [used[s] for s in step_ids]


def minutes_text(seconds: float, decimals: bool = True) -> str:
    """'0,2 min', '6 min', '1 t 15 min': Danish decimal comma and units, never a clock time."""
    minutes = abs(seconds) / 60
    if minutes >= 59.5:
        hours, rest = divmod(round(minutes), 60)
        return f"{hours} t {rest} min" if rest else f"{hours} t"
    if decimals and minutes < 10 and round(minutes, 1) != round(minutes):
        return f"{minutes:.1f}".replace(".", ",") + " min"
    return f"{round(minutes)} min"


def end_text(late_seconds: float, meeting: bool = False) -> str:
    """The status line under the timer: 'Workshoppen slutter 6 min for sent.' or, in a series of
    meetings, 'Mødet slutter til tiden.' (half a minute either way counts as on time)."""
    who = "Mødet" if meeting else "Workshoppen"
    if abs(late_seconds) < 30:
        return f"{who} slutter til tiden."
    if late_seconds > 0:
        return f"{who} slutter {minutes_text(late_seconds, decimals=False)} for sent."
    return f"{who} slutter {minutes_text(-late_seconds, decimals=False)} før tid."
