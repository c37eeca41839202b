"""What the tables say, indexed the way the narrative speaks of it.

The narrative names a figure by a label ("本年收入合计", "一般公共服务支出（类）", "公共安全支出（204类）
司法（06款）行政运行（01项）", "人员经费") in a section that says which table it is about. This module
turns such a label into the candidate table figures it may refer to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.checks.context import Context, label
from core.checks.model import Location
from core.checks.numbers import Num, amount
from core.checks.refs import Ref, find_col, find_row, norm_name, resolve
from core.tables.model import ParsedTable

CHAIN = re.compile(r"(?P<name>[^（()）、，；：]{1,30}?)[（(](?P<code>\d{2,3})?(?P<level>类|款|项)[）)]")
SECTION_TABLES = {  # keyword in the section heading -> tables the figures come from, in order
    "决算": [(r"财政拨款收入支出决算总体|财政拨款收支", ["FIN-04"]), (r"收入支出决算总体|收支决算总体", ["FIN-01"]),
             (r"一般公共预算财政拨款基本支出|基本支出决算", ["FIN-06", "FIN-05"]),
             (r"一般公共预算财政拨款支出|一般公共预算财政拨款", ["FIN-05"]), (r"三公", ["FIN-07"]),
             (r"政府性基金", ["FIN-08"]), (r"国有资本经营", ["FIN-09"]),
             (r"收入决算", ["FIN-01", "FIN-02"]), (r"支出决算", ["FIN-01", "FIN-03"])],
    "预算": [(r"财政拨款收支", ["BUD-T4"]), (r"基本支出", ["BUD-T8", "BUD-T5", "BUD-T3"]),
             (r"三公", ["BUD-T9"]), (r"政府性基金", ["BUD-T6"]), (r"国有资本经营", ["BUD-T7"]),
             (r"一般公共预算", ["BUD-T5", "BUD-T4"]), (r"收入预算", ["BUD-T1", "BUD-T2"]),
             (r"支出预算", ["BUD-T1", "BUD-T3"]), (r"收支预算|收支总", ["BUD-T1"])],
}
ALL_TABLES = {"决算": ["FIN-05", "FIN-03", "FIN-01", "FIN-04", "FIN-02", "FIN-06", "FIN-07", "FIN-08",
                       "FIN-09"],
              "预算": ["BUD-T5", "BUD-T3", "BUD-T1", "BUD-T4", "BUD-T2", "BUD-T8", "BUD-T9", "BUD-T6",
                       "BUD-T7"]}
SECTION_BOUND = {r"收入总计", r"支出总计"}  # totals every summary table has: the section says whose
# Labels of document-level totals -> where they are printed (table, row, column).
TOTALS = {
    "决算": [
        (r"收入支出总计|收支总计", [Ref("FIN-01", r"总计", side="收入")]),
        (r"财政拨款收入支出总计|财政拨款收支总计", [Ref("FIN-04", r"总计", side="收入")]),
        (r"收入总计", [Ref("FIN-01", r"总计", side="收入")]),
        (r"支出总计", [Ref("FIN-01", r"总计", side="支出")]),
        (r"本年收入(合计)?|收入合计", [Ref("FIN-01", r"本年收入合计", side="收入")]),
        (r"本年支出(合计)?|支出合计", [Ref("FIN-01", r"本年支出合计", side="支出")]),
        (r"财政拨款收入", [Ref("FIN-02", r"合计", r"财政拨款收入")]),
        (r"(本年)?基本支出", [Ref("FIN-03", r"合计", r"基本支出"), Ref("FIN-05", r"合计", r"基本支出")]),
        (r"(本年)?项目支出", [Ref("FIN-03", r"合计", r"项目支出"), Ref("FIN-05", r"合计", r"项目支出")]),
        (r"(上级补助|事业|经营|附属单位上缴|其他)收入", []),
        (r"一般公共预算财政拨款(支出)?(决算)?", [Ref("FIN-05", r"合计", r"合计 || 小计")]),
        (r"一般公共预算财政拨款基本支出", [Ref("FIN-05", r"合计", r"基本支出")]),
        (r"一般公共预算(财政拨款)?项目支出", [Ref("FIN-05", r"合计", r"项目支出")]),
        (r"人员经费", [Ref("FIN-06", r"人员经费合计", r"基本支出 || .*")]),
        (r"(日常)?公用经费", [Ref("FIN-06", r"公用经费合计", r"基本支出 || .*")]),
    ],
    "预算": [
        (r"收支总预算|收支预算总额|收入预算|收入总计|本年收入", [Ref("BUD-T1", r"收入总计|本年收入合计|收入合计", side="收入")]),
        (r"支出预算|支出总计|本年支出", [Ref("BUD-T1", r"支出总计|本年支出合计|支出合计", side="支出")]),
        (r"财政拨款收支总预算|财政拨款收入|财政拨款支出(预算)?", [Ref("BUD-T4", r"收入总计|总计|收入合计", side="收入")]),
        (r"一般公共预算(当年)?拨款(收入|支出)?(预算)?", [Ref("BUD-T5", r"合计", r"合计 || ^合计 || 金额")]),
        (r"(一般公共预算)?基本支出", [Ref("BUD-T5", r"合计", r"基本支出"), Ref("BUD-T3", r"(支出)?合计", r"基本支出"),
                                    Ref("BUD-T8", r"合计", r"合计 || 金额")]),
        (r"项目支出", [Ref("BUD-T5", r"合计", r"项目支出"), Ref("BUD-T3", r"(支出)?合计", r"项目支出")]),
        (r"人员(经费|支出)", [Ref("BUD-T8", r"合计", r"人员经费 || 人员支出"), Ref("BUD-T5", r"合计", r"人员")]),
        (r"(日常)?公用(经费|支出)", [Ref("BUD-T8", r"合计", r"公用经费"), Ref("BUD-T5", r"合计", r"公用")]),
    ],
}


@dataclass
class Target:
    """A table figure a narrative amount may refer to."""

    table: str
    row: int
    nums: list[Num]  # every printed value of that row (any may be the one meant)
    describe: str


def tables_for(ctx: Context, section_text: str) -> list[str]:
    for pattern, ids in SECTION_TABLES.get(ctx.kind, []):
        if re.search(pattern, section_text):
            return [t for t in ids if ctx.table(t) is not None]
    return [t for t in ALL_TABLES.get(ctx.kind, []) if ctx.table(t) is not None]


def row_target(ctx: Context, table: ParsedTable, row: int) -> Target:
    columns = ctx.value_columns(table, str(Context.records(table)[row]["side"]))
    nums = [ctx.num(table, row, col, wan=True) for col in columns if (row, col) in table.cells]
    if not nums and columns:  # a row printed blank says 0
        nums = [ctx.num(table, row, columns[0], wan=True)]
    name = label(Context.records(table)[row]["name"])
    return Target(table.id, row, nums, f"{ctx.name(table)}“{Context.records(table)[row]['code'] or ''}{name}”")


def chains_of(text: str) -> list[list[tuple[str, str | None, str]]]:
    """Every 类/款/项 chain in text, e.g. [[("公共安全支出", "204", "类"), ("司法", "06", "款"),
    ("行政运行", "01", "项")]] for "公共安全支出（204类）司法（06款）行政运行（01项）"."""
    text = re.sub(r"[“”\"'‘’]", "", text)
    chains: list[list[tuple[str, str | None, str]]] = []
    last_end = -1
    for m in CHAIN.finditer(text):
        name = re.sub(r"^\s*\d{1,2}\s*[、.．]\s*", "", m.group("name").lstrip("、，")).strip()
        item = (name, m.group("code"), m.group("level"))
        if chains and m.start() == last_end and item[2] != "类":
            chains[-1].append(item)
        else:
            chains.append([item])
        last_end = m.end()
    return chains


def chain_of(text: str) -> list[tuple[str, str | None, str]]:
    """The first 类/款/项 chain of text ([] when there is none)."""
    found = chains_of(text)
    return found[0] if found else []


def chain_targets(ctx: Context, chain: list[tuple[str, str | None, str]], tables: list[str]
                  ) -> list[Target]:
    """The rows a 类/款/项 chain names, by codes when printed, else by names under each other."""
    out = []
    codes = [c for _, c, _ in chain if c]
    for table_id in tables:
        table = ctx.table(table_id)
        if table is None:
            continue
        row = None
        if len(codes) == len(chain) and codes:
            row = find_row(ctx, table, "code:" + "".join(codes))
        if row is None:
            row = _by_names(ctx, table, [n for n, _, _ in chain])
        if row is not None:
            out.append(row_target(ctx, table, row))
    return out


def _named_rows(ctx: Context, table: ParsedTable) -> list[tuple[int, str, str]]:
    """(row, code, norm_name) of every row, made once per run: each amount of the narrative
    looks its subject up in every row of its section's tables."""
    return ctx.memo(("named", id(table)), lambda: [
        (i, str(r["code"]), norm_name(r["name"])) for i, r in ctx.rows(table)])


