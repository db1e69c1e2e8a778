"""A post-it's text laid out once and kept for drawing (ui/note_item.py DrawnText): it draws the
same pixels as QPainter.drawText did, and it never shows an old text, size or box after an edit,
an undo, a zoom or a zone's re-layout. Through the real window (offscreen); what it buys in time
is measured in benchmarks/bench_board.py, not here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from kompetencedialog_desktop.ui import theme
from kompetencedialog_desktop.ui.commands import UpdateNotes
from kompetencedialog_desktop.ui.note_item import TEXT_OPTION, DrawnText, NoteItem, _font, fitting_point_size, layout_text, text_fits

from .conftest import close_window, open_window

# A fractional offset as well as a scale: a note seldom starts on a whole device pixel.
SCALES = (0.37, 0.75, 1.0, 1.44, 2.3)


def _image(w: float, h: float, scale: float, draw) -> QImage:
    image = QImage(int(w * scale) + 8, int(h * scale) + 8, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.translate(4.37, 4.61)
    painter.scale(scale, scale)
    draw(painter)
    painter.end()
    return image


TEXTS = [
    "Kort",
    "Grøn omstilling",
    "Korrekte og rettidige afgørelser om ydelser til borgerne",
    "Specialpædagogisk løft og kompetenceudviklingsforløb for medarbejderne",
    "Første linje\nAnden linje med lidt mere tekst\n\nEfter en tom linje",
    "https://www.kompetencesekretariatet.dk/kompetencefonden/ansoegning",
    "Mange ord " * 14,
]


@pytest.mark.parametrize("text", TEXTS)
def test_drawn_text_draws_what_draw_text_draws(qtbot, text):
    """Every size the note may get, fitting or spilling over its box, at zoom levels from far out
    to close: pixel for pixel what QPainter.drawText(box, text, TEXT_OPTION) draws."""
    compared = 0
    for w, h in ((160.0, 100.0), (96.0, 58.0), (240.0, 300.0)):
        box = QRectF(9.1, 9.1, w - 18.2, h - 18.2)
        best = fitting_point_size(text, box.width(), box.height())
        for size in {best, 12.0, 18.0, best * 1.4}:
            shown = layout_text(text, box.width(), box.height(), size)
            drawn = DrawnText(shown, size, box, True)
            for scale in SCALES:
                def old(painter, shown=shown, size=size, box=box):
                    painter.setFont(_font(size))
                    painter.drawText(box, shown, TEXT_OPTION)

                expected = _image(w, h, scale, old)
                assert _image(w, h, scale, drawn.draw) == expected, (text, w, h, size, scale)
                compared += 1
    assert compared > 40


def test_a_cut_text_ends_in_an_ellipsis_within_its_box(qtbot):
    text = "Alt for lang tekst til en lille post-it " * 10
    box = QRectF(5, 5, 100, 40)
    assert not text_fits(text, box.width(), box.height(), 12.0)
    drawn = DrawnText(text, 12.0, box, False)
    assert drawn.cut and drawn.cut[-1][1].endswith("…")
    assert all(rect.top() < box.bottom() for rect, _ in drawn.cut)  # no line starts below the box


def test_the_first_paint_keeps_no_layout_and_the_next_turns_do(window, qtbot):
    """Opening a board draws with drawText (keeping costs more); idle turns keep every note's."""
    page = window.current_page()
    items = list(page.scene.items_by_id.values())
    page.view.viewport().repaint()
    qtbot.waitUntil(lambda: all(i._drawn is not None for i in items))


@pytest.fixture
def window(example_window):
    return example_window


def _picture(item: NoteItem, scale: float) -> QImage:
    rect = item.boundingRect()
    option = QStyleOptionGraphicsItem()

    def draw(painter):
        painter.translate(-rect.x(), -rect.y())
        item.paint(painter, option)

    return _image(rect.width(), rect.height(), scale, draw)


def _kept(qtbot, item: NoteItem) -> QImage:
    """Paint the note, then let the event loop keep its layout (as after opening a board)."""
    _picture(item, 1.0)
    qtbot.waitUntil(lambda: item._drawn is not None)
    return _picture(item, 1.0)


def _fresh(page, note_id: str) -> NoteItem:
    """The note as a new item in the same scene would show it: nothing kept from before."""
    document = page.scene.document
    note = document.project.note(note_id)
    item = NoteItem(note, page.scene._unplaced(note))
    item.family = page.scene.family_cap
    page.scene._fresh_items = getattr(page.scene, "_fresh_items", []) + [item]  # keep the wrapper alive
    return item


def _same_as_fresh(page, note_id: str, scale: float = 1.0) -> bool:
    item = page.scene.items_by_id[note_id]
    return _picture(item, scale) == _picture(_fresh(page, note_id), scale)


