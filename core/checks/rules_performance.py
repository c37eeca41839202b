"""绩效 (performance) text: its years and the amounts it says it covers (domain-rules SEC-F11, NAR-08).

Two things go wrong in 绩效目标 / 绩效自评 text. It is copied from last year's file, so a target
reads "2022年12月底前全部完成" in a 2023 final account (CON-PERFYEAR, warn: the template of the
narrative checks leaves such years at info). And its amounts do not match the tables: a 整体支出
self-evaluation whose 执行数 is not the year's spending, or whose "资金" is the 基本支出 alone; a
budget whose projects with 绩效目标 cover more money than all its 项目支出 (TXT-PERF). A final
account's project amounts may legitimately differ from 项目支出 (they are budgets, with carry-overs:
NAR-08), so they are not compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from core.checks.context import Context
from core.checks.model import Finding, Location
from core.checks.numbers import Num, amount
from core.checks.refs import Ref, resolve
from core.checks.registry import rule
from core.checks.rules_consistency import AS_OF, COMPARED, CITATION, EXECUTED

PERF_WORDS = re.compile(r"绩效(目标|自评|评价|跟踪|监控|指标)|自评(表|结果|得分)|整体支出")
YEAR = re.compile(r"(?<![\d〔【\[（(号])((?:19|20)\d{2})\s*年")
NOT_STALE = re.compile(r"^\s*年\s*\d{1,2}\s*月\s*\d{0,2}\s*日?\s*(起|以来|印发|制定|出台|发布|颁布|实施|修订)"
                       r"|^\s*年\s*(起|以来|印发|制定|出台|颁布|修订)")
LATER_REVIEW = re.compile(r"^\s*年度?\s*(的)?(预算)?(执行|绩效自评|自评|绩效评价|评价结果|决算)")
NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
WHOLE = re.compile(rf"整体支出总额(?:[（(]万元[)）])?{NUMBER}万?元?{NUMBER}万?元?")
PART_TOTALS = {"基本支出": re.compile(rf"基本支出总额(?:[（(]万元[)）])?{NUMBER}万?元"),
               "项目支出": re.compile(rf"项目支出总额(?:[（(]万元[)）])?{NUMBER}万?元")}
WHOLE_SAID = re.compile(rf"整体支出绩效(?:自评|评价|目标)[^。；]{{0,30}}?(?:资金|金额)(?:合计|共计)?为?{NUMBER}万元")
PROJECT_SAID = re.compile(rf"(?:项目[^。；]{{0,30}}?绩效目标|绩效目标的?(?:项目)?(?:共)?\d+个)[^。；]{{0,30}}?"
                          rf"涉及(?P<what>[^，。；\d]{{0,20}}?)(?:资金|金额)?(?:合计|共计)?为?{NUMBER}万元")


@dataclass
class Text:
    """A stretch of 绩效 text without spaces, each character's place on the page known."""

    text: str
    places: list[tuple[int, tuple[float, float, float, float] | None]]
    offsets: list[int]  # each character's offset in the narrative (-1: a table's line)

    def where(self, start: int, end: int, shown: str) -> list[Location]:
        seen, out = set(), []
        for page, box in self.places[start:end]:
            if (page, box) not in seen:
                seen.add((page, box))
                out.append(Location(page, box, text=shown))
        return out


def _texts(ctx: Context) -> list[Text]:
    """The 绩效 sentences of the narrative and the lines of the 绩效 (自评) tables."""
    nar = ctx.narrative
    out: list[Text] = []
    for s in nar.sentences:
        heads = "".join(x.heading for x in nar.section_path(s.section))
        if "绩效" not in heads and not PERF_WORDS.search(s.text):
            continue
        chars, places, offsets = [], [], []
        for i in range(s.start, s.end):
            if not nar.text[i].isspace():
                chars.append(nar.text[i])
                ref = nar.refs[i] if i < len(nar.refs) else None
                places.append((ref[0], ref[1].box) if ref else (s.page, None))
                offsets.append(i)
        out.append(Text("".join(chars), places, offsets))
    for table in ctx.report.tables:
        if table.standard or not re.search(r"绩效|自评", table.title):
            continue
        chars, places = [], []
        for page_no, box in table.regions:
            for line in ctx.doc.page(page_no).lines:
                if box[1] - 1 <= (line.top + line.bottom) / 2 <= box[3] + 1:
                    flat = "".join(line.text.split())
                    chars.append(flat)
                    places += [(page_no, line.box)] * len(flat)
        out.append(Text("".join(chars), places, [-1] * len(places)))
    return out


