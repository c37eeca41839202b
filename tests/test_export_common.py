"""What every export shares: the review joined to the findings, safe text, safe writing.

`reviewed()` builds the review the other export tests print: a confirmed error with a formula-like
note, a dismissed finding with a formula-like reason, a finding to follow up, and a located note
of every kind.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from core.errors import ExportError, ExportExists, ExportFormatUnknown
from core.export import FORMATS, write_export
from core.export.common import collect, neutralise, rule_set_version, write_atomically
from core.review.model import Decision, Note, ReviewSnapshot

CAIDIAN = "caidian-union-2023-final-accounts"  # 11 errors, every finding located
AMOUNTS = "hangzhou-union-2023-final-accounts"  # findings with printed / computed / diff / unit
T0 = "2025-03-01T10:20:00+08:00"


def reviewed(report: Any) -> ReviewSnapshot:
    """A review of report: decisions on the first three findings and a note of every kind."""
    f = report.findings
    table = next(t for t in report.tables if t.cells)
    (row, column), cell = next(iter(table.cells.items()))
    page_two = report.document.page(2)
    return ReviewSnapshot(
        report.document.sha256,
        decisions={
            f[0].fingerprint: Decision(f[0].fingerprint, "confirmed", "", "张三", T0),
            f[1].fingerprint: Decision(f[1].fingerprint, "dismissed", "@SUM 口径不同", "李四", T0),
            f[2].fingerprint: Decision(f[2].fingerprint, "follow_up", "", "张三", T0),
        },
        notes=[
            Note("n1", "finding", "=1+1 请与单位核实", "张三", T0, fingerprint=f[0].fingerprint),
            Note("n2", "finding", "排除前的说明", "李四", T0, fingerprint=f[1].fingerprint),
            Note("n3", "region", "-此段口径不清", "张三", T0, page=2,
                 bbox=(60.0, 80.0, page_two.width - 60, 140.0)),
            Note("n4", "cell", "请附明细", "李四", T0, page=cell.page, bbox=cell.bbox,
                 table=table.id, row=row, column=column, quote=cell.text),
            Note("n5", "text", "表述不规范", "张三", T0, page=f[3].locations[0].page,
                 bbox=f[3].locations[0].bbox, start=0, end=4, quote="表述"),
        ],
        reviewers=["张三", "李四"])


def test_every_finding_is_a_row_with_its_review(analysed: dict[str, Any]) -> None:
    report = analysed[CAIDIAN]
    data = collect(report, reviewed(report))
    assert [r.finding for r in data.rows] == report.findings
    assert [r.status for r in data.rows[:4]] == ["confirmed", "dismissed", "follow_up", "open"]
    assert data.rows[1].decision and data.rows[1].decision.reason == "@SUM 口径不同"
    assert [n.body for n in data.rows[0].notes] == ["=1+1 请与单位核实"]
    assert data.provenance.sha256 == report.document.sha256
    assert data.provenance.reviewer == "张三、李四"
    assert len(data.notes) == 5


def test_dismissed_findings_and_their_notes_can_be_left_out(analysed: dict[str, Any]) -> None:
    report = analysed[CAIDIAN]
    data = collect(report, reviewed(report), include_dismissed=False)
    assert len(data.rows) == len(report.findings) - 1
    assert all(r.status != "dismissed" for r in data.rows)
    assert "n2" not in [n.id for n in data.notes] and len(data.notes) == 4
    assert [r.number for r in data.rows] == list(range(1, len(data.rows) + 1))


def test_without_a_review_everything_is_open(analysed: dict[str, Any]) -> None:
    data = collect(analysed[CAIDIAN], None, reviewer="王五")
    assert {r.status for r in data.rows} == {"open"} and data.notes == []
    assert data.provenance.reviewer == "王五"


def test_values_are_exact_numbers_where_they_are_numbers(analysed: dict[str, Any]) -> None:
    rows = collect(analysed[AMOUNTS], None).rows
    with_diff = [r for r in rows if "diff" in r.finding.values]
    assert with_diff
    for r in with_diff:
        assert isinstance(r.printed, Decimal) and isinstance(r.computed, Decimal)
        assert r.diff == r.finding.values["diff"] and r.unit


def test_a_review_of_another_document_is_refused(analysed: dict[str, Any]) -> None:
    with pytest.raises(ExportError, match="另一份文件"):
        collect(analysed[CAIDIAN], ReviewSnapshot("0" * 64))


@pytest.mark.parametrize("text", ["=1+1", "+86 123", "-12", "@SUM(A1)", "\t=x", "\r=x"])
def test_formula_like_text_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["说明 =1", "1+1", "", "'=already"])
def test_plain_text_is_left_alone(text: str) -> None:
    assert neutralise(text) == text


def test_rule_set_version_names_the_settings_file_and_the_rules() -> None:
    version = rule_set_version()
    assert version.startswith("rules.json v1 · ") and "条规则" in version


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "a.csv"
    out.write_text("reviewer's own file", encoding="utf-8")
    with pytest.raises(ExportExists, match="文件已存在"):
        write_atomically(out, False, lambda tmp: tmp.write_text("new", encoding="utf-8"))
    assert out.read_text(encoding="utf-8") == "reviewer's own file"
    write_atomically(out, True, lambda tmp: tmp.write_text("new", encoding="utf-8"))
    assert out.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_a_failing_writer_leaves_no_partial_file(tmp_path: Path) -> None:
    out = tmp_path / "a.xlsx"
    out.write_bytes(b"old")

    def broken(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(out, True, broken)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_write_export_knows_its_formats(analysed: dict[str, Any], tmp_path: Path) -> None:
    assert set(FORMATS) == {".xlsx", ".docx", ".pdf", ".csv", ".json"}
    with pytest.raises(ExportFormatUnknown, match=".txt"):
        write_export(analysed[CAIDIAN], None, tmp_path / "a.txt")
    with pytest.raises(ExportError, match="文件夹不存在"):
        write_export(analysed[CAIDIAN], None, tmp_path / "missing" / "a.csv")
    assert write_export(analysed[CAIDIAN], None, tmp_path / "A.JSON").is_file()
