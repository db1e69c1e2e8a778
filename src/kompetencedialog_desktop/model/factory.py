"""New workshops: empty, or filled from the example under resources/examples/."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .content import WorkshopContent
from .layout import add_placed
from .operations import group_notes
from .project import (
    Cluster,
    FocusAreaRow,
    GrusPlanRow,
    Note,
    Plan,
    Project,
    YearWheelEntry,
    new_id,
)

DEFAULT_TITLES = {"strategi": "Ny kompetencestrategi", "grus": "Ny gruppeudviklingssamtale"}


def new_project(content: WorkshopContent, title: str | None = None) -> Project:
    return Project(workshop=content.workshop, title=title or DEFAULT_TITLES[content.workshop], date=dt.date.today())


def example_project(content: WorkshopContent, example: dict[str, Any]) -> Project:
    """Build the example workshop: each zone's post-its placed by the placement rule (none covers another)."""
    project = Project(
        workshop=content.workshop,
        title=example["title"],
        workplace=example.get("workplace", ""),
        group=example.get("group", ""),
        leader=example.get("leader", ""),
        date=dt.date.fromisoformat(example["date"]) if example.get("date") else None,
        participants=list(example.get("participants", [])),
        vote_budget=example.get("vote_budget", 3),
    )
    for board_id, zones in example["boards"].items():
        board = content.board(board_id)
        if board is None:
            raise ValueError(f"eksemplet nævner en ukendt dialogplade: {board_id}")
        for zone_id, items in zones.items():
            if board.zone(zone_id) is None:
                raise ValueError(f"eksemplet nævner en ukendt zone: {board_id}/{zone_id}")
            notes = [Note(id=new_id("n"), board=board_id, zone=zone_id, x=0, y=0, **({"text": item} if isinstance(item, str) else item))
                     for item in items]
            add_placed(project, board, zone_id, notes)
    by_text = {(n.board, n.text): n.id for n in project.notes}
    for board_id, clusters in example.get("clusters", {}).items():
        for name, texts in clusters.items():
            group_notes(project, [by_text[(board_id, t)] for t in texts], Cluster(id=new_id("k"), board=board_id, name=name))
    project.plan = _example_plan(example.get("plan", {}))
    return project


def _example_plan(data: dict[str, Any]) -> Plan:
    return Plan(
        focus_areas=[FocusAreaRow(id=new_id("i"), **row) for row in data.get("focus_areas", [])],
        principles=data.get("principles", ""),
        roles=data.get("roles", ""),
        year_wheel=[YearWheelEntry(**row) for row in data.get("year_wheel", [])],
        follow_up=data.get("follow_up", ""),
        rows=[GrusPlanRow(id=new_id("r"), **row) for row in data.get("rows", [])],
        mus_themes=data.get("mus_themes", ""),
        su_feedback=data.get("su_feedback", ""),
        next_follow_up=dt.date.fromisoformat(data["next_follow_up"]) if data.get("next_follow_up") else None,
        **{key: data[key] for key in STRATEGY_CHOICES if key in data},
    )


# The strategy's editable choices (vedtaget, gælder til, …) the example may fill in.
STRATEGY_CHOICES = ("vice_chair", "adopted", "valid_until", "next_review", "evaluation_rhythm", "group_plans", "changes")
