"""macOS hands a .kdlg opened from Finder (double-click, »Åbn med«, a drop on the Dock icon) to
the running program as a QFileOpenEvent on the application, never on the command line. Windows
and Linux start the program with the file as its argument instead (cli.py -> app.run_gui)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent


class FileOpenEvents(QObject):
    """Opens each file the system asks the application to open."""

    def __init__(self, open_file: Callable[[Path], object], parent: QObject | None = None):
        super().__init__(parent)
        self._open_file = open_file

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                # Opened after the event returns: opening may ask about unsaved changes in a modal
                # dialog, and Finder's event must not wait for the facilitator's answer.
                QTimer.singleShot(0, lambda: self._open_file(Path(path)))
            return True
        return super().eventFilter(watched, event)


def open_files_from_system(app, window) -> FileOpenEvents:
    """Install on the application; the window's file controller opens the file as File > Open does."""
    handler = FileOpenEvents(window.files.open, app)
    app.installEventFilter(handler)
    return handler
