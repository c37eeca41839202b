"""Find table titles on pages, from text alone (cheap: no ruling lines needed yet).

A title is a short line, not part of a sentence or of a table of contents, whose text names a table:
a standard one (core.tables.catalog) or any other "…表". Whether a grid really follows is decided
later, by core.tables.grid, on the pages found here only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import DISCLOSURE, Line, Page
from core.tables.catalog import NUMBER_ONLY, classify, normalize_title, short_title, split_number

MAX_TITLE_CHARS = 60
_SENTENCE_MARKS = re.compile(r"[，。；！？]|详见|见表|如下表|下表|附表")
_LEADER = re.compile(r"[…·．.]{3,}|\.{2,}\s*\d+\s*$|…")
_TOC_ENTRY = re.compile(r"\S.{1,60}?(?:[…·．.]{2,}|…)\s*[（(]?\d{0,3}[）)]?\s*$")
_TOC_HEAD = re.compile(r"^目\s*录$|^报表目录$")
_PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
_GENERIC = re.compile(r"^(\d{4}年度?)?(区级|市级|省级)?(部门|单位)?(预算|决算)(公开)?(报)?表(格)?$"
                      r"|(部门|单位)(预算|决算)(公开)?表$|公开报表$|公开表$")
_OTHER_TITLE = re.compile(r"表(（[^（）]{1,10}）)?$")


@dataclass
class TitleHit:
    """A line that names a table."""

    page: int
    line: Line
    title: str  # as printed, numbering removed
    number: str | None
    table_id: str | None  # canonical id, or None for a non-standard table

    @property
    def top(self) -> float:
        return self.line.top

    @property
    def bottom(self) -> float:
        return self.line.bottom

    @property
    def label(self) -> str:
        return self.table_id or f"OTHER:{short_title(self.title)}"


def is_toc_page(page: Page) -> bool:
    head = [normalize_title(ln.text) for ln in page.lines[:6]]
    if any(_TOC_HEAD.match(h) for h in head) or "目录" in "".join(head[:3]):
        return True
    entries = sum(1 for ln in page.lines if _TOC_ENTRY.fullmatch(ln.text.strip())
                  and len(normalize_title(ln.text)) > 4)
    return entries >= 4


def _title_of(line: Line, family: str = DISCLOSURE, government: str | None = None
              ) -> TitleHit | None:
    text = line.text.strip()
    flat = normalize_title(text)
    if not 4 <= len(flat) <= MAX_TITLE_CHARS or _SENTENCE_MARKS.search(flat):
        return None
    if _LEADER.search(text) or _PART_HEADING.match(flat) or NUMBER_ONLY.match(flat):
        return None
    number, rest = split_number(text)
    table_id = classify(rest, family, government)
    if table_id is None:
        rest_flat = re.sub(r"^[一二三四五六七八九十]+、", "", normalize_title(rest))
        if not _OTHER_TITLE.search(rest_flat) or _GENERIC.search(rest_flat):
            return None
        if len(rest_flat) < 4:
            return None
    return TitleHit(line.page, line, rest.strip(), number, table_id)


def _joined(line: Line, nxt: Line) -> Line:
    return Line(line.page, line.chars + nxt.chars, line.text + nxt.text,
                line.index + [i + len(line.chars) if i >= 0 else -1 for i in nxt.index])


def find_titles(page: Page, family: str = DISCLOSURE, government: str | None = None
                ) -> list[TitleHit]:
    """Title lines of the page, top to bottom (none on a contents page), classified with the
    catalogue of the document's family."""
    if is_toc_page(page):
        return []
    hits: list[TitleHit] = []
    lines = page.lines
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        hit = _title_of(line, family, government)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and len(normalize_title(nxt.text)) <= 12 and \
                0 <= nxt.top - line.bottom < 1.5 * line.size and (hit is None or not hit.table_id):
            # a title wrapped before its last word: …预算/表
            joined = _title_of(_joined(line, nxt), family, government)
            if joined is not None and joined.table_id:
                hit, skip = joined, True
        if hit:
            hits.append(hit)
    return hits


def number_near(page: Page, top: float, bottom: float) -> str | None:
    """A table number printed on a line of its own between top and bottom (公开01表, 表一…)."""
    for line in page.lines:
        if top - 1 <= line.top and line.bottom <= bottom + 1:
            flat = re.sub(r"\s+", "", line.text)
            if NUMBER_ONLY.match(flat):
                return flat
    return None
