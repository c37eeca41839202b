"""Table titles and captions name the document's entity and year (domain-rules STR-02, FMT-06).

A table copied from another department's file, or from last year's, keeps its old title:
"上海市规划和自然资源局 2024 年度部门决算表" above the tables of 上海市普陀区规划和自然资源局 (the
city-level bureau named instead of the district's), "2023年度收入支出决算总表" in a 2024 final
account. Titles and caption lines are outside the narrative, so the year and entity rules of the
narrative never see them; this rule reads them where each table was found.
"""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding, Location
from core.checks.registry import rule
from core.docmeta import LABEL_RE, ORG_SUFFIX, canonical_entity
from core.model import Line
from core.tables.model import ParsedTable

YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
TITLE_LINE = re.compile(r"表|(预算|决算)$")
ORG = re.compile(rf"(?P<org>[\u4e00-\u9fff（）()]{{2,40}}?{ORG_SUFFIX})(?:[（(](本级|汇总)[)）])?$")
# 上海市|普陀区|规划和自然资源局: a region, the district (or city) inside it, the body
DISTRICT = re.compile(r"^(?P<head>.*?(?:省|市|自治区))(?P<district>[\u4e00-\u9fff]{1,5}?(?:区|县|旗|市))"
                      r"(?P<tail>.+)$")
OTHER_PERIOD = re.compile(r"执行|上半年|\d{1,2}\s*[-—至]\s*\d{1,2}\s*月")  # a report on another period


def entity_mismatch(other: str, entity: str) -> str | None:
    """How a name printed for the document's entity differs from it: "other" (another body),
    "district" (the same body without its district: the city's bureau), or None (the same, a
    short form of it, or one of its units)."""
    other, entity = canonical_entity(other), canonical_entity(entity)
    if other == entity or other in entity or entity in other:
        return None
    m = DISTRICT.match(entity)
    if m and other == m.group("head") + m.group("tail"):
        return "district"
    return "other"


def caption_lines(ctx: Context, table: ParsedTable) -> list[Line]:
    """The lines printed in the table's caption area (title, 编制单位, 单位：万元) on its first page."""
    if not table.regions:
        return []
    page_no, box = table.regions[0]
    page = ctx.doc.page(page_no)
    return [ln for ln in page.lines if box[1] - 1 <= (ln.top + ln.bottom) / 2 <= box[3] + 1]


def _orgs(text: str) -> list[str]:
    """Names of bodies a title prints: before its year ("X2024年度部门决算表") or before 部门/单位."""
    out = []
    for m in re.finditer(r"(?:19|20)\d{2}\s*年度?", text):
        head = re.sub(r"^第[一二三四五六七八九十]+部分", "", text[:m.start()])
        found = ORG.search(head)
        if found:
            out.append(found.group("org"))
    return out


def _titles(ctx: Context) -> Iterator[tuple[Line, str, list[Location]]]:
    """Every title-like caption line of every table (labels such as 编制单位：… are CON-ENTITY's)."""
    for table in ctx.report.tables:
        for line in caption_lines(ctx, table):
            text = "".join(line.text.split())
            if TITLE_LINE.search(text) and not LABEL_RE.search(text):
                yield line, text, [Location(line.page, line.box, table.id, text=text)]


@rule("CON-TITLEYEAR", "表题年度与文件年度一致", "Table titles carry the document's year", "error",
      "表格标题及其上方的表头（“2024年度部门决算表”“2023年度收入支出决算总表”）中的年度应为文件年度。")
def title_years(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.year
    if not year:
        return
    seen: set[str] = set()
    for line, text, where in _titles(ctx):
        if OTHER_PERIOD.search(text):
            continue  # "2025年预算执行情况表" reports on that year on purpose
        for m in YEAR.finditer(text):
            if int(m.group(1)) != year and text not in seen:
                seen.add(text)
                yield Finding("CON-TITLEYEAR", "error",
                              f"第{line.page}页表题“{text}”的年度 {m.group(1)} 与文件年度 {year} 不一致",
                              f"Page {line.page}: the title '{text}' says {m.group(1)}, the document "
                              f"is {year}", f"CON-TITLEYEAR|{text}", where,
                              {"printed": m.group(1), "expected": year})


@rule("CON-TITLEORG", "表题中的单位与文件单位一致", "Table titles name the document's entity", "warn",
      "表格标题及其上方的表头（“XX局2024年度部门决算表”）所写单位应为本单位：不应为其他单位，"
      "也不应漏写区县而成了上级单位的名称（如区局文件写“上海市规划和自然资源局”）。")
def title_entities(ctx: Context) -> Iterator[Finding]:
    entity = ctx.doc.entity
    if not entity:
        return
    seen: set[str] = set()
    for line, text, where in _titles(ctx):
        for other in _orgs(text):
            how = entity_mismatch(other, entity)
            if how is None or other in seen:
                continue
            seen.add(other)
            zh = "漏写区县，成了上级单位的名称" if how == "district" else "与文件单位不一致"
            yield Finding("CON-TITLEORG", "warn",
                          f"第{line.page}页表题中的单位“{other}”{zh}（文件单位为“{entity}”）",
                          f"Page {line.page}: the title names '{other}', the document is '{entity}'",
                          f"CON-TITLEORG|{other}", where, {"printed": other, "expected": entity})
