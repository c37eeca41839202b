"""The Excel workbook reviewers file: 审核发现 (one row per finding), 批注 and 文档信息.

Amounts are written as numbers with a number format that shows the printed precision, so the
reviewer can sum and filter them; times are real Excel dates. Every text cell is neutralised and
typed as a string, so nothing a document or a reviewer wrote can run as a formula.
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
from openpyxl.worksheet.worksheet import Worksheet

from core.export.common import (AMOUNT_HEADERS, FINDING_HEADERS, NOTE_HEADERS, ExportData,
                                finding_cells, neutralise, note_cells)

FONT = "宋体"
SIZE = 10
LINE_HEIGHT = 13.5  # points per wrapped line at SIZE
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SEVERITY_FILL = {"error": "F8CBAD", "warn": "FFE699", "manual": "E4DFEC", "info": "DDEBF7"}
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FINDING_WIDTHS = {"序号": 5, "规则编号": 10, "规则": 16, "严重程度": 8, "状态": 7, "处理理由": 14,
                  "页码": 7, "表": 18, "行": 16, "列": 12, "说明": 44, "印刷值": 12, "计算值": 12,
                  "差额": 10, "单位": 5, "审核人": 8, "时间": 15, "备注": 24, "指纹": 17}
NOTE_WIDTHS = {"序号": 5, "类型": 12, "关联问题": 16, "页码": 6, "表": 18, "行": 16, "列": 12,
               "引文": 20, "批注内容": 44, "审核人": 8, "时间": 15}
WRAP = {"规则", "处理理由", "表", "行", "列", "说明", "印刷值", "计算值", "备注", "引文", "批注内容",
        "关联问题", "内容"}
CENTRE = {"序号", "严重程度", "状态", "页码", "单位", "类型"}


def number_format(value: Decimal, grouped: bool) -> str:
    """Show the value to its own precision (0.00 for 12.89, 0.0000 for a recomputed rate)."""
    exponent = value.as_tuple().exponent
    decimals = min(-exponent, 6) if isinstance(exponent, int) and exponent < 0 else 0
    return ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")


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
        cell.value = neutralise(value)
        cell.data_type = "s"  # never a formula, whatever the text
    elif value is not None:
        cell.value = value


def _table(ws: Worksheet, headers: Sequence[str], rows: list[list[Any]],
           widths: dict[str, float]) -> None:
    """Header, rows, widths, frozen header, autofilter and print setup of a list sheet."""
    ws.append(list(headers))
    for c, name in enumerate(headers, start=1):
        cell = ws.cell(1, c)
        cell.font = Font(name=FONT, size=SIZE, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = widths.get(name, 12)
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
            if name in WRAP and isinstance(value, str):
                lines = max(lines, text_lines(value, widths.get(name, 12)))
        # Excel, WPS and LibreOffice do not all grow rows for wrapped text on opening
        ws.row_dimensions[r].height = min(409, lines * LINE_HEIGHT + 3)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _findings_sheet(ws: Worksheet, data: ExportData) -> None:
    time_col = FINDING_HEADERS.index("时间")
    rows = []
    for row in data.rows:
        cells = finding_cells(row)
        cells[time_col] = parse_time(cells[time_col]) or cells[time_col]
        rows.append(cells)
    _table(ws, FINDING_HEADERS, rows, FINDING_WIDTHS)
    ws.print_area = f"A1:{get_column_letter(len(FINDING_HEADERS) - 1)}{len(rows) + 1}"  # not 指纹
    severity_col = FINDING_HEADERS.index("严重程度") + 1
    amounts = [FINDING_HEADERS.index(h) for h in AMOUNT_HEADERS]
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
        ("审核记录事件数", p.review_events), ("审核记录校验值", p.review_head),
    ]
    _table(ws, ["项目", "内容"], [[k, v] for k, v in items], {"项目": 16, "内容": 72})
    for r in range(2, len(items) + 2):
        ws.cell(r, 2).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    ws.auto_filter.ref = None
    ws.freeze_panes = None
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
