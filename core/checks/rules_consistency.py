"""一致性: the fiscal year, the entity, 部门 vs 单位 wording and the tables' units agree throughout."""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context, words_around
from core.checks.model import Finding, Location
from core.checks.registry import rule
from core.docmeta import LABEL_RE, canonical_entity
from core.dockind import title_years
from core.model import GOV_REPORT

YEAR_RE = re.compile(r"(?<![\d〔【\[（(号])((?:19|20)\d{2})\s*年")
CITATION = re.compile(r"[〔【\[][^〕】\]]{0,6}$|《[^》]*$")
AS_OF = re.compile(r"截[至止]\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")
COMPARED = re.compile(r"(?:比|较|与|同)\s*((?:19|20)\d{2})\s*年度?\s*(?:当年)?(?:预算|决算|执行数|相比|同期|比较)?")
EXECUTED = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:度)?\s*(?:当年)?(?:预算)?执行数")
CURRENT = re.compile(r"((?:19|20)\d{2})\s*年度?\s*(?:市级|区级|县级|省级|本级)?(?:"
                     r"(?:收入|支出|收支|财政拨款|一般公共预算|部门|单位|“三公”|三公)\S{0,12}?(?:预算|决算)(?!执行)"
                     r"|(?:没有使用|未使用|无)?(?:一般公共|政府性基金|国有资本经营)预算(?:当年)?(?:财政拨款)?(?:项目)?"
                     r"(?:收入|支出|拨款)|(?<=年度)(?:项目)?(?:收入|支出)|年初预算)")
YEAR_END = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:末|底)")
TRUNCATED_YEAR = re.compile(r"(?<!\d)(20\d)\s+年度|(?<![\d.])2\d{2}年度")


def _where(ctx: Context, start: int, end: int, text: str) -> list[Location]:
    return [Location(p, b, text=text) for p, b in ctx.narrative.boxes(start, end)]


def _year_finding(ctx: Context, m: re.Match[str], group: int, severity: str, zh: str, en: str,
                  kind: str) -> Finding:
    start, end = m.start(group), m.end(group)
    sentence = ctx.narrative.sentence_at(start)
    return Finding("CON-YEAR", severity, zh, en, f"CON-YEAR|{kind}|{m.group(0)}",
                   _where(ctx, start, end, m.group(group)),
                   {"printed": m.group(group), "expected": ctx.doc.year,
                    "sentence": sentence.text if sentence else ""})


@rule("CON-YEAR", "年度一致", "Fiscal year consistent", "error",
      "年度应与文件年度一致：截至日期（决算为当年12月31日，预算为上年12月31日）、比较基期（上年）、"
      "“YYYY年收入/支出预算（决算）”等表述；其他与本年及上下年无关的年份提示核对。")
