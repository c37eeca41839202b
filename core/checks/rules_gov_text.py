"""政府报告表文一致: the report's figures against its own tables, same fund, scope and basis.

"2023年市本级一般公共预算支出464.81亿元，为预算的90.3%，增长6.2%" is the 本级 一般公共预算 line of
the 决算 tables, in 亿元 against 万元. A figure is compared only with a line it certainly names:
the same name once fund and scope words are set aside (转移性收入, 收入合计, 一般债务还本支出), or a
fund's headline (…一般公共预算收入) when one headline line of that scope has the same value (the
headline may include the bond-funded spending a table prints apart, so a headline that matches
nothing is no finding). Percentages said of a matched line are checked against its columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from core.checks.context import Context
from core.checks.gov_frame import clean_name, gov_tables, roles, sides
from core.checks.model import Finding
from core.checks.numbers import Num, amount, fmt, plain
from core.checks.registry import rule
from core.checks.rules_gov import GOV, fund_scope, where
from core.checks.rules_gov_debt import debt_cells
from core.checks.rules_narrative import locations
from core.checks.rules_recompute import change_word, paren_depth
from core.claims import Quantity, SentenceClaims, all_claims
from core.tables.model import ParsedTable

FUNDS = (("GOV-GP", re.compile(r"一般公共预算")), ("GOV-GF", re.compile(r"政府性基金")),
         ("GOV-SOE", re.compile(r"国有资本经营")), ("GOV-SI", re.compile(r"社会保险基金")))
ALL = re.compile(r"全(市|区|县|省|州)")
OWN = re.compile(r"(市|区|县|省|州)?本级|(市|区|县|省|州)级")
FUND_WORDS = re.compile(r"一般公共预算|政府性基金(预算)?|国有资本经营(预算)?|社会保险基金(预算)?")
SCOPE_WORDS = re.compile(r"全(市|区|县|省|州)|(市|区|县|省|州)?本级|(市|区|县|省|州)级|(?:19|20)\d{2}年度?")
# not this year's figure of a line: 上年…(but 上年累计结余 is a line), 年初…由…调整为, 约, 超过
SKIP_LABEL = re.compile(r"(上年|去年)(?!累计|结转|结余)|同期|年初|由|调整$|增加|减少|比|较|可比|约|近|超过|以上")
HEADLINE = {"收入", "支出"}


@dataclass(frozen=True)
class Line:
    table: ParsedTable
    row: int
    side: str


def _context(ctx: Context, c: SentenceClaims, q: Quantity) -> tuple[str, str]:
    """The sentence up to the figure, and the headings above it."""
    heads = "".join(s.heading for s in ctx.narrative.section_path(c.sentence.section))
    return ctx.narrative.text[c.sentence.start:q.start], heads


def _fund(text: str, last: bool = True) -> str | None:
    """The fund named last (in a label) or first (in a sentence: its subject)."""
    found = sorted((m.start(), fund) for fund, rx in FUNDS for m in rx.finditer(text))
    return (found[-1] if last else found[0])[1] if found else None


def _scope(text: str, last: bool = True) -> str | None:
    found = sorted([(m.start(), "") for m in ALL.finditer(text)]
                   + [(m.start(), "-BJ") for m in OWN.finditer(text)])
    return (found[-1] if last else found[0])[1] if found else None


def _core(label: str) -> str:
    """What a narrative label or a row name names, without fund, scope and year words."""
    text = re.sub(r"^.*等(?=[^等]*$)", "", label) if "等" in label else label
    text = re.sub(r"^(加上|其中|减去|包括)[：:]?", "", text)
    text = clean_name(text)
    text = SCOPE_WORDS.sub("", FUND_WORDS.sub("", text))
    return re.sub(r"(预算数?|预算安排|安排|决算数?|执行数)$", "", text) or text  # 收入预算 -> 收入


def _lines(ctx: Context, fund: str, scope: str, exec_: bool) -> list[Line]:
    out = []
    for t in gov_tables(ctx):
        f, s = fund_scope(t.id)
        if f == fund and s == scope + ("-EXEC" if exec_ else ""):
            out.extend(Line(t, i, side) for side in sides(t) for i, _ in Context.rows(t, side))
    return out


def _value_col(ctx: Context, line: Line, label: str) -> str | None:
    rl = roles(line.table, line.side)
    if "调整预算" in label:
        return rl.adjusted
    if re.search(r"预算$|预算数$", label) and not re.search(r"执行|决算|完成", label):
        return rl.budget
    return rl.final if ctx.doc.kind == "决算" or "EXEC" in line.table.id else rl.budget or rl.final


def _said(q: Quantity, ctx: Context) -> Num:
    locs = locations(ctx, q)
    return amount(q.text, q.unit, locs[0] if locs else None, q.label)


def _agrees(a: Num, b: Num) -> bool:
    return abs(a.value - b.value) <= a.half + b.half


@rule("GOV-TXT", "政府报告说明与附表一致", "Report figures agree with its tables", "error",
      "报告中的收入、支出、转移性收支、合计等数额及其为预算%、增长%，与同一预算（一般公共预算、政府性基金…）、"
      "同一口径（全市/本级）、同一口径数（预算数/调整预算数/决算数）的附表行一致（亿元对万元，按印刷精度）。",
      documents=GOV)
def narrative(ctx: Context) -> Iterator[Finding]:
    if not gov_tables(ctx):
        return
    for c in all_claims(ctx.narrative):
        amounts = [q for q in c.quantities if q.kind == "amount" and q.unit in ("亿元", "万元")]
        for q in amounts:
            if change_word(q) or paren_depth(ctx, c, q) or SKIP_LABEL.search(_core(q.label)):
                continue
            before, heads = _context(ctx, c, q)
            fund = _fund(q.label) or _fund(before, last=False) or _fund(heads)
            scope = next((s for s in (_scope(q.label), _scope(before, last=False), _scope(heads))
                          if s is not None), {"全市": "", "本级": "-BJ"}.get(ctx.doc.level or ""))
            lead = next(p for p in c.quantities if p.kind == "amount")
            if scope is not None and "债务" in heads + before + q.label and \
                    re.search(r"限额|余额", _core(q.label) + lead.label):
                yield from _debt(ctx, c, q, scope)
                continue
            if fund is None or scope is None or re.search(r"债务|债券", _core(q.label)):
                continue
            text = heads + before
            exec_ = bool(re.search(r"上半年|\d{1,2}\s*[-－—至]\s*\d{1,2}月", text)) or (
                ctx.doc.kind == "预算" and "执行" in heads)  # a budget report's review of last year
            yield from _compare(ctx, c, q, _lines(ctx, fund, scope, exec_))


def _debt(ctx: Context, c: SentenceClaims, q: Quantity, scope: str) -> Iterator[Finding]:
    """债务限额 and 债务余额 (and their 一般/专项 parts in the 其中 list) against the debt tables."""
    lead = next(p for p in c.quantities if p.kind == "amount")
    named = re.search(r"限额|余额", q.label)
    measure = (named or re.search(r"限额|余额", lead.label) or [None])[0]
    kind = "一般" if "一般" in q.label else "专项" if "专项" in q.label else ""
    before = ctx.narrative.text[c.sentence.start:q.start]
    years = {int(y) for y in re.findall(r"((?:19|20)\d{2})年", before)}
    if measure is None or (q is not lead and not named and not kind) or years - {ctx.doc.year}:
        return  # not a limit or a balance, or another year's
    said = _said(q, ctx)
    cells = [(t, r, col, ctx.num(t, r, col, wan=True)) for t, r, col in
             debt_cells(ctx, measure, kind, scope)]
    cells = [x for x in cells if not x[3].blank]
    if not cells or any(_agrees(said, n) for *_, n in cells):
        return
    table, row, col, cell = cells[0]
    rounding = abs(said.value - cell.value) <= 3 * said.half + cell.half
    name = clean_name(Context.records(table)[row]["name"])
    yield Finding("GOV-TXT", "info" if rounding else "error",
                  f"说明中“{q.label[-24:]}”为 {q.text}{q.unit}，而{where(ctx, table)}“{name}”（{col}）为 "
                  f"{cell.text}{table.unit or '万元'}（{fmt(cell.value / 10000)}亿元）"
                  + ("，在尾数误差范围内" if rounding else ""),
                  f"The report says {q.text}{q.unit} of debt; {table.id} {name} ({col}) prints "
                  f"{cell.text}", f"GOV-TXT|{table.id}|{name}|{col}|{q.text}",
                  [*locations(ctx, q), *([cell.loc] if cell.loc else [])],
                  {"printed": q.text, "expected": cell.text, "rounding": rounding})


def _compare(ctx: Context, c: SentenceClaims, q: Quantity, lines: list[Line]) -> Iterator[Finding]:
    core = _core(q.label)
    if not core or not lines:
        return
    said = _said(q, ctx)
    named = [ln for ln in lines if _core(str(Context.records(ln.table)[ln.row]["name"])) == core]
    if core in HEADLINE:  # only a line whose value confirms it
        confirmed = [ln for ln in named + [ln for ln in lines if _is_total(ln)]
                     if (col := _value_col(ctx, ln, q.label))
                     and _agrees(said, _cell(ctx, ln, col))]
        if confirmed:
            yield from _percents(ctx, c, q, confirmed)
        return
    if not named:
        return
    checked = [(ln, col) for ln in named if (col := _value_col(ctx, ln, q.label))]
    if not checked or any(_agrees(said, _cell(ctx, ln, col)) for ln, col in checked):
        agreeing = [ln for ln, col in checked if _agrees(said, _cell(ctx, ln, col))]
        yield from _percents(ctx, c, q, agreeing)
        return
    if any(_agrees(said, _cell(ctx, ln, other)) for ln, _ in checked
           for other in roles(ln.table, ln.side).amounts):
        return  # the figure is another column of the line (预算 for 决算): the basis is unclear
    ln, col = checked[0]
    cell = _cell(ctx, ln, col)
    if cell.blank:
        return
    name = clean_name(Context.records(ln.table)[ln.row]["name"])
    # one unit of the last printed digit: a figure the report derived from other rounded figures
    # (转移性支出 = 支出合计 − 支出, 4414.92 − 2636.23 = 1778.69 against 1,778.6971) is 尾数误差
    rounding = abs(said.value - cell.value) <= 3 * said.half + cell.half
    yield Finding("GOV-TXT", "info" if rounding else "error",
                  f"说明中“{q.label[-24:]}”为 {q.text}{q.unit}，而{where(ctx, ln.table)}“{name}”（{col}）为 "
                  f"{cell.text}{ln.table.unit or '万元'}（{fmt(cell.value / 10000)}亿元；差额 "
                  f"{fmt(said.value - cell.value)} 万元）" + ("，在尾数误差范围内" if rounding else ""),
                  f"The report says {q.text}{q.unit} for {name}; {ln.table.id} ({col}) "
                  f"prints {cell.text}",
                  f"GOV-TXT|{ln.table.id}|{name}|{col}|{q.text}",
                  [*locations(ctx, q), *([cell.loc] if cell.loc else [])],
                  {"printed": q.text, "expected": cell.text, "rounding": rounding})


def _is_total(line: Line) -> bool:
    name = clean_name(Context.records(line.table)[line.row]["name"])
    return name in ("合计", "总计") and not any("转移性" in str(r["name"])
                                             for _, r in Context.rows(line.table, line.side))


def _cell(ctx: Context, line: Line, col: str) -> Num:
    return ctx.num(line.table, line.row, col, wan=True)


def _percents(ctx: Context, c: SentenceClaims, q: Quantity, lines: list[Line]) -> Iterator[Finding]:
    """为预算的X%, 增长Y% said right after the figure, against the line's own columns."""
    after = [p for p in c.quantities if p.start > q.start]
    nxt = next((k for k, p in enumerate(after) if p.kind == "amount"), len(after))
    for p in after[:nxt]:
        if p.kind != "percent" or re.search(r"可比|同口径|剔除|扣除", p.label):
            continue
        with_pct = [ln for ln in lines if roles(ln.table, ln.side).percents]
        for ln in with_pct[:1]:  # the line of a table that prints percentages
            yield from _percent(ctx, q, p, ln)


