"""Read a grid's header: which rows are header, what each column is, and the table's panels.

A panel is one run of label columns (code, name, 行次) followed by value columns. A plain table has
one; a two-sided 收入|支出 table has two; the 决算 基本支出 table may print three or four side by
side. Each panel's body rows are separate records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.amounts import clean, is_amount
from core.tables.grid import Grid

CODE_RE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
CODE_PART_RE = re.compile(r"^\d{2,3}$")
CODE_NAME_RE = re.compile(r"^(\d{3}(?:\d{2}){0,2})(?![\d.,])\s*([^\d\s.,%].*)$")
SMALL_INT = re.compile(r"^\d{1,2}(?:\.0+)?$")
BODY_LABEL = re.compile(
    r"^(合\s*计|总\s*计|小\s*计|本年(收入|支出)合计|收入总计|支出总计|[一二三四五六七八九十]+\s*、"
    r"|\d{1,2}\s*[.．、]\s*\D|其中)")
TOTAL_OR_NONE = re.compile(r"^(合\s*计|总\s*计|无)$")
HEADER_WORDS = re.compile(r"项\s*目|科目|编码|名称|栏次|行次|预算数|决算数|金额|合计|单位")


@dataclass
class Column:
    index: int
    path: list[str]
    role: str = "value"  # code / code-part / name / rowno / value
    part: str | None = None  # 类 / 款 / 项 for split code columns

    @property
    def header(self) -> str:
        return "/".join(self.path)


@dataclass
class Panel:
    side: str
    columns: list[Column] = field(default_factory=list)

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


def _flat(text: str) -> str:
    return "".join(text.split())


def row_kind(grid: Grid, r: int) -> str:
    """'header', 'colno' (a 栏次 row of column numbers) or 'data'."""
    texts = [c.flat for c in grid.row(r) if c.flat]
    if not texts:
        return "blank"
    numbers = [t for t in texts if is_amount(t)]
    if "栏次" in "".join(texts) or (len(numbers) >= 2 and len(numbers) == len(texts)
                                     and all(SMALL_INT.match(t) for t in numbers)
                                     and _sequential(numbers)):
        return "colno"
    if any(not re.fullmatch(r"\d{1,2}", clean(t)) for t in numbers):
        return "data"  # an amount (bare 1-2 digit integers may be 行次 and decide nothing)
    words = [t for t in texts if not is_amount(t)]
    first = words[0] if words else texts[0]
    if CODE_RE.match(first) or CODE_NAME_RE.match(first):
        return "data"
    if TOTAL_OR_NONE.match(first) and all(is_amount(t) for t in texts[1:]):
        return "data"
    if BODY_LABEL.match(first) and not HEADER_WORDS.fullmatch(first):
        return "data" if not _all_header_words(texts) else "header"
    return "header"


def _sequential(numbers: list[str]) -> bool:
    ints = [int(float(clean(n))) for n in numbers]
    return all(b == a + 1 for a, b in zip(ints, ints[1:]))


def _all_header_words(texts: list[str]) -> bool:
    return all(HEADER_WORDS.search(t) or t in ("收入", "支出", "小计") for t in texts)


def header_rows(grid: Grid, start: int = 0) -> int:
    """Number of header rows at the top of the grid (counting from start)."""
    r = start
    while r < grid.nrows and row_kind(grid, r) in ("header", "colno", "blank"):
        r += 1
    if r == grid.nrows:  # nothing but header-like rows: an empty table, its last rows are body
        last_named = max((i for i in range(start, grid.nrows)
                          if row_kind(grid, i) in ("header", "colno")), default=start - 1)
        return last_named + 1 - start
    return r - start


def column_paths(grid: Grid, nheader: int) -> list[list[str]]:
    paths: list[list[str]] = []
    for c in range(grid.ncols):
        path: list[str] = []
        seen: list[int] = []
        for r in range(nheader):
            cell = grid.cell(r, c)
            if cell is None or id(cell) in seen or not cell.flat or row_kind(grid, r) == "colno":
                continue
            seen.append(id(cell))
            text = re.sub(r"[（(]\d+[）)]$", "", cell.flat)
            if text and (not path or path[-1] != text):
                path.append(text)
        paths.append(path)
    return paths


FILLER = re.compile(r"^[─━—\-–]{2,}$")
VALUE_HEADER = re.compile(r"(金额|合计|小计|总计|数|收入|支出|经费|费|结余|拨款|预算|资金)$")
NAME_HEADER = re.compile(r"名称|^项目$|科目$|^单位$|^部门$|^项目名称$")


def _body_texts(grid: Grid, c: int, first_body: int) -> list[str]:
    """The texts of the column's own (unmerged) body cells; fillers such as ──── left out."""
    out = []
    for r in range(first_body, grid.nrows):
        cell = grid.cell(r, c)
        if cell is not None and cell.c0 == c and cell.c1 == c + 1 and cell.flat \
                and not FILLER.match(cell.flat):
            out.append(cell.flat)
    return out


