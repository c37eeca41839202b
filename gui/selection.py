"""Keeps the four views in step: whatever is selected in one, the others follow."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from core.checks.model import Finding
from gui.findings_panel import FindingsPanel
from gui.page_view import Box, PageView
from gui.tables_panel import TablesPanel
from gui.text_panel import TextPanel


class Selection(QObject):
    pageShown = Signal(int)
    noteClicked = Signal(str)  # a note's box on the page: its id

    def __init__(self, findings: FindingsPanel, page: PageView, tables: TablesPanel, text: TextPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings, self.page, self.tables, self.text = findings, page, tables, text
        self.report: Any = None
        self.current: Finding | None = None
        self.location = 0
        findings.findingSelected.connect(self.select_finding)
        page.boxClicked.connect(self._box_clicked)
        tables.cellChosen.connect(self._cell_chosen)
        text.findingClicked.connect(self._box_clicked)

    def set_report(self, report: Any) -> None:
        self.report = report
        self.current = None
        findings = report.findings if report is not None else []
        self.page.set_boxes([Box(f.fingerprint, f.severity, loc.page, loc.bbox)
                             for f in findings for loc in f.locations if loc.bbox])
        self.text.set_document(report.narrative if report is not None else None, findings)
        self.tables.set_tables(report.tables if report is not None else [], findings)
        self.findings.set_findings(findings)

    def go_to_page(self, page: int) -> None:
        if 1 <= page <= self.page.page_count:
            self.page.show_page(page)
            self.text.show_page(page)
            self.pageShown.emit(page)

    def select_finding(self, finding: Finding, location: int = 0) -> None:
        self.current, self.location = finding, location
        self.page.emphasise(finding.fingerprint)
        self.text.select_finding(finding.fingerprint)
        cells = [(loc.table, loc.row, loc.column) for loc in finding.locations
                 if loc.table and loc.row is not None and loc.column]
        if finding.locations:
            loc = finding.locations[min(location, len(finding.locations) - 1)]
            if loc.table and loc.row is not None and loc.column:  # this location's cell first
                cells.sort(key=lambda c: c != (loc.table, loc.row, loc.column))
            elif loc.table:
                self.tables.show_table(loc.table)
            self.go_to_page(loc.page)
            self.text.select_finding(finding.fingerprint)
            if loc.bbox:
                self.page.center_on_rect(loc.bbox)
        self.tables.select_cells(cells)

    def _box_clicked(self, key: str) -> None:
        if key.startswith("note:"):
            self.page.emphasise(key)
            self.noteClicked.emit(key[5:])
            return
        if self.current is not None and self.current.fingerprint == key:
            return
        self.findings.select_fingerprint(key)

    def show_note(self, note: Any) -> None:
        """Go to where a note is anchored: its page and box, its cell, its text span."""
        if note.page:
            self.go_to_page(note.page)
        if note.kind == "cell" and note.table:
            self.tables.show_cell(note.table, note.row, note.column)
        if note.kind == "text" and note.start is not None:
            self.text.show_span(note.start, note.end)
        if note.page and note.bbox:
            self.page.emphasise(f"note:{note.id}")
            self.page.center_on_rect(note.bbox)

    def _cell_chosen(self, table_id: str, row: int, column: str) -> None:
        """A cell picked in the table view: show where it is printed, and its finding if any."""
        table = next((t for t in self.report.tables if t.id == table_id), None) if self.report else None
        ref = table.cells.get((row, column)) if table is not None else None
        if ref is None:
            return
        flagged = next((f for f in self.report.findings for loc in f.locations
                        if loc.table == table_id and loc.row == row and loc.column == column), None)
        if flagged is not None and flagged is not self.current:
            self.findings.select_fingerprint(flagged.fingerprint)
            return
        self.go_to_page(ref.page)
        self.page.show_marker(ref.page, ref.bbox)
        self.page.center_on_rect(ref.bbox)
