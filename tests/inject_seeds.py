"""Injected defects for the issue-14 family tests of families 4-7 (tests/test_inject_family[4-7]_*.py).

Two kinds of copies are edited the way a careless editor would:

- the seed fixtures (tests/fixtures/seeds/*.json): a figure, word or sentence of a paragraph, a
  table cell or a caption is changed, the copy rendered to PDF and analysed in full. Each rendered
  copy carries one edit of every family (in different paragraphs and tables), so the families'
  tests share four rounds of renders instead of rendering once per edit;
- the real corpus (../shared/corpus/real): the parsed document (narrative text, a table cell, a
  caption line) is edited in memory and the checks run again (tests/inject_corpus.py).

An edit counts as found when a finding of its family's rules that the unedited document does not
have (or one of its member findings) is located where the edit was printed.
"""
from __future__ import annotations

import atexit
import copy
import json
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tests.conftest import SEED_NAMES, SEEDS

_POOL: list[ProcessPoolExecutor] = []


def pool() -> ProcessPoolExecutor:
    """Two worker processes for the whole session: each keeps the corpus documents it has read."""
    if not _POOL:
        _POOL.append(ProcessPoolExecutor(max_workers=2))
        atexit.register(_POOL[0].shutdown)
    return _POOL[0]


FAMILIES = {
    "procurement": {"NAR-GP", "NAR-SME"},
    "performance": {"CON-PERFYEAR", "TXT-PERF"},
    "tables": {"XT-PERS", "XT-RUN", "XT-SG", "CON-TITLEYEAR", "CON-TITLEORG"},
    "coverage": {"TXT-COVER", "TXT-NAME"},
}
Box = tuple[float, float, float, float]


# -- seed edits ----------------------------------------------------------------------------------
@dataclass
class SeedEdit:
    """One edit of a seed: a paragraph's words (block), a table cell, or a table caption."""

    family: str
    seed: str
    old: str
    new: str
    block: int | None = None  # index of the paragraph in seed["blocks"]
    table: int | None = None  # index among the seed's table blocks
    row: int | None = None
    col: int | None = None  # grid column of the cell
    caption: int | None = None  # index of the caption line of table `table`
    found_in: tuple[str, str] | None = None  # (table id, row name): where the finding belongs
    # when it is not where the words changed (an item dropped from the narrative is missed in
    # the table)

    def describe(self) -> str:
        where = (f"block {self.block}" if self.block is not None else
                 f"table {self.table} caption" if self.caption is not None else
                 f"table {self.table} row {self.row} col {self.col}")
        return f"{self.family} {self.seed} {where}: {self.old!r} -> {self.new!r}"


def _tables(seed: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in seed["blocks"] if b["t"] == "table"]


def apply(seed: dict[str, Any], edit: SeedEdit) -> None:
    """Make the edit in the seed source (in place); the old text must be there."""
    if edit.block is not None:
        text = seed["blocks"][edit.block]["text"]
        assert edit.old in text, edit.describe()
        seed["blocks"][edit.block]["text"] = text.replace(edit.old, edit.new, 1)
        return
    block = _tables(seed)[edit.table]
    if edit.caption is not None:
        cap = block["captions"][edit.caption]
        assert edit.old in cap["text"], edit.describe()
        cap["text"] = cap["text"].replace(edit.old, edit.new, 1)
        return
    from tests.mutations import _grid_cols

    cols = _grid_cols(block)
    row = block["rows"][edit.row]
    k = next(k for (r, k), c in cols.items() if r == edit.row and c == edit.col)
    cell = row[k]
    text = cell if isinstance(cell, str) else cell["text"]
    assert text.strip() == edit.old, edit.describe()
    if isinstance(cell, str):
        row[k] = edit.new
    else:
        cell["text"] = edit.new


def find_cell(seed: dict[str, Any], table_id: str, row_text: str, old: str) -> tuple[int, int, int]:
    """(table index, row, grid column) of the cell printing old right of the cell row_text, in
    the table expected as table_id."""
    from tests.mutations import _grid_cols

    for ti, block in enumerate(_tables(seed)):
        if block.get("expect", {}).get("id") != table_id:
            continue
        cols = _grid_cols(block)
        for ri, row in enumerate(block["rows"]):
            texts = [c if isinstance(c, str) else c.get("text", "") for c in row]
            named = [k for k, t in enumerate(texts) if t.strip() == row_text]
            if named:  # the first cell printing old right of the row's name (multi-panel rows)
                for k, t in enumerate(texts):
                    if k > named[0] and t.strip() == old:
                        return ti, ri, cols[(ri, k)]
    raise LookupError(f"{table_id}: no cell {old!r} in a row {row_text!r}")


def find_caption(seed: dict[str, Any], table_id: str, old: str) -> tuple[int, int]:
    for ti, block in enumerate(_tables(seed)):
        if block.get("expect", {}).get("id") == table_id:
            for ci, cap in enumerate(block.get("captions", [])):
                if old in cap.get("text", ""):
                    return ti, ci
    raise LookupError(f"{table_id}: no caption with {old!r}")


def find_block(seed: dict[str, Any], old: str) -> int:
    hits = [i for i, b in enumerate(seed["blocks"]) if b["t"] in ("p", "h1", "h2", "h3")
            and old in b.get("text", "")]
    assert hits, old
    return hits[0]


