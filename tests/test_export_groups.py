"""A grouped finding (Finding.members: a root cause with its consequences) is one row or entry in
every export, its members listed inside it; made synthetically, so the test does not depend on
which seed a rule groups."""
from __future__ import annotations

import csv
import io
from copy import deepcopy
from pathlib import Path
from typing import Any

import openpyxl
from docx import Document as Word
from pypdf import PdfReader

from core.checks.model import Finding, Location
from core.export import write_export
from tests.test_export_common import CAIDIAN


def _grouped(report: Any) -> Any:
    """The report with its first two located findings made members of a new root finding."""
    grouped = deepcopy(report)
    located = [f for f in grouped.findings if any(loc.bbox for loc in f.locations)][:2]
    root = Finding("INT-CELL", "error", "第3页“合计”行印刷值有误，以下两处不符均由此引起",
                   "one misprinted cell", "group:test", [located[0].locations[0]],
                   title="单元格印刷错误", members=located)
    grouped.findings = [root] + [f for f in grouped.findings if f not in located]
    return grouped


def test_a_grouped_finding_is_one_entry_with_its_members(analysed: dict[str, Any],
                                                        tmp_path: Path) -> None:
    report = _grouped(analysed[CAIDIAN])
    root, members = report.findings[0], report.findings[0].members
    outs = {x: write_export(report, None, tmp_path / f"g.{x}") for x in ("xlsx", "docx", "csv", "pdf")}

    sheet = openpyxl.load_workbook(outs["xlsx"])["审核发现"]
    assert sheet.max_row == len(report.findings) + 1  # members are not rows of their own
    message = sheet["D2"].value
    assert message.startswith(root.message) and "同一原因引起的其他 2 处不符" in message
    assert all(m.message in message for m in members)

    text = outs["csv"].read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text.split("\n\n")[0], newline="")))
    assert len(rows) == len(report.findings) and members[1].message in rows[0]["说明"]

    paragraphs = [p.text for p in Word(outs["docx"]).paragraphs]
    at = next(i for i, p in enumerate(paragraphs) if p == f"问题：{root.message}")
    assert paragraphs[at + 1].startswith("同一原因引起的其他 2 处不符")
    assert paragraphs[at + 2].startswith(f"1. {members[0].message}")

    annots = [a.get_object() for page in PdfReader(outs["pdf"]).pages
              for a in page.get("/Annots", []) or []]
    roots = [a for a in annots if str(a.get("/NM", "")).startswith(f"finding-{root.fingerprint}")]
    assert roots and all(members[0].message in str(a["/Contents"]) for a in roots)
    boxes = {(loc.page, loc.bbox) for f in [root, *members] for loc in f.locations if loc.bbox}
    assert len(roots) == len({page for page, _ in boxes})  # a highlight on every page involved
