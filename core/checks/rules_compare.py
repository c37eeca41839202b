"""Comparison words against the figures they describe (domain-rules §2.3 TXT-F05d, §2.4 NAR-04).

"决算数大于预算数", "与上年持平", "比上年有所减少": the word says which of two figures is larger,
and the pair of figures says it too. The pair is taken where a reader finds it: in the sentence,
in the sentences just before it in the paragraph ("年初预算为X万元，支出决算为Y万元。决算数小于预算数
的主要原因…"), in the table row the sentence names (the 三公 table's 预算数 and 决算数), or from the
completion rate stated with it ("完成年初预算的92.41%"). Two figures that differ only within their
rounding are equal; "基本持平" tolerates a small difference.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.facts import sangong_targets
from core.checks.model import Finding, Location
from core.checks.numbers import Num, fmt, plain
from core.checks.registry import rule
from core.checks.rules_narrative import locations, narrative_num
from core.checks.rules_recompute import BUDGET, FINAL, change_word, paren_depth
from core.claims import Quantity, SentenceClaims, all_claims

WORDS = {"大于": 1, "高于": 1, "超过": 1, "超出": 1, "多于": 1, "小于": -1, "低于": -1,
         "少于": -1, "未达到": -1, "等于": 0, "持平": 0, "一致": 0, "相等": 0, "相同": 0}
VS_BUDGET = re.compile(
    r"决算数?(?P<word>大于|小于|等于|高于|低于|超过|超出|多于|少于|未达到)(?P<basis>年初|全年|调整)?预算"
    r"|决算数?与(?P<basis2>年初|全年|调整)?预算数?(?P<loose>基本|大致)?(?P<word2>持平|一致|相等|相同)")
VS_PRIOR = re.compile(
    r"(?:比|较|与|同)(?:上年|上一年|去年|上年度|(?P<year>(?:19|20)\d{2})\s*年度?)(?:当年)?(?:同期)?"
    r"(?:预算执行数|执行数|预算数?|决算数?)?(?:相比|比较)?[，,]?(?P<soft>有所|略有|基本|大致|稍有)?"
    r"(?P<word>增加|增长|上升|提高|减少|下降|降低|持平|一致|相同|无变化)"
    r"(?![\d.]|\s*[\d.])")
RATE = re.compile(r"完成(?P<basis>年初|全年|调整)?预算(?:数)?的\s*(?P<num>\d+(?:\.\d+)?)\s*[%％]")
LOOSE = Decimal("0.05")  # "基本持平": within 5% of the larger figure
TREND = {"增加": 1, "增长": 1, "上升": 1, "提高": 1, "减少": -1, "下降": -1, "降低": -1,
         "持平": 0, "一致": 0, "相同": 0, "无变化": 0}
SANGONG = re.compile(r"三公|因公出国|公务接待|公务用车")


@dataclass
class Pair:
    """Two figures compared: the larger-or-not question the word answers, and where they are."""

    first: Num  # budget (or last year)
    second: Num  # final (or this year)
    where: list[Location]
    source: str  # how the pair was found, for the message


def _sign(pair: Pair, loose: bool) -> int:
    """Which of the two is larger, as printed (0 when they are the same within rounding)."""
    diff = pair.second.value - pair.first.value
    room = pair.first.half + pair.second.half
    if loose:
        room = max(room, LOOSE * max(abs(pair.first.value), abs(pair.second.value)))
    return 0 if abs(diff) <= room else (1 if diff > 0 else -1)


def _possible(said: int, pair: Pair, loose: bool) -> bool:
    """Could the word be true of the figures as printed? "等于" allows their rounding; "大于" is
    wrong when the two are printed equal or the other way round beyond rounding (2.22 is less
    than 2.23, although rounding alone could make them equal)."""
    a, b = pair.first, pair.second
    diff = b.value - a.value
    if said == 0:
        room = a.half + b.half
        if loose:
            room = max(room, LOOSE * max(abs(a.value), abs(b.value)))
        return abs(diff) <= room
    return diff != 0 and diff * said > -(a.half + b.half)


def _amounts_before(c: SentenceClaims, limit: int, ctx: Context) -> list[Quantity]:
    return [q for q in c.amounts() if q.end <= limit and not change_word(q)
            and paren_depth(ctx, c, q) == 0]


def _budget_pair(ctx: Context, qs: list[Quantity], basis: str) -> Pair | None:
    budgets = [q for q in qs if BUDGET.search(q.label) and "决算" not in q.label
               and not re.search(r"上年|去年|上一年", q.label)]
    finals = [q for q in qs if FINAL.search(q.label) and q not in budgets
              and not re.search(r"上年|去年|上一年", q.label)]
    if not budgets or not finals:
        return None
    budget = next((q for q in budgets if basis and basis in q.label), budgets[-1])
    final = finals[-1]
    return Pair(narrative_num(ctx, budget), narrative_num(ctx, final),
                locations(ctx, budget) + locations(ctx, final), "")


def _previous(ctx: Context, claims: list[SentenceClaims], k: int, at: int, back: int = 3
              ) -> list[SentenceClaims]:
    """The sentences with figures before claims[k] (a sentence starting at `at`) in the same
    paragraph, nearest first."""
    para = ctx.narrative.paragraph_of(at)
    out = []
    for j in range(k - 1, max(-1, k - 1 - back), -1):
        if ctx.narrative.paragraph_of(claims[j].sentence.start) != para:
            break
        out.append(claims[j])
    return out


def _table_pair(ctx: Context, subject: str) -> Pair | None:
    """The 三公 table's 预算数 and 决算数 of the item the sentence names (决算 documents)."""
    if ctx.kind != "决算" or not SANGONG.search(subject):
        return None
    subject = re.sub(r"(支出)?(决算|预算)数?$|(?:19|20)\d{2}年度?", "", subject)
    budget = sangong_targets(ctx, subject + "预算")
    final = sangong_targets(ctx, subject + "决算")
    if not budget or not final or budget[0].nums[0].loc == final[0].nums[0].loc:
        return None
    b, f = budget[0].nums[0], final[0].nums[0]
    return Pair(b, f, [n.loc for n in (b, f) if n.loc], f"（{budget[0].describe}与{final[0].describe}）")


