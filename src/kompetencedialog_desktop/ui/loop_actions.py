"""The loop in the app: fetch the strategy's focus areas into a GRUS, and export the GRUS's
»Fælles opspil til MUS«."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from ..model.loop import STRATEGY_ZONE, import_focus_areas
from ..storage.project_file import LoadError, load_project
from . import dialogs
from .zone_placement import add_to_zone


class LoopActions(QObject):
    def __init__(self, window, files):
        super().__init__(window)
        self.window = window
        self.files = files

    def fetch_focus_areas(self, path: Path | None = None) -> int:
        """Returns how many focus areas were added (0 when none, cancelled or refused)."""
        document = self.files.document
        if document is None or document.project.workshop != "grus":
            dialogs.show_error(self.window, "Hent indsatsområder", "Indsatsområder hentes ind i en gruppeudviklingssamtale (workshop 2).")
            return 0
        path = path or dialogs.ask_open_path(
            self.window, "Hent indsatsområder: vælg kompetencestrategien (workshop 1)", document.path)
        if path is None:
            return 0
        try:
            strategy = load_project(path)
            notes = import_focus_areas(document.project, document.content.board("grus-1"), strategy, Path(path).resolve())
        except LoadError as exc:
            dialogs.show_error(self.window, "Hent indsatsområder", str(exc))
            return 0
        except ValueError as exc:
            dialogs.show_error(self.window, "Hent indsatsområder", f"»{Path(path).name}«: {exc}. Intet er ændret.")
            return 0
        if not notes:
            dialogs.show_info(self.window, "Hent indsatsområder",
                               "Der er ingen nye indsatsområder at hente: de er hentet før, eller strategien har ingen valgte endnu.")
            return 0
        board = document.content.board("grus-1")
        message = add_to_zone(document, board, STRATEGY_ZONE, notes, "Hent indsatsområder fra strategien")
        self.window.show_board(0)
        count = len(notes)
        fetched = f"{count} {'indsatsområde' if count == 1 else 'indsatsområder'} hentet fra »{Path(path).name}« til plade 1."
        self.window.statusBar().showMessage(f"{fetched} {message}" if message else fetched, 10000)
        return count

    def export_mus(self) -> Path | None:
        document = self.files.document
        if document is None or document.project.workshop != "grus":
            return None
        suggestion = str(document.path.with_name(document.path.stem + "-mus.docx") if document.path
                         else dialogs.start_folder() / "opspil-til-mus.docx")
        path = dialogs.ask_export_path(self.window, "Fælles opspil til MUS", suggestion, "Word-dokument (*.docx)", ".docx")
        if path is None:
            return None
        from ..storage.docx_export import ExportError, write_export  # python-docx on first export only
        from ..storage.loop_export import build_mus_docx

        try:
            write_export(path, build_mus_docx(document.project))
        except ExportError as exc:
            dialogs.show_error(self.window, "Eksporten mislykkedes", str(exc))
            return None
        return path
