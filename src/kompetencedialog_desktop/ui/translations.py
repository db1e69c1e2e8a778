"""Qt's own words (OK/Annuller, Ja/Nej, Luk, the file dialog) in Danish, whatever the laptop's
system language: the facilitators are Danish and so is every other word in the program."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []  # a translator Python lets go of stops translating


def _folders() -> list[Path]:
    import PySide6

    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            Path(PySide6.__file__).resolve().parent / "Qt" / "translations"]  # the bundle keeps it here


def install_danish() -> bool:
    """Load qtbase_da.qm once per application; False when it is not found (Qt then speaks English)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed and app.property("kompetencedialog_da"):
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    for folder in _folders():
        translator = QTranslator(app)
        if translator.load("qtbase_da", str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
            app.setProperty("kompetencedialog_da", True)
            return True
    return False
