"""What differs between Linux, Windows and macOS, tested here on Linux: stored paths written on
another system, the font fallback, line endings, a .kdlg handed over by Finder or the command line.
The workflow (.github/workflows/build.yml) runs the same tests on real Windows and macOS."""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath

import pytest

from kompetencedialog_desktop.model.loop import evaluation_group, source_candidates, source_key, source_name
from kompetencedialog_desktop.model.project import Project

WIN = r"C:\Users\Anna\OneDrive\GRUS\Team-Nord.kdlg"


# --- GRUS paths stored by the loop -----------------------------------------------------------
@pytest.mark.parametrize("other", [
    r"c:\users\anna\onedrive\grus\team-nord.kdlg",  # Windows ignores case
    "C:/Users/Anna/OneDrive/GRUS/Team-Nord.kdlg",  # and takes / for \
    r"C:\Users\Anna\OneDrive\\GRUS\Team-Nord.kdlg",  # doubled separator
])
def test_windows_spellings_of_one_file_are_one_source(other):
    assert source_key(WIN) == source_key(other)


def test_windows_paths_to_different_files_stay_different():
    assert source_key(WIN) != source_key(r"D:\Users\Anna\OneDrive\GRUS\Team-Nord.kdlg")
    assert source_key(r"\\server\share\GRUS\a.kdlg") != source_key(r"\\server\other\GRUS\a.kdlg")


def test_posix_paths_keep_their_case():
    assert source_key("/home/anna/GRUS/Team-Nord.kdlg") != source_key("/home/anna/grus/team-nord.kdlg")
    assert source_key("/home/anna//GRUS/./a.kdlg") == source_key("/home/anna/GRUS/a.kdlg")


@pytest.mark.parametrize("stored, name", [
    (WIN, "Team-Nord.kdlg"),
    (r"\\server\share\GRUS\Team Syd.kdlg", "Team Syd.kdlg"),
    ("/Users/anna/Documents/GRUS/Team Vest.kdlg", "Team Vest.kdlg"),
])
def test_file_name_of_a_path_from_either_system(stored, name):
    assert source_name(stored) == name


def test_a_windows_path_is_looked_for_beside_the_strategy_too(tmp_path):
    candidates = source_candidates(WIN, tmp_path)
    assert candidates[0] == Path(WIN) and candidates[-1] == tmp_path / "Team-Nord.kdlg"
    assert source_candidates(str(tmp_path / "a.kdlg"), tmp_path) == [tmp_path / "a.kdlg"]  # not twice


def test_evaluation_group_stores_the_path_as_its_system_writes_it():
    group = evaluation_group(Project(workshop="grus", group="Team Nord"), PureWindowsPath(WIN))
    assert group.source_file == WIN


def _evaluation_with_windows_paths(tmp_path, example):
    """A strategy saved on Windows, its GRUS files fetched from C:\\…, the folder then copied here."""
    from kompetencedialog_desktop.storage.project_file import save_project

    strategy_path = tmp_path / "strategi.kdlg"
    groups = []
    for name in ("Team Nord", "Team Syd"):
        grus = Project(workshop="grus", title=f"GRUS {name}", group=name)
        grus.plan.su_feedback = f"{name} før"
        file_name = f"{name.replace(' ', '-')}.kdlg"
        groups.append(evaluation_group(grus, PureWindowsPath(r"C:\Users\Anna\GRUS") / file_name))
        grus.plan.su_feedback = f"{name} efter"
        save_project(grus, tmp_path / file_name)
    groups[0].mus_summary = "Opsamling fra MUS"
    example.evaluation.groups = groups
    save_project(example, strategy_path)
    return strategy_path


def test_refresh_finds_grus_files_from_windows_beside_the_strategy(qtbot, tmp_path, example):
    from tests.conftest import open_window

    strategy_path = _evaluation_with_windows_paths(tmp_path, example)
    win = open_window(qtbot)
    try:
        assert win.files.open(strategy_path)
        win.evaluation_page.refresh_from_files()  # no error dialog: conftest fails on one
        groups = win.files.document.project.evaluation.groups
        assert [g.su_feedback for g in groups] == ["Team Nord efter", "Team Syd efter"]
        assert groups[0].mus_summary == "Opsamling fra MUS"  # kept: the same group, not a new one
        assert groups[0].source_file == r"C:\Users\Anna\GRUS\Team-Nord.kdlg"
    finally:
        win.files.document.forget_changes()
        win.close()


