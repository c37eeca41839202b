"""表间勾稽: relations between tables (domain-rules.md §2.2 for 决算, §2.5 for 预算).

Each relation names its two figures by meaning (refs.Ref); amounts are compared in 万元 with the
rounding of both printed values allowed.
"""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context, label
from core.checks.model import Finding
from core.checks.numbers import Num
from core.checks.refs import Ref, class_rows, resolve
from core.checks.registry import rule
from core.checks.sums import check_equal, check_sum

T = r"(本年)?(收入|支出)?合计|合计|总计"
# (relation id, left, right, what it says) — left = right
FIN_EQUAL = [
    ("XT-01", Ref("FIN-01", r"本年收入合计", side="收入"), Ref("FIN-02", r"合计", r"本年收入合计|^合计$|收入合计"),
     "本年收入合计"),
    ("XT-02", Ref("FIN-01", r"本年支出合计", side="支出"), Ref("FIN-03", r"合计", r"本年支出合计|^合计$|支出合计"),
     "本年支出合计"),
    ("XT-03", Ref("FIN-01", r"上级补助收入", side="收入"), Ref("FIN-02", r"合计", r"上级补助收入"), "上级补助收入"),
    ("XT-03", Ref("FIN-01", r"事业收入", side="收入"), Ref("FIN-02", r"合计", r"事业收入"), "事业收入"),
    ("XT-03", Ref("FIN-01", r"经营收入", side="收入"), Ref("FIN-02", r"合计", r"^经营收入"), "经营收入"),
    ("XT-03", Ref("FIN-01", r"附属单位上缴收入", side="收入"), Ref("FIN-02", r"合计", r"附属单位上缴收入"),
     "附属单位上缴收入"),
    ("XT-03", Ref("FIN-01", r"其他收入", side="收入"), Ref("FIN-02", r"合计", r"其他收入"), "其他收入"),
    ("XT-05", Ref("FIN-01", r"一般公共预算财政拨款收入", side="收入"),
     Ref("FIN-04", r"一般公共预算财政拨款(收入)?", side="收入"), "一般公共预算财政拨款收入"),
    ("XT-05", Ref("FIN-01", r"政府性基金预算财政拨款收入", side="收入"),
     Ref("FIN-04", r"政府性基金预算财政拨款(收入)?", side="收入"), "政府性基金预算财政拨款收入"),
    ("XT-06", Ref("FIN-02", r"合计", r"财政拨款收入"), Ref("FIN-04", r"本年收入合计", side="收入"),
     "财政拨款收入"),
    ("XT-07", Ref("FIN-04", r"本年支出合计", r"一般公共预算", side="支出"), Ref("FIN-05", r"合计", r"合计|小计"),
     "一般公共预算财政拨款支出"),
    ("XT-08", Ref("FIN-05", r"合计", r"基本支出$|基本支出/小计|基本支出/合计"),
     Ref("FIN-06", r"人员经费合计", r"基本支出 || 决算数 || 金额 || .*"),
     "基本支出（人员经费合计+公用经费合计）"),
    ("XT-09", Ref("FIN-04", r"本年支出合计", r"政府性基金", side="支出"),
     Ref("FIN-08", r"合计", r"本年支出.*(小计|合计)|^合计$|本年支出$"), "政府性基金预算财政拨款支出"),
    ("XT-09", Ref("FIN-04", r"本年支出合计", r"国有资本经营", side="支出"),
     Ref("FIN-09", r"合计", r"本年支出.*(小计|合计)|^合计$|本年支出$"), "国有资本经营预算财政拨款支出"),
]
BUD_EQUAL = [
    ("BUD-05", Ref("BUD-T5", r"合计", r"基本支出$|基本支出/小计|基本支出/合计"), Ref("BUD-T8", r"合计", r"合计$"),
     "一般公共预算基本支出"),
    ("BUD-07", Ref("BUD-T4", r"(本年)?支出(合计|总计)|合计|总计", r"一般公共预算", side="支出"),
     Ref("BUD-T5", r"合计", r"合计$|^合计"), "一般公共预算支出"),
    ("BUD-07", Ref("BUD-T4", r"(本年)?支出(合计|总计)|合计|总计", r"政府性基金", side="支出"),
     Ref("BUD-T6", r"合计", r"合计$|^合计"), "政府性基金预算支出"),
    ("BUD-07", Ref("BUD-T4", r"(本年)?支出(合计|总计)|合计|总计", r"国有资本经营", side="支出"),
     Ref("BUD-T7", r"合计", r"合计$|^合计"), "国有资本经营预算支出"),
    ("BUD-07", Ref("BUD-T4", r"一般公共预算(资金|拨款|财政拨款)?", side="收入"),
     Ref("BUD-T5", r"合计", r"合计$ || ^合计 || 金额"), "一般公共预算拨款"),
    ("BUD-10", Ref("BUD-T1", r"(本年|当年)?收入(合计|总计|小计)", side="收入"),
     Ref("BUD-T2", r"(收入)?(合计|总计)", r"合计$ || ^合计 || 金额"), "收入合计"),
    ("BUD-10", Ref("BUD-T1", r"(本年|当年)?支出(合计|总计|小计)", side="支出"),
     Ref("BUD-T3", r"(支出)?(合计|总计)", r"合计$ || ^合计"), "支出合计"),
]


