"""On the unedited seed fixtures, every error and warn finding is a real defect of the source
document, written down with its explanation in tests/data/seed_findings.json, and each of those
defects is found."""
from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import ROOT, SEED_NAMES

EXPECTED = json.loads((ROOT / "tests" / "data" / "seed_findings.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_errors_and_warnings_are_the_real_defects(name: str, analysed: Any) -> None:
    findings = [f for f in analysed[name].findings if f.severity in ("error", "warn")]
    expected = EXPECTED[name]

    def matches(f: Any, e: dict[str, str]) -> bool:
        return f.rule == e["rule"] and e["match"] in f.message

    unexplained = [f"{f.rule}: {f.message}" for f in findings
                   if not any(matches(f, e) for e in expected)]
    missed = [f"{e['rule']}: {e['match']}" for e in expected
              if not any(matches(f, e) for f in findings)]
    assert not unexplained, "error/warn findings not in seed_findings.json:\n" + "\n".join(unexplained)
    assert not missed, "known defects not found:\n" + "\n".join(missed)
