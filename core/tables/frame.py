"""Turn the grids of one table (first page and continuations) into a ParsedTable."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from core.amounts import is_amount, parse_amount
from core.model import union
from core.tables.columns import (CODE_NAME_RE, CODE_RE, FILLER, Column, Panel, classify_columns,
                                 header_rows, panels)
from core.tables.grid import Grid, GridCell
from core.tables.model import LABEL_COLUMNS, CellRef, ParsedTable

KNOWN_LABEL = re.compile(r"^((本年|当年)?(收入|支出)(合计|小计)|(收入|支出)?总计|结余分配|(年初|年末)(财政拨款)?"
                         r"结转和?结余|(上年|结转下年)结转?资金|使用非财政拨款结余.*)$")
COMPLETE_END = re.compile(r"(合计|总计|小计|支出|收入|资金|经费|结余|分配|费|补助)$")
CONTINUES_NOT = re.compile(r"^([一二三四五六七八九十]+、|\d+[.．、]|[（(]|其中|合计|总计)")
# a long name that ran over into the first value cell: "…均等化建设补 | 补 650" (the name's last
# character printed in the 合计 column), measured on the Hangzhou report's 专项转移支付 table
SPILLED = re.compile(r"^([\u4e00-\u9fff]{1,3})\s*(-?[\d,]+(?:\.\d+)?)$")
TOTAL_NAME = re.compile(r"^(合计|总计|本年收入合计|本年支出合计|收入总计|支出总计)$")


@dataclass
class Part:
    """One grid of the table and the number of header rows printed at its top."""

    grid: Grid
    nheader: int


def _level(code: str, name: str) -> int | None:
    if code:
        return {3: 1, 5: 2, 7: 3}.get(len(code))
    return 0 if TOTAL_NAME.match(name) else None


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        base, k = n or "值", 2
        while n in out or not n:
            n = f"{base}#{k}"
            k += 1
        out.append(n)
    return out


def _map_columns(first: Grid, other: Grid) -> dict[int, int]:
    """Column of the first grid that each column of a continuation grid stands under (the leftmost,
    when the continuation prints one wide column where the first page split it: 类|款|项)."""
    mapping = {}
    for c in range(other.ncols):
        lo, hi = other.xs[c], other.xs[c + 1]
        for k in range(first.ncols):
            overlap = min(hi, first.xs[k + 1]) - max(lo, first.xs[k])
            if overlap > 0.5 * (hi - lo) or overlap > 0.5 * (first.xs[k + 1] - first.xs[k]):
                mapping[c] = k
                break
    return mapping


class _Builder:
    def __init__(self, panels_: list[Panel]) -> None:
        self.panels = panels_
        self.records: list[list[dict[str, object]]] = [[] for _ in panels_]
        self.refs: list[list[dict[str, CellRef]]] = [[] for _ in panels_]
        self.edges: list[list[str]] = [[] for _ in panels_]
        self.edge = ""
        self.notes: list[str] = []
        self.bad_values = 0
        self.values = 0
        self.names = [_unique([c.header for c in p.of("value")]) for p in panels_]

    def add_row(self, grid: Grid, r: int, colmap: dict[int, int], edge: str = "") -> None:
        """Add grid row r; edge is "first"/"last" for the rows next to a page break."""
        self.edge = edge
        row_cells = grid.row(r)
        if len(row_cells) == 1 and grid.ncols > 2 and row_cells[0].flat:
            self.notes.append(row_cells[0].flat)  # a full-width 说明 inside the frame
            return
        by_col: dict[int, GridCell] = {}
        for cell in row_cells:
            for c in range(cell.c0, cell.c1):
                k = colmap.get(c)
                if k is not None and k not in by_col and cell.c0 == c:
                    by_col[k] = cell
        self._move_spanning_labels(grid, r, colmap, by_col)
        for i, (panel, names) in enumerate(zip(self.panels, self.names)):
            self._add_panel_row(i, panel, names, by_col, grid.page)

    def _move_spanning_labels(self, grid: Grid, r: int, colmap: dict[int, int],
                              by_col: dict[int, GridCell]) -> None:
        """A label printed across several panels ("公用经费合计" spanning two panels' name columns)
        belongs to the last panel it covers, where its value is."""
        inverse = {k: c for c, k in colmap.items()}
        self._pair_labels(by_col)
        for panel in reversed(self.panels[1:]):
            labels = [c.index for c in panel.columns if c.role != "value"]
            if not labels or any(k in by_col for k in labels):
                continue
            gc = inverse.get(labels[0])
            cell = grid.cell(r, gc) if gc is not None else None
            if cell is None or cell.c0 >= gc or not cell.flat:
                continue
            start = colmap.get(cell.c0)
            if start is not None and by_col.get(start) is cell:
                del by_col[start]
                by_col[labels[-1]] = cell

    def _pair_labels(self, by_col: dict[int, GridCell]) -> None:
        """On one side (支出/功能分类 | 支出/支出用途), a row label left in one panel with its value
        printed in the next panel ("支出合计" across both) goes with the value."""
        def filled(panel: Panel, role: str) -> list[int]:
            cols = [c.index for c in panel.columns if (c.role == "value") == (role == "value")]
            return [k for k in cols if k in by_col and by_col[k].flat]

        for left, right in zip(self.panels, self.panels[1:]):
            if left.side.split("/")[0] != right.side.split("/")[0]:
                continue
            names_l, values_l = filled(left, "label"), filled(left, "value")
            names_r, values_r = filled(right, "label"), filled(right, "value")
            if names_l and not values_l and values_r and not names_r:
                target = [c.index for c in right.columns if c.role == "name"]
                if target:
                    by_col[target[0]] = by_col.pop(names_l[-1])

    def _add_panel_row(self, i: int, panel: Panel, names: list[str],
                       by_col: dict[int, GridCell], page: int) -> None:
        def text(col: Column) -> str:
            cell = by_col.get(col.index)
            return cell.flat if cell else ""

        refs: dict[str, CellRef] = {}
        code_cells = panel.of("code") + panel.of("code-part")
        code = "".join(text(c) for c in sorted(code_cells, key=lambda c: c.index))
        name_cells = [by_col[c.index] for c in panel.of("name") if c.index in by_col]
        name = "".join(c.flat for c in name_cells)
        m = CODE_NAME_RE.match(name)
        if not code and m:
            code, name = m.group(1), m.group(2)
        if code and re.fullmatch(r"[类款项]+", code):
            code = ""  # the 类/款/项 labels printed in the code columns of a total row
        elif code and not re.search(r"\d", code):
            code, name = "", name or code  # a label (or a "…" placeholder) in the code column
        if code and not CODE_RE.match(code):
            if not name:
                code, name = "", code  # a label printed in the code column
            else:
                code = re.sub(r"\D", "", code) if CODE_RE.match(re.sub(r"\D", "", code)) else code
        values: dict[str, Decimal | None] = {}
        for k, (col, colname) in enumerate(zip(panel.of("value"), names)):
            cell = by_col.get(col.index)
            raw = cell.flat if cell else ""
            value = parse_amount(raw)
            spilled = SPILLED.match(raw) if value is None and name and k == 0 else None
            if spilled and parse_amount(spilled.group(2)) is not None:
                name, raw = name + spilled.group(1), spilled.group(2)
                value = parse_amount(raw)
            if raw and value is None and not FILLER.match(raw):
                if not is_amount(raw) and not name:
                    name = raw  # a label that strayed into a value column
                else:
                    self.bad_values += 1
            if raw:
                self.values += 1
            values[colname] = value
            if cell is not None and raw:
                refs[colname] = CellRef(page, cell.box, raw if spilled else cell.text)
        if not code and not name and all(v is None for v in values.values()):
            return
        if code and code_cells:
            boxes = [by_col[c.index].box for c in code_cells if c.index in by_col]
            if boxes:
                refs["code"] = CellRef(page, union(boxes), code)
        if name_cells:
            refs["name"] = CellRef(page, union(c.box for c in name_cells),
                                   "".join(c.text for c in name_cells))
        name = "".join(name.split())  # wrapped names join; the printed characters stay
        self.records[i].append({"side": panel.side, "code": code, "name": name,
                                "level": _level(code, name), **values})
        self.refs[i].append(refs)
        self.edges[i].append(self.edge)

    def join_page_breaks(self) -> None:
        """A row the page break cut in two ("当年收入" | "小计", "八、社会保障和就" | "业支出")
        becomes one again: a short, unnumbered, codeless label on the next page, whose values do
        not collide with the row above it, continues that row."""
        for recs, refs, edges in zip(self.records, self.refs, self.edges):
            i = 1
            while i < len(recs):
                a, b = recs[i - 1], recs[i]
                ra, rb = refs[i - 1], refs[i]
                name = str(b["name"])
                whole = str(a["name"]) + name
                broken = (edges[i - 1] == "last" and edges[i] == "first" and "name" in ra
                          and "name" in rb and not b["code"] and 0 < len(name) <= 6
                          and not CONTINUES_NOT.match(name) and not KNOWN_LABEL.match(name)
                          and (KNOWN_LABEL.match(whole) or not COMPLETE_END.search(str(a["name"]))))
                values = [k for k in b if k not in LABEL_COLUMNS]
                if broken and not any(a[k] is not None and b[k] is not None for k in values):
                    a["name"] = str(a["name"]) + name
                    a["level"] = _level(str(a["code"]), str(a["name"]))
                    for k in values:
                        if b[k] is not None:
                            a[k] = b[k]
                    ra.update({k: v for k, v in rb.items() if k != "name"})
                    del recs[i], refs[i], edges[i]
                    continue
                i += 1

    def flat(self) -> tuple[list[dict[str, object]], dict[tuple[int, str], CellRef]]:
        """All records, panel after panel, and their cell references by (row, column)."""
        records: list[dict[str, object]] = []
        cells: dict[tuple[int, str], CellRef] = {}
        for recs, refs in zip(self.records, self.refs):
            for rec, ref in zip(recs, refs):
                for key, cell in ref.items():
                    cells[(len(records), key)] = cell
                records.append(rec)
        return records, cells


def build_table(parts: list[Part], table_id: str, title: str, number: str | None,
                unit: str | None) -> ParsedTable:
    first = parts[0].grid
    nheader = parts[0].nheader
    columns = classify_columns(first, nheader)
    panel_list = panels(first, nheader, columns)
    builder = _Builder(panel_list)
    pages: list[int] = []
    for i, part in enumerate(parts):
        colmap = ({c: c for c in range(first.ncols)} if i == 0
                  else _map_columns(first, part.grid))
        start = part.nheader if i == 0 else header_rows(part.grid) if _repeats_header(
            first, nheader, part.grid) else 0
        for r in range(start, part.grid.nrows):
            edge = "last" if r == part.grid.nrows - 1 and i + 1 < len(parts) else \
                "first" if r == start and i > 0 else ""
            builder.add_row(part.grid, r, colmap, edge)
        if part.grid.page not in pages:
            pages.append(part.grid.page)
    value_columns: dict[str, list[str]] = {}
    for panel, names in zip(panel_list, builder.names):
        side_cols = value_columns.setdefault(panel.side, [])
        side_cols.extend(n for n in names if n not in side_cols)
    all_values = [c for cols in value_columns.values() for c in cols]
    builder.join_page_breaks()
    records, cells = builder.flat()
    frame = pd.DataFrame(records, columns=LABEL_COLUMNS + list(dict.fromkeys(all_values)))
    frame = frame.astype(object).where(pd.notna(frame), None)
    empty = builder.values == 0 or all(
        frame[c].isna().all() for c in dict.fromkeys(all_values))
    confidence = 1.0
    if builder.values:
        confidence -= min(0.5, builder.bad_values / builder.values)
    if not all_values:
        confidence = 0.3
    table = ParsedTable(table_id, title, number, unit, pages, frame, cells, value_columns,
                        empty=empty, confidence=confidence)
    if builder.notes:
        table.note = "；".join(builder.notes)
    return table


def _repeats_header(first: Grid, nheader: int, other: Grid) -> bool:
    if nheader == 0 or other.nrows == 0:
        return False
    top = [first.row_text(r) for r in range(nheader)]
    return other.row_text(0) in top
