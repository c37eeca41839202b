"""Issue 14, family 4: government procurement paragraphs (NAR-GP, NAR-SME).

Injected slips: a kind of purchase (货物/工程/服务) or the total changed so they no longer add up;
an SME or 小微 amount above its whole; a share of the total or of the SME amount misstated; an
award outside the reserved projects that takes the awards past the total. See tests/inject_seeds.py.
"""
from __future__ import annotations

from typing import Any

from tests.conftest import CORPUS, needs_corpus
from tests.inject_edits import CORPUS_FILES
from tests.inject_corpus import corpus_results, unexplained, untouched
from tests.inject_seeds import seed_results

FAMILY = "procurement"
# real defects of the untouched corpus documents (file, rule, words of the message): each checked
# on the page
KNOWN = [("gbc__中共上海市普陀区委社会工作部_2024_年度部门决算.pdf", "NAR-GP", "= 42.14 万元，大于"),
         # p.22: 预留项目 21.07 and 其他项目 21.07 won by SMEs, of a 21.07 total
         ]


def _rate(results: list[Any]) -> tuple[float, list[str]]:
    missed = [str(r[:-1]) for r in results if not r[-1]]
    return 1 - len(missed) / len(results), missed


@needs_corpus
def test_procurement_injections_are_found_in_seeds_and_corpus(analysed: Any) -> None:
    names = [n for n in CORPUS_FILES if (CORPUS / n).is_file()]
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    results += corpus_results(FAMILY, names)
    rate, missed = _rate(results)
    assert len(results) >= 20
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
    assert not unexplained(untouched(FAMILY, names), KNOWN)


def test_procurement_injections_in_the_seeds_are_found(analysed: Any) -> None:
    results = [(e.describe(), ok) for e, ok in seed_results(analysed) if e.family == FAMILY]
    rate, missed = _rate(results)
    assert len(results) >= 20
    assert rate >= 0.95, f"{rate:.0%} found; missed:\n" + "\n".join(missed)
