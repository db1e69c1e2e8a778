"""The facilitator guide: agenda variant, the steps with planned and used minutes, what to say
and do in the current step, and the timer's controls."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..model.agenda import end_text, minutes_text
from . import theme
from .facilitation import FacilitationSession
from .wrap_label import WrapLabel

# Nothing in the panel may make it wider than its column (a laptop's narrow dock, 150 %): the
# buttons sit two to a row, labels wrap inside long words, and the step's texts scroll in their
# own box so a long "Sig:" never pushes the list of steps off the panel.
BUTTON_COLUMNS = 2
STEP_ROWS_VISIBLE = 5


class GuidePanel(QWidget):
    respread_requested = Signal()

    def __init__(self, session: FacilitationSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.variant_box = QComboBox()
        self.variant_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.variant_box.setMinimumContentsLength(8)
        for variant in session.guide.variants:
            self.variant_box.addItem(variant.title, variant.id)
        self.variant_box.setCurrentIndex(self.variant_box.findData(session.variant.id))
        self.variant_box.currentIndexChanged.connect(lambda _i: session.choose_variant(self.variant_box.currentData()))
        self.steps = QListWidget()
        self.steps.setFont(theme.font(11))
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.steps.setMinimumHeight(STEP_ROWS_VISIBLE * self.steps.fontMetrics().lineSpacing() * 2)
        self.steps.itemActivated.connect(lambda item: session.goto(self.steps.row(item)))
        self.steps.itemDoubleClicked.connect(lambda item: session.goto(self.steps.row(item)))
        self.step_title = WrapLabel()
        self.step_title.setFont(theme.font(15, bold=True))
        self.details = QTextBrowser()
        self.details.setFont(theme.font(11))
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.viewport().setAutoFillBackground(False)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.details.setMinimumHeight(4 * self.details.fontMetrics().lineSpacing())
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the board's keys stay the board's
        self.end_line = WrapLabel()
        self.end_line.setFont(theme.font(11, bold=True))

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        # Short labels keep the panel narrow on a laptop; the keys are in the tooltips.
        specs = [("toggle", "Start/pause", "F5", session.toggle),
                 ("plus1", "+1 min", "F6", lambda: session.add_minutes(1)),
                 ("plus5", "+5 min", "Shift+F6", lambda: session.add_minutes(5)),
                 ("reset", "Nulstil trin", "Shift+F7", session.reset),
                 ("next", "Næste trin", "F7", session.next_step),
                 ("respread", "Fordel resten …", "", self.respread_requested.emit)]
        for i, (key, text, keys, slot) in enumerate(specs):
            button = QPushButton(text)
            button.setToolTip(f"{text} ({keys})" if keys else "Forkort de resterende trin, så workshoppen slutter til tiden")
            button.clicked.connect(slot)
            grid.addWidget(button, i // BUTTON_COLUMNS, i % BUTTON_COLUMNS)
            self.buttons[key] = button

        layout = QVBoxLayout(self)
        layout.addWidget(self.variant_box)
        layout.addLayout(grid)
        layout.addWidget(self.end_line)
        layout.addWidget(self.step_title)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.steps, 3)
        session.agenda_changed.connect(self.render)
        session.step_changed.connect(lambda _step: self.render())
        session.tick.connect(self._render_end)
        self.render()

    def render(self) -> None:
        session, timer = self.session, self.session.timer
        step = session.step
        self.step_title.setText(f"Trin {timer.index + 1} af {len(timer.planned)}: {step.title}")
        materials = f"<p><b>Materialer:</b> {step.materials}</p>" if step.materials else ""
        if step.kind == "velkomst" and session.guide.preparation:  # what to have done before the day
            items = "".join(f"<li>{item}</li>" for item in session.guide.preparation)
            materials += f"<p><b>Forberedelse (før workshoppen):</b></p><ul>{items}</ul>"
        self.details.setText(f"<p><b>Formål:</b> {step.purpose}</p><p><b>Sig:</b> <i>{step.say}</i></p>"
                             f"<p><b>Gør:</b> {step.do}</p>{materials}")
        self.steps.blockSignals(True)
        self.steps.clear()
        several_meetings = session.several_meetings
        for i, s in enumerate(session.variant.steps):
            meeting = f"Møde {s.session} · " if several_meetings else ""
            used = f", brugt {minutes_text(timer.actual[i])}" if timer.actual[i] else ""
            mark = "▶ " if i == timer.index else ("✔ " if timer.actual[i] else "    ")
            item = QListWidgetItem(f"{mark}{meeting}{i + 1}. {s.title} · {minutes_text(timer.planned[i])}{used}")
            if i == timer.index:
                item.setFont(theme.font(11, bold=True))
            self.steps.addItem(item)
        self.steps.setCurrentRow(timer.index)
        self.steps.blockSignals(False)
        self._render_end()

    def _render_end(self) -> None:
        session = self.session
        late = session.timer.meeting_late()
        self.end_line.setText(end_text(late, meeting=session.several_meetings))
        self.end_line.setStyleSheet("color: #B00020;" if late >= 30 else "")
