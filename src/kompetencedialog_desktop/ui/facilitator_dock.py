"""The facilitator's side panel: the timer on top, then cards, agenda and dot voting as tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ..model.agenda import minutes_text
from ..model.guide import shown_question
from . import dialogs
from .card_panel import CardPanel
from .document import WorkshopDocument
from .facilitation import FacilitationSession
from .guide_panel import GuidePanel
from .timer_display import TimerDisplay
from .voting_panel import RankingPanel, VotingActions


def _scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class _Tabs(QTabWidget):
    """Tabs whose pages sit in scroll areas; setCurrentWidget takes the page itself too."""

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        for i in range(self.count()):
            area = self.widget(i)
            if area is widget or (isinstance(area, QScrollArea) and area.widget() is widget):
                self.setCurrentIndex(i)
                return


class FacilitatorDock(QDockWidget):
    def __init__(self, document: WorkshopDocument, voting: VotingActions, window, clock=None):
        super().__init__("Facilitator", window)
        self.setObjectName("facilitator")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.window_ = window
        self.session = FacilitationSession(document, self, clock=clock)
        self.timer = TimerDisplay(34)
        self.cards = CardPanel(document)
        self.guide = GuidePanel(self.session)
        self.ranking = RankingPanel(voting)
        self.tabs = _Tabs()
        # Each tab scrolls: a long card or step must not make the window taller than a laptop screen.
        self.tabs.addTab(_scrolling(self.cards), "Dialogkort")
        self.tabs.addTab(_scrolling(self.guide), "Dagsorden")
        self.tabs.addTab(_scrolling(self.ranking), "Prioritering")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.timer)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.setMinimumWidth(300)  # F9 hides it altogether; the window remembers which
        self.session.tick.connect(lambda: self.timer.show_timer(self.session.timer))
        self.guide.respread_requested.connect(self.respread)
        document.notes_changed.connect(lambda _ids: self.ranking.render())
        document.project_changed.connect(self.ranking.render)
        self.timer.show_timer(self.session.timer)
        self.session.step_changed.connect(self._show_step_question)
        self._show_step_question(self.session.step)

    def _show_step_question(self, step) -> None:
        self.cards.show_step_question(step.title, step.question)

    def shown_question(self) -> str:
        """What the room is asked now; the projector shows it, the card tab says so."""
        return shown_question(self.session.step, self.cards.current_card)

    def respread(self) -> None:
        """Show what re-spreading would do to the rest of the meeting (the workshop, when it is one
        meeting); apply when confirmed. A later meeting keeps its own plan."""
        session = self.session
        plan = session.proposed_respread()
        timer = session.timer
        who = "mødet" if session.several_meetings else "workshoppen"
        later = range(timer.index + 1, timer.meeting_steps().stop)
        changes = [
            f"{session.variant.steps[i].title}: {minutes_text(timer.planned[i])} → {minutes_text(plan[i])}"
            for i in later if abs(timer.planned[i] - plan[i]) >= 30
        ]
        if not later:
            dialogs.show_error(self.window_, "Fordel resten", f"Der er ingen senere trin i {who} at fordele tiden på.")
            return
        if not changes:
            dialogs.show_error(self.window_, "Fordel resten", f"Planen holder allerede: {who} slutter til tiden.")
            return
        question = f"Så slutter {who} til tiden:\n\n" + "\n".join(changes) + "\n\nVil du bruge den nye plan?"
        if dialogs.ask_yes_no(self.window_, "Fordel resten af tiden", question):
            session.apply_respread(plan)
