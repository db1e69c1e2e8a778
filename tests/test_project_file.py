import json
import os

import pytest

from kompetencedialog_desktop.model.project import Note, Project
from kompetencedialog_desktop.storage import atomic
from kompetencedialog_desktop.storage.migrations import CURRENT_SCHEMA_VERSION
from kompetencedialog_desktop.storage.project_file import (
    LoadError,
    SaveError,
    dump_project,
    load_project,
    load_project_with_version,
    save_project,
)

from .conftest import FIXTURES


def test_round_trip_is_equal(example, tmp_path):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    assert load_project(path) == example


def test_file_is_readable_json_with_envelope_first(example, tmp_path):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data)[:3] == ["format", "schema_version", "app_version"]
    assert data["schema_version"] == CURRENT_SCHEMA_VERSION
    assert "Øster" in text  # Danish letters are written as themselves
    assert text.count("\n") > 100  # indented for humans and diffs


def test_same_project_gives_same_bytes_apart_from_time(example):
    a, b = (json.loads(dump_project(example)) for _ in range(2))
    a.pop("saved_at"), b.pop("saved_at")
    assert a == b


def test_second_save_keeps_previous_version_as_bak(example, tmp_path):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    first = path.read_bytes()
    example.title = "Ændret titel"
    save_project(example, path)
    assert (tmp_path / "ws.kdlg.bak").read_bytes() == first
    assert load_project(path).title == "Ændret titel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.kdlg", "ws.kdlg.bak"]


