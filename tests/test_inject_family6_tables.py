"""Issue 14, family 6: relations between tables (XT-PERS, XT-RUN, XT-SG, CON-TITLEYEAR,
CON-TITLEORG).

Injected slips: the 人员经费 of a summary table changed; a class of the 基本支出 table put in the
other column; 公务接待费 / 公务用车运行维护费 of the 基本支出 table above the 三公 table; a table
title printed with another year or with the city's body instead of the district's. See
tests/inject_seeds.py.
"""
from __future__ import annotations

from typing import Any

from tests.conftest import CORPUS, needs_corpus
from tests.inject_edits import CORPUS_FILES
from tests.inject_corpus import corpus_results, unexplained, untouched
from tests.inject_seeds import seed_results

FAMILY = "tables"
KNOWN = [
    # p.8 vs p.18-19: 收支总表 人员经费 20,374,181 / 公用经费 1,744,680, 基本支出表 301+303 =
    # 20,272,981 and 302+310 = 1,845,880.34: the same 基本支出 split two ways (101,200 元 apart)
    ("gbc__unit_budget__普陀区司法局2026单位预算.pdf", "XT-PERS", "收支总表人员经费 20,374,181元"),
    ("gbc__unit_budget__普陀区司法局2026单位预算.pdf", "XT-PERS", "收支总表公用经费 1,744,680元"),
    # p.7: "上海市规划和自然资源局 2024 年度部门决算表" above the district bureau's tables
    ("gbc__上海市普陀区规划和自然资源局_2024_年度部门决算.pdf", "CON-TITLEORG", "上海市规划和自然资源局"),
]


def _rate(results: list[Any]) -> tuple[float, list[str]]:
    missed = [str(r[:-1]) for r in results if not r[-1]]
    return 1 - len(missed) / len(results), missed


@needs_corpus
def test_table_injections_are_found_in_seeds_and_corpus(analysed: Any) -> None:
    names = [n for n in CORPUS_FILES if (CORPUS / n).is_file()]
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    results += corpus_results(FAMILY, names)
    rate, missed = _rate(results)
    assert len(results) >= 20
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
    assert not unexplained(untouched(FAMILY, names), KNOWN)


def test_table_injections_in_the_seeds_are_found(analysed: Any) -> None:
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    rate, missed = _rate(results)
    assert len(results) >= 15
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
