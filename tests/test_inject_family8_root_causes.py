"""Family 8 of issue 14: one root cause, one finding.

Injected, in the seeds and in copies of corpus documents: one table figure misprinted where it
takes part in several relations (a 项 row's 合计 or 基本支出, a 类 row's 合计), a column of economic
codes out of step with their names (four names moved up a row), and a one-character slip in an
official subject name. A misprinted figure must come back as exactly one finding, an INT-CELL
root at that cell carrying every broken relation; the names as one CODE-COL; the slip as a warn.
At least 95% of the instances must come out so.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest

from core.amounts import decimals_of, parse_amount
from core.checks import run_checks
from tests.injection import corpus_reports, Injected, edit_cell, new_findings, rate, spread

CODED = {"FIN-03", "FIN-05", "BUD-T3", "BUD-T5", "BUD-T2", "FIN-02"}
ECONOMIC = {"FIN-06", "BUD-T8"}
CORPUS_DOCS = ["gbc__上海市普陀区财政局2024年度部门决算.pdf", "gbc__上海市普陀区商务委员会25年预算.pdf",
               "gbc__上海市普陀区人民政府办公室25年预算.pdf"]


def _misprint(text: str) -> str:
    value = parse_amount(text) or Decimal(0)
    places = decimals_of(text)
    new = value + Decimal(37) + Decimal(1).scaleb(-places) * 3 if places else value + 37
    return f"{new:,.{places}f}" if "," in text or new >= 1000 and "," in text else f"{new:.{places}f}"


def _cells(report: Any) -> list[tuple[str, int, str]]:
    """Cells of 项 and 类 rows that take part in a row identity and a hierarchy: their first two
    value columns (合计, 基本支出), where printed non-blank."""
    out = []
    for t in report.tables:
        if t.id not in CODED or t.confidence < 0.6:
            continue
        cols = [c for c in t.frame.columns if c not in ("side", "code", "name", "level")]
        for i, row in t.frame.iterrows():
            code = str(row["code"])
            if len(code) in (3, 7) and code.startswith("2"):
                for col in cols[:2]:
                    if (i, col) in t.cells and parse_amount(t.cells[(i, col)].text):
                        out.append((t.id, int(i), col))
    return out


def _one_root(report: Any, inj: Injected) -> bool:
    """Exactly one new error names the edited cell, and it is its INT-CELL root."""
    table, row, col = inj.cell or ("", -1, "")
    hits = [f for f in new_findings(report, inj) if f.severity in ("error", "warn")
            and any((loc.table, loc.row, loc.column) == (table, row, col)
                    for g in [f, *f.members] for loc in g.locations)]
    return len(hits) == 1 and hits[0].rule == "INT-CELL" and len(hits[0].members) >= 2 \
        and (hits[0].locations[0].table, hits[0].locations[0].row, hits[0].locations[0].column) == (table, row, col)


def _shifted_names(name: str, report: Any) -> list[tuple[bool, str]]:
    """Four consecutive economic 款 names moved up one row: one CODE-COL with them inside."""
    out = []
    for t in report.tables:
        if t.id not in ECONOMIC:
            continue
        rows = [(i, str(r["code"])) for i, r in t.frame.iterrows()
                if re.fullmatch(r"30[12]\d{2}", str(r["code"])) and (i, "name") in t.cells]
        for k in range(0, max(0, len(rows) - 4), 6)[:2]:
            block = rows[k:k + 5]
            if len(block) < 5 or any(int(b[1]) - int(a[1]) > 3 for a, b in zip(block, block[1:])):
                continue
            copy = report
            for (i, _), (j, _) in zip(block, block[1:]):
                inj = edit_cell(copy, t.id, i, "name", t.cells[(j, "name")].text, name)
                copy = inj.report
            found = run_checks(copy)
            cols = [f for f in found if f.rule == "CODE-COL" and f.locations[0].table == t.id]
            out.append((len(cols) == 1 and len(cols[0].members) >= 3,
                        f"{name}: {t.id} names of {block[0][1]}…{block[-1][1]} moved up"))
    return out


def _slips(name: str, report: Any) -> list[tuple[bool, str]]:
    """One character of an official economic name replaced: a warn, never an error."""
    out = []
    for t in report.tables:
        if t.id not in ECONOMIC:
            continue
        for i, r in list(t.frame.iterrows())[:40:8]:
            text = t.cells.get((i, "name"))
            if text is None or len(text.text.strip()) < 4 or not str(r["code"]).startswith("30"):
                continue
            wrong = text.text.strip()[:-2] + "务" + text.text.strip()[-1:]
            inj = edit_cell(report, t.id, i, "name", wrong, name)
            hits = [f for f in new_findings(report, inj) if f.rule == "CODE-02"]
            out.append((len(hits) == 1 and hits[0].severity == "warn", f"{name}: {t.id} “{text.text}” -> “{wrong}”"))
    return out


def _run(docs: dict[str, Any], limit: int) -> list[tuple[bool, str]]:
    results = []
    for name, report in docs.items():
        for table, row, col in spread(_cells(report), limit):
            text = next(t for t in report.tables if t.id == table).cells[(row, col)].text
            inj = edit_cell(report, table, row, col, _misprint(text), name)
            results.append((_one_root(report, inj), f"{name}: {inj.describe}"))
        results += _shifted_names(name, report) + _slips(name, report)[:2]
    return results


def test_family8_seeds(analysed: dict[str, Any]) -> None:
    results = _run(analysed, 5)
    score, missed = rate(results)
    assert len(results) >= 20, f"only {len(results)} instances"
    assert score >= 0.95, f"{score:.0%} of {len(results)} found; missed:\n" + "\n".join(missed)


def test_family8_group_in_json(analysed: dict[str, Any]) -> None:
    """The root's JSON carries its members; `check`'s text lists them under it."""
    from core.report_text import _finding_lines

    report = analysed["hangzhou-union-2023-final-accounts"]
    table, row, col = _cells(report)[0]
    text = next(t for t in report.tables if t.id == table).cells[(row, col)].text
    inj = edit_cell(report, table, row, col, _misprint(text), "x")
    root = next(f for f in run_checks(inj.report) if f.rule == "INT-CELL")
    data = json.loads(json.dumps(root.to_json()))
    assert data["group"]["root"]["table"] == table and len(data["group"]["members"]) == len(root.members)
    assert data["fingerprint"] == root.fingerprint
    lines = _finding_lines(data, "zh", "  ")
    assert sum(1 for line in lines if line.lstrip().startswith("· [")) == len(root.members)


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, Any]:
    return corpus_reports(CORPUS_DOCS)


def test_family8_corpus(corpus_docs: dict[str, Any]) -> None:
    for name, report in corpus_docs.items():
        assert not [f for f in report.findings if f.rule in ("INT-CELL", "CODE-COL")], name
    results = _run(corpus_docs, 6)
    score, missed = rate(results)
    assert len(results) >= 20, f"only {len(results)} instances"
    assert score >= 0.95, f"{score:.0%} of {len(results)} found; missed:\n" + "\n".join(missed)
