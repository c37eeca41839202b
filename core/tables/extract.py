"""Find, stitch and normalise every table of a document.

Titles come from the text (all pages, cheap); ruling lines are read with pdfplumber only on the pages
that hold a title or may continue a table, which keeps analysis cheaper than running pdfplumber's own
table extraction over every page.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import pypdfium2 as pdfium

from core.amounts import unit_in
from core.errors import Cancelled
from core.model import Bbox, Document, Line, Page
from core.pdftext import display_box
from core.tables.columns import header_rows
from core.tables.frame import Part, build_table
from core.tables.gov_catalog import GOV_PREFIX
from core.tables.grid import Grid, find_grids, refines, split_caption, stack
from core.tables.locate import TitleHit, find_titles, number_near
from core.tables.model import CellRef, ParsedTable
from core.tables.rulings import page_edges

log = logging.getLogger(__name__)

CAPTION_ABOVE = 45.0  # how far above a title its number line may stand (pt)
NOTE_BELOW = 90.0  # how far below a grid its 注/说明 lines may run (pt)
NOTE_RE = re.compile(r"^(注|说明|备注)\s*[：:．.]?|本表|此表|无数据|空表|为空|没有|无.*(收入|支出|安排)")
COLUMN_TOLERANCE = 4.0


@dataclass
class _Pending:
    hit: TitleHit
    parts: list[Part] = field(default_factory=list)
    caption: str = ""
    notes: list[Line] = field(default_factory=list)
    regions: list[tuple[int, Bbox]] = field(default_factory=list)

    @property
    def last_page(self) -> int:
        return self.parts[-1].grid.page if self.parts else self.hit.page


class _Edges:
    """Each page's ruling lines, read with pdfium on first use only."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: pdfium.PdfDocument | None = None
        self._cache: dict[int, list[dict[str, Any]]] = {}

    def __call__(self, number: int) -> list[dict[str, Any]]:
        if number not in self._cache:
            if self._pdf is None:
                self._pdf = pdfium.PdfDocument(self._data)
            page = self._pdf[number - 1]
            try:
                crop, rotation = page.get_cropbox(), page.get_rotation() % 360
                self._cache[number] = page_edges(
                    page, lambda box: display_box(box, rotation, crop))
            finally:
                page.close()
        return self._cache[number]

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def _lines_between(page: Page, top: float, bottom: float) -> list[str]:
    return [ln.text for ln in page.lines if top - 1 <= ln.top and ln.bottom <= bottom + 1]


def _aligned(a: Grid, b: Grid) -> bool:
    if a.ncols != b.ncols:
        shared = sum(1 for x in b.xs if any(abs(x - y) <= COLUMN_TOLERANCE for y in a.xs))
        return shared >= max(3, 0.8 * len(b.xs)) and len(b.xs) >= 3
    return all(abs(x - y) <= COLUMN_TOLERANCE for x, y in zip(a.xs, b.xs))


def _note_lines(page: Page, top: float, bottom: float) -> list[Line]:
    """The 注/说明 lines printed right under a grid."""
    out: list[Line] = []
    for ln in page.lines:
        if top - 1 <= ln.top <= bottom:
            flat = "".join(ln.text.split())
            if re.match(r"^[-—\s]*\d+[-—\s]*$", flat):
                continue  # a page number
            if out and ln.top - out[-1].bottom > 1.5 * ln.size:
                break
            if out or NOTE_RE.search(flat):
                out.append(ln)
            elif not out:
                break
    return out