def test_a_note_never_draws_an_old_text_after_an_edit_or_an_undo(window, qtbot):
    page = window.current_page()
    document = window.files.document
    note = next(n for n in document.project.notes if n.board == page.board.id)
    item = page.scene.items_by_id[note.id]
    before = _kept(qtbot, item)
    document.undo_stack.push(UpdateNotes(document, {note.id: {"text": "Helt ny tekst efter rettelsen"}}, "Ret tekst"))
    assert _picture(item, 1.0) != before
    assert _same_as_fresh(page, note.id)
    _kept(qtbot, item)
    document.undo_stack.undo()
    assert _picture(item, 1.0) == before
    _kept(qtbot, item)
    document.undo_stack.redo()
    assert _same_as_fresh(page, note.id)


def test_a_note_never_draws_its_old_size_or_dots(window, qtbot):
    page = window.current_page()
    document = window.files.document
    note = next(n for n in document.project.notes if n.board == page.board.id and len(n.text) > 20)
    item = page.scene.items_by_id[note.id]
    _kept(qtbot, item)
    document.undo_stack.push(UpdateNotes(document, {note.id: {"w": note.w * 0.6, "h": note.h * 0.7}}, "Gør mindre"))
    assert _same_as_fresh(page, note.id)
    _kept(qtbot, item)
    document.undo_stack.push(UpdateNotes(document, {note.id: {"votes": 3}}, "Stem"))
    assert _same_as_fresh(page, note.id)
    _kept(qtbot, item)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert _same_as_fresh(page, note.id)


def test_the_kept_layout_draws_alike_at_every_zoom(window, qtbot):
    page = window.current_page()
    notes = [n for n in window.files.document.project.notes if n.board == page.board.id][:6]
    for note in notes:
        item = page.scene.items_by_id[note.id]
        _kept(qtbot, item)  # drawn once with drawText, then laid out once and kept
        for scale in SCALES:
            assert _picture(item, scale) == _picture(_fresh(page, note.id), scale), (note.text, scale)


def test_a_zone_family_change_lays_the_notes_out_again(window, qtbot):
    """A long note joins a zone: its size family moves and the other notes' kept layouts go."""
    page = window.current_page()
    document = window.files.document
    zone = next(z for z in page.board.zones
                if sum(1 for n in document.project.notes if n.zone == z.id and n.board == page.board.id) >= 2)
    members = [n for n in document.project.notes if n.zone == zone.id and n.board == page.board.id]
    for note in members:
        _kept(qtbot, page.scene.items_by_id[note.id])
    caps = page.scene.family_cap(zone.id)
    document.undo_stack.push(UpdateNotes(
        document, {n.id: {"text": "Kort"} for n in members[1:]}, "Ret tekst"))  # the median size moves
    assert page.scene.family_cap(zone.id) != caps
    for note in members:
        assert _same_as_fresh(page, note.id), note.text


def test_a_note_with_votes_draws_its_dots_with_or_without_a_kept_layout(window, qtbot):
    from kompetencedialog_desktop.ui.note_item import vote_marks

    page = window.current_page()
    document = window.files.document
    note = next(n for n in document.project.notes if n.board == page.board.id)
    document.undo_stack.push(UpdateNotes(document, {note.id: {"votes": 2}}, "Stem"))
    item = page.scene.items_by_id[note.id]
    dots, _, _ = vote_marks(note.w, note.h, 2)
    rect = item.boundingRect()
    for picture in (_picture(item, 1.0), _kept(qtbot, item)):
        for dot in dots:  # the middle of each dot is dark (the image starts at 4.37, 4.61)
            centre = dot.center()
            colour = picture.pixelColor(int(centre.x() - rect.x() + 4.37), int(centre.y() - rect.y() + 4.61))
            assert colour.lightness() < 80, colour.name()


def test_a_note_s_kept_bounds_follow_its_size_and_its_editor(window):
    """boundingRect() is kept between size changes: it must follow each of them (an undo too)."""
    page = window.current_page()
    document = window.files.document
    note = next(n for n in document.project.notes if n.board == page.board.id)
    item = page.scene.items_by_id[note.id]
    w, h = note.w, note.h
    assert item.boundingRect() == QRectF(-4, -4, w + 8, h + 8)
    document.undo_stack.push(UpdateNotes(document, {note.id: {"w": w + 30, "h": h + 20}}, "Større"))
    assert item.boundingRect() == QRectF(-4, -4, w + 38, h + 28)
    document.undo_stack.undo()
    assert item.boundingRect() == QRectF(-4, -4, w + 8, h + 8)
    item.set_edit_height(h + 50)  # the editor's text needs room below the note
    assert item.boundingRect() == QRectF(-4, -4, w + 8, h + 58)
    item.set_edit_height(h)
    assert item.boundingRect() == QRectF(-4, -4, w + 8, h + 8)


