"""Word formatting that python-docx has no call for: East-Asian fonts, cell shading, page fields.

Chinese text needs its font named in w:eastAsia (python-docx's font.name sets only the Latin
fonts, so Word and WPS would fall back to a Latin theme font), and the built-in heading styles
carry theme fonts and a blue colour that a Chinese working paper does not use.
"""
from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

BODY_FONT = ("SimSun", "宋体")  # (Latin name, East-Asian name)
HEADING_FONT = ("SimHei", "黑体")
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_fonts(style: ParagraphStyle, fonts: tuple[str, str], size: float, bold: bool = False
              ) -> None:
    """Latin and East-Asian fonts of a style, theme fonts removed so they apply everywhere."""
    style.font.name = fonts[0]
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), fonts[1])
    rfonts.set(qn("w:hAnsi"), fonts[0])


def setup_document(doc: DocumentObject) -> None:
    """A4, the usual margins, 宋体 body (小四) and 黑体 headings."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.2)
    normal = doc.styles["Normal"]
    set_fonts(normal, BODY_FONT, 12)  # type: ignore[arg-type]
    normal.paragraph_format.space_after = Pt(3)  # type: ignore[union-attr]
    normal.paragraph_format.line_spacing = 1.25  # type: ignore[union-attr]
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        set_fonts(style, HEADING_FONT, size, bold=name != "Title")  # type: ignore[arg-type]
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 6)  # type: ignore
        style.paragraph_format.space_after = Pt(6)  # type: ignore[union-attr]
    title = doc.styles["Title"]
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[union-attr]
    borders = title.element.get_or_add_pPr().find(qn("w:pBdr"))  # the template underlines titles
    if borders is not None:
        borders.getparent().remove(borders)
    for name in ("Header", "Footer", "Caption"):
        set_fonts(doc.styles[name], BODY_FONT, 9)  # type: ignore[arg-type]


def shade(cell: _Cell, fill: str = "E7E6E6") -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def column_widths(table: Table, widths_cm: list[float]) -> None:
    """Fixed column widths, set on every cell (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    for col, width in zip(table.columns, widths_cm):
        col.width = Cm(width)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A simple field (PAGE, NUMPAGES) that Word, WPS and LibreOffice compute when they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def page_footer(doc: DocumentObject, header_text: str) -> None:
    """Header with the paper's name and index number; footer 第 X 页 共 Y 页."""
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = header_text
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    add_field(footer, "PAGE")
    footer.add_run(" 页 共 ")
    add_field(footer, "NUMPAGES")
    footer.add_run(" 页")
