"""政府债务: balances within their limits, and this year's balance from last year's (domain-rules.md
§8.2: 年末余额 = 上年末余额 + 本年举借 − 本年还本; 年末余额 ≤ 限额), in total and per type."""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context
from core.checks.gov_frame import clean_name, gov_tables, layout, roles, sides
from core.checks.model import Finding
from core.checks.numbers import Num, fmt
from core.checks.registry import rule
from core.checks.rules_gov import GOV, where
from core.checks.sums import check_equal, check_sum
from core.tables.gov_catalog import gov_base, gov_level
from core.tables.model import ParsedTable

TYPES = ("一般", "专项")


def _over(ctx: Context, table: ParsedTable, label: str, balance: Num, limit: Num
          ) -> Iterator[Finding]:
    if balance.blank or limit.blank or balance.value <= limit.value + balance.half + limit.half:
        return
    yield Finding("GOV-DEBT", "error",
                  f"{where(ctx, table)}{label}：债务余额 {balance.text} 超过债务限额 {limit.text}"
                  f"（超出 {fmt(balance.value - limit.value, 0)} 万元）",
                  f"{table.id} {label}: debt balance {balance.text} exceeds its limit {limit.text}",
                  f"GOV-DEBT|{table.id}|{label}|over", [n.loc for n in (balance, limit) if n.loc],
                  {"printed": balance.text, "expected": limit.text})


@rule("GOV-DEBT", "政府债务余额与限额", "Government debt: balance within the limit, balance rolled forward",
      "error", "债务余额不得超过债务限额（合计、一般债务、专项债务）；年末余额＝上年末余额＋本年发行（举借）"
      "－本年还本。", documents=GOV)
def debt(ctx: Context) -> Iterator[Finding]:
    for table in gov_tables(ctx):
        base = gov_base(table.id)
        if base == "GOV-DEBT":
            yield from _limits_by_column(ctx, table)
        elif base == "GOV-DEBT-SVC":
            yield from _roll_forward(ctx, table)
    yield from _tables_agree(ctx)


def _tables_agree(ctx: Context) -> Iterator[Finding]:
    """The same year-end 限额 or 余额 printed in two debt tables (限额及余额表, 发行及还本付息表)."""
    for measure in ("限额", "余额"):
        for kind in ("", "一般", "专项"):
            for scope in ("", "-BJ"):
                cells = debt_cells(ctx, measure, kind, scope)
                if len({t.id for t, _, _ in cells}) < 2:
                    continue
                (ta, ra, ca) = cells[0]
                (tb, rb, cb) = next(x for x in cells if x[0] is not ta)
                a, b = ctx.num(ta, ra, ca, wan=True), ctx.num(tb, rb, cb, wan=True)
                what = f"{'本级' if scope else '全市'}{kind}债务{measure}"
                yield from check_equal("GOV-DEBT", f"GOV-DEBT|{what}|{ta.id}|{tb.id}",
                                       f"{what}：{where(ctx, ta)}（{ca}）与{where(ctx, tb)}（{cb}）",
                                       f"{what}: {ta.id} vs {tb.id}", a, b, "万元")


def _limits_by_column(ctx: Context, table: ParsedTable) -> Iterator[Finding]:
    """限额 and 余额 columns paired by what follows the word (…限额/一般债务, …余额/一般债务)."""
    for side in sides(table):
        cols = roles(table, side).amounts
        for lim in (c for c in cols if "限额" in c):
            key = re.sub(r"^.*限额", "", lim)
            bal = next((c for c in cols if "余额" in c and re.sub(r"^.*余额", "", c) == key), None)
            if bal is None:
                continue
            for i, row in Context.rows(table, side):
                label = f"“{clean_name(row['name'])}”{key.strip('/') or ''}"
                yield from _over(ctx, table, label, ctx.num(table, i, bal, wan=True, name=bal),
                                 ctx.num(table, i, lim, wan=True, name=lim))


def _roll_forward(ctx: Context, table: ParsedTable) -> Iterator[Finding]:
    """The issue-and-repayment table: blocks (上年末余额, 发行, 还本, 年末余额, 限额) by their names."""
    year = ctx.doc.year
    for side in sides(table):
        lay = layout(ctx, table, side)
        blocks: dict[str, tuple[int, list[int]]] = {}
        for node in lay.top:
            name = clean_name(Context.records(table)[node.row]["name"])
            years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", name)]
            prior = "上年" in name or (year is not None and years and years[0] == year - 1)
            kind = ("opening" if "余额" in name and prior else "closing" if "余额" in name else
                    "limit" if "限额" in name and not prior else "issue" if re.search(r"发行|举借", name)
                    else "repay" if "还本" in name else None)
            if kind and kind not in blocks:
                blocks[kind] = (node.row, node.details)
        if not {"opening", "closing", "issue", "repay"} <= set(blocks):
            continue
        for col in roles(table, side).amounts:
            if _whole(table, col):  # a level's own balance moves with on-lending (转贷) too
                yield from _roll_column(ctx, table, blocks, col)


