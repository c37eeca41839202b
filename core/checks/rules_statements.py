"""The narrative against itself: the same figure given twice with different values (NAR-06) and
enumerated parts against their stated total (NAR-07)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.facts import chain_of
from core.checks.model import Finding
from core.checks.numbers import fmt
from core.checks.refs import norm_name
from core.checks.registry import rule
from core.checks.rules_narrative import narrative_num
from core.checks.rules_recompute import PRIOR, change_word, narrative_finding, paren_depth
from core.claims import Quantity, SentenceClaims, all_claims

MEASURE_BUDGET = re.compile(r"预算|安排")
MEASURE_FINAL = re.compile(r"决算|实际")
GENERIC_REF = re.compile(r"^(\d{4}年)?(当年)?(预算安排|预算数|预算|支出决算数?|决算数?|安排)$")
EXHAUSTIVE = [  # label keywords of enumerations that must add up to their total
    ("基本支出", ("人员经费", "公用经费")),
    ("资金", ("一般公共预算", "政府性基金")),  # a project's funds by budget (国有资本 may be left out)
]


def _measure(ctx: Context, label: str) -> str:
    if MEASURE_FINAL.search(label):
        return "final"
    if MEASURE_BUDGET.search(label):
        return "budget"
    return "final" if ctx.kind == "决算" else "budget"


@rule("NAR-06", "同一指标前后数额不一", "The same figure given twice with different values", "error",
      "同一段（同一科目）中，同一指标先后给出不同的金额，如“行政单位离退休（01项）56.12万元……"
      "2026年预算安排57.8万元”。")
def repeated(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[int, str, str], Quantity] = {}
    for c in all_claims(ctx.narrative):
        para = ctx.narrative.paragraph_of(c.sentence.start)
        text = ctx.narrative.text[c.sentence.start:c.sentence.end]
        chain = chain_of(text)
        subject_of_sentence = "/".join(norm_name(n) for n, _, _ in chain) if chain else ""
        for q in c.amounts():
            if change_word(q) or PRIOR.search(q.label) or paren_depth(ctx, c, q):
                continue
            own = chain_of(q.label)
            if own:
                subject = "/".join(norm_name(n) for n, _, _ in own)
            elif GENERIC_REF.match(q.label) and subject_of_sentence:
                subject = subject_of_sentence
            else:
                continue
            key = (para, subject, _measure(ctx, q.label))
            first = seen.get(key)
            if first is None:
                seen[key] = q
                continue
            a, b = narrative_num(ctx, first), narrative_num(ctx, q)
            if abs(a.value - b.value) > a.half + b.half:
                yield narrative_finding("NAR-06", "error",
                               f"同一科目“{subject.split('/')[-1]}”前后金额不一：{first.text}{first.unit} 与 {q.text}{q.unit}",
                               f"'{subject}' given as {first.text} and {q.text}",
                               f"NAR-06|{subject}|{first.text}|{q.text}", [first, q], ctx,
                               {"printed": [first.text, q.text]})


@rule("NAR-07", "分项之和与所述合计", "Enumerated parts against their stated total", "error",
      "“X万元，其中：A a万元、B b万元……”：各分项之和不应超过合计；"
      "基本支出（人员经费+公用经费）等完整列举的分项之和应等于合计。")
def enumerations(ctx: Context) -> Iterator[Finding]:
    for c in all_claims(ctx.narrative):
        text = ctx.narrative.text[c.sentence.start:c.sentence.end]
        m = re.search(r"其中[:：]?|包括[:：]?", text)
        if m is None:
            continue
        cut = c.sentence.start + m.start()
        amounts = [q for q in c.amounts() if not change_word(q) and not PRIOR.search(q.label)
                   and paren_depth(ctx, c, q) == 0]
        totals = [q for q in amounts if q.end <= cut]
        parts = _tied(ctx, c, cut, [q for q in amounts if q.start > cut])
        if not totals or len(parts) < 2:
            continue
        total = totals[-1]
        if "采购" in total.label:
            continue  # the procurement paragraph is NAR-GP's (rules_procurement)
        parts = [p for p in parts if not re.fullmatch(r"(合计|总计|共计|小计)", p.label)]
        if re.search(r"(包括|其中)[:：]?", text[m.end():]):
            parts = [p for p in parts if _top_level(ctx, p, cut)]
        if len(parts) < 2 or any(re.search(r"预留|中小企业|小微|面向", p.label) for p in parts):
            continue  # 中小企业 reserved amounts overlap the kinds of purchase
        t = narrative_num(ctx, total)
        ps = [narrative_num(ctx, p) for p in parts]
        s = sum((p.value for p in ps), Decimal(0))
        room = t.half + sum((p.half for p in ps), Decimal(0))
        exhaustive = any(word in total.label and all(any(k in p.label for p in parts) for k in kinds)
                         for word, kinds in EXHAUSTIVE)
        over = s - t.value > room
        short = exhaustive and t.value - s > room
        if not over and not short:
            continue
        terms = " + ".join(f"{p.label} {p.text}{p.unit}" for p in parts)
        said = f"{total.text}{total.unit}"
        zh = (f"分项之和大于合计：{terms} = {fmt(s)} 万元，大于“{total.label}”{said}" if over
              else f"分项之和与合计不符：{terms} = {fmt(s)} 万元，“{total.label}”为 {said}")
        zh += f"（差额 {fmt(s - t.value)} 万元，容差 ±{fmt(room, 4)}）"
        yield narrative_finding("NAR-07", "error", zh, f"Parts add up to {fmt(s)}, total says {total.text}",
                       f"NAR-07|{total.label}|{total.text}", [total, *parts], ctx,
                       {"printed": total.text, "computed": s, "operands": [p.text for p in parts]})


ENUM_ENDS = re.compile(r"加上|减去|扣除|再加|收支相抵|(合计|总计|共计)$")


def _tied(ctx: Context, c: SentenceClaims, cut: int, parts: list[Quantity]) -> list[Quantity]:
    """The amounts the sentence ties to its total by 其中/包括: up to the marker's closing bracket,
    a clause that adds or subtracts (加上…, 减去…), another total, or, past a ；, a figure of
    another kind than the first part ("本金…其中一般债券本金16亿元、专项债券本金297.5亿元；支付利息186.6亿元":
    interest is not part of 本金)."""
    text = ctx.narrative.text
    if paren_depth(ctx, c, Quantity("amount", Decimal(0), "", "", cut, cut)):
        return []  # "1,779亿元（其中，财政拨款1,441.4亿元），加上结余分配11.1亿元": only the bracket's
    out: list[Quantity] = []
    last = cut
    for q in parts:
        if ENUM_ENDS.search(q.label) or ENUM_ENDS.search(text[last:q.start].split("，")[-1]):
            break
        if out and "；" in text[last:q.start] and q.label[-2:] != out[0].label[-2:]:
            break
        out.append(q)
        last = q.end
    return out


def _top_level(ctx: Context, q: Quantity, cut: int) -> bool:
    """In "其中：A 1万元，主要包括：a 0.5万元、b…；B 2万元…" only A and B are parts of the total."""
    before = ctx.narrative.text[cut:q.start]
    separators = [ch for ch in before if ch in "、，；：:"]
    return len(separators) <= 1 or separators[-1] == "；"
