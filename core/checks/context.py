"""What a rule sees: the report, its tables by id, and helpers to read cells as located numbers."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterator


from core.checks.model import Finding, Location
from core.checks.numbers import Num, amount, plain
from core.checks.settings import Settings
from core.tables.model import LABEL_COLUMNS, ParsedTable

if TYPE_CHECKING:
    from core.analysis import Report

ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+\s*[、.．]|\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]+[）)])")
TABLE_NAME_ZH = {
    "FIN-01": "收入支出决算总表", "FIN-02": "收入决算表", "FIN-03": "支出决算表",
    "FIN-04": "财政拨款收入支出决算总表", "FIN-05": "一般公共预算财政拨款支出决算表",
    "FIN-06": "一般公共预算财政拨款基本支出决算表", "FIN-07": "财政拨款“三公”经费支出决算表",
    "FIN-08": "政府性基金预算财政拨款收入支出决算表", "FIN-09": "国有资本经营预算财政拨款收入支出决算表",
    "BUD-T1": "收支总表", "BUD-T2": "收入总表", "BUD-T3": "支出总表", "BUD-T4": "财政拨款收支总表",
    "BUD-T5": "一般公共预算支出表", "BUD-T6": "政府性基金预算支出表", "BUD-T7": "国有资本经营预算支出表",
    "BUD-T8": "一般公共预算基本支出表", "BUD-T9": "“三公”经费预算表",
}

# a table's printed cells by row and by (column, page)
CellIndex = tuple[dict[int, list[Any]], dict[tuple[str, int], list[Any]]]


def label(name: str) -> str:
    """A row name without its ordinal (一、 1. （一）) or spaces: what it means, not how numbered."""
    return _label(name) if isinstance(name, str) else _label_of(str(name))


@lru_cache(maxsize=1 << 16)
def _label(name: str) -> str:
    # cached: the narrative checks compare every row name with every subject a sentence names,
    # over a hundred thousand calls on a large document (most of a cached reopen's time)
    return _label_of(name)


def _label_of(name: str) -> str:
    return ORDINAL.sub("", "".join(name.split()))


class Context:
    def __init__(self, report: "Report", settings: Settings) -> None:
        self.report = report
        self.settings = settings
        self.doc = report.document
        self.kind = report.document.kind or "预算"
        self.narrative = report.narrative
        self.tables: dict[str, ParsedTable] = {}
        self._memo: dict[Hashable, Any] = {}
        self.findings: list[Finding] = []  # the other rules' findings, for the `after` rules
        for table in report.tables:
            if table.standard and table.id not in self.tables:
                self.tables[table.id] = table

    # -- tables ---------------------------------------------------------------------------
    def usable(self, table_id: str) -> bool:
        t = self.tables.get(table_id)
        return t is not None and t.confidence >= self.settings.tol("min_confidence", 0.6)

    def table(self, table_id: str) -> ParsedTable | None:
        return self.tables[table_id] if self.usable(table_id) else None

    def name(self, table: ParsedTable) -> str:
        return f"{table.number or TABLE_NAME_ZH.get(table.id, table.title)}"

    @staticmethod
    def value_columns(table: ParsedTable, side: str | None = None) -> list[str]:
        if side is not None:
            return list(table.value_columns.get(side, []))
        return [c for c in table.frame.columns if c not in LABEL_COLUMNS]

    @staticmethod
    def column(table: ParsedTable, side: str | None, *patterns: str) -> str | None:
        """The first value column (of side) whose header matches one of the patterns, in order."""
        cols = Context.value_columns(table, side)
        for pattern in patterns:
            for col in cols:
                if re.search(pattern, col.split("#")[0]):
                    return col
        return None

    @staticmethod
    def records(table: ParsedTable) -> list[dict[str, Any]]:
        """The table's rows as plain dicts, made once (pandas row access is slow in loops)."""
        cached = getattr(table, "_records", None)
        if cached is None:
            cached = table.frame.to_dict("records")
            table._records = cached  # type: ignore[attr-defined]
        return cached

    @staticmethod
    def rows(table: ParsedTable, side: str | None = None,
             prefix: bool = False) -> Iterator[tuple[int, dict[str, Any]]]:
        """Rows of one side. With prefix, side names a family: "支出" takes 支出/功能分类 and the
        本年支出 / 财政拨款支出 halves of other templates."""
        for i, row in enumerate(Context.records(table)):
            s = str(row["side"])
            if side is None or s == side or (prefix and s.split("/")[0].endswith(side)):
                yield i, row

    @staticmethod
    def find(table: ParsedTable, pattern: str, side: str | None = None) -> int | None:
        """The first row whose label (ordinal removed) matches pattern (a regex, fully)."""
        rx = re.compile(pattern)
        for i, row in Context.rows(table, side, prefix=True):
            if rx.fullmatch(label(row["name"])):
                return i
        return None

    def loc(self, table: ParsedTable, row: int, column: str) -> Location:
        ref = table.cells.get((row, column))
        if ref is not None:
            return Location(ref.page, ref.bbox, table.id, row, column, ref.text)
        return self._blank_loc(table, row, column)

    def memo(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """make() computed once per run of the checks: indexes of a table's rows and cells, kept
        on the context rather than the table so that they never travel with a pickled report."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = make()
            return value

    def _cells_of(self, table: ParsedTable) -> CellIndex:
        """The table's printed cells by row and by (column, page): a blank cell's location
        scanned every cell of the table twice, hundreds of times per document."""
        def make() -> CellIndex:
            by_row: dict[int, list[Any]] = {}
            by_column: dict[tuple[str, int], list[Any]] = {}
            for (r, c), ref in table.cells.items():
                by_row.setdefault(r, []).append(ref)
                by_column.setdefault((c, ref.page), []).append(ref)
            return by_row, by_column

        return self.memo(("cells", id(table)), make)

    def _blank_loc(self, table: ParsedTable, row: int, column: str) -> Location:
        """A blank cell: the row's height under the column's printed width (or the row's name)."""
        by_row, by_column = self._cells_of(table)
        in_row = by_row.get(row, [])
        if not in_row:
            return Location(table.pages[0], None, table.id, row, column, None)
        anchor = table.cells.get((row, "name")) or in_row[0]
        above = by_column.get((column, anchor.page), [])
        if not above:
            return Location(anchor.page, anchor.bbox, table.id, row, column, None)
        x0 = min(ref.bbox[0] for ref in above)
        x1 = max(ref.bbox[2] for ref in above)
        return Location(anchor.page, (x0, anchor.bbox[1], x1, anchor.bbox[3]), table.id, row, column, "")

    def num(self, table: ParsedTable, row: int, column: str, wan: bool = False,
            name: str | None = None) -> Num:
        """The cell as a number in the table's unit (or in 万元 when wan), located; name labels it
        in messages (the row's name by default)."""
        ref = table.cells.get((row, column))
        text = ref.text if ref else ""
        text = "".join(text.split())
        where = self.loc(table, row, column)
        if name is None:
            name = label(Context.records(table)[row]["name"]) or str(Context.records(table)[row]["code"])
        return amount(text, table.unit, where, name) if wan else plain(text, where, name)

    def unit(self, table: ParsedTable) -> str:
        return table.unit or "万元"


def words_around(text: str, start: int, end: int) -> str:
    """The words around a match: a finding subject that survives edits elsewhere in the document."""
    return "".join(text[max(0, start - 8):end + 8].split())


def value_of(row: dict[str, Any], column: str) -> Decimal | None:
    v = row.get(column)
    return v if isinstance(v, Decimal) else None
