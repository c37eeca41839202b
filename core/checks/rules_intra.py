"""表内勾稽: identities inside one table (domain-rules.md §2.1 and §2.5 BUD-01…04, BUD-09)."""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context, label
from core.checks.model import Finding
from core.checks.registry import rule
from core.checks.structure import ColumnGroup, column_tree, side_rows
from core.checks.sums import check_equal, check_sum
from core.tables.model import ParsedTable

CODED = ("FIN-02", "FIN-03", "FIN-05", "FIN-06", "FIN-08", "FIN-09",
         "BUD-T2", "BUD-T3", "BUD-T5", "BUD-T6", "BUD-T7", "BUD-T8")
TWO_SIDED = ("FIN-01", "FIN-04", "BUD-T1", "BUD-T4")
TOTAL_ROW = re.compile(r"^(\S{0,6}经费)?合计$|^总计$")


def _row_name(table: ParsedTable, row: int) -> str:
    code, name = Context.records(table)[row]["code"], label(Context.records(table)[row]["name"])
    return f"{code} {name}".strip() if code else name


def _short(column: str) -> str:
    return column.split("#")[0]


def _group_parts(ctx: Context, table: ParsedTable, row: int, group: ColumnGroup) -> list:
    """The columns that add up to group's total: members, or a subgroup's own total, or (when the
    subgroup prints no 小计, like 基本支出 over 人员支出 | 公用经费) the subgroup's members."""
    parts = []
    for member in group.members:
        sub = group.subgroups.get(member)
        if sub is None:
            parts.append(ctx.num(table, row, member, name=_short(member)))
        elif sub.total:
            parts.append(ctx.num(table, row, sub.total, name=_short(sub.total)))
        else:
            inner = _group_parts(ctx, table, row, sub)
            if not inner:
                return []
            parts.extend(inner)
    return parts


def _columns(ctx: Context, table: ParsedTable, rule_id: str) -> Iterator[Finding]:
    unit = ctx.unit(table)
    for side, cols in table.value_columns.items():
        tree = column_tree(cols)
        groups = [("", tree)]
        while groups:
            path, group = groups.pop()
            groups.extend((f"{path}/{k}" if path else k, g) for k, g in group.subgroups.items())
            if not group.total:
                continue
            for row, _ in ctx.rows(table, side):
                parts = _group_parts(ctx, table, row, group)
                total = ctx.num(table, row, group.total, name=_short(group.total))
                if len(parts) < 2:
                    continue
                where = f"{ctx.name(table)}“{_row_name(table, row)}”行"
                yield from check_sum(rule_id, f"{table.id}|{side}|{_row_name(table, row)}|{group.total}",
                                     where, f"{table.id} row '{_row_name(table, row)}'",
                                     total, parts, unit)


@rule("INT-ROW", "表内行勾稽：合计列等于各分项列之和", "Row identity: total column = sum of parts",
      "error", "每一行的合计（小计）列应等于同组各分项列之和，如 合计=基本支出+项目支出、"
      "基本支出=人员经费+公用经费、“三公”合计=出国+公务用车+接待。")
