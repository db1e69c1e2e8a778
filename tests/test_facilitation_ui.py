"""Cards, agenda timer, dot voting and the projector view, through the real widgets (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kompetencedialog_desktop.storage.project_file import load_project
from kompetencedialog_desktop.ui import dialogs
from kompetencedialog_desktop.ui.shortcuts_dialog import collect

from .conftest import FakeClock, close_window, open_window


@pytest.fixture
def clock():
    return FakeClock(500.0)


@pytest.fixture
def window(qtbot, clock):
    win = open_window(qtbot, clock=clock)
    win.files.new_example("strategi")
    yield win
    close_window(win)


def key(window, k, modifier=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.current_page().entry.line, k, modifier)


def test_card_navigation_and_progress_survive_save_and_reopen(window, tmp_path, monkeypatch):
    cards = window.dock.cards
    assert cards.current_card.id == "s1-kerneopgave"
    key(window, Qt.Key.Key_PageDown)
    key(window, Qt.Key.Key_PageDown)
    assert cards.current_card.id == "s1-forandringer" and "kort 3 af 7" in cards.counter.text()
    key(window, Qt.Key.Key_F4)
    key(window, Qt.Key.Key_PageUp)
    assert cards.current_card.id == "s1-borgere"
    assert window.isWindowModified()  # progress is worth saving
    path = tmp_path / "kort.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    assert window.files.save()
    progress = load_project(path).card_progress["strategi-1"]
    assert (progress.current, progress.discussed) == (1, ["s1-forandringer"])
    window.files.new("grus")
    window.files.open(path)
    assert window.dock.cards.current_card.id == "s1-borgere"
    assert "1 drøftet" in window.dock.cards.counter.text()


def test_cards_follow_the_board_tab(window):
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.dock.cards.current_card.id == "s2-kan"
    window.dock.cards.go(4)
    assert window.dock.cards.current_card.step == "prioriter"


def test_timer_runs_on_the_clock_warns_and_logs_steps(window, clock):
    session, display = window.dock.session, window.dock.timer
    key(window, Qt.Key.Key_F5)
    assert session.timer.running
    clock.now += 13 * 60 + 1
    session.tick.emit()
    assert display.text() == "01:59" and display.level == "advarsel"
    clock.now += 3 * 60
    session.tick.emit()
    assert display.text() == "+01:01" and display.level == "alarm"
    key(window, Qt.Key.Key_F6)  # +1 minute
    assert session.timer.remaining() == pytest.approx(-1)
    key(window, Qt.Key.Key_F7)  # next step: warm-up
    log = window.files.document.project.timer_log
    assert [(e.step, e.planned_minutes, e.actual_seconds) for e in log] == [("velkomst", 16.0, 961.0)]
    key(window, Qt.Key.Key_F7)  # board 1 opens with its first card
    assert window.tabs.currentIndex() == 0 and window.dock.cards.current_card.id == "s1-kerneopgave"
    clock.now += 30
    key(window, Qt.Key.Key_F5)
    assert not session.timer.running and display.text() == "39:30  ❚❚"


def test_step_opens_its_board_and_card(window):
    window.dock.session.goto(4)  # board 2
    assert window.tabs.currentIndex() == 1 and window.dock.cards.current_card.id == "s2-kan"


def test_respread_after_confirmation(window, clock, monkeypatch):
    session = window.dock.session
    session.toggle()
    clock.now += 30 * 60  # the welcome took 30 minutes instead of 15
    session.next_step()
    questions = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, q: questions.append(q) or True)
    window.dock.respread()
    assert "Pause:" in questions[0]
    assert session.timer.projected_end() == pytest.approx(session.timer.original_total)
    assert "til tiden" in window.dock.guide.end_line.text()


def test_agenda_variant_is_saved(window):
    guide = window.dock.guide
    guide.variant_box.setCurrentIndex(guide.variant_box.findData("3x1-time"))
    assert window.files.document.project.agenda_variant == "3x1-time"
    assert len(window.dock.session.timer.planned) == 11
    assert "Møde 2 ·" in guide.steps.item(4).text()


def _select(window, text):
    page = window.current_page()
    note = next(n for n in window.files.document.project.notes if n.text == text)
    page.scene.clearSelection()
    page.scene.items_by_id[note.id].setSelected(True)
    page.view.setFocus()
    return note


def test_dots_with_keys_budget_and_undo(window):
    window.show_board(1)
    window.dock.tabs.setCurrentWidget(window.dock.ranking)  # the ranking is drawn while it is shown
    note = _select(window, "Projektledelse")  # 2 dots; the room has used 29 of 6 x 5 = 30
    page = window.current_page()
    QTest.keyClick(page.view, Qt.Key.Key_Plus)
    assert note.votes == 3
    QTest.keyClick(page.view, Qt.Key.Key_Plus)
    assert note.votes == 3 and "30 af 30" in window.statusBar().currentMessage()
    QTest.keyClick(page.view, Qt.Key.Key_0)
    assert note.votes == 0
    window.files.document.undo_stack.undo()
    assert note.votes == 3
    ranking = window.dock.ranking
    window.voting.budget.trigger()  # Facilitering > Prikbudget: the spin boxes in the panel
    assert ranking.dots.hasFocus() or window.dock.tabs.currentWidget().widget() is ranking
    ranking.dots.setValue(3)
    ranking.voters.setValue(12)  # 3 dots x 12 voters = 36
    assert (window.files.document.project.vote_budget, window.files.document.project.voters) == (3, 12)
    QTest.keyClick(page.view, Qt.Key.Key_6)
    assert note.votes == 6
    QTest.keyClick(page.view, Qt.Key.Key_Minus)
    assert note.votes == 5
    assert "32 prikker brugt af 36" in window.dock.ranking.budget_line.text()


def test_digits_still_type_in_the_quick_entry(window, qtbot):
    page = window.current_page()
    qtbot.keyClicks(page.entry.line, "Mål for 2027: +5 %")
    assert page.entry.line.text() == "Mål for 2027: +5 %"


def test_take_top_n_marks_chosen_with_ties_visible(window, monkeypatch):
    window.show_board(1)
    window.dock.tabs.setCurrentWidget(window.dock.ranking)
    project = window.files.document.project
    monkeypatch.setattr(dialogs, "ask_int", lambda *a: 2)
    window.voting.choose_top()
    chosen = [n.text for n in project.notes if n.chosen]
    assert chosen == ["Digitale kompetencer og det nye sagssystem", "Klart sprog i afgørelser og breve",
                      "Videndeling før de erfarne går på pension"]  # 7 and 7 share second place
    assert "Stemmelighed" in window.statusBar().currentMessage()
    rows = [window.dock.ranking.list.item(i).text() for i in range(window.dock.ranking.list.count())]
    assert rows[1].startswith("2.") and rows[2].startswith("2.") and "(delt plads)" in rows[1]
    window.files.document.undo_stack.undo()
    assert sum(n.chosen for n in project.notes) == 3


def test_projector_mirrors_the_main_window_live(window, qtbot):
    QTest.keyClick(window.current_page().entry.line, Qt.Key.Key_F10)
    projector = window.projector
    assert projector is not None and projector.isVisible()
    assert projector.view.scene() is window.current_page().scene
    qtbot.keyClicks(window.current_page().entry.line, "Ny pointe fra salen")
    QTest.keyClick(window.current_page().entry.line, Qt.Key.Key_Return)
    new = window.files.document.project.notes[-1]
    assert new.id in projector.view.scene().items_by_id
    assert projector.question.text() == "Hvad er vores kerneopgave, sagt med én sætning?"
    QTest.keyClick(window.current_page().entry.line, Qt.Key.Key_PageDown)
    assert projector.question.text().startswith("Hvad forventer borgere")
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert projector.view.scene() is window.current_page().scene
    QTest.keyClick(projector, Qt.Key.Key_B)
    assert projector.blanked
    QTest.keyClick(projector, Qt.Key.Key_B)
    assert not projector.blanked


def test_f10_closes_the_projector_again_and_unblanking_shows_the_same_picture(window, qtbot):
    line = window.current_page().entry.line
    QTest.keyClick(line, Qt.Key.Key_F10)
    projector = window.projector
    assert projector is not None
    qtbot.waitExposed(projector)
    view = projector.view
    before = view.mapFromScene(projector.shown_rect()).boundingRect()
    QTest.keyClick(projector, Qt.Key.Key_B)
    QTest.keyClick(projector, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: view.isVisible())
    assert view.mapFromScene(projector.shown_rect()).boundingRect() == before  # not shifted
    QTest.keyClick(line, Qt.Key.Key_F10)  # the same key hides it again
    qtbot.waitUntil(lambda: window.projector is None)


def test_opening_the_projector_leaves_the_keyboard_with_the_main_window(window, qtbot):
    """One screen: the projector opens as a window beside the main one, and the facilitator's keys
    (F10 again, Ctrl+1..3, F5) must still reach the main window without a click."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.current_page().entry.line, Qt.Key.Key_F10)
    projector = window.projector
    qtbot.waitExposed(projector)
    QApplication.processEvents()
    assert QApplication.activeWindow() is window
    QTest.keyClick(projector, Qt.Key.Key_F10)  # clicked into the projector after all: F10 there closes it too
    qtbot.waitUntil(lambda: window.projector is None)