def _stale(ctx: Context, text: str, m: re.Match[str]) -> bool:
    """A year in 绩效 text older than the document allows, and not a citation, a comparison, the
    date a rule was made, or (in a budget) last year's execution or evaluation."""
    y = ctx.doc.year or 0
    year = int(m.group(1))
    if year >= y or year < 1990:
        return False
    before, after = text[max(0, m.start() - 14):m.start()], text[m.end(1):m.end(1) + 16]
    if CITATION.search(before) or NOT_STALE.match(after):
        return False
    around = text[max(0, m.start() - 4):m.end() + 12]
    if any(p.search(around) for p in (AS_OF, COMPARED, EXECUTED)) or re.search(r"(比|较|与|同|自|从)$", before):
        return False
    return not (ctx.kind == "预算" and year == y - 1 and LATER_REVIEW.match(after))


def stale_years(ctx: Context) -> list[tuple[Text, re.Match[str]]]:
    """Every stale year of the 绩效 text (computed once per run)."""
    return ctx.memo(("stale-years",), lambda: [(t, m) for t in _texts(ctx) for m in YEAR.finditer(t.text)
                                               if _stale(ctx, t.text, m)])


def stale_offsets(ctx: Context) -> set[int]:
    """Where the stale years are printed in the narrative: CON-YEAR leaves them to CON-PERFYEAR."""
    return {t.offsets[m.start(1)] for t, m in stale_years(ctx) if t.offsets[m.start(1)] >= 0}


@rule("CON-PERFYEAR", "绩效目标、绩效自评中的年度", "Years in performance targets and self-evaluations",
      "warn", "绩效目标、绩效自评（含自评表）中的年度不应早于文件年度（如2023年度决算的自评表写“2022年12月底前"
      "全部完成”）：多为沿用往年文本未改。引用文件、比较基期、制度印发时间及预算中上年执行、评价情况除外。")
def performance_years(ctx: Context) -> Iterator[Finding]:
    if not ctx.doc.year:
        return
    by_year: dict[str, list[tuple[Text, re.Match[str]]]] = {}
    for t, m in stale_years(ctx):
        by_year.setdefault(m.group(1), []).append((t, m))
    for year, found in by_year.items():
        phrases = list(dict.fromkeys(t.text[m.start():m.end() + 10] for t, m in found))
        where = [loc for t, m in found for loc in t.where(m.start(1), m.end(1), year)]
        more = f"等 {len(found)} 处" if len(found) > 1 else ""
        yield Finding("CON-PERFYEAR", "warn",
                      f"绩效内容中的年度 {year}（“{phrases[0]}…”{more}）早于文件年度 {ctx.doc.year}："
                      f"疑为沿用往年的绩效目标或自评文字",
                      f"Performance text mentions {year} ({len(found)}x), older than the document's "
                      f"{ctx.doc.year}", f"CON-PERFYEAR|{year}", where,
                      {"printed": year, "expected": ctx.doc.year, "operands": phrases})


def _figure(t: Text, m: re.Match[str], group: int, label: str) -> Num:
    where = t.where(m.start(group), m.end(group), m.group(group))
    return amount(m.group(group), "万元", where[0] if where else None, label)


def _totals(ctx: Context) -> dict[str, list[Num]]:
    """The tables' spending totals and parts, all funds and 一般公共预算 alike."""
    if ctx.kind == "决算":
        refs = {"total": [Ref("FIN-03", r"合计", r"本年支出合计|^合计"), Ref("FIN-05", r"合计", r"合计|小计"),
                          Ref("FIN-04", r"本年支出合计", r"^合计|合计$", side="支出"),
                          Ref("FIN-01", r"本年支出合计", side="支出")],
                "基本支出": [Ref("FIN-03", r"合计", r"基本支出"), Ref("FIN-05", r"合计", r"基本支出")],
                "项目支出": [Ref("FIN-03", r"合计", r"项目支出"), Ref("FIN-05", r"合计", r"项目支出")]}
    else:
        refs = {"total": [Ref("BUD-T1", r"(本年)?支出(合计|总计)|合计|总计", side="支出"),
                          Ref("BUD-T3", r"(支出)?合计", r"合计$|^合计"), Ref("BUD-T5", r"合计", r"合计$|^合计"),
                          Ref("BUD-T4", r"(本年)?支出(合计|总计)|合计|总计", side="支出")],
                "基本支出": [Ref("BUD-T3", r"(支出)?合计", r"基本支出$|基本支出/(小计|合计)|^基本支出"),
                         Ref("BUD-T5", r"合计", r"基本支出$|基本支出/(小计|合计)")],
                "项目支出": [Ref("BUD-T3", r"(支出)?合计", r"项目支出"), Ref("BUD-T5", r"合计", r"项目支出")]}
    out: dict[str, list[Num]] = {}
    for key, rs in refs.items():
        out[key] = [n for n in (resolve(ctx, r) for r in rs) if n is not None and not n.blank]
    return out


