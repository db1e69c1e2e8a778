"""Low-level Word details python-docx has no API for: language, fields, repeating header rows,
cell shading. Each helper writes the small piece of WordprocessingML it needs."""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ..model.glossary import DANISH_MONTH_NAMES

# XML 1.0 forbids these; Word refuses a file that has them.
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")



def xml_safe(text: str | None) -> str:
    """The one cleaning step for every string that reaches Word (body, headers, core properties)."""
    return _XML_BAD.sub("", text or "")


def set_core_properties(document, *, title: str, author: str, subject: str | None = None,
                        keywords: str | None = None, comments: str | None = None, language: str = "da-DK") -> None:
    """File > Properties in Word. Author and title come from the user's fields (workplace, group),
    which may hold control characters that lxml refuses: cleaned here like the body text."""
    core = document.core_properties
    core.title, core.author, core.language = xml_safe(title), xml_safe(author), language
    if subject is not None:
        core.subject = xml_safe(subject)
    if keywords is not None:
        core.keywords = xml_safe(keywords)
    if comments is not None:
        core.comments = xml_safe(comments)


def danish_date(value) -> str:
    return f"{value.day}. {DANISH_MONTH_NAMES[value.month - 1]} {value.year}" if value else ""


def set_language(style, lang: str = "da-DK") -> None:
    rpr = style.element.get_or_add_rPr()
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        element.set(qn(attr), lang)


def set_default_language(document, lang: str = "da-DK") -> None:
    """docDefaults, so text in any style (tables, lists) is proofed as Danish."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)


def repeat_as_header(row) -> None:
    """Mark a table row as a header row that Word repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def keep_row_together(row) -> None:
    """A table row is never split across two pages."""
    tr_pr = row._tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def shade_cell(cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_fill.lstrip("#"))
    tc_pr.append(shading)


def _fld_char(paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")  # Word recomputes it on open
    paragraph.add_run()._r.append(char)


def field_begin(paragraph, instruction: str) -> None:
    """Start a complex field; what follows until field_end() is its shown result."""
    _fld_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _fld_char(paragraph, "separate")


def field_end(paragraph) -> None:
    _fld_char(paragraph, "end")


def add_field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A one-paragraph field (PAGE, NUMPAGES) showing `placeholder` until updated."""
    field_begin(paragraph, instruction)
    paragraph.add_run(placeholder)
    field_end(paragraph)


def update_fields_on_open(document) -> None:
    """Ask Word to refresh the table of contents and page fields when the file is opened."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
