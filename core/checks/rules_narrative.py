"""表文一致: every amount the narrative gives for a subject, a total or a fund is found in the tables."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.facts import (Target, chain_of, chain_targets, label_targets, sangong_targets,
                               tables_for)
from core.checks.model import Finding, Location
from core.checks.numbers import Num, amount, fmt
from core.checks.registry import rule
from core.claims import Quantity, SentenceClaims, all_claims

DELTA = re.compile(r"增加|减少|增长|下降|增支|减支|增幅|降幅|变动|差额|比\S{0,12}(多|少)")
PRIOR = re.compile(r"上年|去年|上一年|上年度|执行数|同期")
BUDGET_WORDS = re.compile(r"预算")  # once the names of the budgets (FUND_BUDGETS) are taken out
FUND_BUDGETS = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")
GENERIC = re.compile(r"^(支出)?(决算|决算数|支出决算|预算数|预算安排|安排|预算|支出|金额)$")
SANGONG_WORDS = re.compile(r"三公|因公出国|公务接待|公务用车")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def section_text(ctx: Context, sentence_section: int | None) -> str:
    return "".join(s.heading for s in ctx.narrative.section_path(sentence_section))


def locations(ctx: Context, q: Quantity) -> list[Location]:
    return [Location(p, b, text=q.text) for p, b in ctx.narrative.boxes(q.start, q.end)]


def claim_locations(ctx: Context, q: Quantity) -> list[Location]:
    """The clause from its subject up to the number: what was compared, either part may be wrong."""
    start = q.clause_start if 0 <= q.start - q.clause_start <= 60 else q.start
    text = ctx.narrative.text[start:q.end].strip()
    return [Location(p, b, text=text) for p, b in ctx.narrative.boxes(start, q.end)]


def narrative_num(ctx: Context, q: Quantity) -> Num:
    locs = locations(ctx, q)
    return amount(q.text, q.unit, locs[0] if locs else None, q.label)


def _skip(ctx: Context, q: Quantity, sec: str) -> bool:
    before = q.clause[:max(0, q.start - q.clause_start)]
    if DELTA.search(before) or PRIOR.search(before) or PRIOR.search(q.label):
        return True
    if re.fullmatch(r"[（(]?\d*[)）]?(合计|总计|小计|共计)", q.label.strip()):
        return True  # a total of what? (often a table printed as text that was not recognised)
    years = [int(y) for y in YEAR.findall(before)]
    if ctx.doc.year and any(y != ctx.doc.year for y in years):
        return True
    if ctx.kind == "决算" and BUDGET_WORDS.search(FUND_BUDGETS.sub("", q.label)) and "三公" not in sec:
        return True  # 年初预算 figures of a final account are not in its tables
    return False


def _sentence_subject(claims: SentenceClaims, q: Quantity) -> str:
    """What the sentence's first figure is of, without its measure words ("公务接待费全年预算数")."""
    first = claims.amounts()[0] if claims.amounts() else None
    if first is None or first is q:
        return ""
    return re.sub(r"(全年|年初|调整)?(预算|决算)?(数|安排)?(为)?$", "", first.label)


def _matches(n: Num, target: Target) -> bool:
    return any(abs(n.value - t.value) <= n.half + t.half for t in target.nums)


def _ten_thousand_off(n: Num, v: Num) -> bool:
    """n and v differ by a factor of 10,000 (元 written as 万元 or the reverse)."""
    if not n.value or not v.value:
        return False
    return any(abs(a - b) / max(abs(a), abs(b)) < Decimal("0.001")
               for a, b in ((n.value * 10000, v.value), (n.value, v.value * 10000)))