def _matches(n: Num, pool: list[Num]) -> Num | None:
    return next((p for p in pool if abs(n.value - p.value) <= n.half + p.half), None)


@rule("TXT-PERF", "绩效说明与自评表的金额与决算（预算）表一致", "Performance amounts agree with the tables",
      "warn", "部门整体支出绩效自评的执行数应为本年支出合计，基本支出总额、项目支出总额应与支出表一致；整体支出"
      "绩效所涉资金不应只是基本支出或项目支出；预算中实行绩效目标管理的项目资金不应超过项目支出（决算中的项目"
      "自评资金可与项目支出不同，不比较）。")
def performance_amounts(ctx: Context) -> Iterator[Finding]:
    totals = _totals(ctx)
    if not totals["total"]:
        return
    for t in _texts(ctx):
        yield from _whole(ctx, t, totals)
        if ctx.kind == "预算":
            yield from _projects(ctx, t, totals)


def _whole(ctx: Context, t: Text, totals: dict[str, list[Num]]) -> Iterator[Finding]:
    shown = totals["total"][0]
    m = WHOLE.search(t.text)
    if m and ctx.kind == "决算":
        done = _figure(t, m, 2, "整体支出执行数")
        if _matches(done, totals["total"]) is None:
            yield _finding(ctx, "whole", f"部门整体支出绩效自评的执行数 {m.group(2)} 万元与{_table(ctx, shown)}"
                           f"本年支出合计 {shown.text}{shown.unit or '万元'} 不一致", done, shown)
        parts = {k: _figure(t, p, 1, f"{k}总额") for k, rx in PART_TOTALS.items() if (p := rx.search(t.text))}
        if len(parts) == 2 and abs(sum((p.value for p in parts.values()), Decimal(0)) - done.value) \
                <= sum((p.half for p in parts.values()), done.half):
            for key, n in parts.items():  # execution figures (they add up to 执行数): as the tables
                if totals[key] and _matches(n, totals[key]) is None:
                    table = totals[key][0]
                    yield _finding(ctx, key, f"部门整体支出绩效自评表的{key}总额 {n.text} 万元与{_table(ctx, table)}{key} "
                                   f"{table.text}{table.unit or '万元'} 不一致", n, table)
    for m in WHOLE_SAID.finditer(t.text):
        said = _figure(t, m, 1, "整体支出绩效所涉资金")
        if _matches(said, totals["total"]) is not None:
            continue
        for key in ("基本支出", "项目支出"):
            part = _matches(said, totals[key])
            if part is not None:
                yield _finding(ctx, f"said-{key}", f"整体支出绩效所涉资金 {m.group(1)} 万元是{key}（{part.text}"
                               f"{part.unit or '万元'}），而非全部支出 {shown.text}{shown.unit or '万元'}：口径不符",
                               said, part)
                break
        else:
            if said.value - said.half > max(n.value + n.half for n in totals["total"]):
                yield _finding(ctx, "said-over", f"整体支出绩效所涉资金 {m.group(1)} 万元大于支出合计 "
                               f"{shown.text}{shown.unit or '万元'}", said, shown)


def _projects(ctx: Context, t: Text, totals: dict[str, list[Num]]) -> Iterator[Finding]:
    """预算: the money of the projects with 绩效目标 is part of 项目支出 (NAR-08)."""
    if not totals["项目支出"]:
        return
    for m in PROJECT_SAID.finditer(t.text):
        said = _figure(t, m, 2, "实行绩效目标管理的项目资金")
        general = "一般公共预算" in m.group("what") or "当年拨款" in m.group("what")
        pool = totals["项目支出"][1:] if general and len(totals["项目支出"]) > 1 else totals["项目支出"][:1]
        whole = max(pool, key=lambda n: n.value)
        if said.value - said.half > whole.value + whole.half:
            yield _finding(ctx, "projects", f"实行绩效目标管理的项目资金 {m.group(2)} 万元大于项目支出 "
                           f"{whole.text}{whole.unit or '万元'}（项目资金应为项目支出的一部分）", said, whole)


def _table(ctx: Context, n: Num) -> str:
    t = ctx.tables.get(n.loc.table or "") if n.loc else None
    return ctx.name(t) if t is not None else "支出表"


def _finding(ctx: Context, what: str, zh: str, said: Num, table: Num) -> Finding:
    return Finding("TXT-PERF", "warn", zh, f"Performance amount {said.text} against the tables' {table.text}",
                   f"TXT-PERF|{what}|{said.text}", [n.loc for n in (said, table) if n.loc],
                   {"printed": said.text, "computed": table.value})

