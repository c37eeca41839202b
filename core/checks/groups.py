"""One root cause, one finding (issue 14): the consequences of one misprint gathered under it.

A reviewer who sees four broken sums that share one cell, each off by the same amount, writes one
note: "this cell is wrong". INT-CELL finds such a cell among the broken relations (the cell common
to all of them, whose one correction mends them all) and makes it the root, the relations its
members. CODE-COL does the same for a column of subject codes out of step with their names (one
numbering slip, not a dozen wrong names). Members keep their own messages and locations; the root
carries every location too, the suspect one first.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from core.amounts import UNITS, decimals_of, parse_amount
from core.checks.codes import name_key, scheme_of
from core.checks.context import Context, label
from core.checks.model import Finding, Location
from core.checks.registry import rule

SEVERITY_RANK = {"error": 0, "warn": 1}
Key = tuple[str, int, str]  # table, row, column


@dataclass
class _Relation:
    """A broken sum or equality: its cells, which one is the total, how far off (in 万元)."""

    finding: Finding
    cells: dict[Key, Location]
    total: Key | None
    diff: Decimal
    tol: Decimal

    def correction(self, key: Key) -> Decimal:
        """What key's value must change by (in 万元) for this relation to hold."""
        return -self.diff if key == self.total else self.diff


def _key(loc: Location) -> Key | None:
    if loc.table is None or loc.row is None or not loc.column or loc.column in ("code", "name"):
        return None
    return loc.table, loc.row, loc.column


def _relations(findings: list[Finding]) -> list[_Relation]:
    out = []
    for f in findings:
        v = f.values
        if f.severity not in SEVERITY_RANK or f.members or v.get("rounding") or "diff" not in v \
                or "operands" not in v:
            continue
        scale = UNITS.get(str(v.get("unit") or "万元"), UNITS["万元"]) / UNITS["万元"]
        cells = {k: loc for loc in f.locations if (k := _key(loc)) is not None}
        if len(cells) < 2:
            continue
        total = _key(f.locations[0]) if v.get("total_first") else None
        out.append(_Relation(f, cells, total, Decimal(v["diff"]) * scale,
                             Decimal(v.get("tolerance") or 0) * scale))
    return out


def _best(rels: list[_Relation], free: list[int]) -> tuple[Key, list[int], Decimal] | None:
    """The cell shared by the most broken relations that one correction of it mends."""
    by_cell: dict[Key, list[int]] = {}
    for i in free:
        for key in rels[i].cells:
            by_cell.setdefault(key, []).append(i)
    best: tuple[Key, list[int], Decimal] | None = None
    for key, idx in by_cell.items():
        if len(idx) < 2:
            continue
        for i in idx:
            c = rels[i].correction(key)
            agree = [j for j in idx if abs(rels[j].correction(key) - c) <= rels[i].tol + rels[j].tol]
            if len(agree) >= 2 and (best is None or len(agree) > len(best[1])):
                best = (key, agree, c)
    return best


def _describe(ctx: Context, key: Key) -> str:
    table = ctx.tables.get(key[0])
    if table is None:
        return f"{key[0]} 第{key[1] + 1}行（{key[2]}）"
    row = Context.records(table)[key[1]]
    name = f"{row['code']} {label(row['name'])}".strip() if row["code"] else label(row["name"])
    return f"{ctx.name(table)}“{name}”{key[2].split('#')[0]}"


def _corrected(text: str, correction_wan: Decimal, unit: str | None) -> str:
    value = parse_amount(text) or Decimal(0)
    step = Decimal(1).scaleb(-decimals_of(text))
    new = (value + correction_wan * UNITS["万元"] / UNITS.get(unit or "万元", UNITS["万元"])).quantize(step)
    return f"{new:,}" if "," in text or abs(new) >= 10000 else f"{new}"


