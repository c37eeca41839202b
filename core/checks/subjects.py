"""Where the narrative names a subject (类/款/项) and which table row it means.

The narrative names subjects in three ways: a chain of labelled names ("公共安全支出（204类）司法
（06款）行政运行（01项）", "人大事务（款）行政运行（项）"), a quoted path ("“一般公共服务支出-政府办公厅
（室）及相关机构事务-行政运行”科目"), or a 7-digit code. The 项 rows of the 一般公共预算 table are read
with their 类 and 款, by code where printed and, in tables printed without codes, by the amounts
(a 款 is the sum of the 项 printed under it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from core.checks.codes import name_key, scheme
from core.checks.context import Context, label
from core.checks.facts import CHAIN
from core.checks.numbers import Num
from core.checks.refs import norm_name
from core.tables.model import ParsedTable

QUOTED_PATH = re.compile(r"[“\"]([^”\"]{4,90}?)[”\"]")
PATH_SEP = re.compile(r"\s*[-－—–]{1,2}\s*")
CODE7 = re.compile(r"(?<!\d)(2\d{6})(?!\d)")
ENUMERATED = re.compile(r"(?:[^、，。；：:（）()\s\d.．]{1,12}、)+$")  # "公诉、审判、" before a name
NOT_A_NAME = re.compile(r"调整|主要是|原因|用于")  # "…经费调整至普通教育（款）" is a sentence


@dataclass
class Item:
    """A 项 row of the 一般公共预算 table with its 类 and 款 (names normalised)."""

    row: int
    code: str
    names: tuple[str, str, str]  # 类, 款, 项
    amount: Num


@dataclass
class Mention:
    """A subject named in the narrative: (name, level) from the 类 down, codes when printed."""

    items: list[tuple[str, str | None, str]]  # (name, code, level 类/款/项)
    start: int
    end: int
    sentence: int  # index of the sentence
    longer: str = ""  # the first name with the 、-joined words before it ("公诉、审判、…检察监督支出")


def loose(name: str) -> str:
    """A name compared for coverage: normalised, without a trailing 支出 (often dropped)."""
    n = norm_name(name)
    return n[:-2] if n.endswith("支出") and len(n) > 4 else n


@lru_cache(maxsize=2)
def _class_names(kinds: tuple[str, ...] = ("functional",)) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in kinds:
        cat = scheme(kind)
        out.update({name_key(n): c for c, n in cat.codes.items() if len(c) == 3})
        out.update({name_key(r["name"]): str(r["code"]) for r in cat.renamed if len(str(r["code"])) == 3})
    return out


def _is_class(name: str) -> bool:
    names = _class_names(("functional", "economic"))
    return name_key(name) in names or name_key(name + "支出") in names


def items(ctx: Context, table: ParsedTable, column: str) -> list[Item]:
    """The 项 rows of table with their parents, by code or (uncoded) by the amounts."""
    records = Context.records(table)
    coded = [(i, str(r["code"])) for i, r in enumerate(records) if str(r["code"] or "")]
    out: list[Item] = []
    if any(len(c) == 7 for _, c in coded):
        names = {c: norm_name(records[i]["name"]) for i, c in coded}
        for i, code in coded:
            if len(code) == 7:
                out.append(Item(i, code, (names.get(code[:3], ""), names.get(code[:5], ""),
                                          norm_name(records[i]["name"])), ctx.num(table, i, column, wan=True)))
        return out
    return _uncoded(ctx, table, column)


def _uncoded(ctx: Context, table: ParsedTable, column: str) -> list[Item]:
    """Rows under a class name: the first is a 款, the rows after it that add up to it its 项."""
    records = Context.records(table)
    classes = _class_names()
    out: list[Item] = []
    i = 0
    while i < len(records):
        if name_key(label(records[i]["name"])) not in classes:
            i += 1
            continue
        cls = norm_name(records[i]["name"])
        i += 1
        while i < len(records) and name_key(label(records[i]["name"])) not in classes:
            kuan = ctx.num(table, i, column, wan=True)
            kname, j, total = norm_name(records[i]["name"]), i + 1, Decimal(0)
            rows = []
            while j < len(records) and name_key(label(records[j]["name"])) not in classes:
                n = ctx.num(table, j, column, wan=True)
                rows.append((j, n))
                total += n.value
                j += 1
                if abs(total - kuan.value) <= kuan.half + sum((x.half for _, x in rows), Decimal(0)):
                    break
            else:
                return out  # the amounts do not say which rows are 项: give up rather than guess
            out += [Item(r, "", (cls, kname, norm_name(records[r]["name"])), n) for r, n in rows]
            i = j
    return out


def _chains(text: str) -> list[tuple[list[tuple[str, str | None, str]], int, int]]:
    """facts.chains_of with where each chain is printed (from its first name to its last label);
    quotes are read as separators so that the offsets stay those of text."""
    flat = re.sub(r"[“”\"'‘’]", "、", text)
    out: list[tuple[list[tuple[str, str | None, str]], int, int]] = []
    last_end = -1
    for m in CHAIN.finditer(flat):
        raw = m.group("name")
        name = re.sub(r"^\s*\d{1,2}\s*[、.．]\s*", "", raw.lstrip("、，")).strip()
        start = m.start("name") + raw.rfind(name)
        item = (name, m.group("code"), m.group("level"))
        if out and m.start() == last_end and item[2] != "类":
            out[-1][0].append(item)
            out[-1] = (out[-1][0], out[-1][1], m.end())
        else:
            out.append(([item], start, m.end()))
        last_end = m.end()
    return out


def mentions(ctx: Context) -> list[Mention]:
    """Every subject the narrative names, in reading order (computed once per run)."""
    def make() -> list[Mention]:
        nar = ctx.narrative
        out: list[Mention] = []
        for k, s in enumerate(nar.sentences):
            text = nar.text[s.start:s.end]
            for chain, a, b in _chains(text):
                if any(NOT_A_NAME.search(n) for n, _, _ in chain):
                    continue
                joined = ENUMERATED.search(text[:a])
                out.append(Mention(chain, s.start + a, s.start + b, k,
                                   joined.group(0) + chain[0][0] if joined else ""))
            for m in QUOTED_PATH.finditer(text):
                parts = [p for p in PATH_SEP.split(m.group(1)) if p]
                if 2 <= len(parts) <= 3 and PATH_SEP.search(m.group(1)) and _is_class(parts[0]):
                    levels = ("类", "款", "项")[:len(parts)]
                    out.append(Mention([(p, None, lv) for p, lv in zip(parts, levels)],
                                       s.start + m.start(1), s.start + m.end(1), k))
            for m in CODE7.finditer(text):
                out.append(Mention([("", m.group(1), "项")], s.start + m.start(1), s.start + m.end(1), k))
        return out

    return ctx.memo(("mentions",), make)
