"""A government report says what it is everywhere the reviewer looks: `check --json`, the batch
summary workbook and the window's document bar (kind, level, government, checks that did not
apply and why)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import ROOT
from tests.fixtures.gov_reports import final_report
from tests.fixtures.render import render


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf = tmp_path_factory.mktemp("gov-out") / "final.pdf"
    render(final_report(), pdf)
    return pdf


def test_json_says_kind_level_government_and_checks(report_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(report_pdf),
                           "--json", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))["documents"][0]
    assert (doc["doc_kind"], doc["family"], doc["level"], doc["government"], doc["year"]) == (
        "政府决算报告", "gov_report", "全市和本级", "临江市", 2024)
    skipped = {n["rule"]: n["reason"] for n in doc["checks"]["not_applicable"]}
    assert "GOV-SUM" in doc["checks"]["ran"] and "STR-03" in skipped
    assert "本文件是政府决算报告" in skipped["STR-03"]


def test_batch_summary_row(report_pdf: Path, tmp_path: Path) -> None:
    from core.batch import run_batch
    from core.batch_summary import write_summary

    rows = run_batch([report_pdf], jobs=1)
    out = write_summary(rows, tmp_path / "汇总.xlsx")
    sheet = list(openpyxl.load_workbook(out)["汇总"].iter_rows(values_only=True))
    row = dict(zip(sheet[0], sheet[1]))
    assert (row["类型"], row["级次"], row["单位名称"], row["年度"]) == ("政府决算报告", "全市和本级", "临江市", 2024)
    assert row["缺少表格"] in ("", None)  # no department table is ever missing from a report


def test_document_bar(qtbot: Any, report_pdf: Path) -> None:
    from core.analysis import analyse
    from gui.doc_bar import DocumentBar

    bar = DocumentBar()
    qtbot.addWidget(bar)
    bar.show_report(analyse(report_pdf))
    text, tip = bar.label.text(), bar.label.toolTip()
    assert "临江市" in text and "政府决算报告（全市和本级）" in text and "不适用" in text
    assert "缺表" not in text
    assert "STR-03" in tip and "本文件是政府决算报告" in tip
