"""The Word 审核工作底稿: the working paper a Chinese audit office files for one disclosure.

Its shape follows the usual form: title, a heading table (被审核单位, 索引号, 审核事项, 审核人 /
复核人 and dates), a summary of the findings by severity and status, the findings grouped by
severity with page citations and the arithmetic (each error with a picture of the page region it
concerns), the reviewers' notes, a space for the conclusion, and the provenance at the end.
"""
from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from core.checks.model import SEVERITIES, SEVERITY_ZH, Location
from core.errors import ExportError
from core.export.common import (ExportData, Row, note_kind_zh, note_line, row_label, source_bytes,
                                table_name)
from core.export.crops import PageCropper
from core.export.docx_style import column_widths, page_footer, setup_document, shade
from core.review.model import STATUS_ZH, STATUSES

ORDER = ("error", "warn", "manual", "info")  # detailed first, then the lists
DETAILED = ("error", "warn")
PICTURE_WIDTH_CM, PICTURE_MAX_HEIGHT_CM = 15.5, 9.0
MAX_PICTURES = 3  # pages pictured per finding
CN_NUMBERS = "一二三四五六七八九十"


def index_number(data: ExportData) -> str:
    p = data.provenance
    return f"{p.year or ''}{p.kind}-{p.sha256[:8].upper()}"


def subject(data: ExportData) -> str:
    p = data.provenance
    year = f"{p.year}年度" if p.year else ""
    return f"{p.entity}{year}{p.scope}{p.kind}公开审核".strip() or "预决算公开审核"