def _rate_pair(ctx: Context, text: str, offset: int) -> Pair | None:
    """"完成年初预算的92.41%": the final is below the budget (rounding of the rate allowed)."""
    m = RATE.search(text)
    if m is None:
        return None
    rate = plain(m.group("num"))
    where = [Location(p, b, text=m.group(0)) for p, b in
             ctx.narrative.boxes(offset + m.start(), offset + m.end())]
    hundred = Num(Decimal(100), Decimal(0), "100")
    return Pair(hundred, rate, where, f"（完成预算的 {m.group('num')}%）")


def _word_loc(ctx: Context, start: int, end: int, text: str) -> list[Location]:
    return [Location(p, b, text=text) for p, b in ctx.narrative.boxes(start, end)]


@rule("NAR-CMP", "决算与预算比较用语与数字一致", "'Above / below / equal to budget' agrees with the figures",
      "error", "“决算数大于/小于/等于（持平于）预算数”“超过/未达到预算”应与所比较的两个数一致：两数取自"
      "本句、同段前句、所述科目在表中的预算数与决算数（如“三公”经费表），或所述完成预算百分比；"
      "两数之差在尾数范围内即为相等。")
def versus_budget(ctx: Context) -> Iterator[Finding]:
    claims = all_claims(ctx.narrative)
    by_sentence = {c.sentence.start: k for k, c in enumerate(claims)}
    starts = [c.sentence.start for c in claims]
    for sentence in ctx.narrative.sentences:
        text = ctx.narrative.text[sentence.start:sentence.end]
        for m in VS_BUDGET.finditer(text):
            word = m.group("word") or m.group("word2")
            basis = m.group("basis") or m.group("basis2") or ""
            at = sentence.start + m.start()
            pair = None
            k = by_sentence.get(sentence.start)
            if k is not None:
                pair = _budget_pair(ctx, _amounts_before(claims[k], at, ctx), basis)
            last = k if k is not None else bisect.bisect_left(starts, sentence.start)
            for c in [] if pair else _previous(ctx, claims, last, sentence.start):
                pair = _budget_pair(ctx, _amounts_before(c, c.sentence.end, ctx), basis)
                if pair:
                    break
            pair = pair or _table_pair(ctx, text[:m.start()]) or _rate_pair(ctx, text[:m.start()],
                                                                             sentence.start)
            if pair is None:
                continue
            said, actual = WORDS[word], _sign(pair, bool(m.group("loose")))
            if _possible(said, pair, bool(m.group("loose"))):
                continue
            shown = {1: "大于", -1: "小于", 0: "等于"}[actual]
            what = f"完成率 {pair.second.text}%" if pair.first.text == "100" else \
                f"决算 {pair.second.text} {shown}预算 {pair.first.text}"
            yield Finding(
                "NAR-CMP", "error",
                f"说明称决算数“{word}”{basis}预算数，而{what}{pair.source}",
                f"Says the final is '{word}' the budget, but {pair.second.text} vs {pair.first.text}",
                f"NAR-CMP|{text[:m.start()][-16:]}|{word}|{pair.first.text}|{pair.second.text}",
                _word_loc(ctx, at, sentence.start + m.end(), m.group(0)) + pair.where,
                {"printed": word, "operands": [pair.first.text, pair.second.text],
                 "computed": pair.second.value - pair.first.value, "sentence": text})


