"""Errors injected into analysed documents, for the family tests of issue 14.

An edit changes one thing of an analysed report the way a careless editor would (a word of the
narrative, a figure, a table cell, a subject name) and keeps every character's page and box, so a
test can ask whether a finding that the unedited document does not have points at the edit. Edits
are made on the analysed report rather than on the PDF: the seeds and copies of corpus documents
are parsed once per test session and each edit costs only a run of the checks (about 0.1 s).
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any, Callable, Iterable

from core.checks import run_checks
from core.checks.model import Finding
from core.narrative import Narrative, _split
from core.tables.model import CellRef

Box = tuple[int, tuple[float, float, float, float]]


@dataclasses.dataclass
class Injected:
    """One edited copy of a document: what was changed and where it is printed."""

    name: str  # the document
    describe: str
    report: Any
    boxes: list[Box]
    cell: tuple[str, int, str] | None = None  # the edited table cell, for table edits


class TextEdit(Injected):
    """An edit of the narrative, made when first looked at (tests take a few of many candidates,
    and re-splitting a narrative into sentences is most of an edit's cost)."""

    def __init__(self, report: Any, start: int, end: int, new: str, name: str, describe: str) -> None:
        self.name, self.describe, self.cell = name, describe, None
        self._args = (report, start, end, new)
        self._made: tuple[Any, list[Box]] | None = None

    def _make(self) -> tuple[Any, list[Box]]:
        if self._made is None:
            self._made = _edit_text(*self._args)
        return self._made

    @property  # type: ignore[override]
    def report(self) -> Any:
        return self._make()[0]

    @property  # type: ignore[override]
    def boxes(self) -> list[Box]:
        return self._make()[1]


def edit_text(report: Any, start: int, end: int, new: str, name: str, describe: str) -> Injected:
    """report with narrative text[start:end] replaced by new; the new characters take the boxes of
    the old ones (so the edit is located where the old words were printed)."""
    return TextEdit(report, start, end, new, name, describe)


def _edit_text(report: Any, start: int, end: int, new: str) -> tuple[Any, list[Box]]:
    nar = report.narrative
    span = nar.refs[start:end] or nar.refs[max(0, start - 1):start + 1]
    fill = [span[min(k, len(span) - 1)] for k in range(len(new))]
    delta = len(new) - (end - start)

    def moved(x: int) -> int:
        return x if x <= start else max(start + len(new), x + delta)

    edited = Narrative(nar.text[:start] + new + nar.text[end:], nar.refs[:start] + fill + nar.refs[end:],
                       [], [], [(moved(a) if a > start else a, moved(b)) for a, b in nar.paragraphs])
    _split(edited)
    copy = dataclasses.replace(report, narrative=edited, findings=[])
    return copy, edited.boxes(max(0, start - 1), start + max(len(new), 1) + 1)


def edit_cell(report: Any, table_id: str, row: int, column: str, new: str, name: str) -> Injected:
    """report with one table cell printed as new (its value and its printed text)."""
    from core.amounts import parse_amount

    tables = []
    for t in report.tables:
        if t.id == table_id:
            frame = t.frame.copy()
            frame.at[row, column] = parse_amount(new) if column not in ("code", "name") else new
            cells = dict(t.cells)
            old = cells[(row, column)]
            cells[(row, column)] = CellRef(old.page, old.bbox, new)
            t = dataclasses.replace(t, frame=frame, cells=cells)
        tables.append(t)
    copy = dataclasses.replace(report, tables=tables, findings=[])
    ref = next(t for t in tables if t.id == table_id).cells[(row, column)]
    return Injected(name, f"{table_id} r{row} [{column}] -> {new}", copy, [(ref.page, ref.bbox)],
                    (table_id, row, column))


def overlaps(a: Iterable[float], b: Iterable[float], margin: float = 2.0) -> bool:
    a, b = tuple(a), tuple(b)
    return not (a[2] + margin < b[0] or b[2] + margin < a[0] or a[3] + margin < b[1]
                or b[3] + margin < a[1])


def new_findings(before: Any, injected: Injected) -> list[Finding]:
    """Findings of the edited copy that the unedited document does not have."""
    old = {f.fingerprint for f in before.findings}
    return [f for f in run_checks(injected.report) if f.fingerprint not in old]


def found(before: Any, injected: Injected, rules: set[str]) -> bool:
    """Some new finding of one of rules points at the edit (members count through their root)."""
    for f in new_findings(before, injected):
        if f.rule not in rules and not any(m.rule in rules for m in f.members):
            continue
        for loc in f.locations:
            if loc.bbox is not None and any(loc.page == p and overlaps(loc.bbox, box)
                                            for p, box in injected.boxes):
                return True
    return False


def sentences(report: Any, pattern: str) -> Iterable[re.Match[str]]:
    """Every match of pattern in the narrative of the disclosure proper (not its annexes)."""
    text = report.narrative.text
    cut = _annex_start(text)
    for m in re.finditer(pattern, text):
        if m.start() < cut:
            yield m


def _annex_start(text: str) -> int:
    m = re.search(r"\n附件[一二三四五六七八九十\d：:\s]", text)
    return m.start() if m else len(text)


def spread(items: list[Any], limit: int) -> list[Any]:
    """At most limit items taken evenly over the list (deterministic)."""
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


def rate(results: list[tuple[bool, str]]) -> tuple[float, list[str]]:
    missed = [d for ok, d in results if not ok]
    return 1 - len(missed) / max(1, len(results)), missed


def errors_of(report: Any, rules: set[str]) -> list[str]:
    """The error and warn findings of rules on an unedited document that are not real defects
    already examined (for a corpus document: those of bench/corpus_baseline.json)."""
    import json
    from pathlib import Path

    baseline = Path(__file__).resolve().parents[1] / "bench" / "corpus_baseline.json"
    known = {e["fingerprint"] for e in json.loads(baseline.read_text(encoding="utf-8"))["documents"]
             .get(Path(report.document.path).name, {}).get("findings", [])}
    return [f"{f.rule} p{f.pages}: {f.message}" for f in report.findings
            if f.rule in rules and f.severity in ("error", "warn") and f.fingerprint not in known]


_CORPUS: dict[str, Any] = {}


def corpus_reports(names: list[str]) -> dict[str, Any]:
    """The named corpus documents analysed, once per test session (shared by the family tests);
    the test is skipped when the corpus is absent."""
    import pytest

    from core.analysis import analyse
    from tests.conftest import CORPUS

    paths = [CORPUS / n for n in names]
    if not all(p.is_file() for p in paths):
        pytest.skip("../shared/corpus/real is absent")
    for p in paths:
        if p.name not in _CORPUS:
            _CORPUS[p.name] = analyse(p)
    return {p.name: _CORPUS[p.name] for p in paths}


Edit = Callable[[Any, str], list[Injected]]
__all__ = ["Injected", "edit_text", "edit_cell", "found", "sentences", "spread", "rate", "Decimal"]
