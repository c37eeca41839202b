"""Family 3 of issue 14: stated percentages and shares at their printed precision.

Injected, in the seeds and in copies of corpus documents: a share, growth rate or completion rate
with two digits swapped (5.62% -> 6.52%) or moved by half a point (beyond the 0.1-point band: an
error, never a rounding note), moved by 0.03 point (inside the band: info, not called rounding),
and a completion rate over a budget set to 0 (a zero base, said as such). At least 95% must be
found by the percentage checks, pointing at the edit, each with the severity the tolerance policy
(domain-rules §0.3) gives it.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.injection import corpus_reports, Injected, edit_text, errors_of, new_findings, overlaps, rate, sentences, spread

RULES = {"NAR-SHARE", "NAR-RATE", "NAR-YOY"}
# a percentage with the amount it is of just before it ("X万元，占Y%", "增加X万元，增长Y%")
PERCENT = (r"(?P<amount>\d[\d,]*(?:\.\d+)?)\s*万元[^。；%％]{0,24}?"
           r"(?:占[^，。；\d]{0,14}?|增长|下降|完成[^，。；\d]{0,10}?的)\s*(\d{1,3}\.\d{2})\s*[%％]")
ZERO_BUDGET = r"预算(?:数)?为\s*([\d,]*[1-9][\d,]*\.\d+)\s*万元[^。]{0,40}?完成(?:年初|全年)?预算的\s*\d"
CORPUS_DOCS = ["gbc__上海市普陀区财政局2024年度部门决算.pdf", "ob__江苏省人民检察院__2019年度部门预算公开.pdf",
               "ob__江苏省高级人民法院__省法院2017年度部门预算公开.pdf"]


def _swap(text: str) -> str | None:
    """5.62 -> 6.52 (the first two different digits swapped), or None."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for a, b in zip(digits, digits[1:]):
        if text[a] != text[b]:
            chars = list(text)
            chars[a], chars[b] = chars[b], chars[a]
            swapped = "".join(chars)
            if abs(Decimal(swapped) - Decimal(text)) > Decimal("0.2") and not swapped.startswith("0") \
                    or swapped.startswith("0."):
                return swapped
    return None


def _edits(name: str, r: Any) -> list[tuple[Injected, str]]:
    """(edit, severity the finding must have)."""
    out = []
    for m in sentences(r, PERCENT):
        old, amount = m.group(2), Decimal(m.group("amount").replace(",", ""))
        if Decimal(old) == 0 or amount < 1:
            continue  # nothing to be a share of, or too coarse a figure to pin a percentage down
        swapped = _swap(old)
        if swapped:
            out.append((edit_text(r, m.start(2), m.end(2), swapped, name, f"{name}: {old}% -> {swapped}%"), "error"))
        moved = f"{Decimal(old) + Decimal('0.50'):.2f}"
        out.append((edit_text(r, m.start(2), m.end(2), moved, name, f"{name}: {old}% -> {moved}%"), "error"))
        if amount >= 50:  # 0.03 point is then beyond what rounding the amount can explain
            near = f"{Decimal(old) + Decimal('0.03'):.2f}"
            out.append((edit_text(r, m.start(2), m.end(2), near, name, f"{name}: {old}% -> {near}%"), "info"))
    for m in sentences(r, ZERO_BUDGET):
        out.append((edit_text(r, m.start(1), m.end(1), "0.00", name, f"{name}: budget {m.group(1)} -> 0"), "error"))
    return out


def _found(report: Any, inj: Injected, severity: str) -> bool:
    for f in new_findings(report, inj):
        if f.rule in RULES and any(loc.bbox is not None and loc.page == p and overlaps(loc.bbox, box)
                                   for loc in f.locations for p, box in inj.boxes):
            if severity == "info":  # inside the band: a note, and not called rounding
                return f.severity == "info" and "尾数" not in f.message
            return f.severity in ("error", "warn") and "尾数" not in f.message
    return False


def _run(docs: dict[str, Any], limit: int) -> list[tuple[bool, str]]:
    results = []
    for name, report in docs.items():
        for inj, severity in spread(_edits(name, report), limit):
            results.append((_found(report, inj, severity), f"{inj.describe} ({severity})"))
    return results


def test_family3_seeds(analysed: dict[str, Any]) -> None:
    results = _run(analysed, 8)
    score, missed = rate(results)
    assert len(results) >= 20, f"only {len(results)} instances"
    assert score >= 0.95, f"{score:.0%} of {len(results)} found; missed:\n" + "\n".join(missed)


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Any]:
    return corpus_reports(CORPUS_DOCS)


def test_family3_corpus(corpus_docs: dict[str, Any]) -> None:
    for name, report in corpus_docs.items():
        assert not errors_of(report, RULES), name
    results = _run(corpus_docs, 8)
    score, missed = rate(results)
    assert len(results) >= 20, f"only {len(results)} instances"
    assert score >= 0.95, f"{score:.0%} of {len(results)} found; missed:\n" + "\n".join(missed)
