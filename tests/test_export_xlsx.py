"""The Excel export read back with openpyxl: one row per finding, numbers as numbers, review and
provenance carried, nothing that Excel would run as a formula and no apostrophe put before the
reviewer's words (cells typed as text are never formulas)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from core import APP_VERSION
from core.export import write_export
from core.export.common import NOTE_HEADERS, as_number, rule_set_version
from core.export.xlsx import FINDING_COLUMNS
from core.review.model import STATUS_ZH
from tests.test_export_common import AMOUNTS, CAIDIAN, reviewed


def _records(ws: Worksheet) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row)) for row in rows[1:]]


def _export(report: Any, out: Path, **kw: Any) -> openpyxl.Workbook:
    write_export(report, reviewed(report), out, reviewer="张三", **kw)
    return openpyxl.load_workbook(out)


def test_sheets_headers_and_one_row_per_finding(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    wb = _export(report, tmp_path / "r.xlsx")
    assert wb.sheetnames == ["审核发现", "批注", "文档信息"]
    ws = wb["审核发现"]
    assert [c.value for c in ws[1]] == FINDING_COLUMNS
    records = _records(ws)
    assert len(records) == len(report.findings)
    for rec, finding in zip(records, report.findings):
        assert rec["规则编号"].value == finding.rule
        assert rec["说明"].value.startswith(finding.message)  # members listed after it
        assert all(m.message in rec["说明"].value for m in finding.members)
        assert rec["指纹"].value == finding.fingerprint
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:T{len(records) + 1}"
    assert ws.column_dimensions["D"].width >= 27  # 说明 is wide enough to read
    assert ws.print_area == f"'审核发现'!$A$1:$M${len(records) + 1}"  # the reading view
    assert ws.print_title_rows == "$1:$1" and "&P" in ws.oddFooter.center.text


def test_amounts_are_numbers_with_number_formats(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[AMOUNTS]
    records = _records(_export(report, tmp_path / "r.xlsx")["审核发现"])
    checked = 0
    for rec, finding in zip(records, report.findings):
        for header, key in (("印刷值", "printed"), ("计算值", "computed"), ("差额", "diff")):
            exact = as_number(finding.values.get(key))
            if exact is None:
                continue
            cell = rec[header]
            assert cell.data_type == "n", (header, cell.value)
            assert Decimal(str(cell.value)) == exact
            decimals = max(0, -exact.as_tuple().exponent)  # type: ignore[operator]
            assert cell.number_format.endswith("." + "0" * decimals if decimals else "0")
            checked += 1
    assert checked >= 30
    assert any(r["单位"].value == "万元" and "#,##0" in r["印刷值"].number_format for r in records)


def test_review_is_carried_and_formulas_stay_text(analysed: dict[str, Any],
                                                 tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    wb = _export(report, tmp_path / "r.xlsx")
    records = _records(wb["审核发现"])
    assert [r["状态"].value for r in records[:4]] == [STATUS_ZH[s] for s in
                                                    ("confirmed", "dismissed", "follow_up", "open")]
    assert records[0]["审核人"].value == "张三" and records[0]["时间"].is_date
    assert records[1]["处理理由"].value == "@SUM 口径不同"  # as written, typed as text
    assert records[1]["处理理由"].data_type == "s"
    assert records[0]["备注"].value.startswith("=1+1 请与单位核实")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    notes = _records(wb["批注"])
    assert [c.value for c in wb["批注"][1]] == NOTE_HEADERS
    assert [n["批注内容"].value for n in notes] == ["=1+1 请与单位核实", "排除前的说明",
                                                 "-此段口径不清", "请附明细", "表述不规范"]
    assert notes[0]["关联问题"].value == f"第1条 {report.findings[0].rule}"


def test_document_sheet_has_the_provenance(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    info = {r["项目"].value: r["内容"].value
            for r in _records(_export(report, tmp_path / "r.xlsx")["文档信息"])}
    assert info["SHA-256"] == report.document.sha256
    assert info["软件版本"] == APP_VERSION
    assert info["规则集版本"] == rule_set_version()
    assert info["页数"] == len(report.document.pages) and info["年度"] == 2023
    assert info["单位名称"] == report.document.entity and info["审核人"] == "张三"
    assert info["问题条数"] == len(report.findings)


def test_dismissed_findings_left_out_on_request(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    records = _records(_export(report, tmp_path / "r.xlsx", include_dismissed=False)["审核发现"])
    assert len(records) == len(report.findings) - 1
    assert "已排除" not in {r["状态"].value for r in records}
