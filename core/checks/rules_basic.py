"""基本支出 split into 人员经费 and 公用经费, against the economic classification (domain-rules §5.2).

人员经费 is the 301 工资福利支出 and 303 对个人和家庭的补助 classes of the economic table (FIN-06 /
BUD-T8); 公用经费 is 302 商品和服务支出 and every other class (310 资本性支出, 307, 309, 399 …).
The economic table itself must put each class on its side (or in its column), and the summary
tables that print 基本支出 as 人员经费 | 公用经费 (收支总表, 支出总表, 一般公共预算支出表) must give
the same split: equal where the table covers the same money (一般公共预算), not less where it covers
all funds, and equal there too when its 基本支出 is the economic table's total.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from core.checks.codes import name_key, scheme
from core.checks.context import Context, label
from core.checks.model import Finding
from core.checks.numbers import Num, fmt
from core.checks.registry import rule
from core.checks.sums import check_sum
from core.tables.model import ParsedTable

PERSONNEL = ("301", "303")
ECONOMIC = {"决算": "FIN-06", "预算": "BUD-T8"}
# summary tables that may print the split, and whether they hold only 一般公共预算 money
SUMMARIES = {"决算": [("FIN-05", True), ("FIN-03", False)],
             "预算": [("BUD-T5", True), ("BUD-T3", False), ("BUD-T1", False), ("BUD-T4", False)]}
PERSON_COL = re.compile(r"人员(经费|支出)$")
PUBLIC_COL = re.compile(r"公用(经费|支出)$")
TOTAL_ROW = re.compile(r"^(支出)?(合计|总计)$|^本年支出合计$")


@dataclass
class Split:
    """人员经费 and 公用经费 as the economic classes give them, with the class rows used."""

    personnel: list[Num]
    public: list[Num]

    @property
    def sums(self) -> tuple[Decimal, Decimal]:
        return (sum((n.value for n in self.personnel), Decimal(0)),
                sum((n.value for n in self.public), Decimal(0)))


def _class_of(row: dict) -> str | None:
    """The economic class a row is (301, 302 …), by its code or, uncoded, by its name."""
    code = str(row["code"] or "")
    if re.fullmatch(r"3\d{2}", code):
        return code
    if code:
        return None
    key = name_key(label(row["name"]))
    for c, name in scheme("economic").codes.items():
        if len(c) == 3 and key in (name_key(name), *map(name_key, scheme("economic").aliases.get(c, []))):
            return c
    return None


def _total_column(ctx: Context, table: ParsedTable, side: str) -> str | None:
    cols = ctx.value_columns(table, side)
    if not cols:
        return None
    for c in cols:
        if re.search(r"(^|/)合计$|决算数$|金额$", c.split("#")[0]):
            return c
    return cols[0]


def economic_split(ctx: Context) -> tuple[ParsedTable, Split, list[Finding]] | None:
    """The classes of the economic table summed into 人员经费 and 公用经费, and the class rows
    printed on the wrong side or in the wrong column."""
    table = ctx.table(ECONOMIC.get(ctx.kind, ""))
    if table is None:
        return None
    split = Split([], [])
    misplaced: list[Finding] = []
    for i, row in ctx.rows(table):
        cls = _class_of(row)
        if cls is None:
            continue
        side = str(row["side"])
        total = _total_column(ctx, table, side)
        if total is None:
            continue
        n = ctx.num(table, i, total, wan=True)
        n = Num(n.value, n.half, n.text, n.loc, f"{cls} {label(row['name'])}", n.unit)
        personnel = cls in PERSONNEL
        (split.personnel if personnel else split.public).append(n)
        misplaced += _misplaced(ctx, table, i, cls, side, personnel, n)
    if not split.personnel and not split.public:
        return None
    return table, split, misplaced


def _misplaced(ctx: Context, table: ParsedTable, i: int, cls: str, side: str, personnel: bool,
               n: Num) -> list[Finding]:
    """A class row on the other side of a two-sided table, or its amount in the other column."""
    want, other = ("人员经费", "公用经费") if personnel else ("公用经费", "人员经费")
    name = label(Context.records(table)[i]["name"])
    if side and (other in side) and n.value:
        return [Finding("XT-PERS", "error",
                        f"{ctx.name(table)} {cls}“{name}”{n.text} 列在“{other}”一方：按经济分类应属{want}",
                        f"{table.id} {cls} '{name}' is printed under {other}; it belongs to {want}",
                        f"XT-PERS|side|{table.id}|{cls}", [n.loc] if n.loc else [],
                        {"printed": n.text, "expected": want})]
    wrong = next((c for c in ctx.value_columns(table, side) if other in c.split("#")[0]), None)
    if wrong is None:
        return []
    w = ctx.num(table, i, wrong, wan=True)
    if w.value - w.half <= 0:
        return []
    return [Finding("XT-PERS", "error",
                    f"{ctx.name(table)} {cls}“{name}”在“{wrong}”列填有 {w.text}：按经济分类{cls}属{want}",
                    f"{table.id} {cls} '{name}' has {w.text} under {wrong}; the class belongs to {want}",
                    f"XT-PERS|column|{table.id}|{cls}", [w.loc] if w.loc else [],
                    {"printed": w.text, "expected": want})]


def _summary_split(ctx: Context, table: ParsedTable) -> tuple[Num, Num] | None:
    """The table's total row under its 人员经费 and 公用经费 columns (None when it has none)."""
    for side in table.value_columns:
        cols = ctx.value_columns(table, side)
        person = next((c for c in cols if PERSON_COL.search(c.split("#")[0])), None)
        public = next((c for c in cols if PUBLIC_COL.search(c.split("#")[0])), None)
        if person is None or public is None:
            continue
        rows = sorted((i for i, r in ctx.rows(table, side) if TOTAL_ROW.match(label(r["name"]))),
                      key=lambda i: "总计" in label(Context.records(table)[i]["name"]))
        if not rows:
            continue
        i = rows[0]  # 本年支出合计 before 支出总计 (which may add carry-overs)
        return ctx.num(table, i, person, wan=True), ctx.num(table, i, public, wan=True)
    return None