def _amount(value: Decimal | str | None, grouped: bool) -> str:
    """A value at its own precision; amounts (with a unit) with thousands separators."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return f"{value:{',' if grouped else ''}.{decimals}f}"
    return "" if value is None else str(value)


def where(data: ExportData, loc: Location) -> str:
    """A citation a reader can follow: 第15页 表名“行”“列”, or the quoted text."""
    text = f"第{loc.page}页"
    if loc.table:
        text += f" {table_name(data.report, loc.table)}"
        label = row_label(data.report, loc.table, loc.row)
        text += f"“{label}”行" if label else ""
        text += f"“{loc.column}”列" if loc.column else ""
    elif loc.text:
        text += f"“{loc.text[:40]}”"
    return text


def _info_table(doc: DocumentObject, data: ExportData) -> None:
    p = data.provenance
    day = p.exported_at[:10]
    table = doc.add_table(rows=5, cols=4, style="Table Grid")
    cells = [("被审核单位", p.entity or "（未识别）", "索引号", index_number(data)),
             ("审核事项", subject(data), None, None),
             ("审核人", p.reviewer, "日期", day),
             ("复核人", "", "日期", ""),
             ("资料来源", p.file_name, None, None)]
    for r, values in enumerate(cells):
        row = table.rows[r].cells
        for c, value in enumerate(values):
            if value is not None:
                row[c].text = value
            if c % 2 == 0 and value is not None:
                shade(row[c])
                row[c].paragraphs[0].runs[0].bold = True
        if values[2] is None:
            row[1].merge(row[3])
    column_widths(table, [2.8, 6.4, 2.0, 5.4])


def _summary(doc: DocumentObject, data: ExportData) -> None:
    doc.add_heading("一、审核概况", level=1)
    counts = {(s, st): 0 for s in SEVERITIES for st in STATUSES}
    for row in data.rows:
        key = (row.finding.severity, row.status)
        counts[key] = counts.get(key, 0) + 1
    total = len(data.rows)
    by_sev = "、".join(f"{SEVERITY_ZH[s]} {sum(counts[(s, st)] for st in STATUSES)} 条"
                       for s in ORDER if any(counts[(s, st)] for st in STATUSES))
    by_status = "、".join(f"{STATUS_ZH[st]} {sum(counts[(s, st)] for s in SEVERITIES)} 条"
                          for st in STATUSES if any(counts[(s, st)] for s in SEVERITIES))
    doc.add_paragraph(f"本次审核依据 {data.provenance.rule_set} 对“{data.provenance.file_name}”"
                      f"（共 {data.provenance.pages} 页）进行了检查，共发现问题 {total} 条"
                      + (f"，其中{by_sev}；处理情况：{by_status}。" if total else "。")
                      + ("" if data.provenance.include_dismissed else "已排除的问题未列入本底稿。"))
    table = doc.add_table(rows=len(ORDER) + 2, cols=len(STATUSES) + 2, style="Table Grid")
    header = ["严重程度", *(STATUS_ZH[st] for st in STATUSES), "合计"]
    for c, text in enumerate(header):
        table.cell(0, c).text = text
        table.cell(0, c).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        shade(table.cell(0, c))
    for r, sev in enumerate([*ORDER, None], start=1):
        sevs = SEVERITIES if sev is None else (sev,)
        values = [sum(counts[(s, st)] for s in sevs) for st in STATUSES]
        row = [SEVERITY_ZH[sev] if sev else "合计", *map(str, values), str(sum(values))]
        for c, text in enumerate(row):
            table.cell(r, c).text = text
            table.cell(r, c).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    column_widths(table, [3.0] + [2.6] * len(STATUSES) + [2.6])


def _picture(doc: DocumentObject, data: ExportData, cropper: PageCropper | None, row: Row,
             figure: list[int]) -> None:
    if cropper is None:
        return
    by_page: dict[int, list] = {}
    for loc in row.finding.locations:
        if loc.bbox:
            by_page.setdefault(loc.page, []).append(loc.bbox)
    for page, boxes in list(by_page.items())[:MAX_PICTURES]:
        lines = [ln.box for ln in data.report.document.page(page).lines]
        crop = cropper.crop(page, boxes, lines)
        width = min(PICTURE_WIDTH_CM, PICTURE_MAX_HEIGHT_CM * crop.width / crop.height)
        doc.add_picture(io.BytesIO(crop.png), width=Cm(width))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the caption stays below it
        figure[0] += 1
        doc.add_paragraph(f"图{figure[0]}　第{page}页相关位置（红框处）", style="Caption"
                          ).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _detailed(doc: DocumentObject, data: ExportData, row: Row, number: int,
              cropper: PageCropper | None, figure: list[int]) -> None:
    f, d = row.finding, row.decision
    head = doc.add_paragraph()
    head.paragraph_format.space_before = Pt(6)
    head.paragraph_format.keep_with_next = True
    head.add_run(f"{number}．[{f.rule}] {f.title}").bold = True
    head.add_run(f"　【{row.status_zh}】")
    places = list(dict.fromkeys(where(data, loc) for loc in f.locations))
    if places:
        doc.add_paragraph("位置：" + "；".join(places[:6]) + ("等" if len(places) > 6 else ""))
    doc.add_paragraph(f"问题：{f.message}")
    for line in row.members_text().splitlines():  # a grouped finding: its consequences, inside it
        doc.add_paragraph(line).paragraph_format.left_indent = Cm(0.74)
    if isinstance(row.printed, Decimal) and "computed" in f.values:  # not for 应为 (a year)
        grouped = bool(row.unit)
        parts = [f"印刷值 {_amount(row.printed, grouped)}",
                 f"计算值 {_amount(row.computed, grouped)}"]
        if row.diff is not None:
            parts.append(f"差额 {_amount(row.diff, grouped)}")
        doc.add_paragraph("复算：" + "，".join(parts) + (f"（{row.unit}）" if row.unit else ""))
    if d:
        who = "，".join(x for x in (d.reviewer, d.time[:16].replace("T", " ")) if x)
        doc.add_paragraph(f"处理：{row.status_zh}" + (f"；理由：{d.reason}" if d.reason else "")
                          + (f"（{who}）" if who else ""))
    for note in row.notes:
        doc.add_paragraph(f"批注：{note_line(note)}")
    if f.severity == "error":
        _picture(doc, data, cropper, row, figure)


def _listed(doc: DocumentObject, data: ExportData, rows: list[Row]) -> None:
    """Warnings to check by hand and rounding notes: one line each, in a table."""
    table = doc.add_table(rows=1, cols=5, style="Table Grid")
    for c, text in enumerate(("序号", "规则", "页码", "说明", "状态")):
        table.cell(0, c).text = text
        shade(table.cell(0, c))
    for i, row in enumerate(rows, start=1):
        notes = "；".join(note_line(n) for n in row.notes)
        cells = table.add_row().cells
        values = (str(i), row.finding.rule, "、".join(map(str, row.pages)),
                  row.message_with_members() + (f"（批注：{notes}）" if notes else ""),
                  row.status_zh + (f"：{row.decision.reason}" if row.decision and row.decision.reason
                                   else ""))
        for c, value in enumerate(values):
            cells[c].text = value
    column_widths(table, [1.2, 2.4, 1.6, 9.6, 1.8])
    for row_ in table.rows:
        for cell in row_.cells:
            for par in cell.paragraphs:
                for run in par.runs:
                    run.font.size = Pt(9)


def _findings(doc: DocumentObject, data: ExportData, cropper: PageCropper | None,
              no_pictures: str = "") -> None:
    doc.add_heading("二、审核发现", level=1)
    if no_pictures:
        doc.add_paragraph(f"（{no_pictures}；未附页面截图。）")
    if not data.rows:
        doc.add_paragraph("未发现问题。")
    figure = [0]
    groups = [(s, [r for r in data.rows if r.finding.severity == s]) for s in ORDER]
    for n, (severity, rows) in enumerate([g for g in groups if g[1]]):
        doc.add_heading(f"（{CN_NUMBERS[n]}）{SEVERITY_ZH[severity]}（{len(rows)} 条）", level=2)
        if severity in DETAILED:
            for i, row in enumerate(rows, start=1):
                _detailed(doc, data, row, i, cropper, figure)
        else:
            _listed(doc, data, rows)


def _notes(doc: DocumentObject, data: ExportData) -> None:
    doc.add_heading("三、审核批注", level=1)
    others = [n for n in data.notes if n.kind != "finding"]
    if not others:
        doc.add_paragraph("无其他批注（针对具体问题的批注已列于各问题之下）。")
    for i, note in enumerate(others, start=1):
        place = f"第{note.page}页" if note.page else ""
        quote = f"“{note.quote}”" if note.quote else ""
        doc.add_paragraph(f"{i}．{note_kind_zh(note)}（{place}{quote}）：{note_line(note)}")


def _closing(doc: DocumentObject, data: ExportData) -> None:
    doc.add_heading("四、审核结论及处理意见", level=1)
    box = doc.add_table(rows=1, cols=1, style="Table Grid")
    box.rows[0].height = Cm(4)
    column_widths(box, [16.6])
    doc.add_heading("五、来源与版本", level=1)
    p = data.provenance
    items = [("文件名", p.file_name), ("SHA-256", p.sha256), ("页数", str(p.pages)),
             ("软件版本", f"{p.app} {p.app_version}"), ("规则集版本", p.rule_set),
             ("审核记录", f"{p.review_events} 条事件，链头 {p.review_head}（用 verify-review "
              "--head 核对：记录在导出后若被改写，核对即失败）" if p.review_head else "无"),
             ("导出人", p.reviewer), ("导出时间", p.exported_at.replace("T", " "))]
    table = doc.add_table(rows=len(items), cols=2, style="Table Grid")
    for r, (key, value) in enumerate(items):
        table.cell(r, 0).text, table.cell(r, 1).text = key, value
        shade(table.cell(r, 0))
    column_widths(table, [3.0, 13.6])


def write_docx(data: ExportData, path: Path) -> None:
    doc = Document()
    setup_document(doc)
    head = f"　审核记录链头：{data.provenance.review_head[:16]}" if data.provenance.review_head else ""
    page_footer(doc, f"审核工作底稿　索引号：{index_number(data)}{head}")
    doc.add_paragraph("审核工作底稿", style="Title")
    _info_table(doc, data)
    _summary(doc, data)
    pdf, problem = None, ""
    if any(r.finding.severity == "error" and r.located for r in data.rows):
        try:
            pdf = source_bytes(data.report)
        except ExportError as exc:  # the paper is still worth having without the pictures
            problem = str(exc)
    if pdf is None:
        _findings(doc, data, None, problem)
    else:
        with PageCropper(pdf) as cropper:
            _findings(doc, data, cropper)
    _notes(doc, data)
    _closing(doc, data)
    doc.core_properties.title = f"审核工作底稿 {subject(data)}"
    doc.core_properties.author = data.provenance.reviewer or data.provenance.app
    doc.core_properties.subject = data.provenance.sha256
    p = data.provenance
    doc.core_properties.comments = f"{p.app} {p.app_version}; {p.rule_set}"
    doc.save(str(path))
