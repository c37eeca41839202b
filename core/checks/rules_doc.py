"""文件类型: what a document that is not a disclosure gets instead of the department catalogue.

An unfilled template gets one finding that says so (not one placeholder error per XX), and a
document of another sort (a notice, a contract) one note saying why nothing else was checked.
"""
from __future__ import annotations

from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding, Location
from core.checks.registry import rule
from core.dockind import PLACEHOLDER
from core.model import OTHER, TEMPLATE

SHOWN_PLACES = 5  # placeholders boxed on the page: enough to see what is meant


@rule("DOC-TEMPLATE", "未填写的模板", "An unfilled template", "warn",
      "全文都是占位符和填写说明（XX、XXX万元、202X年、（不涉及的不列））的文件是模板，不是公开文件："
      "报告一次，不逐条报告占位符；如它是报送的公开文件，说明模板没有填写。", documents=(TEMPLATE,))
def template(ctx: Context) -> Iterator[Finding]:
    doc = ctx.doc
    what = f"{doc.scope or ''}{doc.kind or ''}模板" if doc.kind else "模板"
    locs = [Location(p, b, text=m.group(0))
            for m in list(PLACEHOLDER.finditer(ctx.narrative.text))[:SHOWN_PLACES]
            for p, b in ctx.narrative.boxes(m.start(), m.end())] or [Location(1, None)]
    yield Finding("DOC-TEMPLATE", "warn",
                  f"本文件是未填写的{what}：{doc.kind_reason}。未按公开文件检查；如这是报送的公开文件，"
                  "说明模板尚未填写。",
                  "This is an unfilled template (placeholders throughout, no amounts); it was "
                  "not checked as a disclosure. If it was submitted as one, it was never "
                  "filled in.",
                  "DOC-TEMPLATE", locs, {"reason": doc.kind_reason})


@rule("DOC-OTHER", "不是预决算公开文件", "Not a budget disclosure", "manual",
      "既不是部门/单位预算·决算公开文件，也不是政府预算·决算报告的文件：说明原因，只执行通用的文字与"
      "说明复算检查。", documents=(OTHER,))
def other(ctx: Context) -> Iterator[Finding]:
    reason = ctx.doc.kind_reason
    yield Finding("DOC-OTHER", "manual",
                  f"本文件不是部门/单位预算·决算公开文件，也不是政府预算·决算报告（{reason}），"
                  "未执行表格与完整性检查，只执行了通用的文字与说明复算检查。",
                  "Neither a department disclosure nor a government budget report; only the "
                  "generic text and narrative checks were run.",
                  "DOC-OTHER", [Location(1, None)],
                  {"reason": reason})
