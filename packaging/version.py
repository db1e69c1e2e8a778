"""The package version for the build files (spec, Inno Setup), read without importing the app."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def app_version() -> str:
    text = (ROOT / "src" / "kompetencedialog_desktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: "0.2.0" -> (0, 2, 0, 0); "1.0rc1" -> (1, 0, 0, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("rc")[0].split("a")[0].split("b")[0])]
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


if __name__ == "__main__":  # the workflow passes it to Inno Setup: ISCC /DAppVersion=…
    print(app_version())
