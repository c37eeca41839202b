"""The Excel workbook reviewers file: 审核发现 (one row per finding), 批注 and 文档信息.

Amounts are written as numbers with a number format that shows the printed precision, so the
reviewer can sum and filter them; times are real Excel dates. Every text cell is typed as a
string, so nothing a document or a reviewer wrote can run as a formula, and is written as it is
(no apostrophe: that guard belongs to CSV, whose cells have no type).

The list is made to be printed and filed: the first columns (A to M) are the reading view, sized
to fit A4 landscape at 8 pt or more (the message wrapped, the place cited in one cell: page,
table, row, column), with the header repeated on every page and 第 X 页 共 Y 页 and the review's
chain head in the footer; the columns after them give rule, page, table, row, column, time and
fingerprint one per column, for sorting and filtering, and are not printed. Amount columns are
as wide as their longest value, so no cell shows ###.
"""
from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from core.export.common import (AMOUNT_HEADERS, NOTE_HEADERS, ExportData, Row, listing,
                                note_cells, pages_cell)

FONT = "宋体"
SIZE = 10
LINE_HEIGHT = 13.5  # points per wrapped line at SIZE
CELL_LIMIT = 32_000  # Excel holds at most 32,767 characters in a cell
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SEVERITY_FILL = {"error": "F8CBAD", "warn": "FFE699", "manual": "E4DFEC", "info": "DDEBF7"}
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MARGINS = PageMargins(left=0.25, right=0.25, top=0.6, bottom=0.6, header=0.25, footer=0.25)

FINDING_COLUMNS = ["序号", "严重程度", "规则", "说明", "位置", "印刷值", "计算值", "差额", "单位",
                   "状态", "处理理由", "审核人", "备注",  # printed: the reading view (A:M)
                   "规则编号", "页码", "表", "行", "列", "时间", "指纹"]  # for sorting, filtering
PRINTED = FINDING_COLUMNS.index("备注") + 1
# Widths in Excel's units (about one digit). LibreOffice prints a unit as 6.9 pt of a 10 pt
# font: the printed columns add up to 123 units with amounts in 万元 and 138 with 8-digit 元
# amounts, which A4 landscape takes at 93% and 82% (9.3 and 8.2 pt).
FINDING_WIDTHS = {"序号": 4, "严重程度": 6, "规则": 10, "说明": 27, "位置": 12, "单位": 4,
                  "状态": 6, "处理理由": 8, "审核人": 7, "备注": 10, "规则编号": 10, "页码": 7,
                  "表": 18, "行": 16, "列": 12, "时间": 16, "指纹": 17}
NOTE_WIDTHS = {"序号": 4.5, "类型": 10, "关联问题": 14, "页码": 5, "表": 14, "行": 12, "列": 10,
               "引文": 16, "批注内容": 36, "审核人": 7, "时间": 15}
WRAP = {"规则", "处理理由", "表", "行", "列", "说明", "位置", "印刷值", "计算值", "备注", "引文",
        "批注内容", "关联问题", "内容", "审核人", "类型"}
CENTRE = {"序号", "严重程度", "状态", "页码", "单位", "类型"}


def number_format(value: Decimal, grouped: bool) -> str:
    """Show the value to its own precision (0.00 for 12.89, 0.0000 for a recomputed rate)."""
    exponent = value.as_tuple().exponent
    decimals = min(-exponent, 6) if isinstance(exponent, int) and exponent < 0 else 0
    return ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")


def shown(value: Decimal, grouped: bool) -> str:
    """The value as its number format displays it (to size its column)."""
    exponent = value.as_tuple().exponent
    decimals = min(-exponent, 6) if isinstance(exponent, int) and exponent < 0 else 0
    return f"{value:{',' if grouped else ''}.{decimals}f}"


def parse_time(text: str) -> datetime | None:
    """An ISO time as a local, naive datetime (Excel has no time zones), or None."""
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None) if text else None
    except ValueError:
        return None