def years(ctx: Context) -> Iterator[Finding]:
    y = ctx.doc.year
    if not y:
        return
    text = ctx.narrative.text
    flagged: set[int] = set()
    legit = named_years(ctx)  # a report's prior-year review, next year's plans, its title's years
    expected_as_of = y if ctx.kind == "决算" else y - 1
    for m in AS_OF.finditer(text):
        if int(m.group(1)) != expected_as_of:
            flagged.add(m.start(1))
            yield _year_finding(ctx, m, 1, "error", f"“{m.group(0)}”：{y}年{ctx.kind}应为截至{expected_as_of}年12月31日",
                                f"'{m.group(0)}': a {y} document should say {expected_as_of}-12-31", "as-of")
    for m in YEAR_END.finditer(text):  # 决算: the year's own end; 预算: last year's (or this)
        allowed = {y} if ctx.kind == "决算" else {y - 1, y}
        if int(m.group(1)) not in allowed | legit:
            flagged.add(m.start(1))
            yield _year_finding(ctx, m, 1, "warn", f"“{m.group(0)}”与文件年度 {y} 不符",
                                f"'{m.group(0)}' does not fit a {y} {ctx.kind}", "year-end")
    for pattern in (COMPARED, EXECUTED):
        for m in pattern.finditer(text):
            if int(m.group(1)) not in {year - 1 for year in legit} and m.start(1) not in flagged:
                flagged.add(m.start(1))
                yield _year_finding(ctx, m, 1, "error", f"比较基期“{m.group(0)}”应为上年（{y - 1}年）",
                                    f"Comparison base '{m.group(0)}' should be {y - 1}", "compare")
    for m in CURRENT.finditer(text):
        if int(m.group(1)) not in legit and m.start(1) not in flagged \
                and not _prior_context(text, m):
            flagged.add(m.start(1))
            yield _year_finding(ctx, m, 1, "error", f"“{m.group(0)}”的年度与文件年度 {y} 不一致",
                                f"'{m.group(0)}' names another year than {y}", "current")
    for section in ctx.narrative.sections:
        if len(section.heading) > 40 or re.search(r"[，,；;]|\d\s*(万元|元|%)", section.heading):
            continue  # a numbered paragraph, not a title
        for m in YEAR_RE.finditer(section.heading):
            if int(m.group(1)) not in legit and section.level <= 3:
                yield Finding("CON-YEAR", "error", f"标题“{section.heading[:30]}”的年度 {m.group(1)} 与文件年度 {y} 不一致",
                              f"Heading year {m.group(1)} differs from {y}", f"CON-YEAR|heading|{section.heading[:30]}",
                              _where(ctx, section.start, section.start + len(section.heading), m.group(1)),
                              {"printed": m.group(1), "expected": y})
    from core.checks.rules_performance import stale_offsets

    flagged |= stale_offsets(ctx)  # years of copied 绩效 text: CON-PERFYEAR's
    for m in YEAR_RE.finditer(text):
        year = int(m.group(1))
        if m.start(1) in flagged or year == y:
            continue
        if CITATION.search(text[max(0, m.start() - 12):m.start()]):
            if year > y + 1:  # a 决算 is published in y + 1 at the latest: it cannot cite later
                yield _year_finding(ctx, m, 1, "warn", f"引用文件的年度 {year} 晚于本文件的编制时间（{y}年度）",
                                    f"Cites a document of {year}, later than a {y} disclosure could",
                                    f"cited|{words_around(text, m.start(), m.end())}")
            continue
        if re.match(r"\s*年\s*\d{1,2}\s*月", text[m.end(1):m.end(1) + 6]) and year >= y - 1:
            latest = y + 1 if ctx.kind == "决算" else y  # when such a document is published
            if year > latest:
                date = re.match(r"\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?", text[m.start(1):])
                yield _year_finding(ctx, m, 1, "warn", f"日期“{date.group(0) if date else year}”晚于"
                                    f"{y}年{ctx.kind}的公开时间", f"A date in {year}, after a {y} "
                                    f"document is published", f"date|{words_around(text, m.start(), m.end())}")
            continue  # a date (publication, a deadline)
        sentence = ctx.narrative.sentence_at(m.start(1))
        clause = re.split(r"[，。；]", text[m.start():m.start() + 40])[0]
        figures = sentence is not None and re.search(r"\d\s*(万元|元|%)", clause) and \
            "原因" not in sentence.text
        if figures and year in (y - 1, y + 1) and year not in legit and \
                not _prior_context(text, m) and \
                not re.search(r"上年|同比|相比|比上|较上|执行", sentence.text):
            yield _year_finding(ctx, m, 1, "warn", f"句中金额所属年度为 {year} 年，与文件年度 {y} 不一致",
                                f"A figure is dated {year}, the document is {y}", f"figure|{words_around(text, m.start(), m.end())}")
        elif sentence is not None and sentence.start == m.start(1) and \
                re.match(r"\s*年度?\s*[，,]", text[m.end(1):m.end(1) + 4]):
            yield _year_finding(ctx, m, 1, "warn", f"句首年度为 {year} 年，与文件年度 {y} 不一致",
                                f"The sentence is dated {year}, the document is {y}",
                                f"opening|{words_around(text, m.start(), m.end())}")
        elif year not in (y - 1, y, y + 1) or (year == y + 1 and ctx.kind == "预算"):
            yield _year_finding(ctx, m, 1, "info", f"提到 {year} 年，与文件年度 {y} 不符，请核对是否为旧年度残留或笔误",
                                f"Mentions {year}, far from {y}: stale text?", f"other|{words_around(text, m.start(), m.end())}")
    for m in TRUNCATED_YEAR.finditer(text):
        yield Finding("CON-YEAR", "warn", f"年度不完整：“{m.group(0)}”", f"Truncated year '{m.group(0)}'",
                      f"CON-YEAR|truncated|{m.group(0)}", _where(ctx, m.start(), m.end(), m.group(0)),
                      {"printed": m.group(0)})


