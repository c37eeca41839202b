"""Ruled grids: cells from the page's ruling lines (pdfplumber), text from the document's chars.

A grid is a set of cells placed on shared row and column boundaries, so a merged header cell spans
several columns and a wrapped name stays in its one cell. The text of a cell is every character whose
centre lies inside it, lines joined without a separator: in Chinese tables a wrapped name or a number
split over two lines in a narrow column reads as one.
"""
from __future__ import annotations

import bisect
import re
import logging
from dataclasses import dataclass, field
from typing import Any

from pdfplumber.table import TableFinder

from core.lines import build_lines
from core.model import Bbox, Char
from core.tables.rulings import EdgePage

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
    return Grid(page, xs, ys, _without_containers(cells, xs, ys))


def _without_containers(cells: list[GridCell], xs: list[float], ys: list[float]
                        ) -> list[GridCell]:
    """Replace a frame drawn around inner cells (a table's outer border enclosing a caption area)
    by plain cells for the parts of it no inner cell covers, one run per row."""
    owners: dict[tuple[int, int], list[GridCell]] = {}
    for cell in cells:
        for r in range(cell.r0, cell.r1):
            for c in range(cell.c0, cell.c1):
                owners.setdefault((r, c), []).append(cell)
    containers = {id(cell) for pos in owners.values() if len(pos) > 1
                  for cell in pos if any(o is not cell and (o.r1 - o.r0) * (o.c1 - o.c0)
                                         < (cell.r1 - cell.r0) * (cell.c1 - cell.c0) for o in pos)}
    if not containers:
        return cells
    kept = [c for c in cells if id(c) not in containers]
    covered = {(r, c) for cell in kept for r in range(cell.r0, cell.r1)
               for c in range(cell.c0, cell.c1)}
    for r in range(len(ys) - 1):
        c = 0
        while c < len(xs) - 1:
            if (r, c) in covered or (r, c) not in owners:
                c += 1
                continue
            start = c
            while c < len(xs) - 1 and (r, c) not in covered and (r, c) in owners:
                c += 1
            kept.append(GridCell(r, r + 1, start, c, (xs[start], ys[r], xs[c], ys[r + 1])))
    return kept


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


def refines(coarse: Grid, fine: Grid, tolerance: float = 4.0) -> bool:
    """Every column boundary of coarse is one of fine's (fine may split columns further)."""
    return all(any(abs(x - y) <= tolerance for y in fine.xs) for x in coarse.xs)


def stack(head: Grid, body: Grid) -> Grid:
    """The header-only grid a page ended with, put on top of the grid the next page goes on with."""
    shift = body.ys[0] - head.ys[-1]
    cells = [GridCell(c.r0 - head.nrows, c.r1 - head.nrows, c.c0, c.c1, c.box, c.text, c.chars)
             for c in body.cells]
    for c in head.cells:
        c0, c1 = _nearest(body.xs, head.xs[c.c0]), _nearest(body.xs, head.xs[c.c1])
        cells.append(GridCell(c.r0 - head.nrows, c.r1 - head.nrows, c0, max(c1, c0 + 1), c.box,
                              c.text, c.chars))
    grid = Grid(body.page, body.xs, [y + shift for y in head.ys[:-1]] + body.ys,
                [GridCell(c.r0 + head.nrows, c.r1 + head.nrows, c.c0, c.c1, c.box, c.text, c.chars)
                 for c in cells])
    return grid


def _open_rows(grid: Grid, chars: list[Char], top: float, bottom: float) -> list[list[Char]]:
    """Text lines between top and bottom that stand inside the grid's columns and read as rows."""
    from core.amounts import is_amount

    inside = [c for c in chars if top <= c.cy <= bottom and grid.xs[0] <= c.cx <= grid.xs[-1]
              and not c.text.isspace()]
    rows = []
    for line in build_lines(grid.page, inside):
        figures = [w for w in line.text.split() if is_amount(w) and not re.fullmatch(r"\d{1,2}", w)]
        if len(figures) >= 2 or any(not re.fullmatch(r"(?:19|20)\d{2}", w) for w in figures):
            rows.append(line.chars)  # (a lone 2024 is a title's year, cut off from its 年)
    return rows