class TableExtractor:
    def __init__(self, doc: Document, data: bytes,
                 cancel: Callable[[], bool] | None = None) -> None:
        self.doc = doc
        self.edges = _Edges(data)
        self.cancel = cancel or (lambda: False)
        self.titles = {p.number: find_titles(p, doc.family, doc.government) for p in doc.pages}
        self.captions: dict[int, str] = {}  # caption rows found inside a grid's frame

    def run(self) -> list[ParsedTable]:
        try:
            return self._run()
        finally:
            self.edges.close()

    def _grids(self, number: int, top: float, bottom: float) -> list[Grid]:
        if self.cancel():
            raise Cancelled("分析已取消")
        page = self.doc.page(number)
        grids = []
        for grid in find_grids(self.edges(number), (0.0, top, page.width, bottom), number,
                               page.chars):
            grid, caption = split_caption(grid)
            self.captions[id(grid)] = caption
            grids.append(grid)
        return grids

    def _run(self) -> list[ParsedTable]:
        done: list[_Pending] = []
        current: _Pending | None = None
        n = len(self.doc.pages)
        number = 1
        while number <= n:
            page = self.doc.page(number)
            hits = self.titles[number]
            first_top = hits[0].top if hits else page.height
            if current is not None and current.parts and current.last_page == number - 1:
                self._continue(current, number, first_top)
            for i, hit in enumerate(hits):
                bottom = hits[i + 1].top if i + 1 < len(hits) else page.height
                pending = self._start(hit, bottom)
                if pending is None:
                    continue
                if current is not None and current.hit.label == pending.hit.label and current.parts \
                        and pending.parts and _aligned(current.parts[0].grid, pending.parts[0].grid):
                    current.parts.extend(pending.parts)  # the title repeated on a continuation page
                    current.regions.extend(pending.regions)
                    current.notes = pending.notes or current.notes
                    continue
                current = pending
                done.append(pending)
            number += 1
        with_grid = {p.hit.label for p in done if p.parts}
        # A title without a grid (a list of table names in the text) yields to the real table.
        done = [p for p in done if p.parts or p.hit.label not in with_grid]
        return [t for t in (self._finish(p) for p in done) if t is not None]

    def _start(self, hit: TitleHit, bottom: float) -> _Pending | None:
        page = self.doc.page(hit.page)
        grids = self._grids(hit.page, hit.top, bottom)
        pending = _Pending(hit)
        if not grids and hit.page < len(self.doc.pages) and bottom >= page.height - 1:
            nxt = self.doc.page(hit.page + 1)
            stop = self.titles[hit.page + 1][0].top if self.titles[hit.page + 1] else nxt.height
            grids = self._grids(hit.page + 1, 0.0, stop)[:1]  # the title ended its page
            cap_page, cap_top, cap_bottom = page, hit.top - CAPTION_ABOVE, page.height
        else:
            cap_page, cap_top = page, hit.top - CAPTION_ABOVE
            cap_bottom = grids[0].ys[0] if grids else bottom
        if not grids:
            # A standard title with a caption (单位：…) under it but no grid is a table we failed to
            # read: keep it, flagged. Without a caption it is a table named in a list or a sentence.
            below = _lines_between(page, hit.bottom, min(bottom, hit.bottom + 60))
            return pending if hit.table_id and any(unit_in(t) for t in below) else None
        first = grids[0]
        pending.caption = " ".join(_lines_between(cap_page, cap_top, cap_bottom)
                                   + [self.captions.get(id(first), "")])
        above = min([ln.top for ln in cap_page.lines if cap_top - 1 <= ln.top <= hit.top
                     and number_near(cap_page, ln.top, ln.bottom)] + [hit.top])
        pending.regions.append((hit.page, (0.0, above, page.width, cap_bottom)))
        pending.parts.append(Part(first, header_rows(first)))
        for g in grids[1:]:
            if _aligned(first, g) and g.ys[0] - pending.parts[-1].grid.ys[-1] < 30:
                pending.parts.append(Part(g, 0))
        last = pending.parts[-1].grid
        grid_page = self.doc.page(last.page)
        pending.notes = _note_lines(grid_page, last.ys[-1], min(bottom if last.page == hit.page
                                                                else grid_page.height,
                                                                last.ys[-1] + NOTE_BELOW))
        for part in pending.parts:
            pending.regions.append((part.grid.page, part.grid.box))
        self._note_region(pending, grid_page)
        return pending

    @staticmethod
    def _note_region(pending: _Pending, page: Page) -> None:
        if pending.notes:
            box = (0.0, pending.notes[0].top, page.width, pending.notes[-1].bottom)
            pending.regions.append((page.number, box))

    def _continue(self, pending: _Pending, number: int, stop: float) -> None:
        page = self.doc.page(number)
        if not self._may_continue(page, stop):
            return
        grids = self._grids(number, 0.0, stop)
        if not grids:
            return
        first = pending.parts[0]
        if len(pending.parts) == 1 and first.nheader >= first.grid.nrows \
                and refines(first.grid, grids[0]):
            # The page ended after the table's header: the body (with finer columns) goes on here.
            merged = stack(first.grid, grids[0])
            pending.parts[0] = Part(merged, header_rows(merged))
            pending.regions.append((number, grids[0].box))
            return
        if not _aligned(first.grid, grids[0]):
            return
        above = _lines_between(page, 0.0, grids[0].ys[0])
        if any(unit_in(t) for t in above):
            return  # a new (untitled) table starts here
        pending.parts.append(Part(grids[0], 0))
        last = grids[0]
        pending.regions.append((number, last.box))
        pending.notes = _note_lines(page, last.ys[-1], min(stop, last.ys[-1] + NOTE_BELOW))
        self._note_region(pending, page)

    @staticmethod
    def _may_continue(page: Page, stop: float) -> bool:
        """Cheap text test before reading ruling lines: could a table go on here?"""
        lines = [ln for ln in page.lines if ln.top < stop]
        if len("".join(ln.text for ln in lines)) < 40:
            return True  # a near-empty spill-over page
        head = ["".join(ln.text.split()) for ln in lines[:8]]
        numeric = sum(1 for t in head if re.search(r"\d[\d,]*\.\d{2}|\d{1,3}(,\d{3})+|^\d{3}", t))
        return numeric >= 2 or any(re.search(r"项目|科目|编码|收入|支出", t) for t in head[:3])

    def _finish(self, pending: _Pending) -> ParsedTable | None:
        hit = pending.hit
        page = self.doc.page(hit.page)
        number = hit.number or number_near(page, hit.top - CAPTION_ABOVE, hit.bottom + 40)
        header_text = " ".join(pending.parts[0].grid.row_text(r)
                               for r in range(pending.parts[0].nheader)) if pending.parts else ""
        unit = unit_in(pending.caption) or unit_in(header_text)
        title_ref = CellRef(hit.page, hit.line.box, hit.line.text)
        if not pending.parts:
            table = build_empty(hit, number, unit)
        else:
            table = build_table(pending.parts, hit.label, hit.title, number, unit)
        table.title_ref = title_ref
        if hit.page not in table.pages:  # the title closed the page before its table
            table.pages.insert(0, hit.page)
        notes = ["".join(n.text.split()) for n in pending.notes]
        table.regions = pending.regions
        if notes:
            table.note = "".join(notes) if table.note is None else table.note + "；" + "".join(notes)
        if unit is None:
            table.warnings.append("未找到表格的金额单位")
        return table


def build_empty(hit: TitleHit, number: str | None, unit: str | None) -> ParsedTable:
    import pandas as pd

    from core.tables.model import LABEL_COLUMNS

    table = ParsedTable(hit.label, hit.title, number, unit, [hit.page],
                        pd.DataFrame(columns=LABEL_COLUMNS), confidence=0.0)
    table.warnings.append("找到表格标题，但未能识别表格网格")
    return table


def extract_tables(doc: Document, data: bytes,
                   cancel: Callable[[], bool] | None = None) -> list[ParsedTable]:
    tables = TableExtractor(doc, data, cancel).run()
    seen: dict[str, int] = {}
    for table in tables:  # a report's two tables of one kind and scope stay apart: GOV-GF-AREA#2
        if table.id.startswith(GOV_PREFIX):
            seen[table.id] = seen.get(table.id, 0) + 1
            if seen[table.id] > 1:
                table.id = f"{table.id}#{seen[table.id]}"
    return tables
