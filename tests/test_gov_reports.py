"""Government reports made by code (tests/fixtures/gov_reports.py): recognised as reports, their
tables found across pages with GOV ids, only their planted defects raised, and every injected
error found (tests/data/gov_fixtures.json)."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.fixtures.gov_reports import REPORTS

EXPECTED = json.loads((ROOT / "tests" / "data" / "gov_fixtures.json").read_text(encoding="utf-8"))
CASES = [(name, i) for name in REPORTS for i in range(len(EXPECTED[name]["injected"]))]


def _analyse(seed: dict[str, Any], out: Path) -> Any:
    from core.analysis import analyse
    from tests.fixtures.render import render

    pdf = out / f"{seed['name']}.pdf"
    render(seed, pdf)
    return analyse(pdf)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("gov")
    return {name: _analyse(make(), out) for name, make in REPORTS.items()}


def _serious(report: Any) -> list[Any]:
    return [f for f in report.findings if f.severity in ("error", "warn")]


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_kind_and_tables(name: str, reports: dict[str, Any]) -> None:
    doc, want = reports[name].document, EXPECTED[name]
    got = {"family": doc.family, "doc_kind": doc.kind_label, "kind": doc.kind, "year": doc.year,
           "level": doc.level, "government": doc.government}
    assert got == want["doc"]
    tables = [{"number": t.number, "id": t.id, "pages": t.pages} for t in reports[name].tables]
    assert tables == want["tables"]


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_only_the_planted_defects(name: str, reports: dict[str, Any]) -> None:
    findings, want = _serious(reports[name]), EXPECTED[name]
    def known(f: Any) -> bool:
        return any(f.rule == e["rule"] and e["match"] in f.message for e in want["findings"])

    unexplained = [f"{f.rule}: {f.message}" for f in findings if not known(f)]
    missed = [e["match"] for e in want["findings"]
              if not any(f.rule == e["rule"] and e["match"] in f.message for f in findings)]
    assert not unexplained and not missed, (unexplained, missed)
    for e in want["not_found"]:  # the sentences that misled the generic checks on real reports
        assert not any(f.rule == e["rule"] and e["match"] in f.message for f in findings), e["why"]


def _edit(seed: dict[str, Any], edit: dict[str, Any]) -> dict[str, Any]:
    seed = copy.deepcopy(seed)
    if "text" in edit:
        blocks = [b for b in seed["blocks"] if b["t"] == "p" and edit["text"] in b["text"]]
        assert len(blocks) == 1, edit
        blocks[0]["text"] = blocks[0]["text"].replace(edit["text"], edit["to"])
        return seed
    table = next(b for b in seed["blocks"] if b["t"] == "table"
                 and b["captions"][0]["text"] == edit["table"])
    row = next(r for r in table["rows"] if r[0] == edit["row"])
    row[edit["col"]] = edit["to"]
    return seed


@pytest.mark.parametrize("name,index", CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_injected_error_is_found(name: str, index: int, reports: dict[str, Any],
                                 tmp_path: Path) -> None:
    edit = EXPECTED[name]["injected"][index]
    before = {f.fingerprint for f in _serious(reports[name])}
    after = _analyse(_edit(REPORTS[name](), edit), tmp_path)
    new = {f.rule for f in _serious(after) if f.fingerprint not in before}
    assert set(edit["expect"]) <= new, f"{edit}: new findings {sorted(new)}"