def _by_names(ctx: Context, table: ParsedTable, names: list[str]) -> int | None:
    prefix = ""
    found = None
    for depth, name in enumerate(names):
        width = {0: 3, 1: 5, 2: 7}[min(depth, 2)]
        found = None
        wanted = norm_name(name)
        for i, code, norm in _named_rows(ctx, table):
            if norm == wanted and (not code or (len(code) == width and code.startswith(prefix))):
                found = i
                prefix = code
                break
        if found is None:
            return None
    return found


SANGONG_ITEMS = [  # (keywords all present in the label, column regex), most specific first
    (("购置", "运行"), r"公务用车.*小计|购置及运行(维护)?费?(/预算数|/决算数)?$"),
    (("购置",), r"购置费?(/预算数|/决算数)?$"), (("运行",), r"运行(维护)?费(/预算数|/决算数)?$"),
    (("出国",), r"因公出国"), (("接待",), r"接待"), (("三公",), r"三公.*(合计|小计)$ || ^合计$")]


def sangong_targets(ctx: Context, label_text: str) -> list[Target]:
    """The 三公 table figure a label names: which item (合计, 出国, 车, 接待…) and, in a final
    account, 预算数 or 决算数."""
    table = ctx.table("FIN-07" if ctx.kind == "决算" else "BUD-T9")
    if table is None:
        return []
    if not len(table.frame) and "机关运行经费" not in label_text:
        # a table printed without figures says every 三公 item is 0 (机关运行经费 is not in it)
        ref = table.title_ref
        where = Location(ref.page, ref.bbox, table.id, None, None, ref.text) if ref else None
        return [Target(table.id, -1, [amount("", "万元", where)], f"{ctx.name(table)}（无数据）")]
    if "机关运行经费" in label_text:
        pattern = r"机关运行经费"
    else:
        pattern = next((rx for words, rx in SANGONG_ITEMS if all(w in label_text for w in words)), "")
        if not pattern:
            return []
    group = ""
    if ctx.kind == "决算":
        group = "预算数" if "预算" in label_text and "决算" not in label_text else "决算数"
    rows = [i for i, r in ctx.rows(table) if norm_name(r["name"]) in ("合计", "")]
    rows = rows or [i for i, _ in ctx.rows(table)]
    alternatives = [f"^(?=.*{group})(?=.*(?:{alt}))" if group else alt for alt in pattern.split(" || ")]
    for i in rows[:1]:
        col = find_col(ctx, table, i, " || ".join(alternatives))
        if col is not None:  # a blank cell is a 0 the narrative must not contradict
            n = ctx.num(table, i, col, wan=True)
            return [Target(table.id, i, [n], f"{ctx.name(table)}“{col}”")]
    return _sangong_by_row(ctx, table, pattern, group)


