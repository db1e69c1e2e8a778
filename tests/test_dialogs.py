"""The real question dialogs (other tests replace them): each button gives its answer."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox

from kompetencedialog_desktop.ui import dialogs

REAL = {name: getattr(dialogs, name) for name in ("ask_save_changes", "ask_recovery", "ask_yes_no", "show_error", "show_info")}


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


@pytest.mark.parametrize("ask, args, click", [
    ("ask_save_changes", ("Arbejdsmiljø og trivsel i Team Øst 2027.kdlg",), "Annullér"),
    ("ask_yes_no", ("Fordel resten af tiden", "Vil du bruge den nye plan?"), "&No"),
    ("show_error", ("Kunne ikke gemme", "Disken er fuld."), "OK"),
    ("show_info", ("Intet nyt at hente", "Alle indsatsområder er hentet."), "OK"),
])
def test_a_message_box_is_wide_enough_for_its_title(qtbot, ask, args, click):
    """The window manager shows » — Kompetencedialog« after the title; a box narrower than that
    cut it to »Ikke gemte ændrin…ompetencedialog«."""
    seen = {}

    def look_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look_and_close)
            return
        try:
            font = QFont(box.font())
            font.setBold(True)  # title bars are bold; the buttons beside it need ~100 px more
            seen["width"] = box.width()
            seen["needed"] = QFontMetrics(font).horizontalAdvance(f"{box.windowTitle()} — Kompetencedialog") + 100
        finally:
            buttons = box.buttons()
            next((b for b in buttons if b.text() in (click, click.replace("&", ""))), buttons[-1]).click()

    QTimer.singleShot(0, look_and_close)
    REAL[ask](None, *args)
    assert seen["width"] >= seen["needed"], seen
