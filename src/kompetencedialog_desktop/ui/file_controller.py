"""New, open, save, save as, and the unsaved-changes prompt. Owns which workshop is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..model.factory import example_project, new_project
from ..paths import safe_file_name
from ..storage import lock
from ..storage.autosave import RecoveryEntry
from ..storage.content_loader import load_example, workshop_content
from ..storage.errors import shown_name
from ..storage.project_file import LoadError, ReadOnlyFileError, SaveError
from ..storage.settings import add_recent_file, recent_files
from . import dialogs
from .autosave_controller import AutosaveController
from .document import WorkshopDocument


class FileController(QObject):
    document_changed = Signal(object)  # WorkshopDocument | None
    recent_changed = Signal(list)
    # Before the workshop is saved or left: a text still being written in a note is kept first.
    finishing_edits = Signal()

    def __init__(self, window: QWidget, autosave: AutosaveController | None = None):
        super().__init__(window)
        self.window = window
        self.document: WorkshopDocument | None = None
        self.autosave = autosave or AutosaveController(parent=self)

    # --- switching workshops -------------------------------------------------------------
    def _set_document(self, document: WorkshopDocument | None, recovery_key: str | None = None) -> None:
        old = self.document
        if old is not None and old.path is not None:
            lock.release(old.path)
        self.autosave.discard()  # the old workshop was saved, discarded or unchanged
        self.document = document
        if document is not None and document.path is not None:
            lock.acquire(document.path)
        self.autosave.follow(document, recovery_key)
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
        path = path or dialogs.ask_open_path(self.window, "Åbn workshop",
                                             self.document.path if self.document else None)
        if path is None:
            return False
        if not self._may_use_locked(Path(path), "åbne den alligevel"):
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
        suggestion = str(self.document.path or dialogs.start_folder() / f"{safe_file_name(self.document.project.title)}.kdlg")
        path = dialogs.ask_save_path(self.window, suggestion)
        if not path:
            return False
        if path != self.document.path and not self._may_use_locked(Path(path), "gemme oven i den alligevel"):
            return False
        return self._save_to(path)

    def _may_use_locked(self, path: Path, action: str) -> bool:
        """A workshop another running copy has open (its lock, a live process): ask first."""
        holder = lock.read_lock(path)
        return holder is None or dialogs.ask_yes_no(
            self.window, "Workshoppen er allerede åben",
            f"»{shown_name(path)}« er åben hos {holder.describe()}.\n\nHvis I begge gemmer, overskriver den ene "
            f"den andens ændringer. Vil du {action}?",
        )

    def _save_to(self, path: Path) -> bool:
        self.finishing_edits.emit()  # every save writes here: a note's text still being typed goes too
        old_path = self.document.path
        try:
            try:
                self.document.save(path)
            except ReadOnlyFileError:
                # A rename would replace it without a word; editors ask, and so do we.
                if not dialogs.ask_yes_no(
                    self.window, "Filen er skrivebeskyttet",
                    f"»{shown_name(path)}« er skrivebeskyttet.\n\nVil du gemme oven i den alligevel? "
                    "Den forbliver skrivebeskyttet. (Nej: intet gemmes; brug Gem som for at gemme et andet sted.)",
                ):
                    return False
                self.document.save(path, overwrite_read_only=True)
        except SaveError as exc:
            # The workshop stays in memory (and in the autosave); offer another place.
            if dialogs.ask_yes_no(self.window, "Workshoppen blev ikke gemt", f"{exc}\n\nVil du gemme den et andet sted nu?"):
                return self.save_as()
            return False
        self.autosave.saved()
        if old_path != path:
            if old_path is not None:
                lock.release(old_path)
            lock.acquire(path)
        self._remember(path)
        return True

    # --- crash recovery ------------------------------------------------------------------
    def recoverable(self) -> list[RecoveryEntry]:
        """Unsaved work from an earlier run that crashed, not work another running copy owns."""
        entries = []
        for entry in self.autosave.store.entries():
            if self.autosave.others_alive(entry):
                continue
            if entry.original is not None and lock.read_lock(entry.original) is not None:
                continue
            entries.append(entry)
        return entries

    def restore(self, entry: RecoveryEntry) -> bool:
        """Open a snapshot exactly as it was; it stays unsaved until the user saves it."""
        if not self.maybe_keep_changes():
            return False
        try:
            project = self.autosave.store.load(entry)
        except LoadError as exc:
            dialogs.show_error(self.window, "Gendannelsen mislykkedes", str(exc))
            return False
        original = entry.original if entry.original is not None and entry.original.parent.is_dir() else None
        if entry.older_than_file:
            original = None  # the file holds newer work: the snapshot opens as an untitled copy
        document = WorkshopDocument(project, original, self)
        document.touch()
        self._set_document(document, recovery_key=entry.key)
        return True

    def discard_recovery(self, entry: RecoveryEntry) -> None:
        self.autosave.store.remove(entry.key)

    def shutdown(self) -> None:
        """The window closes after the user saved or discarded: no snapshot, no lock left."""
        if self.document is not None and self.document.path is not None:
            lock.release(self.document.path)
        if self.document is None or not self.document.modified:
            self.autosave.discard()
        else:
            self.autosave.flush()  # closing with unsaved work is only possible by crash or test
        self.autosave.writer.wait_idle()

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to leave the current workshop (saved, discarded or nothing to save)."""
        self.finishing_edits.emit()
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