def row_identities(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables.values():
        if ctx.usable(table.id) and table.id not in TWO_SIDED:
            yield from _columns(ctx, table, "INT-ROW")


def _hierarchy(ctx: Context, table: ParsedTable, side: str, columns: list[str]
               ) -> Iterator[Finding]:
    """Each column of one side: 类 = Σ款, 款 = Σ项, 合计 = Σ类. Which rows add up to which is
    worked out once per side, not once per column (it was most of this rule's time)."""
    rows = [(i, str(r["code"])) for i, r in ctx.rows(table, side) if r["code"]]
    unit = ctx.unit(table)
    parents: list[tuple[int, str, list[int]]] = []
    for i, code in rows:
        width = {3: 5, 5: 7}.get(len(code))
        if width is None:
            continue
        kids = [j for j, c in rows if c.startswith(code) and len(code) < len(c) <= width
                and (len(c) == width or len(c) not in (3, 5, 7))]  # "301 2" misprints count too
        if kids:
            parents.append((i, code, kids))
    total = next((i for i, r in ctx.rows(table, side) if not r["code"]
                  and TOTAL_ROW.match(label(r["name"]))), None)
    classes = [i for i, code in rows if len(code) == 3]
    for column in columns:
        for i, code, kids in parents:
            level = "类" if len(code) == 3 else "款"
            sub = "款" if len(code) == 3 else "项"
            name = label(Context.records(table)[i]["name"])
            where = f"{ctx.name(table)} {code} {name}（{column}）"
            yield from check_sum("INT-HIER", f"{table.id}|{side}|{code}|{column}", where,
                                 f"{table.id} {code} ({column}): {level} = sum of {sub}",
                                 ctx.num(table, i, column),
                                 [ctx.num(table, j, column) for j in kids], unit)
        if total is not None and classes:
            yield from check_sum("INT-HIER", f"{table.id}|{side}|合计|{column}",
                                 f"{ctx.name(table)} 合计行（{column}）",
                                 f"{table.id} total row ({column}) = sum of 类",
                                 ctx.num(table, total, column),
                                 [ctx.num(table, j, column) for j in classes], unit)


@rule("INT-HIER", "表内层级勾稽：类=Σ款，款=Σ项，合计=Σ类",
      "Hierarchy: class = sum of its items, total = sum of classes", "error",
      "按科目编码层级，每一列的类级数等于其下款级数之和，款级数等于其下项级数之和，合计等于各类之和。")
def hierarchy(ctx: Context) -> Iterator[Finding]:
    for table_id in CODED:
        table = ctx.table(table_id)
        if table is None:
            continue
        for side, cols in table.value_columns.items():
            yield from _hierarchy(ctx, table, side, cols)


def _two_sided(ctx: Context, table: ParsedTable) -> Iterator[Finding]:
    unit = ctx.unit(table)
    totals: dict[str, list] = {}
    for side, cols in table.value_columns.items():
        roles = side_rows(ctx, table, side)
        for col in cols:
            def n(i: int, c: str = col):  # noqa: ANN202
                return ctx.num(table, i, c)

            for key, kids in roles.items():
                if key.startswith("child:") and int(key[6:]) >= 0:
                    parent = int(key[6:])
                    if any(not n(k).blank for k in kids):
                        yield from check_sum(
                            "INT-SIDE", f"{table.id}|{side}|{label(Context.records(table)[parent]['name'])}|{col}",
                            f"{ctx.name(table)}{side}方“{label(Context.records(table)[parent]['name'])}”",
                            f"{table.id} {side}: parent row = sum of its sub-items",
                            n(parent), [n(k) for k in kids], unit)
            detail = [n(i) for i in roles["detail"]]
            for sub in roles["subtotal"][:1]:
                yield from check_sum("INT-SIDE", f"{table.id}|{side}|subtotal|{col}",
                                     f"{ctx.name(table)}{side}方“{label(Context.records(table)[sub]['name'])}”",
                                     f"{table.id} {side}: subtotal = sum of detail rows",
                                     n(sub), detail, unit)
            if not roles["subtotal"] and not roles["total"] and detail:
                yield from _sibling_subtotal(ctx, table, side, col, detail, unit)
            for tot in roles["total"][:1]:
                base = [n(roles["subtotal"][0])] if roles["subtotal"] else detail
                yield from check_sum("INT-SIDE", f"{table.id}|{side}|total|{col}",
                                     f"{ctx.name(table)}{side}方“{label(Context.records(table)[tot]['name'])}”",
                                     f"{table.id} {side}: grand total = subtotal + carry-overs",
                                     n(tot), base + [n(i) for i in roles["adjust"]], unit)
                totals.setdefault(side.split("/")[0], []).append(n(tot))
    sides = [s for s in totals if totals[s]]
    if len(sides) == 2:
        a, b = totals[sides[0]][0], totals[sides[1]][0]
        yield from check_equal("INT-SIDE", f"{table.id}|balance", f"{ctx.name(table)}收支两方总计",
                               f"{table.id}: both sides' totals", a, b, unit)


def _sibling_subtotal(ctx: Context, table: ParsedTable, side: str, col: str, detail: list,
                      unit: str) -> Iterator[Finding]:
    """Jiangsu prints 支出 twice (功能分类 | 支出用途) with one 当年支出小计: both must add up to it."""
    head = side.split("/")[0]
    for other in table.value_columns:
        if other != side and other.split("/")[0] == head:
            roles = side_rows(ctx, table, other)
            if roles["subtotal"]:
                sub = roles["subtotal"][0]
                other_col = table.value_columns[other][0]
                yield from check_sum("INT-SIDE", f"{table.id}|{side}|sibling-subtotal|{col}",
                                     f"{ctx.name(table)}{side}方各项合计与“{label(Context.records(table)[sub]['name'])}”",
                                     f"{table.id} {side}: detail rows = the subtotal of {other}",
                                     ctx.num(table, sub, other_col), detail, unit)
                return


@rule("INT-SIDE", "收支总表勾稽：合计、总计与两方平衡", "Two-sided tables: subtotals, totals, balance",
      "error", "收支（财政拨款收支）总表每一方：本年合计=各项之和，总计=本年合计+结转结余等，"
      "收入总计=支出总计；有分项的行等于其分项之和。")
def two_sided(ctx: Context) -> Iterator[Finding]:
    for table_id in TWO_SIDED:
        table = ctx.table(table_id)
        if table is not None:
            yield from _two_sided(ctx, table)
            yield from _columns(ctx, table, "INT-ROW")


@rule("INT-NEG", "金额不应为负数", "No negative amounts", "warn",
      "表中金额一般不应为负数（结余分配等个别项目除外）。")
def negatives(ctx: Context) -> Iterator[Finding]:
    for table in ctx.tables.values():
        for (row, col), ref in table.cells.items():
            if col in ("code", "name"):
                continue
            value = Context.records(table)[row][col]
            if value is not None and value < 0 and "结余分配" not in str(Context.records(table)[row]["name"]):
                loc = ctx.loc(table, row, col)
                yield Finding("INT-NEG", "warn",
                              f"{ctx.name(table)}“{_row_name(table, row)}”{col} 为负数 {ref.text}",
                              f"{table.id} '{_row_name(table, row)}' {col} is negative: {ref.text}",
                              f"{table.id}|{_row_name(table, row)}|{col}", [loc],
                              {"printed": ref.text})
