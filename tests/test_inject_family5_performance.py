"""Issue 14, family 5: performance (绩效) text (CON-PERFYEAR, TXT-PERF).

Injected slips: the year of a 绩效目标 / 绩效自评 statement set back (text copied from an earlier
year); the funds of the projects with 绩效目标 above the budget's 项目支出; a 整体支出 self-evaluation
whose funds are only the 项目支出. See tests/inject_seeds.py.
"""
from __future__ import annotations

from typing import Any

from tests.conftest import CORPUS, needs_corpus
from tests.inject_edits import CORPUS_FILES
from tests.inject_corpus import corpus_results, unexplained, untouched
from tests.inject_seeds import seed_results

FAMILY = "performance"
KNOWN: list[tuple[str, str, str]] = []  # the untouched corpus documents have none


def _rate(results: list[Any]) -> tuple[float, list[str]]:
    missed = [str(r[:-1]) for r in results if not r[-1]]
    return 1 - len(missed) / len(results), missed


@needs_corpus
def test_performance_injections_are_found_in_seeds_and_corpus(analysed: Any) -> None:
    """12 seed edits and the corpus edits together (the seeds alone have few 绩效 paragraphs)."""
    names = [n for n in CORPUS_FILES if (CORPUS / n).is_file()]
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    results += corpus_results(FAMILY, names)
    rate, missed = _rate(results)
    assert len(results) >= 20
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
    assert not unexplained(untouched(FAMILY, names), KNOWN)


def test_performance_injections_in_the_seeds_are_found(analysed: Any) -> None:
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    rate, missed = _rate(results)
    assert len(results) >= 12
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