def _pair(ctx: Context, rid: str, left: Ref, right: Ref, what: str) -> Iterator[Finding]:
    a, b = resolve(ctx, left), resolve(ctx, right)
    if a is None or b is None:
        return
    if right.table == "FIN-06" and right.row == r"人员经费合计":
        pub = resolve(ctx, Ref("FIN-06", r"公用经费合计", right.column))
        if pub is None:
            return
        yield from check_sum(rid, f"{rid}|{what}", f"{what}：{ctx.tables[left.table].number or left.table}"
                             f"与{ctx.tables[right.table].number or right.table}",
                             f"{what}: {left.table} vs {right.table}", a, [b, pub], "万元")
        return
    where = f"{what}：{_tname(ctx, left.table)}与{_tname(ctx, right.table)}不一致"
    yield from check_equal(rid, f"{rid}|{what}", where, f"{what}: {left.table} vs {right.table}",
                           _named(a, ctx, left.table), _named(b, ctx, right.table), "万元")


def _tname(ctx: Context, table_id: str) -> str:
    t = ctx.tables.get(table_id)
    return ctx.name(t) if t is not None else table_id


def _named(n: Num, ctx: Context, table_id: str) -> Num:
    return Num(n.value, n.half, n.text, n.loc, f"{_tname(ctx, table_id)}{n.label}", n.unit)


@rule("XT-EQ", "表间勾稽（决算）：总表、收入表、支出表、财政拨款表相互一致",
      "Between tables (final accounts): totals agree across tables", "error",
      "收支总表与收入、支出表的合计和各收入项，财政拨款收支总表与收入表、一般公共预算支出表、"
      "基本支出表、政府性基金表、国有资本经营表的对应数应当相等（domain-rules §2.2 XT-01…09）。",
      kinds=("决算",), needs=("FIN-01", "FIN-04"))
def final_equalities(ctx: Context) -> Iterator[Finding]:
    for rid, left, right, what in FIN_EQUAL:
        yield from _pair(ctx, rid, left, right, what)


@rule("BUD-EQ", "表间勾稽（预算）：收支总表、收入表、支出表、财政拨款表相互一致",
      "Between tables (budget): totals agree across tables", "error",
      "收支总表与收入总表、支出总表，财政拨款收支总表与一般公共预算支出表、政府性基金表、"
      "国有资本经营表，一般公共预算支出表基本支出与基本支出表应当相等（§2.5 BUD-05/07/10）。",
      kinds=("预算",), needs=("BUD-T1", "BUD-T4"))
def budget_equalities(ctx: Context) -> Iterator[Finding]:
    for rid, left, right, what in BUD_EQUAL:
        yield from _pair(ctx, rid, left, right, what)


