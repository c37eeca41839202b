"""政府报告勾稽: a government report's own tables checked as the department tables are
(domain-rules.md §8.2): totals and subtotals, 合计 columns, 为预算% and 增长% recomputed, income
against expenditure, the same line in two tables of one scope.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.gov_frame import (Layout, Node, Roles, clean_name, gov_tables, layout, odd_group,
                                   reconcile, roles, sides)
from core.checks.model import Finding, Location
from core.checks.numbers import Num, fmt, pct_gap, percent_verdict
from core.checks.registry import rule
from core.checks.sums import check_equal, check_sum
from core.model import GOV_REPORT
from core.tables.gov_catalog import GOV_NAME_ZH, gov_base
from core.tables.model import ParsedTable

GOV = (GOV_REPORT,)
BALANCED = ("GOV-GP", "GOV-GF", "GOV-SOE")  # budgets whose income and expenditure must balance


def where(ctx: Context, table: ParsedTable) -> str:
    return table.number or GOV_NAME_ZH.get(gov_base(table.id), table.title)


def _num(ctx: Context, table: ParsedTable, row: int, col: str) -> Num:
    return ctx.num(table, row, col, wan=True, name=clean_name(Context.records(table)[row]["name"]))


def _label(table: ParsedTable, row: int) -> str:
    return clean_name(Context.records(table)[row]["name"])


@rule("GOV-SUM", "政府报告表内勾稽：合计、小计与分项", "Report tables: totals, subtotals and their parts",
      "error", "报告附表中“收入合计”“支出合计”等于各部分之和（本级收入＋转移性收入…）；带序号的行等于其下一级"
      "各行之和（一、＝Σ（一）…）；未编号的明细（款、项）能与其上级勾稽。", documents=GOV)
def sums(ctx: Context) -> Iterator[Finding]:
    tables = gov_tables(ctx)
    if not tables:
        yield Finding("GOV-SUM", "manual", "报告未附（或未能识别）政府预算·决算表，表内勾稽与表文核对未执行，请人工核对。",
                      "The report has no recognised tables: table checks were not run; "
                      "check by hand.",
                      "GOV-SUM|no-tables", [Location(1, None)])
        return
    for table in tables:
        for side in sides(table):
            lay, rl = layout(ctx, table, side), roles(table, side)
            if rl.amounts:
                _lift_trailing(ctx, table, lay, rl.final or rl.amounts[0])
            for col in rl.amounts:
                yield from _totals(ctx, table, lay, col)
                for node in lay.nodes:
                    yield from _node(ctx, table, node, col)


def _lift_trailing(ctx: Context, table: ParsedTable, lay: Layout, col: str) -> None:
    """An unnumbered row after a numbered section's details may stand on its own (二、转移性收入 /
    上级补助收入 / 上年累计结余 / 收入合计: the 结余 is not a 转移性收入): lifted to the top when both
    the section and the total then agree, and only then."""
    by_row = {n.row: n for n in lay.nodes}
    for t, (row, parts) in enumerate(lay.totals):
        nodes = [by_row[p] for p in parts if p in by_row]
        if not nodes or not nodes[-1].details or nodes[-1].children:
            continue
        last = nodes[-1]
        value = lambda r: _num(ctx, table, r, col)  # noqa: E731
        total, tops = value(row), [value(p) for p in parts]
        if _agrees(total, tops):
            continue
        for k in range(1, min(3, len(last.details) - 1) + 1):
            kept, moved = last.details[:-k], last.details[-k:]
            head, rest = value(last.row), [value(r) for r in kept]
            lifted = _agrees(total, tops + [value(r) for r in moved])
            if lifted and reconcile(head.value, head.half, [n.value for n in rest],
                                    [n.half for n in rest], last.partial):
                last.details = kept
                lay.totals[t] = (row, parts + moved)
                break


def _agrees(total: Num, parts: list[Num]) -> bool:
    return abs(total.value - sum((p.value for p in parts), Decimal(0))) <= \
        total.half + sum((p.half for p in parts), Decimal(0))


def _totals(ctx: Context, table: ParsedTable, lay: Layout, col: str) -> Iterator[Finding]:
    for row, parts in lay.totals:
        if len(parts) < 2:
            continue
        name = _label(table, row)
        yield from check_sum("GOV-SUM", f"GOV-SUM|{table.id}|{name}|{col}",
                             f"{where(ctx, table)}“{name}”（{col}）", f"{table.id} {name} ({col})",
                             _num(ctx, table, row, col), [_num(ctx, table, r, col) for r in parts],
                             "万元")


def _node(ctx: Context, table: ParsedTable, node: Node, col: str) -> Iterator[Finding]:
    name = _label(table, node.row)
    head = f"{where(ctx, table)}“{name}”（{col}）"
    parent = _num(ctx, table, node.row, col)
    if node.children:
        yield from check_sum("GOV-SUM", f"GOV-SUM|{table.id}|{name}|{col}", head,
                             f"{table.id} {name} ({col})", parent,
                             [_num(ctx, table, c.row, col) for c in node.children], "万元")
        return
    details = [_num(ctx, table, r, col) for r in node.details]
    if len(details) < 2 or (parent.blank and all(d.blank for d in details)):
        return
    if reconcile(parent.value, parent.half, [d.value for d in details], [d.half for d in details],
                 node.partial):
        return
    odd = odd_group(parent.value, parent.half, [d.value for d in details],
                    [d.half for d in details])
    if odd is not None:  # one 款 whose 项 do not add up to it: that is the place to look
        head, members = details[odd[0]], details[odd[0] + 1:odd[1] + 1]
        yield from check_sum("GOV-SUM", f"GOV-SUM|{table.id}|{head.label}|{col}",
                             f"{where(ctx, table)}“{name}”下“{head.label}”（{col}）",
                             f"{table.id} {name} / {head.label} ({col})", head, members, "万元")
        return
    total = sum((d.value for d in details), Decimal(0))
    locs = [n.loc for n in [parent, *details] if n.loc is not None]
    yield Finding("GOV-SUM", "warn",
                  f"{head}：{parent.text or '（空）'} 与其下 {len(details)} 行明细无法勾稽（明细合计 {fmt(total, 0)}，"
                  "按各种款、项分组均不等于上级数），请核对明细与上级数",
                  f"{table.id} {name} ({col}): {parent.text} cannot be reconciled with its "
                  f"{len(details)} detail rows (they add up to {fmt(total, 0)})",
                  f"GOV-SUM|{table.id}|{name}|{col}|details", locs,
                  {"printed": parent.text, "computed": total,
                   "operands": [d.text for d in details]})


@rule("GOV-ROW", "政府报告表内勾稽：合计列与分列", "Report tables: total columns and their parts",
      "error", "合计（小计）列等于同组各列之和：债务限额/余额的合计＝一般债务＋专项债务，"
      "分地区表的合计＝各地区之和。", documents=GOV)
def columns(ctx: Context) -> Iterator[Finding]:
    for table in gov_tables(ctx):
        for side in sides(table):
            amounts = roles(table, side).amounts
            for total, parts in _column_groups(amounts):
                for i, _ in Context.rows(table, side):
                    name = _label(table, i)
                    yield from check_sum("GOV-ROW", f"GOV-ROW|{table.id}|{name}|{total}",
                                         f"{where(ctx, table)}“{name}”行", f"{table.id} row {name}",
                                         ctx.num(table, i, total, wan=True, name=total),
                                         [ctx.num(table, i, p, wan=True, name=p) for p in parts],
                                         "万元")


def _column_groups(columns: list[str]) -> list[tuple[str, list[str]]]:
    """(合计 column, the columns it sums): by the last header part (…/合计 over …/一般债务) or by
    the first (市本级、名胜区合计/决算数 over 市本级/决算数 and 名胜区/决算数)."""
    out = []
    split = {c: c.split("/") for c in columns}
    for c, parts in split.items():
        if re.search(r"(合计|小计)$", parts[-1]) and len(parts) > 1:
            sib = [d for d, q in split.items()
                   if d != c and q[:-1] == parts[:-1] and len(q) == len(parts)]
        elif re.search(r"(合计|小计)$", parts[0]):
            sib = [d for d, q in split.items()
                   if d != c and q[1:] == parts[1:] and len(q) == len(parts)
                   and not re.search(r"(合计|小计)$", q[0])]
        else:
            continue
        if len(sib) >= 2:
            out.append((c, sib))
    return out


@rule("GOV-PCT", "政府报告表内百分比复算", "Report tables: percentages recomputed", "error",
      "为预算%＝决算数÷预算数，为调整预算%＝决算数÷调整预算数，为上年%＝本年÷上年，增长%＝（本年－上年）÷上年；"
      "按另一个预算数算得的百分比另行提示。", documents=GOV)
def percents(ctx: Context) -> Iterator[Finding]:
    for table in gov_tables(ctx):
        for side in sides(table):
            rl = roles(table, side)
            for col, base in rl.percents:
                for i, _ in Context.rows(table, side):
                    yield from _percent(ctx, table, rl, i, col, base)


def _percent(ctx: Context, table: ParsedTable, rl: Roles, i: int, col: str, base: str
             ) -> Iterator[Finding]:
    stated = ctx.num(table, i, col)
    den_col = {"budget": rl.budget, "adjusted": rl.adjusted, "prior": rl.prior,
               "growth": rl.prior}[base]
    top = rl.final if base in ("budget", "adjusted") else rl.final or rl.budget  # 预算 over 上年执行
    if stated.blank or top is None or den_col is None:
        return
    final, den = _num(ctx, table, i, top), _num(ctx, table, i, den_col)
    if final.blank or den.blank:
        return
    num = Num(final.value - den.value, final.half + den.half, "") if base == "growth" else final
    v = percent_verdict(stated, num, den)
    if v is None or not v.failed:
        return
    name = _label(table, i)
    other = rl.adjusted if base == "budget" else rl.budget if base == "adjusted" else None
    if other and not _num(ctx, table, i, other).blank:
        alt = percent_verdict(stated, final, _num(ctx, table, i, other))
        if alt is not None and not alt.failed:
            yield Finding("GOV-PCT", "warn",
                          f"{where(ctx, table)}“{name}”{col} {stated.text} 是按“{other}”计算的，"
                          f"不是按表头所称的“{den_col}”",
                          f"{table.id} {name}: {col} {stated.text} is against {other}, "
                          f"not {den_col}",
                          f"GOV-PCT|{table.id}|{name}|{col}|base", [stated.loc, final.loc, den.loc],
                          {"printed": stated.text})
            return
    severity = "info" if v.status == "rounding" else "error"
    expr = f"{final.text}÷{den.text}"
    if base == "growth":
        expr = f"（{final.text}－{den.text}）÷{den.text}"
    yield Finding("GOV-PCT", severity,
                  f"{where(ctx, table)}“{name}”{col}复算不符：{expr}＝{v.computed:.2f}%，表中为 {stated.text}"
                  + pct_gap(v)[0], f"{table.id} {name}: {col} recomputed {v.computed:.2f}, printed "
                  f"{stated.text}" + pct_gap(v)[1], f"GOV-PCT|{table.id}|{name}|{col}",
                  [n.loc for n in (stated, final, den) if n.loc is not None],
                  {"printed": stated.text, "computed": v.computed, "rounding": severity == "info"})


def fund_scope(table_id: str) -> tuple[str, str]:
    """(GOV-GP, -BJ-EXEC): the fund a table belongs to and its scope and period."""
    base = gov_base(table_id)
    fund = re.match(r"GOV-(GP|GF|SOE|SI|DEBT|3G)", base)
    return (f"GOV-{fund.group(1)}" if fund else base, table_id[len(base):].split("#")[0])


def _transfers(table: ParsedTable, side: str) -> bool:
    return any("转移性" in str(r["name"]) or "结转" in str(r["name"])
               for _, r in Context.rows(table, side))


def _last_total(ctx: Context, table: ParsedTable, side: str) -> int | None:
    totals = layout(ctx, table, side).totals
    return totals[-1][0] if totals else None


@rule("GOV-BAL", "政府报告收支平衡", "Report tables: income equals expenditure", "error",
      "一般公共预算、政府性基金预算、国有资本经营预算的收入总计（收入合计＋转移性收入）应等于支出总计"
      "（支出合计＋转移性支出，含结转结余）：收入表与支出表之间、收支平衡表两方之间。", documents=GOV)
def balance(ctx: Context) -> Iterator[Finding]:
    tables = gov_tables(ctx)
    pairs: list[tuple[ParsedTable, str, ParsedTable, str]] = []
    for t in tables:
        if len(t.sides) == 2:
            pairs.append((t, t.sides[0], t, t.sides[1]))
    for t in tables:
        fund, scope = fund_scope(t.id)
        if gov_base(t.id).endswith("-REV") and fund in BALANCED:
            exp = next((e for e in tables if gov_base(e.id) == gov_base(t.id)[:-4] + "-EXP"
                        and fund_scope(e.id)[1] == scope), None)
            if exp is not None:
                pairs.append((t, (t.sides or [""])[0], exp, (exp.sides or [""])[0]))
    for a, sa, b, sb in pairs:
        if fund_scope(a.id)[0] not in BALANCED or not (_transfers(a, sa) and _transfers(b, sb)):
            continue  # 本级收入合计 and 本级支出合计 alone need not balance
        ra, rb = _last_total(ctx, a, sa), _last_total(ctx, b, sb)
        if ra is None or rb is None:
            continue
        la, lb = roles(a, sa), roles(b, sb)
        col_a, col_b = la.final or la.budget, lb.final or lb.budget  # 决算 (or a budget's 预算)
        if col_a is not None and col_b is not None:
            na, nb = _num(ctx, a, ra, col_a), _num(ctx, b, rb, col_b)
            yield from check_equal("GOV-BAL", f"GOV-BAL|{a.id}|{b.id}|{col_a}",
                                   f"{where(ctx, a)}“{na.label}”与{where(ctx, b)}“{nb.label}”"
                                   f"（{col_a}）",
                                   f"{a.id} {na.label} vs {b.id} {nb.label} ({col_a})", na, nb,
                                   "万元")


@rule("GOV-XT", "政府报告表间一致", "Report tables agree with each other", "error",
      "同一口径（全市/本级、同一期间）的两张表中同名的行数额相同，如收支平衡表与收入表的“转移性收入”。",
      documents=GOV)
def between(ctx: Context) -> Iterator[Finding]:
    tables = gov_tables(ctx)
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            if fund_scope(a.id) != fund_scope(b.id) or a.id.endswith("-AREA") or \
                    fund_scope(a.id)[0] in ("GOV-DEBT",):
                continue
            yield from _same_rows(ctx, a, b)


def _unique_rows(ctx: Context, table: ParsedTable) -> dict[str, tuple[int, str]]:
    seen: dict[str, list[tuple[int, str]]] = {}
    for side in sides(table):
        final = roles(table, side).final
        if final is None:
            continue
        for i, _ in Context.rows(table, side):
            seen.setdefault(_label(table, i), []).append((i, final))
    return {k: v[0] for k, v in seen.items() if len(v) == 1 and len(k) >= 4}


def _same_rows(ctx: Context, a: ParsedTable, b: ParsedTable) -> Iterator[Finding]:
    ra, rb = _unique_rows(ctx, a), _unique_rows(ctx, b)
    for name in sorted(set(ra) & set(rb)):
        (ia, ca), (ib, cb) = ra[name], rb[name]
        na, nb = _num(ctx, a, ia, ca), _num(ctx, b, ib, cb)
        yield from check_equal("GOV-XT", f"GOV-XT|{a.id}|{b.id}|{name}",
                               f"“{name}”：{where(ctx, a)}与{where(ctx, b)}",
                               f"{name}: {a.id} vs {b.id}", na, nb, "万元")
