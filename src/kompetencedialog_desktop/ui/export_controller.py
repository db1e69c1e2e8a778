"""Filer > Eksportér: Word, PDF and PNG from the open workshop, then offer to open the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from ..paths import safe_file_name
from ..storage.errors import os_error_reason
from ..storage.outputs import OutputRefused, check_output
from . import dialogs


class ExportController(QObject):
    def __init__(self, window, files):
        super().__init__(window)
        self.window = window
        self.files = files

    def _suggest(self, suffix: str) -> str:
        document = self.files.document
        base = document.path.with_suffix("") if document.path else dialogs.start_folder() / safe_file_name(document.project.title)
        return str(base) + suffix

    def _run(self, work, output: Path | None = None) -> Path | None:
        from ..storage.docx_export import ExportError  # python-docx on first export only

        try:
            if output is not None and self.files.document is not None:
                check_output(output, [self.files.document.path] if self.files.document.path else [])
        except OutputRefused as exc:
            dialogs.show_error(self.window, "Eksporten mislykkedes", str(exc))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return work()
        except ExportError as exc:
            dialogs.show_error(self.window, "Eksporten mislykkedes", str(exc))
        except OSError as exc:
            dialogs.show_error(self.window, "Eksporten mislykkedes",
                               f"Kunne ikke skrive filen: {os_error_reason(exc)}. Workshoppen er ikke ændret.")
        finally:
            QApplication.restoreOverrideCursor()
        return None

    def _offer_to_open(self, path: Path) -> None:
        if dialogs.ask_yes_no(self.window, "Eksporten er klar", f"»{path.name}« er gemt. Vil du åbne den nu?"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def export_word(self) -> Path | None:
        if self.files.document is None:
            return None
        path = dialogs.ask_export_path(self.window, "Eksportér til Word", self._suggest(".docx"), "Word-dokument (*.docx)", ".docx")
        if path is None:
            return None
        from ..storage.docx_export import export_docx
        from .board_render import zone_pngs

        project = self.files.document.project
        # One picture per zone with notes: a whole board's picture prints its notes at ~5 pt.
        done = self._run(lambda: export_docx(project, path, zone_pictures=zone_pngs(project)) or path, path)
        if done:
            self._offer_to_open(done)
        return done

    def export_pdf(self) -> Path | None:
        if self.files.document is None:
            return None
        path = dialogs.ask_export_path(self.window, "Eksportér pladerne som PDF", self._suggest("-plader.pdf"), "PDF (*.pdf)", ".pdf")
        if path is None:
            return None
        from ..storage.docx_export import write_export
        from .board_render import boards_pdf

        project = self.files.document.project
        done = self._run(lambda: write_export(path, boards_pdf(project)) or path, path)
        if done:
            self._offer_to_open(done)
        return done

    def export_png(self) -> Path | None:
        if self.files.document is None:
            return None
        folder = dialogs.ask_folder(self.window, "Vælg en mappe til billederne af pladerne", self.files.document.path)
        if folder is None:
            return None
        from .board_render import write_pngs

        project = self.files.document.project
        return self._run(lambda: write_pngs(project, folder) and folder, folder)
