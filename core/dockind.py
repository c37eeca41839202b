"""What sort of document is open: a 部门/单位 disclosure, a government's budget or final-accounts
report, an unfilled template, or something else (domain-rules.md §8; issue 15).

Decided from the text alone, before the tables are read, because the same table title means
different tables in different documents: 一般公共预算支出表 is a department's BUD-T5 in a 部门预算
and a whole government's table in a 预算报告. The first page's title decides when it names a report
(关于XX市YYYY年预算执行情况和YYYY年预算草案的报告, …决算（草案）的报告); otherwise the table
titles and the cover vote, and placeholders everywhere (XX, 202X, （按…填写）) make a template.
"""
from __future__ import annotations

import re

from core.model import DISCLOSURE, GOV_REPORT, OTHER, TEMPLATE, Document

_PLACE = r"[\u4e00-\u9fff]{1,10}?(?:自治区|自治州|省|市|盟|县|区|旗)"
REPORT_TITLE = re.compile(
    r"关于(?P<head>[^，。；：:]{0,30}?)(?P<year>(?:19|20)\d{2})年度?(?P<mid>[^，。；：:]{0,16}?)"
    r"(?P<what>决算（草案）|决算草案|决算|(?:财政)?预算执行情况)(?P<tail>[^，。；]{0,50}?)的?报告")
_AFTER_HEAD = REPORT_TITLE.pattern[len("关于(?P<head>[^，。；：:]{0,30}?)"):]
BARE_TITLE = re.compile(rf"(?P<head>{_PLACE}(?:[^，。；：:]{{0,10}}?))" + _AFTER_HEAD)
NEXT_BUDGET = re.compile(r"(?P<year>(?:19|20)\d{2})年度?[^，。；]{0,16}?预算(?:（草案）|草案)")
SPEAKER = re.compile(rf"在(?P<gov>{_PLACE})第[一二三四五六七八九十]+届人民代表大会|(?P<gov2>{_PLACE})财政局局长")
LEVEL_BOTH = re.compile(r"(全市|全区|全县|全省|全州)?(?:和|及|与|、)(市|区|县|省|州)?本级")
LEVEL_OWN = re.compile(r"(市|区|县|省|州)?本级|(市|区|县|省|州)级")
LEVEL_ALL = re.compile(r"全(市|区|县|省|州)")
DOC_KIND = re.compile(r"(部门|单位)(预算|决算)")
# table titles only a government's report prints (a department prints 财政拨款…, never these)
GOV_TABLE = re.compile(
    r"(一般公共预算(?:本级)?收入|政府性基金(?:预算)?收入|国有资本经营(?:预算)?收入|社会保险基金(?:预算)?"
    r"(?:收入|支出|收支)|债务(?:限额|余额)|税收返还|转移支付|收支平衡)[^，。；]{0,16}表$")
DEPT_TABLE = re.compile(r"(财政拨款|三公|部门|单位)[^，。；]{0,20}表$|收支(预算)?总表$")
# placeholders of an unfilled template: XXX万元, XX%, 202X年, （按…填写）, （不涉及的不列）
PLACEHOLDER = re.compile(
    r"[XxＸ]{2,}(?:[.,，][XxＸ]+)?\s*(?:万元|元|%|％|个|辆|人|项)|20[0-9][XxＸ]\s*年"
    r"|（[^（）]{0,24}(?:填写|不涉及的不列|作持平表述|据实|如有)[^（）]{0,12}）|由[^，。；]{1,12}填写")
REAL_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|元|%|％)")
TEMPLATE_MIN = 10  # placeholders a filled document would never keep (FMT-01 finds a few)
ORG = re.compile(r"(局|厅|委员会|委|办公室|办|院|中心|所|站|校|社|公司|人民政府)$")
NOTICE = re.compile(r"(通知|意见|办法|方案|规定|合同|协议|纪要|公告|决定|批复|函|报告|说明书)$")


def _flat(text: str) -> str:
    return "".join(text.split())


def _opening(doc: Document, pages: int = 2, chars: int = 150) -> str:
    """The first text pages' opening words: where a report prints its title."""
    out = []
    for page in [p for p in doc.pages if p.has_text][:pages]:
        out.append("".join(_flat(ln.text) for ln in page.lines)[:chars])
    return "".join(out)


def _title_lines(doc: Document) -> list[str]:
    """Short lines that end like a table's title ("…表"), as printed."""
    out = []
    for page in doc.pages:
        for ln in page.lines:
            flat = _flat(ln.text)
            if 4 <= len(flat) <= 60 and flat.endswith("表") \
                    and not re.search(r"[，。；]|[…·]{2,}", flat):
                out.append(flat)
    return out


