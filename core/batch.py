"""Checking a whole folder: every file analysed in worker processes, one summary row each.

A district sends a folder of disclosures; the reviewer wants to know, per document, what it is,
which tables are there or missing, and how many findings of each severity, before opening any.
Every file in the folder gets a row, so nothing is silently left out: a file that is not a PDF,
is corrupt or encrypted, or breaks the parser is reported in its own row and the run goes on.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from core.checks.model import SEVERITIES

# files a folder of disclosures holds that are ours, not documents: reviews and their journals
OWN_SUFFIXES = (".review.sqlite", ".review.sqlite-wal", ".review.sqlite-shm", ".review")


@dataclass
class BatchRow:
    """One document's line in the summary (error set when it could not be analysed)."""

    path: str
    kind: str = ""
    scope: str = ""
    doc_kind: str = ""  # 部门决算, 政府预算报告, 模板, 其他, 无文字层 (core.model.Document.kind_label)
    level: str = ""  # a government report's 全市 / 本级
    government: str = ""
    year: int | None = None
    entity: str = ""
    pages: int = 0
    tables: list[str] = field(default_factory=list)  # standard table ids found
    missing: list[str] = field(default_factory=list)  # standard table ids required but absent
    severities: dict[str, int] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)  # findings per rule id
    seconds: float = 0.0
    error: str = ""
    error_code: str = ""
    document: dict[str, Any] | None = None  # the `check --json` entry, when asked for

    @property
    def findings(self) -> int:
        return sum(self.severities.values())


def batch_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for every file under it (sorted, recursively), hidden
    files and the app's own review files left out."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        for q in sorted(p.rglob("*")):
            rel = q.relative_to(p).parts
            if q.is_file() and not any(part.startswith(".") for part in rel) \
                    and not q.name.lower().endswith(OWN_SUFFIXES):
                out.append(q)
    return out


def check_one(path: str, with_json: bool = False, with_tables: bool = False,
              lang: str = "zh") -> BatchRow:
    """Analyse one file (from the cache when it was seen before) into its summary row."""
    from core.analysis import analyse
    from core.checks.applies import applicability
    from core.checks.context import Context
    from core.checks.registry import catalogue
    from core.checks.rules_structure import missing_tables
    from core.checks.settings import load_settings
    from core.errors import DisclosureError, NoTextLayer
    from core.model import FAMILY_LABELS, NO_TEXT

    row = BatchRow(str(path))
    t0 = time.perf_counter()
    try:
        if Path(path).suffix.lower() != ".pdf" and Path(path).is_file():
            row.error, row.error_code = f"不是 PDF 文件（{Path(path).suffix or '无扩展名'}）", "not-pdf"
            return row
        report = analyse(path, use_cache=True)
    except DisclosureError as exc:
        row.error, row.error_code = str(exc), exc.code
        if isinstance(exc, NoTextLayer):
            row.doc_kind = FAMILY_LABELS[NO_TEXT]
        return row
    except Exception as exc:  # a parser bug: this document's row says so, the run goes on
        row.error, row.error_code = f"分析时发生内部错误：{exc!r}", "internal"
        return row
    finally:
        row.seconds = time.perf_counter() - t0
    doc = report.document
    row.kind, row.scope, row.year, row.entity = doc.kind or "", doc.scope or "", doc.year, doc.entity or ""
    row.doc_kind, row.level, row.government = doc.kind_label, doc.level or "", doc.government or ""
    row.pages = len(doc.pages)
    row.tables = sorted({t.id for t in report.tables if t.standard})
    settings = load_settings()
    ctx = Context(report, settings)
    completeness = next(r for r in catalogue() if r.id == "STR-03")  # 缺少表格 only where it applies
    applies = applicability(completeness, doc, settings, ctx.kind).applies
    row.missing = missing_tables(ctx) if applies else []
    counts = Counter(f.severity for f in report.findings)
    row.severities = {s: counts.get(s, 0) for s in SEVERITIES}
    row.rules = dict(Counter(f.rule for f in report.findings))
    if with_json:
        from core.report_json import document_json

        row.document = document_json(report, with_tables, lang)
    return row


ProgressFn = Callable[[int, int, BatchRow], None]  # (done, total, the row just finished)


def run_batch(files: list[Path], jobs: int = 1, progress: ProgressFn | None = None,
              cancelled: Callable[[], bool] = lambda: False, in_process: bool | None = None,
              **options: Any) -> list[BatchRow]:
    """Check files with `jobs` worker processes; rows come back in the order of files.

    With one job the files are checked in this process unless in_process is False: a window
    must never parse on one of its own threads (pdfium there belongs to the page renderer)."""
    rows: dict[int, BatchRow] = {}
    if in_process if in_process is not None else jobs <= 1:
        for i, f in enumerate(files):
            if cancelled():
                break
            rows[i] = check_one(str(f), **options)
            if progress:
                progress(len(rows), len(files), rows[i])
        return [rows[i] for i in sorted(rows)]
    # spawn: no fork of a process that may run Qt or pdfium threads; workers import once
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=mp.get_context("spawn")) as pool:
        pending: dict[Future, int] = {pool.submit(check_one, str(f), **options): i
                                      for i, f in enumerate(files)}
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            if cancelled():
                for fut in pending:
                    fut.cancel()
                break
            for fut in done:
                i = pending.pop(fut)
                rows[i] = _result(fut, files[i])
                if progress:
                    progress(len(rows), len(files), rows[i])
    return [rows[i] for i in sorted(rows)]


def _result(fut: Future, path: Path) -> BatchRow:
    try:
        return fut.result()
    except Exception as exc:  # the worker process died (out of memory, a crash in C code)
        return BatchRow(str(path), error=f"检查进程意外退出：{exc!r}", error_code="internal")
