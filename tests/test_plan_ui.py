"""The plan tab, the front-page dialog and export from the app, through the real widgets."""

from __future__ import annotations

import datetime as dt

import docx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kompetencedialog_desktop.storage.project_file import load_project
from kompetencedialog_desktop.ui import dialogs

from .ui_helpers import open_plan_tab


def test_ctrl_4_opens_the_plan_tab(window):
    window.files.new_example("strategi")
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.plan_page


def test_seed_focus_areas_from_chosen_notes_and_undo(window):
    page, doc = open_plan_tab(window, "strategi")
    assert page.table.rowCount() == 3 and page.seed_button.isEnabled()
    page.seed_button.click()
    chosen = [n for n in doc.project.notes if n.chosen]
    assert [r.area for r in doc.project.plan.focus_areas[3:]] == [n.text for n in chosen]
    assert [r.source_note for r in doc.project.plan.focus_areas[3:]] == [n.id for n in chosen]
    assert page.table.rowCount() == 6 and not page.seed_button.isEnabled()
    doc.undo_stack.undo()
    assert page.table.rowCount() == 3 and len(doc.project.plan.focus_areas) == 3


def test_cell_edit_is_one_undo_step(window):
    page, doc = open_plan_tab(window, "strategi")
    before = doc.project.plan.focus_areas[1].why
    page.table.item(1, 1).setText("Fordi klagerne stiger")
    assert doc.project.plan.focus_areas[1].why == "Fordi klagerne stiger"
    doc.undo_stack.undo()
    assert doc.project.plan.focus_areas[1].why == before and page.table.item(1, 1).text() == before


def test_typing_in_a_text_field_is_saved_at_once_and_undone_in_one_step(window, tmp_path, monkeypatch):
    page, doc = open_plan_tab(window, "strategi")
    edit = page.texts["roles"]
    before = doc.project.plan.roles
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, " Og TR er med.")
    assert doc.project.plan.roles == before + " Og TR er med."
    path = tmp_path / "plan.kdlg"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # focus still in the field
    assert load_project(path).plan.roles.endswith("Og TR er med.")
    doc.undo_stack.undo()
    assert doc.project.plan.roles == before and edit.toPlainText() == before


def test_year_wheel_edit(window):
    page, doc = open_plan_tab(window, "strategi")
    page.year_wheel.item(8, 1).setText("Temadag om AI")
    assert [(e.month, e.activity) for e in doc.project.plan.year_wheel if e.month == 9] == [(9, "Temadag om AI")]


def test_grus_rows_seed_and_follow_up_date(window):
    page, doc = open_plan_tab(window, "grus")
    assert page.table.columnCount() == 10 and page.table.rowCount() == 3  # 8 texts + status + linked area
    page.seed_button.click()
    assert [r.need for r in doc.project.plan.rows[3:]] == [n.text for n in doc.project.notes if n.chosen]
    page.has_follow_up.setChecked(False)
    assert doc.project.plan.next_follow_up is None
    doc.undo_stack.undo()
    assert doc.project.plan.next_follow_up == dt.date(2027, 6, 15) and page.has_follow_up.isChecked()


def test_front_page_dialog_values_become_one_undo_step(window, monkeypatch):
    window.files.new("grus")
    doc = window.files.document
    values = {"title": "GRUS i Team Syd", "workplace": "Styrelsen", "group": "Team Syd", "leader": "Ida",
              "date": dt.date(2027, 2, 1), "participants": ["Ida", "Bo"]}
    monkeypatch.setattr(dialogs, "edit_front_page", lambda parent, project: values)
    window.edit_front_page()
    assert (doc.project.title, doc.project.participants, doc.project.date) == ("GRUS i Team Syd", ["Ida", "Bo"], dt.date(2027, 2, 1))
    doc.undo_stack.undo()
    assert doc.project.title == "Ny gruppeudviklingssamtale" and doc.project.participants == []


def test_front_page_dialog_reads_its_fields(qtbot, example):
    from kompetencedialog_desktop.ui.front_page_dialog import FrontPageDialog

    dialog = FrontPageDialog(example)
    qtbot.addWidget(dialog)
    dialog.participants.setPlainText("Anne\n\n  Bo \x07\n")
    dialog.title.setText("Ny titel")
    values = dialog.values()
    assert values["participants"] == ["Anne", "Bo"] and values["title"] == "Ny titel"
    assert values["workplace"] == example.workplace


def test_export_word_from_the_menu(window, tmp_path, monkeypatch):
    window.files.new_example("grus")
    target = tmp_path / "plan.docx"
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: target)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, question: asked.append(question) or False)
    assert window.exports.export_word() == target
    document = docx.Document(str(target))
    zones_in_use = {(n.board, n.zone) for n in window.files.document.project.notes}
    assert len(document.inline_shapes) == len(zones_in_use) and "plan.docx" in asked[0]


def test_export_error_is_shown_and_nothing_changes(window, tmp_path, monkeypatch):
    window.files.new_example("strategi")
    errors = []
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: tmp_path / "findes-ikke" / "ud.docx")
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    assert window.exports.export_word() is None
    assert "mappen findes ikke" in errors[0] and not window.files.document.modified


def test_strategy_choices_are_editable_fields_with_a_suggested_default(window):
    page, doc = open_plan_tab(window, "strategi")
    rhythm = page.lines["evaluation_rhythm"]
    assert rhythm.text() == "én gang om året, i november"
    rhythm.selectAll()
    QTest.keyClicks(rhythm, "hvert halve år")
    assert doc.project.plan.evaluation_rhythm == "hvert halve år"
    doc.undo_stack.undo()
    assert doc.project.plan.evaluation_rhythm == "én gang om året, i november" and rhythm.text() == doc.project.plan.evaluation_rhythm
    page.texts["group_plans"].setPlainText("Alle kontorer holder GRUS i marts")
    assert doc.project.plan.group_plans == "Alle kontorer holder GRUS i marts"