def test_fetching_the_same_windows_file_spelled_otherwise_replaces_the_group(qtbot, tmp_path, example):
    from tests.conftest import open_window

    strategy_path = _evaluation_with_windows_paths(tmp_path, example)
    win = open_window(qtbot)
    try:
        assert win.files.open(strategy_path)
        again = evaluation_group(Project(workshop="grus", group="Team Nord"), PureWindowsPath(r"c:/users/anna/grus/TEAM-NORD.kdlg"))
        win.evaluation_page._merge([again], "Hent igen")
        merged = win.files.document.project.evaluation.groups
        assert len(merged) == 2 and merged[0].mus_summary == "Opsamling fra MUS"
    finally:
        win.files.document.forget_changes()
        win.close()


# --- a .kdlg handed over by the system -------------------------------------------------------
@pytest.fixture
def saved_example(tmp_path, example):
    from kompetencedialog_desktop.storage.project_file import save_project

    path = tmp_path / "mappe med mellemrum" / "Æblegruppens workshop.kdlg"
    path.parent.mkdir()
    save_project(example, path)
    return path


def _main_windows():
    from PySide6.QtWidgets import QApplication

    from kompetencedialog_desktop.ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_a_file_on_the_command_line_opens_in_the_window(qtbot, saved_example, monkeypatch):
    """Windows' and Linux' file association start `kompetencedialog FILE`."""
    import sys

    from PySide6.QtWidgets import QApplication

    from kompetencedialog_desktop.cli import main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its dialog hook
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # return instead of running the loop
    before = set(map(id, _main_windows()))
    assert main([str(saved_example)]) == 0
    [win] = [w for w in _main_windows() if id(w) not in before]
    try:
        assert win.files.document.path == saved_example
    finally:
        win.files.document.forget_changes()
        win.close()


