"""One parsed table as a Qt model: code, name and every value column, failed cells coloured with
the finding as their tooltip."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.checks.model import Finding
from core.tables.model import ParsedTable
from gui.findings_model import SEVERITY_RANK

CELL_COLORS = {"error": "#ffcdd2", "warn": "#ffe0b2", "info": "#bbdefb", "manual": "#e1bee7"}
SELECTED_COLOR = "#fff176"
CellRole = Qt.ItemDataRole.UserRole + 10  # (row, column name) of the table
Index = QModelIndex | QPersistentModelIndex


class ParsedTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: ParsedTable | None = None
        self._columns: list[str] = []
        self._flags: dict[tuple[int, str], list[Finding]] = {}
        self._selected: set[tuple[int, str]] = set()
        self._rows: list[int] = []  # the frame's index labels, in display order
        self._text: list[list[str]] = []  # what each cell shows, computed once per table

    def set_table(self, table: ParsedTable | None, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._table = table
        self._columns = []
        self._flags = {}
        self._selected = set()
        self._rows, self._text = [], []
        if table is not None:
            sides = [c for cols in table.value_columns.values() for c in cols]
            self._columns = (["side"] if len(table.value_columns) > 1 else []) + ["code", "name"] + sides
            # pandas' per-cell access is slow enough to stall painting a long table
            self._rows = [int(r) for r in table.frame.index]
            columns = {c: table.frame[c].tolist() for c in self._columns if c in table.frame}
            self._text = [[self._shown(table, row, c, columns.get(c, [None] * len(self._rows))[i])
                           for c in self._columns] for i, row in enumerate(self._rows)]
            for f in findings:
                for loc in f.locations:
                    if loc.table == table.id and loc.row is not None and loc.column:
                        self._flags.setdefault((loc.row, loc.column), []).append(f)
        self.endResetModel()

    @staticmethod
    def _shown(table: ParsedTable, row: int, column: str, value: Any) -> str:
        ref = table.cells.get((row, column))
        if ref is not None:
            return ref.text
        return "" if value is None or (isinstance(value, float) and value != value) else str(value)

    @property
    def table(self) -> ParsedTable | None:
        return self._table

    def set_selected(self, cells: set[tuple[int, str]]) -> None:
        """The cells of the selected finding: drawn emphasised."""
        old = self._selected
        self._selected = cells
        for row, column in old | cells:
            idx = self.cell_index(row, column)
            if idx.isValid():
                self.dataChanged.emit(idx, idx)

    def cell_index(self, row: int, column: str) -> QModelIndex:
        if self._table is None or column not in self._columns:
            return QModelIndex()
        if row not in self._rows:
            return QModelIndex()
        return self.index(self._rows.index(row), self._columns.index(column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        return {"side": self.tr("栏"), "code": self.tr("科目编码"), "name": self.tr("项目")}.get(
            column, column.replace("/", "\n"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or not index.isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("side", "code", "name"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        flagged = self._flags.get((row, column), [])
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row, column) in self._selected:
                return QBrush(QColor(SELECTED_COLOR))
            if flagged:
                worst = min(flagged, key=lambda f: SEVERITY_RANK.get(f.severity, 9))
                return QBrush(QColor(CELL_COLORS.get(worst.severity, "#eeeeee")))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if flagged:
                return "\n\n".join(f"[{f.rule}] {f.message}" for f in flagged[:4])
            value = self._table.frame.at[row, column]
            return format(value, "f") if isinstance(value, Decimal) else None
        if role == CellRole:
            return (row, column)
        return None