@rule("XT-PERS", "人员经费、公用经费与经济分类一致",
      "Personnel and running costs agree with the economic classification", "error",
      "人员经费=工资福利支出(301)+对个人和家庭的补助(303)，公用经费=商品和服务支出(302)+资本性支出(310)"
      "等其他类；基本支出表中各类应列在相应一方（列），一般公共预算支出表等汇总表的人员经费、公用经费"
      "应与基本支出表按经济分类汇总的数一致（全部资金口径的表不应小于它）。",
      needs={"决算": ("FIN-06",), "预算": ("BUD-T8",)})
def personnel_split(ctx: Context) -> Iterator[Finding]:
    found = economic_split(ctx)
    if found is None:
        return
    econ, split, misplaced = found
    yield from misplaced
    person, public = split.sums
    for table_id, same_money in SUMMARIES.get(ctx.kind, []):
        table = ctx.table(table_id)
        if table is None:
            continue
        printed = _summary_split(ctx, table)
        if printed is None:
            continue
        p, q = printed
        if p.blank and q.blank:
            continue
        room = sum((n.half for n in split.personnel + split.public), Decimal(0))
        equal = same_money or abs(p.value + q.value - person - public) <= p.half + q.half + room
        for what, n, parts in (("人员经费", p, split.personnel), ("公用经费", q, split.public)):
            n = Num(n.value, n.half, n.text, n.loc, f"{ctx.name(table)}{what}", n.unit)
            where = (f"{what}：{ctx.name(table)}与{ctx.name(econ)}按经济分类汇总"
                     f"（{'301+303' if what == '人员经费' else '302+310等'}）")
            if equal:
                yield from check_sum("XT-PERS", f"XT-PERS|{table_id}|{what}", where,
                                     f"{what}: {table_id} vs the classes of {econ.id}", n, parts, "万元")
                continue
            total = sum((x.value for x in parts), Decimal(0))
            slack = n.half + sum((x.half for x in parts), Decimal(0))
            if total - n.value > slack:
                yield Finding("XT-PERS", "error",
                              f"{where}：{ctx.name(table)}{what} {n.text} 小于{ctx.name(econ)}相应各类之和 "
                              f"{fmt(total)}（全部资金口径不应小于一般公共预算口径）",
                              f"{what}: {table_id} {n.text} is less than the classes of {econ.id}, "
                              f"{fmt(total)}", f"XT-PERS|{table_id}|{what}",
                              [x.loc for x in [n, *parts] if x.loc],
                              {"printed": n.text, "computed": total,
                               "operands": [x.text for x in parts]})


@rule("XT-RUN", "机关运行经费不大于公用经费", "机关运行经费 within 公用经费", "warn",
      "机关运行经费是行政单位和参公事业单位一般公共预算基本支出中的公用经费，“三公”经费和机关运行经费表"
      "所列机关运行经费不应大于基本支出表的公用经费（302+310等各类）（XT-13）。",
      needs={"决算": ("FIN-06", "FIN-07"), "预算": ("BUD-T8", "BUD-T9")})
def running_costs(ctx: Context) -> Iterator[Finding]:
    from core.checks.rules_cross import sangong_figure

    table = ctx.table("FIN-07" if ctx.kind == "决算" else "BUD-T9")
    found = economic_split(ctx)
    if table is None or found is None or not len(table.frame):
        return
    running = sangong_figure(ctx, table, r"机关运行经费")
    if running is None or running.blank:
        return
    econ, split, _ = found
    public = sum((n.value for n in split.public), Decimal(0))
    room = running.half + sum((n.half for n in split.public), Decimal(0))
    if running.value - public > room:
        yield Finding("XT-RUN", "warn",
                      f"{ctx.name(table)}机关运行经费 {running.text} 大于{ctx.name(econ)}公用经费（302+310等各类）"
                      f"{fmt(public)}：机关运行经费是行政（参公）单位的公用经费，不应大于全部公用经费",
                      f"{table.id} 机关运行经费 {running.text} exceeds the 公用经费 of {econ.id}, {fmt(public)}",
                      "XT-RUN", [n.loc for n in [running, *split.public] if n.loc],
                      {"printed": running.text, "computed": public})
