"""Random single edits of a seed document, for the mutation test.

Each edit changes one printed thing of the structured seed (a table amount, a narrative amount, a
percentage, a year, a subject name) the way a careless editor would, and says where it will be
printed, so the test can ask whether some finding points at it.
"""
from __future__ import annotations

import copy
import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.amounts import decimals_of, is_amount, parse_amount
from core.resources import read_json

AMOUNT_TEXT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?=\s*(?:万元|元))")
PERCENT_TEXT = re.compile(r"(?<![\d.])(\d+)(\.\d+)?(?=\s*[%％])")
YEAR_TEXT = re.compile(r"(?<![\d〔【\[])((?:19|20)\d{2})(?=\s*年)")
CLASS_NAME = re.compile(r"([\u4e00-\u9fff]{2,16}支出)(?=（类）)")
ANNEX = re.compile(r"附件")
THRESHOLD = re.compile(r"\s*万?元\s*(以上|以下|以内)")  # "单位价值 50 万元以上": a definition
STANDARD = re.compile(r"^(FIN-0\d|BUD-T\d)$")
SKIP_HEADER = re.compile(r"行次|栏次|编码|代码|序号")


@dataclass
class Edit:
    kind: str  # table-number / narrative-amount / percent / year / subject-name
    seed: dict[str, Any]  # the edited seed source
    before: str
    after: str
    table: int | None = None  # index among the seed's tables (table edits)
    row: int | None = None
    col: int | None = None
    block: int | None = None  # index of the edited paragraph (narrative edits)

    def describe(self) -> str:
        where = f"table {self.table} row {self.row} col {self.col}" if self.table is not None \
            else f"block {self.block}"
        return f"{self.kind} {where}: {self.before!r} -> {self.after!r}"


def _changed_number(text: str, rng: random.Random) -> str:
    """Another plausible figure, printed like text, that no rounding could explain."""
    value = parse_amount(text) or Decimal(0)
    places = decimals_of(text)
    step = Decimal(1).scaleb(-places)
    factor = Decimal(rng.choice([-1, 1])) * Decimal(rng.randint(5, 60)) / 100
    new = (value * (1 + factor)).quantize(step) if value else Decimal(rng.randint(2, 900)) * step * 100
    if abs(new - value) < 10 * step:
        new = value + 10 * step * rng.choice([1, 3, 7])
    if new < 0:
        new = value + value / 3 + 10 * step
    body = f"{new:,.{places}f}" if "," in text else f"{new:.{places}f}"
    return body


def _grid_cols(block: dict[str, Any]) -> dict[tuple[int, int], int]:
    """Grid column of the k-th printed cell of each body row (rows omit cells a span covers)."""
    from tests.fixtures.render import parse_rows

    cells = parse_rows(block["rows"], len(block["widths"]), False, "")
    out: dict[tuple[int, int], int] = {}
    seen: dict[int, int] = {}
    for cell in cells:
        k = seen.get(cell.row, 0)
        out[(cell.row, k)] = cell.col
        seen[cell.row] = k + 1
    return out


def _table_cells(seed: dict[str, Any]) -> list[tuple[int, int, int, int, list[Any]]]:
    """(table index, row, grid column, index in row, row) of every body amount of a standard
    table."""
    out = []
    tables = [b for b in seed["blocks"] if b["t"] == "table"]
    for ti, block in enumerate(tables):
        if not STANDARD.match(block.get("expect", {}).get("id", "")):
            continue
        heads = _column_heads(block)
        cols = _grid_cols(block)
        for ri, row in enumerate(block["rows"]):
            if any("栏次" in (c if isinstance(c, str) else c.get("text", "")) for c in row):
                continue
            for k, cell in enumerate(row):
                text = cell if isinstance(cell, str) else str(cell.get("text", ""))
                col = cols[(ri, k)]
                if text.strip() and is_amount(text) and not SKIP_HEADER.search(heads.get(col, "")) \
                        and not re.fullmatch(r"\d{3}(\d{2}){0,2}", text.strip()):
                    out.append((ti, ri, col, k, row))
    return out


def _column_heads(block: dict[str, Any]) -> dict[int, str]:
    heads: dict[int, list[str]] = {}
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(block.get("header", [])):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            text = cell if isinstance(cell, str) else str(cell.get("text", ""))
            cs = 1 if isinstance(cell, str) else int(cell.get("cs", 1))
            rs = 1 if isinstance(cell, str) else int(cell.get("rs", 1))
            for dr in range(rs):
                for dc in range(cs):
                    covered.add((r + dr, c + dc))
                    heads.setdefault(c + dc, []).append(text)
            c += cs
    return {c: "/".join(v) for c, v in heads.items()}


