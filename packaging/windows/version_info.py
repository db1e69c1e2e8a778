"""The Windows version resource of kompetencedialog.exe (Explorer's Properties > Details), as the
text PyInstaller's `version=` reads. The spec writes it from the package version at build time."""

from __future__ import annotations


def version_info_text(version: str, numbers: tuple[int, int, int, int]) -> str:
    strings = {
        "CompanyName": "Kompetencedialog",
        "FileDescription": "Kompetencedialog Desktop",
        "FileVersion": version,
        "InternalName": "kompetencedialog",
        "LegalCopyright": "MIT-licens",
        "OriginalFilename": "kompetencedialog.exe",
        "ProductName": "Kompetencedialog Desktop",
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040604B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0406, 1200])])
  ]
)
"""
