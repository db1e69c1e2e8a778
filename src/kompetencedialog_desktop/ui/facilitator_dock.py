"""The facilitator's side panel: the timer on top, then cards, agenda and dot voting as tabs.

The agenda and the ranking are built when their tab is first shown or they are first asked for
(a refused dot, the budget key): putting a page of wrapped text into a scroll area lays it out,
~5 ms a tab at start-up, for tabs a workshop rarely opens on."""

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


def _scrolling(page: QWidget | None) -> QScrollArea:
    area = QScrollArea()
    if page is not None:
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
        self._voting = voting
        self._guide: GuidePanel | None = None
        self._ranking: RankingPanel | None = None
        self.tabs = _Tabs()
        # Each tab scrolls: a long card or step must not make the window taller than a laptop screen.
        self.tabs.addTab(_scrolling(self.cards), "Dialogkort")
        self._guide_area = _scrolling(None)
        self._ranking_area = _scrolling(None)
        self.tabs.addTab(self._guide_area, "Dagsorden")
        self.tabs.addTab(self._ranking_area, "Prioritering")
        self.tabs.currentChanged.connect(self._tab_shown)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.timer)
        layout.addWidget(self.tabs, 1)
        self.setWidget(body)
        self.setMinimumWidth(300)  # F9 hides it altogether; the window remembers which
        self.session.tick.connect(lambda: self.timer.show_timer(self.session.timer))
        document.notes_changed.connect(self.render_ranking)
        document.project_changed.connect(self.render_ranking)
        # The ranking shows refused dots and takes the budget key; until it exists, these build it.
        voting.message.connect(self._voting_message)
        voting.budget_requested.connect(self._budget_requested)
        self.timer.show_timer(self.session.timer)
        self.session.step_changed.connect(self._show_step_question)
        self._show_step_question(self.session.step)

    def _show_step_question(self, step) -> None:
        self.cards.show_step_question(step.title, step.question)

    def shown_question(self) -> str:
        """What the room is asked now; the projector shows it, the card tab says so."""
        return shown_question(self.session.step, self.cards.current_card)

    @property
    def guide(self) -> GuidePanel:
        if self._guide is None:
            self._guide = GuidePanel(self.session)
            self._guide.respread_requested.connect(self.respread)
            self._guide_area.setWidget(self._guide)
        return self._guide

    @property
    def ranking(self) -> RankingPanel:
        if self._ranking is None:
            self._ranking = RankingPanel(self._voting)  # from now on it hears the voting itself
            self._ranking_area.setWidget(self._ranking)
        return self._ranking

    def _tab_shown(self, index: int) -> None:
        area = self.tabs.widget(index)
        if area is self._guide_area:
            self.guide  # noqa: B018 - builds it
        elif area is self._ranking_area:
            self.ranking  # noqa: B018

    def render_ranking(self, *_args) -> None:
        if self._ranking is not None:
            self._ranking.render()

    def _voting_message(self, text: str) -> None:
        if self._ranking is None:
            self.ranking.show_message(text)

    def _budget_requested(self) -> None:
        if self._ranking is None:
            self.ranking.focus_budget()

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
