"""The first thing a facilitator sees: start a workshop, open one, or try the example."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from . import theme


class SwallowDoubleClick(QObject):
    """One click on a recent file opens it, so a habitual double-click's second click lands on the
    board that replaced the list and would start a new post-it there. A double-click that comes
    within twice the double-click interval after the file has opened is dropped (counted from the
    end of the open: the second click waits in the queue while a big file loads)."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._since = QElapsedTimer()

    def around(self, open_file) -> None:
        QApplication.instance().installEventFilter(self)
        try:
            open_file()
        finally:
            self._since.start()

    @property
    def armed(self) -> bool:
        return self._since.isValid() and self._since.elapsed() <= 2 * QApplication.doubleClickInterval()

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.MouseButtonDblClick:
            return False
        QApplication.instance().removeEventFilter(self)  # one double-click at most
        swallow = self.armed
        self._since.invalidate()
        return swallow


class StartScreen(QWidget):
    new_requested = Signal(str)  # workshop kind
    open_requested = Signal()
    recent_requested = Signal(Path)
    example_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._intros = None  # see set_intros
        title = QLabel("Kompetencedialogen")
        title.setFont(theme.font(30, bold=True))
        intro = QLabel(
            "Dialogplader, dialogkort og post-its til jeres workshop om kompetenceudvikling.\n"
            "Vælg en workshop for at begynde, eller åbn en, I har gemt."
        )
        intro.setFont(theme.font(14))
        intro.setWordWrap(True)

        buttons = QGridLayout()
        specs = [
            ("Ny workshop 1: Kompetencestrategi (SU)", "#007C80", lambda: self.new_requested.emit("strategi")),
            ("Ny workshop 2: Gruppeudviklingssamtale (GRUS)", "#C4540A", lambda: self.new_requested.emit("grus")),
            ("Åbn en gemt workshop …", "#34495E", self.open_requested.emit),
            ("Prøv eksemplet (workshop 1)", "#5D6D7E", lambda: self.example_requested.emit("strategi")),
            ("Prøv eksemplet (workshop 2)", "#5D6D7E", lambda: self.example_requested.emit("grus")),
        ]
        self.buttons: list[QPushButton] = []
        for i, (text, colour, slot) in enumerate(specs):
            button = QPushButton(text)
            button.setFont(theme.font(15, bold=True))
            button.setMinimumHeight(56)
            button.setStyleSheet(f"QPushButton {{ background: {colour}; color: white; border-radius: 8px; padding: 8px 18px; }}"
                                 "QPushButton:focus { border: 4px solid #FFD400; }")
            button.clicked.connect(slot)
            buttons.addWidget(button, i // 2, i % 2)
            self.buttons.append(button)

        how = QLabel("Sådan bruger I Kompetencedialogen")
        how.setFont(theme.font(16, bold=True))
        self.intros = QGridLayout()
        self.intro_labels: dict[str, QLabel] = {}
        for column, (kind, colour) in enumerate((("strategi", "#007C80"), ("grus", "#C4540A"))):
            label = QLabel()
            label.setWordWrap(True)
            label.setFont(theme.font(12))
            label.setStyleSheet(f"QLabel {{ border-style: solid; border-width: 0 0 0 6px; border-color: {colour}; padding: 6px 12px; }}")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.intros.addWidget(label, 0, column)
            self.intro_labels[kind] = label

        recent_label = QLabel("Senest brugte")
        recent_label.setFont(theme.font(16, bold=True))
        self.recent_list = QListWidget()
        self.recent_list.setFont(theme.font(13))
        self.recent_list.setMinimumHeight(120)
        # One click (or Enter) opens: a list of files is not a place to select things in.
        self.recent_list.itemClicked.connect(self._activated)
        self.recent_list.itemActivated.connect(self._activated)
        self.recent_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.double_click_guard = SwallowDoubleClick(self)

        # The page scrolls rather than setting a minimum size for the window: on a laptop the
        # window must fit the screen, and the workshop (not this page) decides what it needs.
        body = QWidget()
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(18)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(how)
        layout.addLayout(self.intros)
        layout.addWidget(recent_label)
        layout.addWidget(self.recent_list, 1)

    def set_intros(self, intros) -> None:
        """The workshops' intros: a dict, or a function giving it, called when the page is first
        shown (a program started with a file never shows this page, nor loads both guides)."""
        self._intros = intros
        if not callable(intros) or self.isVisible():
            self._fill_intros()

    def _fill_intros(self) -> None:
        intros, self._intros = self._intros, None
        for kind, text in (intros() if callable(intros) else intros or {}).items():
            self.intro_labels[kind].setText(text)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._intros is not None:
            self._fill_intros()
        super().showEvent(event)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path and self.isVisible():  # the second click of a double click finds the board shown
            self.double_click_guard.around(lambda: self.recent_requested.emit(Path(path)))

    def set_recent(self, paths: list[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent_list.addItem(item)
        if not paths:
            self.recent_list.addItem("(ingen endnu)")
