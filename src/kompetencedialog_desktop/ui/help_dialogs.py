"""Hjælp > Om Kompetencedialog and Hjælp > Sådan bruger I programmet (the text is content:
resources/help/brug.html)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..paths import autosave_dir, resources_dir, user_config_dir
from . import theme


def about_text() -> str:
    return (
        f"<h2>Kompetencedialog {__version__}</h2>"
        "<p>Dialogplader, dialogkort og post-its til Kompetencedialogens workshops: "
        "kompetencestrategien i SU og gruppeudviklingssamtalen (GRUS).</p>"
        "<p>Programmet virker uden internet: intet sendes nogen steder hen.</p>"
        "<p><b>Jeres workshops</b> gemmes som .kdlg-filer der, hvor I vælger (Filer › Gem som).<br>"
        f"<b>Automatisk sikkerhedskopi</b> af det, der ikke er gemt endnu: {autosave_dir()}<br>"
        f"<b>Indstillinger og seneste filer</b>: {user_config_dir()}</p>"
    )


class _TextDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, widget: QWidget, size: tuple[int, int]):
        super().__init__(parent)
        self.setWindowTitle(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(widget, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(size[0], screen.width() * 9 // 10), min(size[1], screen.height() * 85 // 100))


class AboutDialog(_TextDialog):
    def __init__(self, parent: QWidget | None = None):
        self.label = QLabel(about_text())
        self.label.setWordWrap(True)
        self.label.setFont(theme.font(12))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # folders can be copied
        super().__init__(parent, "Om Kompetencedialog", self.label, (620, 340))


class HelpDialog(_TextDialog):
    def __init__(self, parent: QWidget | None = None):
        self.browser = QTextBrowser()
        self.browser.setFont(theme.font(12))
        self.browser.setHtml((resources_dir() / "help" / "brug.html").read_text(encoding="utf-8"))
        super().__init__(parent, "Sådan bruger I programmet", self.browser, (760, 680))
