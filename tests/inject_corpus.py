"""Injected defects in real corpus documents (tests/test_inject_*.py; see tests/inject_seeds.py).

The parsed document (narrative text, a table cell, a caption line) is edited in memory and the
family's rules run again; the PDF itself is never copied. Each worker process reads a document
once and copies what the edits may change.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from tests.conftest import CORPUS
from tests.inject_seeds import FAMILIES, Box, found_at, pool


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
