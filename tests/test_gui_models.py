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


def test_notes_model(qtmodeltester: Any, analysed: dict, tmp_path: Any) -> None:
    """Live notes, an orphaned decision and a merge conflict, as the review panel lists them."""
    from core.review.handover import Conflict
    from core.review.model import Decision, Note
    from gui.notes_model import NotesModel

    f = analysed[NAME].findings[0]
    notes = [Note("n1", "region", "看这里", "张", "2026-12-01T10:00:00+08:00", page=3, bbox=(1, 2, 30, 40)),
             Note("n2", "cell", "数不对", "张", "2026-12-01T10:01:00+08:00", page=4, bbox=(1, 2, 3, 4),
                  table="FIN-01", row=2, column="决算数", quote="12.00")]
    orphan = Decision("gone", "dismissed", "口径不同", "李", "2026-12-01T09:00:00+08:00", "INT-ROW 旧问题")
    mine = Decision(f.fingerprint, "confirmed", "", "张", "2026-12-01T10:02:00+08:00", f.rule)
    theirs = Decision(f.fingerprint, "dismissed", "无误", "李", "2026-12-01T10:03:00+08:00", f.rule)
    model = NotesModel()
    model.set_items(notes, [orphan], [Conflict(f.fingerprint, mine, theirs, "li.review")])
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert [model.item(r).kind for r in range(4)] == ["note", "note", "orphan", "conflict"]
    assert model.index(1, 1).data() == "FIN-01 第3行 决算数（第4页）"
    assert model.row_of_note("n2") == 1
