"""Every limit the workshop model enforces, in one place.

Texts: each text field has a maximum length that the file loader, the model's setters and the
GUI's inputs all use (widgets call setMaxLength / trim to the same constant). Lists: limits a real
workshop never reaches (a full-day workshop makes a few hundred post-its), so hitting one means a
broken or hostile file, and it is refused with a Danish message instead of freezing the app.
Sizes: a post-it must be big enough to hold its padding and the dot line.
"""

from __future__ import annotations

# --- texts (characters) -------------------------------------------------------------------
MAX_ID_LENGTH = 64  # note, cluster, row, group and board ids
MAX_LINE_TEXT = 500  # one-line fields: title, workplace, group, leader, participant, cluster name
MAX_NAME_TEXT = 200  # a cluster's name, a participant's name
MAX_CELL_TEXT = 5_000  # one cell of a plan table (goal, activity, who …)
MAX_PLAN_TEXT = 50_000  # a plan text box: principles, roles, MUS themes, SU feedback, conclusions
MAX_NOTE_TEXT = 100_000  # a post-it (pasted text is cut here)
MAX_PATH_TEXT = 4_096  # a file name stored in the workshop (GRUS source files)

# --- list lengths -------------------------------------------------------------------------
MAX_NOTES = 5_000  # post-its in one workshop
MAX_CLUSTERS = 1_000
MAX_PLAN_ROWS = 500  # indsatsområder, GRUS plan rows, rows of one evaluated group
MAX_PARTICIPANTS = 500
MAX_EVALUATION_GROUPS = 500  # GRUS files SU can fetch into one evaluation
MAX_LINKS = 100  # focus areas linked from one plan row; SU post-its of one group
MAX_TIMER_LOG = 5_000  # finished agenda steps
MAX_CARD_DECKS = 100  # card-progress entries (one per board)

# --- post-it sizes (board units) ----------------------------------------------------------
# The text box is the note minus 10 padding each side and 18 for the dot line: at 60 x 60 it is
# still 40 x 22, room for one word at the smallest font.
MIN_NOTE_W = 60.0
MIN_NOTE_H = 60.0
MAX_NOTE_SIZE = 5_000.0
MAX_COORDINATE = 1e6

# Danish words for list limits, as the refusal names them.
LIST_LABELS = {
    "notes": ("post-its", MAX_NOTES),
    "clusters": ("klynger", MAX_CLUSTERS),
    "participants": ("deltagere", MAX_PARTICIPANTS),
    "focus_areas": ("indsatsområder", MAX_PLAN_ROWS),
    "rows": ("planrækker", MAX_PLAN_ROWS),
    "groups": ("grupper i evalueringen", MAX_EVALUATION_GROUPS),
    "timer_log": ("afsluttede dagsordenspunkter", MAX_TIMER_LOG),
}


def too_many(what: str, count: int) -> str:
    """The Danish refusal for a list limit: 'for mange post-its (5.001; grænsen er 5.000)'."""
    label, limit = LIST_LABELS[what]
    return f"for mange {label} ({count:,}; grænsen er {limit:,})".replace(",", ".")
