"""政府采购 paragraphs (domain-rules §1.3 SEC-F12, §1.5, NAR-07): the kinds of purchase add up to
the stated total, and what went to 中小企业 / 小微企业 agrees with itself and with its base.

A procurement paragraph is read as a list of figures, each given a role by the words printed before
it in its clause ("政府采购货物支出 3.04 万元" is goods; "在其他政府采购项目中，由中小企业供应商中标或
成交的，采购金额4.79万元" is an award to SMEs outside the reserved projects), and of percentages,
each with the figure it qualifies and the base its "占…的" names. Every comparison allows the
rounding of each printed number at its own precision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding
from core.checks.numbers import Num, fmt, pct_gap, percent_severity, plain
from core.checks.registry import rule
from core.checks.rules_narrative import locations, narrative_num
from core.checks.rules_recompute import change_word, narrative_finding, pct_verdict
from core.claims import Quantity, all_claims
from core.narrative import Narrative

KINDS = {"goods": "货物", "works": "工程", "services": "服务"}
PART_OF = {  # role -> (the role it is part of, severity when it is larger)
    "small": ("sme", "error"), "reserved_small": ("reserved_sme", "error"),
    "sme": ("total", "error"), "award_reserved_small": ("award_reserved_sme", "error"),
}
NAMES = {"total": "政府采购总额", "goods": "货物", "works": "工程", "services": "服务",
         "sme": "授予中小企业合同金额", "small": "授予小微企业合同金额",
         "reserved_sme": "面向中小企业预留金额", "reserved_small": "面向小微企业预留金额",
         "award_reserved_sme": "预留项目中由中小企业中标（成交）金额",
         "award_reserved_small": "小微企业预留项目中由小微企业中标（成交）金额",
         "award_other_sme": "其他项目中由中小企业中标（成交）金额"}
PREVIOUS_YEAR = re.compile(r"上年|去年|上一年|同比|比\S{0,6}(增加|减少)")


@dataclass
class Block:
    """One procurement statement: its total and the figures that follow it."""

    figures: dict[str, Quantity] = field(default_factory=dict)
    kind_shares: dict[str, Quantity] = field(default_factory=dict)  # kind -> 占货物支出金额的 P%
    shares: list[tuple[Quantity, str, str]] = field(default_factory=list)  # (percent, of, base)


def _segment_before(text: str, start: int, q: Quantity) -> str:
    """The words from the last ；/。 (or the sentence start) up to the number."""
    before = text[:q.start - start]
    cut = max(before.rfind("；"), before.rfind(";"), before.rfind("。"))
    return "".join(before[cut + 1:].split())


def role_of(segment: str, label: str) -> str | None:
    """What a procurement amount is, from the words before it."""
    s, lab = segment, "".join(label.split())
    if re.search(r"中标|成交", s) and "中小企业" in s or re.search(r"中标|成交", s) and "小微" in s:
        if re.search(r"其他(政府)?采购项目", s):
            return "award_other_sme"
        if re.search(r"面向小微企业预留|预留给小[型微]", s):
            return "award_reserved_small"
        if re.search(r"面向中小企业预留", s):
            return "award_reserved_sme"
        return None
    if "预留" in lab:
        if re.search(r"小微|小型和微型|小型、微型", lab):
            return "reserved_small"
        return "reserved_sme" if "中小" in lab else None
    if re.search(r"小微企业|小型和微型企业", lab):
        return "small" if re.search(r"授予|合同|金额", lab) else None
    if "中小企业" in lab:
        return "sme" if re.search(r"授予|合同|金额", lab) else None
    for kind, word in KINDS.items():
        if word in lab and re.search(r"采购|购买", lab) and not re.search(r"授予|预留|中小|小微", lab):
            return kind
    if re.search(r"政府采购.{0,8}(总额|总金额|金额|预算|支出)|采购(预算|支出)?总(金)?额", lab):
        return "total"
    return None


def _base_of(words: str) -> str | None:
    """The figure a "占…的" names as its base."""
    for kind, word in KINDS.items():
        if word in words:
            return kind
    if "小微" in words:
        return "small"
    if "中小企业" in words:
        return "sme"
    if words == "" or re.search(r"政府采购|采购(支出|预算)?总", words):
        return "total"
    return None


def blocks(ctx: Context) -> list[Block]:
    """Procurement statements: inside a section headed 政府采购, else paragraphs that say 政府采购
    (read once per run: both rules use them)."""
    return ctx.memo(("procurement",), lambda: _read_blocks(ctx))


def _read_blocks(ctx: Context) -> list[Block]:
    nar = ctx.narrative
    sections = {i for i, s in enumerate(nar.sections) if "政府采购" in s.heading and s.level >= 2}
    out: list[Block] = []
    current: Block | None = None
    last_para = -2
    for claims in all_claims(nar):
        sentence = claims.sentence
        text = nar.text[sentence.start:sentence.end]
        in_section = bool(sections & {k for k in _path(nar, sentence.section)})
        para = nar.paragraph_of(sentence.start)
        if not (in_section or "政府采购" in text or (current is not None and para == last_para)):
            current = None
            continue
        if para != last_para and not in_section:
            current = None  # a new paragraph outside a procurement section starts afresh
        last_para = para
        previous: Quantity | None = None
        for q in claims.quantities:
            if q.kind == "count":
                continue
            segment = _segment_before(text, sentence.start, q)
            if PREVIOUS_YEAR.search(segment) or change_word(q):
                previous = None
                continue
            if q.kind == "amount":
                role = role_of(segment, q.label)
                if role == "total" or (role and current is None and "采购" in text):
                    current = Block()
                    out.append(current)
                if role and current is not None and role not in current.figures:
                    current.figures[role] = q
                previous = q if role else None
                continue
            if current is None:
                continue
            m = re.search(r"占(?P<base>[^，,。；;%％]{0,24}?)的?\s*$", text[:q.start - sentence.start])
            if m is None:
                previous = None
                continue
            base = _base_of("".join(m.group("base").split()))
            head = segment[:max(0, len(segment) - len(m.group(0)))]
            if base in KINDS and "中小企业" in head and previous is None:
                current.kind_shares.setdefault(base, q)
            elif previous is not None and base is not None:
                own = next((r for r, f in current.figures.items() if f is previous), None)
                if own is not None:
                    current.shares.append((q, own, base))
            previous = None
    return out


def _path(nar: Narrative, index: int | None) -> list[int]:
    out = []
    while index is not None:
        out.append(index)
        index = nar.sections[index].parent
    return out


def _num(ctx: Context, q: Quantity) -> Num:
    n = narrative_num(ctx, q)
    return Num(n.value, n.half, n.text, n.loc, q.label, n.unit)


def _said(q: Quantity) -> str:
    return f"{q.text}{q.unit}"


@rule("NAR-GP", "政府采购：货物、工程、服务之和等于采购总额，各部分不大于整体",
      "Procurement: goods, works and services add up to the total; parts within wholes", "error",
      "政府采购说明中，货物、工程、服务采购金额之和应等于政府采购总额（允许尾数误差）；授予中小企业"
      "合同金额不大于采购总额，授予小微企业不大于授予中小企业，面向小微企业预留不大于面向中小企业预留，"
      "预留项目与其他项目中由中小企业中标（成交）的金额之和不大于采购总额。")
def procurement_amounts(ctx: Context) -> Iterator[Finding]:
    for block in blocks(ctx):
        f = block.figures
        total = f.get("total")
        kinds = [f[k] for k in KINDS if k in f]
        if total is not None and len(kinds) >= 2:
            yield from _sum(ctx, total, kinds)
        elif total is not None and kinds:
            yield from _part(ctx, "NAR-GP", kinds[0], total, "error")
        for part, (whole, severity) in PART_OF.items():
            if part in f and whole in f:
                yield from _part(ctx, "NAR-GP", f[part], f[whole], severity)
        if total is not None and "reserved_sme" in f and ctx.kind == "预算":
            yield from _part(ctx, "NAR-GP", f["reserved_sme"], total, "error")
        awards = [f[r] for r in ("award_reserved_sme", "award_other_sme") if r in f]
        if total is not None and len(awards) == 2:
            yield from _over(ctx, awards, total)


def _sum(ctx: Context, total: Quantity, kinds: list[Quantity]) -> Iterator[Finding]:
    t, parts = _num(ctx, total), [_num(ctx, q) for q in kinds]
    s = sum((p.value for p in parts), Decimal(0))
    room = t.half + sum((p.half for p in parts), Decimal(0))
    diff = t.value - s
    if diff == 0:
        return
    rounding = abs(diff) <= room
    terms = " + ".join(f"{p.label} {p.text}{p.unit}" for p in parts)
    yield narrative_finding(
        "NAR-GP", "info" if rounding else "error",
        f"政府采购：{terms} = {fmt(s)} 万元，与“{total.label}”{_said(total)}不符（差额 {fmt(diff)} 万元，"
        f"容差 ±{fmt(room, 4).rstrip('0')}{'，在尾数误差范围内' if rounding else ''}）",
        f"Procurement: goods + works + services = {fmt(s)}, the total says {total.text} "
        f"(difference {fmt(diff)}{', within rounding' if rounding else ''})",
        f"NAR-GP|sum|{total.text}", [total, *kinds], ctx,
        {"printed": total.text, "computed": s, "operands": [p.text for p in parts], "diff": diff,
         "tolerance": room, "rounding": rounding})


def _part(ctx: Context, rid: str, part: Quantity, whole: Quantity, severity: str) -> Iterator[Finding]:
    p, w = _num(ctx, part), _num(ctx, whole)
    if p.value - p.half <= w.value + w.half:
        return
    yield narrative_finding(
        rid, severity, f"政府采购：“{part.label}”{_said(part)}大于“{whole.label}”{_said(whole)}（部分不应大于整体）",
        f"Procurement: '{part.label}' {part.text} exceeds '{whole.label}' {whole.text}",
        f"{rid}|part|{part.label}|{whole.label}", [part, whole], ctx,
        {"printed": part.text, "computed": w.value, "operands": [part.text, whole.text]})


def _over(ctx: Context, awards: list[Quantity], total: Quantity) -> Iterator[Finding]:
    ns, t = [_num(ctx, q) for q in awards], _num(ctx, total)
    s = sum((n.value for n in ns), Decimal(0))
    room = t.half + sum((n.half for n in ns), Decimal(0))
    if s - t.value <= room:
        return
    terms = " + ".join(f"{NAMES[r]} {q.text}{q.unit}" for r, q in
                       zip(("award_reserved_sme", "award_other_sme"), awards))
    yield narrative_finding(
        "NAR-GP", "error",
        f"政府采购：{terms} = {fmt(s)} 万元，大于“{total.label}”{_said(total)}：预留项目与其他项目互不重叠，"
        f"由中小企业中标（成交）的金额之和不应超过采购总额",
        f"Procurement: SME awards in reserved and in other projects add up to {fmt(s)}, more than the "
        f"total {total.text}", f"NAR-GP|awards|{total.text}", [*awards, total], ctx,
        {"printed": total.text, "computed": s, "operands": [q.text for q in awards]})


@rule("NAR-SME", "政府采购：中小企业、小微企业金额与所占比例一致",
      "Procurement: amounts and shares awarded to SMEs agree", "error",
      "“授予中小企业合同金额X万元，占政府采购支出总额的P%”“授予小微企业合同金额Y万元，占授予中小企业"
      "合同金额的Q%”等比例应按所述基数复算相符；按“货物/工程/服务采购授予中小企业合同金额占该类支出的"
      "比例”推算的各类金额之和应等于授予中小企业合同金额。")
def sme_shares(ctx: Context) -> Iterator[Finding]:
    for block in blocks(ctx):
        f = block.figures
        for pct, own, base in block.shares:
            if base not in f or base == own:
                continue
            yield from _share(ctx, pct, f[own], f[base])
        if "sme" in f and block.kind_shares and all(k in f for k in block.kind_shares):
            yield from _kind_shares(ctx, block, f["sme"])


def _share(ctx: Context, pct: Quantity, part: Quantity, base: Quantity) -> Iterator[Finding]:
    p, b = _num(ctx, part), _num(ctx, base)
    if b.value + b.half <= 0 or b.value == 0:
        return  # a share of nothing: the percentage rules report zero bases
    locs = locations(ctx, pct)
    stated = plain(pct.text, locs[0] if locs else None, pct.label)
    v = pct_verdict(ctx, stated, p, b)
    if v is None or v.status == "ok":
        return
    gap_zh, gap_en = pct_gap(v, stated, p, b)
    severity = percent_severity(v)
    yield narrative_finding(
        "NAR-SME", severity,
        f"政府采购：“{part.label}”{_said(part)}占“{base.label}”{_said(base)}应为 {fmt(v.computed)}%，"
        f"说明为 {pct.text}%{gap_zh}",
        f"Procurement: {part.text} of {base.text} is {fmt(v.computed)}%, the narrative says {pct.text}%"
        + gap_en, f"NAR-SME|share|{part.label}|{pct.text}", [pct, part, base], ctx,
        {"printed": pct.text, "computed": v.computed, "operands": [part.text, base.text],
         "rounding": severity == "info"})


def _kind_shares(ctx: Context, block: Block, sme: Quantity) -> Iterator[Finding]:
    """Σ kind × its SME share should give the SME total: 100% of everything is not 43.18% of goods."""
    lo = hi = Decimal(0)
    allow = Decimal(0)  # what 0.1 point on each share would move (domain-rules §0.3: then info)
    terms, used = [], []
    for kind, pct in block.kind_shares.items():
        q = block.figures[kind]
        a, s = _num(ctx, q), plain(pct.text)
        lo += max(Decimal(0), a.value - a.half) * max(Decimal(0), s.value - s.half) / 100
        hi += (a.value + a.half) * (s.value + s.half) / 100
        allow += (a.value + a.half) * Decimal("0.001")
        terms.append(f"{KINDS[kind]} {q.text}×{pct.text}%")
        used += [q, pct]
    target = _num(ctx, sme)
    t_lo, t_hi = target.value - target.half, target.value + target.half
    if hi >= t_lo and lo <= t_hi:
        return
    gap = t_lo - hi if hi < t_lo else lo - t_hi
    implied = ((lo + hi) / 2).quantize(Decimal("0.0001"))
    rounding = gap <= allow
    yield narrative_finding(
        "NAR-SME", "info" if rounding else "error",
        f"政府采购：按各类采购授予中小企业的比例推算（{' + '.join(terms)}）约 {fmt(implied)} 万元，"
        f"与“{sme.label}”{_said(sme)}不符（差 {fmt(target.value - implied)} 万元）"
        + ("，可能为比例尾数取舍" if rounding else "：各类比例应以该类采购金额为基数"),
        f"Procurement: the SME shares by kind imply about {fmt(implied)}, the SME total says {sme.text}",
        f"NAR-SME|kinds|{sme.text}", [*used, sme], ctx,
        {"printed": sme.text, "computed": implied, "operands": [q.text for q in used],
         "rounding": rounding})

