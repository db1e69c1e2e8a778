"""The main window wires the parts together: start screen, board tabs, menus, status line.
It holds no workshop logic: files go through FileController, edits through NoteActions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QStackedWidget, QTabWidget

from ..model.content import WORKSHOP_NAMES
from ..model.guide import board_in_use
from ..storage.content_loader import facilitator_guide
from ..storage.project_file import build_validators
from . import dialogs, theme
from .board_page import BoardPage
from .board_scene import BoardScene
from .commands import SetProjectFields
from .document import WorkshopDocument
from .export_controller import ExportController
from .facilitator_dock import FacilitatorDock
from .file_controller import FileController
from .lazy_tab import LazyTab
from .loop_actions import LoopActions
from .menus import add_action, build_menus, command_actions
from .note_actions import NoteActions
from .start_screen import StartScreen
from .translations import install_danish
from .voting_panel import VotingActions
from .window_layout import TabTitles, WindowLayout

if TYPE_CHECKING:  # built (and imported) when their tab is first shown: see lazy_tab.py
    from .evaluation_page import EvaluationPage
    from .plan_page import PlanPage
    from .projector_window import ProjectorWindow  # imported when the projector is first opened

APP_TITLE = "Kompetencedialog"
VALIDATORS_AFTER_MS = 200  # after the first paint, long before anyone can open a file


class MainWindow(QMainWindow):
    def __init__(self, clock=None):
        super().__init__()
        self.clock = clock  # the agenda timer's clock; tests pass a fake one
        # Dates, number formats and Qt's own buttons and dialogs in Danish, whatever the system language.
        install_danish()
        self.files = FileController(self)
        self.pages: list[BoardPage] = []
        self.start = StartScreen()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(theme.font(11, bold=True))
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)  # titles are shortened by us (tooltip: in full)
        self.tabs.setUsesScrollButtons(True)
        self.tab_titles = TabTitles(self.tabs)  # shortened only when the bar has no room
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.status = QLabel()
        self.status.setFont(theme.font(12))
        self.status.setMinimumWidth(80)  # a long status line is cut, it never widens the window
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.status, 1)
        self.layout_memory = WindowLayout(self)
        self.layout_memory.fit_to_screen()

        self._plan_tab: LazyTab | None = None
        self.exports = ExportController(self, self.files)
        self.loop = LoopActions(self, self.files)
        self._evaluation_tab: LazyTab | None = None
        self.note_actions = NoteActions(self.current_scene, self)
        self.voting = VotingActions(self.current_scene, self)
        self.voting.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.dock: FacilitatorDock | None = None
        self.projector: ProjectorWindow | None = None
        self.undo_group = QUndoGroup(self)
        build_menus(self)
        self.start.new_requested.connect(self.files.new)
        self.start.open_requested.connect(lambda: self.files.open())
        self.start.recent_requested.connect(self.files.open)
        self.start.example_requested.connect(self.files.new_example)
        self.files.document_changed.connect(self._show_document)
        self.files.finishing_edits.connect(self._finish_edits)
        self.files.recent_changed.connect(self._show_recent)
        self.files.autosave.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._show_recent(self.files.recent())
        self.start.set_intros(lambda: {kind: facilitator_guide(kind).intro for kind in ("strategi", "grus")})
        self._show_document(None)
        self._validators_scheduled = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._validators_scheduled:
            # Soon after the first paint: the validators a file's first open or the first post-it
            # would otherwise build on the spot (~60 ms). Counted from the first show, not from
            # the window's creation (a file opened at start can take longer than the delay), and
            # not a zero timer: that is a posted event, served before the first paint request.
            self._validators_scheduled = True
            QTimer.singleShot(VALIDATORS_AFTER_MS, build_validators)

    # --- showing a workshop ---------------------------------------------------------------
    def _show_document(self, document: WorkshopDocument | None) -> None:
        self.tabs.blockSignals(True)
        self.tabs.clear()
        for page in self.pages:
            page.deleteLater()
        self.pages = []
        for lazy in (self._plan_tab, self._evaluation_tab):
            if lazy is not None:
                lazy.delete()
        self._plan_tab = self._evaluation_tab = None
        if self.dock is not None:
            if self.isVisible():  # hidden with its own close button counts too
                self.layout_memory.panel_visible = self.dock.isVisible()
            self.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        for stack in self.undo_group.stacks():
            self.undo_group.removeStack(stack)
        if document is not None:
            self.undo_group.addStack(document.undo_stack)
            self.undo_group.setActiveStack(document.undo_stack)
        if document is None:
            self.stack.setCurrentWidget(self.start)
        else:
            for board in document.content.boards:
                page = BoardPage(document, board)
                page.entry.note_added.connect(self._update_status)
                self.pages.append(page)
                index = self.tab_titles.add(page, f"{board.number}  {board.title}")
                self.tabs.setTabToolTip(index, f"Dialogplade {board.number}: {board.title} (Ctrl+{board.number})")
            self._plan_tab = LazyTab(self.tabs, "Plan og skabelon", lambda: self._build_plan_page(document))
            if document.project.workshop == "strategi":
                self._evaluation_tab = LazyTab(self.tabs, "SU's evaluering", lambda: self._build_evaluation_page(document))
            self.dock = FacilitatorDock(document, self.voting, self, clock=self.clock)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.layout_memory.place_panel(self.dock)
            self.dock.session.step_changed.connect(self._open_step)
            self.dock.session.step_changed.connect(self._show_question)
            self.dock.cards.card_changed.connect(self._show_question)
            self.dock.session.tick.connect(self._projector_tick)
            document.modified_changed.connect(self._update_title)
            document.modified_changed.connect(self._update_status)
            document.undo_stack.indexChanged.connect(self._update_status)
            document.path_changed.connect(self._update_title)
            self.stack.setCurrentWidget(self.tabs)
        self.tabs.blockSignals(False)
        for action in self.workshop_actions:
            action.setEnabled(document is not None)
        self.fetch_areas_action.setEnabled(document is not None and document.project.workshop == "grus")
        self._update_title()
        if document is not None:
            self.show_board(self._board_of_agenda())

    def _finish_edits(self) -> None:
        for page in self.pages:
            if page.built:
                page.scene.finish_editing()

    def _board_of_agenda(self) -> int:
        """A reopened workshop opens on the board its agenda stands at (a new one: board 1)."""
        session = self.dock.session
        board = board_in_use(session.variant, session.timer.index)
        ids = [p.board.id for p in self.pages]
        return ids.index(board) if board in ids else 0

    def _build_plan_page(self, document: WorkshopDocument) -> PlanPage:
        from .plan_page import PlanPage

        page = PlanPage(document)
        page.front_page_requested.connect(self.edit_front_page)
        return page

    @staticmethod
    def _build_evaluation_page(document: WorkshopDocument) -> EvaluationPage:
        from .evaluation_page import EvaluationPage

        return EvaluationPage(document)

    @property
    def plan_page(self) -> PlanPage | None:
        return self._plan_tab.realise() if self._plan_tab is not None else None

    @property
    def evaluation_page(self) -> EvaluationPage | None:
        return self._evaluation_tab.realise() if self._evaluation_tab is not None else None

    def _show_recent(self, paths: list[Path]) -> None:
        self.start.set_recent(paths)
        self.recent_menu.clear()
        for path in paths:
            add_action(self.recent_menu, str(path), None, lambda checked=False, p=path: self.files.open(p))
        self.recent_menu.setEnabled(bool(paths))

    def show_board(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.tabs.setCurrentIndex(index)
            self._on_tab_changed(index)

    def _on_tab_changed(self, index: int) -> None:
        for lazy in (self._plan_tab, self._evaluation_tab):
            if lazy is not None and lazy.holds(self.tabs.widget(index)):
                lazy.realise()
        if 0 <= index < len(self.pages):
            self.pages[index].focus_entry()
            if self.dock is not None:
                self.dock.cards.show_board(self.pages[index].board)
                self.dock.render_ranking()
            if self.projector is not None:
                self.projector.show_scene(self.pages[index].scene)
        self._update_status()

    # --- facilitation ------------------------------------------------------------------------
    def _facilitation(self, part: str, fn) -> None:
        if self.dock is not None:
            fn(self.dock.cards if part == "cards" else self.dock.session)

    def _toggle_dock(self) -> None:
        if self.dock is not None:
            self.dock.setVisible(not self.dock.isVisible())
            self.layout_memory.panel_visible = self.dock.isVisible()

    def _open_step(self, step) -> None:
        """A new agenda step opens its board and its first card."""
        board_ids = [p.board.id for p in self.pages]
        if step.board in board_ids:
            self.show_board(board_ids.index(step.board))
            if step.cards:
                self.dock.cards.go_to_card(step.cards[0])

    def _show_question(self, *_args) -> None:
        if self.projector is not None and self.dock is not None:
            self.projector.show_question(self.dock.shown_question())

    def _projector_tick(self) -> None:
        if self.projector is not None and self.dock is not None:
            session = self.dock.session
            self.projector.show_timer(session.timer, session.step.title)

    def toggle_projector(self, screen=None) -> None:
        from .projector_window import BlankIndicator, ProjectorWindow

        if self.projector is not None and screen is None:
            self.projector.close()
            return
        if self.projector is None:
            self.projector = ProjectorWindow()
            # Clicked into, the projector still takes the window's keys (F10, Ctrl+1..3, F5 …).
            self.projector.addActions([action for _menu, action in command_actions(self.menuBar())])
            self.projector.closed.connect(self._projector_closed)
            self.statusBar().addPermanentWidget(BlankIndicator(self.projector))
            # Qt shows the status line again when a permanent widget is added, over a message
            # still on show ("2 post-its er markeret …" drawn across it): that message goes.
            self.statusBar().clearMessage()
        target = screen or ProjectorWindow.default_screen(self.screen())
        self.projector.place_on(target, full_screen=target is not self.screen())
        # On top, but the keyboard stays here: the secretary goes on typing (and F10 closes it again).
        self.activateWindow()
        self.projector.raise_()
        page = self.current_page()
        self.projector.show_scene(page.scene if page else None)
        self._show_question()
        self._projector_tick()

    def _projector_closed(self) -> None:
        self.projector = None

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            add_action(self.screen_menu, f"Skærm {number}: {screen.name()} ({size.width()}x{size.height()})", None,
                         lambda checked=False, s=screen: self.toggle_projector(s))

    def _update_title(self, *_args) -> None:
        document = self.files.document
        if document is None:
            self.setWindowTitle(APP_TITLE)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{document.display_name}[*] – {APP_TITLE}")
        self.setWindowModified(document.modified)

    def _update_status(self, *_args) -> None:
        document, page = self.files.document, self.current_page()
        if document is None:
            self.status.setText("Vælg eller åbn en workshop")
            return
        if page is None:
            saved = document.save_state
            tab = self.tabs.tabText(self.tabs.currentIndex())
            self.status.setText(f"{WORKSHOP_NAMES[document.project.workshop]}   ·   {tab}   ·   {saved}")
            return
        count = len(page.scene.items_by_id)
        saved = document.save_state
        self.status.setText(
            f"{WORKSHOP_NAMES[document.project.workshop]}   ·   Plade {page.board.number}: {count} post-it{'' if count == 1 else 's'}   ·   {saved}"
        )

    # --- helpers for actions ----------------------------------------------------------------
    def current_page(self) -> BoardPage | None:
        index = self.tabs.currentIndex()
        return self.pages[index] if 0 <= index < len(self.pages) and self.stack.currentWidget() is self.tabs else None

    def current_scene(self) -> BoardScene | None:
        page = self.current_page()
        return page.scene if page else None

    def _with_view(self, fn) -> None:
        page = self.current_page()
        if page:
            fn(page.view)

    def _focus_entry(self) -> None:
        page = self.current_page()
        if page:
            page.focus_entry()

    def offer_recovery(self) -> bool:
        """After a crash: offer each piece of unsaved work (newest first); restore at most one."""
        for entry in self.files.recoverable():
            answer = dialogs.ask_recovery(self, entry.describe())
            if answer == "restore":
                return self.files.restore(entry)
            if answer == "discard":
                self.files.discard_recovery(entry)
        return False

    def edit_front_page(self) -> None:
        document = self.files.document
        if document is None:
            return
        values = dialogs.edit_front_page(self, document.project)
        if values is None:
            return
        changed = {k: v for k, v in values.items() if getattr(document.project, k) != v}
        if changed:
            document.undo_stack.push(SetProjectFields(document, changed))

    def _undo(self) -> None:
        self.undo_group.undo()

    def _redo(self) -> None:
        self.undo_group.redo()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_keep_changes():
            self.layout_memory.remember()
            if self.files.document is not None and self.files.document.modified:
                self.files.document.forget_changes()  # the user chose to discard them
            self.files.shutdown()
            if self.projector is not None:
                self.projector.close()
            event.accept()
        else:
            event.ignore()
