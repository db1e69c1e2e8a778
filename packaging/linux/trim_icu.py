"""A smaller ICU data library for the Linux bundle: the same libicudata.so.NN with the data of
Danish, English and the root locale only.

Why: the PySide6 wheel's QtCore links ICU on Linux (libicui18n, libicuuc, libicudata: NEEDED, so
they cannot simply go), and libicudata is 31 MB of data for 800 locales, 190 legacy character
converters and CJK/Thai/Khmer dictionaries. Qt uses ICU for collation, locale-aware case mapping,
legacy text codecs and time-zone display names; the app sets QLocale to Danish, reads and writes
UTF-8 only (built into ICU, no data), and Qt's own CLDR tables format dates and numbers. So the
trimmed data keeps every non-locale item (Unicode properties, normalisation, break rules, zone
rules, plural rules …), root, da* and en* (the fallback chain of "da" and of an English system),
and drops the other locales, the converter tables, transliteration and spelled-out-number rules
(the word-break dictionaries stay: the root break rules refer to them, and icupkg checks that).
Used by kompetencedialog.spec on Linux only: Qt on Windows and macOS
uses the system's ICU.

Needs binutils (readelf), icu-devtools (icupkg) and gcc; scripts/build_bundle.sh
installs them. Without them the spec keeps the full library and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_LOCALES = re.compile(r"^(root|da|en)(_[A-Za-z0-9]+)*$")
NOT_LOCALES = {"res_index", "pool"}  # look like locale names but hold the index and shared keys
DROP_TREES = ("translit/", "rbnf/")
DROP_SUFFIXES = (".cnv",)
TOOLS = ("readelf", "icupkg", "gcc")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol: the whole ICU data package."""
    symbols = _run("readelf", "-Ws", str(library))
    match = re.search(r"^\s*\d+: ([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+) (icudt\d+_dat)$", symbols, re.M)
    if not match:
        raise ValueError(f"no icudt*_dat symbol in {library}")
    address, size, section, name = int(match[1], 16), int(match[2], 0), int(match[3]), match[4]
    for line in _run("readelf", "-SW", str(library)).splitlines():
        head = re.match(r"\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+) ([0-9a-f]+)", line)
        if head and int(head[1]) == section:
            return name, address - int(head[2], 16) + int(head[3], 16), size
    raise ValueError(f"section {section} not found in {library}")


def is_dropped(item: str) -> bool:
    if item.endswith(DROP_SUFFIXES) or item.startswith(DROP_TREES):
        return True
    stem = item.rsplit("/", 1)[-1]
    if not stem.endswith(".res"):
        return False
    stem = stem[: -len(".res")]
    looks_like_locale = re.fullmatch(r"[a-z]{2,3}(_[A-Za-z0-9]*)*", stem) is not None
    return looks_like_locale and stem not in NOT_LOCALES and not KEEP_LOCALES.match(stem)


def trim(library: Path, work: Path) -> Path:
    """Build the trimmed library in `work`; returns its path (same file name and soname)."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _data_symbol(library)
    entry = symbol[: -len("_dat")]  # icudt73
    # icupkg takes the package's item prefix (icudt73l) from the file name.
    (work / "full").mkdir(exist_ok=True)
    full = work / "full" / f"{entry}l.dat"
    with open(library, "rb") as handle:
        handle.seek(offset)
        full.write_bytes(handle.read(size))
    items = _run("icupkg", "-l", str(full)).split()
    dropped = [item for item in items if is_dropped(item)]
    (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="utf-8")
    small = work / f"{entry}l.dat"
    _run("icupkg", "-r", str(work / "drop.txt"), str(full), str(small))
    # The library is nothing but the package under the symbol libicuuc looks for (as ICU's own
    # build makes it); an assembler .incbin needs no ICU headers.
    assembly = work / "icudata.S"
    assembly.write_text(
        f"""    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{small}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack, "", @progbits
""", encoding="utf-8")
    out = work / library.name
    _run("gcc", "-shared", "-nostdlib", "-o", str(out), f"-Wl,-soname,{library.name}", str(assembly))
    print(f"ICU data: kept {len(items) - len(dropped)} of {len(items)} items, "
          f"{library.stat().st_size / 1e6:.1f} MB -> {out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return out


if __name__ == "__main__":
    print(trim(Path(sys.argv[1]), Path(sys.argv[2])))
