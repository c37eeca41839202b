"""The additive structure of a table, read from its labels rather than fixed positions.

Columns: header paths form a tree; a group's 合计/小计 column is the sum of its siblings
(基本支出/小计 = 基本支出/人员经费 + 基本支出/公用经费; 合计 = 基本支出 + 项目支出).
Rows of a two-sided table: detail rows, a 本年…合计 subtotal, adjustment rows (结转结余), a 总计.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.checks.context import Context, label
from core.tables.model import ParsedTable

TOTAL_COL = re.compile(r"^(合计|小计|总计|本年收入合计|本年支出合计|金额合计|合计金额|“?三公”?经费(支出)?(合计|小计))$")
NOT_ADDITIVE = re.compile(r"其中|行次|栏次|%|率|比|上年|增减|差额|变动")
TOP_ORDINAL = re.compile(r"^[一二三四五六七八九十]+\s*、")
SUB_ORDINAL = re.compile(r"^(\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)]|其中)")
SUBTOTAL_ROW = re.compile(r"^(本年|当年)?(收入|支出)?(合计|小计)$")
TOTAL_ROW = re.compile(r"^(收入|支出)?总计$|^(收入|支出)合计$")
FUND_CHILD = re.compile(r"^(其中：)?(一般公共预算|政府性基金|国有资本经营)")


@dataclass
class ColumnGroup:
    total: str | None
    members: list[str] = field(default_factory=list)  # direct children: columns or subgroup keys
    subgroups: dict[str, "ColumnGroup"] = field(default_factory=dict)


def column_tree(columns: list[str]) -> ColumnGroup:
    """Group value columns by header path; each group knows its total column, if printed."""
    root = ColumnGroup(None)
    for col in columns:
        parts = col.split("#")[0].split("/")
        if any(NOT_ADDITIVE.search(p) for p in parts):
            continue
        group = root
        for part in parts[:-1]:
            if part not in group.subgroups:
                group.subgroups[part] = ColumnGroup(None)
                group.members.append(part)
            group = group.subgroups[part]
        if TOTAL_COL.match(parts[-1]) and group.total is None:
            group.total = col
        else:
            group.members.append(col)
    return root


def side_rows(ctx: Context, table: ParsedTable, side: str) -> dict[str, list[int]]:
    """Rows of one side of a two-sided table by their role:

    detail (top level), children[i] (sub-items of detail row i), subtotal, adjust, total."""
    roles: dict[str, list[int]] = {"detail": [], "subtotal": [], "adjust": [], "total": []}
    rows = list(ctx.rows(table, side))
    names = {i: label(r["name"]) for i, r in rows}
    has_ordinals = any(TOP_ORDINAL.match("".join(str(r["name"]).split())) for _, r in rows)
    phase = "detail"
    for i, row in rows:
        raw = "".join(str(row["name"]).split())
        name = names[i]
        if not name:
            continue
        if TOTAL_ROW.match(name) and (phase != "detail" or not SUBTOTAL_ROW.match(name)):
            roles["total"].append(i)
            phase = "done"
        elif SUBTOTAL_ROW.match(name) and phase == "detail" and roles["detail"]:
            roles["subtotal"].append(i)
            phase = "adjust"
        elif SUBTOTAL_ROW.match(name) and phase == "detail":
            roles["subtotal"].append(i)  # "一、本年支出合计" printed above its detail rows
            phase = "lead"
        elif phase == "lead":
            if TOP_ORDINAL.match(raw):
                roles["adjust"].append(i)
                phase = "adjust"
            else:
                roles["detail"].append(i)
        elif phase == "detail":
            top = bool(TOP_ORDINAL.match(raw)) if has_ordinals else not SUB_ORDINAL.match(raw)
            if top or not roles["detail"]:
                roles["detail"].append(i)
            else:
                roles.setdefault(f"child:{roles['detail'][-1]}", []).append(i)
        elif phase == "adjust":
            parent = roles["adjust"][-1] if roles["adjust"] else -1
            if FUND_CHILD.match(name) and parent >= 0:
                roles.setdefault(f"child:{parent}", []).append(i)
            else:
                roles["adjust"].append(i)
    return roles
