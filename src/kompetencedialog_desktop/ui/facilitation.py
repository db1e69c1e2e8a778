"""The running workshop: agenda variant, current step and the timer. Panels and the projector
render it; the timer itself is the Qt-free AgendaTimer, read on every tick (never counted).
Where the agenda stands is saved with the workshop and picked up (paused) when it is opened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from ..model.agenda import saved_agenda, store_agenda, used_seconds
from ..model.guide import AgendaVariant, FacilitatorGuide, GuideStep
from ..model.operations import log_step, set_project_fields
from ..model.timer import AgendaTimer
from ..storage.content_loader import facilitator_guide
from .document import WorkshopDocument

TICK_MS = 250


class FacilitationSession(QObject):
    tick = Signal()
    step_changed = Signal(object)  # GuideStep
    agenda_changed = Signal()

    def __init__(self, document: WorkshopDocument, parent=None, clock=None):
        super().__init__(parent)
        self.document = document
        self.guide: FacilitatorGuide = facilitator_guide(document.project.workshop)
        self._clock = clock
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_tick)
        self._load_variant(document.project.agenda_variant)

    def _load_variant(self, variant_id: str) -> None:
        self.variant: AgendaVariant = self.guide.variant(variant_id)
        planned = [s.minutes * 60 for s in self.variant.steps]
        meetings = [s.session for s in self.variant.steps]
        self.timer = AgendaTimer(planned, self._clock, meetings=meetings) if self._clock else AgendaTimer(planned, meetings=meetings)
        self._step_started: dt.datetime | None = None
        step_ids = [s.id for s in self.variant.steps]
        index, saved_plan, elapsed = saved_agenda(self.document.project, self.variant.id, step_ids)
        if saved_plan is not None:
            self.timer.apply_plan(saved_plan)  # keeps the guide's total, so "late" still means late
        self.timer.resume(index, used_seconds(self.document.project, step_ids), elapsed)

    def _store(self, touch: bool = True) -> None:
        store_agenda(self.document.project, self.variant.id, self.timer.index, self.timer.planned, self.timer.elapsed())
        if touch:
            self.document.touch()

    def _on_tick(self) -> None:
        # While the clock runs, the saved state follows it (saving mid-step keeps the minutes), but
        # time passing alone is not an unsaved change.
        self._store(touch=False)
        self.tick.emit()

    @property
    def several_meetings(self) -> bool:
        """A series of meetings ("Tre møder à 1 time"): each meeting keeps its own end time."""
        return len({s.session for s in self.variant.steps}) > 1

    @property
    def step(self) -> GuideStep:
        return self.variant.steps[self.timer.index]

    def choose_variant(self, variant_id: str) -> None:
        if variant_id == self.variant.id:
            return
        set_project_fields(self.document.project, {"agenda_variant": variant_id})
        self._load_variant(variant_id)
        self._store()
        self.agenda_changed.emit()
        self.step_changed.emit(self.step)

    # --- controls --------------------------------------------------------------------------
    def toggle(self) -> None:
        if not self.timer.running and self._step_started is None:
            self._step_started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        self.timer.toggle()
        self._ticker.start() if self.timer.running else self._ticker.stop()
        self._store()
        self.tick.emit()

    def add_minutes(self, minutes: float) -> None:
        self.timer.add_minutes(minutes)
        self._store()
        self.agenda_changed.emit()
        self.tick.emit()

    def reset(self) -> None:
        self.timer.reset()
        self._ticker.stop()
        self._store()
        self.tick.emit()

    def goto(self, index: int) -> None:
        if index == self.timer.index:
            self.step_changed.emit(self.step)
            return
        finished = self.step
        planned = self.timer.planned[self.timer.index]
        used = self.timer.goto(index)
        if used > 0:  # a step that never ran is not worth a log line
            log_step(self.document.project, finished.id, planned, used, self._step_started,
                     dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        self._store()
        self._step_started = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) if self.timer.running else None
        self.agenda_changed.emit()
        self.step_changed.emit(self.step)
        self.tick.emit()

    def next_step(self) -> None:
        if self.timer.index + 1 < len(self.timer.planned):
            self.goto(self.timer.index + 1)

    def proposed_respread(self) -> list[float]:
        return self.timer.respread()

    def apply_respread(self, plan: list[float]) -> None:
        self.timer.apply_plan(plan)
        self._store()
        self.agenda_changed.emit()
        self.tick.emit()
