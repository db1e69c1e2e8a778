"""The room's view: a second window with the board on show, the current card's question and the
timer, large and high-contrast. It shows the main window's own scene, so notes appear as they
are typed, zoomed to the part of the board in use so the text reads from the back of the room.
Full screen and frameless on a second screen; a normal, movable window when there is one screen.
B blanks it for a pause (and the main window says so: BlankIndicator)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPainter, QScreen, QTransform
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from ..model.content import Card
from ..model.timer import AgendaTimer
from . import theme
from .board_scene import BoardScene
from .timer_display import TimerDisplay

MAX_SCALE = 2.0


class ProjectorWindow(QWidget):
    closed = Signal()
    blanked_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Kompetencedialog – projektor")
        self.setStyleSheet("background: #101418; color: #FFFFFF;")
        self.step = QLabel()  # the header: the board on show
        self.step.setFont(theme.font(26, bold=True))
        self.timer = TimerDisplay(44)
        self.timer.setMinimumWidth(320)
        self.view = QGraphicsView()
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setInteractive(False)  # the room looks; the facilitator's window edits
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.question = QLabel()
        self.question.setFont(theme.font(28, bold=True))
        self.question.setWordWrap(True)
        self.question.setStyleSheet("background: #FFF7D6; color: #111111; padding: 10px 24px; border-radius: 8px;")
        self.blank = QLabel("Pause")
        self.blank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blank.setFont(theme.font(60, bold=True))
        self.blank.setStyleSheet("background: #000000; color: #555555;")
        self._scene: BoardScene | None = None
        # Many notes typed in a row refit once, after the last one.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)

        top = QHBoxLayout()
        top.addWidget(self.step, 1)
        top.addWidget(self.timer)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 8, 16, 8)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.view, 1)
        column.addWidget(self.question)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.blank)

    # --- what it shows ----------------------------------------------------------------------
    def show_scene(self, scene: BoardScene | None) -> None:
        if self._scene is not None:
            try:
                self._scene.document.notes_changed.disconnect(self._notes_changed)
            except (RuntimeError, TypeError):
                pass
        self._scene = scene if isinstance(scene, BoardScene) else None
        self.view.setScene(scene)
        if self._scene is not None:
            board = self._scene.board
            self.step.setText(f"{board.number}  {board.title}")
            self._scene.document.notes_changed.connect(self._notes_changed)
        else:
            self.step.setText("")
        self.fit()

    def _notes_changed(self, _ids) -> None:
        self._refit.start()

    def shown_rect(self) -> QRectF:
        """What the room sees of the board: the part in use (see BoardScene.used_rect)."""
        return self._scene.used_rect() if self._scene is not None else QRectF()

    def fit(self) -> None:
        if self._scene is None:
            return
        rect = self.shown_rect()
        self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.view.transform().m11() > MAX_SCALE:  # one or two notes: big, not gigantic
            self.view.setTransform(QTransform.fromScale(MAX_SCALE, MAX_SCALE))
            self.view.centerOn(rect.center())
        policy = getattr(self._scene, "note_cache", None)
        if policy is not None:
            policy.refresh()  # room in the pixmap cache for this view's pictures of the notes too

    def show_card(self, card: Card | None) -> None:
        self.show_question(card.questions[0] if card else "")

    def show_question(self, text: str) -> None:
        """The question the room is asked now (the agenda step's own, or the current card's)."""
        self.question.setText(text)
        self.question.setVisible(bool(text))

    def show_timer(self, timer: AgendaTimer, step_title: str = "") -> None:
        """The timer of the agenda step; the header stays the board's (the room sees that)."""
        self.timer.show_timer(timer)
        self.timer.setToolTip(step_title)

    @property
    def blanked(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def toggle_blank(self) -> None:
        showing = self.blanked
        self.stack.setCurrentWidget(self.stack.widget(0) if showing else self.blank)
        if showing:  # the view was hidden (and may have been resized meanwhile): fit it again once shown
            QTimer.singleShot(0, self.fit)
        self.blanked_changed.emit(self.blanked)

    # --- where it shows ---------------------------------------------------------------------
    @staticmethod
    def default_screen(main_screen: QScreen | None) -> QScreen:
        screens = QGuiApplication.screens()
        others = [s for s in screens if s is not main_screen]
        return others[0] if others else (main_screen or QGuiApplication.primaryScreen())

    def place_on(self, screen: QScreen, full_screen: bool) -> None:
        # A second screen gets the whole of it, no frame; on the facilitator's own screen it is a
        # normal window with a frame, to be moved and resized (or dragged to a projector).
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, full_screen)
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            geometry = screen.availableGeometry()
            self.resize(int(geometry.width() * 0.6), int(geometry.height() * 0.6))
            self.showNormal()
        self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_B:
            self.toggle_blank()
        elif event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.blanked:
            self.toggle_blank()  # the main window's "blanked" mark goes with the projector
        self.closed.emit()
        super().closeEvent(event)


class BlankIndicator(QLabel):
    """In the main window's status bar while the projector is blanked, so the facilitator knows
    the room sees black. It removes itself when the projector closes."""

    def __init__(self, projector: ProjectorWindow, parent=None):
        super().__init__("Projektoren er sort (pause) – Ctrl+B viser den igen", parent)
        self.setStyleSheet("background: #111111; color: #FFFFFF; font-weight: bold; padding: 2px 10px; border-radius: 4px;")
        self.setVisible(projector.blanked)
        projector.blanked_changed.connect(self.setVisible)
        projector.closed.connect(self.deleteLater)
