"""A label for the narrow facilitator panel: it wraps, also inside a long Danish compound
("medarbejdersammensætning" breaks as "medarbejder-sammensætning"), and it never asks for
more width than its column has."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel

SOFT_HYPHEN = "\u00ad"
LONG_WORD = 12  # shorter words fit any column; hyphenating them only makes the text restless
_WORD = re.compile(r"[^\W\d_]{%d,}" % LONG_WORD)
_RUN = re.compile(r"\S{%d,}" % (2 * LONG_WORD))


@lru_cache(maxsize=1)
def _danish():
    try:
        import pyphen

        return pyphen.Pyphen(lang="da_DK")
    except Exception:  # dictionary missing from a bundle: breaks anywhere instead (below)
        return None


@lru_cache(maxsize=2048)
def breakable(text: str) -> str:
    """`text` with soft hyphens in long words (Qt shows a hyphen only where a line breaks), and a
    zero-width break in any still longer run without one (a web address)."""
    dic = _danish()
    if dic is not None:
        text = _WORD.sub(lambda m: dic.inserted(m.group(0), hyphen=SOFT_HYPHEN), text)

    def split(match: re.Match) -> str:
        run = match.group(0)
        pieces, start = [], 0
        for i, char in enumerate(run):
            if char in (SOFT_HYPHEN, "-", "/"):
                start = i
            elif i - start >= LONG_WORD:
                pieces.append("\u200b")
                start = i
            pieces.append(char)
        return "".join(pieces)

    return _RUN.sub(split, text)


class WrapLabel(QLabel):
    """A word-wrapped plain-text label that breaks long words and never forces its column wider."""

    MIN_WIDTH = 60

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(breakable(text))

    def text(self) -> str:
        """The text as given (without the break marks)."""
        return super().text().replace(SOFT_HYPHEN, "").replace("\u200b", "")

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.MIN_WIDTH), hint.height())
