"""The front page's facts: title, workplace, group, leader, date and participants."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit

from ..model.operations import clean_text
from ..model.project import Project


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
        self.date = QDateEdit(QDate(project.date or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d. MMMM yyyy")
        self.participants = QPlainTextEdit("\n".join(project.participants))
        self.participants.setPlaceholderText("Én deltager pr. linje")
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

    def values(self) -> dict:
        def line(edit: QLineEdit) -> str:
            return clean_text(edit.text()).replace("\n", " ").strip()

        people = [p.strip() for p in clean_text(self.participants.toPlainText()).split("\n") if p.strip()]
        return {
            "title": line(self.title), "workplace": line(self.workplace), "group": line(self.group),
            "leader": line(self.leader), "date": self.date.date().toPython(), "participants": people,
        }
