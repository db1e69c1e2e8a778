"""The room's view: a second, frameless full-screen window with the current board, the current
card's question and the timer, large and high-contrast. It shows the main window's own scene,
so notes appear as they are typed. B blanks it for a pause."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPainter, QScreen
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from ..model.content import Card
from ..model.timer import AgendaTimer
from . import theme
from .board_scene import BoardScene
from .timer_display import TimerDisplay


class ProjectorWindow(QWidget):
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle("Kompetencedialog – projektor")
        self.setStyleSheet("background: #101418; color: #FFFFFF;")
        self.step = QLabel()
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
        self.question.setStyleSheet("background: #FFF7D6; color: #111111; padding: 14px 24px; border-radius: 8px;")
        self.blank = QLabel("Pause")
        self.blank.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.blank.setFont(theme.font(60, bold=True))
        self.blank.setStyleSheet("background: #000000; color: #555555;")

        top = QHBoxLayout()
        top.addWidget(self.step, 1)
        top.addWidget(self.timer)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 16, 24, 16)
        column.addLayout(top)
        column.addWidget(self.view, 1)
        column.addWidget(self.question)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(content)
        self.stack.addWidget(self.blank)

    # --- what it shows ----------------------------------------------------------------------
    def show_scene(self, scene: BoardScene | None) -> None:
        self.view.setScene(scene)
        self.fit()

    def fit(self) -> None:
        scene = self.view.scene()
        if isinstance(scene, BoardScene):
            b = scene.board
            self.view.fitInView(0, 0, b.width, b.height, Qt.AspectRatioMode.KeepAspectRatio)
            policy = getattr(scene, "note_cache", None)
            if policy is not None:
                policy.refresh()  # room in the pixmap cache for this view's pictures of the notes too

    def show_card(self, card: Card | None) -> None:
        self.question.setText(card.questions[0] if card else "")
        self.question.setVisible(card is not None)

    def show_timer(self, timer: AgendaTimer, step_title: str) -> None:
        self.step.setText(step_title)
        self.timer.show_timer(timer)

    @property
    def blanked(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def toggle_blank(self) -> None:
        self.stack.setCurrentWidget(self.stack.widget(0) if self.blanked else self.blank)

    # --- where it shows ---------------------------------------------------------------------
    @staticmethod
    def default_screen(main_screen: QScreen | None) -> QScreen:
        screens = QGuiApplication.screens()
        others = [s for s in screens if s is not main_screen]
        return others[0] if others else (main_screen or QGuiApplication.primaryScreen())

    def place_on(self, screen: QScreen, full_screen: bool) -> None:
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:  # one screen: a window the facilitator can look at while testing
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
        self.closed.emit()
        super().closeEvent(event)
