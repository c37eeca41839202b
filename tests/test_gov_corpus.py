"""The government reports of ../shared/corpus/gov (skipped when absent): each gets its kind, level,
year and government; every appended table of the Hangzhou report is found by its title with the
pages it spans; the only error and warn findings are the documents' real defects, written down
with their pages in tests/data/gov_corpus.json; the scan says it has no text layer."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

GOV = ROOT.parent / "shared" / "corpus" / "gov"
EXPECTED = json.loads((ROOT / "tests" / "data" / "gov_corpus.json").read_text(encoding="utf-8"))
FILES = sorted(k for k in EXPECTED if k.endswith(".pdf"))
needs_gov = pytest.mark.skipif(not GOV.is_dir(), reason="../shared/corpus/gov is absent")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("gov") / "gov.json"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(GOV), "--json", str(out)],
                   capture_output=True, text=True, timeout=600)
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    return {Path(d["path"]).name: d for d in docs}


@needs_gov
@pytest.mark.corpus
def test_every_file_is_written_down() -> None:
    assert {p.name for p in GOV.glob("*.pdf")} <= set(FILES)


@needs_gov
@pytest.mark.corpus
@pytest.mark.parametrize("name", FILES)
def test_kind_tables_and_findings(name: str, checked: dict[str, dict[str, Any]]) -> None:
    want, got = EXPECTED[name], checked[name]
    if "error_code" in want:  # the scan: its kind, and why nothing was read (OCR is issue 20)
        assert (got["error_code"], got["doc_kind"]) == (want["error_code"], want["doc_kind"])
        assert "没有文字层" in got["error"]
        return
    assert {k: got[k] for k in want["doc"]} == want["doc"]
    tables = [{k: t[k] for k in ("number", "title", "id", "pages")} for t in got["tables"]]
    assert tables == want["tables"]
    serious = [f for f in got["findings"] if f["severity"] in ("error", "warn")]

    def matches(f: dict[str, Any], e: dict[str, Any]) -> bool:
        return f["rule"] == e["rule"] and e["match"] in f["message"] and \
            e["page"] in {loc["page"] for loc in f["locations"]}

    unexplained = [f"{f['rule']}: {f['message']}" for f in serious
                   if not any(matches(f, e) for e in want["findings"])]
    missed = [e["match"] for e in want["findings"] if not any(matches(f, e) for f in serious)]
    assert not unexplained and not missed, (unexplained, missed)
    assert not any(r.startswith(("STR-", "XT-", "BUD-", "TXT-")) for r in got["checks"]["ran"])
    assert {n["rule"] for n in got["checks"]["not_applicable"]} >= {"STR-03", "STR-06", "TXT-AMT"}
