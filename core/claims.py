"""Checkable statements in the narrative: amounts, percentages and counts with what they are about.

A sentence is split into clauses at Chinese punctuation; each number takes as its label the words
before it in its clause ("其中：财政拨款收入2940.05万元" -> 财政拨款收入), and a percentage or a change
("占99.79%", "比上年增加56.95万元，下降1.87%") attaches to the amount it qualifies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from core.amounts import parse_amount
from core.narrative import Narrative, Sentence

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
QUANTITY = re.compile(
    rf"(?P<num>{NUMBER})\s*(?:(?P<unit>亿元|万元|千元|元|万(?=[（(，。；、：\s]|$))(?!/)|(?P<pct>[%％])"
    rf"|(?P<count>个|辆|人次|人|批次|台套|台|套|次|家|项))")
THRESHOLD = re.compile(r"^\s*(以上|以下|及以上|及以下|左右)")
CLAUSE_END = "，,；;：:。！？!?"
LEAD_WORDS = re.compile(
    r"^(其中|包括|主要包括|主要用于|分别为|分别是|具体如下|主要有|为|是|达到?|约|另外|此外|以及|和|及|与)[：:]?")
TRAIL_WORDS = re.compile(r"(为|是|达到?|共|约|的)$")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
CHANGE = re.compile(r"(比|较|与)(上年|上一年|去年|(?:19|20)\d{2}\s*年)")


@dataclass
class Quantity:
    kind: str  # amount / percent / count
    value: Decimal
    text: str  # the number as printed
    unit: str  # 万元 / 元 / % / 个 …
    start: int  # offsets of the number in Narrative.text
    end: int
    label: str = ""  # words before it in its clause
    clause: str = ""
    clause_start: int = 0

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class SentenceClaims:
    sentence: Sentence
    quantities: list[Quantity] = field(default_factory=list)

    def amounts(self) -> list[Quantity]:
        return [q for q in self.quantities if q.kind == "amount"]


def clean_label(text: str) -> str:
    """The subject a clause names before its number."""
    text = "".join(text.split()).lstrip("、")
    if text.count("（") > text.count("）"):  # "…0.39万（含外宾接待支出" -> what the bracket names
        text = text[text.rindex("（") + 1:]
    text = re.sub(r"^含", "", text)
    text = re.sub(r"^[（(]?\d{1,2}[)）.．、]|^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]", "",
                  text)
    for _ in range(3):
        text = LEAD_WORDS.sub("", text)
        text = TRAIL_WORDS.sub("", text)
    return text


def _clauses(text: str, offset: int) -> list[tuple[int, str]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # a thousands separator, not a clause break
        if ch in CLAUSE_END:
            if i > start:
                out.append((offset + start, text[start:i]))
            start = i + 1
    if start < len(text):
        out.append((offset + start, text[start:]))
    return out


def sentence_claims(nar: Narrative, sentence: Sentence) -> SentenceClaims:
    claims = SentenceClaims(sentence)
    text = nar.text[sentence.start:sentence.end]
    for clause_start, clause in _clauses(text, sentence.start):
        previous_end = 0
        for m in QUANTITY.finditer(clause):
            if THRESHOLD.match(clause[m.end():]):
                continue  # "单价100万元以上" is a threshold, not a figure
            value = parse_amount(m.group("num"))
            if value is None:
                continue
            if m.group("unit"):
                kind, unit = "amount", m.group("unit") if m.group("unit") != "万" else "万元"
            elif m.group("pct"):
                kind, unit = "percent", "%"
            else:
                kind, unit = "count", m.group("count")
            q = Quantity(kind, value, m.group("num"), unit, clause_start + m.start("num"),
                         clause_start + m.end("num"), clean_label(clause[previous_end:m.start()]),
                         clause, clause_start)
            claims.quantities.append(q)
            previous_end = m.end()
    return claims


def all_claims(nar: Narrative) -> list[SentenceClaims]:
    """The claims of every sentence that has a number (computed once per narrative)."""
    cached = getattr(nar, "_claims", None)
    if cached is None:
        cached = [c for c in (sentence_claims(nar, s) for s in nar.sentences) if c.quantities]
        nar._claims = cached  # type: ignore[attr-defined]
    return cached
