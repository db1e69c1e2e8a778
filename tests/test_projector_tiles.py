"""The projector shows each zone in use as a tile, laid out so the notes are as large as they can
be at 1920x1080 (about 24 pt, 32 px, is the aim for reading from 8 m)."""

from __future__ import annotations

import statistics

import pytest
from PySide6.QtCore import QRectF

from .conftest import close_window, open_window


def _projector_at_1080p(win, qtbot):
    """F10 with the projector window at 1920x1080, laid out."""
    win.toggle_projector()
    projector = win.projector
    projector.resize(1920, 1080)
    qtbot.waitUntil(lambda: projector.tile_area.width() > 1800)
    return projector


def _text_px(projector, item) -> float:
    size, _ = item.text_layout()
    return round(size * 4 / 3) * projector.view_of(item).transform().m11()


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_every_example_board_shows_all_its_notes_larger_on_the_projector(qtbot, workshop):
    win = open_window(qtbot)
    try:
        win.files.new_example(workshop)
        projector = _projector_at_1080p(win, qtbot)
        medians = {}
        for index, page in enumerate(win.pages):
            win.show_board(index)
            projector.fit()
            views = [v for v in projector.views if v.isVisibleTo(projector)]
            # Every note is whole in one tile; no tile lies on another on the screen.
            for item in page.scene.items_by_id.values():
                rect = item.sceneBoundingRect().adjusted(4, 4, -4, -4)
                assert any(v.sceneRect().contains(rect) for v in views), item.text
            for a, b in zip(views, views[1:]):
                assert not a.geometry().intersects(b.geometry())
            assert all(projector.tile_area.rect().contains(v.geometry()) for v in views)
            assert len({round(v.transform().m11(), 6) for v in views}) == 1  # one scale: notes alike
            medians[page.board.id] = statistics.median(_text_px(projector, i) for i in page.scene.items_by_id.values())
        print("projector median note text px at 1920x1080:", {k: round(v, 1) for k, v in medians.items()})
        # The whole used board fitted gave 21-28 px here; the tiles give 24-34 px.
        assert min(medians.values()) >= 23.0
    finally:
        close_window(win)


def test_a_zone_with_one_note_is_shown_big_but_not_gigantic(qtbot):
    from kompetencedialog_desktop.ui.projector_window import MAX_SCALE

    win = open_window(qtbot)
    try:
        win.files.new("grus")
        page = win.current_page()
        page.entry.line.setText("Ét punkt")
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
        projector = _projector_at_1080p(win, qtbot)
        projector.fit()
        assert projector.view.transform().m11() == pytest.approx(MAX_SCALE)
        note = win.files.document.project.notes[0]
        assert projector.view.sceneRect().contains(QRectF(note.x, note.y, note.w, note.h))
    finally:
        close_window(win)


def test_a_tall_zone_is_shown_in_two_halves_side_by_side(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    win = open_window(qtbot)
    try:
        win.files.new("strategi")
        page = win.current_page()
        page.entry.choose_zone(1)
        for i in range(12):  # six rows of two in board 1's tall zone
            page.entry.line.setText(f"Pointe {i + 1}")
            QTest.keyClick(page.entry.line, Qt.Key.Key_Return)
        projector = _projector_at_1080p(win, qtbot)
        projector.fit()
        views = [v for v in projector.views if v.isVisibleTo(projector)]
        assert len(views) == 2
        upper, lower = sorted(views, key=lambda v: v.sceneRect().top())
        assert upper.geometry().right() < lower.geometry().left()  # side by side, the upper half first
        assert upper.geometry().top() == lower.geometry().top()
        # The whole zone fitted was 0.94 here (limited by its height).
        assert upper.transform().m11() > 1.3
        for item in page.scene.items_by_id.values():
            rect = item.sceneBoundingRect().adjusted(4, 4, -4, -4)
            assert sum(v.sceneRect().contains(rect) for v in views) == 1
    finally:
        close_window(win)
