"""Batch checking: a folder with good disclosures and a corrupt PDF, an encrypted PDF and a file
that is not a PDF finishes in two worker processes, each of the three reported in its row."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfWriter

from core.batch import batch_files, check_one, run_batch
from tests.conftest import ROOT

GOOD = ("caidian-union-2023-final-accounts", "hangzhou-union-2024-unit-budget")


@pytest.fixture
def folder(tmp_path: Path, seeds: dict) -> Path:
    root = tmp_path / "区县公开"
    (root / "部门").mkdir(parents=True)
    shutil.copy(seeds[GOOD[0]].pdf, root / "部门" / f"{GOOD[0]}.pdf")
    shutil.copy(seeds[GOOD[1]].pdf, root / f"{GOOD[1]}.pdf")
    data = seeds[GOOD[0]].pdf.read_bytes()
    (root / "截断.pdf").write_bytes(data[: len(data) // 3])
    writer = PdfWriter(clone_from=seeds[GOOD[1]].pdf)
    writer.encrypt("secret")
    writer.write(root / "加密.pdf")
    (root / "说明.docx").write_bytes(b"PK\x03\x04 not a disclosure")
    (root / ".hidden.pdf").write_bytes(b"%PDF-1.7 editor's temp file")
    (root / f"{GOOD[1]}.pdf.review.sqlite").write_bytes(b"ours, not a document")
    return root


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", *args], env=os.environ,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_every_file_of_the_folder_gets_a_row(folder: Path) -> None:
    names = sorted(p.name for p in batch_files([folder]))
    assert names == sorted([f"{GOOD[0]}.pdf", f"{GOOD[1]}.pdf", "截断.pdf", "加密.pdf", "说明.docx"])


def test_a_batch_with_bad_files_finishes_and_reports_them(folder: Path, tmp_path: Path,
                                                          analysed: dict[str, Any]) -> None:
    summary = tmp_path / "汇总.xlsx"
    done = _run(str(folder), "--jobs", "2", "--summary", str(summary))
    assert done.returncode == 2, done.stderr  # some files could not be checked
    book = openpyxl.load_workbook(summary)
    rows = list(book["汇总"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    by_name = {Path(r[header.index("文件")]).name: dict(zip(header, r)) for r in body}
    assert len(body) == 5
    assert "不完整" in by_name["截断.pdf"]["检查结果"]
    assert "加密" in by_name["加密.pdf"]["检查结果"]
    assert "不是 PDF" in by_name["说明.docx"]["检查结果"]
    for name in GOOD:
        row, report = by_name[f"{name}.pdf"], analysed[name]
        counts = Counter(f.severity for f in report.findings)
        assert row["检查结果"] == "已检查" and row["页数"] == len(report.document.pages)
        assert (row["错误"], row["警告"], row["提示"], row["需人工"]) == (
            counts["error"], counts["warn"], counts["info"], counts["manual"])
        assert row["年度"] == report.document.year and row["单位名称"] == report.document.entity
        assert row["类型"] == report.document.kind_label  # 部门决算, 单位预算…
    assert by_name[f"{GOOD[0]}.pdf"]["文件"] == f"部门{os.sep}{GOOD[0]}.pdf"  # relative to the folder
    matrix = list(book["规则矩阵"].iter_rows(values_only=True))
    rules = matrix[0][2:]
    for line in matrix[1:]:
        report = analysed[Path(line[1]).stem]
        fired = Counter(f.rule for f in report.findings)
        assert {r: n for r, n in zip(rules, line[2:]) if n} == dict(fired)
    assert "5 个文件，2 个进程" in done.stderr
    again = _run(str(folder), "--summary", str(summary))  # an existing summary is kept
    assert again.returncode == 2 and "已存在" in again.stderr


def test_rows_come_back_in_order_whatever_finishes_first(folder: Path) -> None:
    files = batch_files([folder])
    seen: list[int] = []
    rows = run_batch(files, jobs=2, progress=lambda done, total, row: seen.append(done))
    assert [r.path for r in rows] == [str(f) for f in files]
    assert seen == list(range(1, len(files) + 1))
    assert check_one(str(files[0])).path == str(files[0])
