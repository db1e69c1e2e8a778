"""Re-spreading time in a series of meetings ("Tre møder à 1 time"): each meeting keeps its own
end time, and proposals are whole minutes that add up. Qt-free (model/timer.py, model/agenda.py)."""

import pytest

from kompetencedialog_desktop.model.agenda import end_text
from kompetencedialog_desktop.model.timer import AgendaTimer, whole_minutes
from kompetencedialog_desktop.storage.content_loader import facilitator_guide


def three_meetings(clock) -> AgendaTimer:
    variant = facilitator_guide("strategi").variant("3x1-time")
    return AgendaTimer([s.minutes * 60 for s in variant.steps], clock, meetings=[s.session for s in variant.steps])


def test_the_guide_marks_the_meetings_of_the_series():
    for kind in ("strategi", "grus"):
        variant = facilitator_guide(kind).variant("3x1-time")
        sessions = [s.session for s in variant.steps]
        assert sessions == sorted(sessions) and set(sessions) == {1, 2, 3}
        for meeting in (1, 2, 3):  # each meeting is an hour
            assert sum(s.minutes for s in variant.steps if s.session == meeting) == 60


def test_respread_stays_within_the_current_meeting(clock):
    timer = three_meetings(clock)  # meeting 1: 10, 5, 40, 5 minutes; meetings 2 and 3 follow
    assert list(timer.meeting_steps()) == [0, 1, 2, 3]
    timer.start()
    clock.now += 17 * 60  # the welcome took 17 minutes instead of 10
    timer.next_step()
    plan = timer.respread()
    # 60 - 17 - 5 (warm-up) = 38 minutes for the board (40) and the round-off (5), in whole minutes
    assert [p / 60 for p in plan[2:4]] == [34, 4]
    assert plan[4:] == timer.planned[4:]  # meetings 2 and 3 keep their plan
    assert all(p % 60 == 0 for p in plan)
    timer.apply_plan(plan)
    assert timer.meeting_late() == pytest.approx(0)


def test_first_step_of_a_meeting_has_later_steps_and_nothing_to_change(clock):
    timer = three_meetings(clock)
    assert timer.respread() == timer.planned  # step 1 of 11: on time, nothing to re-spread
    assert len(timer.meeting_steps()) == 4


def test_late_meeting_two_does_not_touch_meeting_three(clock):
    timer = three_meetings(clock)
    timer.goto(4)  # meeting 2 starts with its recap
    assert list(timer.meeting_steps()) == [4, 5, 6]
    timer.start()
    clock.now += 8 * 60  # recap 8 minutes instead of 5
    timer.next_step()  # into board 2 (50 minutes); only the round-off (5) is left to shorten
    assert timer.meeting_late() == pytest.approx(3 * 60)
    plan = timer.respread()
    assert plan[6] == 2 * 60 and plan[:6] == timer.planned[:6] and plan[7:] == timer.planned[7:]


def test_whole_minutes_add_up_and_follow_the_weights():
    assert whole_minutes([2400, 300], 38 * 60) == [34, 4]
    assert whole_minutes([600, 600, 600], 29.9 * 60) == [10, 10, 9]  # rounded down: never late
    assert sum(whole_minutes([50, 5, 40, 10, 5], 97 * 60)) == 97
    assert whole_minutes([300, 300], -60) == [0, 0] and whole_minutes([0, 0], 600) == [0, 0]


def test_one_meeting_agenda_respreads_over_the_whole_workshop(clock):
    timer = AgendaTimer([600, 1200, 600, 600], clock)  # no meetings given: the workshop is one
    timer.start()
    clock.now += 1200
    timer.next_step()
    clock.now += 600
    assert timer.respread()[2:] == [300, 300]


def test_status_line_speaks_of_the_meeting_in_a_series():
    assert end_text(6 * 60, meeting=True) == "Mødet slutter 6 min for sent."
    assert end_text(-15 * 60, meeting=True) == "Mødet slutter 15 min før tid."
    assert end_text(20, meeting=True) == "Mødet slutter til tiden."
    assert end_text(80 * 60) == "Workshoppen slutter 1 t 20 min for sent."
