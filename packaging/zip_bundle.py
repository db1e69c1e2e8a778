"""Zip a built bundle folder for download: `python packaging/zip_bundle.py FOLDER OUT.zip`.

Symlinks stay symlinks (PyInstaller links Qt's libraries from _internal/ into PySide6/ on Linux
and macOS; following them would put ICU's 30 MB into the zip twice), and the executable bit is
kept, so `unzip` gives back the folder exactly. Prints the zipped size."""

from __future__ import annotations

import os
import stat
import sys
import zipfile
from pathlib import Path


def zip_folder(folder: Path, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3  # Unix: unzip reads the mode, and S_IFLNK means a link
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, os.readlink(path))
            elif path.is_file() or path.is_dir():
                archive.write(path, name)
    return out.stat().st_size


if __name__ == "__main__":
    folder, out = Path(sys.argv[1]), Path(sys.argv[2])
    size = zip_folder(folder, out)
    print(f"{out}: {size / 1e6:.1f} MB zipped")
