"""说明复算: the narrative's own arithmetic — year-on-year changes, shares, completion rates and the
direction words that go with them (domain-rules.md §2.4 NAR-01…04)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding
from core.checks.numbers import (NEAR_PP, PASS_PP, Num, Verdict, fmt, pct_gap, percent_severity,
                                 percent_verdict, plain)
from core.checks.registry import rule
from core.checks.rules_narrative import locations, narrative_num
from core.claims import Quantity, SentenceClaims, all_claims

UP, DOWN = re.compile(r"(增加|增长|上升|提高|增支|多)$"), re.compile(r"(减少|下降|降低|减支|少)$")
FLAT = re.compile(r"持平|无变化|没有变化|基本持平")
PRIOR = re.compile(r"上年|去年|上一年|执行数|(?:19|20)\d{2}年(度)?(当年)?(预算|决算)?(执行)?数?$")
BUDGET, FINAL = re.compile(r"预算|安排"), re.compile(r"决算|实际|支出数|执行(?!率)")
RATE_WORDS = re.compile(r"完成|执行率")


def change_word(q: Quantity) -> str:
    before = q.clause[:q.start - q.clause_start]
    m = re.search(r"(增加|减少|增长|下降|上升|降低|提高|增支|减支)\s*[了约]?\s*$", before)
    return m.group(1) if m else ""


def _direction(word: str) -> int:
    return 1 if UP.search(word) else -1 if DOWN.search(word) else 0


def pct_num(q: Quantity, ctx: Context) -> Num:
    locs = locations(ctx, q)
    return plain(q.text, locs[0] if locs else None, q.label)


def pct_verdict(ctx: Context, stated: Num, num: Num, den: Num) -> Verdict | None:
    """percent_verdict with the tolerance bands of the rule settings (domain-rules §0.3)."""
    return percent_verdict(stated, num, den,
                           Decimal(str(ctx.settings.tol("percent_info_points", NEAR_PP))),
                           Decimal(str(ctx.settings.tol("percent_pass_points", PASS_PP))))


def narrative_finding(rule_id: str, severity: str, zh: str, en: str, subject: str, qs: list[Quantity],
             ctx: Context, values: dict) -> Finding:
    locs = [loc for q in qs for loc in locations(ctx, q)]
    sentence = ctx.narrative.sentence_at(qs[0].start) if qs else None
    if sentence is not None:
        values = {**values, "sentence": sentence.text}
    return Finding(rule_id, severity, zh, en, subject, locs, values)


def _paragraph_amounts(ctx: Context, claims: list[SentenceClaims]) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = {}
    for c in claims:
        para = ctx.narrative.paragraph_of(c.sentence.start)
        out.setdefault(para, []).extend(q for q in c.amounts() if not change_word(q))
    return out


def _current(c: SentenceClaims, before: int, previous: list[Quantity]) -> Quantity | None:
    """The amount a change is a change of: the last plain amount before it in the sentence, else
    in the paragraph so far."""
    own = [q for q in c.amounts() if q.end <= before and not change_word(q)
           and not PRIOR.search(q.label)]
    if own:
        return own[-1]
    earlier = [q for q in previous if q.end <= before and not PRIOR.search(q.label)]
    return earlier[-1] if earlier else None


def _segments(ctx: Context, c: SentenceClaims) -> list[tuple[str, list[Quantity]]]:
    """The sentence cut at ；, each part with its numbers (outside parentheses)."""
    text = ctx.narrative.text[c.sentence.start:c.sentence.end]
    cuts = [c.sentence.start + i for i, ch in enumerate(text) if ch in "；;"] + [c.sentence.end]
    out, start = [], c.sentence.start
    for end in cuts:
        qs = [q for q in c.quantities if start <= q.start < end and paren_depth(ctx, c, q) == 0]
        out.append((ctx.narrative.text[start:end], qs))
        start = end + 1
    return out


def paren_depth(ctx: Context, c: SentenceClaims, q: Quantity) -> int:
    before = ctx.narrative.text[c.sentence.start:q.start]
    return max(0, before.count("（") + before.count("(") - before.count("）") - before.count(")"))


@rule("NAR-YOY", "同比增减额、增减率与方向复算", "Year-on-year changes recomputed", "error",
      "说明中“比上年增加/减少X万元，增长/下降Y%”：上年数=本年数∓增减额，增减率=增减额/上年数；"
      "增加/减少与增长/下降方向一致；上年为0时不应给出增长率；“持平”时增减为0。")
def year_on_year(ctx: Context) -> Iterator[Finding]:
    claims = all_claims(ctx.narrative)
    paragraphs = _paragraph_amounts(ctx, claims)
    for c in claims:
        para = paragraphs.get(ctx.narrative.paragraph_of(c.sentence.start), [])
        for text, qs in _segments(ctx, c):
            if not re.search(r"比|较|与.{0,12}相比|同比|上年", text):
                continue
            amounts = [q for q in qs if q.kind == "amount"]
            deltas = [q for q in amounts if change_word(q)]
            rates = [q for q in qs if q.kind == "percent" and change_word(q)]
            priors = [q for q in amounts if PRIOR.search(q.label) and not change_word(q)]
            plain_amounts = [q for q in amounts if not change_word(q) and q not in priors]
            anchor = deltas[0] if deltas else rates[0] if rates else None
            if anchor is None:
                continue
            before = [q for q in plain_amounts if q.end <= anchor.start]
            cur = before[-1] if before else None
            if cur is None and not plain_amounts and not priors:
                earlier = [q for q in para if q.end <= anchor.start and not PRIOR.search(q.label)]
                cur = earlier[-1] if earlier else None
            if cur is None or not _comparable(cur, priors[-1] if priors else None, text, cur in qs):
                continue
            d = deltas[0] if deltas else None
            rate = next((r for r in rates if d is None or r.start > d.start), None)
            yield from _check_change(ctx, cur, d, rate, priors[-1] if priors else None, text)


SCOPE = re.compile(r"全(?:市|区|县|省|州)|(?:市|区|县|省|州)?本级|(?:市|区|县|省|州)级")


def _comparable(cur: Quantity, prior: Quantity | None, segment: str, own: bool) -> bool:
    """A change compares one item with itself: the same scope (本级 with 本级, 全市 with 全市) and,
    against last year's budget, this year's budget. A figure taken from an earlier sentence (own
    False) is the base only when this part names no other scope."""
    def scope(text: str) -> str | None:
        found = SCOPE.findall(text)
        return ("本级" if "本级" in found[-1] or found[-1].endswith("级") else "全") if found else None

    mine = scope(cur.label)
    if prior is not None:
        theirs = scope(prior.label)
        if mine and theirs and mine != theirs:
            return False
        if BUDGET.search(prior.label) and not FINAL.search(prior.label) \
                and not BUDGET.search(cur.label):
            return False  # 决算 against 上年预算数: not the same measure
    if not own and scope(segment) and scope(segment) != mine:
        return False
    return True


def _check_change(ctx: Context, cur: Quantity, d: Quantity | None, rate: Quantity | None,
                  prior: Quantity | None, text: str) -> Iterator[Finding]:
    c = narrative_num(ctx, cur)
    subject = f"NAR-YOY|{cur.label}|{cur.text}"
    dir_d = _direction(change_word(d)) if d else 0
    dir_r = _direction(change_word(rate)) if rate else 0
    if d and rate and dir_d and dir_r and dir_d != dir_r and rate.value != 0:
        yield narrative_finding("NAR-YOY", "error", f"方向矛盾：“{change_word(d)}{d.text}{d.unit}”却“{change_word(rate)}"
                       f"{rate.text}%”", f"Contradicting directions: {change_word(d)} vs {change_word(rate)}",
                       subject + "|dir", [d, rate], ctx, {"printed": [d.text, rate.text]})
        return
    if prior is not None:
        p = narrative_num(ctx, prior)
        actual = c.value - p.value
        if d is not None:
            dn = narrative_num(ctx, d)
            expect = abs(actual)
            if abs(dn.value - expect) > dn.half + c.half + p.half:
                yield narrative_finding("NAR-YOY", "error",
                               f"增减额不符：{cur.text}−{prior.text}={fmt(actual)}万元，说明为“{change_word(d)}{d.text}{d.unit}”",
                               f"Change misstated: {cur.text} - {prior.text} = {fmt(actual)}",
                               subject + "|delta", [cur, prior, d], ctx,
                               {"printed": d.text, "computed": actual})
        word_dir = dir_d or dir_r
        if word_dir and abs(actual) > c.half + p.half and (1 if actual > 0 else -1) != word_dir:
            yield narrative_finding("NAR-YOY", "error",
                           f"方向不符：本年 {cur.text} 与上年 {prior.text} 相比应为{'增加' if actual > 0 else '减少'}，"
                           f"说明为“{change_word(d) if d else change_word(rate)}”",
                           "Direction word contradicts the figures", subject + "|dir2",
                           [cur, prior] + [q for q in (d, rate) if q], ctx,
                           {"printed": cur.text, "computed": actual})
            return
        delta = Num(abs(actual), c.half + p.half, fmt(abs(actual)))
        base = p
    elif d is not None:
        dn = narrative_num(ctx, d)
        sign = dir_d or dir_r or 1
        base = Num(c.value - sign * dn.value, c.half + dn.half, fmt(c.value - sign * dn.value))
        delta = dn
        if FLAT.search(text) and dn.value != 0 and "基本持平" not in text:
            yield narrative_finding("NAR-YOY", "error", f"说明称“持平”，却有增减额 {d.text}{d.unit}",
                           "Says 'unchanged' yet states a change", subject + "|flat", [d], ctx,
                           {"printed": d.text})
    else:
        return
    if rate is None:
        return
    if base.value - base.half <= 0 < base.value + base.half or base.value == 0:
        if rate.value != 0:
            yield narrative_finding("NAR-YOY", "error",
                           f"上年数为 0（本年 {cur.text}，增加 {fmt(delta.value)}），不应表述为增长 {rate.text}%",
                           f"Prior-year base is 0; a growth rate of {rate.text}% is meaningless",
                           subject + "|zero", [cur, rate] + ([d] if d else []), ctx,
                           {"printed": rate.text, "computed": Decimal(0)})
        return
    stated = pct_num(rate, ctx)
    verdict = pct_verdict(ctx, stated, delta, base)
    if verdict is None or not verdict.failed:
        return
    severity = percent_severity(verdict)
    gap = pct_gap(verdict, stated, delta, base)
    yield narrative_finding("NAR-YOY", severity,
                   f"增减率复算不符：{fmt(delta.value)}÷{fmt(base.value)}={verdict.computed:.2f}%，说明为 {rate.text}%"
                   + gap[0],
                   f"Rate recomputed {delta.text}/{base.text or fmt(base.value)} = {verdict.computed:.2f}% vs stated {rate.text}%"
                   + gap[1], subject + "|rate",
                   [q for q in (cur, d, rate, prior) if q], ctx,
                   {"printed": rate.text, "computed": verdict.computed,
                    "rounding": verdict.status == "rounding"})


@rule("NAR-RATE", "预算完成率复算", "Completion rates recomputed", "error",
      "“年初预算X万元，决算Y万元，完成年初预算的Z%”：Z=Y÷X；预算为0时不应计算完成率"
      "（“决算数大于/小于/等于预算数”的方向由 NAR-CMP 核对）。")
def completion(ctx: Context) -> Iterator[Finding]:
    claims = all_claims(ctx.narrative)
    for k, c in enumerate(claims):
        budgets = [q for q in c.amounts() if BUDGET.search(q.label) and not PRIOR.search(q.label)
                   and "决算" not in q.label]
        finals = [q for q in c.amounts() if FINAL.search(q.label) and q not in budgets
                  and not change_word(q) and not re.search(r"上年|去年", q.label)]
        final = next((q for q in finals if "执行" in q.label), finals[0] if finals else None)
        if not budgets or final is None:
            continue
        rate_q = next((q for q in c.quantities if q.kind == "percent" and RATE_WORDS.search(q.label)), None)
        named = re.search(r"(年初|全年|调整)", rate_q.label).group(1) if rate_q and re.search(
            r"(年初|全年|调整)", rate_q.label) else ""
        budget = next((q for q in budgets if named and named in q.label), budgets[0])
        others = [q for q in budgets if q is not budget]
        b, f = narrative_num(ctx, budget), narrative_num(ctx, final)
        subject = f"NAR-RATE|{budget.label}|{budget.text}|{final.text}"
        later = [q for q in finals if q.start > final.start]
        limit = later[0].start if later else c.sentence.end
        for r in (q for q in c.quantities if q.kind == "percent" and RATE_WORDS.search(q.label)
                  and final.start < q.start < limit):  # the rate of this pair, not of sub-items
            alt = next((o for o in others if (v := pct_verdict(
                ctx, pct_num(r, ctx), f, narrative_num(ctx, o))) is not None and not v.failed), None)
            if alt is not None:
                yield narrative_finding("NAR-RATE", "warn",
                               f"完成率 {r.text}% 是按“{alt.label}”{alt.text}万元计算的，但说明称“{r.label}”",
                               f"The rate {r.text}% is against {alt.label}, not {r.label}", subject + "|base",
                               [r, alt], ctx, {"printed": r.text})
                continue
            if b.value == 0:
                yield narrative_finding("NAR-RATE", "error", f"{budget.label}为 0，“{r.label}的{r.text}%”无意义",
                               "Budget is 0: a completion rate is meaningless", subject + "|zero",
                               [budget, r], ctx, {"printed": r.text})
                continue
            stated = pct_num(r, ctx)
            v = pct_verdict(ctx, stated, f, b)
            if v is not None and v.failed:
                sev = percent_severity(v)
                gap = pct_gap(v, stated, f, b)
                yield narrative_finding("NAR-RATE", sev,
                               f"完成率复算不符：{final.text}÷{budget.text}={v.computed:.2f}%，说明为 {r.text}%"
                               + gap[0],
                               f"Completion rate {final.text}/{budget.text} = {v.computed:.2f}% vs stated {r.text}%"
                               + gap[1], subject + "|rate",
                               [budget, final, r], ctx,
                               {"printed": r.text, "computed": v.computed,
                                "rounding": v.status == "rounding"})
