"""New, open, save, save as, and the unsaved-changes prompt. Owns which workshop is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..model.factory import example_project, new_project
from ..storage.content_loader import load_example, workshop_content
from ..storage.project_file import LoadError, SaveError
from ..storage.settings import add_recent_file, recent_files
from . import dialogs
from .document import WorkshopDocument


class FileController(QObject):
    document_changed = Signal(object)  # WorkshopDocument | None
    recent_changed = Signal(list)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        self.document: WorkshopDocument | None = None

    # --- switching workshops -------------------------------------------------------------
    def _set_document(self, document: WorkshopDocument | None) -> None:
        old = self.document
        self.document = document
        self.document_changed.emit(document)
        if old is not None:
            old.deleteLater()

    def new(self, workshop: str) -> bool:
        if not self.maybe_keep_changes():
            return False
        self._set_document(WorkshopDocument(new_project(workshop_content(workshop)), None, self))
        return True

    def new_example(self, workshop: str) -> bool:
        if not self.maybe_keep_changes():
            return False
        project = example_project(workshop_content(workshop), load_example(workshop))
        self._set_document(WorkshopDocument(project, None, self))
        return True

    def open(self, path: Path | None = None) -> bool:
        """Open a file. A bad file shows the Danish message; the current workshop stays open."""
        if not self.maybe_keep_changes():
            return False
        path = path or dialogs.ask_open_path(self.window)
        if path is None:
            return False
        try:
            document = WorkshopDocument.open(path, self)
        except LoadError as exc:
            dialogs.show_error(self.window, "Workshoppen kunne ikke åbnes", str(exc))
            return False
        self._set_document(document)
        self._remember(path)
        return True

    # --- saving ----------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document is None:
            return False
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        if self.document is None:
            return False
        suggestion = str(self.document.path or Path.home() / f"{self.document.project.title or 'workshop'}.kdlg")
        path = dialogs.ask_save_path(self.window, suggestion)
        return self._save_to(path) if path else False

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except SaveError as exc:
            dialogs.show_error(self.window, "Workshoppen blev ikke gemt", str(exc))
            return False
        self._remember(path)
        return True

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to leave the current workshop (saved, discarded or nothing to save)."""
        if self.document is None or not self.document.modified:
            return True
        answer = dialogs.ask_save_changes(self.window, self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _remember(self, path: Path) -> None:
        self.recent_changed.emit(add_recent_file(path))

    def recent(self) -> list[Path]:
        return recent_files()
