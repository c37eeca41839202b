"""The batch summary workbook: 汇总 (one row per document) and 规则矩阵 (document × rule).

Written like the review exports (core/export/xlsx.py): numbers as numbers, every text neutralised,
frozen header and autofilter, to a temporary name and renamed, never over an existing file unless
asked.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from core.batch import BatchRow
from core.checks.model import SEVERITIES
from core.export.common import write_atomically
from core.export.xlsx import list_sheet

SEVERITY_ZH = {"error": "错误", "warn": "警告", "info": "提示", "manual": "需人工"}
SUMMARY_HEADERS = ["序号", "文件", "类型", "部门/单位", "年度", "单位名称", "页数", "识别表格数",
                   "缺少表格", *(SEVERITY_ZH[s] for s in SEVERITIES), "问题合计", "用时（秒）",
                   "检查结果"]
SUMMARY_WIDTHS = {"序号": 5, "文件": 40, "类型": 6, "部门/单位": 8, "年度": 6, "单位名称": 26,
                  "页数": 6, "识别表格数": 8, "缺少表格": 20, "问题合计": 8, "用时（秒）": 9,
                  "检查结果": 30}


def summary_rows(rows: list[BatchRow], root: Path | None = None) -> list[list[object]]:
    out: list[list[object]] = []
    for n, r in enumerate(rows, start=1):
        name = _shown_path(r.path, root)
        if r.error:
            out.append([n, name, "", "", None, "", None, None, "", *([None] * len(SEVERITIES)),
                        None, round(r.seconds, 2), r.error])
            continue
        out.append([n, name, r.kind, r.scope, r.year, r.entity, r.pages, len(r.tables),
                    "、".join(r.missing), *(r.severities.get(s, 0) for s in SEVERITIES),
                    r.findings, round(r.seconds, 2), "已检查"])
    return out


def rule_matrix(rows: list[BatchRow], root: Path | None = None) -> tuple[list[str], list[list[object]]]:
    """Headers (序号, 文件, then every rule that fired anywhere) and one row per checked document."""
    rules = sorted({rule for r in rows for rule in r.rules})
    body = [[n, _shown_path(r.path, root), *(r.rules.get(rule) for rule in rules)]
            for n, r in enumerate(rows, start=1) if not r.error]
    return ["序号", "文件", *rules], body


def write_summary(rows: list[BatchRow], out: Path, force: bool = False,
                  root: Path | None = None) -> Path:
    def produce(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "汇总"
        list_sheet(ws, SUMMARY_HEADERS, summary_rows(rows, root), SUMMARY_WIDTHS,
                   wrap={"文件", "单位名称", "缺少表格", "检查结果"})
        headers, body = rule_matrix(rows, root)
        list_sheet(wb.create_sheet("规则矩阵"), headers, body,
                   {"序号": 5, "文件": 40, **{h: 10 for h in headers[2:]}}, wrap={"文件"})
        wb.save(tmp)

    return write_atomically(Path(out), force, produce)


def _shown_path(path: str, root: Path | None) -> str:
    """The file as the reviewer knows it: relative to the checked folder when there was one."""
    if root is not None:
        try:
            return str(Path(path).resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return path
