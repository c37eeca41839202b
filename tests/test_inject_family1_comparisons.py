"""Family 1 of issue 14: comparison words against the figures they describe.

Injected, in the seeds and in copies of corpus documents: a budget comparison turned the other
way (决算数小于预算数 -> 大于, 等于 -> 大于), a figure changed under a 持平/等于 so that the two differ,
and a year-on-year change word flipped against its rate (比上年减少…，下降… -> 增加…，下降…). At
least 95% must be found by the comparison checks, pointing at the edit; the untouched documents
raise none of them beyond the seeds' closed list.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from tests.injection import corpus_reports, Injected, edit_text, errors_of, found, rate, sentences, spread

RULES = {"NAR-CMP", "NAR-TREND", "NAR-YOY"}
FLIP = {"大于": "小于", "高于": "低于", "超过": "小于", "小于": "大于", "低于": "高于", "等于": "大于",
        "持平": "大于", "相等": "大于"}
VS_BUDGET = r"决算数?(大于|小于|等于|高于|低于|超过)(?:年初|全年)?预算|决算数?与(?:年初|全年)?预算数?(持平|相等)"
TREND = r"(?:比|较)(?:上年|\d{4}年)\S{0,8}?(增加|减少)\s*[\d.,]+\s*万元[，,]\s*(增长|下降)\s*[\d.]"
# last year's figure, this year's, then the word: "2023年执行数为10.00万元，2024年预算安排10.00万元，比2023年…持平"
BOTH_YEARS = (r"(?:上年|\d{4}年)[^，。]{0,10}?执行数?为\s*[\d.,]+\s*万元[，,][^，。]{0,16}?(?P<cur>\d[\d.,]*)\s*万元"
              r"[，,]\s*(?:比|与|较)[^，。]{0,16}?(?P<word>持平|增加|减少)")
EQUAL_FIGURE = r"(?:支出)?决算(?:数)?为\s*([\d.,]+)\s*万元[^。]{0,30}?(?:持平|等于)"
CORPUS_DOCS = ["gbc__上海市普陀区财政局2024年度部门决算.pdf", "gbc__上海市普陀区规划和自然资源局_2024_年度部门决算.pdf",
               "gbc__上海市普陀区人民政府万里街道办事处24年预算.pdf"]


def _edits(name: str, report: Any) -> list[Injected]:
    out = []
    for m in sentences(report, VS_BUDGET):
        if m.group(1):  # 小于 -> 大于 …
            start, end, new = m.start(1), m.end(1), FLIP[m.group(1)]
        else:  # 与预算数持平 -> 大于预算数
            start, end, new = m.start(0) + m.group(0).index("与"), m.end(0), "大于预算数"
        out.append(edit_text(report, start, end, new, name, f"{name}: “{m.group(0)}” -> {new}"))
    for m in sentences(report, TREND):
        new = "增加" if m.group(1) == "减少" else "减少"
        out.append(edit_text(report, m.start(1), m.end(1), new, name,
                             f"{name}: “{m.group(0)}” -> {new}"))
    for m in sentences(report, BOTH_YEARS):  # the word turned, and this year's figure changed
        new = "增加" if m.group("word") != "增加" else "减少"
        out.append(edit_text(report, m.start("word"), m.end("word"), new, name,
                             f"{name}: “{m.group('word')}” against both years' figures -> {new}"))
        cur = m.group("cur")
        out.append(edit_text(report, m.start("cur"), m.end("cur"), f"{Decimal(cur.replace(',', '')) + 3:.2f}",
                             name, f"{name}: this year's {cur} changed under “{m.group('word')}”"))
    for m in sentences(report, EQUAL_FIGURE):
        figure = m.group(1)
        changed = re.sub(r"\d(?=\D*$)", lambda d: str((int(d.group(0)) + 5) % 10), figure)
        changed = str(int(figure.split(".")[0].replace(",", "")) + 7) + changed[len(figure.split(".")[0]):] \
            if "." in figure else str(int(figure.replace(",", "")) + 7)
        out.append(edit_text(report, m.start(1), m.end(1), changed, name,
                             f"{name}: 持平/等于 with figure {figure} -> {changed}"))
    return out


def _run(docs: dict[str, Any]) -> list[tuple[bool, str]]:
    results = []
    for name, report in docs.items():
        for inj in spread(_edits(name, report), 12):
            results.append((found(report, inj, RULES), inj.describe))
    return results


def test_family1_seeds(analysed: dict[str, Any]) -> None:
    results = _run(analysed)
    score, missed = rate(results)
    assert len(results) >= 20, f"only {len(results)} instances"
    assert score >= 0.95, f"{score:.0%} of {len(results)} found; missed:\n" + "\n".join(missed)


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Any]:
    return corpus_reports(CORPUS_DOCS)


def test_family1_corpus(corpus_docs: dict[str, Any]) -> None:
    for name, report in corpus_docs.items():
        assert not errors_of(report, RULES - {"NAR-YOY"}), name  # the untouched copies are clean
    results = _run(corpus_docs)
    score, missed = rate(results)
    assert len(results) >= 20, f"only {len(results)} instances"
    assert score >= 0.95, f"{score:.0%} of {len(results)} found; missed:\n" + "\n".join(missed)
