"""Grouping scattered post-its with Ctrl-click and Ctrl+G, through the real window (offscreen):
the notes come together, the frame holds only them, the label covers nothing, one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from kompetencedialog_desktop.ui import dialogs

from .conftest import close_window, open_window
from .ui_helpers import centre, view_point

# The tester's zone (screenshot 16): seven notes, then three non-adjacent ones grouped.
TEXTS = ["Færre lærere med linjefag i naturfag", "Digitalisering og kunstig intelligens i undervisningen",
         "Rekruttering:\n– svært at tiltrække pædagoger\n– færgen gør pendling dyr",
         "Flere ældre borgere, færre børn", "Ny folkeskolelov", "Sygefravær", "Grøn omstilling"]


@pytest.fixture
def grouped(qtbot, monkeypatch):
    win = open_window(qtbot, size=(1366, 768))
    win.files.new("strategi")
    page = win.current_page()
    qtbot.waitUntil(lambda: page.view.viewport().width() > 900)
    page.entry.choose_zone(1)
    for text in TEXTS:
        page.entry.line.setText(text)
        QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
    page.view.fit_board()
    doc = win.files.document
    notes = list(doc.project.notes)
    before = {n.id: (n.x, n.y) for n in notes}
    chosen = [notes[0], notes[3], notes[5]]  # Færre lærere, Flere ældre, Sygefravær: not side by side
    QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view_point(page.view, *centre(chosen[0])))
    for note in chosen[1:]:
        QTest.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         view_point(page.view, *centre(note)))
    assert sorted(page.scene.selected_note_ids()) == sorted(n.id for n in chosen)
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "Mangel på fagfolk")
    assert win.note_actions.group.shortcut().toString() == "Ctrl+G"
    win.note_actions.group.trigger()
    yield win, page, [n.id for n in chosen], before
    close_window(win)


def _rect(note) -> QRectF:
    return QRectF(note.x, note.y, note.w, note.h)


def test_grouping_brings_the_notes_together_and_the_frame_holds_only_them(grouped):
    win, page, ids, before = grouped
    doc = win.files.document
    assert len(doc.project.clusters) == 1
    members = [doc.project.note(i) for i in ids]
    others = [n for n in doc.project.notes if n.id not in ids]
    assert all(n.cluster == doc.project.clusters[0].id for n in members)
    # Together: the members' frames join into one outline (they were three apart before).
    outline = page.scene._cluster_items[0]
    assert len(outline.shape().toSubpathPolygons()) == 1
    # Nothing covers anything, everything stays in its zone, sizes unchanged.
    zone = page.scene.board.zone("forandringer").rect
    rects = [_rect(n) for n in doc.project.notes]
    for i, a in enumerate(rects):
        assert zone.x <= a.left() and a.right() <= zone.x + zone.w and zone.y <= a.top() and a.bottom() <= zone.y + zone.h
        assert not any(a.intersects(b) for b in rects[i + 1:])
    assert all(n.zone == "forandringer" for n in doc.project.notes)
    # The dashed outline: no note outside the cluster lies inside it.
    for note in others:
        assert not outline.shape().intersects(_rect(note).adjusted(2, 2, -2, -2)), note.text
    for note in members:
        assert outline.shape().contains(_rect(note))
    # One undo step takes back both the cluster and the moves.
    doc.undo_stack.undo()
    assert not doc.project.clusters and {n.id: (n.x, n.y) for n in doc.project.notes} == before
    doc.undo_stack.redo()
    assert len(doc.project.clusters) == 1 and {n.id: (n.x, n.y) for n in doc.project.notes} != before


def test_cluster_label_covers_no_note_and_no_zone_text(grouped):
    from kompetencedialog_desktop.ui.board_items import zone_text_rects

    win, page, ids, _ = grouped
    label = page.scene._cluster_items[0].label.sceneBoundingRect()
    for note in win.files.document.project.notes:
        assert not label.intersects(_rect(note)), note.text
    for text in zone_text_rects(page.scene.board):
        assert not label.intersects(text), text
    # It stays at the cluster: on its frame line, by one of its notes.
    members = [_rect(win.files.document.project.note(i)) for i in ids]
    assert any(label.adjusted(-30, -30, 30, 30).intersects(m) for m in members)


def test_a_member_dragged_away_keeps_the_frame_off_the_notes_between(grouped):
    """After grouping, a member dragged to the far end of the zone: the outline follows it with its
    own frame and still encloses no other note (one rectangle around all would)."""
    from kompetencedialog_desktop.ui.commands import UpdateNotes

    win, page, ids, _ = grouped
    doc = win.files.document
    zone = page.scene.board.zone("forandringer").rect
    doc.undo_stack.push(UpdateNotes(doc, {ids[0]: {"x": zone.x + 20, "y": zone.y + zone.h - 200}}, "Flyt post-it"))
    outline = page.scene._cluster_items[0]
    for note in doc.project.notes:
        if note.id not in ids:
            assert not outline.shape().intersects(_rect(note).adjusted(2, 2, -2, -2)), note.text
