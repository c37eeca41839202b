"""The one entry point the GUI and the command line call: analyse(path) -> Report."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pypdfium2 as pdfium

from core import APP_VERSION
from core.docmeta import recognise
from core.errors import Cancelled, NoTextLayer
from core.lines import build_lines
from core.model import Bbox, Document
from core.narrative import Narrative, build_narrative
from core import cache
from core.pdftext import read_bytes, read_document, sha256_of
from core.tables.extract import extract_tables
from core.tables.model import ParsedTable

log = logging.getLogger(__name__)

PARSER_VERSION = "4"  # bump when parsing changes what a cached Report holds or how it is pickled

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
            page = pdf[n - 1]
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
    empty = [p.number for p in doc.pages if not p.has_text]
    if len(empty) == len(doc.pages):
        raise NoTextLayer(f"PDF 没有文字层（可能是扫描件），无法自动检查：{Path(doc.path).name}")
    scanned = _image_pages(data, empty)
    for n in empty:
        if n in scanned:
            doc.warnings.append(f"第{n}页没有文字层（图片或扫描页），其内容未检查")
        elif n != 1:
            doc.warnings.append(f"第{n}页没有文字（空白页或矢量图表）")


CACHE_VERSION = f"{APP_VERSION}-p{PARSER_VERSION}"


def analyse(path: str | Path, progress: ProgressFn | None = None,
            cancel: Callable[[], bool] | None = None, use_cache: bool = False,
            checks: bool = True) -> Report:
    """Read, recognise, parse and check a disclosure PDF.

    With use_cache, a document parsed before (same content, wherever it now is) is not parsed
    again; its checks are always run afresh, as rule settings may have changed.
    """
    path = Path(path)
    t0 = time.perf_counter()
    data = read_bytes(path)
    report = cache.load(sha256_of(data), CACHE_VERSION) if use_cache else None
    if report is None:
        report = _parse(path, data, progress, cancel)
        if use_cache:
            cache.save(report, CACHE_VERSION)
    else:
        report.document.path = str(path)
        report.timings = {"cached": time.perf_counter() - t0}
    if checks:
        from core.checks import run_checks

        t1 = time.perf_counter()
        report.findings = run_checks(report)
        report.timings["checks"] = time.perf_counter() - t1
    return report


def _parse(path: Path, data: bytes, progress: ProgressFn | None,
           cancel: Callable[[], bool] | None) -> Report:
    cancel = cancel or (lambda: False)
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
    narrative = build_narrative(doc, skip)
    timings["total"] = time.perf_counter() - t0
    report("完成", 1.0)
    return Report(doc, tables, narrative, timings=timings)
