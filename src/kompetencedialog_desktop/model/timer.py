"""The facilitator's agenda timer. Qt-free, with an injectable clock.

Time is always measured as the difference of two clock readings, never by counting ticks, so a
late or skipped UI tick cannot make the timer drift."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

WARNING_SECONDS = 120.0

Clock = Callable[[], float]


@dataclass
class AgendaTimer:
    planned: list[float]  # seconds per step; +minutes and re-spreading change it
    clock: Clock = time.monotonic
    index: int = 0
    running: bool = False
    actual: list[float] = field(default_factory=list)  # seconds used per finished step
    # The meeting (1, 2, 3 …) of each step: a series of meetings keeps each meeting's own end time.
    meetings: list[int] | None = None
    _banked: float = 0.0  # elapsed in the current step before the last start
    _started_at: float | None = None

    def __post_init__(self) -> None:
        if not self.planned:
            raise ValueError("en dagsorden skal have mindst ét trin")
        self.original = list(self.planned)  # the guide's plan: what "on time" means
        self.original_total = sum(self.planned)
        self.actual = [0.0] * len(self.planned)
        if self.meetings is not None and len(self.meetings) != len(self.planned):
            raise ValueError("hvert trin skal høre til et møde")

    # --- reading ---------------------------------------------------------------------------
    def elapsed(self) -> float:
        running = self.clock() - self._started_at if self.running and self._started_at is not None else 0.0
        return self._banked + running

    def remaining(self) -> float:
        """Seconds left of the current step; negative when the step runs over."""
        return self.planned[self.index] - self.elapsed()

    def overtime(self) -> float:
        return max(0.0, -self.remaining())

    def level(self) -> str:
        """'normal', 'advarsel' (2 minutes or less left) or 'alarm' (time is up)."""
        left = self.remaining()
        if left <= 0:
            return "alarm"
        return "advarsel" if left <= WARNING_SECONDS else "normal"

    # --- controls --------------------------------------------------------------------------
    def start(self) -> None:
        if not self.running:
            self._started_at = self.clock()
            self.running = True

    def pause(self) -> None:
        if self.running:
            self._banked = self.elapsed()
            self.running = False
            self._started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        """Back to the start of the current step, paused."""
        self.running = False
        self._banked = 0.0
        self._started_at = None

    def resume(self, index: int, actual: list[float], elapsed: float) -> None:
        """Continue a saved agenda: at step `index`, paused, `elapsed` seconds into it."""
        if not 0 <= index < len(self.planned) or len(actual) != len(self.planned):
            raise ValueError("den gemte dagsorden passer ikke")
        self.index, self.actual = index, list(actual)
        self.running, self._started_at, self._banked = False, None, max(0.0, elapsed)

    def add_minutes(self, minutes: float) -> None:
        self.planned[self.index] = max(0.0, self.planned[self.index] + minutes * 60)

    def goto(self, index: int) -> float:
        """Finish the current step (its used time is logged) and move to `index`; keeps running
        if it was running. Returns the seconds the finished step used."""
        if not 0 <= index < len(self.planned):
            raise IndexError(index)
        used = self.elapsed()
        self.actual[self.index] += used
        was_running = self.running
        self.running = False
        self._banked = 0.0
        self._started_at = None
        self.index = index
        if was_running:
            self.start()
        return used

    def next_step(self) -> float | None:
        if self.index + 1 >= len(self.planned):
            self.pause()
            return None
        return self.goto(self.index + 1)

    # --- keeping the end time --------------------------------------------------------------
    def spent(self) -> float:
        return sum(self.actual[: self.index]) + self.elapsed()

    def projected_end(self) -> float:
        """Seconds from the start to the projected end, if the rest goes as planned."""
        return self.spent() + max(0.0, self.remaining()) + sum(self.planned[self.index + 1 :])

    def meeting_steps(self) -> range:
        """The steps of the current meeting (all steps when the agenda is one meeting)."""
        if not self.meetings:
            return range(len(self.planned))
        current = self.meetings[self.index]
        first = self.index
        while first > 0 and self.meetings[first - 1] == current:
            first -= 1
        last = self.index
        while last + 1 < len(self.meetings) and self.meetings[last + 1] == current:
            last += 1
        return range(first, last + 1)

    def meeting_late(self) -> float:
        """Seconds the current meeting will end late (negative: early), if the rest goes as planned."""
        steps = self.meeting_steps()
        used = sum(self.actual[steps.start:self.index]) + self.elapsed() + max(0.0, self.remaining())
        projected = used + sum(self.planned[self.index + 1:steps.stop])
        return projected - sum(self.original[steps.start:steps.stop])

    def respread(self) -> list[float]:
        """A new plan in which the later steps of the current meeting share what is left of the
        meeting's original time, in proportion to their planned length and in whole minutes, so
        the meeting ends on time (a one-meeting agenda: the workshop). Later meetings keep their
        own plan. Not applied: the facilitator confirms first (apply_plan)."""
        steps = self.meeting_steps()
        later = self.planned[self.index + 1:steps.stop]
        budget = sum(self.original[steps.start:steps.stop]) - sum(self.actual[steps.start:self.index])
        budget -= self.elapsed() + max(0.0, self.remaining())
        scaled = [m * 60 for m in whole_minutes(later, budget)]
        return self.planned[: self.index + 1] + scaled + self.planned[steps.stop:]

    def apply_plan(self, plan: list[float]) -> None:
        if len(plan) != len(self.planned) or any(p < 0 for p in plan):
            raise ValueError("planen passer ikke til dagsordenen")
        self.planned = list(plan)


def whole_minutes(weights: list[float], budget_seconds: float) -> list[int]:
    """`budget_seconds` (rounded down to whole minutes) shared in proportion to `weights`, in
    whole minutes that add up exactly (largest remainders get the spare minutes)."""
    total_weight = sum(weights)
    budget = int(budget_seconds // 60 + 1e-9) if budget_seconds > 0 else 0
    if total_weight <= 0 or budget <= 0:
        return [0] * len(weights)  # all time is used (or nothing is left to shorten)
    exact = [w * budget / total_weight for w in weights]
    shares = [int(x) for x in exact]
    spare = budget - sum(shares)
    for i in sorted(range(len(exact)), key=lambda i: shares[i] - exact[i])[:spare]:
        shares[i] += 1
    return shares


def format_clock(seconds: float) -> str:
    """'12:05', '1:02:00', or '+03:10' for overtime (pass a negative remaining)."""
    sign = "+" if seconds < 0 else ""
    seconds = int(round(abs(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes:02d}:{secs:02d}"
