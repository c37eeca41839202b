"""Every Qt model of the window passes pytest-qt's model tester."""
from __future__ import annotations

from typing import Any

from gui.findings_model import FindingsModel, FindingsProxy
from gui.table_model import ParsedTableModel

NAME = "caidian-union-2023-final-accounts"


def test_findings_model_and_proxy(qtmodeltester: Any, analysed: dict) -> None:
    model = FindingsModel()
    model.set_findings(analysed[NAME].findings)
    qtmodeltester.check(model)
    proxy = FindingsProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(severities={"error"}, text="年")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()


def test_table_model(qtmodeltester: Any, analysed: dict) -> None:
    report = analysed[NAME]
    model = ParsedTableModel()
    for table in report.tables[:4]:
        model.set_table(table, report.findings)
        qtmodeltester.check(model)
    assert model.rowCount() > 0 and model.columnCount() > 2
