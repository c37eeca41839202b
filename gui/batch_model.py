"""The batch dialog's table: one row per file of the folder, filled in as each is checked.

Every file is listed from the start (等待中), so the reviewer sees what is coming; a file that
could not be checked keeps its row, in red, with the reason."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.batch import BatchRow
from core.checks.model import SEVERITIES
from gui.findings_model import SEVERITY_COLORS, severity_name
from gui.lang import translate

PathRole = Qt.ItemDataRole.UserRole + 30
Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("file", "kind", "year", "entity", "pages", "tables", "missing", *SEVERITIES,
           "seconds", "result")


def _title(column: str) -> str:
    if column in SEVERITIES:
        return severity_name(column)
    return {"file": translate("Batch", "文件"), "kind": translate("Batch", "类型"),
            "year": translate("Batch", "年度"), "entity": translate("Batch", "单位名称"),
            "pages": translate("Batch", "页数"), "tables": translate("Batch", "表格"),
            "missing": translate("Batch", "缺少表格"), "seconds": translate("Batch", "用时（秒）"),
            "result": translate("Batch", "结果")}[column]


class BatchModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._files: list[Path] = []
        self._rows: dict[str, BatchRow] = {}
        self._root: Path | None = None

    def set_files(self, files: list[Path], root: Path | None) -> None:
        self.beginResetModel()
        self._files, self._rows, self._root = list(files), {}, root
        self.endResetModel()

    def add_row(self, row: BatchRow) -> None:
        """A file was checked: fill in its line."""
        self._rows[row.path] = row
        i = next((n for n, f in enumerate(self._files) if str(f) == row.path), None)
        if i is not None:
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def rows(self) -> list[BatchRow]:
        """The rows checked so far, in the order of the files."""
        return [self._rows[str(f)] for f in self._files if str(f) in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._files)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return _title(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._files):
            return None
        path = self._files[index.row()]
        column = COLUMNS[index.column()]
        row = self._rows.get(str(path))
        if role == PathRole:
            return str(path)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(path, row, column)
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and row.error:
            return row.error
        if role == Qt.ItemDataRole.ForegroundRole and row is not None:
            if row.error and column in ("file", "result"):
                return QBrush(QColor("#b71c1c"))
            if column in SEVERITIES and row.severities.get(column):
                return QBrush(QColor(SEVERITY_COLORS[column]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in ("file", "entity", "missing",
                                                                         "result", "kind"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, path: Path, row: BatchRow | None, column: str) -> str:
        if column == "file":
            try:
                return str(path.relative_to(self._root)) if self._root else str(path)
            except ValueError:
                return str(path)
        if row is None:
            return translate("Batch", "等待中") if column == "result" else ""
        if row.error:
            if column == "kind":
                return row.doc_kind  # 无文字层: a scan says what it is even unchecked
            return row.error if column == "result" else (f"{row.seconds:.1f}" if column == "seconds" else "")
        kind = row.doc_kind or f"{row.scope}{row.kind}"
        kind += f"（{row.level}）" if row.level else ""
        values = {"kind": kind, "year": str(row.year or ""), "entity": row.entity,
                  "pages": str(row.pages), "tables": str(len(row.tables)), "missing": "、".join(row.missing),
                  "seconds": f"{row.seconds:.1f}", "result": translate("Batch", "已检查")}
        if column in SEVERITIES:
            return str(row.severities.get(column, 0))
        return values[column]
