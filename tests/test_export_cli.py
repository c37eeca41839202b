"""`check --export`: the stored review applied, one file per document, overwrite refused without
--force (exit 2, message in Chinese), dismissed findings left out with --no-dismissed."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.review.store import ReviewStore
from tests.conftest import ROOT
from tests.test_export_common import CAIDIAN

OTHER = "hangzhou-union-2024-unit-budget"


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DRD_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", *args], env=env,
                          capture_output=True, text=True, timeout=240, cwd=ROOT)


def _csv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")  # the findings: the table before the notes
    return list(csv.DictReader(io.StringIO(text.split("\n\n")[0], newline="")))


@pytest.fixture()
def data_dir(tmp_path: Path, analysed: dict[str, Any]) -> Path:
    """A review store holding a confirmed and a dismissed finding of the CAIDIAN seed."""
    report = analysed[CAIDIAN]
    store = tmp_path / "reviews"
    review = ReviewStore(store).open(report.document.sha256, report.document.path)
    try:
        review.decide(report.findings[0].fingerprint, "confirmed", "张三")
        review.decide(report.findings[1].fingerprint, "dismissed", "李四", "=非问题")
        review.add_note("finding", "+请补充说明", "张三", fingerprint=report.findings[0].fingerprint)
    finally:
        review.close()
    return store


def test_exports_carry_the_stored_review(seeds: dict[str, Any], analysed: dict[str, Any],
                                         data_dir: Path, tmp_path: Path) -> None:
    outs = [tmp_path / f"r.{ext}" for ext in ("xlsx", "docx", "pdf", "csv", "json")]
    options = [a for o in outs for a in ("--export", str(o))]
    result = _run(data_dir, str(seeds[CAIDIAN].pdf), *options)
    assert result.returncode == 0, result.stderr
    assert all(o.is_file() for o in outs) and "已应用审核记录" in result.stderr
    rows = _csv(outs[3])
    assert len(rows) == len(analysed[CAIDIAN].findings)
    assert [r["状态"] for r in rows[:3]] == ["已确认", "已排除", "待处理"]
    assert rows[1]["处理理由"] == "'=非问题" and rows[0]["备注"].startswith("'+请补充说明")
    sheet = openpyxl.load_workbook(outs[0])["审核发现"]
    assert sheet["J2"].value == "已确认" and sheet["L2"].value == "张三"


def test_overwrite_refused_without_force(seeds: dict[str, Any], data_dir: Path,
                                         tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    out.write_text("keep me", encoding="utf-8")
    result = _run(data_dir, str(seeds[CAIDIAN].pdf), "--export", str(out))
    assert result.returncode == 2 and "文件已存在" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    result = _run(data_dir, str(seeds[CAIDIAN].pdf), "--export", str(out), "--force",
                  "--no-dismissed")
    assert result.returncode == 0, result.stderr
    rows = _csv(out)
    assert "已排除" not in {r["状态"] for r in rows} and rows[0]["状态"] == "已确认"


def test_several_documents_get_one_file_each(seeds: dict[str, Any], data_dir: Path,
                                             tmp_path: Path) -> None:
    result = _run(data_dir, str(seeds[CAIDIAN].pdf), str(seeds[OTHER].pdf),
                  "--export", str(tmp_path / "r.json"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("r_*.json")) == [f"r_{CAIDIAN}.json",
                                                                f"r_{OTHER}.json"]


def test_unknown_format_is_refused_before_analysis(seeds: dict[str, Any], data_dir: Path,
                                                   tmp_path: Path) -> None:
    result = _run(data_dir, str(seeds[CAIDIAN].pdf), "--export", str(tmp_path / "r.txt"))
    assert result.returncode == 2 and "无法识别导出格式" in result.stderr
    assert result.stdout == ""
