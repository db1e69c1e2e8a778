"""Where an export may be written: never onto its own input (also not through a link or a hard
link) and never over a workshop file (.kdlg) or its backup (.kdlg.bak). A refusal is one Danish line; nothing is written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .atomic import real_target
from .errors import shown_name
from .project_file import FILE_SUFFIX, ProjectFileError

BACKUP_SUFFIX = FILE_SUFFIX + ".bak"


class OutputRefused(ProjectFileError):
    """str() is the message for the user."""


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(output: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    out = Path(output)
    for source in inputs:
        if same_file(out, Path(source)):
            raise OutputRefused(f"»{shown_name(out)}« er workshoppens egen fil; vælg et andet navn til eksporten. "
                                "Intet er skrevet.")
    names = (out.name.lower(), real_target(out).name.lower())
    if any(name.endswith(FILE_SUFFIX) for name in names):
        raise OutputRefused(f"»{shown_name(out)}« er en projektfil (.kdlg), og en eksport må ikke overskrive en "
                            "workshop; vælg et navn med den rigtige endelse. Intet er skrevet.")
    if any(name.endswith(BACKUP_SUFFIX) for name in names):  # the workshop's only older copy
        raise OutputRefused(f"»{shown_name(out)}« er sikkerhedskopien af en workshop (.kdlg.bak), og en eksport må "
                            "ikke overskrive den; vælg et navn med den rigtige endelse. Intet er skrevet.")
