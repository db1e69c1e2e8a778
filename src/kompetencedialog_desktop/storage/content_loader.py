"""Load and validate the content under resources/ (boards and card decks)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from ..model.content import WORKSHOP_KINDS, BoardDefinition, CardDeck, WorkshopContent
from ..model.roles import check_roles
from ..paths import resources_dir
from .content_cache import cached_model
from .errors import describe_validation_error

if TYPE_CHECKING:  # imported where used, so loading boards does not load every schema
    from ..model.guide import FacilitatorGuide
    from ..model.templates import DocumentTemplate, LoopTemplates

M = TypeVar("M", bound=BaseModel)


class ContentError(Exception):
    """A content file is missing or malformed; the message names the file and the field."""


def load_json_model(path: Path, model: type[M]) -> M:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError(f"{path.name}: kan ikke læses ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ContentError(f"{path.name}: er ikke UTF-8-tekst") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ContentError(f"{path.name}: ugyldig JSON i linje {exc.lineno}, kolonne {exc.colno}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError(f"{path.name}: {describe_validation_error(exc)}") from None


def load_workshop_content(workshop: str, root: Path | None = None) -> WorkshopContent:
    """The three boards of a workshop and their card decks, checked against each other."""
    if workshop not in WORKSHOP_KINDS:
        raise ContentError(f"ukendt workshop: {workshop}")
    root = root or resources_dir()
    boards = []
    for path in sorted((root / "boards").glob(f"{workshop}-*.json")):
        board = load_json_model(path, BoardDefinition)
        if board.workshop != workshop or board.id != path.stem:
            raise ContentError(f"{path.name}: feltet id/workshop passer ikke med filnavnet")
        boards.append(board)
    if [b.number for b in boards] != [1, 2, 3]:
        raise ContentError(f"boards/{workshop}-*.json: der skal være præcis dialogplade 1, 2 og 3")
    role_problems = check_roles(workshop, boards)
    if role_problems:
        raise ContentError(f"boards/{workshop}-*.json: {'; '.join(role_problems)}")
    decks: dict[str, CardDeck] = {}
    for board in boards:
        path = root / "cards" / f"{board.id}.json"
        if not path.exists():
            continue  # a board may be used without cards
        deck = load_json_model(path, CardDeck)
        zone_ids = {z.id for z in board.zones}
        if deck.board != board.id:
            raise ContentError(f"{path.name}: feltet board er '{deck.board}', men skal være '{board.id}'")
        for i, card in enumerate(deck.cards):
            bad = [z for z in card.zones if z not in zone_ids]
            if bad:
                raise ContentError(f"{path.name}: feltet cards[{i}].zones: ukendt zone {', '.join(bad)}")
        decks[board.id] = deck
    return WorkshopContent(workshop=workshop, boards=tuple(boards), decks=decks)


def _content_files(workshop: str, root: Path) -> list[Path]:
    boards = sorted((root / "boards").glob(f"{workshop}-*.json"))
    return boards + [p for p in (root / "cards" / f"{b.stem}.json" for b in boards) if p.exists()]


@lru_cache(maxsize=4)
def workshop_content(workshop: str) -> WorkshopContent:
    """Cached content from the installed resources (content never changes while running).
    Validated once per content version; see content_cache.py."""
    if workshop not in WORKSHOP_KINDS:
        return load_workshop_content(workshop)  # raises the usual error
    root = resources_dir()
    return cached_model(f"content-{workshop}", _content_files(workshop, root), WorkshopContent,
                        lambda: load_workshop_content(workshop, root))


def load_example(workshop: str, root: Path | None = None) -> dict:
    """The example workshop's raw data (resources/examples/WORKSHOP.json)."""
    path = (root or resources_dir()) / "examples" / f"{workshop}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"{path.name}: eksemplet kan ikke læses ({exc})") from None


@lru_cache(maxsize=4)
def document_template(workshop: str, root: Path | None = None) -> "DocumentTemplate":
    """The fixed texts of a workshop's Word document, checked for every section it needs."""
    from ..model.templates import REQUIRED_COLUMNS, REQUIRED_SECTIONS, DocumentTemplate

    path = (root or resources_dir()) / "templates" / f"{workshop}.json"
    template = load_json_model(path, DocumentTemplate)
    missing = REQUIRED_SECTIONS[workshop] - set(template.sections)
    if missing:
        raise ContentError(f"{path.name}: feltet sections mangler {', '.join(sorted(missing))}")
    for key, count in REQUIRED_COLUMNS[workshop].items():
        if len(template.columns.get(key, [])) != count:
            raise ContentError(f"{path.name}: feltet columns.{key} skal have {count} kolonner")
    return template


@lru_cache(maxsize=4)
def facilitator_guide(workshop: str, root: Path | None = None) -> "FacilitatorGuide":
    """The workshop's agenda variants, checked against its boards and cards."""
    from ..model.guide import FacilitatorGuide

    if root is None and workshop in WORKSHOP_KINDS:  # the installed guide: validated once per version
        base = resources_dir()
        files = [base / "guides" / f"{workshop}.json", *_content_files(workshop, base)]
        return cached_model(f"guide-{workshop}", files, FacilitatorGuide, lambda: _load_guide(workshop, None))
    return _load_guide(workshop, root)


def _load_guide(workshop: str, root: Path | None) -> "FacilitatorGuide":
    from ..model.guide import FacilitatorGuide

    path = (root or resources_dir()) / "guides" / f"{workshop}.json"
    guide = load_json_model(path, FacilitatorGuide)
    # The installed content is loaded and checked once per run (workshop_content's cache).
    content = workshop_content(workshop) if root is None else load_workshop_content(workshop, root)
    cards = {card.id for deck in content.decks.values() for card in deck.cards}
    boards = {b.id for b in content.boards}
    for v, variant in enumerate(guide.variants):
        for s, step in enumerate(variant.steps):
            if step.board is not None and step.board not in boards:
                raise ContentError(f"{path.name}: feltet variants[{v}].steps[{s}].board: ukendt plade {step.board}")
            unknown = [c for c in step.cards if c not in cards]
            if unknown:
                raise ContentError(f"{path.name}: feltet variants[{v}].steps[{s}].cards: ukendte kort {', '.join(unknown)}")
    return guide


@lru_cache(maxsize=1)
def loop_templates(root: Path | None = None) -> "LoopTemplates":
    """Texts of the MUS lead-in and SU's evaluation report."""
    from ..model.templates import LoopTemplates

    return load_json_model((root or resources_dir()) / "templates" / "loop.json", LoopTemplates)