def text_lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs (a Chinese character is almost two columns wide)."""
    per_line = max(1.0, width - 1)
    return sum(max(1, math.ceil(sum(1.8 if ord(ch) > 0x2E7F else 1 for ch in part) / per_line))
               for part in text.split("\n"))


def _put(cell: Any, value: Any) -> None:
    if isinstance(value, Decimal):
        cell.value = float(value)
        cell.number_format = number_format(value, grouped=False)
    elif isinstance(value, datetime):
        cell.value = value
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, str):
        cell.value = value if len(value) <= CELL_LIMIT else value[:CELL_LIMIT] + "…"
        cell.data_type = "s"  # never a formula, whatever the text
    elif value is not None:
        cell.value = value


def _print_setup(ws: Worksheet, columns: int, data: ExportData, title: str) -> None:
    """A4 landscape, the columns fitted to the page width, header row on every page, page
    numbers and the review's chain head in the footer (what ties the paper to the log)."""
    ws.print_title_rows = "1:1"
    ws.print_area = f"A1:{get_column_letter(columns)}{ws.max_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = MARGINS
    ws.print_options.horizontalCentered = True
    p = data.provenance
    ws.oddHeader.left.text = f"{p.entity or p.file_name}　{title}"[:200]
    ws.oddHeader.left.size = 9
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.center.size = 9
    head = f"审核记录 {p.review_events} 个事件，链头 {p.review_head[:16]}" if p.review_head \
        else "无审核记录"
    ws.oddFooter.right.text = head
    ws.oddFooter.right.size = 8
    ws.oddFooter.left.text = f"SHA-256 {p.sha256[:16]}…"
    ws.oddFooter.left.size = 8


def _table(ws: Worksheet, headers: Sequence[str], rows: list[list[Any]],
           widths: dict[str, float]) -> None:
    """Header, rows, widths, frozen header and autofilter of a list sheet."""
    ws.append(list(headers))
    for c, name in enumerate(headers, start=1):
        cell = ws.cell(1, c)
        cell.font = Font(name=FONT, size=SIZE, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = widths.get(name, 12)
    ws.row_dimensions[1].height = 2 * LINE_HEIGHT + 3  # 严重程度 and 处理理由 take two lines
    for r, values in enumerate(rows, start=2):
        lines = 1
        for c, value in enumerate(values, start=1):
            name = headers[c - 1]
            cell = ws.cell(r, c)
            _put(cell, value)
            cell.font = Font(name=FONT, size=SIZE)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=name in WRAP,
                                       horizontal="center" if name in CENTRE else None)
            if name in WRAP and isinstance(value, str) and c <= PRINTED:
                lines = max(lines, text_lines(value, widths.get(name, 12)))
        # Excel, WPS and LibreOffice do not all grow rows for wrapped text on opening
        ws.row_dimensions[r].height = min(409, lines * LINE_HEIGHT + 3)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"


def place(row: Row) -> str:
    """Where a finding is, in one cell: pages, then each cited table, row and column."""
    lines = [f"第{pages_cell(row.pages)}页"] if row.pages else []
    if row.tables:
        lines.append(listing(row.tables, 2))
    if row.rows:
        lines.append("行：" + listing(row.rows, 2))
    if row.columns:
        lines.append("列：" + listing(row.columns, 2))
    return "\n".join(lines)


def finding_row(row: Row) -> list[Any]:
    """The row's cells in FINDING_COLUMNS order, exact values kept as Decimal."""
    f, d = row.finding, row.decision
    return [row.number, row.severity_zh, f"{f.rule}\n{f.title}" if f.title else f.rule,
            row.message_with_members(), place(row), row.printed, row.computed, row.diff, row.unit,
            row.status_zh, d.reason if d else "", d.reviewer if d else "", row.notes_text(),
            f.rule, pages_cell(row.pages), listing(row.tables), listing(row.rows),
            listing(row.columns), (parse_time(d.time) or d.time) if d else "", f.fingerprint]


