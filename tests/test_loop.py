"""The two-way loop: strategy -> GRUS -> MUS, and the groups back to SU's evaluation."""

from __future__ import annotations

import io

import docx
import pytest

from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.model.loop import aggregate, evaluation_group, focus_areas, import_focus_areas, linked_areas
from kompetencedialog_desktop.model.project import GrusPlanRow, Project, new_id
from kompetencedialog_desktop.storage.content_loader import workshop_content
from kompetencedialog_desktop.storage.docx_export import build_docx
from kompetencedialog_desktop.storage.loop_export import build_evaluation_docx, build_mus_docx
from kompetencedialog_desktop.storage.project_file import load_project, save_project
from kompetencedialog_desktop.ui import dialogs
from kompetencedialog_desktop.ui.main_window import MainWindow

BOARD = workshop_content("grus").board("grus-1")
PLANS = {  # group -> [(area index or None, status)]
    "Team Nord": [(0, "gennemført"), (1, "i gang"), (None, "ikke startet")],
    "Team Syd": [(0, "i gang"), (0, "opgivet")],
    "Team Vest": [(2, "ikke startet"), (1, "gennemført")],
}


@pytest.fixture
def strategy_file(tmp_path, example):
    path = tmp_path / "strategi.kdlg"
    save_project(example, path)
    return path


def _grus_files(tmp_path, strategy_file) -> list:
    strategy = load_project(strategy_file)
    areas = focus_areas(strategy)
    paths = []
    for name, rows in PLANS.items():
        grus = Project(workshop="grus", title=f"GRUS {name}", group=name, leader="Leder")
        grus.notes.extend(import_focus_areas(grus, BOARD, strategy, strategy_file))
        grus.plan.rows = [GrusPlanRow(id=new_id("r"), goal=f"Mål {i}", activity=f"{name} aktivitet {i}", status=status,
                                      linked_focus_areas=[areas[a].id] if a is not None else [])
                          for i, (a, status) in enumerate(rows)]
        grus.plan.su_feedback = f"{name} har brug for tid."
        path = tmp_path / f"{name.replace(' ', '-')}.kdlg"
        save_project(grus, path)
        paths.append(path)
    return paths


def test_import_focus_areas_into_grus_marks_their_source(strategy_file):
    strategy = load_project(strategy_file)
    grus = Project(workshop="grus")
    notes = import_focus_areas(grus, BOARD, strategy, strategy_file)
    assert [n.text for n in notes] == [r.area for r in strategy.plan.focus_areas]
    assert all(n.zone == "strategiens-omraader" and n.source.file == str(strategy_file) for n in notes)
    assert {n.source.ref for n in notes} == {r.id for r in strategy.plan.focus_areas}
    assert notes[0].source.title == "Kompetencestrategi 2027-2029" and notes[0].source.date == strategy.date
    grus.notes.extend(notes)
    assert import_focus_areas(grus, BOARD, strategy, strategy_file) == []  # by id: never twice
    with pytest.raises(ValueError):
        import_focus_areas(grus, BOARD, grus, strategy_file)


def test_chosen_notes_stand_in_before_the_plan_is_written(example):
    example.plan.focus_areas = []
    assert [a.title for a in focus_areas(example)] == [n.text for n in example.notes if n.chosen]


def test_fetch_in_the_app_links_plan_rows_and_survives_a_missing_source(qtbot, strategy_file, tmp_path, monkeypatch):
    win = MainWindow()
    win.show()
    qtbot.waitExposed(win)
    try:
        win.files.new("grus")
        assert win.loop.fetch_focus_areas(strategy_file) == 3
        doc = win.files.document
        assert len(linked_areas(doc.project)) == 3
        errors = []
        monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
        monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: errors.append(text))
        assert win.loop.fetch_focus_areas(strategy_file) == 0 and "ingen nye" in errors[-1]
        assert win.loop.fetch_focus_areas(tmp_path / "væk.kdlg") == 0 and "findes ikke" in errors[-1]
        page = win.plan_page
        page.table.add_row()
        status_col, area_col = page.table.choice_columns
        page.table.choose(0, status_col, "i gang")
        area_id = next(iter(linked_areas(doc.project)))
        page.table.choose(0, area_col, area_id)
        row = doc.project.plan.rows[0]
        assert (row.status, row.linked_focus_areas) == ("i gang", [area_id])
        assert page.table.item(0, 9).text() == linked_areas(doc.project)[area_id]
        doc.undo_stack.undo()
        assert doc.project.plan.rows[0].linked_focus_areas == []
        doc.undo_stack.redo()
        # the strategy file is renamed: nothing that was imported depends on it
        strategy_file.rename(tmp_path / "omdøbt.kdlg")
        path = tmp_path / "grus.kdlg"
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: path)
        assert win.files.save()
        reloaded = load_project(path)
        assert reloaded.plan.rows[0].linked_focus_areas == [area_id] and len(linked_areas(reloaded)) == 3
        table = next(t for t in docx.Document(io.BytesIO(build_docx(reloaded))).tables if t.rows[0].cells[0].text == "Udviklingsmål")
        assert "(Indsatsområde: " in table.rows[1].cells[0].text
    finally:
        win.files.document.forget_changes()
        win.close()


