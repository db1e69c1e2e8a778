"""The loader survives any byte sequence: a Danish LoadError or a valid workshop, never a crash,
and the input is never changed."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kompetencedialog_desktop.model.factory import example_project
from kompetencedialog_desktop.model.project import Project
from kompetencedialog_desktop.storage.content_loader import load_example, workshop_content
from kompetencedialog_desktop.storage.project_file import LoadError, dump_project, load_project

VALID = dump_project(example_project(workshop_content("grus"), load_example("grus")))
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.kdlg"
        path.write_bytes(data)
        try:
            project = load_project(path)
        except LoadError as exc:
            message = str(exc)
            assert message.startswith("Kan ikke åbne »fuzz.kdlg«: ") and message.endswith("Filen er ikke ændret.")
            assert "\n" not in message
        else:
            assert isinstance(project, Project)
        assert path.read_bytes() == data


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    _load(data)


@FUZZ
@given(st.data())
def test_mutated_valid_files(data):
    raw = bytearray(VALID)
    for _ in range(data.draw(st.integers(1, 8))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        pos = data.draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[pos] ^= 1 << data.draw(st.integers(0, 7))
        elif kind == "cut":
            del raw[pos:]
        elif kind == "insert":
            raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=16))
        else:
            del raw[pos:pos + data.draw(st.integers(1, 64))]
        if not raw:
            break
    _load(bytes(raw))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@FUZZ
@given(st.data())
def test_valid_envelope_with_random_values_in_the_workshop(data):
    doc = json.loads(VALID)
    note = doc["workshop"]["notes"][data.draw(st.integers(0, len(doc["workshop"]["notes"]) - 1))]
    field = data.draw(st.sampled_from(sorted(note)))
    note[field] = data.draw(json_values)
    _load(json.dumps(doc).encode("utf-8"))


def test_extremes():
    doc = json.loads(VALID)
    doc["workshop"]["notes"][0]["text"] = "x" * 10_000_000  # a 10 MB note
    _load(json.dumps(doc).encode("utf-8"))
    doc = json.loads(VALID)
    doc["workshop"]["notes"][0]["x"] = 10**400
    _load(json.dumps(doc).encode("utf-8"))
    _load(b'{"format": "kompetencedialog-projekt", "schema_version": 2, "workshop": ' + b"[" * 50000 + b"]" * 50000 + b"}")
    _load(VALID.replace(b'"schema_version": 2', b'"schema_version": 18446744073709551617'))