def _sangong_by_row(ctx: Context, table: ParsedTable, pattern: str, group: str) -> list[Target]:
    """The same for a table that lists the items as rows (预算数 / 决算数 as columns)."""
    columns = ctx.value_columns(table, "")
    col = next((c for c in columns if group and group in c), columns[0] if columns and not group else None)
    if col is None:
        return []
    for alt in pattern.split(" || "):
        rx = re.compile(re.sub(r"\(/预算数\|/决算数\)\?", "", alt))
        for i, r in ctx.rows(table):
            if rx.search(norm_name(r["name"])):
                n = ctx.num(table, i, col, wan=True)
                return [Target(table.id, i, [n], f"{ctx.name(table)}“{label(r['name'])}”{col}")]
    return []


def label_targets(ctx: Context, label_text: str, tables: list[str]) -> list[Target]:
    """Targets of a plain label: a document total, or a row named so in the section's tables."""
    key = norm_name(re.sub(r"(?:19|20)\d{2}\s*年度?", "", label_text)).replace("“", "").replace("”", "")
    if ctx.doc.entity:
        key = key.replace(ctx.doc.entity, "")
    key = re.sub(r"^[（(][^）)]*[）)]|^[^（(）)]*[）)]", "", key)  # what is left of the entity's name
    key = re.sub(r"^(本部门|本单位|部门|单位|我局|我部|我单位)", "", key)
    key = re.sub(r"(总额|总数)$", "", key)
    if re.search(r"三公|因公出国|公务接待|公务用车|机关运行经费", key):
        return sangong_targets(ctx, key)
    for pattern, refs in TOTALS.get(ctx.kind, []):
        if re.fullmatch(pattern, key):
            out = []
            for ref in refs:
                if pattern in SECTION_BOUND and tables and ref.table not in tables:
                    continue  # "支出总计" in the 财政拨款 section is that table's, not 表1's
                n = resolve(ctx, ref)
                if n is not None:
                    out.append(Target(ref.table, -1, [n], f"{ref.describe(ctx)}“{label(key)}”"))
            return out
    out = []
    for table_id in tables:
        table = ctx.table(table_id)
        if table is None:
            continue
        for i, _, norm in _named_rows(ctx, table):
            if norm == key and key:
                out.append(row_target(ctx, table, i))
                break
    return out


__all__ = ["Target", "chain_of", "chain_targets", "label_targets", "tables_for", "find_col"]
