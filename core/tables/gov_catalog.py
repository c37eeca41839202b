"""The tables of a government's budget and final-accounts reports (domain-rules.md §8.1).

A report prints the same table for several scopes and periods: 2023年杭州市一般公共预算收入决算表
(全市), 2023年杭州市本级一般公共预算收入决算表 (本级), 2024年上半年…执行情况表 (the next year's
execution), 2023年市本级、名胜区…决算表 (by area). The id says which: `GOV-<table>` for the whole
government, `-BJ` for its own level (本级, 市级), `-AREA` for a named part or a split by area, and
`-EXEC` for an execution table (执行情况) beside the report's main tables.
"""
from __future__ import annotations

import re

GOV_PREFIX = "GOV-"
# (id, canonical name, pattern on the title's core name), most specific first
GOV_KINDS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (id_, name, re.compile(pattern)) for id_, name, pattern in (
        ("GP-BASIC", "一般公共预算基本支出表", r"一般公共预算(本级)?基本支出(经济分类)?(预算|决算|执行情况)?(情况)?表"),
        ("GP-TRSP", "一般公共预算专项转移支付表",
         r"(一般公共预算)?(对下)?专项转移支付(预算|决算|执行情况)?(分项目|分地区)?(情况)?表"),
        ("GP-TR", "一般公共预算税收返还和转移支付表",
         r"(一般公共预算)?(对下)?(税收返还和)?(一般性)?转移支付(预算|决算|执行情况)?(分项目|分地区)?(情况)?表"),
        ("GP-BAL", "一般公共预算收支平衡表", r"一般公共预算收支(平衡)?(预算|决算|执行情况)?(总)?(情况)?表"),
        ("GP-REV", "一般公共预算收入表", r"一般公共预算(本级)?收入(预算|决算|执行情况)?(情况)?表"),
        ("GP-EXP", "一般公共预算支出表",
         r"一般公共预算(本级)?支出(功能分类)?(预算|决算|执行情况)?(功能分类)?(情况)?表"),
        ("GF-TR", "政府性基金转移支付表", r"政府性基金(预算)?(对下)?转移支付(预算|决算|执行情况)?(情况)?表"),
        ("GF-BAL", "政府性基金收支平衡表", r"政府性基金(预算)?收支平衡(预算|决算|执行情况)?(情况)?表"),
        ("GF", "政府性基金收支表", r"政府性基金(预算)?收支(预算|决算|执行情况)(总)?(情况)?表"),
        ("GF-REV", "政府性基金收入表", r"政府性基金(预算)?(本级)?收入(预算|决算|执行情况)?(情况)?表"),
        ("GF-EXP", "政府性基金支出表", r"政府性基金(预算)?(本级)?支出(预算|决算|执行情况)?(情况)?表"),
        ("SOE", "国有资本经营收支表", r"国有资本经营(预算)?收支(预算|决算|执行情况)?(总)?(情况)?表"),
        ("SOE-REV", "国有资本经营收入表", r"国有资本经营(预算)?(本级)?收入(预算|决算|执行情况)?(情况)?表"),
        ("SOE-EXP", "国有资本经营支出表", r"国有资本经营(预算)?(本级)?支出(预算|决算|执行情况)?(情况)?表"),
        ("SI-BAL", "社会保险基金收支结余表", r"社会保险基金(预算)?收支(及)?结余(预算|决算|执行情况)?(情况)?表"),
        ("SI", "社会保险基金收支表", r"社会保险基金(预算)?收支(预算|决算|执行情况)(总)?(情况)?表"),
        ("SI-REV", "社会保险基金收入表", r"社会保险基金(预算)?收入(预算|决算|执行情况)?(情况)?表"),
        ("SI-EXP", "社会保险基金支出表", r"社会保险基金(预算)?支出(预算|决算|执行情况)?(情况)?表"),
        ("DEBT-NEW", "新增地方政府债券使用情况表", r"新增(地方)?政府(一般|专项)?债券(使用|安排|资金)(使用)?(情况)?表"),
        ("DEBT-SVC", "地方政府债务发行及还本付息情况表",
         r"(地方)?政府(一般|专项)?债(务|券)(发行)?(及|和)?还本付息(预算|决算)?(情况)?表|(地方)?政府债(务|券)发行(情况)?表"),
        ("DEBT", "地方政府债务限额及余额情况表",
         r"(地方)?政府(一般|专项)?债务(限额|余额)((和|及|与)(限额|余额))?(预算|决算)?(情况)?表"),
        ("3G", "“三公”经费表", r"三公经费(支出)?(预算|决算|执行情况)?(情况)?表"),
    ))
GOV_NAME_ZH = {GOV_PREFIX + id_: name for id_, name, _ in GOV_KINDS}
LEVEL_OWN = re.compile(r"(?:(?:市|区|县|省|州)?本级|(?:市|区|县|省|州)级)")
ALL_WORDS = re.compile(r"全(?:市|区|县|省|州)|(?:19|20)\d{2}年度?|上半年|[1１一]\s*[-－—至~]\s*\d{1,2}月|[和及与、]")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:自治区|省|市|县|区|旗)")


def classify_gov(core: str, government: str | None) -> str | None:
    """`GOV-…` id of a title (normalised, number removed), or None when it names no such table."""
    for i in range(len(core)):  # the longest name wins: 政府性基金转移支付表 is not 转移支付表
        for id_, _, pattern in GOV_KINDS:
            if pattern.fullmatch(core, i):
                return GOV_PREFIX + id_ + _qualifier(core[:i], core, government)
    return None


def _qualifier(prefix: str, title: str, government: str | None) -> str:
    """-BJ / -AREA / -EXEC from the words before the table's name (year, place, level)."""
    rest = re.sub(r"^(?:19|20)\d{2}年度?", "", prefix)
    if government:
        rest = rest.replace(government, "", 1)
        rest = re.sub(r"^级", "本级", rest)  # 广州市级 -> 本级
    elif not LEVEL_OWN.match(rest):
        rest = _PLACE.sub("", rest, count=1)
    own = LEVEL_OWN.search(rest)
    rest = ALL_WORDS.sub("", LEVEL_OWN.sub("", rest))
    suffix = "-AREA" if re.search(r"[\u4e00-\u9fff]", rest) or "分地区" in title else \
        "-BJ" if own and not re.search(r"全(?:市|区|县|省|州)", prefix) else ""
    if "执行情况" in title or re.search(r"上半年|\d{1,2}\s*[-－—至~]\s*\d{1,2}月", prefix):
        suffix += "-EXEC"
    return suffix


def gov_level(table_id: str) -> str:
    """全市 / 本级 / 分地区 for a GOV id."""
    return "本级" if "-BJ" in table_id else "分地区" if "-AREA" in table_id else "全市"


def gov_base(table_id: str) -> str:
    """The table without its scope: GOV-GP-REV-BJ-EXEC -> GOV-GP-REV."""
    return re.sub(r"(-BJ|-AREA|-EXEC|#\d+)+$", "", table_id)
