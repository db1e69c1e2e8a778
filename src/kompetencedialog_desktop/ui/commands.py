"""One QUndoCommand per model operation. redo() and undo() each call one function of
model.operations and tell the document which notes changed; nothing else happens here."""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtGui import QUndoCommand

from ..model import operations as ops
from ..model.project import Cluster, Note
from .document import WorkshopDocument


class _DocumentCommand(QUndoCommand):
    def __init__(self, document: WorkshopDocument, text: str):
        super().__init__(text)
        self.document = document
        self.project = document.project


class AddNotes(_DocumentCommand):
    def __init__(self, document: WorkshopDocument, notes: list[Note], text: str = "Tilføj post-it"):
        super().__init__(document, text)
        self.notes = notes
        self.ids = {n.id for n in notes}

    def redo(self) -> None:
        ops.add_notes(self.project, self.notes)
        self.document.notes_changed.emit(self.ids)

    def undo(self) -> None:
        ops.remove_notes(self.project, self.ids)
        self.document.notes_changed.emit(self.ids)


class RemoveNotes(_DocumentCommand):
    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str], text: str = "Slet post-it"):
        super().__init__(document, text)
        self.ids = set(note_ids)
        self.removed: list = []

    def redo(self) -> None:
        self.removed = ops.remove_notes(self.project, self.ids)
        self.document.notes_changed.emit(self.ids)

    def undo(self) -> None:
        ops.restore_notes(self.project, self.removed)
        self.document.notes_changed.emit(self.ids)


class UpdateNotes(_DocumentCommand):
    """Move, edit text, change colour, zone or dots: {note_id: {field: value}}."""

    def __init__(self, document: WorkshopDocument, changes: dict[str, dict[str, Any]], text: str):
        super().__init__(document, text)
        self.changes = changes
        self.old: dict[str, dict[str, Any]] = {}

    def redo(self) -> None:
        self.old = ops.update_notes(self.project, self.changes)
        self.document.notes_changed.emit(set(self.changes))

    def undo(self) -> None:
        ops.update_notes(self.project, self.old)
        self.document.notes_changed.emit(set(self.changes))


class _ClusterCommand(_DocumentCommand):
    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str], text: str):
        super().__init__(document, text)
        self.ids = set(note_ids)
        self.before: ops.ClusterState | None = None

    def _changed(self) -> None:
        self.document.notes_changed.emit(self.ids)
        self.document.clusters_changed.emit()

    def undo(self) -> None:
        ops.restore_clusters(self.project, self.before)
        self._changed()


class GroupNotes(_ClusterCommand):
    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str], cluster: Cluster):
        super().__init__(document, note_ids, "Saml i klynge")
        self.cluster = cluster

    def redo(self) -> None:
        self.before = ops.group_notes(self.project, self.ids, self.cluster)
        self._changed()


class UngroupNotes(_ClusterCommand):
    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str]):
        super().__init__(document, note_ids, "Opløs klynge")

    def redo(self) -> None:
        self.before = ops.ungroup_notes(self.project, self.ids)
        self._changed()


class RenameCluster(_DocumentCommand):
    def __init__(self, document: WorkshopDocument, cluster_id: str, name: str):
        super().__init__(document, "Omdøb klynge")
        self.cluster_id, self.name, self.old = cluster_id, name, ""

    def redo(self) -> None:
        self.old = ops.rename_cluster(self.project, self.cluster_id, self.name)
        self.document.clusters_changed.emit()

    def undo(self) -> None:
        ops.rename_cluster(self.project, self.cluster_id, self.old)
        self.document.clusters_changed.emit()


class UpdatePlan(_DocumentCommand):
    """Plan fields. Typing into one field merges into one undo step per field."""

    MERGE_ID = 4201
    operation = staticmethod(ops.update_plan)

    def __init__(self, document: WorkshopDocument, changes: dict[str, Any], text: str = "Ret planen", mergeable: bool = False):
        super().__init__(document, text)
        self.changes = changes
        self.mergeable = mergeable
        self.old: dict[str, Any] = {}

    def id(self) -> int:
        return self.MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or not other.mergeable or set(other.changes) != set(self.changes):
            return False
        self.changes = other.changes  # keep our `old`: the state before the typing began
        return True

    def redo(self) -> None:
        old = self.operation(self.project, self.changes)
        if not self.old:
            self.old = old
        self.document.project_changed.emit()

    def undo(self) -> None:
        self.operation(self.project, self.old)
        self.document.project_changed.emit()


class UpdateEvaluation(UpdatePlan):
    """SU's evaluation: imported groups, MUS summaries, conclusions (typing merges per field)."""

    MERGE_ID = 4202
    operation = staticmethod(ops.update_evaluation)


class SetProjectFields(_DocumentCommand):
    """Front-page fields: title, workplace, group, leader, date, participants."""

    def __init__(self, document: WorkshopDocument, fields: dict[str, Any]):
        super().__init__(document, "Ret forside")
        self.fields = fields
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        self.old = ops.set_project_fields(self.project, self.fields)
        self.document.project_changed.emit()

    def undo(self) -> None:
        ops.set_project_fields(self.project, self.old)
        self.document.project_changed.emit()
