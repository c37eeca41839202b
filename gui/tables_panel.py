"""The parsed tables: choose one by title, see its cells, failed ones coloured."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QTableView, QVBoxLayout, QWidget

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
        # pixels, not whole columns: _reveal's arithmetic and a smoother scroll across wide tables
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # widths from the first rows only: measuring every cell of a long table holds the window
        self.view.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        # widths are measured in a later turn of the event loop, once, for the table that stays
        self._fit_columns = QTimer(self, singleShot=True, interval=0)
        self._fit_columns.timeout.connect(self._fit)
        # scrolling resizes the row-number header and the viewport with it, after the fact
        self._reveal_again = QTimer(self, singleShot=True, interval=0)
        self._reveal_again.timeout.connect(self._reveal)
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

    def settling(self) -> bool:
        """Columns still to fit or a cell still to reveal (they wait for the event loop)."""
        return self._fit_columns.isActive() or self._reveal_again.isActive()

    def show_cell(self, table_id: str, row: int, column: str) -> None:
        self.show_table(table_id)
        self._make_current(self.model.cell_index(row, column))

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
        self._make_current(self.model.cell_index(cells[0][1], cells[0][2]))

    def _make_current(self, index: QModelIndex) -> None:
        """Put the cursor on a cell shown for a finding or note (not picked by the reviewer, so
        no cellChosen) and bring it into view."""
        if not index.isValid():
            return
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.view.viewport().update()
        self._reveal()
        self._reveal_again.start()

    def _reveal(self) -> None:
        """Scroll to the current cell, keeping the row labels (项目) in view when the cell fits
        beside them: a figure without its row name means nothing to the reviewer. Run again
        once the columns and the viewport have their new widths."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        self.view.scrollTo(index)
        bar = self.view.horizontalScrollBar()
        right = (self.view.columnViewportPosition(index.column()) + bar.value()
                 + self.view.columnWidth(index.column()))
        if right <= self.view.viewport().width():
            bar.setValue(bar.minimum())

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

    def _fit(self) -> None:
        self.view.resizeColumnsToContents()
        self._reveal_again.start()

    def _cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cell = current.data(CellRole) if current.isValid() else None
        table_id = self.current_id()
        if cell and table_id:
            self.cellChosen.emit(table_id, cell[0], cell[1])