def classify_columns(grid: Grid, nheader: int) -> list[Column]:
    columns = []
    for c, path in enumerate(column_paths(grid, nheader)):
        col = Column(c, path)
        head = "".join(path)
        last = path[-1] if path else ""
        body = _body_texts(grid, c, nheader)
        numeric = sum(1 for t in body if is_amount(t))
        codes = sum(1 for t in body if CODE_RE.match(t))
        code_names = sum(1 for t in body if CODE_NAME_RE.match(t))
        parts = sum(1 for t in body if CODE_PART_RE.match(t))
        if not path and not body:
            col.role = "empty"  # an unruled margin inside the table's frame
        elif "行次" in head or "栏次" in last:
            col.role = "rowno"
        elif last in ("类", "款", "项") and (parts or not body):
            col.role, col.part = "code-part", last
        elif re.search(r"编码|代码", last) or (body and codes >= 0.6 * len(body) and "名称" not in head
                                               and not VALUE_HEADER.search(last)):
            col.role = "code"  # (whole 万元 under 2024年预算数 are amounts, however code-like: 800)
        elif NAME_HEADER.search(last) and numeric < 0.5 * max(1, len(body)):
            col.role = "name"
        elif VALUE_HEADER.search(last) and numeric >= 0.5 * len(body):
            col.role = "value"
        elif body and numeric < 0.5 * len(body) and code_names + numeric < len(body):
            col.role = "name"
        elif body and code_names >= 0.5 * len(body):
            col.role = "name"
        columns.append(col)
    return columns


def panels(grid: Grid, nheader: int, columns: list[Column]) -> list[Panel]:
    """Split the columns into panels and name each panel's side from the header above it."""
    groups: list[list[Column]] = []
    for col in columns:
        if col.role == "empty":
            continue
        label = col.role != "value"
        if not groups or (label and any(c.role == "value" for c in groups[-1])):
            groups.append([])
        groups[-1].append(col)
    if len(groups) == 1:
        return [Panel("", groups[0])]
    result = []
    for i, group in enumerate(groups):
        parts = _side_parts(grid, nheader, group)
        panel = Panel("/".join(parts) or str(i + 1), group)
        for col in group:
            rest = [p for p in col.path if p not in parts]
            col.path = rest or col.path[-1:]
        result.append(panel)
    return result


def _side_parts(grid: Grid, nheader: int, group: list[Column]) -> list[str]:
    """Texts of the header cells standing over the whole panel, top down (收入; 支出/功能分类)."""
    first, last = group[0].index, group[-1].index
    parts: list[str] = []
    for r in range(nheader):
        cell = grid.cell(r, first)
        if cell is None or not cell.flat or cell.r0 != r:
            continue
        if cell.c0 <= first and cell.c1 > last and not HEADER_WORDS.fullmatch(cell.flat):
            parts.append(re.sub(r"[（(].*$", "", cell.flat))
        else:
            break
    return parts