def _whole(table: ParsedTable, col: str) -> bool:
    """A column for the whole government (全市, 合计, or the one column of a 全市 table)."""
    if re.search(r"全(市|区|县|省|州)|合计|总计", col):
        return True
    return gov_level(table.id) == "全市" and not re.search(r"本级|市级|[区县]$", col)


def _typed(ctx: Context, table: ParsedTable, rows: list[int], col: str, kind: str) -> list[Num]:
    return [ctx.num(table, r, col, wan=True) for r in rows
            if kind in clean_name(Context.records(table)[r]["name"])]


def _roll_column(ctx: Context, table: ParsedTable, blocks: dict[str, tuple[int, list[int]]],
                 col: str) -> Iterator[Finding]:
    def head(kind: str) -> Num:
        return ctx.num(table, blocks[kind][0], col, wan=True)

    def neg(n: Num) -> Num:
        return Num(-n.value, n.half, f"−{n.text}", n.loc, n.label, n.unit)

    yield from check_sum("GOV-DEBT", f"GOV-DEBT|{table.id}|{col}|roll",
                         f"{where(ctx, table)}（{col}）年末债务余额＝上年末余额＋发行－还本",
                         f"{table.id} ({col}) closing balance = opening + issued - repaid",
                         head("closing"), [head("opening"), head("issue"), neg(head("repay"))],
                         "万元")
    if "limit" in blocks:
        yield from _over(ctx, table, f"（{col}）年末", head("closing"), head("limit"))
    for kind in TYPES:
        parts = {k: _typed(ctx, table, blocks[k][1], col, kind) for k in blocks}
        single = all(len(parts[k]) == 1 for k in ("opening", "closing", "repay"))
        if not single or not parts["issue"]:
            continue
        closing = parts["closing"][0]
        yield from check_sum("GOV-DEBT", f"GOV-DEBT|{table.id}|{col}|roll|{kind}",
                             f"{where(ctx, table)}（{col}）{kind}债务年末余额＝上年末余额＋发行－还本",
                             f"{table.id} ({col}) {kind} debt rolled forward", closing,
                             [parts["opening"][0], *parts["issue"], neg(parts["repay"][0])], "万元")
        if len(parts.get("limit", [])) == 1:
            yield from _over(ctx, table, f"（{col}）{kind}债务年末", closing, parts["limit"][0])


def debt_cells(ctx: Context, measure: str, kind: str, scope: str
               ) -> list[tuple[ParsedTable, int, str]]:
    """Where the tables print a debt 限额 or 余额 (this year's, at the end of the year) of a scope
    ("" 全市, "-BJ" 本级) and type ("" all, 一般, 专项): (table, row, column)."""
    out = []
    for table in gov_tables(ctx):
        base = gov_base(table.id)
        for side in sides(table):
            cols = roles(table, side).amounts
            if base == "GOV-DEBT":
                row = _area_row(table, side, scope)
                want = {"": r"合计|小计", "一般": r"一般", "专项": r"专项"}[kind]
                out += [(table, row, c) for c in cols if row is not None and measure in c
                        and re.search(want, c.split("/")[-1])]
            elif base == "GOV-DEBT-SVC":
                col = next((c for c in cols if re.search(r"本级|市级" if scope else r"全|合计", c)),
                           None)
                row = _block_row(ctx, table, side, measure, kind)
                if col is not None and row is not None:
                    out.append((table, row, col))
    return out


def _area_row(table: ParsedTable, side: str, scope: str) -> int | None:
    pattern = r"本级|市级" if scope else r"^全|合计|总计"
    return next((i for i, r in Context.rows(table, side)
                 if re.search(pattern, clean_name(r["name"]))), None)


def _block_row(ctx: Context, table: ParsedTable, side: str, measure: str, kind: str) -> int | None:
    year = ctx.doc.year
    for node in layout(ctx, table, side).top:
        name = clean_name(Context.records(table)[node.row]["name"])
        years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", name)]
        prior = "上年" in name or (year is not None and bool(years) and years[0] == year - 1)
        if measure not in name or prior:
            continue
        if not kind:
            return node.row
        return next((r for r in node.details
                     if kind in clean_name(Context.records(table)[r]["name"])), None)
    return None