@rule("INT-CELL", "一处数字致多处勾稽不符", "One wrong figure breaks several relations", "error",
      "同一单元格参与的多处表内、表间勾稽关系同时不成立，且该格改为同一个数即可全部成立时，"
      "合并为一条：该格为疑似错数，各不成立的关系列为其所含各项。", after=True)
def wrong_cell(ctx: Context) -> Iterator[Finding]:
    rels = _relations(ctx.findings)
    free = list(range(len(rels)))
    while (best := _best(rels, free)) is not None:
        key, idx, correction = best
        members = [rels[i].finding for i in idx]
        free = [i for i in free if i not in idx]
        cell = rels[idx[0]].cells[key]
        others = [k for k in {k for i in idx for k in rels[i].cells}
                  if k != key and all(k in rels[i].cells for i in idx)
                  and all(abs(rels[i].correction(k) - rels[idx[0]].correction(k))
                          <= rels[i].tol + rels[idx[0]].tol for i in idx)]
        table = ctx.tables.get(key[0])
        should = _corrected(cell.text or "0", correction, table.unit if table else None)
        where = _describe(ctx, key)
        also = "（或 " + "、".join(_describe(ctx, k) for k in others) + " 有误）" if others else ""
        severity = min((m.severity for m in members), key=lambda s: SEVERITY_RANK.get(s, 9))
        locations = [cell] + list(dict.fromkeys(
            loc for m in members for loc in m.locations if _key(loc) != key))
        yield Finding(
            "INT-CELL", severity,
            f"{where} 印为 {cell.text or '（空）'}，疑为错数：它所在的 {len(members)} 处勾稽关系均不成立，"
            f"若该数为 {should}，这些关系全部成立{also}",
            f"{where} printed {cell.text or 'blank'} looks wrong: {len(members)} relations through it "
            f"fail, and all hold if it were {should}",
            f"INT-CELL|{key[0]}|{where}", locations,
            {"printed": cell.text or "", "expected": should, "cell": list(key)}, members=members)


def _misnamed(ctx: Context) -> dict[str, list[Finding]]:
    """CODE-02 errors (a name that is not its code's) by table."""
    out: dict[str, list[Finding]] = {}
    for f in ctx.findings:
        if f.rule == "CODE-02" and f.severity == "error" and f.locations and f.locations[0].table:
            out.setdefault(f.locations[0].table or "", []).append(f)
    return out


@rule("CODE-COL", "整列科目编码与名称错配", "A column of codes out of step with their names",
      "error", "同一张表中多行（至少3行）的科目名称与其编码不符，且这些名称多是其他编码的正式名称："
      "编码整列错位或套用了其他编码表，合并为一条，各行列为其所含各项。", after=True)
def code_column(ctx: Context) -> Iterator[Finding]:
    for table_id, found in _misnamed(ctx).items():
        if len(found) < 3:
            continue
        moved = []
        for f in found:
            code = str(f.subject.split("|")[1]) if f.subject.count("|") >= 2 else ""
            s = scheme_of(code)
            owners = s.by_name.get(name_key(str(f.values.get("printed", "")))) if s else None
            if owners and code not in owners:
                moved.append((f, code, owners[0]))
        if len(moved) * 2 < len(found):
            continue  # wrong names here and there, not a column out of step
        table = ctx.tables.get(table_id)
        tname = ctx.name(table) if table is not None else table_id
        examples = "；".join(f"{code} 印为“{f.values.get('printed')}”（科目表中为 {owner}）"
                            for f, code, owner in moved[:3])
        yield Finding(
            "CODE-COL", "error",
            f"{tname}有 {len(found)} 行科目编码与名称不符，其中 {len(moved)} 行的名称是其他编码的科目名称"
            f"（{examples}……）：疑为编码整列错位或套用了其他编码，请核对该列编码",
            f"{table_id}: {len(found)} rows whose codes do not match their names, {len(moved)} of them "
            f"named as other codes: the code column looks out of step",
            f"CODE-COL|{table_id}", [loc for f in found for loc in f.locations],
            {"printed": [f.values.get("printed") for f in found]}, members=found)
