"""The parsed tables: choose one by title, see its cells, failed ones coloured."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QVBoxLayout, QWidget

from core.checks.model import Finding
from core.tables.model import ParsedTable
from gui.table_model import CellRole, ParsedTableModel

RESIZE_ROWS = 40


class TablesPanel(QWidget):
    cellChosen = Signal(str, int, str)  # table id, row, column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ParsedTableModel(self)
        self._tables: list[ParsedTable] = []
        self._findings: list[Finding] = []
        self.chooser = QComboBox(self)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        # widths from the first rows only: measuring every cell of a long table holds the window
        self.view.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        # widths are measured in a later turn of the event loop, once, for the table that stays
        self._fit_columns = QTimer(self, singleShot=True, interval=0)
        self._fit_columns.timeout.connect(self.view.resizeColumnsToContents)
        self.view.selectionModel().currentChanged.connect(self._cell_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.chooser)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)

    def set_tables(self, tables: list[ParsedTable], findings: list[Finding]) -> None:
        self._tables = [t for t in tables if t.standard] + [t for t in tables if not t.standard]
        self._findings = findings
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for t in self._tables:
            flagged = sum(1 for f in findings if f.severity in ("error", "warn")
                          and any(loc.table == t.id for loc in f.locations))
            mark = f"  ⚠{flagged}" if flagged else ""
            self.chooser.addItem(f"{t.id}  {t.title}{mark}", t.id)
        self.chooser.blockSignals(False)
        self._chosen(0 if self._tables else -1)

    def current_id(self) -> str | None:
        return self.chooser.currentData()

    def current_cell(self) -> tuple[str, int, str] | None:
        """(table id, row, column) of the cell the reviewer is on, for a cell note."""
        index = self.view.currentIndex()
        cell = index.data(CellRole) if index.isValid() else None
        table_id = self.current_id()
        return (table_id, cell[0], cell[1]) if cell and table_id else None

    def show_cell(self, table_id: str, row: int, column: str) -> None:
        self.show_table(table_id)
        index = self.model.cell_index(row, column)
        if index.isValid():
            selection = self.view.selectionModel()
            selection.blockSignals(True)  # shown for a note, not picked by the reviewer
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            self.view.viewport().update()
            self.view.scrollTo(index)

    def show_table(self, table_id: str) -> None:
        index = self.chooser.findData(table_id)
        if index >= 0 and index != self.chooser.currentIndex():
            self.chooser.setCurrentIndex(index)

    def select_cells(self, cells: list[tuple[str, int, str]]) -> None:
        """Show the first cell's table with every cell of the finding emphasised."""
        if not cells:
            self.model.set_selected(set())
            return
        table_id = cells[0][0]
        self.show_table(table_id)
        self.model.set_selected({(r, c) for t, r, c in cells if t == table_id})
        index = self.model.cell_index(cells[0][1], cells[0][2])
        if index.isValid():
            selection = self.view.selectionModel()
            selection.blockSignals(True)  # shown for the finding, not picked by the reviewer
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            self.view.viewport().update()
            self.view.scrollTo(index)

    def _chosen(self, index: int) -> None:
        table = self._tables[index] if 0 <= index < len(self._tables) else None
        self.model.set_table(table, self._findings)
        if table is None:
            self.info.setText(self.tr("未识别到表格"))
            return
        pages = ",".join(map(str, table.pages))
        self.info.setText(self.tr("第{0}页 · 单位：{1} · {2}行 · 置信度 {3:.0%}{4}").format(
            pages, table.unit or self.tr("未标明"), len(table.frame), table.confidence,
            self.tr(" · 空表") if table.empty else ""))
        self._fit_columns.start()

    def _cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = current.data(CellRole) if current.isValid() else None
        table_id = self.current_id()
        if cell and table_id:
            self.cellChosen.emit(table_id, cell[0], cell[1])
