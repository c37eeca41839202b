"""The standard tables, recognised by their titles (aliases), never by their printed numbers.

Ids follow domain-rules.md §1.2 (决算, FIN-01…FIN-09) and §1.4 (预算, BUD-T1…BUD-T9). Patterns are
tried most specific first: 财政拨款收支预算总表 (T4) contains 收支预算总表 (T1).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.model import DISCLOSURE, GOV_REPORT
from core.tables.gov_catalog import classify_gov

QUOTES = "\"“”„‟'‘’「」『』〝〞"
_NUM = (r"(?:公开\s*[0-9]{1,2}\s*表|公开表[一二三四五六七八九十]+|附?表\s*[0-9０-９]{1,2}"
        r"|附?表[一二三四五六七八九十]+)(?:\s*[-－—]\s*[0-9]{1,2}(?![0-9]))?")  # 附表十六-1
NUMBER_RE = re.compile(rf"^(?P<num>{_NUM})\s*[：:．.、\-—]?\s*")
NUMBER_ONLY = re.compile(rf"^{_NUM}$")
ORDINAL_RE = re.compile(r"^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[．.、]\s*")
YEAR_PREFIX_RE = re.compile(r"^(?:[0-9]{4}\s*年度?|年度?)")


@dataclass(frozen=True)
class TableKind:
    id: str
    name: str  # canonical Chinese name
    pattern: re.Pattern[str]
    kind: str  # 决算 / 预算
    may_be_empty: bool = False


def _k(id_: str, name: str, pattern: str, kind: str, may_be_empty: bool = False) -> TableKind:
    return TableKind(id_, name, re.compile(pattern), kind, may_be_empty)


# Order matters: the first kind whose pattern matches a suffix of the title wins, so a longer
# name is tried before the shorter name it ends with.
KINDS: tuple[TableKind, ...] = (
    _k("FIN-08", "政府性基金预算财政拨款收入支出决算表", r"政府性基金预算财政拨款(收入)?支出决算表", "决算", True),
    _k("FIN-09", "国有资本经营预算财政拨款收入支出决算表", r"国有资本经营预算财政拨款(收入)?支出决算表",
       "决算", True),
    _k("FIN-07", "财政拨款“三公”经费支出决算表", r"(财政拨款|一般公共预算)*三公经费.*决算(明细)?表", "决算", True),
    _k("FIN-06", "一般公共预算财政拨款基本支出决算表",
       r"一般公共预算财政拨款(基本支出决算(明细)?|支出决算明细)表", "决算"),
    _k("FIN-05", "一般公共预算财政拨款支出决算表", r"一般公共预算财政拨款(收入)?支出决算表", "决算"),
    _k("FIN-04", "财政拨款收入支出决算总表", r"财政拨款收入?支出?决算(总)?表", "决算"),
    _k("FIN-01", "收入支出决算总表", r"(收入支出|收支)决算(总)?表", "决算"),
    _k("FIN-02", "收入决算表", r"收入决算(总)?表(（分科目）)?", "决算"),
    _k("FIN-03", "支出决算表", r"支出决算(总)?表(（分科目）)?", "决算"),
    _k("BUD-T9", "“三公”经费预算表", r"(一般公共预算)?三公经费.*(预算|支出)表", "预算", True),
    _k("BUD-T4", "财政拨款收支预算总表", r"财政拨款收支(预算)?总表", "预算"),
    _k("BUD-T8", "一般公共预算基本支出表", r"一般公共预算基本支出(部门预算经济分类)?(预算)?表", "预算"),
    _k("BUD-T5", "一般公共预算支出表", r"一般公共预算(当年拨款)?支出(功能分类)?(预算)?表", "预算"),
    _k("BUD-T6", "政府性基金预算支出表",
       r"政府性基金(预算)?(财政拨款)?支出(功能分类)?(预算)?表|财政拨款政府性基金支出预算表", "预算", True),
    _k("BUD-T7", "国有资本经营预算支出表", r"国有资本经营预算(财政拨款)?支出(功能分类)?(预算)?表", "预算", True),
    _k("BUD-T1", "收支总表", r"(财务)?收支(预算)?总表", "预算"),
    _k("BUD-T2", "收入总表", r"收入(预算)?总表", "预算"),
    _k("BUD-T3", "支出总表", r"支出(预算)?总表", "预算"),
)
BY_ID = {k.id: k for k in KINDS}
FIN_IDS = tuple(f"FIN-0{i}" for i in range(1, 10))
BUD_IDS = tuple(f"BUD-T{i}" for i in range(1, 10))

def normalize_title(text: str) -> str:
    """Title text without spaces, quotes, numbering and year, ready for alias matching."""
    t = re.sub(r"\s+", "", text)
    t = t.translate({ord(q): None for q in QUOTES})
    t = t.replace("(", "（").replace(")", "）")
    return t


def split_number(text: str) -> tuple[str | None, str]:
    """('表1', '2024年市级单位收支预算总表') from '表1： 2024年市级单位收支预算总表'."""
    t = text.strip()
    m = NUMBER_RE.match(t)
    if m and len(t) > m.end():
        return re.sub(r"\s+", "", m.group("num")), t[m.end():].strip()
    m = ORDINAL_RE.match(t)
    if m and len(t) > m.end():
        return None, t[m.end():].strip()
    return None, t


def classify(title: str, family: str = DISCLOSURE, government: str | None = None) -> str | None:
    """Canonical id for a title line (numbering, year and entity may precede the name), or None.

    A government's report has tables of its own (GOV-…, core.tables.gov_catalog) whose titles
    would read as department tables here (一般公共预算支出表 is BUD-T5 in a 部门预算)."""
    core = normalize_title(split_number(title)[1])
    if family == GOV_REPORT:
        return classify_gov(core, government)
    qualifier = re.search(r"（([^（）]{1,12})）$", core)
    if qualifier and "分单位" not in qualifier.group(1) and not core.endswith("（分科目）"):
        core = core[:qualifier.start()]  # 一般公共预算支出预算表（功能科目）
    for kind in KINDS:
        for i in range(len(core)):
            if kind.pattern.fullmatch(core, i):
                return kind.id
    return None


def short_title(title: str) -> str:
    """The table's own name: no number, year or entity prefix (for OTHER:<title> ids)."""
    _, rest = split_number(title)
    t = normalize_title(rest)
    t = re.sub(r"^[一二三四五六七八九十]+、", "", t)
    t = YEAR_PREFIX_RE.sub("", t)
    return t
