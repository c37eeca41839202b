"""说明到项级 (财预〔2016〕143号; domain-rules SEC-F06 "按上述格式依次说明到各项级科目"): every 项
of the 一般公共预算 支出 table that carries more than a small share of it is explained in the
narrative, by its 类/款/项 names (or its code), with its amount and what it is for.

A 项 counts as explained when the narrative names it in a chain or path whose 款 (or 类) is its
own, by its code, or by its name in a sentence that also gives its amount. A name one character
off (or without its trailing 支出) still counts here: TXT-NAME reports the wrong name.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding, Location
from core.checks.numbers import fmt
from core.checks.refs import norm_name
from core.checks.registry import rule
from core.checks.rules_narrative import narrative_num
from core.checks.subjects import Item, Mention, items, loose, mentions
from core.claims import sentence_claims

TABLE = {"决算": "FIN-05", "预算": "BUD-T5"}
SECTION = re.compile(r"一般公共预算.{0,12}(支出|拨款)|财政拨款支出|支出(预算|决算).{0,6}(情况|说明)")


def close(a: str, b: str) -> bool:
    """Two names the same, or one character apart (a typo, a dropped or doubled character)."""
    a, b = loose(a), loose(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _mentioned(ctx: Context, item: Item, siblings: list[Item], found: list[Mention]) -> bool:
    """Named by code; or by its 项 name under its own 款, or under its 类 when no other 项 of that 类
    has the name; or, named otherwise (a wrong or garbled name, TXT-NAME's finding), as a 项 under
    its own 款 in a sentence that gives its amount."""
    cls, kuan, xiang = item.names
    for m in found:
        names = [n for n, _, _ in m.items]
        codes = "".join(c or "" for _, c, _ in m.items)
        if item.code and (codes == item.code or (len(m.items) == 1 and m.items[0][1] == item.code)):
            return True
        levels = {lv: n for n, _, lv in m.items}
        if len(names) == 1 and m.longer:
            names = [m.longer]
        if not names[-1] or m.items[-1][2] != "项":
            continue
        own_kuan = "款" in levels and close(levels["款"], kuan)
        if close(names[-1], xiang):
            if own_kuan:
                return True
            if "类" in levels and not close(levels["类"], cls):
                continue
            alike = [s for s in siblings if s.names[0] == cls and close(s.names[2], xiang)]
            if len(alike) == 1 or _by_amount(ctx, item, [m.sentence], named=False):
                return True
        elif (own_kuan or "款" not in levels) and _by_amount(ctx, item, [m.sentence], named=False):
            return True
    return False


def _by_amount(ctx: Context, item: Item, sentences: list[int], named: bool = True) -> bool:
    """The 项 named (when named) in a sentence of the narrative that also gives its amount."""
    name = loose(item.names[2])
    for k in sentences:
        s = ctx.narrative.sentences[k]
        if named and name not in loose(ctx.narrative.text[s.start:s.end]):
            continue
        for q in sentence_claims(ctx.narrative, s).amounts():
            n = narrative_num(ctx, q)
            if abs(n.value - item.amount.value) <= n.half + item.amount.half:
                return True
    return False


@rule("TXT-COVER", "说明到项级：一般公共预算支出的项级科目均有说明",
      "Every 项 of general public budget spending is explained", "warn",
      "一般公共预算（财政拨款）支出表中，金额占合计比例不低于设定值（cover_min_share，默认1%）的每个项级"
      "科目，说明中都应列出其类、款、项名称（或编码）、金额和用途（财预〔2016〕143号，说明到项级）。",
      needs={"决算": ("FIN-05",), "预算": ("BUD-T5",)})
def coverage(ctx: Context) -> Iterator[Finding]:
    table = ctx.table(TABLE.get(ctx.kind, ""))
    if table is None:
        return
    column = next((c for c in ctx.value_columns(table) if re.search(r"合计|小计|金额|决算数|预算数", c)),
                  None) or (ctx.value_columns(table) or [None])[0]
    if column is None:
        return
    rows = items(ctx, table, column)
    total = sum((i.amount.value for i in rows), Decimal(0))
    if total <= 0:
        return
    share = Decimal(str(ctx.settings.tol("cover_min_share", 0.01)))
    found = mentions(ctx)
    sentences = [k for k, s in enumerate(ctx.narrative.sentences) if _in_section(ctx, s.section)]
    if not _explains_spending(ctx, rows, sentences):
        return  # the narrative does not go through the spending at all (published apart, or
        # missing: STR-06's finding)
    eligible = [i for i in rows if i.amount.value > 0 and i.amount.value >= share * total]
    missing = [i for i in eligible if not _mentioned(ctx, i, rows, found)
               and not _by_amount(ctx, i, sentences)]
    explained = [i for i in eligible if i not in missing]
    findings = [_missing(ctx, table, i, total) for i in missing]
    if len(findings) < 2:
        yield from findings
        return
    said = f"（已说明 {len(explained)} 个）" if explained else "均"
    yield Finding("TXT-COVER", "warn",
                  f"说明未细化到项级：{ctx.name(table)}中{len(findings)}个项级科目（共 "
                  f"{fmt(sum((i.amount.value for i in missing), Decimal(0)))} 万元）{said}未在说明中解释："
                  + "、".join(i.names[2] for i in missing[:8]) + ("等" if len(missing) > 8 else ""),
                  f"The narrative does not explain {len(findings)} items (项) of {table.id}",
                  f"TXT-COVER|{table.id}|{len(explained)}", [f.locations[0] for f in findings if f.locations],
                  {"operands": [i.code or i.names[2] for i in missing]}, members=findings)


def _in_section(ctx: Context, index: int | None) -> bool:
    """Outside the narrative's 基本支出 part (whose 经济分类 items may share a 项's name and amount)."""
    return not any("基本支出" in s.heading for s in ctx.narrative.section_path(index))


def _explains_spending(ctx: Context, rows: list[Item], sentences: list[int]) -> bool:
    """Some sentence gives a 类 of the table with an amount: the narrative goes through the
    spending by subject, so it should go down to its 项."""
    classes = {loose(i.names[0]) for i in rows} - {""}
    for k in sentences:
        s = ctx.narrative.sentences[k]
        text = norm_name(ctx.narrative.text[s.start:s.end])
        if any(c in text for c in classes) and sentence_claims(ctx.narrative, s).amounts():
            return True
    return False


def _missing(ctx: Context, table, item: Item, total: Decimal) -> Finding:
    cls, kuan, xiang = item.names
    where = [ctx.loc(table, item.row, "name")] + ([item.amount.loc] if item.amount.loc else [])
    where = [w for w in where if isinstance(w, Location)]
    pct = item.amount.value / total * 100
    code = f"{item.code} " if item.code else ""
    return Finding("TXT-COVER", "warn",
                   f"项级科目 {code}“{cls}-{kuan}-{xiang}”{item.amount.text}{item.amount.unit or '万元'}（占{pct:.1f}%）未在说明中解释"
                   f"（应说明类、款、项名称，金额及用途）",
                   f"The item {code}'{xiang}' ({item.amount.text}, {pct:.1f}%) is not explained in the "
                   f"narrative", f"TXT-COVER|{item.code or norm_name(cls + kuan + xiang)}", where,
                   {"printed": item.amount.text, "expected": xiang})
