"""The one entry point the GUI and the command line call: analyse(path) -> Report."""
from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import pypdfium2 as pdfium

from core import APP_VERSION
from core.docmeta import recognise
from core.errors import Cancelled, NoTextLayer, TimedOut
from core.lines import build_lines
from core.model import Bbox, Document
from core.narrative import Narrative, build_narrative
from core import cache
from core.pdfguard import TIME_LIMIT
from core.pdftext import read_bytes, read_document, sha256_of
from core.tables.extract import extract_tables
from core.tables.model import ParsedTable

log = logging.getLogger(__name__)

PARSER_VERSION = "5"  # bump when parsing changes what a cached Report holds or how it is pickled

ProgressFn = Callable[[str, float], None]  # (stage message, fraction 0..1)


@dataclass
class Report:
    """Everything known about one document after analysis."""

    document: Document
    tables: list[ParsedTable]
    narrative: Narrative
    findings: list[Any] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    app_version: str = APP_VERSION

    def table(self, table_id: str) -> ParsedTable | None:
        return next((t for t in self.tables if t.id == table_id), None)


def _image_pages(data: bytes, numbers: list[int]) -> set[int]:
    """Which of the given pages hold an image (a scan or a chart) rather than being blank."""
    found: set[int] = set()
    pdf = pdfium.PdfDocument(data)
    try:
        for n in numbers:
            try:
                page = pdf[n - 1]
            except pdfium.PdfiumError:
                continue
            try:
                if any(True for _ in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE],
                                                     max_depth=2)):
                    found.add(n)
            finally:
                page.close()
    finally:
        pdf.close()
    return found


def _text_warnings(doc: Document, data: bytes) -> None:
    empty = [p.number for p in doc.pages if not p.has_text and p.number not in doc.unreadable]
    if len(empty) + len(doc.unreadable) == len(doc.pages):
        raise NoTextLayer(f"PDF 没有文字层（可能是扫描件），无法自动检查：{Path(doc.path).name}")
    scanned = _image_pages(data, empty)
    for n in empty:
        if n in scanned:
            doc.warnings.append(f"第{n}页没有文字层（图片或扫描页），其内容未检查")
        elif n != 1:
            doc.warnings.append(f"第{n}页没有文字（空白页或矢量图表）")


CACHE_VERSION = f"{APP_VERSION}-p{PARSER_VERSION}"


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a document is parsed.

    Parsing allocates hundreds of thousands of small objects (characters, lines, cells) and
    keeps them all: each full collection walks every one of them again, which made a dense page
    take twice as long and grow faster than its characters (bench/dense_page.py: 60k characters
    3.2 s with the collector, 1.3 s without). Whatever cycles parsing leaves are collected
    when it is turned back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def deadline_check(cancel: Callable[[], bool] | None, limit: float | None,
                   name: str) -> Callable[[], bool]:
    """A cancel callable that also raises TimedOut once the analysis has run for limit seconds:
    every step that polls for cancelling polls the clock too, so no file holds a worker."""
    start = time.monotonic()
    asked = cancel or (lambda: False)

    def check() -> bool:
        if limit is not None and time.monotonic() - start > limit:
            raise TimedOut(f"分析超过 {limit:.0f} 秒仍未完成，已停止：{name}"
                           "（文件可能过大或结构异常）")
        return asked()

    return check


def analyse(path: str | Path, progress: ProgressFn | None = None,
            cancel: Callable[[], bool] | None = None, use_cache: bool = False,
            checks: bool = True, time_limit: float | None = TIME_LIMIT) -> Report:
    """Read, recognise, parse and check a disclosure PDF.

    With use_cache, a document parsed before (same content, wherever it now is) is not parsed
    again; its checks are always run afresh, as rule settings may have changed. An analysis that
    runs past time_limit seconds stops with TimedOut.
    """
    path = Path(path)
    t0 = time.perf_counter()
    data = read_bytes(path)
    cancel = deadline_check(cancel, time_limit, path.name)
    report = cache.load(sha256_of(data), CACHE_VERSION) if use_cache else None
    if report is None:
        with _collector_paused():
            report = _parse(path, data, progress, cancel)
        if use_cache:
            cache.save(report, CACHE_VERSION)
    else:
        report.document.path = str(path)
        report.timings = {"cached": time.perf_counter() - t0}
    if checks:
        from core.checks import run_checks

        if cancel():
            raise Cancelled("分析已取消")
        t1 = time.perf_counter()
        with _collector_paused():
            report.findings = run_checks(report)
        report.timings["checks"] = time.perf_counter() - t1
    return report


def _parse(path: Path, data: bytes, progress: ProgressFn | None,
           cancel: Callable[[], bool]) -> Report:
    report = lambda msg, frac: progress(msg, frac) if progress else None  # noqa: E731
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    def on_page(done: int, total: int) -> None:
        if cancel():
            raise Cancelled("分析已取消")
        report(f"读取第 {done}/{total} 页", 0.3 * done / total)

    doc, data = read_document(path, on_page, data)
    for page in doc.pages:
        page.lines = build_lines(page.number, page.chars)
        if cancel():
            raise Cancelled("分析已取消")
    timings["read"] = time.perf_counter() - t0
    _text_warnings(doc, data)
    recognise(doc)
    report("识别表格", 0.35)
    t1 = time.perf_counter()
    tables = extract_tables(doc, data, cancel)
    timings["tables"] = time.perf_counter() - t1
    for table in tables:
        if table.confidence < 0.6:
            doc.warnings.append(f"{table.id}（第{table.pages[0]}页）解析置信度低：{table.confidence:.2f}")
    report("解析说明文字", 0.8)
    skip: dict[int, list[Bbox]] = {}
    for table in tables:
        for page, box in table.regions:
            skip.setdefault(page, []).append(box)
    if cancel():
        raise Cancelled("分析已取消")
    narrative = build_narrative(doc, skip)
    timings["total"] = time.perf_counter() - t0
    report("完成", 1.0)
    return Report(doc, tables, narrative, timings=timings)
