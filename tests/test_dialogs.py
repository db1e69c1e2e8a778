"""The real question dialogs (other tests replace them): each button gives its answer."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kompetencedialog_desktop.ui import dialogs

REAL = {name: getattr(dialogs, name) for name in ("ask_save_changes", "ask_recovery")}


def _answer_with(label: str) -> None:
    """Click the button called `label` in the message box as soon as it is shown."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        next(b for b in box.buttons() if b.text() == label).click()

    QTimer.singleShot(0, click)


@pytest.mark.parametrize("label,answer", [("Gem", "save"), ("Kassér ændringerne", "discard"), ("Annullér", "cancel")])
def test_save_changes(qtbot, label, answer):
    _answer_with(label)
    assert REAL["ask_save_changes"](None, "møde.kdlg") == answer


@pytest.mark.parametrize("label,answer", [("Gendan", "restore"), ("Kassér det", "discard"), ("Senere", "later")])
def test_recovery(qtbot, label, answer):
    _answer_with(label)
    assert REAL["ask_recovery"](None, "SU-møde (12 post-its)") == answer