def _classes(ctx: Context, rid: str, big: str, big_side: str | None, big_col: str, small: str,
             small_col: str, relation: str) -> Iterator[Finding]:
    """Class by class: big[c] = small[c] (relation '=') or big[c] >= small[c] ('>=')."""
    bt, st = ctx.table(big), ctx.table(small)
    if bt is None or st is None:
        return
    big_rows, small_rows = class_rows(ctx, bt, big_side), class_rows(ctx, st)
    for name, i in small_rows.items():
        j = big_rows.get(name)
        if j is None:
            continue
        from core.checks.refs import find_col

        bc, sc = find_col(ctx, bt, j, big_col), find_col(ctx, st, i, small_col)
        if bc is None or sc is None:
            continue
        a, b = ctx.num(bt, j, bc, wan=True), ctx.num(st, i, sc, wan=True)
        a = _named(a, ctx, big)
        b = _named(b, ctx, small)
        if relation == "=":
            yield from check_equal(rid, f"{rid}|{big}|{small}|{name}", f"“{name}”：{_tname(ctx, big)}与"
                                   f"{_tname(ctx, small)}不一致", f"'{name}': {big} vs {small}", a, b,
                                   "万元")
        elif b.value - b.half > a.value + a.half:
            yield Finding(rid, "error", f"“{name}”：{_tname(ctx, small)} {b.text} 大于 {_tname(ctx, big)} "
                          f"{a.text}（部分不应大于整体）", f"'{name}': {small} {b.text} exceeds {big} {a.text}",
                          f"{rid}|{big}|{small}|{name}", [n.loc for n in (a, b) if n.loc],
                          {"printed": b.text, "computed": a.value, "operands": [a.text, b.text]})


@rule("XT-CLS", "表间分类勾稽：各类支出在总表、支出表、财政拨款表间一致",
      "Between tables by class: each function class agrees", "error",
      "收支总表各类支出=支出决算表各类本年支出合计；财政拨款收支总表各类（一般公共预算列）="
      "一般公共预算财政拨款支出决算表各类；财政拨款不大于全部资金（XT-04/07/10/11）。",
      kinds=("决算",), needs=("FIN-01",))
def final_classes(ctx: Context) -> Iterator[Finding]:
    yield from _classes(ctx, "XT-04", "FIN-01", "支出", r".*", "FIN-03", r"本年支出合计|^合计", "=")
    yield from _classes(ctx, "XT-07", "FIN-04", "支出", r"一般公共预算", "FIN-05", r"^合计|小计|合计$", "=")
    yield from _classes(ctx, "XT-10", "FIN-03", None, r"本年支出合计|^合计", "FIN-05", r"^合计|合计$", ">=")
    yield from _classes(ctx, "XT-11", "FIN-01", "支出", r".*", "FIN-04", r"^合计 || 小计 || 决算数", ">=")


@rule("BUD-CLS", "预算表间分类勾稽：各类支出在收支总表、支出总表、财政拨款表间一致",
      "Budget tables by class: each function class agrees", "error",
      "收支总表各类支出=支出总表各类合计；财政拨款收支总表各类（一般公共预算列）=一般公共预算支出表"
      "各类；一般公共预算不大于支出总表（BUD-07/08）。", kinds=("预算",), needs=("BUD-T1",))
def budget_classes(ctx: Context) -> Iterator[Finding]:
    yield from _classes(ctx, "BUD-01", "BUD-T1", "支出", r".*", "BUD-T3", r"合计$|^合计", "=")
    yield from _classes(ctx, "BUD-07", "BUD-T4", "支出", r"一般公共预算 || 合计", "BUD-T5", r"合计$|^合计", "=")
    yield from _classes(ctx, "BUD-08", "BUD-T3", None, r"合计$|^合计", "BUD-T5", r"合计$|^合计", ">=")


