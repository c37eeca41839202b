"""CSV and JSON read back with the standard library: one entry per finding, review and provenance
carried, the notes after the findings in the CSV, UTF-8 with a BOM for Excel, formula-like text
neutralised in the CSV."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from core import APP_VERSION
from core.export import write_export
from core.export.common import FINDING_HEADERS, NOTE_HEADERS, as_number, rule_set_version
from tests.test_export_common import AMOUNTS, CAIDIAN, reviewed


def _tables(path: Path) -> list[list[dict[str, str]]]:
    """The CSV's tables (findings, then notes), split at the empty line between them."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    tables, current = [], []
    for row in rows + [[]]:
        if row:
            current.append(row)
        elif current:
            tables.append([dict(zip(current[0], r)) for r in current[1:]])
            current = []
    return tables


def _csv(path: Path) -> list[dict[str, str]]:
    return _tables(path)[0]


def test_csv_rows_review_and_neutralising(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    out = write_export(report, reviewed(report), tmp_path / "r.csv")
    rows = _csv(out)
    assert list(rows[0]) == FINDING_HEADERS
    assert [r["指纹"] for r in rows] == [f.fingerprint for f in report.findings]
    assert [r["状态"] for r in rows[:4]] == ["已确认", "已排除", "需跟进", "待处理"]
    assert rows[1]["处理理由"] == "'@SUM 口径不同"
    assert rows[0]["备注"].startswith("'=1+1 请与单位核实（张三")
    assert all(not v.startswith(("=", "+", "-", "@")) or as_number(v) is not None
               for r in rows for v in r.values())


def test_csv_amounts_are_exact(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[AMOUNTS]
    rows = _csv(write_export(report, None, tmp_path / "r.csv"))
    assert any(finding.values.get("diff", 0) < 0 for finding in report.findings)
    for row, finding in zip(rows, report.findings):
        if "diff" in finding.values:
            assert Decimal(row["差额"]) == finding.values["diff"]  # "-0.01" stays a number
            assert Decimal(row["计算值"]) == finding.values["computed"]
            assert row["单位"] == finding.values["unit"]


def test_csv_leaves_dismissed_out_on_request(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    rows = _csv(write_export(report, reviewed(report), tmp_path / "r.csv", include_dismissed=False))
    assert len(rows) == len(report.findings) - 1 and "已排除" not in {r["状态"] for r in rows}


def test_json_has_provenance_findings_and_notes(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    data = json.loads(write_export(report, reviewed(report), tmp_path / "r.json",
                                   reviewer="张三").read_text(encoding="utf-8"))
    prov = data["provenance"]
    assert prov["sha256"] == report.document.sha256 and prov["app_version"] == APP_VERSION
    assert prov["rule_set"] == rule_set_version() and prov["reviewer"] == "张三"
    assert prov["exported_at"] and prov["include_dismissed"] is True
    findings = data["findings"]
    assert [f["fingerprint"] for f in findings] == [f.fingerprint for f in report.findings]
    assert [f["status"] for f in findings[:3]] == ["confirmed", "dismissed", "follow_up"]
    assert findings[1]["reason"] == "@SUM 口径不同"  # JSON is data: kept exactly as written
    assert [n["body"] for n in findings[0]["notes"]] == ["=1+1 请与单位核实"]
    assert [n["id"] for n in data["notes"]] == ["n1", "n2", "n3", "n4", "n5"]
    assert data["notes"][2]["bbox"] and data["notes"][3]["table"]


def test_csv_lists_every_note_with_its_anchor(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    findings, notes = _tables(write_export(report, reviewed(report), tmp_path / "r.csv"))
    assert len(findings) == len(report.findings)
    assert list(notes[0]) == NOTE_HEADERS
    assert [n["类型"] for n in notes] == ["问题批注", "问题批注", "页面区域批注", "单元格批注", "文字批注"]
    assert [n["批注内容"] for n in notes] == ["'=1+1 请与单位核实", "排除前的说明", "'-此段口径不清",
                                          "请附明细", "表述不规范"]
    cell, text = notes[3], notes[4]
    assert cell["表"] and cell["列"] and cell["页码"] and text["引文"] == "表述"
