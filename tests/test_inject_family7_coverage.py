"""Issue 14, family 7: coverage of the 说明 and its subject names (TXT-COVER, TXT-NAME).

Injected slips: a 项 dropped from the chain that explains it (explained at 款 level only), a 款 or
项 name one character off, a 款 labelled （类）. See tests/inject_seeds.py.
"""
from __future__ import annotations

from typing import Any

from tests.conftest import CORPUS, needs_corpus
from tests.inject_edits import CORPUS_FILES
from tests.inject_corpus import corpus_results, unexplained, untouched
from tests.inject_seeds import seed_results

FAMILY = "coverage"
KNOWN = [
    # p.7: "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）": the class repeated as the 款
    ("gbc__上海市普陀区人民政府万里街道办事处25年预算.pdf", "TXT-NAME", "“卫生健康支出”是类级科目"),
    # p.22, p.24: 项 names the tables do not print, and the class repeated as the 款
    ("gbc__上海市普陀区规划和自然资源局_2024_年度部门决算.pdf", "TXT-NAME", "机关事业单位退休人员活动费支出"),
    ("gbc__上海市普陀区规划和自然资源局_2024_年度部门决算.pdf", "TXT-NAME", "其他国土资源事务支出"),
    ("gbc__上海市普陀区规划和自然资源局_2024_年度部门决算.pdf", "TXT-NAME", "“住房保障支出”是类级科目"),
    # p.25-26: 款 labelled （类）
    ("ob__江苏省人大办公厅__省人大办公厅2018预算公开.pdf", "TXT-NAME", "“行政事业单位离退休”是款级科目"),
    ("ob__江苏省人大办公厅__省人大办公厅2018预算公开.pdf", "TXT-NAME", "“住房改革支出”是款级科目"),
    # p.26: "未归口管理行政单位离退休费（项）" for 未归口管理的行政单位离退休
    ("ob__江苏省人民检察院__2018年省检察院部门预算公开.pdf", "TXT-NAME", "未归口管理行政单位离退休费"),
    # p.20: "一般行政事务管理（项）" for 一般行政管理事务
    ("ob__江苏省高级人民法院__江苏省高级人民法院2019年度部门预算公开.pdf", "TXT-NAME", "一般行政事务管理"),
    # p.13-14: the 支出 explained by 类 only ("“一般公共服务支出”科目12,789万元")
    ("tbxt__上海市财政局25年预算.pdf", "TXT-COVER", "说明未细化到项级"),
]


def _rate(results: list[Any]) -> tuple[float, list[str]]:
    missed = [str(r[:-1]) for r in results if not r[-1]]
    return 1 - len(missed) / len(results), missed


@needs_corpus
def test_coverage_injections_are_found_in_seeds_and_corpus(analysed: Any) -> None:
    names = [n for n in CORPUS_FILES if (CORPUS / n).is_file()]
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    results += corpus_results(FAMILY, names)
    rate, missed = _rate(results)
    assert len(results) >= 20
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
    assert not unexplained(untouched(FAMILY, names), KNOWN)


def test_coverage_injections_in_the_seeds_are_found(analysed: Any) -> None:
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    rate, missed = _rate(results)
    assert len(results) >= 11
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
