"""Ruling lines -> table cells, as pdfplumber's TableFinder finds them, in near-linear time.

pdfplumber's own steps after merging the edges are quadratic: every intersection is tested against
every edge, every point scans all later points for its neighbours below and to the right, and
cells are grouped into tables by repeated passes. On a dense page (a 60,000-character table: about
8,000 intersections) that took 30 s of the 35 s the whole analysis needed (issue 17). The edges
are still merged by pdfplumber (`merge_edges`, `filter_edges`: sorting, not pairwise); the rest is
the same algorithm over indexes:

- intersections: vertical edges grouped by x, each group sorted by top, so a horizontal edge
  finds the verticals it crosses by bisection instead of testing them all;
- cells: a point's neighbours below and to the right come from per-column and per-row lists,
  and only those joined to it by a common edge are tried (pdfplumber's `find_smallest_cell`);
- tables: cells sharing a corner are joined with a union-find instead of repeated passes.

The output (cells, their grouping into tables and the tables' order) is the same as
TableFinder's; tests/test_tables_cells.py compares the two on generated and seed pages.
"""
from __future__ import annotations

import bisect
from typing import Any, Iterator

from pdfplumber.table import TableSettings, merge_edges
from pdfplumber.utils import filter_edges

Box = tuple[float, float, float, float]
Point = tuple[float, float]


def table_edges(edges: list[dict[str, Any]], settings: dict[str, Any]) -> list[dict[str, Any]]:
    """The edges TableFinder works on for the "lines" strategies: filtered, snapped, joined."""
    s = TableSettings.resolve(settings)
    base = [e for o in ("v", "h")
            for e in filter_edges(edges, o, min_length=s.edge_min_length_prefilter)]
    merged = merge_edges(base, snap_x_tolerance=s.snap_x_tolerance,
                         snap_y_tolerance=s.snap_y_tolerance, join_x_tolerance=s.join_x_tolerance,
                         join_y_tolerance=s.join_y_tolerance)
    return filter_edges(merged, min_length=s.edge_min_length)


def _box(e: dict[str, Any]) -> Box:
    return (e["x0"], e["top"], e["x1"], e["bottom"])


def intersections(edges: list[dict[str, Any]], x_tol: float, y_tol: float
                  ) -> dict[Point, tuple[set[Box], set[Box]]]:
    """Point -> (vertical edges, horizontal edges) through it; edges named by their box, as
    pdfplumber compares them."""
    by_x: dict[float, list[dict[str, Any]]] = {}
    for e in edges:
        if e["orientation"] == "v":
            by_x.setdefault(e["x0"], []).append(e)
    xs = sorted(by_x)
    columns = []
    for x in xs:
        group = sorted(by_x[x], key=lambda e: e["top"])
        tops = [e["top"] for e in group]
        reach, best = [], float("-inf")  # running maximum of bottoms: where scanning back stops
        for e in group:
            best = max(best, e["bottom"])
            reach.append(best)
        columns.append((group, tops, reach))
    out: dict[Point, tuple[set[Box], set[Box]]] = {}
    for h in edges:
        if h["orientation"] != "h":
            continue
        y = h["top"]
        lo = bisect.bisect_left(xs, h["x0"] - x_tol)
        hi = bisect.bisect_right(xs, h["x1"] + x_tol)
        for k in range(lo, hi):
            group, tops, reach = columns[k]
            j = bisect.bisect_right(tops, y + y_tol) - 1
            while j >= 0 and reach[j] >= y - y_tol:
                v = group[j]
                if v["bottom"] >= y - y_tol:
                    vs, hs = out.setdefault((xs[k], y), (set(), set()))
                    vs.add(_box(v))
                    hs.add(_box(h))
                j -= 1
    return out


def cells(points: dict[Point, tuple[set[Box], set[Box]]]) -> list[Box]:
    """The smallest cell each point is the top-left corner of, in the order of the points."""
    ordered = sorted(points)
    column: dict[float, list[float]] = {}
    row: dict[float, list[float]] = {}
    for x, y in ordered:
        column.setdefault(x, []).append(y)  # ascending, as the points are sorted
        row.setdefault(y, []).append(x)
    for ys in row.values():
        ys.sort()

    def joined(a: Point, b: Point, axis: int) -> bool:
        return not points[a][axis].isdisjoint(points[b][axis])

    def after(values: list[float], v: float) -> Iterator[float]:
        return iter(values[bisect.bisect_right(values, v):])

    out: list[Box] = []
    for pt in ordered:
        x, y = pt
        # neighbours to the right joined by a common edge, found only as far as they are needed
        rights: list[Point] = []
        pending = after(row[y], x)

        def right(i: int) -> Point | None:
            while len(rights) <= i:
                r = next(pending, None)
                if r is None:
                    return None
                if joined(pt, (r, y), 1):
                    rights.append((r, y))
            return rights[i]

        if right(0) is None:
            continue
        found = None
        for by in after(column[x], y):
            below = (x, by)
            if not joined(pt, below, 0):
                continue
            i = 0
            while (r := right(i)) is not None:
                corner = (r[0], by)
                if corner in points and joined(corner, r, 0) and joined(corner, below, 1):
                    found = (x, y, corner[0], by)
                    break
                i += 1
            if found:
                break
        if found:
            out.append(found)
    return out


def group(boxes: list[Box]) -> list[list[Box]]:
    """Cells sharing a corner, transitively, make a table; tables top to bottom, then left to
    right, single cells dropped (pdfplumber's `cells_to_tables`)."""
    parent = list(range(len(boxes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[Point, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(boxes):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[root(i)] = root(j)
    tables: dict[int, list[Box]] = {}
    for i, box in enumerate(boxes):
        tables.setdefault(root(i), []).append(box)
    found = sorted(tables.values(), key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in found if len(t) > 1]


def find_tables(edges: list[dict[str, Any]], settings: dict[str, Any]) -> list[list[Box]]:
    """The cell boxes of each ruled table the edges draw (what TableFinder(...).tables hold)."""
    s = TableSettings.resolve(settings)
    merged = table_edges(edges, settings)
    points = intersections(merged, s.intersection_x_tolerance, s.intersection_y_tolerance)
    return group(cells(points))