def _paragraphs(seed: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """The narrative of the disclosure proper: the annexes (附件, performance self-evaluation
    reports) print figures of their own that no table holds and no rule can check."""
    out = []
    for i, b in enumerate(seed["blocks"]):
        if b["t"] == "h1" and ANNEX.search(b["text"]):
            break
        if b["t"] in ("p", "h1", "h2", "h3"):
            out.append((i, b))
    return out


def _replace_in_cell(row: list[Any], col_index: int, new: str) -> None:
    col = 0
    for k, cell in enumerate(row):
        span = 1 if isinstance(cell, str) else int(cell.get("cs", 1))
        if col == col_index:
            if isinstance(cell, str):
                row[k] = new
            else:
                cell["text"] = new
            return
        col += span


def make_edit(seed: dict[str, Any], kind: str, rng: random.Random) -> Edit | None:
    seed = copy.deepcopy(seed)
    if kind == "table-number":
        cells = _table_cells(seed)
        if not cells:
            return None
        ti, ri, col, k, row = rng.choice(cells)
        cell = row[k]
        old = cell if isinstance(cell, str) else str(cell["text"])
        new = _changed_number(old, rng)
        if isinstance(cell, str):
            row[k] = new
        else:
            cell["text"] = new
        return Edit(kind, seed, old, new, table=ti, row=ri, col=col)
    if kind == "subject-name":
        return _subject_edit(seed, rng)
    pattern = {"narrative-amount": AMOUNT_TEXT, "percent": PERCENT_TEXT, "year": YEAR_TEXT}[kind]
    spots = [(i, m) for i, b in _paragraphs(seed) for m in pattern.finditer(b["text"])
             if not THRESHOLD.match(b["text"], m.end())]
    if not spots:
        return None
    i, m = rng.choice(spots)
    old = m.group(0)
    if kind == "year":
        new = str(int(old) + rng.choice([-3, -2, -1, 1, 2]))
    else:
        new = _changed_number(old, rng)
    text = seed["blocks"][i]["text"]
    seed["blocks"][i]["text"] = text[:m.start()] + new + text[m.end():]
    return Edit(kind, seed, old, new, block=i)


def _cell_text(row: list[Any], col_index: int) -> str:
    col = 0
    for cell in row:
        span = 1 if isinstance(cell, str) else int(cell.get("cs", 1))
        if col == col_index:
            return cell if isinstance(cell, str) else str(cell.get("text", ""))
        col += span
    return ""


def _subject_edit(seed: dict[str, Any], rng: random.Random) -> Edit | None:
    """Rename a subject: a coded row of a standard table, or a 类 named in the narrative."""
    names = list(read_json("codes", "functional.json")["codes"].items())
    spots: list[tuple[str, Any]] = []
    tables = [b for b in seed["blocks"] if b["t"] == "table"]
    for ti, block in enumerate(tables):
        if not STANDARD.match(block.get("expect", {}).get("id", "")):
            continue
        for ri, row in enumerate(block["rows"]):
            texts = [c if isinstance(c, str) else c.get("text", "") for c in row]
            if len(texts) > 1 and re.fullmatch(r"2\d{2}(\d{2}){0,2}", texts[0].strip()):
                spots.append(("table", (ti, ri, texts[0].strip(), row)))
    for i, b in _paragraphs(seed):
        for m in CLASS_NAME.finditer(b["text"]):
            spots.append(("text", (i, m)))
    if not spots:
        return None
    where, spot = rng.choice(spots)
    if where == "table":
        ti, ri, code, row = spot
        old = row[1] if isinstance(row[1], str) else row[1]["text"]
        same_level = [n for c, n in names if len(c) == len(code) and n != old.strip()]
        new = rng.choice(same_level)
        if isinstance(row[1], str):
            row[1] = new
        else:
            row[1]["text"] = new
        return Edit("subject-name", seed, old, new, table=ti, row=ri,
                    col=_grid_cols(tables[ti])[(ri, 1)])
    i, m = spot
    classes = [n for c, n in names if len(c) == 3 and n != m.group(1)]
    new = rng.choice(classes)
    text = seed["blocks"][i]["text"]
    seed["blocks"][i]["text"] = text[:m.start(1)] + new + text[m.end(1):]
    return Edit("subject-name", seed, m.group(1), new, block=i)
