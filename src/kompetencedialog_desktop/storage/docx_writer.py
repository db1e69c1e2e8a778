"""A small layer over python-docx that writes our kind of document: A4, Danish, real heading
styles, tables with a repeating header row, header/footer with title and page numbers."""

from __future__ import annotations

import io
from typing import Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .docx_helpers import (
    add_field,
    keep_row_together,
    repeat_as_header,
    set_default_language,
    set_language,
    shade_cell,
    update_fields_on_open,
    xml_safe,
)

BODY_FONT = "Calibri"
TEXT_WIDTH_MM = 160.0  # A4 portrait less our margins


def _toc_bookmark(index: int) -> str:
    return f"_Toc_kd{index}"


def _bookmark(paragraph, bookmark_id: int, name: str) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)
TEXT_COLOUR = RGBColor(0x1B, 0x1B, 0x1B)


class WordWriter:
    def __init__(self, accent: str, running_title: str):
        self.doc = Document()
        self.accent = accent
        self.accent_rgb = RGBColor.from_string(accent.lstrip("#").upper())
        self.headings: list[tuple[int, str]] = []
        self.listed_notes: set[str] = set()  # post-its already written, so the appendix never repeats one
        self._setup_styles()
        self._setup_page(self.doc.sections[0], running_title)
        # python-docx resolves a style *name* by scanning every style (~3 ms); with thousands of
        # bullets that dominated the export, so paragraphs get the style id directly.
        self._bullet_ids = {1: self.doc.styles["List Bullet"].style_id, 2: self.doc.styles["List Bullet 2"].style_id}

    # --- set-up ---------------------------------------------------------------------------
    def _setup_styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = BODY_FONT
        normal.font.size = Pt(11)
        normal.font.color.rgb = TEXT_COLOUR
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        set_default_language(self.doc)
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Bullet 2", "Table Grid"):
            set_language(styles[name])
        for level, size in ((1, 18), (2, 14), (3, 12)):
            style = styles[f"Heading {level}"]
            style.font.name = BODY_FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = self.accent_rgb if level < 3 else TEXT_COLOUR
            style.paragraph_format.space_before = Pt(18 if level == 1 else 12)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True
        for name in ("Header", "Footer"):
            styles[name].font.size = Pt(9)
            styles[name].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        title = styles["Title"]
        title.font.name = BODY_FONT
        title.font.size = Pt(34)
        title.font.color.rgb = self.accent_rgb

    def _setup_page(self, section, running_title: str) -> None:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(25), Mm(22)
        section.different_first_page_header_footer = True  # a clean front page
        header = section.header.paragraphs[0]
        header.text = xml_safe(running_title)
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Side ")
        add_field(footer, "PAGE", "1")
        footer.add_run(" af ")
        add_field(footer, "NUMPAGES", "1")

    # --- blocks ---------------------------------------------------------------------------
    def heading(self, text: str, level: int = 1) -> None:
        paragraph = self.doc.add_heading(xml_safe(text), level)
        if level == 1:  # a bookmark the table of contents points its page number at
            _bookmark(paragraph, len(self.headings), _toc_bookmark(len(self.headings)))
        self.headings.append((level, text))

    def paragraph(self, text: str, *, italic: bool = False, size: float | None = None, bold: bool = False):
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(xml_safe(text))
        run.italic, run.bold = italic, bold
        if size:
            run.font.size = Pt(size)
        return paragraph

    def text_block(self, text: str) -> None:
        """User-written text: one Word paragraph per line, blank lines dropped."""
        for line in xml_safe(text).split("\n"):
            if line.strip():
                self.doc.add_paragraph(line.strip())

    def polite_empty(self, text: str) -> None:
        self.paragraph(text, italic=True)

    def bullet(self, text: str, level: int = 1, suffix: str = ""):
        """One bullet. A post-it written on several lines ("Rekruttering:" and two dashes) keeps its
        lines as line breaks (w:br) inside the one bullet; blank lines and stray spaces go."""
        paragraph = self.doc.add_paragraph()
        paragraph._p.style = self._bullet_ids[1 if level == 1 else 2]
        lines = [" ".join(line.split()) for line in xml_safe(text).splitlines()]
        paragraph.add_run("\n".join(line for line in lines if line))  # python-docx writes "\n" as <w:br/>
        if suffix:
            extra = paragraph.add_run(f"  {suffix}")
            extra.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
            extra.font.size = Pt(9.5)
        return paragraph

    def facts(self, rows: Sequence[tuple[str, str]]) -> None:
        """A two-column label/value table without borders (front page, plan header)."""
        rows = [(label, value) for label, value in rows if value]
        if not rows:
            return
        table = self.doc.add_table(rows=0, cols=2)
        table.autofit = False
        table.columns[0].width, table.columns[1].width = Mm(45), Mm(115)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].width, cells[1].width = Mm(45), Mm(115)
            label_run = cells[0].paragraphs[0].add_run(xml_safe(label))
            label_run.bold = True
            cells[1].paragraphs[0].add_run(xml_safe(value))

    def table(self, columns: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float], font_pt: float = 10) -> None:
        table = self.doc.add_table(rows=1, cols=len(columns))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths_mm):
            column.width = Mm(width)  # the grid LibreOffice and Word lay the table out from
        header = table.rows[0]
        repeat_as_header(header)
        keep_row_together(header)
        for cell, title, width in zip(header.cells, columns, widths_mm):
            cell.width = Mm(width)
            shade_cell(cell, self.accent)
            run = cell.paragraphs[0].add_run(xml_safe(title))
            run.bold = True
            run.font.size = Pt(font_pt)
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        for values in rows:
            row = table.add_row()
            keep_row_together(row)
            for cell, value, width in zip(row.cells, values, widths_mm):
                cell.width = Mm(width)
                lines = xml_safe(value).split("\n")
                cell.paragraphs[0].add_run(lines[0]).font.size = Pt(font_pt)
                for line in lines[1:]:
                    cell.add_paragraph().add_run(line).font.size = Pt(font_pt)
        # The header never stands alone at a page bottom: it keeps with the first row; a short
        # table (an årshjul) is kept whole.
        count = len(table.rows)
        for row in list(table.rows)[: count - 1 if count <= 13 else 1]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        self.doc.add_paragraph()

    def picture(self, png: bytes, width_mm: float, caption: str) -> None:
        self.doc.add_picture(io.BytesIO(png), width=Mm(width_mm))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = True  # never a caption alone
        self.paragraph(caption, italic=True, size=9).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def pictures_row(self, pictures: Sequence[tuple[bytes, float]], caption: str) -> None:
        """Pictures (png, width in mm) side by side, tops level (a borderless one-row table that
        never splits over two pages), with one caption under them."""
        if len(pictures) == 1:
            paragraph = self.doc.add_paragraph()
            paragraph.add_run().add_picture(io.BytesIO(pictures[0][0]), width=Mm(pictures[0][1]))
        else:
            table = self.doc.add_table(rows=1, cols=len(pictures))
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            table.autofit = False
            row_pr = table.rows[0]._tr.get_or_add_trPr()
            row_pr.append(OxmlElement("w:cantSplit"))
            for cell, (png, width_mm) in zip(table.rows[0].cells, pictures):
                cell.width = Mm(width_mm + 3)
                paragraph = cell.paragraphs[0]
                paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.keep_with_next = True
            paragraph = self.doc.add_paragraph()  # room between the pictures and their caption
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True  # never a caption alone
        self.paragraph(caption, italic=True, size=9).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def new_section(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        long, short = Mm(297), Mm(210)
        section.page_width, section.page_height = (long, short) if landscape else (short, long)
        margin = Mm(18) if landscape else Mm(25)
        section.left_margin = section.right_margin = margin
        section.different_first_page_header_footer = False

    def table_of_contents(self) -> None:
        """The main headings with their page numbers, ending the front page. Filled in by
        to_bytes(), when all headings are known."""
        self._toc_first = self.doc.add_paragraph()
        self._toc_after = self.doc.add_paragraph()
        self._toc_after.add_run().add_break(WD_BREAK.PAGE)
        update_fields_on_open(self.doc)

    def _finish_toc(self) -> None:
        """Each entry: the heading, a dotted tab and a PAGEREF field to the heading's bookmark.
        Not a TOC field: LibreOffice keeps a TOC field's stored text, but computes PAGEREF when
        it lays out the pages, so the numbers show in Word and LibreOffice alike."""
        entries = [(i, text) for i, (level, text) in enumerate(self.headings) if level <= 1]
        for n, (i, text) in enumerate(entries):
            paragraph = self._toc_first if n == 0 else self._toc_after.insert_paragraph_before()
            paragraph.paragraph_format.space_after = Pt(3)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            paragraph.add_run(xml_safe(text) + "\t")
            add_field(paragraph, f"PAGEREF {_toc_bookmark(i)} \\h", "")

    def to_bytes(self) -> bytes:
        if getattr(self, "_toc_first", None) is not None:
            self._finish_toc()
            self._toc_first = None
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
