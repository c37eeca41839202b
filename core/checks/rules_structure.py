"""完整性: required tables, empty tables and their 说明, detail levels, required narrative sections."""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import TABLE_NAME_ZH, Context
from core.checks.model import Finding, Location
from core.checks.registry import rule
from core.tables.catalog import BUD_IDS, BY_ID, FIN_IDS

SAID_ZERO = re.compile(r"(为|支出|安排)\s*0(\.0+)?\s*(万元|元)?(?![\d.])")
EMPTY_NOTE = re.compile(r"无.{0,20}(收入|支出|收支|安排|数据|预算|经费|项目)|空表|为空|无数据|没有|未安排|不涉及")
SECTIONS = {
    "决算": [("收入支出决算总体情况", r"收入支出决算总体"), ("收入决算情况", r"收入决算情况"),
             ("支出决算情况", r"支出决算情况"), ("财政拨款收入支出决算总体情况", r"财政拨款收入?支出?决算总体|财政拨款收支决算总体"),
             ("一般公共预算财政拨款支出决算情况", r"一般公共预算财政拨款支出决算"),
             ("一般公共预算财政拨款基本支出决算情况", r"基本支出决算"), ("“三公”经费支出决算情况", r"三公"),
             ("政府性基金预算财政拨款收入支出决算情况", r"政府性基金"),
             ("国有资本经营预算财政拨款收入支出决算情况", r"国有资本经营"), ("机关运行经费", r"机关运行经费"),
             ("政府采购", r"政府采购"), ("国有资产占有使用", r"国有资产"), ("预算绩效", r"绩效"),
             ("名词解释", r"名词解释")],
    "预算": [("收支预算总体情况", r"收支|收入预算|支出预算|预算编制说明|预算安排情况"),
             ("“三公”经费预算", r"三公"), ("机关运行经费", r"机关运行经费"), ("政府采购预算", r"政府采购"),
             ("国有资产占有使用", r"国有资产"), ("绩效目标", r"绩效"), ("名词解释", r"名词解释")],
}


def _table_loc(ctx: Context, table_id: str) -> Location:
    t = ctx.tables[table_id]
    ref = t.title_ref
    return Location(ref.page, ref.bbox, t.id, None, None, ref.text) if ref else \
        Location(t.pages[0], None, t.id)


def missing_tables(ctx: Context) -> list[str]:
    """The standard tables the document's kind and year require but that were not found, in
    catalogue order: STR-03's findings and the batch summary's 缺少表格 column alike."""
    wanted = FIN_IDS if ctx.kind == "决算" else BUD_IDS
    since: dict[str, int] = ctx.settings.tol("required_since", {})
    seen = {t.id for t in ctx.report.tables if t.standard}
    return [t for t in wanted if t not in seen
            and not (ctx.doc.year and ctx.doc.year < int(since.get(t, 0)))]  # not yet required


@rule("STR-03", "标准表格齐全", "All standard tables present", "error",
      "决算应公开 FIN-01…FIN-09 九张表，预算应公开 BUD-T1…BUD-T9 九张表，按标题识别，每张一次。")
def required_tables(ctx: Context) -> Iterator[Finding]:
    if not ctx.report.tables and len(ctx.narrative.sentences) > 20:
        yield Finding("STR-03", "manual", "本文件只有说明部分、没有公开表格；请与单独公开的表格文件合并核对。",
                      "This file holds the narrative only, no tables; check it with the tables file.",
                      "narrative-only", [Location(1, None)])
        return
    if not ctx.report.tables:
        return
    seen = [t.id for t in ctx.report.tables if t.standard]
    for table_id in missing_tables(ctx):
        name = TABLE_NAME_ZH.get(table_id, BY_ID[table_id].name)
        yield Finding("STR-03", "error", f"缺少{name}（{table_id}）",
                      f"Standard table {table_id} ({name}) is missing",
                      f"missing:{table_id}", [Location(1, None, table_id)])
    for table_id in set(seen):
        if seen.count(table_id) > 1:
            pages = [t.pages[0] for t in ctx.report.tables if t.id == table_id]
            yield Finding("STR-03", "warn", f"{TABLE_NAME_ZH.get(table_id)}出现{seen.count(table_id)}次"
                          f"（第{'、'.join(map(str, pages))}页）", f"{table_id} appears {seen.count(table_id)} times",
                          f"duplicate:{table_id}", [Location(p, None, table_id) for p in pages])


@rule("STR-04", "空表须保留表格并作说明", "An empty table keeps its frame and explains why", "error",
      "没有数据的表格（政府性基金、国有资本经营、“三公”等）应列出空表并在表下说明；其他必备表不应为空。")
def empty_tables(ctx: Context) -> Iterator[Finding]:
    for table_id, table in ctx.tables.items():
        if not table.empty:
            continue
        kind = BY_ID.get(table_id)
        name = ctx.name(table)
        note = (table.note or "") + "".join(str(n) for n in table.frame["name"])
        if kind is not None and kind.may_be_empty:
            if EMPTY_NOTE.search(note) or _said_in_narrative(ctx, table_id):
                continue
            tables_only = len(ctx.narrative.sentences) < 40
            yield Finding("STR-04", "warn" if tables_only else "error",
                          f"{name}为空表，但表下没有说明为何无数据"
                          + ("（说明可能在另行公开的情况说明中，请核对）" if tables_only else ""),
                          f"{table_id} is empty without a note saying why", f"no-note:{table_id}",
                          [_table_loc(ctx, table_id)])
        elif ctx.doc.entity and "XX" not in ctx.doc.entity:
            yield Finding("STR-04", "error", f"{name}没有任何数据（该表不应为空）",
                          f"{table_id} holds no figures", f"empty:{table_id}", [_table_loc(ctx, table_id)])