def named_years(ctx: Context) -> set[int]:
    """The years a document may name beside its own: a government's report reviews last year's
    execution and plans next year's (domain-rules.md §8.3), and names them in its title."""
    y = ctx.doc.year or 0
    if ctx.doc.family != GOV_REPORT:
        return {y}
    return {y - 1, y, y + 1} | title_years(ctx.doc)


def _prior_context(text: str, m: re.Match[str]) -> bool:
    around = text[max(0, m.start() - 6):m.end() + 6]
    return bool(re.search(r"上年|比|较|与|当年预算执行|执行数|截至|截止", around))


@rule("CON-ENTITY", "单位名称前后一致", "Entity named alike everywhere", "warn",
      "表头“编制部门/单位名称”、封面与说明中的单位名称应一致。")
def entity(ctx: Context) -> Iterator[Finding]:
    name = ctx.doc.entity
    if not name:
        return
    seen: set[str] = set()
    for page in ctx.doc.pages:
        text = " ".join("".join(ln.text.split()) for ln in page.lines)
        for m in LABEL_RE.finditer(text):
            other = canonical_entity(re.sub(r"(（本级）|\(本级\)|本级|（汇总）|\(汇总\))$", "", m.group("name")))
            if other == name or other in seen or len(other) < 4 or other in name or name in other:
                continue
            if not re.search(r"(局|委员会|办公厅|办公室|办事处|院|部|会|中心|厅)$", other):
                continue
            seen.add(other)
            line = next((ln for ln in page.lines if other[:4] in "".join(ln.text.split())), None)
            yield Finding("CON-ENTITY", "warn", f"第{page.number}页表头单位“{other}”与文件单位“{name}”不一致",
                          f"Page {page.number} names '{other}', the document is '{name}'",
                          f"CON-ENTITY|{other}", [Location(page.number, line.box if line else None, text=other)],
                          {"printed": other, "expected": name})


@rule("CON-SCOPE", "部门/单位表述一致", "部门 vs 单位 wording", "warn",
      "单位预算（决算）中不应出现“部门预算（决算）”等部门口径表述（“部门预算经济分类”等科目名除外）。")
def scope_words(ctx: Context) -> Iterator[Finding]:
    if ctx.doc.scope != "单位":
        return
    text = ctx.narrative.text
    # "部门预算改革 / 制度" names the budget system, not this document's scope
    for m in re.finditer(r"(?<!各)部门(预算|决算)(?!经济分类|支出经济分类|改革|制度)", text):
        sentence = ctx.narrative.sentence_at(m.start())
        yield Finding("CON-SCOPE", "warn", f"单位{ctx.kind}中出现“{m.group(0)}”表述",
                      f"A 单位 document says '{m.group(0)}'", f"CON-SCOPE|{sentence.text[:30] if sentence else m.start()}",
                      _where(ctx, m.start(), m.end(), m.group(0)),
                      {"printed": m.group(0), "sentence": sentence.text if sentence else ""})


@rule("CON-UNIT", "表格须标明金额单位", "Tables state their unit", "warn",
      "每张公开表应标明金额单位（单位：元/万元），否则无法与说明相互核对。")
def units(ctx: Context) -> Iterator[Finding]:
    for table_id, table in ctx.tables.items():
        if table.unit is None and not table.empty:
            ref = table.title_ref
            yield Finding("CON-UNIT", "warn", f"{ctx.name(table)}未标明金额单位（按万元核对）",
                          f"{table_id} does not state its unit", f"CON-UNIT|{table_id}",
                          [Location(ref.page, ref.bbox, table_id) if ref else Location(table.pages[0], None)])
