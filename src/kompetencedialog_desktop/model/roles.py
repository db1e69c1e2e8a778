"""The few content ids the code depends on, in one place.

The boards and zones say which role they play (`role` in resources/boards/*.json, checked by the
content loader when present); these defaults are the ids the shipped content uses for them."""

from __future__ import annotations

# role -> (workshop, board id[, zone id])
PRIORITY_BOARD = {"strategi": "strategi-2", "grus": "grus-2"}  # where the dot vote chooses
STRATEGY_BOARD = "strategi-2"  # the strategy's chosen focus areas (before the plan is written)
GRUS_IMPORT_BOARD = "grus-1"  # where fetched focus areas land in a GRUS
GRUS_IMPORT_ZONE = "strategiens-omraader"  # »Kompetencestrategiens indsatsområder for os«
GRUS_FEEDBACK_BOARD = "grus-3"  # where the group writes to SU
GRUS_FEEDBACK_ZONE = "til-su"  # »Tilbagemelding til SU«


def seed_board(workshop: str) -> str:
    return PRIORITY_BOARD[workshop]