def test_a_file_opened_from_finder_opens_in_the_window(qtbot, saved_example):
    """macOS: the double-clicked file arrives as a QFileOpenEvent on the application."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from kompetencedialog_desktop.ui.file_open_events import open_files_from_system
    from tests.conftest import open_window

    app = QApplication.instance()
    win = open_window(qtbot)
    handler = open_files_from_system(app, win)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(saved_example)))
        qtbot.waitUntil(lambda: win.files.document is not None and win.files.document.path == saved_example)
    finally:
        app.removeEventFilter(handler)
        if win.files.document:
            win.files.document.forget_changes()
        win.close()


# --- fonts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("platform, first", [("win32", "Segoe UI"), ("darwin", "Helvetica Neue"), ("linux", "DejaVu Sans")])
def test_each_system_tries_its_own_font_first(platform, first):
    from kompetencedialog_desktop.ui.theme import font_families

    families = font_families(platform)
    assert families[0] == first and "DejaVu Sans" in families and len(families) == len(set(families))


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_board_and_widget_fonts_fall_back_through_the_list(qtbot, monkeypatch, platform):
    """Faked here: the list for that system; the font Qt resolves is one of the listed families
    (on this Linux machine DejaVu Sans), not whatever Qt substitutes for an unknown name."""
    import sys

    from PySide6.QtGui import QFont, QFontInfo

    from kompetencedialog_desktop.ui import theme

    monkeypatch.setattr(sys, "platform", platform)
    for f in (theme.board_font(12), theme.font(10, bold=True)):
        assert f.families() == theme.font_families(platform)
        assert f.styleHint() == QFont.StyleHint.SansSerif
        assert QFontInfo(f).family() in theme.font_families(platform)


@pytest.mark.skipif(sys.platform not in ("win32", "darwin"), reason="the real system font: in the workflow's Windows and macOS jobs")
def test_the_system_font_is_really_used(qtbot):
    from PySide6.QtGui import QFontInfo

    from kompetencedialog_desktop.ui import theme

    expected = {"win32": "Segoe UI", "darwin": "Helvetica Neue"}[sys.platform]
    assert QFontInfo(theme.board_font(12)).family() == expected


# --- line endings ------------------------------------------------------------------------------
def test_every_file_the_program_writes_has_unix_line_endings_even_on_windows(tmp_path, monkeypatch, example, capsys):
    """Decision: LF everywhere (JSON and Markdown alike; Notepad, Word and every editor read LF), so
    a file is byte-identical whichever laptop saved it and a sync client sees no change.
    Faked here: text-mode writes translate \\n to \\r\\n, as they do on Windows. Writers that write
    bytes are unaffected; one that wrote text would show up as \\r\\n."""
    import builtins
    import io

    real_open = io.open

    def windows_open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
        if "b" not in mode and any(m in mode for m in "wax") and newline is None:
            newline = "\r\n"
        return real_open(file, mode, buffering, encoding, errors, newline, closefd, opener)

    monkeypatch.setattr(io, "open", windows_open)
    monkeypatch.setattr(builtins, "open", windows_open)
    probe = tmp_path / "probe.txt"
    probe.write_text("a\nb\n", encoding="utf-8")
    assert probe.read_bytes() == b"a\r\nb\r\n"  # the fake works

    from kompetencedialog_desktop.cli import main
    from kompetencedialog_desktop.storage import lock, settings
    from kompetencedialog_desktop.storage.autosave import AutosaveStore, SnapshotInfo
    from kompetencedialog_desktop.storage.project_file import dump_project, save_project

    written = []
    project = tmp_path / "ws.kdlg"
    save_project(example, project)
    save_project(example, project)  # second save: the .bak as well
    written += [project, tmp_path / "ws.kdlg.bak"]
    assert main(["content", "--workshop", "grus", "-o", str(tmp_path / "indhold.md")]) == 0
    written.append(tmp_path / "indhold.md")
    assert main(["new", "--workshop", "grus", "-o", str(tmp_path / "ny.kdlg")]) == 0
    written.append(tmp_path / "ny.kdlg")
    monkeypatch.setattr(settings, "_settings_path", lambda: tmp_path / "config" / "settings.json")
    settings.save_settings({"recent": [str(project)], "note": "to\nlinjer"})
    written.append(settings._settings_path())
    store = AutosaveStore(tmp_path / "autosave")
    store.write("kort", dump_project(example), SnapshotInfo.of(example), project)
    written += sorted((tmp_path / "autosave").iterdir())
    lock.acquire(project)
    written.append(lock.lock_path(project))
    capsys.readouterr()
    assert len(written) >= 8
    for path in written:
        data = path.read_bytes()
        assert b"\r" not in data, path.name
    assert b"\n" in (tmp_path / "indhold.md").read_bytes() and b"\n" in project.read_bytes()


# --- the Linux bundle's smaller ICU data -------------------------------------------------------
def _trim_icu():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging" / "linux"))
    import trim_icu

    return trim_icu


@pytest.mark.parametrize("item, dropped", [
    ("da.res", False), ("da_DK.res", False), ("en_US_POSIX.res", False), ("root.res", False),
    ("coll/da.res", False), ("zone/en_GB.res", False), ("res_index.res", False), ("coll/pool.res", False),
    ("supplementalData.res", False), ("zoneinfo64.res", False), ("brkitr/thaidict.dict", False),
    ("coll/ucadata.icu", False), ("nfkc.nrm", False), ("cnvalias.icu", False),
    ("de.res", True), ("coll/de_.res", True), ("zone/zh_Hant_TW.res", True), ("ibm-1047_P100-1995.cnv", True),
    ("translit/root.res", True), ("rbnf/da.res", True), ("haw.res", True),
])
def test_icu_items_kept_and_dropped(item, dropped):
    assert _trim_icu().is_dropped(item) is dropped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt uses the system's ICU on Windows and macOS")
def test_trimmed_icu_sorts_and_names_in_danish_as_the_full_one(tmp_path):
    """The bundle's ICU against the wheel's: same Danish and English collation, case mapping and
    Danish time-zone names (LD_LIBRARY_PATH wins over Qt's RUNPATH, so the child loads ours)."""
    import os
    import subprocess

    import PySide6

    trim_icu = _trim_icu()
    if trim_icu.missing_tools():
        pytest.skip(f"needs {', '.join(trim_icu.missing_tools())} (scripts/build_bundle.sh installs them)")
    [library] = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*[0-9]")
    small = trim_icu.trim(library, tmp_path / "icu")
    assert small.stat().st_size < library.stat().st_size / 3
    probe = (
        "from PySide6.QtCore import QCollator, QLocale, QTimeZone\n"
        "maps = open('/proc/self/maps').read()\n"
        "print(sorted({l.split()[-1] for l in maps.splitlines() if 'libicudata' in l}))\n"
        "words = ['Åse', 'Zebra', 'Ærø', 'Øster', 'Anders', 'Aase', 'æble', 'bøf']\n"
        "for name in ('da_DK', 'en_US'):\n"
        "    print(sorted(words, key=QCollator(QLocale(name)).sortKey))\n"
        "print(QLocale('da_DK').toUpper('æblegrød straße'))\n"
        "tz = QTimeZone(b'Europe/Copenhagen')\n"
        "print(tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale('da_DK')))\n"
    )

    def run(extra_env):
        env = {**os.environ, **extra_env}
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
        assert out.returncode == 0, out.stderr
        return out.stdout.splitlines()

    full = run({})
    trimmed = run({"LD_LIBRARY_PATH": str(small.parent)})
    assert trimmed[0] == f"['{small}']" and full[0] != trimmed[0]
    assert trimmed[1:] == full[1:]
    assert trimmed[1] == "['Anders', 'bøf', 'Zebra', 'æble', 'Ærø', 'Øster', 'Åse', 'Aase']"  # Danish: æ ø å last, aa = å
    assert trimmed[4] == "Centraleuropæisk normaltid"


# --- packaging files (built for real in the workflow's Windows and macOS jobs) ------------------
PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def test_windows_version_resource_carries_the_package_version(tmp_path):
    sys.path.insert(0, str(PACKAGING))
    sys.path.insert(0, str(PACKAGING / "windows"))
    from version import app_version, version_tuple
    from version_info import version_info_text

    from kompetencedialog_desktop import __version__

    assert app_version() == __version__
    assert version_tuple("0.2.0") == (0, 2, 0, 0) and version_tuple("1.10.3rc1") == (1, 10, 3, 0)
    text = version_info_text(__version__, version_tuple(__version__))
    import ast

    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates the file as one expression
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    assert calls == {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
                     "VarFileInfo", "VarStruct"}
    assert f"filevers={version_tuple(__version__)}" in text and f"'ProductVersion', '{__version__}'" in text
    if sys.platform == "win32":  # PyInstaller's reader needs the Windows API
        from PyInstaller.utils.win32 import versioninfo

        path = tmp_path / "version_info.txt"
        path.write_text(text, encoding="utf-8")
        info = versioninfo.load_version_info_from_text_file(str(path))
        assert info.ffi.fileVersionMS >> 16 == version_tuple(__version__)[0]


def test_installer_is_per_user_only():
    script = (PACKAGING / "windows" / "kompetencedialog.iss").read_text(encoding="utf-8")
    entries = ("Name:", "Root:", "Source:", "Filename:")  # [Files]/[Registry] lines, not settings
    settings = dict(line.split("=", 1) for line in script.splitlines() if "=" in line and not line.startswith((";", *entries)))
    assert settings["PrivilegesRequired"] == "lowest" and "PrivilegesRequiredOverridesAllowed" not in settings
    assert settings["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs without admin
    roots = {line.split(";")[0] for line in script.splitlines() if line.startswith("Root:")}
    assert roots == {"Root: HKCU"}  # no HKLM, no HKCR: nothing that needs an administrator
    assert r'shell\open\command' in script and '"%1"' in script and "{autoprograms}" in script


def test_platform_icons_are_there_and_complete():
    import struct

    ico = (PACKAGING / "windows" / "kompetencedialog.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}  # width byte; 0 means 256
    assert (reserved, kind) == (0, 1) and {16, 32, 48, 256} <= sizes
    icns = (PACKAGING / "macos" / "kompetencedialog.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    chunks, offset = set(), 8
    while offset < len(icns):
        chunks.add(icns[offset:offset + 4])
        offset += struct.unpack(">I", icns[offset + 4:offset + 8])[0]
    assert {b"ic10", b"ic07"} <= chunks  # 1024 (512@2x) and 128 px: Finder and the Dock


# --- file names suggested from a workshop's title ------------------------------------------------
@pytest.mark.parametrize("title, name", [
    ("Kompetencestrategi 2027-2029", "Kompetencestrategi 2027-2029"),
    ("Strategi 2027/2029: SU?", "Strategi 2027-2029- SU-"),
    ('GRUS "Team Nord" <Aarhus>*', "GRUS -Team Nord- -Aarhus--"),
    ("Slutter med punktum. ", "Slutter med punktum"),
    ("CON", "CON-workshop"), ("nul.txt", "nul.txt-workshop"), ("", "workshop"), ("...", "workshop"),
])
def test_a_title_becomes_a_file_name_windows_accepts(title, name):
    from kompetencedialog_desktop.paths import safe_file_name

    assert safe_file_name(title) == name
    assert PureWindowsPath(f"C:/x/{name}.kdlg").name == f"{name}.kdlg"  # one name, no folder


def test_save_as_suggests_a_windows_safe_name(qtbot, monkeypatch, example):
    from kompetencedialog_desktop.ui import dialogs
    from tests.conftest import open_window

    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggestion: asked.append(suggestion))
    win = open_window(qtbot)
    try:
        win.files.new("strategi")
        win.files.document.project.title = "Strategi 2027/2029: SU"
        assert win.files.save_as() is False
        # In the last used folder (the home folder when there is none), with a name Windows accepts.
        assert Path(asked[0]) == dialogs.start_folder() / "Strategi 2027-2029- SU.kdlg"
    finally:
        win.files.document.forget_changes()
        win.close()
