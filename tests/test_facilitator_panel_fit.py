"""The facilitator panel on a 1366x768 laptop: nothing in it may force it wider than its column
(the eyes-user workshop: a growing status line, a long compound word, a long "Sig:" text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

from .conftest import FakeClock, close_window, open_window


@pytest.fixture
def clock():
    return FakeClock(500.0)  # as in test_facilitation_ui, whose clock this was


@pytest.fixture(params=[(1366, 768), (1280, 700)], ids=["1366x768", "1920x1080-at-150"])
def laptop(qtbot, clock, request):
    # 1920x1080 at 150 % leaves 1280x720 logical pixels (less the title bar), fonts as at 100 %.
    win = open_window(qtbot, size=request.param, clock=clock)
    qtbot.waitUntil(win.isActiveWindow)
    win.files.new_example("strategi")
    yield win
    close_window(win)


def key(window, k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.current_page().entry.line, k, modifier)


def settle(qtbot, window) -> None:
    dock = window.dock
    qtbot.waitUntil(lambda: dock.widget().layout().geometry().width() > 0)
    QTest.qWait(0)  # let queued layout requests run (no timing involved)
    dock.widget().layout().activate()


def overflowing(dock) -> list[str]:
    """Visible widgets of the dock whose right edge lies beyond the dock, and visible horizontal
    scroll bars."""
    problems = []
    for child in dock.findChildren(QWidget):
        if not child.isVisibleTo(dock) or child.width() <= 0:
            continue
        right = child.mapTo(dock, QPoint(child.width(), 0)).x()
        if right > dock.width() + 1:
            problems.append(f"{type(child).__name__} {child.objectName() or ''} ends at {right} > {dock.width()}")
        if isinstance(child, QScrollBar) and child.orientation() == Qt.Orientation.Horizontal and child.maximum() > 0:
            problems.append(f"horizontal scroll bar in {type(child.parent().parent()).__name__}")
    for area in dock.findChildren(QAbstractScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisibleTo(dock) and bar.isVisibleTo(dock) and bar.maximum() > 0:
            problems.append(f"{type(area).__name__} scrolls sideways")
    return problems


def test_agenda_tab_stays_inside_its_column_after_f6_and_f7(qtbot, laptop, clock):
    dock = laptop.dock
    dock.tabs.setCurrentWidget(dock.guide)
    key(laptop, Qt.Key.Key_F5)
    for _ in range(4):
        clock.now += 60 * 60  # every step runs long: "Workshoppen slutter 1 t … for sent"
        key(laptop, Qt.Key.Key_F6)
        key(laptop, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        key(laptop, Qt.Key.Key_F7)
    dock.session.tick.emit()
    settle(qtbot, laptop)
    assert "for sent" in dock.guide.end_line.text()
    assert overflowing(dock) == []
    for button in dock.guide.buttons.values():  # every button shows its whole text
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())


def test_long_compound_on_a_card_wraps_inside_the_column(qtbot, laptop):
    dock = laptop.dock
    dock.tabs.setCurrentWidget(dock.cards)
    dock.cards.go_to_card("s1-medarbejdere")
    settle(qtbot, laptop)
    assert "medarbejdersammensætning" in dock.cards.questions.text()
    assert overflowing(dock) == []
    assert dock.cards.next.isVisibleTo(dock)


def test_long_say_text_leaves_room_for_the_steps(qtbot, laptop):
    dock = laptop.dock
    dock.tabs.setCurrentWidget(dock.guide)
    assert len(dock.session.step.say) > 300  # the welcome's long "Sig:"
    settle(qtbot, laptop)
    steps = dock.guide.steps
    row = steps.visualItemRect(steps.item(0)).height()
    assert steps.viewport().height() >= 4 * row  # at least four steps in view
    area = dock.tabs.currentWidget()  # the tab's own scroll area: the list is in view without scrolling
    top = steps.mapTo(area.viewport(), QPoint(0, 0)).y()
    assert top + 4 * row <= area.viewport().height()
    assert overflowing(dock) == []


def test_card_list_shows_every_card_without_scrolling_of_its_own(qtbot, laptop):
    """Eyes-user 02 and 86: the list of cards was cut (item 7 out of sight at 150 %). The list is
    as tall as its wrapped items; the tab scrolls as a whole if the card above is long."""
    dock = laptop.dock
    dock.tabs.setCurrentWidget(dock.cards)
    for board in (0, 1, 2):
        laptop.show_board(board)
        for i in range(len(dock.cards.cards)):
            dock.cards.go(i)
            settle(qtbot, laptop)
            cards = dock.cards.list
            assert cards.verticalScrollBar().maximum() == 0, (board, i)
            area = dock.tabs.currentWidget().viewport()  # the tab: the whole list is in sight
            for row in range(cards.count()):
                rect = cards.visualItemRect(cards.item(row))
                assert cards.viewport().rect().contains(rect), (board, i, row)
                bottom = cards.viewport().mapTo(area, rect.bottomLeft()).y()
                assert 0 <= bottom <= area.height(), (board, i, row)
    assert overflowing(dock) == []
