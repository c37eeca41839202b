"""The batch summary workbook: 汇总 (one row per document) and 规则矩阵 (document × rule).

Written like the review exports: numbers as numbers, every text neutralised and typed as a
string (a file or entity name starting with "=" never runs as a formula), frozen header,
autofilter and widths, to a temporary name and renamed, never over an existing file unless asked.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.batch import BatchRow
from core.checks.model import SEVERITIES, SEVERITY_ZH
from core.export.common import neutralise, write_atomically

SUMMARY_HEADERS = ["序号", "文件", "类型", "级次", "年度", "单位名称", "页数", "识别表格数",
                   "缺少表格", *(SEVERITY_ZH[s] for s in SEVERITIES), "问题合计", "用时（秒）",
                   "检查结果"]
SUMMARY_WIDTHS = {"序号": 5, "文件": 40, "类型": 12, "级次": 8, "年度": 6, "单位名称": 26,
                  "页数": 6, "识别表格数": 8, "缺少表格": 20, "问题合计": 8, "用时（秒）": 9,
                  "检查结果": 30}
SUMMARY_WRAP = {"文件", "单位名称", "缺少表格", "检查结果"}
CHECKED = "已检查"
FONT = "宋体"
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
FAILED_FILL = PatternFill("solid", fgColor="F8CBAD")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def summary_rows(rows: list[BatchRow], root: Path | None = None) -> list[list[Any]]:
    """The 汇总 sheet's cells in SUMMARY_HEADERS order (the GUI's table shows the same)."""
    out: list[list[Any]] = []
    for n, r in enumerate(rows, start=1):
        name = shown_path(r.path, root)
        if r.error:
            out.append([n, name, r.doc_kind, "", None, "", None, None, "",
                        *([None] * len(SEVERITIES)), None, round(r.seconds, 2), r.error])
            continue
        kind = r.doc_kind or f"{r.scope}{r.kind}"
        out.append([n, name, kind, r.level, r.year, r.entity, r.pages, len(r.tables),
                    "、".join(r.missing), *(r.severities.get(s, 0) for s in SEVERITIES),
                    r.findings, round(r.seconds, 2), CHECKED])
    return out


def rule_matrix(rows: list[BatchRow], root: Path | None = None
                ) -> tuple[list[str], list[list[Any]]]:
    """Headers (序号, 文件, then every rule that fired anywhere), one row per checked document."""
    rules = sorted({rule for r in rows for rule in r.rules})
    body = [[n, shown_path(r.path, root), *(r.rules.get(rule) for rule in rules)]
            for n, r in enumerate(rows, start=1) if not r.error]
    return ["序号", "文件", *rules], body


def _sheet(ws: Worksheet, headers: Sequence[str], rows: list[list[Any]],
           widths: dict[str, float], wrap: set[str]) -> None:
    """Header, typed cells, widths, frozen header and first column, autofilter."""
    ws.append(list(headers))
    for c, name in enumerate(headers, start=1):
        cell = ws.cell(1, c)
        cell.font = Font(name=FONT, size=10, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = widths.get(name, 10)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            if isinstance(value, str):
                cell.value = neutralise(value)
                cell.data_type = "s"  # never a formula, whatever the text
            elif value is not None:
                cell.value = value
                if isinstance(value, float):
                    cell.number_format = "0.00"
            cell.font = Font(name=FONT, size=10)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=headers[c - 1] in wrap)
    ws.freeze_panes = "C2"  # the header and the file name stay in view
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"


def write_summary(rows: list[BatchRow], out: Path, force: bool = False,
                  root: Path | None = None) -> Path:
    """Write the workbook; raises ExportExists (out exists, no force) or ExportError."""
    def produce(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "汇总"
        body = summary_rows(rows, root)
        _sheet(ws, SUMMARY_HEADERS, body, SUMMARY_WIDTHS, SUMMARY_WRAP)
        result = SUMMARY_HEADERS.index("检查结果") + 1
        for r, row in enumerate(rows, start=2):
            if row.error:
                ws.cell(r, result).fill = FAILED_FILL
        headers, matrix = rule_matrix(rows, root)
        _sheet(wb.create_sheet("规则矩阵"), headers, matrix,
               {"序号": 5, "文件": 40, **{h: 10 for h in headers[2:]}}, {"文件"})
        wb.save(tmp)

    return write_atomically(Path(out), force, produce)


def shown_path(path: str, root: Path | None) -> str:
    """The file as the reviewer knows it: relative to the checked folder when there was one."""
    if root is not None:
        try:
            return str(Path(path).resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return path