def test_the_status_line_is_never_drawn_over_a_message_when_the_projector_opens(window, qtbot):
    window.statusBar().showMessage("2 post-its er markeret som valgt.", 6000)
    qtbot.waitUntil(lambda: not window.status.isVisible())  # the message has the line for now
    window.toggle_projector()
    qtbot.waitExposed(window.projector)
    QApplication.processEvents()  # the status bar lays itself out again
    shown = bool(window.statusBar().currentMessage())
    assert shown != window.status.isVisible()  # one or the other, never both on top of each other
    window.toggle_projector()


def test_shortcuts_are_listed(window):
    rows = collect(window)
    keys = {(r[1], r[2]) for r in rows}
    assert ("F5", "Start / pause tiden") in keys and ("Ctrl+T", "Vælg de øverste …") in keys
    assert any(r[2] == "Næste kort" for r in rows) and not any(r[2].startswith("Sæt 4") for r in rows)


def test_optional_cards_are_marked_valgfrit(window):
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    cards = window.dock.cards
    rows = [cards.list.item(i).text() for i in range(cards.list.count())]
    optional = [c for c in cards.cards if not c.core]
    assert optional and all(row.endswith("(valgfrit)") == (not c.core) for row, c in zip(rows, cards.cards))
    cards.go_to_card(optional[0].id)
    assert "Valgfrit kort" in cards.badge.text()


