"""Issue 14's bugs through the real window: the dot budget over a selection, undo steps that stay
with their own box, a refused front page, and inputs that stop at the model's limits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from kompetencedialog_desktop.model import limits
from kompetencedialog_desktop.model.project import EvaluationGroup
from kompetencedialog_desktop.storage.project_file import load_project
from kompetencedialog_desktop.ui import dialogs


# 5. Four notes selected and + pressed: the budget is checked over the whole selection.
def test_plus_on_a_selection_never_overruns_the_budget(window):
    window.files.new_example("strategi")
    window.show_board(1)
    doc = window.files.document
    page = window.current_page()
    zone = [n for n in doc.project.notes if n.board == "strategi-2" and n.zone == "indsatsomraader"]
    assert sum(n.votes for n in zone) == 29  # of 6 participants x 5 dots = 30
    page.scene.clearSelection()
    for note in zone[:4]:
        page.scene.items_by_id[note.id].setSelected(True)
    page.view.setFocus()
    before = doc.undo_stack.count()
    QTest.keyClick(page.view, Qt.Key.Key_Plus)
    assert sum(n.votes for n in zone) == 29 and doc.undo_stack.count() == before
    assert "30" in window.statusBar().currentMessage()


# 6. Typing in group A's MUS box, then group B's, is two undo steps.
def test_mus_typing_in_two_groups_is_two_undo_steps(window):
    window.files.new("strategi")
    doc = window.files.document
    groups = [EvaluationGroup(id=f"g{i}", source_file=f"/x/{i}.kdlg", group=f"Team {i}") for i in (1, 2)]
    doc.project.evaluation.groups.extend(groups)  # as fetched from two GRUS files
    window.evaluation_page.refresh()
    texts = window.evaluation_page.group_texts
    for gid, words in (("g1", "Alle i Team 1"), ("g2", "Team 2 mangler")):
        texts[gid].setFocus()
        QTest.keyClicks(texts[gid], words)
    assert [g.mus_summary for g in doc.project.evaluation.groups] == ["Alle i Team 1", "Team 2 mangler"]
    doc.undo_stack.undo()
    assert [g.mus_summary for g in doc.project.evaluation.groups] == ["Alle i Team 1", ""]
    assert texts["g2"].toPlainText() == "" and texts["g1"].toPlainText() == "Alle i Team 1"
    doc.undo_stack.undo()
    assert [g.mus_summary for g in doc.project.evaluation.groups] == ["", ""]


# 1. A title the file could not hold is refused in the GUI with a Danish line; nothing is recorded.
def test_front_page_with_a_too_long_title_is_refused_and_the_file_reopens(window, monkeypatch, tmp_path, qtbot):
    window.files.new("grus")
    doc = window.files.document
    monkeypatch.setattr(dialogs, "edit_front_page", lambda parent, project: {
        "title": "T" * 600, "leader": "Ida", "date": dt.date(2027, 2, 1), "participants": ["Ida"]})
    with qtbot.waitSignal(doc.refused) as refused:
        window.edit_front_page()
    assert "for lang" in refused.args[0]
    assert doc.project.title == "Ny gruppeudviklingssamtale" and doc.project.leader == "" and doc.undo_stack.count() == 0
    path = tmp_path / "grus.kdlg"
    doc.save(path)
    assert load_project(path).title == "Ny gruppeudviklingssamtale"


# 3. The plan's inputs stop at the model's limits.
def test_plan_inputs_enforce_the_model_limits(window):
    window.files.new_example("strategi")
    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    page.texts["roles"].setPlainText("x" * (limits.MAX_PLAN_TEXT + 10))
    assert len(window.files.document.project.plan.roles) == limits.MAX_PLAN_TEXT
    page.table.editItem(page.table.item(0, 1))
    line = page.table.findChild(QLineEdit)
    assert line is not None and line.maxLength() == limits.MAX_CELL_TEXT


# The design: one changed(change, initiator) signal; panels redraw only what a change concerns.
def test_typing_in_a_plan_box_redraws_neither_the_table_nor_the_box(window, monkeypatch):
    window.files.new_example("grus")
    page = window.plan_page
    window.tabs.setCurrentWidget(page)
    drawn = []
    monkeypatch.setattr(page.table, "show_rows", lambda rows: drawn.append("table"))
    box = page.texts["mus_themes"]
    monkeypatch.setattr(box, "show_text", lambda text: drawn.append("box"))
    box.setFocus()
    QTest.keyClicks(box, "Sprog")
    assert window.files.document.project.plan.mus_themes.startswith("Sprog") and drawn == []
    window.files.document.undo_stack.undo()  # an undo is nobody's own edit: the box shows the model again
    assert drawn == ["box"]
