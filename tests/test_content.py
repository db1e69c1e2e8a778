import json
import shutil

import pytest

from kompetencedialog_desktop.paths import resources_dir
from kompetencedialog_desktop.storage.content_loader import ContentError, load_workshop_content


@pytest.mark.parametrize("workshop", ["strategi", "grus"])
def test_three_boards_with_zones_and_help(workshop):
    content = load_workshop_content(workshop)
    assert [b.number for b in content.boards] == [1, 2, 3]
    for board in content.boards:
        assert board.title and board.focus and len(board.zones) >= 3
        assert all(z.help.strip() for z in board.zones)
    assert sum(z.voting for b in content.boards for z in b.zones) == 1


@pytest.fixture
def content_copy(tmp_path):
    root = tmp_path / "resources"
    shutil.copytree(resources_dir(), root)
    return root


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_malformed_board_names_file_and_field(content_copy):
    _edit(content_copy / "boards" / "strategi-2.json", lambda d: d["zones"][1].pop("help"))
    with pytest.raises(ContentError) as err:
        load_workshop_content("strategi", content_copy)
    assert "strategi-2.json" in str(err.value) and "zones[1].help" in str(err.value)


def test_zone_outside_board_is_refused(content_copy):
    _edit(content_copy / "boards" / "grus-1.json", lambda d: d["zones"][0]["rect"].update(w=99999))
    with pytest.raises(ContentError, match="grus-1.json.*uden for pladen"):
        load_workshop_content("grus", content_copy)


def test_broken_json_content_names_line(content_copy):
    (content_copy / "boards" / "grus-3.json").write_text('{"id": "grus-3",', encoding="utf-8")
    with pytest.raises(ContentError, match="grus-3.json: ugyldig JSON i linje 1"):
        load_workshop_content("grus", content_copy)


def test_card_pointing_to_unknown_zone_is_refused(content_copy):
    deck = {"board": "grus-2", "cards": [{"id": "k1", "title": "T", "questions": ["Hvad?"], "hint": "h", "zones": ["findes-ikke"]}]}
    (content_copy / "cards" / "grus-2.json").write_text(json.dumps(deck), encoding="utf-8")
    with pytest.raises(ContentError, match=r"grus-2.json: feltet cards\[0\].zones: ukendt zone findes-ikke"):
        load_workshop_content("grus", content_copy)
