"""The analysis cache: a reopened document is the same document with the same findings, a
moved copy hits the cache, a damaged cache file is only a miss, and nothing is written outside
the cache folder the environment names."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from core import cache
from core.analysis import CACHE_VERSION, analyse
from core.model import Char

NAME = "zezhou-union-2022-final-accounts"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRD_CACHE_DIR", str(folder))
    return folder


def test_a_reopened_document_has_the_same_content_and_findings(
        cache_dir: Path, seeds: dict[str, Any], analysed: dict[str, Any], tmp_path: Path) -> None:
    first = analyse(seeds[NAME].pdf, use_cache=True)
    files = list(cache_dir.iterdir())
    assert [f.name for f in files] == [f"{first.document.sha256}-{CACHE_VERSION}.pickle"]
    moved = tmp_path / "elsewhere" / "renamed.pdf"
    moved.parent.mkdir()
    shutil.copy(seeds[NAME].pdf, moved)
    again = analyse(moved, use_cache=True)
    assert "cached" in again.timings and "tables" not in again.timings  # not parsed again
    assert again.document.path == str(moved)
    expected = analysed[NAME]
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in expected.findings]
    assert [f.message for f in again.findings] == [f.message for f in expected.findings]
    for mine, theirs in zip(again.document.pages, expected.document.pages):
        assert mine.chars == theirs.chars
        assert [line.text for line in mine.lines] == [line.text for line in theirs.lines]
    page = next(p for p in again.document.pages if p.lines)
    line = page.lines[0]
    assert any(line.chars[0] is c for c in page.chars)  # lines share the page's characters


def test_characters_pickle_as_constructor_calls() -> None:
    char = Char("预", 1.5, 2.0, 11.5, 12.25)
    assert char.__reduce__() == (Char, ("预", 1.5, 2.0, 11.5, 12.25))
    assert pickle.loads(pickle.dumps(char, protocol=pickle.HIGHEST_PROTOCOL)) == char


def test_a_damaged_cache_file_is_a_miss_and_removed(cache_dir: Path, seeds: dict[str, Any],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    report = analyse(seeds[NAME].pdf, use_cache=True)
    target = next(cache_dir.iterdir())
    target.write_bytes(b"not a pickle")
    assert cache.load(report.document.sha256, CACHE_VERSION) is None
    assert not target.exists() and "discarding unreadable cache" in caplog.text
    again = analyse(seeds[NAME].pdf, use_cache=True)  # parsed afresh, cached again
    assert "tables" in again.timings and target.exists()
