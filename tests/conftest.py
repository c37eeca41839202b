"""Shared fixtures: the seed documents rendered to PDF once per test session, and the real corpus."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.json"))


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's reviews; the analysis cache is shared by the
    session's tests (a parse is deterministic) but never the user's."""
    monkeypatch.setenv("DRD_DATA_DIR", str(tmp_path_factory.mktemp("reviews")))
    if "DRD_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("DRD_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "analysis-cache"))


class Seed:
    """A rendered seed document: its PDF, what was printed where (truth), and its source."""

    def __init__(self, name: str, pdf: Path, truth: dict[str, Any]) -> None:
        self.name = name
        self.pdf = pdf
        self.truth = truth
        self.source = json.loads((SEEDS / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.fixtures.render import render_file

    out = tmp_path_factory.mktemp("seeds")
    for name in SEED_NAMES:
        render_file(SEEDS / f"{name}.json", out)
    return out


@pytest.fixture(scope="session")
def seeds(seed_dir: Path) -> dict[str, Seed]:
    return {name: Seed(name, seed_dir / f"{name}.pdf",
                       json.loads((seed_dir / f"{name}.truth.json").read_text(encoding="utf-8")))
            for name in SEED_NAMES}


@pytest.fixture(scope="session")
def analysed(seeds: dict[str, Seed]) -> dict[str, Any]:
    """Every seed analysed once (analysis is deterministic, so tests may share the reports)."""
    from core.analysis import analyse

    return {name: analyse(seed.pdf) for name, seed in seeds.items()}


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/real is absent")
