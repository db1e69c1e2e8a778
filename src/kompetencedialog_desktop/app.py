"""Start the GUI: QApplication, the excepthook dialog and the main window. The only place that wires."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path


def _install_excepthook(window) -> None:
    """An unexpected error shows a dialog instead of killing the workshop silently."""
    from .ui import dialogs

    def hook(exc_type, exc, tb):
        traceback.print_exception(exc_type, exc, tb)
        dialogs.show_error(
            window, "Uventet fejl",
            "Der skete en uventet fejl. Gem workshoppen under et nyt navn, hvis du kan.\n\n" + describe_unexpected(exc),
        )

    sys.excepthook = hook


def describe_unexpected(exc: BaseException) -> str:
    """The technical line of an unexpected error; pydantic's English validation text in Danish."""
    from pydantic import ValidationError

    from .storage.errors import describe_validation_error

    if isinstance(exc, ValidationError):
        return f"Ugyldig værdi: {describe_validation_error(exc)}"
    return f"{type(exc).__name__}: {exc}"


def app_icon():
    from PySide6.QtGui import QIcon

    from .paths import resources_dir

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resources_dir() / "icons" / f"kompetencedialog-{size}.png"))
    return icon


def run_gui(file: str | None = None, *, smoke_test: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Kompetencedialog")
    app.setApplicationDisplayName("Kompetencedialog")
    app.setDesktopFileName("kompetencedialog")
    app.setWindowIcon(app_icon())
    window = MainWindow()
    if not smoke_test:
        window.layout_memory.restore()  # last size, position and panel
    if not smoke_test:  # a smoke test must fail with its traceback, not wait at an error dialog
        _install_excepthook(window)
    if sys.platform == "darwin":  # only Finder sends open events; elsewhere the file comes as an argument
        from .ui.file_open_events import open_files_from_system

        open_files_from_system(app, window)
    if smoke_test:
        window.files.new_example("strategi")
    elif file:
        window.files.open(Path(file))
    window.show()
    if not smoke_test:
        QTimer.singleShot(0, window.offer_recovery)
    if smoke_test:
        app.processEvents()
        image = window.grab()
        danish = bool(app.property("kompetencedialog_da"))  # qtbase_da.qm found (the bundle must keep it)
        from .ui.hyphenation import _dictionary  # pyphen's Danish dictionary (the bundle must keep it)

        hyphens = _dictionary() is not None
        ok = not image.isNull() and len(window.pages) == 3 and window.pages[0].scene.items_by_id and danish and hyphens
        print(f"Røgtest: vindue {image.width()}x{image.height()}, {len(window.pages[0].scene.items_by_id)} post-its på plade 1, "
              f"Qt på dansk: {'ja' if danish else 'nej'}, dansk orddeling: {'ja' if hyphens else 'nej'}")
        return 0 if ok else 1
    QTimer.singleShot(0, window.raise_)
    return app.exec()