SANGONG = [  # economic 款 of basic spending (part) within the 三公 table's column (whole)
    ("30212", "因公出国", r"因公出国"), ("30217", "公务接待", r"公务接待"),
    ("30231", "公务用车运行", r"用车运行|/运行(维护)?费$"), ("31013", "公务用车购置", r"购置费|车购置$"),
    ("30215", "会议费", r"会议费"), ("30216", "培训费", r"培训费"),  # tables that print them too
]


def _economic_row(ctx: Context, table, code: str, what: str) -> int | None:
    """The economic table's row of code, or, in a table printed without codes, of its name."""
    from core.checks.codes import name_key, scheme
    from core.checks.refs import find_row

    i = find_row(ctx, table, f"code:{code}")
    if i is not None:
        return i if what[:2] in str(Context.records(table)[i]["name"]) else None  # else CODE-02's
    if any(str(r["code"]) for r in Context.records(table)):
        return None
    names = {name_key(n) for n in (scheme("economic").codes.get(code, ""),
                                   *scheme("economic").aliases.get(code, [])) if n}
    return next((k for k, r in ctx.rows(table) if name_key(label(r["name"])) in names), None)


def sangong_figure(ctx: Context, st, col_rx: str) -> Num | None:
    """The 三公 table's figure for an item: its column in the data row, or (a table listing the
    items as rows) its row under the 决算数 / first value column."""
    from core.checks.refs import find_col

    rows = [i for i, r in ctx.rows(st) if any(r[c] is not None for c in ctx.value_columns(st))]
    row = rows[0] if rows else 0
    final = ctx.kind == "决算"
    col = find_col(ctx, st, row, (r"决算数/.*" if final else "") + col_rx
                   + (" || " + col_rx if final else ""))
    if col is not None and not re.search(col_rx, label(Context.records(st)[row]["name"])):
        return ctx.num(st, row, col, wan=True)
    cols = ctx.value_columns(st)
    value_col = next((c for c in cols if final and "决算" in c), cols[0] if cols else None)
    for i, r in ctx.rows(st):
        if value_col is not None and re.search(col_rx, label(r["name"])):
            return ctx.num(st, i, value_col, wan=True)
    return None


@rule("XT-SG", "“三公”经费不小于基本支出中的对应经济科目", "三公 not below the matching economic items",
      "error", "基本支出表中 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、"
      "31013 公务用车购置（表中列有时还有 30215 会议费、30216 培训费）不应大于“三公”经费表相应数"
      "（“三公”还含项目支出，不比较相等；表中不列编码时按科目名称对应）（XT-12）。",
      needs={"决算": ("FIN-06", "FIN-07"), "预算": ("BUD-T8", "BUD-T9")})
def sangong_vs_economic(ctx: Context) -> Iterator[Finding]:
    econ, sg = ("FIN-06", "FIN-07") if ctx.kind == "决算" else ("BUD-T8", "BUD-T9")
    et, st = ctx.table(econ), ctx.table(sg)
    if et is None or st is None or not len(st.frame):
        return
    from core.checks.refs import find_col

    for code, what, col_rx in SANGONG:
        i = _economic_row(ctx, et, code, what)
        if i is None:
            continue
        whole = sangong_figure(ctx, st, col_rx)
        ecol = find_col(ctx, et, i, r"^合计 || 决算数 || 金额 || .*")
        if whole is None or ecol is None:
            continue
        part = ctx.num(et, i, ecol, wan=True)
        if part.value - part.half > whole.value + whole.half:
            yield Finding("XT-SG", "error",
                          f"{_tname(ctx, econ)} {code} {part.label} {part.text} 大于 {_tname(ctx, sg)}"
                          f"“{what}”{whole.text or '（空）'}：“三公”经费应包含基本支出中的该项",
                          f"{econ} {code} {part.text} exceeds the 三公 table's {what} {whole.text or 'blank'}",
                          f"XT-SG|{code}", [n.loc for n in (part, whole) if n.loc],
                          {"printed": part.text, "computed": whole.value,
                           "operands": [part.text, whole.text]})
