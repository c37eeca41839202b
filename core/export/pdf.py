"""The PDF itself, marked up: one standard annotation per finding per page and per note.

The original bytes are kept as they are and the annotations are appended as an incremental update
(pypdf), so the department's file (and any signature on it) is provably unchanged. Findings are
Highlight annotations (one quad per place on the page, a grouped finding's members included),
notes are Square annotations at their region, table cell or text span; each has a popup text
(rule, message, status, reviewer's notes), an author and dates, and an appearance stream, so
Acrobat, WPS, browsers and poppler all draw it the same way. A finding nobody has decided is the
program's, not any reviewer's. A note whose place cannot be found any more (the table or text
was parsed differently since) is a sticky note on the first page saying so, never left out; and a
sticky note there gives the provenance and the review's chain head, which ties the filed PDF to
the review log (`verify-review --head`).
"""
from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from pypdf import PdfWriter
from pypdf.annotations import Highlight, Popup, Rectangle, Text
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           NameObject, NumberObject, TextStringObject)

from core.export.common import ExportData, Row, note_kind_zh, note_line, source_bytes
from core.model import Bbox, union
from core.review.model import Note

Crop = tuple[float, float, float, float]
PRINT_FLAG = 4
HIGHLIGHT = {"error": "ff7373", "warn": "ffcc33", "manual": "c4a7ff", "info": "8cc4ff"}
DISMISSED = "c8c8c8"
NOTE_COLOUR = "d6287c"


def to_user(x: float, y: float, rotation: int, crop: Crop) -> tuple[float, float]:
    """A point on the page as displayed (top-left origin) in PDF user space.

    The inverse of core.pdftext.display_box: /Rotate turns the page clockwise for display and
    the crop box's lower-left corner is the display's origin before turning.
    """
    cl, cb, cr, ct = crop
    w, h = cr - cl, ct - cb
    if rotation == 90:
        return y + cl, x + cb
    if rotation == 180:
        return w - x + cl, y + cb
    if rotation == 270:
        return w - y + cl, h - x + cb
    return x + cl, h - y + cb


