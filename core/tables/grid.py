"""Ruled grids: cells from the page's ruling lines (pdfplumber), text from the document's chars.

A grid is a set of cells placed on shared row and column boundaries, so a merged header cell spans
several columns and a wrapped name stays in its one cell. The text of a cell is every character whose
centre lies inside it, lines joined without a separator: in Chinese tables a wrapped name or a number
split over two lines in a narrow column reads as one.
"""
from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from typing import Any

from core.lines import build_lines
from core.model import Bbox, Char

log = logging.getLogger(__name__)

TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "edge_min_length": 4,
    "intersection_tolerance": 3,
}
SNAP = 2.0  # cell corners closer than this share a boundary


@dataclass
class GridCell:
    r0: int
    r1: int  # exclusive
    c0: int
    c1: int  # exclusive
    box: Bbox
    text: str = ""
    chars: list[Char] = field(default_factory=list)

    @property
    def flat(self) -> str:
        return "".join(self.text.split())


@dataclass
class Grid:
    page: int
    xs: list[float]
    ys: list[float]
    cells: list[GridCell]

    def __post_init__(self) -> None:
        self.at: dict[tuple[int, int], GridCell] = {}
        for cell in self.cells:
            for r in range(cell.r0, cell.r1):
                for c in range(cell.c0, cell.c1):
                    self.at[(r, c)] = cell

    @property
    def nrows(self) -> int:
        return len(self.ys) - 1

    @property
    def ncols(self) -> int:
        return len(self.xs) - 1

    @property
    def box(self) -> Bbox:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def cell(self, r: int, c: int) -> GridCell | None:
        return self.at.get((r, c))

    def row(self, r: int) -> list[GridCell]:
        """The distinct cells covering row r, left to right."""
        seen: list[GridCell] = []
        for c in range(self.ncols):
            cell = self.at.get((r, c))
            if cell is not None and (not seen or seen[-1] is not cell):
                seen.append(cell)
        return seen

    def row_text(self, r: int) -> str:
        return " ".join(c.flat for c in self.row(r) if c.flat)


def _cluster(values: list[float]) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _nearest(bounds: list[float], v: float) -> int:
    i = bisect.bisect_left(bounds, v)
    if i == 0:
        return 0
    if i == len(bounds):
        return len(bounds) - 1
    return i if bounds[i] - v < v - bounds[i - 1] else i - 1


def build_grid(page: int, boxes: list[Bbox]) -> Grid | None:
    """A grid from pdfplumber's cell boxes, or None when they make no table."""
    if len(boxes) < 2:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    if len(xs) < 2 or len(ys) < 2:
        return None
    cells = []
    for b in boxes:
        c0, c1 = _nearest(xs, b[0]), _nearest(xs, b[2])
        r0, r1 = _nearest(ys, b[1]), _nearest(ys, b[3])
        if c1 > c0 and r1 > r0:
            cells.append(GridCell(r0, r1, c0, c1, b))
    return Grid(page, xs, ys, cells)


def fill_text(grid: Grid, chars: list[Char]) -> None:
    """Give every cell the characters whose centre it holds."""
    for ch in chars:
        if ch.text.isspace():
            continue
        c = bisect.bisect_right(grid.xs, ch.cx) - 1
        r = bisect.bisect_right(grid.ys, ch.cy) - 1
        cell = grid.at.get((r, c))
        if cell is not None:
            cell.chars.append(ch)
    for cell in grid.cells:
        if cell.chars:
            lines = build_lines(grid.page, cell.chars)
            cell.text = "".join(ln.text.strip() for ln in lines)


def find_grids(plumber_page: Any, region: Bbox, page: int, chars: list[Char]) -> list[Grid]:
    """Ruled grids inside region (top to bottom), with their text filled in."""
    x0, top, x1, bottom = region
    bbox = (max(0.0, x0), max(0.0, top), min(float(plumber_page.width), x1),
            min(float(plumber_page.height), bottom))
    if bbox[2] - bbox[0] < 10 or bbox[3] - bbox[1] < 10:
        return []
    try:
        found = plumber_page.crop(bbox, strict=False).find_tables(TABLE_SETTINGS)
    except Exception as exc:  # pdfminer raises many kinds on damaged content streams
        log.warning("page %d: table finding failed: %s", page, exc)
        return []
    grids = []
    for table in found:
        grid = build_grid(page, [tuple(c) for c in table.cells])
        if grid is not None and grid.ncols >= 1 and grid.nrows >= 1:
            inside = [c for c in chars if bbox[1] <= c.cy <= bbox[3]]
            fill_text(grid, inside)
            grids.append(grid)
    grids.sort(key=lambda g: g.ys[0])
    return grids
