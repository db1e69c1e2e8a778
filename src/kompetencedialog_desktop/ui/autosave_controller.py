"""Autosave for the open workshop: every change is on disk within a second, written by a
background thread so typing never waits for the disk."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from ..storage.autosave import AutosaveStore, SnapshotInfo, key_for, new_session
from ..storage.errors import os_error_reason
from ..storage.lock import process_alive
from ..storage.project_file import dump_project
from .document import WorkshopDocument

DELAY_MS = 400  # the first change starts the clock; later ones ride along (not a debounce)


class _Writer:
    """One background thread; per snapshot key only the newest request is kept."""

    def __init__(self, store: AutosaveStore, on_error):
        self.store = store
        self.on_error = on_error
        self._pending: dict[str, tuple] = {}
        self._busy = False
        self._cv = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    def submit(self, key: str, job: tuple) -> None:
        with self._cv:
            self._pending[key] = job
            self._cv.notify()

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """For a clean shutdown and for tests: True when everything submitted is done."""
        with self._cv:
            return self._cv.wait_for(lambda: not self._pending and not self._busy, timeout)

    def remove_now(self, key: str) -> None:
        """Remove a snapshot before returning (after a save): a pending write of it is dropped and
        a write in progress is waited for, so no older snapshot can outlive the saved file."""
        with self._cv:
            self._pending.pop(key, None)
            self._cv.wait_for(lambda: not self._busy, 10.0)
            try:
                self.store.remove(key)  # under the lock: the thread cannot start a new write meanwhile
            except OSError as exc:
                self.on_error(exc)

    def _run(self) -> None:
        while True:
            with self._cv:
                self._cv.wait_for(lambda: self._pending)
                key, job = self._pending.popitem()
                self._busy = True
            try:
                if job[0] == "write":
                    _, data, info, original = job
                    self.store.write(key, data, info, original)
                else:
                    self.store.remove(key)
            except OSError as exc:
                self.on_error(exc)
            finally:
                with self._cv:
                    self._busy = False
                    self._cv.notify_all()


class AutosaveController(QObject):
    failed = Signal(str)

    def __init__(self, store: AutosaveStore | None = None, parent=None):
        super().__init__(parent)
        self.store = store or AutosaveStore()
        self.writer = _Writer(self.store, lambda exc: self.failed.emit(
            f"Autogem kunne ikke skrive ({os_error_reason(exc)}). Gem workshoppen selv med Ctrl+S."))
        self.document: WorkshopDocument | None = None
        self.key: str | None = None
        self.session = new_session()  # this window's own snapshots; other windows' are never touched
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def follow(self, document: WorkshopDocument | None, key: str | None = None) -> None:
        """Start autosaving `document` (an existing snapshot key is reused after a restore)."""
        self._timer.stop()
        self.document = document
        self.key = key or (key_for(document.path, self.session) if document else None)
        if document is not None:
            document.undo_stack.indexChanged.connect(self._changed)
            document.modified_changed.connect(self._changed)
            document.path_changed.connect(self._path_changed)
            if document.modified:
                self._changed()

    def _changed(self, *_args) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Snapshot now (serialising is quick; the disk work happens on the writer thread)."""
        self._timer.stop()
        document = self.document
        if document is None or self.key is None:
            return
        if not document.modified:
            self.writer.submit(self.key, ("remove",))
            return
        info = SnapshotInfo.of(document.project)
        self.writer.submit(self.key, ("write", dump_project(document.project), info, document.path))

    def _path_changed(self) -> None:
        # Saved under a (new) name: the old snapshot is obsolete; later ones go under the new key.
        if self.key is not None:
            self.writer.remove_now(self.key)
        self.key = key_for(self.document.path, self.session)

    def saved(self) -> None:
        """The workshop was just saved: its snapshot goes now, not at the next tick (a crash right
        after Ctrl+S must not leave older work to be offered as newer)."""
        self._timer.stop()
        if self.key is not None and self.document is not None and not self.document.modified:
            self.writer.remove_now(self.key)

    def discard(self) -> None:
        """The user closed or discarded the workshop: its snapshot goes too."""
        self._timer.stop()
        if self.key is not None:
            self.writer.submit(self.key, ("remove",))
        self.document = None
        self.key = None

    def others_alive(self, entry) -> bool:
        """A snapshot that another running copy of the program is still writing."""
        return entry.pid not in (0, os.getpid()) and process_alive(entry.pid)
