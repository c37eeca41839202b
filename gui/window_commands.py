"""The window's keyboard commands that move around: findings, locations, pages, zoom, focus.

A mixin of MainWindow (gui/main_window.py), which builds the views these use; the command table
in gui/actions.py names these methods.
"""
from __future__ import annotations

from typing import Any

from gui.actions import commands
from gui.help_dialog import HelpDialog


class WindowCommands:
    findings: Any
    selection: Any
    page_view: Any
    tables: Any
    text: Any
    tabs: Any
    notes: Any

    def next_finding(self) -> None:
        self.findings.step(1)

    def previous_finding(self) -> None:
        self.findings.step(-1)

    def next_location(self) -> None:
        self.findings.step_location(1)

    def previous_location(self) -> None:
        self.findings.step_location(-1)

    def jump_to_location(self) -> None:
        current = self.findings.current()
        if current is not None:
            self.selection.select_finding(current, self.selection.location)
        self.page_view.setFocus()

    def next_page(self) -> None:
        self.selection.go_to_page(self.page_view.page + 1)

    def previous_page(self) -> None:
        self.selection.go_to_page(self.page_view.page - 1)

    def first_page(self) -> None:
        self.selection.go_to_page(1)

    def last_page(self) -> None:
        self.selection.go_to_page(self.page_view.page_count)

    def zoom_in(self) -> None:
        self.page_view.zoom_by(1)

    def zoom_out(self) -> None:
        self.page_view.zoom_by(-1)

    def fit_width(self) -> None:
        self.page_view.fit_width()

    def fit_page(self) -> None:
        self.page_view.fit_page()

    def focus_findings(self) -> None:
        self.findings.view.setFocus()

    def focus_page(self) -> None:
        self.page_view.setFocus()

    def focus_table(self) -> None:
        self.tabs.setCurrentWidget(self.tables)
        self.tables.view.setFocus()

    def focus_text(self) -> None:
        self.tabs.setCurrentWidget(self.text)
        self.text.setFocus()

    def focus_search(self) -> None:
        self.findings.search.setFocus()
        self.findings.search.selectAll()

    def show_all_findings(self) -> None:
        self.findings.clear_filters()

    def show_help(self) -> None:
        HelpDialog(commands(), self).exec()  # type: ignore[arg-type]

    def focus_notes(self) -> None:
        self.tabs.setCurrentWidget(self.notes)
        self.notes.focus_list()