def test_evaluation_aggregates_three_groups(tmp_path, strategy_file):
    strategy = load_project(strategy_file)
    for path in _grus_files(tmp_path, strategy_file):
        strategy.evaluation.groups.append(evaluation_group(load_project(path), path))
    summary = {s.title: s for s in aggregate(strategy)}
    areas = [a.title for a in focus_areas(strategy)]
    first, second, third = (summary[a] for a in areas)
    assert first.groups == ["Team Nord", "Team Syd"] and first.total == 3
    assert first.counts == {"ikke startet": 0, "i gang": 1, "gennemført": 1, "opgivet": 1}
    assert second.groups == ["Team Nord", "Team Vest"] and second.counts["gennemført"] == 1 and second.counts["i gang"] == 1
    assert third.groups == ["Team Vest"] and third.counts["ikke startet"] == 1
    unlinked = summary["Uden kobling til et indsatsområde"]
    assert unlinked.groups == ["Team Nord"] and unlinked.total == 1
    report = docx.Document(io.BytesIO(build_evaluation_docx(strategy)))
    table = next(t for t in report.tables if t.rows[0].cells[0].text == "Indsatsområde")
    assert [[c.text for c in r.cells] for r in table.rows[1:]] == [
        [s.title, ", ".join(s.groups), str(s.total), str(s.counts["ikke startet"]), str(s.counts["i gang"]),
         str(s.counts["gennemført"]), str(s.counts["opgivet"])] for s in aggregate(strategy)]
    text = "\n".join(p.text for p in report.paragraphs)
    assert "Team Syd har brug for tid." in text and "Team Vest" in text


def test_evaluation_tab_imports_types_mus_and_keeps_data_when_a_file_vanishes(qtbot, tmp_path, strategy_file, monkeypatch):
    paths = _grus_files(tmp_path, strategy_file)
    win = MainWindow()
    win.show()
    qtbot.waitExposed(win)
    try:
        assert win.files.open(strategy_file)
        page = win.evaluation_page
        assert win.tabs.tabText(4) == "SU's evaluering"
        assert page.import_files(paths) == 3
        assert page.table.rowCount() == 4 and page.table.item(0, 1).text() == "Team Nord, Team Syd"
        group_id = win.files.document.project.evaluation.groups[1].id
        page.group_texts[group_id].setPlainText("Alle i Team Syd har aftalt en aktivitet.")
        assert win.files.document.project.evaluation.groups[1].mus_summary == "Alle i Team Syd har aftalt en aktivitet."
        paths[1].unlink()
        errors = []
        monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
        page.refresh_from_files()
        assert "Team Syd" in errors[0] and len(win.files.document.project.evaluation.groups) == 3
        assert win.files.document.project.evaluation.groups[1].mus_summary.startswith("Alle i Team Syd")
        out = page.export(tmp_path / "evaluering.docx")
        assert "Alle i Team Syd har aftalt en aktivitet." in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        win.files.document.undo_stack.undo()  # the refresh
        win.files.document.undo_stack.undo()  # the typing, as one step
        assert win.files.document.project.evaluation.groups[1].mus_summary == ""
    finally:
        win.files.document.forget_changes()
        win.close()


def test_mus_lead_in_and_cli(tmp_path, grus_example, strategy_file, capsys):
    lead_in = docx.Document(io.BytesIO(build_mus_docx(grus_example)))
    text = "\n".join(p.text for p in lead_in.paragraphs)
    assert "Fælles opspil til MUS" in text and "Til lederen:" in text and "Til medarbejderen:" in text
    assert "Brug af det nye sagssystem i eget arbejde." in text and "Alle kan anvende de nye boligstøtteregler sikkert" in text
    facts = lead_in.tables[0]
    assert facts.rows[0].cells[1].text == "Boligstøttekontoret, Odense"
    grus_path = tmp_path / "grus.kdlg"
    save_project(grus_example, grus_path)
    assert main(["export", str(grus_path), "--mus-docx", str(tmp_path / "mus.docx")]) == 0
    assert main(["export", str(strategy_file), "--mus-docx", str(tmp_path / "x.docx")]) == 1
    assert "kræver en gruppeudviklingssamtale" in capsys.readouterr().err
    paths = _grus_files(tmp_path, strategy_file)
    before = strategy_file.read_bytes()
    assert main(["evaluate", str(strategy_file), "--grus", *map(str, paths), "--mus", "Team Nord=Godt i gang",
                 "-o", str(tmp_path / "rapport.docx")]) == 0
    assert strategy_file.read_bytes() == before  # only --save writes to the strategy
    report = docx.Document(str(tmp_path / "rapport.docx"))
    assert "Godt i gang" in "\n".join(p.text for p in report.paragraphs)
    assert main(["evaluate", str(strategy_file), "--grus", str(grus_path), str(strategy_file), "-o", str(tmp_path / "r.docx")]) == 1
    assert "er ikke en gruppeudviklingssamtale" in capsys.readouterr().err
