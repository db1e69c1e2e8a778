"""Build a demonstration of the loop in a folder: the example strategy, three groups' GRUS files
that fetched its focus areas and planned activities with a status, the MUS lead-in of one group
and SU's evaluation report.   .venv/bin/python scripts/loop_demo.py FOLDER"""

from __future__ import annotations

import sys
from pathlib import Path

from kompetencedialog_desktop.cli import main as cli
from kompetencedialog_desktop.model.factory import example_project
from kompetencedialog_desktop.model.layout import add_placed
from kompetencedialog_desktop.model.loop import focus_areas, import_focus_areas
from kompetencedialog_desktop.model.project import GrusPlanRow, new_id
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content
from kompetencedialog_desktop.storage.project_file import save_project

GROUPS = {
    "Boligstøttekontoret": [(0, "Superbrugere i det nye system", "i gang"), (1, "Klarsprogskursus for alle", "gennemført"),
                            (2, "Makkerpar mellem erfarne og nye", "i gang")],
    "Klagekontoret": [(1, "Skriveværksted om afgørelser", "ikke startet"), (0, "E-læring om AI i sagsbehandlingen", "i gang")],
    "Borgerservice": [(2, "Mentorordning for nye", "gennemført"), (None, "Kursus i konflikthåndtering", "opgivet")],
}


def build(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    strategy_path = folder / "strategi.kdlg"
    save_project(example_project(workshop_content("strategi"), load_example("strategi")), strategy_path)
    from kompetencedialog_desktop.storage.project_file import load_project

    strategy = load_project(strategy_path)
    areas = focus_areas(strategy)
    board = workshop_content("grus").board("grus-1")
    paths = []
    for name, rows in GROUPS.items():
        grus = example_project(workshop_content("grus"), load_example("grus"))
        grus.group, grus.title = name, f"GRUS {name}"
        grus.notes = [n for n in grus.notes if n.zone != "strategiens-omraader"]
        add_placed(grus, board, "strategiens-omraader", import_focus_areas(grus, board, strategy, strategy_path))
        grus.plan.rows = [GrusPlanRow(id=new_id("r"), goal=activity, activity=activity, status=status,
                                      responsible="Leder", when="2027",
                                      linked_focus_areas=[areas[a].id] if a is not None else [])
                          for a, activity, status in rows]
        path = folder / f"grus-{name.lower().replace('ø', 'oe')}.kdlg"
        save_project(grus, path)
        paths.append(str(path))
    cli(["export", paths[0], "--mus-docx", str(folder / "opspil-til-mus.docx")])
    cli(["evaluate", str(strategy_path), "--grus", *paths, "--mus",
         "Boligstøttekontoret=Alle har aftalt mindst én aktivitet; flere ønsker mere tid til læring.",
         "-o", str(folder / "evaluering.docx")])


if __name__ == "__main__":
    build(Path(sys.argv[1] if len(sys.argv) > 1 else "loop-demo"))