def _year_of(label: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", label)
    return int(m.group(1)) if m else None


def _prior_pair(ctx: Context, qs: list[Quantity]) -> Pair | None:
    """This year's and last year's figure of one item, both printed before the word."""
    y = ctx.doc.year
    prior = [q for q in qs if re.search(r"上年|去年|上一年", q.label)
             or (y and _year_of(q.label) == y - 1)]
    current = [q for q in qs if q not in prior and (_year_of(q.label) in (None, y))]
    if not prior or not current:
        return None
    p, c = prior[-1], current[-1]
    return Pair(narrative_num(ctx, p), narrative_num(ctx, c), locations(ctx, p) + locations(ctx, c), "")


@rule("NAR-TREND", "与上年比较用语与数字一致", "'More / less than last year' agrees with the figures",
      "error", "“比上年增加/减少/持平”（未写增减额时）应与本句或同段前句所列的本年数、上年数一致；"
      "同一处既说增加或减少又说持平的，自相矛盾（“基本持平”除外）。")
def versus_prior(ctx: Context) -> Iterator[Finding]:
    claims = all_claims(ctx.narrative)
    by_sentence = {c.sentence.start: k for k, c in enumerate(claims)}
    for sentence in ctx.narrative.sentences:
        text = ctx.narrative.text[sentence.start:sentence.end]
        for m in VS_PRIOR.finditer(text):
            year = m.group("year")
            if year and ctx.doc.year and int(year) != ctx.doc.year - 1:
                continue  # a comparison with another year is CON-YEAR's business
            word, soft = m.group("word"), m.group("soft") or ""
            at = sentence.start + m.start("word")
            clause = re.split(r"[，,；;。]", text[:m.start()])[-1]
            contra = re.search(r"(增加|减少|增长|下降)(为|到|至)?\s*[\d.]", clause)
            if TREND[word] == 0 and not soft and contra:
                yield Finding(
                    "NAR-TREND", "error",
                    f"同一处既说“{contra.group(1)}”又说“{word}”，自相矛盾",
                    f"Says both '{contra.group(1)}' and '{word}'",
                    f"NAR-TREND|contra|{clause[-16:]}|{word}",
                    _word_loc(ctx, sentence.start + m.start() - len(clause), sentence.start + m.end(),
                              clause + m.group(0)), {"printed": word, "sentence": text})
                continue
            k = by_sentence.get(sentence.start)
            if k is None:
                continue
            pair = _prior_pair(ctx, _amounts_before(claims[k], sentence.start + m.start(), ctx))
            if pair is None:
                continue
            said, actual = TREND[word], _sign(pair, soft in ("基本", "大致"))
            if _possible(said, pair, soft in ("基本", "大致")):
                continue
            shown = {1: "增加", -1: "减少", 0: "持平"}[actual]
            yield Finding(
                "NAR-TREND", "error",
                f"说明称比上年“{soft}{word}”，而本年 {pair.second.text} 与上年 {pair.first.text} 相比为{shown}"
                f"（差额 {fmt(pair.second.value - pair.first.value)} 万元）",
                f"Says '{word}' on last year, but {pair.second.text} vs {pair.first.text}",
                f"NAR-TREND|{text[:m.start()][-16:]}|{word}|{pair.first.text}|{pair.second.text}",
                _word_loc(ctx, at, sentence.start + m.end(), m.group("word")) + pair.where,
                {"printed": word, "operands": [pair.first.text, pair.second.text],
                 "computed": pair.second.value - pair.first.value, "sentence": text})
