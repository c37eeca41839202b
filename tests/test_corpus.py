"""Every real corpus PDF: `check` succeeds, recognises the document as SOURCES.md gives it, and finds
each standard table exactly once with the pages and unit written down in tests/data/corpus_expected
(read by hand from each file). Skipped when ../shared/corpus/real is absent."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS, ROOT, needs_corpus

EXPECTED = ROOT / "tests" / "data" / "corpus_expected"
CASES = sorted(EXPECTED.glob("*.json"))


def _standard(tables: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in tables if not t["id"].startswith("OTHER:")}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """One `check --json` run over the whole corpus (as a reviewer would run it)."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("corpus") / "corpus.json"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(CORPUS),
                             "--json", str(out)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    return {Path(d["path"]).name: d for d in docs}


@needs_corpus
@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.stem[:40] for c in CASES])
def test_document_and_tables(case: Path, checked: dict[str, dict[str, Any]]) -> None:
    want = json.loads(case.read_text(encoding="utf-8"))
    got = checked[want["file"]]
    assert (got["kind"], got["scope"], got["year"], got["entity"]) == (
        want["kind"], want["scope"], want["year"], want["entity"])
    assert got["doc_kind"] == want.get("doc_kind", f"{want['scope']}{want['kind']}")
    if "findings" in want:  # the template: one finding for the whole document
        assert sorted(f["rule"] for f in got["findings"] if f["severity"] in ("error", "warn")) \
            == want["findings"]
    if want.get("narrative_only"):
        assert got["tables"] == []
        return
    found, expected = _standard(got["tables"]), _standard(want["tables"])
    ids = [t["id"] for t in got["tables"] if not t["id"].startswith("OTHER:")]
    assert len(ids) == len(set(ids)), f"a standard table found twice: {ids}"
    assert sorted(found) == sorted(expected)
    for table_id, exp in expected.items():
        assert found[table_id]["pages"] == exp["pages"], table_id
        assert found[table_id]["unit"] == exp["unit"], table_id


@needs_corpus
@pytest.mark.corpus
def test_every_corpus_file_has_expected_data() -> None:
    names = {json.loads(c.read_text(encoding="utf-8"))["file"] for c in CASES}
    assert {p.name for p in CORPUS.glob("*.pdf")} <= names
