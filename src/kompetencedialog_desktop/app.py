"""Start the GUI: QApplication, the excepthook dialog and the main window. The only place that wires."""

from __future__ import annotations

import sys


def run_gui(file: str | None = None, *, smoke_test: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    label = QLabel("Kompetencedialog")
    label.show()
    if smoke_test:
        app.processEvents()
        return 0
    return app.exec()