def test_failure_midway_leaves_old_file_intact(example, tmp_path, monkeypatch):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    before = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    example.title = "Aldrig gemt"
    with pytest.raises(SaveError, match="disken er fuld.*uændret"):
        save_project(example, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.kdlg"]  # no temp file left behind


def test_failure_during_rename_leaves_old_file_intact(example, tmp_path, monkeypatch):
    path = tmp_path / "ws.kdlg"
    save_project(example, path)
    before = path.read_bytes()
    real_replace = os.replace

    def failing_replace(src, dst):
        if str(dst) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(SaveError, match="skriveadgang"):
        save_project(example, path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_migration_from_v1_fixture():
    project, version = load_project_with_version(FIXTURES / "v1_strategi.kdlg")
    assert version == 1
    assert project.workshop == "strategi" and project.title == "SU-workshop fra prototypen"
    assert [(n.id, n.board, n.x, n.y, n.colour) for n in project.notes] == [
        ("a1", "strategi-1", 40, 246, "gul"),
        ("a2", "strategi-1", 700, 246, "lyseroed"),
        ("b1", "strategi-2", 1040, 950, "groen"),
    ]
    assert project.note("b1").votes == 5


def test_migrated_file_is_not_touched_by_loading(tmp_path):
    path = tmp_path / "old.kdlg"
    path.write_bytes((FIXTURES / "v1_strategi.kdlg").read_bytes())
    load_project(path)
    assert path.read_bytes() == (FIXTURES / "v1_strategi.kdlg").read_bytes()


def _valid(example) -> dict:
    return json.loads(dump_project(example))


BAD_FILES = {
    "empty": (b"", "filen er tom"),
    "whitespace": (b"  \n\t ", "filen er tom"),
    "binary": (b"\x89PNG\r\n\x1a\n\xff\xfe\x00", "ikke tekst i UTF-8"),
    "not_json": (b"Referat fra SU-m\xc3\xb8det\n- punkt 1", "beskadiget (ugyldig JSON i linje 1"),
    "truncated": (None, "afkortet"),
    "list": (b"[1, 2, 3]", "ikke et Kompetencedialog-projekt"),
    "string": (b'"hej"', "ikke et Kompetencedialog-projekt"),
    "foreign_json": (b'{"name": "my-app", "version": "1.0.0", "dependencies": {}}', "fra et andet program"),
    "wrong_format": (b'{"format": "miro-board", "schema_version": 1}', "»miro-board« er ikke"),
    "no_version": (b'{"format": "kompetencedialog-projekt"}', "skemaversion mangler"),
    "bool_version": (b'{"format": "kompetencedialog-projekt", "schema_version": true}', "skemaversion mangler"),
    "newer": (None, "nyere version af programmet (9.0.0, skemaversion 99)"),
    "wrong_type": (None, "feltet workshop.notes[0].x"),
    "unknown_field": (None, "feltet workshop.notes[0].owner"),
    "duplicate_ids": (None, "findes flere gange"),
    "nan": (None, "ugyldigt tal"),
    "huge_int": (None, "ugyldigt tal"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "indlejret for dybt"),
    "bad_workshop": (None, "feltet workshop.workshop"),
}


def _make(kind, example) -> bytes:
    content, _ = BAD_FILES[kind]
    if content is not None:
        return content
    data = _valid(example)
    if kind == "truncated":
        return dump_project(example)[:-200]
    if kind == "newer":
        data.update(schema_version=99, app_version="9.0.0")
    elif kind == "wrong_type":
        data["workshop"]["notes"][0]["x"] = "langt til venstre"
    elif kind == "unknown_field":
        data["workshop"]["notes"][0]["owner"] = "x"
    elif kind == "duplicate_ids":
        data["workshop"]["notes"][1]["id"] = data["workshop"]["notes"][0]["id"]
    elif kind == "bad_workshop":
        data["workshop"]["workshop"] = "retrospektiv"
    text = json.dumps(data, ensure_ascii=False)
    if kind == "nan":
        text = text.replace('"votes": 0', '"votes": NaN', 1)
    if kind == "huge_int":
        text = text.replace('"votes": 0', '"votes": ' + "9" * 5000, 1)
    return text.encode("utf-8")


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_gives_danish_message_and_is_unchanged(kind, example, tmp_path):
    path = tmp_path / f"{kind}.kdlg"
    data = _make(kind, example)
    path.write_bytes(data)
    with pytest.raises(LoadError) as err:
        load_project(path)
    message = str(err.value)
    assert message.startswith(f"Kan ikke åbne »{kind}.kdlg«: ")
    assert BAD_FILES[kind][1] in message
    assert message.endswith("Filen er ikke ændret.")
    assert "\n" not in message and "Traceback" not in message
    assert path.read_bytes() == data


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="findes ikke"):
        load_project(tmp_path / "væk.kdlg")
    with pytest.raises(LoadError, match="det er en mappe"):
        load_project(tmp_path)


def test_unreadable_file(example, tmp_path, monkeypatch):
    # Root (CI) can read a chmod-0 file, so the refusal is injected where the file is read.
    path = tmp_path / "låst.kdlg"
    save_project(example, path)

    real_open = os.open

    def denied(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(LoadError, match="ikke adgang til at læse"):
        load_project(path)


def test_note_in_unknown_zone_is_kept(example, tmp_path):
    data = _valid(example)
    data["workshop"]["notes"][0]["zone"] = "slettet-zone"
    path = tmp_path / "ws.kdlg"
    path.write_text(json.dumps(data), encoding="utf-8")
    project = load_project(path)
    assert project.notes[0].zone == "slettet-zone" and len(project.notes) == len(example.notes)


def test_bom_is_accepted(example, tmp_path):
    path = tmp_path / "bom.kdlg"
    path.write_bytes(b"\xef\xbb\xbf" + dump_project(example))
    assert load_project(path) == example


def test_new_file_gets_normal_permissions(tmp_path):
    path = tmp_path / "ny.kdlg"
    save_project(Project(workshop="grus"), path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_note_model_refuses_absurd_values():
    with pytest.raises(ValueError):
        Note(id="a", board="b", x=1e300, y=0)


def test_migration_from_v2_fixture_keeps_everything():
    project, version = load_project_with_version(FIXTURES / "v2_grus.kdlg")
    raw = json.loads((FIXTURES / "v2_grus.kdlg").read_text(encoding="utf-8"))["workshop"]
    assert version == 2 and project.workshop == "grus" and len(project.notes) == 6
    assert [n.text for n in project.notes] == [n["text"] for n in raw["notes"]]
    assert all(r.status == "ikke startet" for r in project.plan.rows) and project.evaluation.groups == []


def test_migration_from_v3_fixture_keeps_everything_and_saves_as_v4(tmp_path):
    """A file from the landed 0.2 program (schema 3) opens unchanged and is saved as schema 4."""
    project, version = load_project_with_version(FIXTURES / "v3_strategi.kdlg")
    raw = json.loads((FIXTURES / "v3_strategi.kdlg").read_text(encoding="utf-8"))["workshop"]
    assert version == 3 and project.workshop == "strategi" and len(project.notes) == len(raw["notes"]) == 43
    assert [(n.id, n.text, n.x, n.y, n.votes) for n in project.notes] == [
        (n["id"], n["text"], n["x"], n["y"], n.get("votes", 0)) for n in raw["notes"]]
    assert project.agenda.variant == "" and project.plan.evaluation_rhythm == "én gang om året"
    out = tmp_path / "ny.kdlg"
    save_project(project, out)
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 4
    assert load_project(out) == project
