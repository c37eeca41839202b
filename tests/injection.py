"""Injected defects for the issue-14 family tests (tests/test_inject_*.py).

Two kinds of copies are edited the way a careless editor would:

- the seed fixtures (tests/fixtures/seeds/*.json): a figure, word or sentence of a paragraph, a
  table cell or a caption is changed, the copy rendered to PDF and analysed in full. Each rendered
  copy carries one edit of every family (in different paragraphs and tables), so the families'
  tests share four rounds of renders instead of rendering once per edit;
- the real corpus (../shared/corpus/real): the parsed document (narrative text, a table cell, a
  caption line) is edited in memory and the checks run again; the PDF itself is never copied.

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
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from tests.conftest import CORPUS, SEED_NAMES, SEEDS

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


# -- corpus edits (the parsed document, in memory) -------------------------------------------------
@dataclass
class CorpusEdit:
    family: str
    file: str
    describe: str
    make: Callable[[Any], tuple[list[tuple[int, Box]], tuple[str, int, str] | None]] = \
        field(repr=False)  # edits the report, returns where the edit is printed


@lru_cache(maxsize=None)
def _base(name: str) -> Any:
    """The parsed corpus document (no checks), read once per process."""
    from core.analysis import analyse

    return analyse(CORPUS / name, use_cache=True, checks=False)


def fresh(name: str) -> Any:
    """A copy of the parsed document that edits may change: the narrative, every table and every
    page's lines are copies, the characters and boxes are shared (nothing edits them). Faster
    than unpickling a copy per edit, which was most of the tests' time."""
    base = _base(name)
    report = copy.copy(base)
    nar = copy.copy(base.narrative)
    nar.__dict__.pop("_claims", None)
    nar.refs = list(nar.refs)
    nar.sentences = [copy.copy(s) for s in nar.sentences]
    nar.sections = [copy.copy(s) for s in nar.sections]
    nar.paragraphs = list(nar.paragraphs)
    report.narrative = nar
    tables = []
    for t in base.tables:
        t = copy.copy(t)
        t.__dict__.pop("_records", None)
        t.cells, t.frame = dict(t.cells), t.frame.copy()
        tables.append(t)
    report.tables = tables
    doc = copy.copy(base.document)
    doc.pages = []
    for p in base.document.pages:
        p = copy.copy(p)
        p.lines = [copy.copy(ln) for ln in p.lines]
        doc.pages.append(p)
    report.document = doc
    report.findings = []
    return report


def edit_text(report: Any, start: int, end: int, new: str) -> list[tuple[int, Box]]:
    """Replace narrative text[start:end] with new; the new characters are printed where the old
    ones were. Returns the boxes of the new text."""
    nar = report.narrative
    old_refs = nar.refs[start:end] or [nar.refs[start - 1]]
    delta = len(new) - (end - start)
    nar.text = nar.text[:start] + new + nar.text[end:]
    nar.refs = nar.refs[:start] + [old_refs[min(i, len(old_refs) - 1)] for i in range(len(new))] \
        + nar.refs[end:]

    def shift(x: int) -> int:
        return x + delta if x >= end else x

    for s in nar.sentences:
        s.start, s.end = shift(s.start), (s.end + delta if s.end >= end else s.end)
        s.text = nar.text[s.start:s.end].strip()
    for sec in nar.sections:
        sec.start, sec.end = shift(sec.start), (sec.end + delta if sec.end >= end else sec.end)
    nar.paragraphs = [(shift(a), b + delta if b >= end else b) for a, b in nar.paragraphs]
    if hasattr(nar, "_claims"):
        del nar._claims
    return nar.boxes(start, start + len(new))


def edit_cell(report: Any, table_id: str, row: int, column: str, new: str) -> tuple[int, Box]:
    """Print new in a table cell (which must be printed)."""
    from core.amounts import parse_amount
    from core.tables.model import CellRef

    table = report.table(table_id)
    ref = table.cells[(row, column)]
    table.cells[(row, column)] = CellRef(ref.page, ref.bbox, new)
    table.frame.at[row, column] = parse_amount(new)
    if hasattr(table, "_records"):
        del table._records
    return ref.page, ref.bbox


def changed(text: str, factor: str = "1.37", plus: str = "11") -> str:
    """Another figure printed like text that no rounding explains."""
    from core.amounts import decimals_of, parse_amount

    value = parse_amount(text) or Decimal(0)
    places = decimals_of(text)
    new = (value * Decimal(factor) + Decimal(plus)).quantize(Decimal(1).scaleb(-places))
    return f"{new:,.{places}f}" if "," in text else f"{new:.{places}f}"


def family_settings(family: str) -> Any:
    """The shipped settings with only the family's rules switched on: the edits are judged by
    them alone, and a run of the checks takes a fraction of the whole catalogue's time."""
    from core.checks.registry import catalogue
    from core.checks.settings import load_settings

    settings = load_settings(Path("/nonexistent"))  # the shipped defaults, never the user's
    for r in catalogue():
        if r.id not in FAMILIES[family]:
            settings.rules[r.id] = {**settings.rules.get(r.id, {}), "enabled": False}
    return settings


def run_corpus(edits: list[CorpusEdit]) -> list[tuple[CorpusEdit, bool]]:
    from core.checks import run_checks

    baselines: dict[str, set[str]] = {}
    out = []
    for e in edits:
        settings = family_settings(e.family)
        if e.file not in baselines:
            baselines[e.file] = {f.fingerprint for f in run_checks(fresh(e.file), settings)}
        report = fresh(e.file)
        targets, cell = e.make(report)
        findings = run_checks(report, settings)
        out.append((e, found_at(findings, baselines[e.file], FAMILIES[e.family], targets, cell)))
    return out


def _corpus_job(job: tuple[str, str]) -> list[tuple[str, str, bool]]:
    family, name = job
    from tests.inject_edits import GENERATORS

    return [(e.file, e.describe, ok) for e, ok in run_corpus(GENERATORS[family]([name]))]


def corpus_results(family: str, names: list[str]) -> list[tuple[str, str, bool]]:
    """The family's edits of each corpus document, found or not (two worker processes)."""
    return [r for batch in pool().map(_corpus_job, [(family, n) for n in names]) for r in batch]


def _untouched_job(job: tuple[str, str]) -> list[tuple[str, str, str, str]]:
    from core.checks import run_checks

    family, name = job
    return [(name, f.rule, f.severity, f.message) for f in run_checks(fresh(name), family_settings(family))
            if f.severity in ("error", "warn")]


def untouched(family: str, names: list[str]) -> list[tuple[str, str, str, str]]:
    """(file, rule, severity, message) of every error and warn of the family's rules on the
    unedited documents."""
    return [r for batch in pool().map(_untouched_job, [(family, n) for n in names]) for r in batch]


def unexplained(found: list[tuple[str, str, str, str]], known: list[tuple[str, str, str]]) -> list[str]:
    """The findings no (file, rule, words of the message) entry of known explains."""
    return [f"{name} {rule} [{sev}] {msg}" for name, rule, sev, msg in found
            if not any(name == k[0] and rule == k[1] and k[2] in msg for k in known)]