@rule("STR-05", "空表说明与数据不得矛盾", "An 'empty' note must not contradict data", "error",
      "表下说明称无数据（空表），但表中有非零数；或财政拨款收支总表中政府性基金、国有资本经营列有数，"
      "而对应的表为空（反之亦然）。")
def note_contradicts(ctx: Context) -> Iterator[Finding]:
    for table_id, table in ctx.tables.items():
        note = table.note or ""
        if not note or not re.search(r"空表|无数据|本表无|没有.{0,12}(收入|支出|安排)", note):
            continue
        values = [v for c in ctx.value_columns(table) for v in table.frame[c] if v]
        if values and any(v != 0 for v in values):
            yield Finding("STR-05", "error", f"{ctx.name(table)}说明“{note[:40]}”称无数据，但表中有数",
                          f"{table_id}'s note says it is empty but it holds figures",
                          f"contradicts:{table_id}", [_table_loc(ctx, table_id)],
                          {"printed": note[:60]})
    funds = [("FIN-04", "政府性基金", "FIN-08"), ("FIN-04", "国有资本经营", "FIN-09"),
             ("BUD-T4", "政府性基金", "BUD-T6"), ("BUD-T4", "国有资本经营", "BUD-T7")]
    for total_id, fund, fund_id in funds:
        total, table = ctx.tables.get(total_id), ctx.tables.get(fund_id)
        if total is None or table is None:
            continue
        cols = [c for c in ctx.value_columns(total) if fund in c]
        rows = [i for i, r in ctx.rows(total) if fund in str(r["name"])]
        has_fund = any(Context.records(total)[i][c] for c in cols for i in total.frame.index) or \
            any(Context.records(total)[i][c] for i in rows for c in ctx.value_columns(total))
        if has_fund and table.empty:
            yield Finding("STR-05", "error", f"{ctx.name(total)}有{fund}数据，但{ctx.name(table)}为空表",
                          f"{total_id} shows {fund} figures but {fund_id} is empty",
                          f"fund:{fund_id}", [_table_loc(ctx, total_id), _table_loc(ctx, fund_id)])


@rule("STR-07", "功能分类细化到项、经济分类细化到款", "Detail to 项 (function) and 款 (economic)",
      "error", "按功能分类公开的表应细化到项级（7位编码），基本支出按经济分类公开到款级（5位编码）。")
def detail_levels(ctx: Context) -> Iterator[Finding]:
    functional = ("FIN-02", "FIN-03", "FIN-05", "BUD-T2", "BUD-T3", "BUD-T5")
    economic = ("FIN-06", "BUD-T8")
    for table_id, table in ctx.tables.items():
        codes = [str(c) for c in table.frame["code"] if c]
        if not codes:
            continue
        want = 7 if table_id in functional else 5 if table_id in economic else None
        if want and not any(len(c) == want for c in codes):
            level = "项" if want == 7 else "款"
            yield Finding("STR-07", "error", f"{ctx.name(table)}未细化到{level}级科目",
                          f"{table_id} is not detailed to {level} level", f"level:{table_id}",
                          [_table_loc(ctx, table_id)])


@rule("STR-06", "说明部分章节齐全", "Required narrative sections present", "warn",
      "情况说明应包含收支总体、收入、支出、财政拨款、一般公共预算、基本支出、“三公”经费、"
      "政府性基金、国有资本经营、机关运行经费、政府采购、国有资产、绩效、名词解释等部分。")
def required_sections(ctx: Context) -> Iterator[Finding]:
    parts = [x for x in ctx.narrative.sections if x.level <= 2]
    if len(parts) < 3 and len(ctx.narrative.sentences) < 40:
        if ctx.report.tables:
            yield Finding("STR-06", "manual", "本文件只有公开表格、没有情况说明；请与说明文件合并核对。",
                          "This file holds the tables only; check it with the narrative file.",
                          "tables-only", [Location(1, None)])
        return
    text = ctx.narrative.text
    since: dict[str, int] = ctx.settings.tol("sections_since", {})
    for name, pattern in SECTIONS.get(ctx.kind, []):
        if ctx.doc.year and ctx.doc.year < int(since.get(name, 0)):
            continue
        if not re.search(pattern, text):
            yield Finding("STR-06", "warn", f"说明中未见“{name}”部分", f"No section on {name}",
                          f"section:{name}", [Location(1, None)])


FUND_WORDS = {"FIN-07": "三公", "BUD-T9": "三公", "FIN-08": "政府性基金", "BUD-T6": "政府性基金",
              "FIN-09": "国有资本经营", "BUD-T7": "国有资本经营"}


def _said_in_narrative(ctx: Context, table_id: str) -> bool:
    """The narrative may give the 说明 an empty table needs ("本部门无政府性基金预算支出")."""
    word = FUND_WORDS.get(table_id)
    if not word:
        return False
    for s in ctx.narrative.sentences:
        for part in re.split(r"[；;]", s.text):  # "…政府性基金拨款支出预算为0；国有资本…为0"
            if word in part and (EMPTY_NOTE.search(part) or SAID_ZERO.search(part)):
                return True
    return False
