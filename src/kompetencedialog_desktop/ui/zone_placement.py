"""Adding post-its to a zone through the placement rule (model/layout.py): the new notes and any
re-layout of the zone's notes are one undo step, and the user is told when notes got smaller."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

from ..model.content import BoardDefinition
from ..model.layout import place_notes
from ..model.project import Note
from .commands import AddNotes, UpdateNotes
from .document import WorkshopDocument
from .note_item import note_height_for

STATUS_MS = 10_000


def add_to_zone(document: WorkshopDocument, board: BoardDefinition, zone_id: str | None, notes: list[Note],
                text: str = "Ny post-it", prefer: tuple[float, float] | None = None) -> str | None:
    """Place `notes` (their w and h are the wished size) in the zone and push them as one undo
    step. Returns a Danish line for the status bar when the zone's notes were made smaller."""
    if not notes:
        return None
    # A long text makes its note taller rather than its letters smaller (Qt measures, hence here).
    w = notes[0].w
    h = max(note_height_for(n.text, w, n.h, bool(n.votes)) for n in notes)
    placement = place_notes(document.project, board, zone_id, len(notes), w, h, prefer)
    for note, (x, y, nw, nh) in zip(notes, placement.new):
        note.x, note.y, note.w, note.h = x, y, nw, nh
    stack = document.undo_stack
    if placement.moves:
        stack.beginMacro(text)
        stack.push(UpdateNotes(document, placement.moves, "Gør plads i zonen"))
        stack.push(AddNotes(document, notes, text))
        stack.endMacro()
    else:
        stack.push(AddNotes(document, notes, text))
    if not placement.shrunk:
        return None
    zone = board.zone(zone_id) if zone_id else None
    where = f"»{zone.title}«" if zone else "zonen"
    return f"Der er mange post-its i {where}: de er gjort mindre, så ingen dækker over en anden."


def show_status(widget: QWidget, message: str | None) -> None:
    """Show `message` in the status bar of the main window `widget` sits in (if any)."""
    if not message:
        return
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, STATUS_MS)
