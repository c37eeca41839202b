"""占比复算 (NAR-SHARE): "X万元，占Y%" recomputed against the total it is a share of.

The total is the one the sentence names ("占…的"), else the lead amount of the sentence or
paragraph. Lists of shares that name no total ("A 1万元，占10%；B 2万元，占20%…") are judged
together: the total most of them agree on (an earlier amount of the section, or the parts' sum)
convicts the ones that disagree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding
from core.checks.numbers import Num, Verdict, fmt, pct_gap, percent_severity
from core.checks.registry import rule
from core.checks.rules_narrative import narrative_num
from core.checks.rules_recompute import (change_word, narrative_finding, paren_depth, pct_num,
                                         pct_verdict)
from core.claims import Quantity, SentenceClaims, all_claims


@dataclass
class Share:
    part: Quantity
    pct: Quantity
    claim: int  # index in all_claims


def _followed_by_share(qs: list[Quantity], k: int) -> bool:
    return k + 1 < len(qs) and qs[k + 1].kind == "percent" and qs[k + 1].label.startswith("占")


def _lead(qs: list[Quantity], part: Quantity) -> Quantity | None:
    """The first amount before part that is not itself a share's subject: the total it divides."""
    for i, q in enumerate(qs):
        if q.start >= part.start:
            return None
        if q.kind == "amount" and not change_word(q) and not _followed_by_share(qs, i):
            return q
    return None


def _depth0(ctx: Context, claims: list[SentenceClaims], ci: int, scope: str) -> list[Quantity]:
    """Top-level numbers of the paragraph (or section) holding claims[ci], in order."""
    here = claims[ci].sentence
    if scope == "paragraph":
        key = ctx.narrative.paragraph_of(here.start)
        same = [c for c in claims if ctx.narrative.paragraph_of(c.sentence.start) == key]
    else:
        same = [c for c in claims if c.sentence.section == here.section]
    return [q for c in same for q in c.quantities if paren_depth(ctx, c, q) == 0]


def _report(ctx: Context, share: Share, base: Num, v: Verdict, level: str, how: str = ""
            ) -> Finding:
    severity = percent_severity(v, level)
    part, q = share.part, share.pct
    gap = pct_gap(v, pct_num(q, ctx), narrative_num(ctx, part), base)
    return narrative_finding("NAR-SHARE", severity,
                    f"占比复算不符：{part.text}÷{base.text or fmt(base.value)}={v.computed:.2f}%，说明为 {q.text}%"
                    + gap[0] + how,
                    f"Share recomputed {part.text}/{base.text or fmt(base.value)} = {v.computed:.2f}% vs stated {q.text}%"
                    + gap[1],
                    f"NAR-SHARE|{part.label}|{q.text}", [part, q], ctx,
                    {"printed": q.text, "computed": v.computed, "rounding": v.status == "rounding"})


def _zero_base(ctx: Context, part: Quantity, q: Quantity, base: Num) -> Finding:
    """A share of a total printed as 0: meaningless, said as such rather than as a wrong %."""
    return narrative_finding("NAR-SHARE", "error",
                             f"占比的总数为 0（{base.label or '所占总数'} {base.text or '0'}），"
                             f"“{part.text}{part.unit}，{q.label}{q.text}%”无法成立",
                             f"The share {q.text}% is of a total printed as 0",
                             f"NAR-SHARE|{part.label}|{q.text}|zero", [part, q], ctx,
                             {"printed": q.text, "computed": base.value})


@rule("NAR-SHARE", "占比复算", "Shares recomputed", "error",
      "说明中“X万元，占Y%”：Y 应等于 X 除以所占的总数（明示的“占…的”，或该段前文所述的总额；"
      "未指明总数的一组占比，以其中多数相符的总数复算其余）。")
def shares(ctx: Context) -> Iterator[Finding]:
    from core.checks.facts import label_targets, tables_for
    from core.checks.rules_narrative import section_text

    claims = all_claims(ctx.narrative)
    unresolved: list[Share] = []
    for ci, c in enumerate(claims):
        qs = [q for q in c.quantities if paren_depth(ctx, c, q) == 0]
        for k, q in enumerate(qs):
            if q.kind != "percent" or not q.label.startswith("占"):
                continue
            part = next((p for p in reversed(qs[:k]) if p.kind == "amount" and not change_word(p)), None)
            if part is None:
                continue
            named = re.sub(r"^占|的$", "", q.label)
            bases: list[Num] = []
            level = "info"
            if named and named not in ("比", "比重", "比例"):
                para = [a for cc in claims[max(0, ci - 6):ci + 1] for a in cc.amounts()
                        if a.start < part.start and named in a.label]
                bases += [narrative_num(ctx, a) for a in para[-1:]]
                targets = label_targets(ctx, named, tables_for(ctx, section_text(ctx, c.sentence.section)))
                bases += [n for t in targets for n in t.nums[:1]]
                level = "error"
            else:
                lead = _lead(qs, part)
                para = _lead(_depth0(ctx, claims, ci, "paragraph"), part)
                sect = _lead(_depth0(ctx, claims, ci, "section"), part)
                for cand, lv in ((lead, "error"), (para, "warn"), (sect, "warn")):  # a far base: maybe
                    # another denominator, so a probable defect (warn), never demoted to info
                    if cand is not None and cand is not part:
                        bases.append(narrative_num(ctx, cand))
                        level = lv if level == "info" and not bases[:-1] else level
            if not bases:
                if not named or named in ("比", "比重", "比例"):
                    unresolved.append(Share(part, q, ci))
                continue
            pn, stated = narrative_num(ctx, part), pct_num(q, ctx)
            verdicts = [(b, pct_verdict(ctx, stated, pn, b)) for b in bases]
            verdicts = [(b, v) for b, v in verdicts if v is not None]
            if not verdicts and stated.value and all(b.value == 0 for b in bases):
                yield _zero_base(ctx, part, q, bases[0])
                continue
            if not verdicts or any(not v.failed for _, v in verdicts):
                continue
            base, v = min(verdicts, key=lambda bv: abs(bv[1].diff))
            yield _report(ctx, Share(part, q, ci), base, v, level)
    for group in _lists(ctx, claims, unresolved):
        yield from _judge_list(ctx, claims, group)


