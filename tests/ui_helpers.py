"""Small helpers for driving the real widgets in tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from kompetencedialog_desktop.ui.board_view import BoardView


def view_point(view: BoardView, scene_x: float, scene_y: float) -> QPoint:
    return view.mapFromScene(QPointF(scene_x, scene_y))


def drag(view: BoardView, start: tuple[float, float], end: tuple[float, float], modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A real mouse drag on the viewport, in scene coordinates, with intermediate moves."""
    viewport = view.viewport()
    a, b = view_point(view, *start), view_point(view, *end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    for i in range(1, 6):
        p = a + (b - a) * (i / 5)
        QTest.mouseMove(viewport, p)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def centre(note) -> tuple[float, float]:
    return note.x + note.w / 2, note.y + note.h / 2


def open_plan_tab(window, workshop: str, example: bool = True):
    """A new workshop (the example, or an empty one) on its plan tab (Ctrl+4 itself is tested on its own)."""
    (window.files.new_example if example else window.files.new)(workshop)
    window.tabs.setCurrentIndex(len(window.pages))  # the tab after the boards
    assert window.tabs.currentWidget() is window.plan_page
    return window.plan_page, window.files.document