def to_pdf_box(box: Bbox, rotation: int, crop: Crop) -> tuple[float, float, float, float]:
    """A display box (x0, top, x1, bottom) as a PDF rectangle (left, bottom, right, top)."""
    corners = [to_user(x, y, rotation, crop) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = zip(*corners)
    return (min(xs), min(ys), max(xs), max(ys))


def quad(box: Bbox, rotation: int, crop: Crop) -> list[float]:
    """QuadPoints of a box in the order viewers expect: upper-left, upper-right, lower-left,
    lower-right of the box as the reader sees it."""
    x0, top, x1, bottom = box
    out: list[float] = []
    for x, y in ((x0, top), (x1, top), (x0, bottom), (x1, bottom)):
        out.extend(to_user(x, y, rotation, crop))
    return out


def pdf_date(iso: str) -> str:
    """An ISO 8601 time as a PDF date string, D:YYYYMMDDHHmmSS+HH'mm'."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:  # a hand-edited or foreign time: the export's own moment instead
        when = datetime.now().astimezone()
    offset = when.utcoffset()
    if offset is None:
        return when.strftime("D:%Y%m%d%H%M%S")
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{hours:02d}'{rest:02d}'"


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _appearance(writer: PdfWriter, rect: tuple[float, ...], boxes: list[tuple[float, ...]],
                colour: str, highlight: bool) -> Any:
    """The normal appearance: filled boxes multiplied onto the text (highlight) or a frame."""
    r, g, b = _rgb(colour)
    ops = []
    if highlight:
        ops.append(f"/G0 gs {r:.3f} {g:.3f} {b:.3f} rg")
        ops += [f"{x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f" for x0, y0, x1, y1 in boxes]
    else:
        ops.append(f"{r:.3f} {g:.3f} {b:.3f} RG 1.5 w")
        ops += [f"{x0 + 0.75:.2f} {y0 + 0.75:.2f} {x1 - x0 - 1.5:.2f} {y1 - y0 - 1.5:.2f} re S"
                for x0, y0, x1, y1 in boxes]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    stream.update({
        NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(v) for v in rect),
        NameObject("/Resources"): DictionaryObject({NameObject("/ExtGState"): DictionaryObject({
            NameObject("/G0"): DictionaryObject({
                NameObject("/Type"): NameObject("/ExtGState"),
                NameObject("/BM"): NameObject("/Multiply"),
                NameObject("/CA"): FloatObject(1), NameObject("/ca"): FloatObject(1)})})}),
    })
    return writer._add_object(stream)  # noqa: SLF001  (pypdf's way to make a stream indirect)


def _add(writer: PdfWriter, page_index: int, annot: DictionaryObject, *, text: str, author: str,
         when: str, name: str, subject: str) -> None:
    """Author, dates, popup text and a popup window: what every viewer needs to show the note."""
    annot.update({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Contents"): TextStringObject(text), NameObject("/T"): TextStringObject(author),
        NameObject("/M"): TextStringObject(pdf_date(when)),
        NameObject("/CreationDate"): TextStringObject(pdf_date(when)),
        NameObject("/NM"): TextStringObject(name), NameObject("/Subj"): TextStringObject(subject),
        NameObject("/F"): NumberObject(PRINT_FLAG),
    })
    added = writer.add_annotation(page_index, annot)
    page = writer.pages[page_index]
    left, bottom, right, top = (float(v) for v in page.cropbox)
    ax0, _, ax1, ay1 = (float(v) for v in annot["/Rect"])
    px = min(ax1 + 8, right - 200) if ax1 + 208 <= right else max(left, ax0 - 208)
    py = max(bottom, min(ay1, top) - 120)
    popup = writer.add_annotation(page_index,
                                  Popup(rect=(px, py, px + 200, py + 120), parent=added))
    added[NameObject("/Popup")] = popup.indirect_reference


def _finding_text(row: Row, page: int) -> str:
    f, d = row.finding, row.decision
    lines = [f"[{f.rule}] {f.title}（{row.severity_zh}）", f.message, f"状态：{row.status_zh}"]
    if d and d.reason:
        lines[-1] += f"；理由：{d.reason}"
    if d and (d.reviewer or d.time):
        lines[-1] += f"；{d.reviewer} {d.time[:16].replace('T', ' ')}".rstrip()
    lines += row.members_text().splitlines()
    lines += [f"批注：{note_line(n)}" for n in row.notes]
    others = [p for p in row.pages if p != page]
    if others:
        lines.append("另见：" + "、".join(f"第{p}页" for p in others))
    lines.append(f"第{row.number}条 · 指纹 {f.fingerprint}")
    return "\n".join(lines)


def _note_text(data: ExportData, note: Note) -> str:
    lines = [f"{note_kind_zh(note)}：{note.body}"]
    if note.quote:
        lines.append(f"引文：{note.quote}")
    row = data.row_of(note.fingerprint) if note.fingerprint else None
    if row:
        lines.append(f"关联问题：第{row.number}条 [{row.finding.rule}] {row.finding.message}")
    lines.append("，".join(x for x in (note.reviewer, note.time[:16].replace("T", " ")) if x))
    return "\n".join(x for x in lines if x)


def note_places(data: ExportData, note: Note) -> list[tuple[int, Bbox]]:
    """Where a note is printed: its own page and box, else its table cell's or its text span's
    as the document was parsed for this export; [] when neither can be found."""
    if note.page is not None and note.bbox is not None:
        return [(note.page, note.bbox)]
    report = data.report
    if note.kind == "cell" and note.table is not None and note.column is not None:
        table = report.table(note.table)
        ref = table.cells.get((note.row, note.column)) if table and note.row is not None else None
        return [(ref.page, ref.bbox)] if ref is not None else []
    if note.kind == "text" and note.start is not None and note.end is not None:
        nar = report.narrative
        start, end = note.start, note.end
        if note.quote and nar.text[start:end] != note.quote:  # parsed anew: find the words again
            at = nar.text.find(note.quote)
            start, end = (at, at + len(note.quote)) if at >= 0 else (0, 0)
        boxes = nar.boxes(start, end) if end > start else []
        if boxes:
            first = boxes[0][0]
            return [(first, union([b for pg, b in boxes if pg == first]))]
    return []


def _sticky(writer: PdfWriter, page_index: int, at: tuple[float, float], *, text: str,
            author: str, when: str, name: str, subject: str) -> None:
    """A note icon (a Text annotation) with its popup, at a point of the page."""
    x, y = at
    annot = Text(rect=(x, y - 20, x + 20, y), text=text, open=False)
    annot[NameObject("/Name")] = NameObject("/Comment")
    annot[NameObject("/C")] = ArrayObject(FloatObject(v) for v in _rgb(NOTE_COLOUR))
    _add(writer, page_index, annot, text=text, author=author, when=when, name=name,
         subject=subject)


def _provenance(writer: PdfWriter, data: ExportData) -> None:
    p = data.provenance
    lines = [f"{p.app} {p.app_version} 审核结果", f"文件：{p.file_name}", f"SHA-256：{p.sha256}",
             f"规则集：{p.rule_set}", f"问题 {len(data.rows)} 条，批注 {len(data.notes)} 条",
             f"审核记录：{p.review_events} 个事件，链头 {p.review_head}" if p.review_head
             else "审核记录：无", f"导出：{p.reviewer or '—'}，{p.exported_at.replace('T', ' ')}"]
    if p.review_head:
        lines.append("核对：verify-review PDF文件 --head 链头（记录在导出后若被改写，核对即失败）")
    left, _, _, top = (float(v) for v in writer.pages[0].cropbox)
    _sticky(writer, 0, (left + 4, top - 4), text="\n".join(lines), author=p.app,
            when=p.exported_at, name="provenance", subject="审核信息")


def write_pdf(data: ExportData, path: Path) -> None:
    writer = PdfWriter(io.BytesIO(source_bytes(data.report)), incremental=True)
    p = data.provenance
    geometry = {i + 1: (page.rotation % 360, tuple(float(v) for v in page.cropbox))
                for i, page in enumerate(writer.pages)}
    _provenance(writer, data)
    for row in data.rows:
        colour = DISMISSED if row.status == "dismissed" else \
            HIGHLIGHT.get(row.finding.severity, HIGHLIGHT["warn"])
        by_page: dict[int, list[Bbox]] = {}
        places = [loc for f in [row.finding, *row.finding.members] for loc in f.locations]
        for loc in places:
            if loc.bbox and loc.page in geometry and loc.bbox not in by_page.get(loc.page, []):
                by_page.setdefault(loc.page, []).append(loc.bbox)
        for page, boxes in by_page.items():
            rotation, crop = geometry[page]
            rects = [to_pdf_box(b, rotation, crop) for b in boxes]
            rect = (min(r[0] for r in rects), min(r[1] for r in rects),
                    max(r[2] for r in rects), max(r[3] for r in rects))
            quads = ArrayObject(FloatObject(v) for b in boxes for v in quad(b, rotation, crop))
            annot = Highlight(rect=rect, quad_points=quads, highlight_color=colour, printing=True)
            annot[NameObject("/AP")] = DictionaryObject(
                {NameObject("/N"): _appearance(writer, rect, rects, colour, highlight=True)})
            d = row.decision  # undecided: the program's finding, no reviewer's
            _add(writer, page - 1, annot, text=_finding_text(row, page),
                 author=(d.reviewer if d and d.status != "open" else "") or p.app,
                 when=(d.time if d and d.time else p.exported_at),
                 name=f"finding-{row.finding.fingerprint}-p{page}",
                 subject=f"审核发现 {row.finding.rule}")
    for k, note in enumerate(data.notes):
        if note.kind == "finding" and data.row_of(note.fingerprint) is not None:
            continue  # in its finding's popup text (_finding_text)
        places = [(pg, box) for pg, box in note_places(data, note) if pg in geometry]
        author, when = note.reviewer or p.app, note.time or p.exported_at
        if not places:  # never left out: a sticky note on the first page says what it was on
            left, _, _, top = (float(v) for v in writer.pages[0].cropbox)
            where = "所批注的问题已不在本次结果中" if note.kind == "finding" else "未能在本次解析结果中找到原位置"
            _sticky(writer, 0, (left + 28 + 22 * (k % 20), top - 4),
                    text=_note_text(data, note) + f"\n（{where}）", author=author, when=when,
                    name=f"note-{note.id}", subject=note_kind_zh(note))
            continue
        page, box = places[0]
        rotation, crop = geometry[page]
        rect = to_pdf_box(box, rotation, crop)
        annot = Rectangle(rect, border_color=NOTE_COLOUR)
        annot[NameObject("/BS")] = DictionaryObject({NameObject("/W"): FloatObject(1.5)})
        annot[NameObject("/AP")] = DictionaryObject(
            {NameObject("/N"): _appearance(writer, rect, [rect], NOTE_COLOUR, highlight=False)})
        _add(writer, page - 1, annot, text=_note_text(data, note), author=author, when=when,
             name=f"note-{note.id}", subject=note_kind_zh(note))
    writer.write(path)
