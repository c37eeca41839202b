"""科目编码: codes well formed, named as the year's 政府收支分类科目 names them, alike everywhere."""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.codes import name_key, scheme, scheme_of
from core.checks.context import Context
from core.checks.model import Finding, Location
from core.checks.registry import rule


def _coded_rows(ctx: Context) -> Iterator[tuple[str, int, str, str]]:
    for table in ctx.report.tables:
        for i, row in enumerate(Context.records(table)):  # frames have a RangeIndex
            code, name = str(row["code"]), "".join(str(row["name"]).split())
            if code and name:
                yield table.id, i, code, name


@rule("CODE-01", "科目编码格式", "Subject code format", "warn",
      "功能分类编码为 3/5/7 位（类/款/项），经济分类为 3/5 位；下级编码应以上级编码开头。")
def code_format(ctx: Context) -> Iterator[Finding]:
    for table in ctx.report.tables:
        for i, row in enumerate(Context.records(table)):  # iterrows built a Series per row
            code = str(row["code"])
            if not code:
                continue
            economic = code.startswith("3")
            if len(code) not in ((3, 5) if economic else (3, 5, 7)) or not code.isdigit():
                loc = ctx.loc(table, i, "code")
                yield Finding("CODE-01", "warn",
                              f"{ctx.name(table)}“{row['name']}”的科目编码“{code}”位数不对"
                              f"（应为{'3或5' if economic else '3、5或7'}位）",
                              f"{table.id} '{row['name']}': malformed code {code}",
                              f"{table.id}|{code}|{row['name']}", [loc], {"printed": code})


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace a character) turning a into b."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _variant(name: str, official: str) -> bool:
    """A slip of the pen in an official name (对社会保障基金补助 for 对社会保险基金补助): one
    character off, or two in a long name. A name that is another code's is never a variant."""
    a, b = name_key(name), name_key(official)
    return _distance(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1) and min(len(a), len(b)) >= 3


@rule("CODE-02", "科目编码与名称一致", "Code and name match the classification", "error",
      "表中科目名称应与当年《政府收支分类科目》中该编码的名称一致（如 2210201 住房公积金）。")
def code_names(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.year
    for table_id, i, code, name in _coded_rows(ctx):
        s = scheme_of(code)
        if s is None:
            continue
        official = s.official(code, year)
        if official is None or s.acceptable(code, name, year):
            continue
        table = next(t for t in ctx.report.tables if t.id == table_id)
        loc = ctx.loc(table, i, "name")
        if name_key(official).startswith(name_key(name)) and len(name) >= 0.6 * len(official):
            severity, what = "info", "名称不完整（可能被截断）"
        elif code in s.uncertain or code in s.retired:
            severity, what = "info", "名称与科目表不一致（该科目在内置科目表中尚待核实）"
        elif s.outdated(name, year):
            severity, what = "warn", "使用了已更名的旧科目名称"
        elif _variant(name, official) and all(code.startswith(other)  # its parent's name
                                               for other in s.by_name.get(name_key(name), [])):
            severity, what = "warn", "与科目名称相差一两个字（疑为错字）"
        else:
            severity, what = "error", "名称与科目编码不符"
        yield Finding("CODE-02", severity,
                      f"{ctx.name(table)}科目 {code}“{name}”{what}：{year or ''}年科目表中 {code} 为“{official}”",
                      f"{table_id} {code} '{name}' does not match the classification ({official})",
                      f"{table_id}|{code}|{name}", [loc], {"printed": name, "expected": official})


@rule("CODE-03", "同一编码各处名称相同", "One code, one name across the document", "warn",
      "同一科目编码在各表中的名称应一致。")
def same_code_same_name(ctx: Context) -> Iterator[Finding]:
    names: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for table_id, i, code, name in _coded_rows(ctx):
        names.setdefault(code, {}).setdefault(name_key(name), []).append((table_id, i))
    for code, variants in names.items():
        if len(variants) < 2:
            continue
        keys = sorted(variants, key=lambda k: -len(variants[k]))
        if all(keys[0].startswith(k) or k.startswith(keys[0]) for k in keys[1:]):
            continue  # one of them cut by wrapping
        locs = []
        for key in keys[1:]:
            for table_id, i in variants[key]:
                table = next(t for t in ctx.report.tables if t.id == table_id)
                locs.append(ctx.loc(table, i, "name"))
        yield Finding("CODE-03", "warn",
                      f"科目 {code} 在各表中名称不一致：" + "、".join(f"“{k}”" for k in keys),
                      f"Code {code} is named differently across tables: " + ", ".join(keys),
                      f"{code}|" + "|".join(sorted(keys)), locs, {"operands": keys})


@rule("CODE-04", "使用已更名的旧科目名称", "Outdated class names", "warn",
      "说明中使用了已更名的旧科目名称，如“文化体育与传媒支出”（现“文化旅游体育与传媒支出”）、"
      "“医疗卫生与计划生育支出”（现“卫生健康支出”）。")
def outdated_names(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.year
    fun = scheme("functional")
    olds = [(r, r["name"]) for r in fun.renamed if year and year > int(r["until"]) + 1
            and len(str(r["code"])) == 3]
    text = ctx.narrative.text
    for entry, old in olds:
        for k, m in enumerate(re.finditer(re.escape(old), text)):
            boxes = ctx.narrative.boxes(m.start(), m.end())

            yield Finding("CODE-04", "warn",
                          f"说明使用旧科目名称“{old}”，{year}年应为“{entry['now']}”",
                          f"The narrative uses the old class name {old}; in {year} it is {entry['now']}",
                          f"old-name|{old}|{k}", [Location(p, b, text=old) for p, b in boxes],
                          {"printed": old, "expected": entry["now"]})
