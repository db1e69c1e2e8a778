"""The validated-content cache (storage/content_cache.py): same result as validating, used only for
the very bytes it was made from, and never a reason to fail."""

from __future__ import annotations

import json
import shutil

import pytest

from kompetencedialog_desktop.model.content import WorkshopContent
from kompetencedialog_desktop.model.guide import FacilitatorGuide
from kompetencedialog_desktop.paths import resources_dir
from kompetencedialog_desktop.storage import content_cache, content_loader
from kompetencedialog_desktop.storage.content_loader import (
    facilitator_guide,
    load_workshop_content,
    workshop_content,
)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(content_cache, "user_cache_dir", lambda: folder)
    workshop_content.cache_clear()
    facilitator_guide.cache_clear()
    yield folder
    workshop_content.cache_clear()
    facilitator_guide.cache_clear()


@pytest.fixture
def root(tmp_path):
    copy = tmp_path / "resources"
    for sub in ("boards", "cards", "guides"):
        shutil.copytree(resources_dir() / sub, copy / sub)
    return copy


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_content_and_guide_from_the_cache_equal_a_fresh_validation(cache_dir, monkeypatch, workshop):
    fresh_content, fresh_guide = workshop_content(workshop), facilitator_guide(workshop)
    assert sorted(p.name for p in (cache_dir / "content").iterdir()) == [f"content-{workshop}.json", f"guide-{workshop}.json"]
    workshop_content.cache_clear()
    facilitator_guide.cache_clear()

    def no_validation(*args, **kwargs):
        raise AssertionError("validated although the cache was good")

    monkeypatch.setattr(content_loader, "load_workshop_content", no_validation)
    monkeypatch.setattr(content_loader, "_load_guide", no_validation)
    content, guide = workshop_content(workshop), facilitator_guide(workshop)
    assert content == fresh_content and guide == fresh_guide
    assert content.model_dump(exclude_unset=True) == fresh_content.model_dump(exclude_unset=True)
    assert guide.model_dump(exclude_unset=True) == fresh_guide.model_dump(exclude_unset=True)
    assert isinstance(content, WorkshopContent) and isinstance(content.boards, tuple)
    assert type(content.boards[0].zones[0].rect) is type(fresh_content.boards[0].zones[0].rect)
    assert isinstance(guide, FacilitatorGuide) and guide.variants[0].steps[0].title


def _load(root, calls):
    def validate():
        calls.append(1)
        return load_workshop_content("strategi", root)
    return validate


def _files(root):
    return content_loader._content_files("strategi", root)


def test_changed_content_bytes_are_validated_again_and_a_bad_change_still_fails(cache_dir, root):
    calls = []
    first = content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls))
    again = content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls))
    assert calls == [1] and again == first
    board = root / "boards" / "strategi-1.json"
    data = json.loads(board.read_text(encoding="utf-8"))
    data["title"] = "Ny titel"
    board.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls))
    assert calls == [1, 1] and changed.boards[0].title == "Ny titel"
    data["colour"] = "rød"  # invalid: the cache must not let it through
    board.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(content_loader.ContentError, match="strategi-1.json"):
        content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls))


def test_a_damaged_or_foreign_cache_entry_is_ignored(cache_dir, root):
    calls = []
    good = content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls))
    entry_path = cache_dir / "content" / "t.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry["value"]["boards"][0]["title"] = "Ændret uden om valideringen"
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    assert content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls)) == good
    assert calls == [1, 1]
    entry_path.write_text("{ikke json", encoding="utf-8")
    assert content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls)) == good
    assert calls == [1, 1, 1]


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch, root):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(content_cache, "user_cache_dir", lambda: blocker)
    calls = []
    value = content_cache.cached_model("t", _files(root), WorkshopContent, _load(root, calls))
    assert value == load_workshop_content("strategi", root) and calls == [1]
    assert blocker.read_text(encoding="utf-8") == "not a folder"