def test_a_kept_vote_number_draws_what_draw_text_draws(qtbot):
    from PySide6.QtCore import Qt

    from kompetencedialog_desktop.ui.note_item import vote_marks, vote_number

    flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    compared = 0
    for w, h in ((160.0, 100.0), (60.0, 60.0), (210.0, 300.0)):
        for votes in (1, 7, 12, 99, 130, 4321):
            _, box, size = vote_marks(w, h, votes)

            def old(painter, box=box, size=size, votes=votes):
                painter.setFont(theme.board_font(size, bold=True))
                painter.drawText(box, flags, str(votes))

            for scale in SCALES:
                expected = _image(w, h, scale, old)
                assert _image(w, h, scale, vote_number(w, h, votes).draw) == expected, (w, h, votes, scale)
                compared += 1
    assert compared == 90


def test_the_other_boards_are_fitted_in_idle_turns_after_the_first_paint(window, qtbot):
    """Switching to a board not shown yet finds its notes' sizes fitted (fitting_point_size's
    cache), and fitting them the same way gives the same sizes."""
    from kompetencedialog_desktop.ui import note_item

    document = window.files.document
    others = [n for n in document.project.notes if n.board != window.current_page().board.id]
    assert others
    window.current_page().view.viewport().repaint()
    qtbot.waitUntil(lambda: not note_item._IDLE._fits and not note_item._IDLE._layouts)
    before = fitting_point_size.cache_info().misses
    sizes = {n.id: note_item.natural_point_size(n.text, n.w, n.h, bool(n.votes)) for n in others}
    assert fitting_point_size.cache_info().misses == before  # every one was fitted already
    page = window.pages[1]
    for n in others:
        if n.board == page.board.id:
            assert page.scene.items_by_id[n.id].natural_size() == sizes[n.id]


def test_words_hyphenated_from_the_memo_as_without_it(qtbot):
    """layout_text() keeps each word's hyphenation per (rule, width, pixel size): the texts it
    gives with the memo full of other notes' words are those it gives from scratch."""
    from kompetencedialog_desktop.ui import hyphenation, note_item

    words = ["Kompetenceudvikling", "Videndeling", "medarbejderne", "databeskyttelse", "Grøn",
             "omstilling", "IT-systemer", "kunstig", "intelligens", "Specialpædagogisk", "løft", "og"]
    texts = [" ".join(words[(i * 7 + k) % len(words)] for k in range(2 + i % 6)) for i in range(60)]
    cases = [(t, w, h, size) for t in texts for w, h in ((51.6, 51.6), (90.0, 60.0), (140.0, 80.0))
             for size in (12.0, 12.3, 16.0, 21.5)]

    def from_scratch(text, w, h, size):
        note_item._PIECE_MEMOS.clear()
        return note_item.layout_text.__wrapped__(text, w, h, size)

    expected = [from_scratch(*case) for case in cases]
    note_item._PIECE_MEMOS.clear()
    got = [note_item.layout_text.__wrapped__(*case) for case in cases]  # the memo fills as it goes
    assert got == expected
    assert any(hyphenation.SOFT_HYPHEN in text for text in got)  # the cases do hyphenate
    assert note_item._PIECE_MEMOS


def test_a_note_moved_to_another_zone_takes_that_zone_s_size(qtbot):
    """Dragged into a zone whose notes are smaller, it is drawn at their size at once (it kept its
    old zone's size until the file was reopened; found by the fresh-eyes run)."""
    from kompetencedialog_desktop.model.project import Note, new_id
    from kompetencedialog_desktop.ui.commands import AddNotes

    window = open_window(qtbot)
    try:
        window.files.new("strategi")
        page = window.current_page()
        document = window.files.document
        small, large = page.board.zones[0], page.board.zones[1]
        long_text = "Specialpædagogisk løft og kompetenceudviklingsforløb for medarbejderne i hele forvaltningen"

        def note(zone, text, i):
            return Note(id=new_id("n"), board=page.board.id, zone=zone.id, x=zone.rect.x + 10 + 220 * (i % 3),
                        y=zone.rect.y + 100 + 140 * (i // 3), text=text)

        # Three alike long notes: one more note cannot move that zone's size family (its median).
        crowd = [note(small, long_text, i) for i in range(3)]
        short = [note(large, "Kort", 0), note(large, "Også kort", 1)]
        document.undo_stack.push(AddNotes(document, crowd + short))
        moved = short[0]
        item = page.scene.items_by_id[moved.id]
        _kept(qtbot, item)
        cap = page.scene.family_cap(small.id)
        assert item.text_layout()[0] > cap  # big in its own zone
        document.undo_stack.push(UpdateNotes(document, {moved.id: {"zone": small.id, "x": small.rect.x + 10,
                                                                   "y": small.rect.y + 400}}, "Flyt post-it"))
        assert page.scene.family_cap(small.id) == cap
        assert item.text_layout()[0] == _fresh(page, moved.id).text_layout()[0] <= cap
        assert _same_as_fresh(page, moved.id)
    finally:
        close_window(window)
