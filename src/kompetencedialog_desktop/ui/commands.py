"""One generic undo command for every model operation.

`Edit` wraps an operation `op(project) -> Outcome` (model/change.py). redo() runs it, undo() runs
the inverse it returned, and each tells the document what changed; nothing else happens here.
A merge key names the exact target (("plan", "principles"), ("mus", group_id) …), so typing in one
box merges into one undo step and typing in the next box starts a new one.

The named classes below (AddNotes, UpdateNotes …) are the same command with a fixed operation,
kept for the callers that build them directly.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Hashable, Iterable

from PySide6.QtGui import QUndoCommand

from ..model import operations as ops
from ..model.change import Outcome
from ..model.errors import ModelError
from ..model.gather import gather_and_group_op
from ..model.project import Cluster, Note, Project
from .document import WorkshopDocument

Operation = Callable[[Project], Outcome]


class Edit(QUndoCommand):
    MERGE_ID = 4200  # every mergeable edit; mergeWith compares the exact keys

    def __init__(self, document: WorkshopDocument, text: str, operation: Operation,
                 merge_key: Hashable | None = None, initiator: object = None, applied: Outcome | None = None):
        super().__init__(text)
        self.document = document
        self.merge_key = merge_key
        self.initiator = initiator
        self._redo: Operation = operation
        self._undo: Operation | None = None
        self._applied = applied  # already done by WorkshopDocument.apply (it checked the rules first)

    def redo(self) -> None:
        try:
            outcome, self._applied = (self._applied or self._redo(self.document.project)), None
        except ModelError as exc:
            if self._undo is not None:
                raise  # a redo that worked once cannot be refused later: a bug, not a user error
            # Refused on push: the stack drops an obsolete command, so nothing is recorded.
            self.setObsolete(True)
            self.document.refused.emit(str(exc))
            return
        self._undo = outcome.inverse
        self.document.emit_changed(outcome.change, self.initiator)
        self.initiator = None  # a redo later on is nobody's own edit: every view refreshes

    def undo(self) -> None:
        assert self._undo is not None
        outcome = self._undo(self.document.project)
        self._redo = outcome.inverse
        self.document.emit_changed(outcome.change, None)

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Keep our inverse: it restores the state before the typing began. `other` is done already.
        return isinstance(other, Edit) and other.merge_key is not None and other.merge_key == self.merge_key


# --- named commands (one fixed operation each) -----------------------------------------------
class AddNotes(Edit):
    def __init__(self, document: WorkshopDocument, notes: list[Note], text: str = "Ny post-it"):
        super().__init__(document, text, partial(ops.add_notes_op, notes=list(notes)))


class RemoveNotes(Edit):
    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str], text: str = "Slet post-it"):
        super().__init__(document, text, partial(ops.remove_notes_op, note_ids=list(note_ids)))


class UpdateNotes(Edit):
    """Move, edit text, change colour, zone or dots: {note_id: {field: value}}."""

    def __init__(self, document: WorkshopDocument, changes: dict[str, dict[str, Any]], text: str):
        super().__init__(document, text, partial(ops.set_note_fields, changes=changes))


class GroupNotes(Edit):
    """Make a cluster; its notes also move next to each other in their zone (model/gather.py)."""

    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str], cluster: Cluster):
        board = document.content.board(cluster.board)
        op = (partial(gather_and_group_op, board=board, note_ids=list(note_ids), cluster=cluster) if board is not None
              else partial(ops.group_notes_op, note_ids=list(note_ids), cluster=cluster))
        super().__init__(document, "Saml i klynge", op)


class UngroupNotes(Edit):
    def __init__(self, document: WorkshopDocument, note_ids: Iterable[str]):
        super().__init__(document, "Opløs klynge", partial(ops.ungroup_notes_op, note_ids=list(note_ids)))


class RenameCluster(Edit):
    def __init__(self, document: WorkshopDocument, cluster_id: str, name: str):
        super().__init__(document, "Omdøb klynge", partial(ops.rename_cluster_op, cluster_id=cluster_id, name=name))


class SetProjectFields(Edit):
    """Front-page fields: title, workplace, group, leader, date, participants, dot budget."""

    def __init__(self, document: WorkshopDocument, fields: dict[str, Any]):
        super().__init__(document, "Ret forside", partial(ops.set_front_page, fields=fields))