def _lists(ctx: Context, claims: list[SentenceClaims], shares_: list[Share]) -> list[list[Share]]:
    """Unresolved shares grouped by paragraph: one list of siblings each."""
    groups: dict[int, list[Share]] = {}
    for s in shares_:
        groups.setdefault(ctx.narrative.paragraph_of(claims[s.claim].sentence.start), []).append(s)
    return [g for g in groups.values() if len(g) >= 3]


def _candidates(ctx: Context, claims: list[SentenceClaims], group: list[Share]) -> list[Num]:
    """Totals the list may divide: the amounts of its section (and the parent section) printed
    before it, and its parts' sum."""
    parts = [narrative_num(ctx, s.part) for s in group]
    total = sum((p.value for p in parts), start=parts[0].value * 0)
    out: list[Num] = []
    first = claims[group[0].claim].sentence
    path = ctx.narrative.section_path(first.section)
    start = path[-2].start if len(path) >= 2 else path[-1].start if path else 0
    for c in claims:
        if c.sentence.start < start or c.sentence.start > first.start:
            continue
        for q in c.amounts():
            if q.start < group[0].part.start and not change_word(q) and \
                    all(q is not s.part for s in group):
                out.append(narrative_num(ctx, q))
    # last, so that a printed total is preferred to the parts' sum (wider by their rounding)
    return out + [Num(total, sum((p.half for p in parts), start=total * 0), fmt(total))]


def _judge_list(ctx: Context, claims: list[SentenceClaims], group: list[Share]) -> Iterator[Finding]:
    best: tuple[int, Num, list[Verdict | None]] | None = None
    for base in _candidates(ctx, claims, group):
        verdicts = [pct_verdict(ctx, pct_num(s.pct, ctx), narrative_num(ctx, s.part), base)
                    for s in group]
        agree = sum(1 for v in verdicts if v is not None and v.status != "mismatch")
        if best is None or agree > best[0]:
            best = (agree, base, verdicts)
    if best is None or best[0] < max(2, (len(group) + 1) // 2):
        return
    agree, base, verdicts = best
    for share, v in zip(group, verdicts):
        if v is not None and v.failed:  # beyond the band a warn; within it info, said as such
            yield _report(ctx, share, base, v, "warn",
                          f"（同组其余 {agree - (v.status != 'mismatch')} 项占比按总数 {base.text} 计算相符）")


@rule("NAR-09", "比例分配合计为100%", "A split into percentages adds up to 100%", "warn",
      "“提取的经费的40%上缴…，60%留给…”：把一个整体按比例分成几份时，各份比例之和应为100%"
      "（超过100%必有误；不足100%提示核对）。")
def percent_splits(ctx: Context) -> Iterator[Finding]:
    for c in all_claims(ctx.narrative):
        pcts = [q for q in c.quantities if q.kind == "percent" and paren_depth(ctx, c, q) == 0]
        for k, head in enumerate(pcts):
            before = "".join(ctx.narrative.text[max(0, head.start - 4):head.start].split())
            if not before.endswith("的") or re.search(r"率|占|比|增|降|达|超", head.label):
                continue
            run = [head]
            for q in pcts[k + 1:]:
                if q.label:  # a split's later parts open their clause: "，60%留给…"
                    break
                run.append(q)
            if len(run) < 2:
                continue
            total = sum(q.value for q in run)
            half = sum(pct_num(q, ctx).half for q in run)
            if total - half <= 100 <= total + half:
                continue
            over = total > 100
            shown = "+".join(f"{q.text}%" for q in run)
            yield narrative_finding(
                "NAR-09", "warn" if over else "info",
                f"比例分配合计 {shown}={total}%，{'超过' if over else '不足'}100%",
                f"The split {shown} adds up to {total}%, not 100%",
                f"NAR-09|{head.label}|{shown}", run, ctx, {"printed": shown, "computed": total})


CAPPED = re.compile(r"(覆盖|满意|合格|知晓|达标|到位|参保|使用|入住|验收|通过)率|满意度|占比|占.{0,12}(总额|总数|合计|总计)的?$")
EXECUTION = re.compile(r"(执行|完成)率")


@rule("NAR-10", "比率不超过100%", "Rates that cannot exceed 100%", "warn",
      "覆盖率、满意度、合格率、占比等不能超过100%；执行率、完成率超过100%时提示核对。")
def capped_rates(ctx: Context) -> Iterator[Finding]:
    for c in all_claims(ctx.narrative):
        for q in c.quantities:
            if q.kind != "percent" or q.value <= 100 or change_word(q):
                continue
            label = q.label[-16:]
            if CAPPED.search(label):
                severity = "warn"
            elif EXECUTION.search(label) and "预算" in q.label + c.sentence.text:
                severity = "info"
            else:
                continue
            yield narrative_finding("NAR-10", severity, f"“{label}{q.text}%”超过100%",
                                    f"'{label}' of {q.text}% exceeds 100%",
                                    f"NAR-10|{label}|{q.text}", [q], ctx, {"printed": q.text})
