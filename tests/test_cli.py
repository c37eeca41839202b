"""`python main.py check`: the text report, --fail-on, --lang and the JSON findings."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import ROOT

CAIDIAN = "caidian-union-2023-final-accounts"  # has real errors (stale 截至 dates)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", *args],
                          capture_output=True, text=True, timeout=180, cwd=ROOT)


def test_text_report_groups_findings_by_severity(seeds: dict[str, Any]) -> None:
    result = _run(str(seeds[CAIDIAN].pdf))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "== 错误" in out and "== 提示" in out
    assert out.index("== 错误") < out.index("== 提示")
    assert "截止2022年12月31日" in out and "第12页" in out


def test_fail_on_error_sets_the_exit_code(seeds: dict[str, Any]) -> None:
    assert _run(str(seeds[CAIDIAN].pdf), "--fail-on", "error").returncode == 1


def test_english_messages_and_json_findings(seeds: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = _run(str(seeds[CAIDIAN].pdf), "--lang", "en", "--json", str(out))
    assert result.returncode == 0, result.stderr
    assert "== Errors" in result.stdout
    finding = next(f for f in json.loads(out.read_text(encoding="utf-8"))["documents"][0]["findings"]
                   if f["rule"] == "CON-YEAR" and f["severity"] == "error")
    assert set(finding) >= {"rule", "severity", "message", "locations", "values", "fingerprint"}
    assert "should say 2023-12-31" in finding["message"]
    loc = finding["locations"][0]
    assert set(loc) == {"page", "bbox", "table", "row", "column", "text"}
    assert loc["page"] == 12 and len(loc["bbox"]) == 4
