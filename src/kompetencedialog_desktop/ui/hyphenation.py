"""Where a Danish word on a post-it may break: pyphen's da_DK patterns, corrected by a small list
of compounds they split wrongly (resources/hyphenation/da.txt), never leaving fewer than three
letters at either end of a word ("om-stilling" is never split)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from ..paths import resources_dir

if TYPE_CHECKING:
    import pyphen

MIN_PART = 3  # letters kept together at the start and at the end of a word
SOFT_HYPHEN = "\u00ad"
_LETTERS = re.compile(r"[^\W\d_]+")
# What a line may not break inside: Qt breaks at spaces and after a hyphen ("IT-|system").
_PIECE = re.compile(r"[^\s\-\u00ad]+-?")


MAX_WORD = 60


@lru_cache(maxsize=1)
def _dictionary() -> "pyphen.Pyphen | None":
    try:
        import pyphen

        return pyphen.Pyphen(lang="da_DK", left=MIN_PART, right=MIN_PART)
    except Exception:  # dictionary missing from a bundle: no hyphens, but never a crash
        return None


@lru_cache(maxsize=1)
def exceptions() -> dict[str, tuple[tuple[int, ...], bool]]:
    """{word beginning in lower case: (its break points, may break after it)}."""
    found: dict[str, tuple[tuple[int, ...], bool]] = {}
    try:
        lines = (resources_dir() / "hyphenation" / "da.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return found
    for line in lines:
        entry = line.strip().lower()
        if not entry or entry.startswith("#"):
            continue
        trailing = entry.endswith("-")
        parts = [p for p in entry.split("-") if p]
        points = tuple(sum(len(p) for p in parts[:i]) for i in range(1, len(parts)))
        found["".join(parts)] = (points, trailing)
    return found


@lru_cache(maxsize=8192)
def _pyphen_points(word: str) -> tuple[int, ...]:
    dic = _dictionary()
    return tuple(dic.positions(word)) if dic is not None else ()


@lru_cache(maxsize=8192)
def break_points(word: str) -> tuple[int, ...]:
    """Positions in `word` (letters only) where it may break, none closer than MIN_PART to an end.
    A word that begins with an entry of the list breaks at the entry's points only (and at
    pyphen's points after the entry). No Danish word is longer than MAX_WORD letters: a longer
    run (a crafted 99,000-letter "word") is not hyphenated, which took pyphen seconds."""
    if len(word) > MAX_WORD:
        return ()
    lower = word.lower()
    stem = max((s for s in exceptions() if lower.startswith(s)), key=len, default="")
    if stem:
        points, trailing = exceptions()[stem]
        rest = [p for p in _pyphen_points(word) if p >= len(stem) + MIN_PART]
        after = [len(stem)] if trailing and len(word) - len(stem) >= 4 else []
        candidates = list(points) + after + rest
    else:
        candidates = list(_pyphen_points(word))
    return tuple(sorted({p for p in candidates if MIN_PART <= p <= len(word) - MIN_PART}))


def _insert(word: str, too_wide: Callable[[str], bool]) -> str:
    """`word` with soft hyphens at its break points; a part still too long for the line (a narrow
    note) also breaks at pyphen's points inside it, rather than anywhere."""
    points = set(break_points(word))
    bounds = sorted({0, len(word)} | points)
    for a, b in zip(bounds, bounds[1:]):
        if too_wide(word[a:b] + ("-" if b < len(word) else "")):
            points.update(p for p in _pyphen_points(word) if a < p < b)
    if not points:
        return word
    bounds = sorted({0, len(word)} | points)
    return SOFT_HYPHEN.join(word[a:b] for a, b in zip(bounds, bounds[1:]))


def pieces(text: str) -> list[str]:
    """The runs of `text` a line cannot break inside unless they are hyphenated."""
    return _PIECE.findall(text)


_UNIT = re.compile(r"[^\s\-\u00ad]+[\-\u00ad]?")


def units(soft_text: str) -> list[str]:
    """What must stand whole on a line of an already hyphenated text: words, and the parts of
    hyphenated words with the hyphen drawn at their end ("Omstillings-")."""
    return [u.replace(SOFT_HYPHEN, "-") for u in _UNIT.findall(soft_text)]


def hyphenate(text: str, too_long: Callable[[str], bool], too_wide: Callable[[str], bool] | None = None,
              memo: dict[str, str] | None = None) -> str:
    """`text` with soft hyphens in the pieces for which too_long(piece) is true, only there. A part
    of such a piece for which too_wide(part + "-") is true (a narrow note) also breaks at
    pyphen's finer points inside it, rather than anywhere. `memo` keeps each piece's result for
    the next texts; the caller gives one memo per (too_long, too_wide) pair only."""
    wide = too_wide or _never

    def piece(match: re.Match[str]) -> str:
        run = match.group(0)
        if memo is not None:
            done = memo.get(run)
            if done is not None:
                return done
        done = _LETTERS.sub(lambda w: _insert(w.group(0), wide), run) if too_long(run) else run
        if memo is not None:
            memo[run] = done
        return done

    return _PIECE.sub(piece, text)


def _never(_: str) -> bool:
    return False