def _amount_widths(data: ExportData) -> dict[str, float]:
    """Each amount column as wide as its longest value as displayed, so none shows ###."""
    widths = {}
    for name in AMOUNT_HEADERS:
        attr = {"印刷值": "printed", "计算值": "computed", "差额": "diff"}[name]
        longest = 6
        for row in data.rows:
            v = getattr(row, attr)
            if isinstance(v, Decimal):
                longest = max(longest, len(shown(v, grouped=bool(row.unit))))
        widths[name] = min(20.0, longest * 0.95 + 1.2)  # SimSun digits: 0.95 unit each in Excel
    return widths


def _findings_sheet(ws: Worksheet, data: ExportData) -> None:
    rows = [finding_row(row) for row in data.rows]
    _table(ws, FINDING_COLUMNS, rows, {**FINDING_WIDTHS, **_amount_widths(data)})
    _print_setup(ws, PRINTED, data, "审核发现")
    severity_col = FINDING_COLUMNS.index("严重程度") + 1
    amounts = [FINDING_COLUMNS.index(h) for h in AMOUNT_HEADERS]
    for r, (row, cells) in enumerate(zip(data.rows, rows), start=2):
        fill = SEVERITY_FILL.get(row.finding.severity)
        if fill:
            ws.cell(r, severity_col).fill = PatternFill("solid", fgColor=fill)
        for i in amounts:  # thousands separators for amounts (with a unit), not for years or rates
            if isinstance(cells[i], Decimal):
                ws.cell(r, i + 1).number_format = number_format(cells[i], grouped=bool(row.unit))


def _notes_sheet(ws: Worksheet, data: ExportData) -> None:
    time_col = NOTE_HEADERS.index("时间")
    rows = []
    for i, note in enumerate(data.notes, start=1):
        cells = note_cells(data, i, note)
        cells[time_col] = parse_time(cells[time_col]) or cells[time_col]
        rows.append(cells)
    _table(ws, NOTE_HEADERS, rows, NOTE_WIDTHS)
    _print_setup(ws, len(NOTE_HEADERS), data, "审核批注")


def _info_sheet(ws: Worksheet, data: ExportData) -> None:
    p = data.provenance
    counts = "；".join(f"{s} {n} 条" for s, n in _severity_counts(data))
    items: list[tuple[str, Any]] = [
        ("文件名", p.file_name), ("文件路径", p.path), ("SHA-256", p.sha256), ("页数", p.pages),
        ("类型", f"{p.scope}{p.kind}"), ("年度", p.year), ("单位名称", p.entity),
        ("PDF 生成软件", p.producer), ("软件", p.app), ("软件版本", p.app_version),
        ("规则集版本", p.rule_set), ("审核人", p.reviewer),
        ("导出时间", parse_time(p.exported_at) or p.exported_at),
        ("问题条数", len(data.rows)), ("其中", counts),
        ("已排除的问题", "包含" if p.include_dismissed else "未包含"),
        ("审核记录事件数", p.review_events), ("审核记录链头", p.review_head),
        ("核对方法", "verify-review PDF文件 --head 链头：记录在导出后若被改写，核对即失败"
         if p.review_head else ""),
    ]
    _table(ws, ["项目", "内容"], [[k, v] for k, v in items], {"项目": 16, "内容": 72})
    for r in range(2, len(items) + 2):
        ws.cell(r, 2).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    ws.auto_filter.ref = None
    ws.freeze_panes = None
    _print_setup(ws, 2, data, "文档信息")
    ws.page_setup.orientation = "portrait"


def _severity_counts(data: ExportData) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for row in data.rows:
        counts[row.severity_zh] = counts.get(row.severity_zh, 0) + 1
    return list(counts.items())


def write_xlsx(data: ExportData, path: Path) -> None:
    wb = Workbook()
    findings = wb.active
    findings.title = "审核发现"
    _findings_sheet(findings, data)
    _notes_sheet(wb.create_sheet("批注"), data)
    _info_sheet(wb.create_sheet("文档信息"), data)
    wb.properties.creator = data.provenance.reviewer or data.provenance.app
    wb.properties.title = f"{data.provenance.entity} 审核发现"
    wb.properties.subject = data.provenance.sha256
    wb.save(path)
