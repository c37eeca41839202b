"""Every amount printed in a table of the seed fixtures is read back exactly, where it was printed."""
from __future__ import annotations

import re
from typing import Any

import pytest

from core.amounts import is_amount, parse_amount
from core.tables.model import LABEL_COLUMNS, ParsedTable
from tests.conftest import SEED_NAMES

NOT_AMOUNT_HEADER = re.compile(r"行次|栏次|编码|代码|序号|^类$|^款$|^项$|分值|得分|权重|年度指标值|实际完成值")


def _column_headers(table: dict[str, Any]) -> dict[int, str]:
    heads: dict[int, list[str]] = {}
    for cell in table["cells"]:
        if cell["header"]:
            for c in range(cell["col"], cell["col"] + cell["cs"]):
                heads.setdefault(c, []).append("".join(cell["text"].split()))
    return {c: "/".join(v) for c, v in heads.items()}


def _amount_cells(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The printed amounts of a truth table (not codes, 行次 or 栏次 numbers)."""
    heads = _column_headers(table)
    rows_with_colno = {c["row"] for c in table["cells"] if not c["header"] and "栏次" in c["text"]}
    out = []
    for cell in table["cells"]:
        text = cell["text"].strip()
        if cell["header"] or cell["row"] in rows_with_colno or not is_amount(text):
            continue
        if any(NOT_AMOUNT_HEADER.search(part) for part in heads.get(cell["col"], "").split("/")):
            continue
        if re.fullmatch(r"\d{3}(\d{2}){0,2}", text) and cell["col"] <= 1:
            continue  # a subject code
        out.append(cell)
    return out


def _parsed_cells(table: ParsedTable) -> list[tuple[int, tuple[float, ...], str, Any]]:
    value_cols = [c for c in table.frame.columns if c not in LABEL_COLUMNS]
    return [(ref.page, ref.bbox, ref.text, table.frame.at[row, col])
            for (row, col), ref in table.cells.items() if col in value_cols]


def _inside(box: tuple[float, ...], cell_box: list[float]) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return cell_box[0] - 1 <= cx <= cell_box[2] + 1 and cell_box[1] - 1 <= cy <= cell_box[3] + 1


def _match_table(truth: dict[str, Any], tables: list[ParsedTable]) -> ParsedTable | None:
    want = truth["expect"]["id"]
    same = [t for t in tables if t.id == want and set(t.pages) & set(truth["pages"])]
    return same[0] if same else None


STANDARD = re.compile(r"^(FIN-0\d|BUD-T\d)$")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_amount_is_read_exactly(name: str, seeds: Any, analysed: Any) -> None:
    report = analysed[name]
    problems: list[str] = []
    checked = 0
    for truth in seeds[name].truth["tables"]:
        if not STANDARD.match(truth["expect"]["id"]):
            continue
        table = _match_table(truth, report.tables)
        if table is None:
            problems.append(f"{truth['expect']['id']} (pages {truth['pages']}) not found")
            continue
        parsed = _parsed_cells(table)
        for cell in _amount_cells(truth):
            checked += 1
            hits = [p for p in parsed if p[0] == cell["page"] and _inside(p[1], cell["bbox"])]
            want = parse_amount(cell["text"])
            if not hits:
                problems.append(f"{table.id} p{cell['page']} row {cell['row']} col {cell['col']}: "
                                f"{cell['text']!r} not read")
            elif hits[0][3] != want:
                problems.append(f"{table.id} p{cell['page']} row {cell['row']} col {cell['col']}: "
                                f"{cell['text']!r} read as {hits[0][3]!r}")
    assert checked > 0
    assert not problems, f"{len(problems)} of {checked} amounts wrong:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_standard_tables_found_once_with_pages_and_unit(name: str, seeds: Any,
                                                        analysed: Any) -> None:
    report = analysed[name]
    expected = [t for t in seeds[name].truth["tables"] if STANDARD.match(t["expect"]["id"])]
    found = [t for t in report.tables if t.standard]
    assert sorted(t.id for t in found) == sorted(t["expect"]["id"] for t in expected)
    for truth in expected:
        table = _match_table(truth, found)
        assert table is not None
        assert table.pages == truth["pages"], table.id
        assert table.unit == truth["expect"].get("unit"), table.id