@lru_cache(maxsize=None)
def seed_source(name: str) -> dict[str, Any]:
    return json.loads((SEEDS / f"{name}.json").read_text(encoding="utf-8"))


def _overlaps(a: Box | list[float], b: Box | list[float], margin: float = 2.0) -> bool:
    return not (a[2] + margin < b[0] or b[2] + margin < a[0] or a[3] + margin < b[1]
                or b[3] + margin < a[1])


def _flat_boxes(report: Any, paragraph: str, new: str) -> list[tuple[int, Box]]:
    """Where new was printed in the narrative: found by its neighbours in the edited paragraph."""
    flat_para = re.sub(r"\s", "", paragraph)
    nar = report.narrative
    index = [i for i, ch in enumerate(nar.text) if not ch.isspace()]
    flat = "".join(nar.text[i] for i in index)
    want = re.sub(r"\s", "", new)
    boxes: list[tuple[int, Box]] = []
    pos = flat_para.find(want)
    while pos >= 0:
        before = flat_para[max(0, pos - 10):pos]
        hit = flat.find(before + flat_para[pos:pos + len(want) + 10])
        if hit >= 0:
            start = index[hit + len(before)]
            boxes += nar.boxes(start, index[hit + len(before) + len(want) - 1] + 1)
        pos = flat_para.find(want, pos + 1)
    return boxes


def _line_boxes(report: Any, new: str) -> list[tuple[int, Box]]:
    want = re.sub(r"\s", "", new)
    return [(p.number, ln.box) for p in report.document.pages for ln in p.lines
            if want in re.sub(r"\s", "", ln.text)]


def _targets(report: Any, truth: dict[str, Any], seed: dict[str, Any], e: SeedEdit
             ) -> list[tuple[int, Box]]:
    if e.found_in is not None:
        table_id, name = e.found_in
        for ti, block in enumerate(_tables(seed)):
            if block.get("expect", {}).get("id") != table_id:
                continue
            rows = [ri for ri, row in enumerate(block["rows"])
                    if any(name == (c if isinstance(c, str) else c.get("text", "")).strip() for c in row)]
            return [(c["page"], tuple(c["bbox"])) for c in truth["tables"][ti]["cells"]
                    if not c["header"] and c["row"] in rows]
        return []
    if e.block is not None:
        return _flat_boxes(report, seed["blocks"][e.block]["text"], e.new)
    if e.caption is not None:
        return _line_boxes(report, e.new)
    block = _tables(seed)[e.table]
    col = e.col + (2 if "split_codes" in block and e.col > block["split_codes"] else 0)
    return [(c["page"], tuple(c["bbox"])) for c in truth["tables"][e.table]["cells"]
            if not c["header"] and c["row"] == e.row and c["col"] == col]


def found_at(findings: list[Any], baseline: set[str], rules: set[str],
             targets: list[tuple[int, Box]], cell: tuple[str, int, str] | None = None) -> bool:
    """Some new finding of rules (or a member of it) is located on one of targets (or on cell)."""
    def hits(f: Any) -> bool:
        for loc in f.locations:
            if cell and (loc.table, loc.row, loc.column) == cell:
                return True
            if loc.bbox is not None and any(loc.page == p and _overlaps(loc.bbox, b) for p, b in targets):
                return True
        return False

    for f in findings:
        if f.fingerprint in baseline:
            continue
        group = [f, *getattr(f, "members", [])]
        if any(g.rule in rules and hits(g) for g in group):
            return True
    return False


def _run_copy(job: tuple[str, list[SeedEdit], list[str]]) -> list[tuple[SeedEdit, bool]]:
    """Render one edited seed copy and analyse it; each edit: found or not."""
    from core.analysis import analyse
    from tests.fixtures.render import render

    name, edits, baseline = job
    seed = copy.deepcopy(seed_source(name))
    for e in edits:
        apply(seed, e)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / f"{name}.pdf"
        truth = render(seed, pdf)
        report = analyse(pdf)
    base = set(baseline)
    return [(e, found_at(report.findings, base, FAMILIES[e.family], _targets(report, truth, seed, e)))
            for e in edits]


_SEED_RESULTS: list[tuple[SeedEdit, bool]] = []


def seed_results(analysed: dict[str, Any]) -> list[tuple[SeedEdit, bool]]:
    """Every family's seed edits, rendered in rounds (one edit per family per copy), found or not;
    made once per session, against the unedited seeds as the session analysed them."""
    from tests.inject_edits import SEED_EDITS

    if _SEED_RESULTS:
        return _SEED_RESULTS

    rounds: dict[tuple[str, int], list[SeedEdit]] = {}
    for family, edits in SEED_EDITS.items():
        count: dict[str, int] = {}
        for e in edits:
            k = count.get(e.seed, 0)
            count[e.seed] = k + 1
            rounds.setdefault((e.seed, k), []).append(e)
    baselines = {name: [f.fingerprint for f in analysed[name].findings] for name in SEED_NAMES}
    jobs = [(name, edits, baselines[name]) for (name, _), edits in sorted(rounds.items())]
    _SEED_RESULTS.extend(r for batch in pool().map(_run_copy, jobs) for r in batch)
    return _SEED_RESULTS
