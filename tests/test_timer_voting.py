"""The agenda timer against a fake clock, and dot voting rules. No waiting anywhere."""

import pytest

from kompetencedialog_desktop.model.project import Note, Project
from kompetencedialog_desktop.model.timer import AgendaTimer, format_clock
from kompetencedialog_desktop.model.voting import check_votes, ranking, top_n, zone_budget
from kompetencedialog_desktop.storage.content_loader import facilitator_guide


def test_start_pause_and_resume(clock):
    timer = AgendaTimer([600, 300], clock)
    assert timer.remaining() == 600 and not timer.running
    timer.start()
    clock.advance(100)
    timer.pause()
    clock.advance(500)  # paused time does not count
    assert timer.elapsed() == 100
    timer.start()
    clock.advance(50)
    assert timer.remaining() == 450


def test_warning_alarm_and_overtime(clock):
    timer = AgendaTimer([300], clock)
    timer.start()
    clock.advance(179)
    assert timer.level() == "normal"
    clock.advance(1)
    assert timer.level() == "advarsel"
    clock.advance(120)
    assert timer.level() == "alarm" and timer.overtime() == 0
    clock.advance(190)
    assert timer.overtime() == 190 and format_clock(timer.remaining()) == "+03:10"


def test_add_minutes_and_reset(clock):
    timer = AgendaTimer([300], clock)
    timer.start()
    clock.advance(200)
    timer.add_minutes(1)
    timer.add_minutes(5)
    assert timer.remaining() == 300 + 360 - 200
    timer.reset()
    assert timer.elapsed() == 0 and not timer.running


def test_next_step_logs_actual_time_and_keeps_running(clock):
    timer = AgendaTimer([300, 300, 60], clock)
    timer.start()
    clock.advance(420)
    assert timer.next_step() == 420
    assert timer.index == 1 and timer.running and timer.actual[0] == 420
    clock.advance(10)
    assert timer.elapsed() == 10
    timer.goto(2)
    assert timer.next_step() is None and not timer.running


def test_respread_shrinks_later_steps_to_end_on_time(clock):
    timer = AgendaTimer([600, 1200, 600, 600], clock)  # 50 minutes
    timer.start()
    clock.advance(1200)  # step 1 ran 10 minutes over
    timer.next_step()
    clock.advance(600)
    plan = timer.respread()
    # spent 1800, current step has 600 left: 600 remain for the last two (originally 1200)
    assert plan[:2] == [600, 1200] and plan[2:] == pytest.approx([300, 300])
    timer.apply_plan(plan)
    assert timer.projected_end() == pytest.approx(timer.original_total)


def test_respread_when_all_time_is_used_and_with_zero_length_steps(clock):
    timer = AgendaTimer([600, 0, 600], clock)
    timer.start()
    clock.advance(1300)  # beyond the whole agenda
    assert timer.respread() == [600, 0, 0]
    zero = AgendaTimer([600, 0, 0], clock)
    zero.start()
    clock.advance(700)
    assert zero.respread() == [600, 0, 0]
    with pytest.raises(ValueError):
        zero.apply_plan([1, 2])


def test_respread_when_ahead_gives_time_back(clock):
    timer = AgendaTimer([600, 600, 600], clock)
    timer.start()
    clock.advance(300)
    timer.next_step()  # finished 5 minutes early
    plan = timer.respread()
    assert sum(plan[2:]) == pytest.approx(900) and timer.original_total == 1800


def test_guides_add_up_and_point_to_real_boards_and_cards():
    for workshop in ("strategi", "grus"):
        guide = facilitator_guide(workshop)
        assert {v.id for v in guide.variants} == {"halv-dag", "3x1-time"}
        assert guide.variant("halv-dag").total_minutes == 210
        three = guide.variant("3x1-time")
        for session in (1, 2, 3):
            assert sum(s.minutes for s in three.steps if s.session == session) == 60


def _vote_project(voters=0, participants=()):
    project = Project(workshop="strategi", voters=voters, participants=list(participants), vote_budget=3)
    for i, votes in enumerate([5, 3, 3, 1, 0]):
        project.notes.append(Note(id=f"n{i}", board="strategi-2", zone="indsatsomraader", x=i * 10, y=0, votes=votes))
    return project


def test_budget_rules():
    assert zone_budget(_vote_project()) is None
    project = _vote_project(participants=["a", "b", "c", "d"])  # 4 x 3 = 12 dots, 12 used
    assert zone_budget(project) == 12
    assert check_votes(project, project.notes[4], 1) == "Der er ikke flere prikker: 12 af 12 er brugt i zonen."
    assert check_votes(project, project.notes[0], 4) is None  # taking dots back is fine
    assert check_votes(project, project.notes[0], -1).startswith("En post-it kan ikke")
    project.voters = 5
    assert check_votes(project, project.notes[4], 3) is None


def test_ranking_shows_ties_and_top_n_includes_them():
    notes = _vote_project().notes
    ranked = ranking(notes)
    assert [(r.rank, r.note.id, r.tied) for r in ranked] == [
        (1, "n0", False), (2, "n1", True), (2, "n2", True), (4, "n3", False), (5, "n4", False)]
    assert top_n(notes, 2) == (["n0", "n1", "n2"], True)
    assert top_n(notes, 4) == (["n0", "n1", "n2", "n3"], False)
    assert top_n(notes, 9) == (["n0", "n1", "n2", "n3"], False)  # no dots, not chosen
