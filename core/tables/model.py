"""A parsed table: a pandas DataFrame of exact values plus where each value was printed."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterator

import pandas as pd

from core.model import Bbox

LABEL_COLUMNS = ["side", "code", "name", "level"]


@dataclass(frozen=True)
class CellRef:
    """Where a value was printed, and how."""

    page: int
    bbox: Bbox
    text: str


@dataclass
class ParsedTable:
    """One standard (or other) table of a document, stitched across its pages.

    `frame` has the label columns `side` (the half of a two-sided table: 收入 / 支出, 人员经费 /
    公用经费; "" for a plain table), `code` (subject code, split 类/款/项 columns joined), `name`,
    `level` (1 类, 2 款, 3 项, 0 for totals, None when unknown) and one column per printed value
    column, named after its header (levels joined by "/"), holding Decimal or None (blank).
    `cells[(row, column)]` says where each value, code and name was printed.
    """

    id: str
    title: str
    number: str | None
    unit: str | None
    pages: list[int]
    frame: pd.DataFrame
    cells: dict[tuple[int, str], CellRef] = field(default_factory=dict)
    value_columns: dict[str, list[str]] = field(default_factory=dict)  # side -> its columns
    empty: bool = False
    note: str | None = None
    confidence: float = 1.0
    title_ref: CellRef | None = None
    warnings: list[str] = field(default_factory=list)
    regions: list[tuple[int, Bbox]] = field(default_factory=list)  # page areas the table covers

    @property
    def standard(self) -> bool:
        return not self.id.startswith("OTHER:")

    @property
    def sides(self) -> list[str]:
        return list(self.value_columns)

    def rows(self, side: str | None = None) -> Iterator[tuple[int, pd.Series]]:
        for i, row in self.frame.iterrows():
            if side is None or row["side"] == side:
                yield int(i), row  # type: ignore[arg-type]

    def value(self, row: int, column: str) -> Decimal | None:
        v = self.frame.at[row, column]
        return v if isinstance(v, Decimal) else None

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "number": self.number, "pages": self.pages,
            "unit": self.unit, "rows": int(len(self.frame)),
            "cols": int(sum(len(v) for v in self.value_columns.values())),
            "empty": self.empty, "confidence": round(self.confidence, 2),
        }
