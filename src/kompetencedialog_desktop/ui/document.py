"""The open workshop: model + content + file path + undo stack, and the signals views listen to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Hashable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..model.change import CLUSTERS, NOTES, Change, Outcome
from ..model.content import WorkshopContent
from ..model.errors import ModelError
from ..model.project import Project
from ..storage.content_loader import workshop_content
from ..storage.project_file import load_project, save_project

if TYPE_CHECKING:
    from .commands import Edit


class WorkshopDocument(QObject):
    """One workshop being edited. Views mirror `project`; only undo commands change it.

    `changed(change, initiator)` is the one signal for edits: `change` (model/change.py) says what
    changed (notes, clusters, front, plan, evaluation, and which ids/field); `initiator` is the
    widget whose own edit it was (None for undo, redo and everyone else), so that widget can skip
    redrawing what the user is typing in. The older per-kind signals are still emitted for views
    that listen to them."""

    changed = Signal(object, object)  # Change, initiator
    refused = Signal(str)  # an edit the workshop's rules refused: one Danish line, nothing changed
    notes_changed = Signal(object)  # set of note ids added, changed or removed
    clusters_changed = Signal()
    project_changed = Signal()  # front-page fields, plan, evaluation
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

    # --- edits ------------------------------------------------------------------------------
    def apply(self, text: str, operation: Callable[[Project], Outcome | None], merge_key: Hashable | None = None,
              initiator: object = None) -> str | None:
        """Run one model operation as one undo step. Returns None when done (or when there was
        nothing to do), else the Danish refusal (also emitted as `refused`); the workshop is then
        unchanged and no step is recorded."""
        from .commands import Edit

        try:
            outcome = operation(self.project)
        except ModelError as exc:
            self.refused.emit(str(exc))
            return str(exc)
        if outcome is not None:
            self.push(Edit(self, text, operation, merge_key, initiator, applied=outcome))
        return None

    def push(self, command: "Edit") -> None:
        self.undo_stack.push(command)

    def emit_changed(self, change: Change, initiator: object = None) -> None:
        self.changed.emit(change, initiator)
        if change.what == NOTES:
            self.notes_changed.emit(set(change.ids))
        elif change.what == CLUSTERS:
            self.notes_changed.emit(set(change.ids))
            self.clusters_changed.emit()
        else:
            self.project_changed.emit()

    # --- state ------------------------------------------------------------------------------
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
    def save_state(self) -> str:
        """For the status line: a new workshop is not »Alt er gemt« before it has a file."""
        if self.modified:
            return "Ikke gemte ændringer"
        return "Alt er gemt" if self.path is not None else "Ikke gemt endnu"

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
