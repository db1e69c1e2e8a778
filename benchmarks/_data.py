"""Shared benchmark data: the example workshop grown to N post-its spread over the three boards."""

from __future__ import annotations

import random

from kompetencedialog_desktop.model.factory import example_project
from kompetencedialog_desktop.model.operations import add_notes
from kompetencedialog_desktop.model.project import NOTE_HEIGHT, NOTE_WIDTH, Note, Project, new_id
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content

PHRASES = [
    "Nyt sagssystem kræver oplæring", "Klart sprog i afgørelser", "Videndeling på tværs af kontorer",
    "Mentorordning for nye kolleger", "Kurser i projektledelse", "Mere tid til faglig sparring",
    "Bedre brug af MUS", "Kompetencer i databeskyttelse", "Svære samtaler med borgere",
    "Superbrugere i hvert team", "E-læring om kunstig intelligens", "Jobrotation mellem teams",
]


def big_project(n_notes: int = 2000, workshop: str = "strategi", seed: int = 7) -> Project:
    rng = random.Random(seed)
    content = workshop_content(workshop)
    project = example_project(content, load_example(workshop))
    extra = []
    for i in range(n_notes - len(project.notes)):
        board = content.boards[i % 3]
        zone = board.zones[rng.randrange(len(board.zones))]
        r = zone.rect
        extra.append(Note(
            id=new_id("n"), board=board.id, zone=zone.id,
            x=r.x + rng.uniform(8, max(9, r.w - NOTE_WIDTH - 8)), y=r.y + rng.uniform(84, max(85, r.h - NOTE_HEIGHT - 8)),
            text=f"{rng.choice(PHRASES)} ({i + 1})", votes=rng.randrange(4) if zone.voting else 0,
        ))
    add_notes(project, extra)
    return project
