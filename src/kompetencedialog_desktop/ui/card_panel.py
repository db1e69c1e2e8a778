"""The dialogue cards of the current board: the current card large, next/previous, discussed,
jump to any card. Progress is saved in the project file (session state, not an undo step)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..model.content import BoardDefinition, Card
from ..model.glossary import card_step_label
from ..model.operations import set_card_progress
from . import theme
from .document import WorkshopDocument
from .wrap_label import WrapLabel


class WholeList(QListWidget):
    """A list as tall as all its (wrapped) items: the deck is short, and every card stays in sight
    while the current card's text scrolls in its own box above it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)  # a long card title wraps in a narrow panel instead of being cut
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self._fitted_width = -1

    def fit_height(self) -> None:
        self.doItemsLayout()
        rows = sum(self.visualItemRect(self.item(i)).height() for i in range(self.count()))
        height = rows + 2 * self.frameWidth() + 4
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != self._fitted_width:  # wrapping changed: so did the height
            self._fitted_width = event.size().width()
            self.fit_height()


class CardPanel(QWidget):
    card_changed = Signal(object)  # Card | None

    def __init__(self, document: WorkshopDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.board: BoardDefinition | None = None
        self.cards: list[Card] = []
        self.counter = WrapLabel()
        self.counter.setFont(theme.font(12, bold=True))
        self.badge = WrapLabel()
        self.badge.setFont(theme.font(11, bold=True))
        self.badge.setStyleSheet("color: #6B3FA0;")
        self.title = WrapLabel()
        self.title.setFont(theme.font(18, bold=True))
        self.questions = WrapLabel()
        self.questions.setFont(theme.font(15))
        self.questions.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = WrapLabel()
        self.hint.setFont(theme.font(11))
        self.hint.setStyleSheet("color: #3D3D3D; background: #F3F0E6; padding: 6px; border-radius: 4px;")
        # A step with its own question (a warm-up round): the projector shows that, not the card.
        self.step_question = WrapLabel()
        self.step_question.setFont(theme.font(12))
        self.step_question.setStyleSheet("color: #111111; background: #FFF7D6; padding: 6px; border-radius: 4px;")
        self.step_question.hide()
        self.previous = QPushButton("◀ Forrige")
        self.next = QPushButton("Næste ▶")
        self.discussed = QPushButton("Drøftet")
        self.discussed.setCheckable(True)
        self.previous.clicked.connect(lambda: self.go(self.current - 1))
        self.next.clicked.connect(lambda: self.go(self.current + 1))
        self.discussed.clicked.connect(self.toggle_discussed)
        self.list = WholeList()
        self.list.setFont(theme.font(11))
        self.list.itemActivated.connect(lambda item: self.go(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self.go(self.list.row(item)))

        buttons = QHBoxLayout()
        for b in (self.previous, self.discussed, self.next):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_question)
        layout.addWidget(self.counter)
        layout.addWidget(self.badge)
        # The card's own text scrolls in its box; buttons and the list of cards stay in sight.
        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.questions)
        column.addWidget(self.hint)
        column.addStretch(1)
        self.text_area = QScrollArea()
        self.text_area.setWidget(text)
        self.text_area.setWidgetResizable(True)
        self.text_area.setFrameShape(QFrame.Shape.NoFrame)
        self.text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text_area.setMinimumHeight(6 * self.title.fontMetrics().lineSpacing())
        layout.addWidget(self.text_area, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.list)

    @property
    def current(self) -> int:
        if self.board is None:
            return 0
        progress = self.document.project.card_progress.get(self.board.id)
        return min(progress.current, max(0, len(self.cards) - 1)) if progress else 0

    @property
    def current_card(self) -> Card | None:
        return self.cards[self.current] if self.cards else None

    def show_board(self, board: BoardDefinition) -> None:
        self.board = board
        deck = self.document.content.decks.get(board.id)
        self.cards = list(deck.cards) if deck else []
        self._render()

    def show_step_question(self, step_title: str, question: str) -> None:
        self.step_question.setText(f"{step_title} · på projektoren nu: {question}" if question else "")
        self.step_question.setVisible(bool(question))

    def go(self, index: int) -> None:
        if not self.cards or not 0 <= index < len(self.cards):
            return
        if index != self.current:
            set_card_progress(self.document.project, self.board.id, current=index)
            self.document.touch()
        self._render()

    def go_to_card(self, card_id: str) -> None:
        index = next((i for i, c in enumerate(self.cards) if c.id == card_id), None)
        if index is not None:
            self.go(index)

    def toggle_discussed(self) -> None:
        card = self.current_card
        if card is not None:
            set_card_progress(self.document.project, self.board.id, discussed=card.id)
            self.document.touch()
            self._render()

    def _render(self) -> None:
        card = self.current_card
        progress = self.document.project.card_progress.get(self.board.id) if self.board else None
        discussed = set(progress.discussed) if progress else set()
        if card is None:
            self.counter.setText("Ingen dialogkort til denne plade")
            for label in (self.badge, self.title, self.questions, self.hint):
                label.clear()
        else:
            self.counter.setText(f"Dialogkort · kort {self.current + 1} af {len(self.cards)} · {len(discussed)} drøftet")
            self.badge.setText(" · ".join(x for x in (card_step_label(card.step), "" if card.core else "Valgfrit kort") if x))
            self.badge.setVisible(bool(self.badge.text()))  # no empty line above a core card
            self.title.setText(card.title)
            self.questions.setText("\n\n".join(f"• {q}" for q in card.questions))
            self.hint.setText(f"Til facilitatoren: {card.hint}")
            self.discussed.setChecked(card.id in discussed)
        self.previous.setEnabled(self.current > 0)
        self.next.setEnabled(self.current + 1 < len(self.cards))
        self.list.blockSignals(True)
        self.list.clear()
        for i, c in enumerate(self.cards):
            mark = "✔ " if c.id in discussed else "    "
            item = QListWidgetItem(f"{mark}{i + 1}. {c.title}" + ("" if c.core else "  (valgfrit)"))
            self.list.addItem(item)
        if self.cards:
            self.list.setCurrentRow(self.current)
        self.list.blockSignals(False)
        self.list.fit_height()
        self.text_area.verticalScrollBar().setValue(0)  # a new card is read from the top
        self.card_changed.emit(card)