def _percent(ctx: Context, q: Quantity, p: Quantity, ln: Line) -> Iterator[Finding]:
    rl = roles(ln.table, ln.side)
    word = change_word(p)
    if word:
        kind = "growth"
    elif re.search(r"调整预算", p.label):
        kind = "adjusted"
    elif re.search(r"预算", p.label):
        kind = "budget"
    else:
        return
    col = next((col for col, base in rl.percents if base == kind), None)
    shift = 0
    if col is None and kind == "growth":
        col, shift = next((col for col, base in rl.percents if base == "prior"), None), 100
    if col is None:
        return
    printed = ctx.num(ln.table, ln.row, col)
    if printed.blank:
        return
    sign = -1 if re.search(r"下降|减少|降低", word) else 1
    table_says = printed.value - shift
    locs = locations(ctx, p)
    stated = plain(p.text, locs[0] if locs else None)
    if abs(sign * stated.value - table_says) <= stated.half + printed.half:
        return
    name = clean_name(Context.records(ln.table)[ln.row]["name"])
    shown = f"{col} {printed.text}"
    if shift:
        shown += f"（即{'增长' if table_says >= 0 else '下降'} {fmt(abs(table_says), 1)}%）"
    said = f"{word or '为' + p.label + '的'}{p.text}%"
    yield Finding("GOV-TXT", "error",
                  f"说明中“{q.label[-20:]}”{q.text}{q.unit}，{said}，而{where(ctx, ln.table)}"
                  f"“{name}”{shown}",
                  f"The report says {p.text}% for {name}; {ln.table.id} prints {col} "
                  f"{printed.text}",
                  f"GOV-TXT|{ln.table.id}|{name}|{col}|{p.text}",
                  [*locs, *([printed.loc] if printed.loc else [])],
                  {"printed": p.text, "expected": printed.text})
