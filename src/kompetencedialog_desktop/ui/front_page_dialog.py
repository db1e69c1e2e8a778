"""The front page's facts: title, workplace, group, leader, date and participants."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..model.operations import clean_text
from ..model.project import Project


class _DateEdit(QDateEdit):
    """Tab leaves the field (Qt's date field walks day, month, year with Tab and traps the user);
    the arrow keys still move between the parts and change them."""

    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(self, next_)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            QWidget.focusNextPrevChild(self, event.key() == Qt.Key.Key_Tab
                                       and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return
        super().keyPressEvent(event)


class FrontPageDialog(QDialog):
    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Forside og deltagere")
        self.setMinimumWidth(560)
        grus = project.workshop == "grus"
        self.title = QLineEdit(project.title)
        self.workplace = QLineEdit(project.workplace)
        self.group = QLineEdit(project.group)
        self.leader = QLineEdit(project.leader)
        self.date = _DateEdit(QDate(project.date or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d. MMMM yyyy")
        self.participants = QPlainTextEdit("\n".join(project.participants))
        self.participants.setPlaceholderText("Én deltager pr. linje")
        self.participants.setTabChangesFocus(True)  # Tab goes on to the buttons, it types no tab
        form = QFormLayout(self)
        form.addRow("Titel:", self.title)
        form.addRow("Arbejdsplads:", self.workplace)
        form.addRow("Gruppe, team eller kontor:" if grus else "Forum (fx SU):", self.group)
        form.addRow("Leder:" if grus else "Formand:", self.leader)
        form.addRow("Dato:", self.date)
        form.addRow("Deltagere:", self.participants)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annullér")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field goes on to the next field; only the OK button (or Ctrl+Enter) accepts.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
                return
            if isinstance(self.focusWidget(), (QLineEdit, QAbstractSpinBox)):
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    def values(self) -> dict:
        def line(edit: QLineEdit) -> str:
            return clean_text(edit.text()).replace("\n", " ").strip()

        people = [p.strip() for p in clean_text(self.participants.toPlainText()).split("\n") if p.strip()]
        return {
            "title": line(self.title), "workplace": line(self.workplace), "group": line(self.group),
            "leader": line(self.leader), "date": self.date.date().toPython(), "participants": people,
        }