def test_welcome_step_shows_the_preparation(window):
    guide = window.dock.guide
    assert window.dock.session.step.kind == "velkomst"
    assert "Forberedelse" in guide.details.toPlainText() and "serviceeftersyn" in guide.details.toPlainText()
    window.dock.session.next_step()
    assert "Forberedelse" not in guide.details.toPlainText()
def test_agenda_step_and_minutes_survive_save_close_and_reopen(qtbot, clock, tmp_path, monkeypatch):
    """3 x 1 hour: the second meeting starts where the first stopped (issue 13, item 5)."""
    win = open_window(qtbot, clock=clock)
    qtbot.waitUntil(win.isActiveWindow)  # the keys go to the active window
    win.files.new_example("grus")
    guide = win.dock.guide
    guide.variant_box.setCurrentIndex(guide.variant_box.findData("3x1-time"))
    key(win, Qt.Key.Key_F5)  # start
    clock.now += 12 * 60
    key(win, Qt.Key.Key_F7)  # step 2 after 12 minutes
    key(win, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # +5 minutes on step 2
    clock.now += 3 * 60
    key(win, Qt.Key.Key_F7)  # step 3 after 3 minutes
    clock.now += 90
    key(win, Qt.Key.Key_F5)  # pause 1½ minutes into step 3
    session = win.dock.session
    planned_before, index_before = list(session.timer.planned), session.timer.index
    assert index_before == 2
    path = tmp_path / "møde1.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    assert win.files.save()
    close_window(win)

    again = open_window(qtbot, clock=clock)
    qtbot.waitUntil(again.isActiveWindow)
    try:
        again.files.open(path)
        session, guide = again.dock.session, again.dock.guide
        assert guide.variant_box.currentData() == "3x1-time"
        assert session.timer.index == 2 and not session.timer.running
        assert session.timer.planned == pytest.approx(planned_before)
        assert session.timer.actual[:2] == pytest.approx([12 * 60, 3 * 60])
        assert session.timer.elapsed() == pytest.approx(90)
        assert guide.step_title.text().startswith("Trin 3 af")
        rows = [guide.steps.item(i).text() for i in range(guide.steps.count())]
        assert "brugt 12 min" in rows[0] and "brugt 3 min" in rows[1] and rows[2].startswith("▶")
        assert again.dock.timer.text().startswith(f"{int(planned_before[2] / 60) - 2:02d}:30")
        assert not again.isWindowModified()
        key(again, Qt.Key.Key_F5)  # carry on where the first meeting stopped
        clock.now += 30
        assert session.timer.elapsed() == pytest.approx(120)
    finally:
        close_window(again)


def test_agenda_wording_is_danish_with_units(window, clock):
    session, guide = window.dock.session, window.dock.guide
    session.toggle()
    clock.now += 21 * 60 + 12  # the 15-minute welcome runs 6 minutes over
    session.tick.emit()
    assert guide.end_line.text() == "Workshoppen slutter 6 min for sent."
    session.reset()  # the welcome starts again, paused
    session.toggle()
    clock.now += 10
    session.next_step()  # after 10 seconds
    row = guide.steps.item(0).text()
    assert row.endswith("· 15 min, brugt 0,2 min"), row
    assert guide.end_line.text() == "Workshoppen slutter 15 min før tid."
    clock.now += 6890  # the 10-minute warm-up takes almost two hours
    session.tick.emit()
    assert guide.end_line.text() == "Workshoppen slutter 1 t 30 min for sent."


def test_minutes_in_danish():
    from kompetencedialog_desktop.model.agenda import minutes_text

    assert [minutes_text(s) for s in (10, 60, 90, 372, 3600, 4500, 5400 + 29)] == [
        "0,2 min", "1 min", "1,5 min", "6,2 min", "1 t", "1 t 15 min", "1 t 30 min"]
    assert minutes_text(372, decimals=False) == "6 min" and minutes_text(20, decimals=False) == "0 min"


def test_voting_feedback_stays_in_the_panel_until_resolved(window):
    window.show_board(1)
    ranking = window.dock.ranking
    window.dock.tabs.setCurrentIndex(0)  # the cards are shown; a refused dot brings the ranking forward
    note = _select(window, "Projektledelse")
    page = window.current_page()
    QTest.keyClick(page.view, Qt.Key.Key_Plus)  # 30 of 30
    QTest.keyClick(page.view, Qt.Key.Key_Plus)  # refused
    assert note.votes == 3
    assert window.dock.tabs.currentWidget().widget() is ranking and ranking.feedback.isVisible()
    assert "ikke prikker nok" in ranking.feedback.text()
    assert "Alle 30 prikker er brugt" not in ranking.feedback.text()  # said once, not twice
    ranking.render()  # still there on the next drawing
    assert "ikke prikker nok" in ranking.feedback.text()
    QTest.keyClick(page.view, Qt.Key.Key_3)  # no change: the problem is not solved yet
    assert "ikke prikker nok" in ranking.feedback.text()
    QTest.keyClick(page.view, Qt.Key.Key_Minus)  # resolved: a dot is free again
    assert note.votes == 2 and not ranking.feedback.isVisible()


def test_tie_message_stays_until_the_choice_changes(window, monkeypatch):
    window.show_board(1)
    ranking = window.dock.ranking
    window.dock.tabs.setCurrentWidget(ranking)
    _select(window, "Borgerkontakt i svære situationer")
    QTest.keyClick(window.current_page().view, Qt.Key.Key_2)  # 2 dots: level with "Projektledelse" in 4th place
    monkeypatch.setattr(dialogs, "ask_int", lambda *a: 4)
    window.voting.choose_top()
    assert "Stemmelighed" in ranking.feedback.text() and ranking.feedback.isVisible()
    window.show_board(0)
    window.show_board(1)
    assert "Stemmelighed" in ranking.feedback.text()
    window.files.document.undo_stack.undo()
    assert "Stemmelighed" not in ranking.feedback.text()


def test_ranking_before_any_dots_and_long_notes_wrap(qtbot):
    win = open_window(qtbot, size=(1366, 708))
    qtbot.waitUntil(win.isActiveWindow)
    try:
        win.files.new("strategi")
        win.show_board(1)
        ranking = win.dock.ranking
        win.dock.tabs.setCurrentWidget(ranking)
        assert [ranking.list.item(i).text() for i in range(ranking.list.count())] == ["Ingen post-its i zonen endnu."]
        entry = win.current_page().entry
        QTest.keyClick(entry.line, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # the voting zone
        for text in ("Kort", "En meget lang pointe om digitale kompetencer, sagssystemet og hvordan vi lærer det sammen"):
            qtbot.keyClicks(entry.line, text)
            QTest.keyClick(entry.line, Qt.Key.Key_Return)
        assert [ranking.list.item(i).text() for i in range(ranking.list.count())] == ["Ingen prikker endnu."]
        long_note = win.files.document.project.notes[-1]
        win.current_page().scene.items_by_id[long_note.id].setSelected(True)
        win.current_page().view.setFocus()
        QTest.keyClick(win.current_page().view, Qt.Key.Key_2)
        rows = [ranking.list.item(i).text() for i in range(ranking.list.count())]
        assert rows[0].startswith("1. En meget lang") and rows[0].endswith("2 prikker") and rows[1].startswith("2. Kort")
        item_rect = ranking.list.visualItemRect(ranking.list.item(0))
        assert item_rect.width() <= ranking.list.viewport().width() and item_rect.height() > ranking.list.fontMetrics().height() * 1.5
    finally:
        close_window(win)


def test_one_screen_projector_window_lies_inside_a_laptop_screen(window, qtbot):
    QTest.keyClick(window.current_page().entry.line, Qt.Key.Key_F10)
    projector = window.projector
    qtbot.waitExposed(projector)
    area = projector.screen().availableGeometry()
    assert area.contains(projector.geometry()), (projector.geometry(), area)
    assert projector.minimumSize().width() <= 480 and projector.minimumSize().height() <= 320


def test_respread_in_three_meetings_stays_in_the_meeting_and_in_whole_minutes(window, monkeypatch):
    """The eyes-user workshop: at step 1 of 11 "Fordel resten" said there were no later steps;
    after Shift+F6 it shortened meetings 2 and 3 and proposed "4,9 min"."""
    session, guide = window.dock.session, window.dock.guide
    guide.variant_box.setCurrentIndex(guide.variant_box.findData("3x1-time"))
    messages, questions = [], []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: messages.append(text))
    window.dock.respread()
    assert messages == ["Planen holder allerede: mødet slutter til tiden."]
    key(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # the welcome gets 5 more minutes
    assert guide.end_line.text() == "Mødet slutter 5 min for sent."
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, q: questions.append(q) or True)
    before = list(session.timer.planned)
    window.dock.respread()
    assert questions and questions[0].startswith("Så slutter mødet til tiden")
    assert "," not in questions[0]  # whole minutes only
    planned = session.timer.planned
    assert planned[4:] == before[4:]  # meetings 2 and 3 keep their plan
    assert sum(planned[:4]) == sum(before[:4]) - 5 * 60 and all(p % 60 == 0 for p in planned)
    assert guide.end_line.text() == "Mødet slutter til tiden."


def test_projector_and_panel_show_the_steps_own_question(qtbot, clock):
    """GRUS step 2 "Opvarmning" asks its own question (no post-its); the projector showed the
    board-1 card "Hvilke opgaver fylder mest i vores hverdag?" instead (eyes-user shot 124)."""
    win = open_window(qtbot, clock=clock)
    qtbot.waitUntil(win.isActiveWindow)
    try:
        win.files.new_example("grus")
        key(win, Qt.Key.Key_F10)
        projector, cards = win.projector, win.dock.cards
        card_question = cards.current_card.questions[0]
        assert projector.question.text() == card_question
        key(win, Qt.Key.Key_F7)  # step 2: the warm-up round
        step = win.dock.session.step
        assert step.title == "Opvarmning"
        warm_up = "Hvad har vi løst som gruppe det seneste år, som du er særligt stolt af?"
        assert projector.question.text() == warm_up
        assert cards.step_question.isVisibleTo(cards) and warm_up in cards.step_question.text()
        key(win, Qt.Key.Key_PageDown)  # browsing the cards does not change what the room is asked
        assert projector.question.text() == warm_up
        key(win, Qt.Key.Key_F7)  # step 3: board 1 and its first card again
        assert projector.question.text() == card_question == cards.current_card.questions[0]
        assert not cards.step_question.isVisibleTo(cards)
    finally:
        close_window(win)


def test_reopened_workshop_opens_on_the_board_of_its_agenda_step(qtbot, clock, tmp_path, monkeypatch):
    """Reopening brought the agenda back at its step (paused) but showed board 1 (eyes-user 48, 49)."""
    win = open_window(qtbot, clock=clock)
    qtbot.waitUntil(win.isActiveWindow)
    win.files.new_example("strategi")
    for _ in range(4):
        key(win, Qt.Key.Key_F7)  # step 5: board 2
    assert win.dock.session.step.board == "strategi-2" and win.tabs.currentIndex() == 1
    key(win, Qt.Key.Key_PageDown)  # on its second card
    card = win.dock.cards.current_card.id
    path = tmp_path / "dag.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    assert win.files.save()
    close_window(win)

    again = open_window(qtbot, clock=clock)
    try:
        again.files.open(path)
        assert again.dock.session.timer.index == 4 and not again.dock.session.timer.running
        assert again.tabs.currentIndex() == 1 and again.current_page().board.id == "strategi-2"
        assert again.dock.cards.board.id == "strategi-2" and again.dock.cards.current_card.id == card
    finally:
        close_window(again)


def test_board_in_use_for_steps_without_a_board():
    from kompetencedialog_desktop.model.guide import board_in_use
    from kompetencedialog_desktop.storage.content_loader import facilitator_guide

    variant = facilitator_guide("grus").variant("halv-dag")
    ids = [s.id for s in variant.steps]
    assert board_in_use(variant, 0) is None  # the welcome: board 1 is shown
    assert board_in_use(variant, ids.index("pause")) == "grus-1"  # the pause stays with board 1
    assert board_in_use(variant, ids.index("plade-2")) == "grus-2"