def close_open_rows(grid: Grid, chars: list[Char], limit_top: float, limit_bottom: float) -> Grid:
    """Rows a page break left without their closing rule (the last row of a page, the first of the
    next) are read from the text right below or above the grid, one row per line, in its columns."""
    if grid.nrows == 0:
        return grid
    height = min(30.0, max(8.0, (grid.ys[-1] - grid.ys[0]) / grid.nrows * 1.6))
    below = _open_rows(grid, chars, grid.ys[-1], min(limit_bottom, grid.ys[-1] + height))
    above = _open_rows(grid, chars, max(limit_top, grid.ys[0] - height), grid.ys[0])
    if not below and not above:
        return grid
    top_edges = [min(c.top for c in line) - 1 for line in above]
    bottom_edges = [max(c.bottom for c in line) + 1 for line in below]
    ys = sorted(set(top_edges + list(grid.ys) + bottom_edges))
    k = len(top_edges)
    cells = [GridCell(c.r0 + k, c.r1 + k, c.c0, c.c1, c.box) for c in grid.cells]
    for r in list(range(k)) + list(range(k + grid.nrows, len(ys) - 1)):
        cells += [GridCell(r, r + 1, c, c + 1, (grid.xs[c], ys[r], grid.xs[c + 1], ys[r + 1]))
                  for c in range(grid.ncols)]
    out = Grid(grid.page, grid.xs, ys, cells)
    fill_text(out, [c for c in chars if ys[0] <= c.cy <= ys[-1]])
    return out


def split_caption(grid: Grid) -> tuple[Grid, str]:
    """Take off the caption rows some producers draw inside the frame (title, 部门：…, 单位：万元)."""
    from core.amounts import is_amount, unit_in

    k = 0
    texts: list[str] = []
    while k < grid.nrows - 1:
        cells = [c for c in grid.row(k) if c.flat]
        text = grid.row_text(k)
        whole = len(grid.row(k)) == 1 and grid.row(k)[0].r1 == k + 1
        if not (whole or (cells and unit_in(text) and not any(is_amount(c.flat) for c in cells)
                          and len(cells) <= 3)):
            break
        texts.append(text)
        k += 1
    if k == 0:
        return grid, ""
    cells = [GridCell(max(0, c.r0 - k), c.r1 - k, c.c0, c.c1, c.box, c.text, c.chars)
             for c in grid.cells if c.r1 > k]
    return Grid(grid.page, grid.xs, grid.ys[k:], cells), " ".join(texts)


def _clip(edges: list[dict[str, Any]], region: Bbox) -> list[dict[str, Any]]:
    """The parts of edges inside region (what pdfplumber's page.crop does to them)."""
    x0, top, x1, bottom = region
    out = []
    for e in edges:
        if e["orientation"] == "h":
            if top <= e["top"] <= bottom and e["x1"] > x0 and e["x0"] < x1:
                a, b = max(x0, e["x0"]), min(x1, e["x1"])
                out.append({**e, "x0": a, "x1": b, "width": b - a})
        elif x0 <= e["x0"] <= x1 and e["bottom"] > top and e["top"] < bottom:
            a, b = max(top, e["top"]), min(bottom, e["bottom"])
            out.append({**e, "top": a, "doctop": a, "bottom": b, "height": b - a})
    return [e for e in out if max(e["width"], e["height"]) >= 1.0]


def find_grids(edges: list[dict[str, Any]], region: Bbox, page: int,
               chars: list[Char]) -> list[Grid]:
    """Ruled grids inside region (top to bottom), with their text filled in."""
    if region[2] - region[0] < 10 or region[3] - region[1] < 10:
        return []
    inside = _clip(edges, region)
    if len(inside) < 4:
        return []
    try:
        found = TableFinder(EdgePage(inside, region), TABLE_SETTINGS).tables
    except (ValueError, KeyError, AssertionError) as exc:  # degenerate edges
        log.warning("page %d: table finding failed: %s", page, exc)
        return []
    grids = []
    region_chars = [c for c in chars if region[1] <= c.cy <= region[3]]
    for table in found:
        grid = build_grid(page, [tuple(c) for c in table.cells])
        if grid is not None and grid.ncols >= 1 and grid.nrows >= 1:
            fill_text(grid, region_chars)
            grids.append(grid)
    grids.sort(key=lambda g: g.ys[0])
    for i, grid in enumerate(grids):  # rows left open by a page break
        upper = grids[i - 1].ys[-1] if i else region[1]
        lower = grids[i + 1].ys[0] if i + 1 < len(grids) else region[3]
        grids[i] = close_open_rows(grid, region_chars, upper, lower)
    return grids
