"""Reading a government report's table (GOV-…): what each column measures and how rows nest.

These tables print no subject codes. Rows nest by their ordinals (一、 > （一） > 1. > （1）, in
the order the table first uses them); unnumbered rows are the details of the numbered row above
them, sometimes in two levels that nothing marks (款 and its 项 in 一般公共服务支出 → 人大事务 →
行政运行). Totals (合计, 总计, 小计) sum the top rows, before or after them. A detail block is
reconciled by finding a grouping of its rows (a row followed by the rows that add up to it) whose
heads add up to the parent: a structure the figures themselves confirm, never one guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.tables.gov_catalog import GOV_PREFIX
from core.tables.model import ParsedTable

ORDINALS = (("A", re.compile(r"^[一二三四五六七八九十]+[、.．]")),
            ("B", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
            ("C", re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
            ("D", re.compile(r"^[（(]\d{1,2}[）)]")))
TOTAL = re.compile(r"(合计|总计|小计|共计)$")
NOTE = re.compile(r"[（(]注\s*\d+[）)]|[（(]\d[）)]$")
PCT = re.compile(r"%|％|率")
MEMO = re.compile(r"^(另|附|备注)[:：]")
SEARCH_LIMIT = 4000  # groupings tried per detail block (a block is a few dozen rows)


def gov_tables(ctx: Context) -> list[ParsedTable]:
    """The report's usable GOV tables (all of them, not the first of each id)."""
    least = ctx.settings.tol("min_confidence", 0.6)
    return [t for t in ctx.report.tables if t.id.startswith(GOV_PREFIX) and t.confidence >= least
            and not t.empty]


def clean_name(name: object) -> str:
    """A row's name without ordinal, 其中, note marks or spaces: 收入合计, 教育支出."""
    text = "".join(str(name).split())
    for _, rx in ORDINALS:
        text = rx.sub("", text)
    text = re.sub(r"^其中[:：]?", "", text)
    return NOTE.sub("", text)


def ordinal(name: object) -> str | None:
    text = "".join(str(name).split())
    return next((kind for kind, rx in ORDINALS if rx.match(text)), None)


@dataclass
class Node:
    row: int
    rank: int  # 0 for totals, 1.. for ordinals in order of first use, 99 for unnumbered
    children: list["Node"] = field(default_factory=list)  # numbered rows one rank below
    details: list[int] = field(default_factory=list)  # unnumbered rows under it
    partial: bool = False  # its details start with 其中 (they may be a selection)


@dataclass
class Layout:
    """One side of a table: its top rows, their nesting and its total rows with what they sum."""

    top: list[Node]
    totals: list[tuple[int, list[int]]]  # total row, the rows it sums
    nodes: list[Node]


def layout(ctx: Context, table: ParsedTable, side: str) -> Layout:
    """The side's rows nested. A total printed above its rows (合计 first) heads the rows up to
    the next total; one printed below them sums the top rows since the previous total (and that
    total: 本级收入合计 + 转移性收入 = 收入总计). Ordinal ranks count afresh under each total."""
    rows = [(i, "".join(str(r["name"]).split())) for i, r in Context.rows(table, side)]
    heads, segments = _segments(rows)
    top: list[Node] = []
    nodes: list[Node] = []
    totals: list[tuple[int, list[int]]] = []
    for total, body in segments:
        seg_top = _nest(body, nodes)
        top.extend(seg_top)
        if total is None:
            continue
        if heads or not rows_named(table, total, "总计"):
            totals.append((total, [n.row for n in seg_top]))
        else:  # 收入总计 = 本级收入合计 (a subtotal above) + 转移性收入
            earlier = []
            for row, _ in reversed(totals):
                if rows_named(table, row, "总计"):
                    break
                earlier.insert(0, row)
            totals.append((total, earlier + [n.row for n in seg_top]))
    return Layout(top, totals, nodes)


def rows_named(table: ParsedTable, row: int, word: str) -> bool:
    return clean_name(Context.records(table)[row]["name"]).endswith(word)


def _is_total(name: str) -> bool:
    return not ordinal(name) and bool(TOTAL.search(clean_name(name)))


def _segments(rows: list[tuple[int, str]]
              ) -> tuple[bool, list[tuple[int | None, list[tuple[int, str]]]]]:
    """Rows cut at totals: whether totals head their rows, and (total row, its rows) in order."""
    first = next((k for k, (_, n) in enumerate(rows) if _is_total(n)), None)
    heads = first is not None and not any(not _is_total(n) and not MEMO.match(n)
                                          for _, n in rows[:first])
    out: list[tuple[int | None, list[tuple[int, str]]]] = []
    body: list[tuple[int, str]] = []
    current: int | None = None
    for i, name in rows:
        if not _is_total(name):
            body.append((i, name))
            continue
        if heads:
            if current is not None or body:
                out.append((current, body))
            current, body = i, []
        else:
            out.append((i, body))
            body = []
    if heads:
        out.append((current, body))
    elif body:
        out.append((None, body))
    return heads, out


