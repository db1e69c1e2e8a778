"""How the process ends once the command or the window is done.

When the window has closed, everything is already saved, unlocked and flushed (the window's
close handler does that). Tearing down Qt's and Python's few hundred thousand objects after
that takes 70-100 ms of a process nobody sees any more, so the process ends at once. The
clipboard is the exception: on X11 Qt hands a copied text to the clipboard manager while it
is torn down, so a post-it copied just before closing would be lost. On macOS Qt only promises
the text to the pasteboard and hands it over during that teardown, and it never reports owning
the clipboard, so there the teardown always runs."""

from __future__ import annotations

import os
import sys
from typing import NoReturn


def end_process(code: int) -> NoReturn:
    app = _running_qt_application()
    if app is not None and not _clipboard_needs_teardown(app):
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass  # a closed pipe: nothing left to say to it
        os._exit(code)
    sys.exit(code)


def _running_qt_application():
    if "PySide6.QtWidgets" not in sys.modules:  # a command: Qt was never started
        return None
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def _clipboard_needs_teardown(app) -> bool:
    if sys.platform == "darwin":  # Qt never says it owns the pasteboard there, and delivers late
        return True
    clipboard = app.clipboard()
    return clipboard.ownsClipboard() or clipboard.ownsSelection()
