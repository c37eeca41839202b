"""The findings list: counts, filters, search, and stepping through a finding's locations."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableView, QToolButton, QVBoxLayout, QWidget)

from core.checks.model import SEVERITIES, Finding
from core.review.model import STATUSES
from gui.findings_model import (FindingRole, FindingsModel, FindingsProxy, family, rule_title,
                                severity_count, status_name)
from gui.lang import language


class FindingsPanel(QWidget):
    findingSelected = Signal(object, int)  # Finding, location index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(self)
        self.proxy = FindingsProxy(self)
        self.proxy.setSourceModel(self.model)
        self._location = 0
        self._buttons: dict[str, QToolButton] = {}

        top = QHBoxLayout()
        for severity in SEVERITIES:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.toggled.connect(self._apply_filters)
            self._buttons[severity] = button
            top.addWidget(button)
        top.addStretch(1)
        self.family = QComboBox(self)
        self.table = QComboBox(self)
        self.status = QComboBox(self)
        for combo in (self.family, self.table, self.status):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索问题、规则、页码…（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.family)
        filters.addWidget(self.table)
        filters.addWidget(self.status)
        filters.addWidget(self.search, 1)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(40)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.detail = QLabel(self)  # the whole message, with its arithmetic
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(48)
        self.where = QLabel(self)
        self.prev_location = QPushButton(self.tr("◀ 上一处"), self)
        self.next_location = QPushButton(self.tr("下一处 ▶"), self)
        self.prev_location.clicked.connect(lambda: self.step_location(-1))
        self.next_location.clicked.connect(lambda: self.step_location(1))
        steps = QHBoxLayout()
        steps.addWidget(self.where, 1)
        steps.addWidget(self.prev_location)
        steps.addWidget(self.next_location)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(steps)
        self.set_findings([])

    # content ---------------------------------------------------------------------------------
    def set_findings(self, findings: list[Finding]) -> None:
        self.model.set_findings(findings)
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        for severity, button in self._buttons.items():
            button.setText(severity_count(severity, counts[severity]))
        self._fill(self.family, self.tr("全部规则类别"), sorted({family(f.rule) for f in findings}))
        self._fill(self.table, self.tr("全部表格"), sorted({loc.table for f in findings for loc in f.locations
                                                         if loc.table}))
        self._fill(self.status, self.tr("全部状态"), list(STATUSES), {s: status_name(s) for s in STATUSES})
        self._apply_filters()
        self.view.resizeColumnToContents(0)
        self.view.resizeColumnToContents(1)
        self._show_where(None)

    @staticmethod
    def _fill(combo: QComboBox, everything: str, values: list[str], names: dict | None = None) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for v in values:
            combo.addItem((names or {}).get(v, v), v)
        combo.blockSignals(False)

    def counts_text(self) -> str:
        """“3 错误 · 5 警告 · 2 提示 · 1 需人工”."""
        return " · ".join(b.text() for b in self._buttons.values())

    def _apply_filters(self) -> None:
        self.proxy.set_filter(severities={s for s, b in self._buttons.items() if b.isChecked()},
                              family=self.family.currentData() or "", table=self.table.currentData() or "",
                              status=self.status.currentData() or "", text=self.search.text().strip())

    def refresh_filter(self) -> None:
        """Statuses changed: a status filter must look again (other filters are unaffected)."""
        if self.status.currentData():
            self._apply_filters()

    # selection -------------------------------------------------------------------------------
    def current(self) -> Finding | None:
        index = self.view.currentIndex()
        return index.data(FindingRole) if index.isValid() else None

    def select_fingerprint(self, fingerprint: str) -> bool:
        row = self.model.row_of(fingerprint)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out: show everything again rather than hide it
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._select(index)
        return True

    def clear_filters(self) -> None:
        for b in self._buttons.values():
            b.blockSignals(True)
            b.setChecked(True)
            b.blockSignals(False)
        for combo in (self.family, self.table, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filters()

    def step(self, delta: int) -> None:
        """Next / previous finding in the list as filtered."""
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row()
        row = 0 if current < 0 and delta > 0 else (rows - 1 if current < 0 else (current + delta) % rows)
        self._select(self.proxy.index(row, 0))

    def _select(self, index: QModelIndex) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        finding = current.data(FindingRole) if current.isValid() else None
        self._location = 0
        self._show_where(finding)
        if finding is not None:
            self.findingSelected.emit(finding, 0)

    def step_location(self, delta: int) -> None:
        finding = self.current()
        if finding is None or not finding.locations:
            return
        self._location = (self._location + delta) % len(finding.locations)
        self._show_where(finding)
        self.findingSelected.emit(finding, self._location)

    def _show_where(self, finding: Finding | None) -> None:
        many = finding is not None and len(finding.locations) > 1
        self.prev_location.setEnabled(many)
        self.next_location.setEnabled(many)
        self.detail.setText(f"<b>{finding.rule} {rule_title(finding)}</b><br>{finding.text(language())}" if finding else "")
        if finding is None or not finding.locations:
            self.where.setText(self.tr("选择一条问题以查看其位置") if finding is None else self.tr("（无定位）"))
            return
        loc = finding.locations[self._location]
        cell = f" {loc.table} {loc.column or ''}" if loc.table else ""
        self.where.setText(self.tr("位置 {0}/{1}：第{2}页{3}").format(
            self._location + 1, len(finding.locations), loc.page, cell))
        self.where.setToolTip(loc.text or "")
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
