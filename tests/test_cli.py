import json
import subprocess
import sys

import pytest

from kompetencedialog_desktop import __version__
from kompetencedialog_desktop.cli import main
from kompetencedialog_desktop.storage.project_file import load_project

from .conftest import FIXTURES


def test_new_empty_and_check(tmp_path, capsys):
    out = tmp_path / "grus"
    assert main(["new", "--workshop", "grus", "-o", str(out), "--title", "Team Øst"]) == 0
    path = tmp_path / "grus.kdlg"  # the suffix is added
    project = load_project(path)
    assert (project.workshop, project.title, project.notes) == ("grus", "Team Øst", [])
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Team Øst" in text and "Gruppeudviklingssamtale" in text and "I alt:        0 post-its" not in text


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_example_check_counts_notes_on_all_three_boards(workshop, tmp_path, capsys):
    path = tmp_path / "ex.kdlg"
    assert main(["new", "--workshop", workshop, "--example", "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    lines = [l for l in capsys.readouterr().out.splitlines() if l.startswith("Plade")]
    counts = [int(l.split()[2]) for l in lines]
    assert len(counts) == 3 and all(c >= 10 for c in counts)
    assert sum(counts) == len(load_project(path).notes)


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "a.kdlg"
    path.write_bytes(b"mine data")
    assert main(["new", "--workshop", "grus", "-o", str(path)]) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert path.read_bytes() == b"mine data"


def test_check_bad_file_is_one_line_and_file_unchanged(tmp_path, capsys):
    path = tmp_path / "x.kdlg"
    path.write_bytes(b'{"format": "kompetencedialog-projekt", "schema_version": 7}')
    before = path.read_bytes()
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nyere version" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_check_old_version_says_it_will_be_upgraded(capsys):
    assert main(["check", str(FIXTURES / "v1_strategi.kdlg")]) == 0
    assert "version 1 (opgraderes ved næste gem)" in capsys.readouterr().out


def test_schema_is_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["properties"]) >= {"format", "schema_version", "app_version", "workshop"}


def test_usage_errors_are_danish_one_liners(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["new", "--workshop", "retro", "-o", "x"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "ugyldigt valg" in err and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["new"])
    assert "disse argumenter mangler" in capsys.readouterr().err


def test_version_and_help_as_real_process():
    run = subprocess.run([sys.executable, "-m", "kompetencedialog_desktop", "--version"], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip() == f"kompetencedialog {__version__}"
    run = subprocess.run([sys.executable, "-m", "kompetencedialog_desktop", "--help"], capture_output=True, text=True)
    assert run.returncode == 0 and "Brug: kompetencedialog" in run.stdout and "vis denne hjælp" in run.stdout
    assert "new" in run.stdout and "check" in run.stdout


@pytest.mark.parametrize("command", ["new", "check", "export", "content"])
def test_subcommand_help_says_brug_once(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert out.startswith(f"Brug: kompetencedialog {command}") and "Brug: Brug:" not in out
