"""Make the Windows .ico and the macOS .icns from the PNGs that scripts/make_icons.py renders from
the SVG. Run after changing the icon (needs Pillow): .venv/bin/python packaging/make_platform_icons.py
The two files are committed, so a build needs neither Pillow nor this script."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
ICO = ROOT / "packaging" / "windows" / "kompetencedialog.ico"
ICNS = ROOT / "packaging" / "macos" / "kompetencedialog.icns"


def main() -> None:
    big = Image.open(ICONS / "kompetencedialog-512.png").convert("RGBA")
    # Each size from its own rendering of the SVG (sharper than scaling one down).
    sizes = [16, 24, 32, 48, 64, 128, 256]
    frames = {s: Image.open(ICONS / f"kompetencedialog-{s}.png").convert("RGBA") if (ICONS / f"kompetencedialog-{s}.png").exists()
              else big.resize((s, s), Image.Resampling.LANCZOS) for s in sizes}
    frames[256].save(ICO, format="ICO", sizes=[(s, s) for s in sizes], append_images=[frames[s] for s in sizes[:-1]])
    big.save(ICNS, format="ICNS", append_images=[frames[s] for s in (16, 32, 64, 128, 256)])
    for path in (ICO, ICNS):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
