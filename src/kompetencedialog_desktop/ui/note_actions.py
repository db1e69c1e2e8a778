"""Edit actions on the selected post-its of the current board (delete, duplicate, colour,
cluster …). Each turns the selection into exactly one undo command."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..model import operations as ops
from ..model.layout import GAP
from ..model.limits import MAX_NAME_TEXT
from ..model.project import NOTE_COLOUR_NAMES, NOTE_COLOURS, Cluster, Note, new_id
from . import dialogs
from .board_scene import BoardScene
from .commands import GroupNotes, RemoveNotes, RenameCluster, UngroupNotes, UpdateNotes
from .zone_placement import add_to_zone, show_status


class NoteActions(QObject):
    def __init__(self, current_scene: Callable[[], BoardScene | None], parent_widget):
        super().__init__(parent_widget)
        self._scene = current_scene
        self._parent = parent_widget

        def action(text: str, shortcut, slot) -> QAction:
            act = QAction(text, parent_widget)
            if shortcut:
                act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
            act.triggered.connect(slot)
            return act

        self.edit = action("Ret tekst", "F2", self.edit_selected)
        self.delete = action("Slet", [QKeySequence(QKeySequence.StandardKey.Delete)], self.delete_selected)
        self.duplicate = action("Duplikér", "Ctrl+D", self.duplicate_selected)
        self.select_all = action("Vælg alle", [QKeySequence(QKeySequence.StandardKey.SelectAll)], self.select_all_notes)
        self.group = action("Saml i klynge …", "Ctrl+G", self.group_selected)
        self.ungroup = action("Opløs klynge", "Ctrl+Shift+G", self.ungroup_selected)
        self.rename_cluster = action("Omdøb klynge …", None, self.rename_selected_cluster)
        self.colours = [
            action(f"{NOTE_COLOUR_NAMES[c]}", f"Ctrl+Alt+{i}", lambda checked=False, colour=c: self.set_colour(colour))
            for i, c in enumerate(NOTE_COLOURS, start=1)
        ]

    def _selection(self) -> tuple[BoardScene | None, list[str]]:
        scene = self._scene()
        return scene, (scene.selected_note_ids() if scene else [])

    def edit_selected(self) -> None:
        scene, ids = self._selection()
        if scene and len(ids) == 1:
            scene.edit_note(ids[0])

    def delete_selected(self) -> None:
        scene, ids = self._selection()
        if ids:
            label = "Slet post-it" if len(ids) == 1 else f"Slet {len(ids)} post-its"
            scene.document.undo_stack.push(RemoveNotes(scene.document, ids, label))

    def duplicate_selected(self) -> None:
        scene, ids = self._selection()
        if not ids:
            return
        document = scene.document
        copies = ops.note_copies(document.project, ids)
        by_zone: dict[str | None, list[Note]] = {}
        for copy in copies:
            by_zone.setdefault(copy.zone if scene.board.zone(copy.zone or "") else None, []).append(copy)
        # Each zone's copies by the placement rule (beside the original if that is free); one undo step.
        label = "Duplikér" if len(copies) == 1 else f"Duplikér {len(copies)} post-its"
        messages = []
        document.undo_stack.beginMacro(label)
        for zone_id, notes in by_zone.items():
            first = document.project.note(ids[copies.index(notes[0])])
            prefer = (first.x + first.w + GAP, first.y)
            messages.append(add_to_zone(document, scene.board, zone_id, notes, label, prefer=prefer))
        document.undo_stack.endMacro()
        show_status(self._parent, next((m for m in messages if m), None))
        scene.clearSelection()
        for copy in copies:
            scene.items_by_id[copy.id].setSelected(True)

    def select_all_notes(self) -> None:
        scene = self._scene()
        if scene:
            for item in scene.items_by_id.values():
                item.setSelected(True)

    def set_colour(self, colour: str) -> None:
        scene, ids = self._selection()
        if ids:
            scene.document.undo_stack.push(
                UpdateNotes(scene.document, {i: {"colour": colour} for i in ids}, f"Farve: {NOTE_COLOUR_NAMES[colour]}")
            )

    def group_selected(self) -> None:
        scene, ids = self._selection()
        if not ids:
            return
        default = f"Klynge {len(scene.document.project.clusters) + 1}"
        name = dialogs.ask_text(self._parent, "Saml i klynge", "Klyngens navn:", default)
        if name is None:
            return
        name = ops.clean_text(name, MAX_NAME_TEXT).replace("\n", " ").strip()
        cluster = Cluster(id=new_id("k"), board=scene.board.id, name=name or default)
        scene.document.undo_stack.push(GroupNotes(scene.document, ids, cluster))

    def ungroup_selected(self) -> None:
        scene, ids = self._selection()
        grouped = [i for i in ids if scene.document.project.note(i).cluster] if ids else []
        if grouped:
            scene.document.undo_stack.push(UngroupNotes(scene.document, grouped))

    def rename_selected_cluster(self) -> None:
        scene, ids = self._selection()
        clusters = {scene.document.project.note(i).cluster for i in ids} - {None} if ids else set()
        if len(clusters) != 1:
            return
        cluster = scene.document.project.cluster(clusters.pop())
        name = dialogs.ask_text(self._parent, "Omdøb klynge", "Klyngens navn:", cluster.name)
        if name is not None and name.strip() and name != cluster.name:
            scene.document.undo_stack.push(RenameCluster(scene.document, cluster.id, name.strip()))
