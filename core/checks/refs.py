"""Find a figure in a table by meaning: which row (by label or code) and which column (by header).

Cross-table and narrative checks name figures this way ("FIN-02, 合计 row, 财政拨款收入 column")
instead of by position, since every template numbers, orders and splits them differently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.checks.context import Context, label
from core.checks.numbers import Num
from core.tables.model import ParsedTable

TOTAL_LABEL = r"(合计|总计)"
CLASS_SUFFIX = re.compile(r"[（(](类|款|项)[）)]$")


@dataclass(frozen=True)
class Ref:
    """Where a figure is: table, side (prefix), row label regex or code, column header regex."""

    table: str
    row: str  # regex on the row label, or "code:201"
    column: str = r".*"
    side: str | None = None

    def describe(self, ctx: Context) -> str:
        t = ctx.tables.get(self.table)
        return f"{ctx.name(t) if t else self.table}"


def norm_name(name: str) -> str:
    """A subject name for matching: no ordinal, no （类）, no spaces, ASCII brackets as CJK."""
    return _norm_name(name) if isinstance(name, str) else _norm_of(name)


@lru_cache(maxsize=1 << 16)
def _norm_name(name: str) -> str:
    # cached for the same reason as context.label: called for every row of every table a
    # narrative subject may name
    return _norm_of(name)


def _norm_of(name: str) -> str:
    name = label(name).replace("(", "（").replace(")", "）").replace("其它", "其他")  # variant 它
    return CLASS_SUFFIX.sub("", name)


def find_row(ctx: Context, table: ParsedTable, row: str, side: str | None = None) -> int | None:
    if row.startswith("code:"):
        code = row[5:]
        for i, r in ctx.rows(table, side, prefix=True):
            if str(r["code"]) == code:
                return i
        return None
    rx = re.compile(row)
    rows = list(ctx.rows(table, side, prefix=True))
    for i, r in rows:
        if rx.fullmatch(norm_name(r["name"])):
            return i
    if len(rows) == 1 and not str(rows[0][1]["name"]) and rx.fullmatch("合计"):
        return rows[0][0]  # a one-row table (支出总表 of some templates) is its own total
    return None


def find_col(ctx: Context, table: ParsedTable, row: int, column: str) -> str | None:
    """The value column of the row's side matching column. Alternatives separated by " || " are
    tried in order; among the matches of one, a column printed in that row wins."""
    side = str(Context.records(table)[row]["side"])
    cols = ctx.value_columns(table, side)
    for pattern in column.split(" || "):
        rx = re.compile(pattern)
        matches = [c for c in cols if rx.search(c.split("#")[0])]
        printed = [c for c in matches if (row, c) in table.cells]
        if matches:
            return (printed or matches)[0]
    return None


def resolve(ctx: Context, ref: Ref) -> Num | None:
    """The figure ref points at, in 万元, located; None when the table has no such row or column."""
    table = ctx.table(ref.table)
    if table is None:
        return None
    row = find_row(ctx, table, ref.row, ref.side)
    if row is None:
        return None
    col = find_col(ctx, table, row, ref.column)
    if col is None:
        return None
    return ctx.num(table, row, col, wan=True)


def class_rows(ctx: Context, table: ParsedTable, side: str | None = None,
               level: int = 1) -> dict[str, int]:
    """Rows of one classification level by subject name (for tables that print no codes too)."""
    out: dict[str, int] = {}
    width = {1: 3, 2: 5, 3: 7}[level]
    coded = any(str(r["code"]) for _, r in ctx.rows(table, side, prefix=True))
    for i, r in ctx.rows(table, side, prefix=True):
        code = str(r["code"])
        if (coded and len(code) == width) or (not coded and level == 1 and _looks_class(r["name"])):
            out.setdefault(norm_name(r["name"]), i)
    return out


def _looks_class(name: str) -> bool:
    n = norm_name(name)
    return n.endswith("支出") and not re.search(r"合计|总计|小计|结转|结余|本年|当年", n)
