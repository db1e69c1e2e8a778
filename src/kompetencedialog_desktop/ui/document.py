"""The open workshop: model + content + file path + undo stack, and the signals views listen to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..model.content import WorkshopContent
from ..model.project import Project
from ..storage.content_loader import workshop_content
from ..storage.project_file import load_project, save_project


class WorkshopDocument(QObject):
    """One workshop being edited. Views mirror `project`; only undo commands change it."""

    notes_changed = Signal(object)  # set of note ids added, changed or removed
    clusters_changed = Signal()
    project_changed = Signal()  # front-page fields, plan, progress
    path_changed = Signal()
    modified_changed = Signal()

    def __init__(self, project: Project, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.content: WorkshopContent = workshop_content(project.workshop)
        self.path = path
        self.undo_stack = QUndoStack(self)
        # Session state (card progress, timer log) is saved but is not an edit to undo.
        self._session_dirty = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> "WorkshopDocument":
        """Load a file; raises LoadError with the Danish message and changes nothing."""
        path = Path(path)
        return cls(load_project(path), path, parent)

    def _clean_changed(self, _clean: bool) -> None:
        # A method, not a lambda: Qt drops the connection when the document is destroyed.
        self.modified_changed.emit()

    @property
    def modified(self) -> bool:
        return self._session_dirty or not self.undo_stack.isClean()

    def touch(self) -> None:
        """Session state changed (card, timer log): worth saving, nothing to undo."""
        if not self._session_dirty:
            self._session_dirty = True
            self.modified_changed.emit()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Unavngivet workshop"

    def forget_changes(self) -> None:
        """Treat the workshop as unchanged (scripts and tests that close without saving)."""
        self._session_dirty = False
        self.undo_stack.setClean()
        self.modified_changed.emit()

    def save(self, path: Path | None = None, *, overwrite_read_only: bool = False) -> None:
        """Save to `path` (or the current file). Raises SaveError (ReadOnlyFileError for a
        write-protected file unless `overwrite_read_only`); the project stays in memory."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("ingen fil at gemme til")
        save_project(self.project, target, overwrite_read_only=overwrite_read_only)
        if target != self.path:
            self.path = target
            self.path_changed.emit()
        self._session_dirty = False
        self.undo_stack.setClean()
        self.modified_changed.emit()
