"""The board scene: mirrors one board of the model by note id, and turns mouse gestures on it
(drag, double-click) into undo commands. It keeps no workshop state of its own."""

from __future__ import annotations

import weakref

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from ..model.content import BoardDefinition
from ..model.layout import boxes_overlap
from ..model.project import NOTE_HEIGHT, NOTE_WIDTH, Note, new_id
from . import theme
from .board_items import BoardBackground, ClusterOutline, zone_text_rects
from .commands import UpdateNotes
from .document import WorkshopDocument
from .note_item import NoteEditor, NoteItem, family_cap, fit_later, note_height_for
from .zone_placement import add_to_zone

MARGIN = 80.0

# Documents whose other boards' texts are being fitted in idle turns (once per document).
_WARMED: "weakref.WeakSet[WorkshopDocument]" = weakref.WeakSet()


class BoardScene(QGraphicsScene):
    message = Signal(str)  # a line for the status bar (the view shows it)

    def __init__(self, document: WorkshopDocument, board: BoardDefinition, parent=None):
        super().__init__(parent)
        self.document = document
        self.board = board
        self.items_by_id: dict[str, NoteItem] = {}
        self._cluster_items: list[ClusterOutline] = []
        self._press_positions: dict[str, QPointF] = {}
        self._family_caps: dict[str, float] = {}  # zone id -> its notes' size cap, computed when painted
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, board.width + 2 * MARGIN, board.height + 2 * MARGIN))
        self.setBackgroundBrush(theme.CANVAS_BACKGROUND)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # Every item the scene creates is held here too: PySide6 deletes the C++ item when the last
        # Python wrapper of an unreferenced Python-made item dies (a double-click wiped the board).
        self.background = BoardBackground(board)
        self.addItem(self.background)
        self._draft: NoteItem | None = None
        for note in document.project.notes:
            if note.board == board.id:
                self._add_item(note)
        self._rebuild_clusters()
        document.notes_changed.connect(self._on_notes_changed)
        document.clusters_changed.connect(self._rebuild_clusters)

    # --- mirroring -------------------------------------------------------------------
    def _unplaced(self, note: Note) -> bool:
        return self.board.zone(note.zone) is None

    def _add_item(self, note: Note) -> NoteItem:
        item = NoteItem(note, self._unplaced(note))
        item.family = self.family_cap
        self.addItem(item)
        self.items_by_id[note.id] = item
        return item

    def _on_notes_changed(self, ids: set[str]) -> None:
        notes = {n.id: n for n in self.document.project.notes} if len(ids) > 4 else None
        cluster_touched = False
        zones: set[str | None] = set()
        for note_id in ids:
            if notes is not None:
                note = notes.get(note_id)
            else:
                try:
                    note = self.document.project.note(note_id)
                except KeyError:
                    note = None
            item = self.items_by_id.get(note_id)
            if item is not None:
                zones.add(item.zone)
            if note is None or note.board != self.board.id:
                if item is not None:
                    self.removeItem(item)
                    del self.items_by_id[note_id]
                    cluster_touched = True
                continue
            if item is None:
                item = self._add_item(note)
            else:
                item.sync(note, self._unplaced(note))
            zones.add(note.zone)
            cluster_touched = cluster_touched or note.cluster is not None
        self._refresh_families(zones)
        if cluster_touched:
            self._rebuild_clusters()

    def warm_other_boards(self) -> None:
        """After this board's first paint: fit the notes of the workshop's other boards in idle
        turns, so switching to one of them paints it without fitting ~700 texts first."""
        if self.document in _WARMED:
            return
        _WARMED.add(self.document)
        QTimer.singleShot(0, self._fit_other_boards)  # even listing them waits for an idle turn

    def _fit_other_boards(self) -> None:
        order = {b.id: i for i, b in enumerate(self.document.content.boards)}
        mine = order.get(self.board.id, 0)
        others = [n for n in self.document.project.notes if n.board != self.board.id]
        # The next board first (the tab a facilitator opens next), then the one after it.
        others.sort(key=lambda n: (order.get(n.board, 0) - mine) % max(1, len(order)))
        fit_later(others)

    # --- one size family per zone ----------------------------------------------------
    def family_cap(self, zone_id: str | None) -> float:
        """The font size cap of the zone's notes (see note_item.family_cap); worked out when a
        note of the zone is first painted, so opening 2,000 notes lays none of them out."""
        if zone_id is None or self.board.zone(zone_id) is None:
            return theme.NOTE_FONT_MAX
        cap = self._family_caps.get(zone_id)
        if cap is None:
            cap = self._family_caps[zone_id] = family_cap(
                [i.natural_size() for i in self.items_by_id.values() if i.zone == zone_id])
        return cap

    def _refresh_families(self, zones: set[str | None]) -> None:
        """Notes came, went or changed in `zones`: their notes are laid out again if the cap moved."""
        for zone_id in zones:
            if zone_id is None or zone_id not in self._family_caps:
                continue
            old = self._family_caps.pop(zone_id)
            new = self.family_cap(zone_id)
            if new != old:
                for item in self.items_by_id.values():
                    # Only the notes whose size the cap actually changes are laid out again.
                    if item.zone == zone_id and min(item.natural_size(), old) != min(item.natural_size(), new):
                        item.family_changed()

    def _rebuild_clusters(self) -> None:
        for item in self._cluster_items:
            self.removeItem(item.label)
            self.removeItem(item)
        self._cluster_items = []
        members: dict[str, list[QRectF]] = {}
        notes: list[QRectF] = []
        for note in self.document.project.notes:
            if note.board == self.board.id:
                rect = QRectF(note.x, note.y, note.w, note.h)
                notes.append(rect)
                if note.cluster:
                    members.setdefault(note.cluster, []).append(rect)
        if not members:
            return
        obstacles = notes + zone_text_rects(self.board)
        for cluster in self.document.project.clusters:
            if cluster.id in members:
                outline = ClusterOutline(cluster.name, members[cluster.id], obstacles)
                self.addItem(outline)
                self.addItem(outline.label)
                self._cluster_items.append(outline)
                obstacles.append(outline.label.boundingRect())  # two labels never on top of each other

    def finish_editing(self) -> None:
        """A text being written in a note is kept, as a click elsewhere would keep it: before a
        save, and before the window closes (Ctrl+Q while typing in a note lost the text)."""
        editor = self.focusItem()
        if isinstance(editor, NoteEditor):
            editor.finish(True)

    # --- queries used by views and actions -------------------------------------------
    def selected_note_ids(self) -> list[str]:
        return [i.note_id for i in self.selectedItems() if isinstance(i, NoteItem)]

    def note_item_at(self, pos: QPointF) -> NoteItem | None:
        for item in self.items(pos):
            if isinstance(item, NoteItem):
                return item
            if item.parentItem() is not None and isinstance(item.parentItem(), NoteItem):
                return item.parentItem()
        return None

    def used_rect(self, margin: float = 16.0) -> QRectF:
        """The part of the board in use: every note, with the width and the title of the zone it
        is in (a zone's empty lower part is left out). The whole board while it is empty. The
        projector zooms to this, so the room reads the notes, not the empty board."""
        used = QRectF()
        for note in self.document.project.notes:
            if note.board != self.board.id:
                continue
            rect = QRectF(note.x, note.y, note.w, note.h)
            zone = self.board.zone(note.zone) if note.zone else None
            if zone is not None:
                rect = rect.united(QRectF(zone.rect.x, zone.rect.y, zone.rect.w, 84.0))
            used = rect if used.isNull() else used.united(rect)
        if used.isNull():
            return QRectF(0, 0, self.board.width, self.board.height)
        return used.adjusted(-margin, -margin, margin, margin)

    def zone_for(self, x: float, y: float, w: float, h: float) -> str | None:
        """A note belongs to the zone its centre lies in (None on the board's margins)."""
        zone = self.board.zone_at(x + w / 2, y + h / 2)
        return zone.id if zone else None

    # --- gestures --------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press_positions = {i.note_id: i.pos() for i in self.selectedItems() if isinstance(i, NoteItem)}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.commit_moves()

    def commit_moves(self) -> None:
        """A finished drag of one or more notes becomes one undo step (position and zone)."""
        changes = {}
        for note_id, start in self._press_positions.items():
            item = self.items_by_id.get(note_id)
            if item is None or item.pos() == start:
                continue
            note = self.document.project.note(note_id)
            x, y = round(item.pos().x(), 1), round(item.pos().y(), 1)
            changes[note_id] = {"x": x, "y": y, "zone": self.zone_for(x, y, note.w, note.h)}
        self._press_positions = {}
        if changes:
            label = "Flyt post-it" if len(changes) == 1 else f"Flyt {len(changes)} post-its"
            self.document.undo_stack.push(UpdateNotes(self.document, changes, label))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        item = self.note_item_at(event.scenePos())
        if item is not None:
            self.edit_note(item.note_id)
        else:
            self.create_note_at(event.scenePos())
        event.accept()

    def edit_note(self, note_id: str) -> None:
        item = self.items_by_id[note_id]
        old = item.text

        def done(text: str, commit: bool) -> None:
            if commit and text != old:
                change = {"text": text}
                change.update(self._grown(note_id, text))
                self.document.undo_stack.push(UpdateNotes(self.document, {note_id: change}, "Ret tekst"))

        self.clearSelection()
        item.setSelected(True)
        item.start_editing(done)

    def _grown(self, note_id: str, text: str) -> dict[str, float]:
        """{"h": taller} when the new text needs a taller note and there is room below it."""
        note = self.document.project.note(note_id)
        h = note_height_for(text, note.w, note.h, bool(note.votes))
        if h <= note.h or note.y + h > self.board.height:
            return {}
        grown = (note.x, note.y, note.w, h)
        for other in self.document.project.notes:
            if other.board == self.board.id and other.id != note_id and boxes_overlap(grown, (other.x, other.y, other.w, other.h)):
                return {}  # would cover a neighbour: keep the size, the text is cut with "…"
        return {"h": h}

    def create_note_at(self, pos: QPointF, colour: str = "gul") -> None:
        """Double-click on empty space: write a new note there; it enters the model on commit."""
        x = min(max(pos.x() - NOTE_WIDTH / 2, 0), self.board.width - NOTE_WIDTH)
        y = min(max(pos.y() - NOTE_HEIGHT / 2, 0), self.board.height - NOTE_HEIGHT)
        draft = Note(id=new_id("n"), board=self.board.id, zone=self.zone_for(x, y, NOTE_WIDTH, NOTE_HEIGHT),
                     x=x, y=y, colour=colour)
        draft_item = NoteItem(draft)
        self.addItem(draft_item)
        self._draft = draft_item  # only the editor's callback refers to it otherwise: a cycle gc may free

        def done(text: str, commit: bool) -> None:
            self.removeItem(draft_item)
            self._draft = None
            if commit and text.strip():
                draft.text = text
                # Where it was written, unless that covers another note: then the zone's rule.
                message = add_to_zone(self.document, self.board, draft.zone, [draft], prefer=(draft.x, draft.y))
                self.message.emit(message or "")

        draft_item.start_editing(done)