def recognise_kind(doc: Document) -> None:
    """Set doc.family (and for government reports kind, year, level, government and entity)."""
    opening = _opening(doc)
    m = _report_title(opening)
    if m:
        _government_report(doc, m, opening + _opening(doc, 3, 600))
        return
    all_text = "".join(_flat(ln.text) for p in doc.pages for ln in p.lines)
    placeholders = len(PLACEHOLDER.findall(all_text))
    if placeholders >= TEMPLATE_MIN and placeholders > len(REAL_AMOUNT.findall(all_text)):
        doc.family = TEMPLATE
        doc.kind_reason = (f"全文有 {placeholders} 处占位符或填写说明（如“XXX万元”“XX%”“（不涉及的不列）”），"
                           "金额均未填写")
        return
    titles = _title_lines(doc)
    dept = [t for t in titles if DEPT_TABLE.search(t)]
    gov = [t for t in titles if GOV_TABLE.search(t)]
    first = _first_title(doc)
    notice = None if re.search(r"(部门|单位)(预算|决算)\S{0,6}(报告|说明)$", first) else \
        NOTICE.search(first)  # …的通知 is a notice, …局2023年部门决算报告 a disclosure
    if dept or (not notice and not gov and _says_disclosure(doc)):
        doc.family = DISCLOSURE
        return
    if gov:
        doc.family = GOV_REPORT
        doc.kind = "决算" if sum("决算" in t for t in gov) * 2 >= len(gov) else "预算"
        doc.scope = None
        doc.government = _speaker(all_text) or _government_of_titles(gov)
        doc.entity = doc.government
        doc.level = _level_of_titles(gov)
        return
    doc.family = OTHER
    doc.kind = doc.scope = None
    doc.kind_reason = (f"首页标题“{_first_title(doc)}”是{notice.group(1)}，" if notice else
                       f"首页为“{opening[:40]}…”，") + "未见部门/单位预算·决算公开或政府预算·决算报告的标题和标准表格"


def _report_title(opening: str) -> re.Match[str] | None:
    """The report's own title (关于…的报告, or a place's …报告), the government's and not a
    department's (…局2023年部门决算报告)."""
    for rx in (REPORT_TITLE, BARE_TITLE):
        for m in rx.finditer(opening):
            head = m.group("head")
            if not DOC_KIND.search(head + m.group("mid")) and not ORG.search(head):
                return m
    return None


def title_years(doc: Document) -> set[int]:
    """The years a government report's own title names (2023年决算草案和2024年上半年预算执行情况):
    every one of them is the report's subject, not a stale year."""
    m = _report_title(_opening(doc))
    if m is None:
        return set()
    return {int(y) for y in re.findall(r"((?:19|20)\d{2})年", m.group(0))}


def _says_disclosure(doc: Document) -> bool:
    """部门/单位 预算·决算 named on the cover or in a heading of the first pages."""
    for page in doc.pages[:5]:
        for ln in page.lines:
            flat = _flat(ln.text)
            if len(flat) <= 40 and DOC_KIND.search(flat):
                return True
    return False


def _first_title(doc: Document) -> str:
    """The first page's title: its first line, or its first two when the title wraps."""
    page = next((p for p in doc.pages if p.has_text), None)
    if page is None:
        return ""
    lines = [_flat(ln.text) for ln in page.lines[:2]]
    for title in (lines[0], "".join(lines)):
        if NOTICE.search(title):
            return title[:40]
    return lines[0][:40]


def _government_report(doc: Document, m: re.Match[str], opening: str) -> None:
    doc.family = GOV_REPORT
    doc.scope = None
    head, mid, what, tail = m.group("head"), m.group("mid"), m.group("what"), m.group("tail")
    if what.startswith("决算"):
        doc.kind, doc.year = "决算", int(m.group("year"))
    else:
        doc.kind = "预算"
        nxt = NEXT_BUDGET.search(tail)
        doc.year = int(nxt.group("year")) if nxt else int(m.group("year"))
    place = re.match(rf"^({_PLACE})", head)
    doc.government = place.group(1) if place else _speaker(opening)
    doc.entity = doc.government
    where = head + mid + (tail if doc.kind == "预算" else "")
    if LEVEL_BOTH.search(where):
        doc.level = "全市和本级"
    elif LEVEL_OWN.search(where):
        doc.level = "本级"
    elif LEVEL_ALL.search(where):
        doc.level = "全市"
    else:
        doc.level = "全市和本级"  # a city's report speaks for the whole city and its own level


def _speaker(text: str) -> str | None:
    m = SPEAKER.search(text)
    return (m.group("gov") or m.group("gov2")) if m else None


def _government_of_titles(titles: list[str]) -> str | None:
    names = [m.group(1) for t in titles
             if (m := re.match(rf"^(?:(?:19|20)\d{{2}}年度?)?({_PLACE})(?:本级)?"
                               r"(?:一般公共|政府性|国有|社会|地方|政府)", t))]
    return max(set(names), key=names.count) if names else None


def _level_of_titles(titles: list[str]) -> str:
    own = sum(1 for t in titles if LEVEL_OWN.search(t))
    return "全市和本级" if 0 < own < len(titles) else "本级" if own else "全市"