def _nest(body: list[tuple[int, str]], nodes: list[Node]) -> list[Node]:
    """The top rows of a segment, each with its numbered children or its unnumbered details."""
    kinds: list[str] = []
    for _, name in body:
        k = ordinal(name)
        if k and k not in kinds:
            kinds.append(k)
    stack: list[Node] = []
    top: list[Node] = []
    for i, name in body:
        if MEMO.match(name):
            continue  # 另：专项债券支出 — a memo line, part of nothing
        k = ordinal(name)
        if k:
            node = Node(i, kinds.index(k) + 1)
            while stack and stack[-1].rank >= node.rank:
                stack.pop()
            (stack[-1].children if stack else top).append(node)
            stack.append(node)
            nodes.append(node)
        elif stack and kinds:
            parent = stack[-1]
            if not parent.details and re.match(r"^其中", name):
                parent.partial = True
            if not parent.children:
                parent.details.append(i)
        else:  # an unnumbered table: every row is a top row
            node = Node(i, 99)
            top.append(node)
            nodes.append(node)
    return top


@dataclass(frozen=True)
class Roles:
    """A side's value columns by what they measure (None when the table has no such column)."""

    amounts: list[str]
    final: str | None
    budget: str | None
    adjusted: str | None
    prior: str | None
    percents: list[tuple[str, str]]  # (column, what it divides: budget/adjusted/prior/growth)


def roles(table: ParsedTable, side: str) -> Roles:
    """Columns by header: a year earlier than the table's latest (2024年执行数 beside 2025年预算数)
    or 上年/同期 is the prior year's; 决算数/执行数 the outturn, 预算数 and 调整预算数 the budgets."""
    cols = Context.value_columns(table, side)
    amounts = [c for c in cols if not PCT.search(c)]
    years = {c: int(m.group(1)) for c in amounts if (m := re.search(r"((?:19|20)\d{2})年", c))}
    latest = max(years.values(), default=0)

    def earlier(c: str) -> bool:
        return bool(re.search(r"上年|同期", c)) or years.get(c, latest) < latest

    def first(pattern: str, exclude: str = "^$") -> str | None:
        return next((c for c in amounts if re.search(pattern, c) and not re.search(exclude, c)
                     and not earlier(c)), None)

    final = first(r"决算数|执行数|决算$|完成数")
    budget = first(r"预算数|预算$", r"调整")
    adjusted = first(r"调整预算")
    prior = next((c for c in amounts if earlier(c)), None)
    percents = []
    for c in cols:
        if not PCT.search(c):
            continue
        if re.search(r"调整预算", c):
            percents.append((c, "adjusted"))
        elif re.search(r"增长|增减|比上年|变动", c):
            percents.append((c, "growth"))
        elif re.search(r"预算", c):
            percents.append((c, "budget"))
        elif re.search(r"上年|同期", c):
            percents.append((c, "prior"))
    return Roles(amounts, final, budget, adjusted, prior, percents)


def reconcile(total: Decimal, total_half: Decimal, values: list[Decimal], halves: list[Decimal],
              partial: bool, forced: tuple[int, int] | None = None, leaves: bool = True) -> bool:
    """Whether the rows can be grouped (a head row followed by rows adding up to it, or a row on
    its own) so that the heads add up to total (or stay under it when the list is partial).
    forced (head, last) makes rows head..last one group whatever its members add up to; without
    leaves every row is a head or a member (款 that all have 项)."""
    n = len(values)
    budget = [SEARCH_LIMIT]
    seen: set[tuple[int, Decimal]] = set()

    def close(a: Decimal, b: Decimal, room: Decimal) -> bool:
        return abs(a - b) <= room

    def walk(i: int, acc: Decimal, room: Decimal) -> bool:
        budget[0] -= 1
        if budget[0] < 0 or (i, acc) in seen:
            return False
        seen.add((i, acc))
        if i == n:
            room += total_half
            return close(total, acc, room) or (partial and acc <= total + room)
        if forced is not None and i == forced[0]:
            return walk(forced[1] + 1, acc + values[i], room + halves[i])
        run, run_half = Decimal(0), Decimal(0)
        for j in range(i + 1, n):  # a head and the rows that add up to it, tried first
            if forced is not None and j == forced[0]:
                break
            run += values[j]
            run_half += halves[j]
            if close(values[i], run, halves[i] + run_half) and any(values[i + 1:j + 1]):
                if walk(j + 1, acc + values[i], room + halves[i]):
                    return True
        return leaves and walk(i + 1, acc + values[i], room + halves[i])  # a row on its own

    return walk(0, Decimal(0), Decimal(0))


def odd_group(total: Decimal, total_half: Decimal, values: list[Decimal], halves: list[Decimal],
              reach: int = 40) -> tuple[int, int] | None:
    """The one group (head, last) whose rows do not add up to its head while everything else
    reconciles: where a block that cannot be reconciled goes wrong (None when not one place)."""
    found = []
    for i in range(len(values)):
        for j in range(i + 1, min(len(values), i + reach)):
            run = sum(values[i + 1:j + 1], Decimal(0))
            if run == values[i] or not any(values[i + 1:j + 1]):
                continue
            if reconcile(total, total_half, values, halves, False, forced=(i, j), leaves=False):
                found.append((i, j))
                break
        if len(found) > 1:
            return None
    return found[0] if found else None


def sides(table: ParsedTable) -> Iterator[str]:
    yield from (table.sides or [""])