def _amount_findings(ctx: Context, claims: SentenceClaims, chain: list, sec: str
                     ) -> Iterator[Finding]:
    if "绩效" in sec:
        return  # a self-evaluation's funds are the projects' budgets, not the tables' figures
    tables = tables_for(ctx, sec)
    for q in claims.amounts():
        if _skip(ctx, q, sec):
            continue
        own = chain_of(q.label)
        subject = _sentence_subject(claims, q) if GENERIC.match(q.label) else ""
        if own:
            targets = chain_targets(ctx, own, tables)
        elif SANGONG_WORDS.search(subject):  # "公务接待费预算为X万元，支出决算为Y万元"
            targets = sangong_targets(ctx, subject + q.label)
        elif GENERIC.match(q.label) and chain:
            targets = chain_targets(ctx, chain, tables)
        else:
            targets = label_targets(ctx, q.label, tables)
        targets = [t for t in targets if t.nums]
        if not targets:
            continue
        n = narrative_num(ctx, q)
        if any(_matches(n, t) for t in targets):
            continue
        near = next((v for t in targets for v in t.nums if abs(n.value - v.value) < 2 * n.half + v.half), None)
        if near is not None:  # 78.21 for 782,164 元: truncated rather than rounded
            yield Finding("TXT-AMT", "info",
                          f"说明中“{q.label}”为 {q.text}{q.unit}，表中为 {near.text}{near.unit or '万元'}：尾数取舍不同（截尾）",
                          f"'{q.label}' {q.text}{q.unit} is the table's {near.text} truncated, not rounded",
                          f"TXT-AMT|{q.label}|{q.text}", locations(ctx, q) + ([near.loc] if near.loc else []),
                          {"printed": q.text, "computed": near.value, "rounding": True})
            continue
        best = targets[0]
        shown = best.nums[0]
        scaled = [t for t in targets if any(_ten_thousand_off(n, v) for v in t.nums)]
        subject = f"TXT-AMT|{q.label}|{q.text}"
        locs = claim_locations(ctx, q) + [t.loc for t in best.nums[:1] if t.loc]
        if scaled:
            yield Finding("FMT-04", "error",
                          f"说明中“{q.label}”为 {q.text}{q.unit}，与{scaled[0].describe}相差一万倍：疑似元与万元混用",
                          f"'{q.label}' {q.text}{q.unit} is 10,000 times off the table: 元 and 万元 mixed up",
                          subject, locs, {"printed": q.text, "computed": shown.value, "unit": q.unit})
            continue
        yield Finding("TXT-AMT", "error",
                      f"说明中“{q.label}”为 {q.text}{q.unit}，而{best.describe}为 "
                      f"{shown.text + (shown.unit or '万元') if shown.text else '0（未列数）'}"
                      f"（差额 {fmt(n.value - shown.value)} 万元，容差 ±{fmt(n.half + shown.half, 4)}）",
                      f"Narrative '{q.label}' {q.text}{q.unit} differs from the table "
                      f"({shown.text or 'blank'}; difference {fmt(n.value - shown.value)} 万元, "
                      f"tolerance ±{fmt(n.half + shown.half, 4)})",
                      subject, locs, {"printed": q.text, "computed": shown.value,
                                      "diff": n.value - shown.value, "unit": "万元"})


@rule("TXT-AMT", "说明金额与表格一致", "Narrative amounts agree with the tables", "error",
      "说明中给出的各项金额（总计、合计、各收入支出项、各类款项科目、基本支出、人员经费、公用经费、"
      "“三公”经费等）应与对应表格的数一致（单位换算后，允许尾数误差）。")
def narrative_amounts(ctx: Context) -> Iterator[Finding]:
    chain: list = []
    paragraph = -1
    for claims in all_claims(ctx.narrative):
        s = claims.sentence
        para = ctx.narrative.paragraph_of(s.start)
        if para != paragraph:
            paragraph, chain = para, []
        found = chain_of(ctx.narrative.text[s.start:s.end])
        if found:
            chain = found
        yield from _amount_findings(ctx, claims, chain, section_text(ctx, s.section))


__all__ = ["narrative_amounts", "Decimal"]
