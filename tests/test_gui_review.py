"""A review in the window (offscreen): decide with single keys, annotate a page region, a cell
and a text span, restart the window, and everything is there and shown."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from gui import review_dialogs
from gui.errors import set_dialogs
from gui.main_window import MainWindow

CAIDIAN = "caidian-union-2023-final-accounts"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("review/reviewer", "张审核")
    return s


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The dialogs' answers: what the reviewer would type."""
    given: dict[str, Any] = {"reason": "口径不同，不属于错误", "note": "此处数字与附表不一致，需问单位"}
    monkeypatch.setattr(review_dialogs, "ask_reason", lambda parent, what: given["reason"])
    monkeypatch.setattr(review_dialogs, "ask_note", lambda parent, where, body="": given["note"])
    return given


def _window(qtbot: Any, settings: QSettings) -> MainWindow:
    set_dialogs(False)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _open(qtbot: Any, win: MainWindow, pdf: Path) -> None:
    with qtbot.waitSignal(win.analysisDone, timeout=90_000) as blocker:
        win.open(str(pdf))
    assert blocker.args == [True]


def _status_column(win: MainWindow, fingerprint: str) -> str:
    model = win.findings.model
    row = model.row_of(fingerprint)
    assert row is not None
    return model.index(row, model.COLUMNS.index("status")).data()


def test_decisions_and_a_region_note_survive_a_restart(qtbot: Any, settings: QSettings, answers: dict,
                                                       seeds: dict) -> None:
    win = _window(qtbot, settings)
    _open(qtbot, win, seeds[CAIDIAN].pdf)
    view = win.findings.view
    view.setFocus()
    first = win.findings.current()
    qtbot.keyClick(view, Qt.Key.Key_A)  # confirm, and move on to the next finding
    second = win.findings.current()
    assert second is not None and second is not first
    qtbot.keyClick(view, Qt.Key.Key_D)  # dismiss with the reason the dialog returns
    assert win.review.session.progress()[0] == 2
    assert "已处理 2 /" in win.review.progress_label.text()

    win.focus_page()
    qtbot.keyClick(win.page_view, Qt.Key.Key_R)  # draw a region on the page
    assert win.page_view.drawing
    viewport = win.page_view.viewport()
    page = win.page_view.page
    start, end = QPoint(200, 200), QPoint(320, 260)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    notes = win.review.session.notes()
    assert [(n.kind, n.page, n.body) for n in notes] == [("region", page, answers["note"])]
    win.close()

    again = _window(qtbot, settings)
    _open(qtbot, again, seeds[CAIDIAN].pdf)
    session = again.review.session
    assert session.status(first.fingerprint) == "confirmed"
    assert session.status(second.fingerprint) == "dismissed"
    assert session.decision(second.fingerprint).reason == answers["reason"]
    assert session.decision(first.fingerprint).reviewer == "张审核"
    assert _status_column(again, first.fingerprint) == "已确认"
    assert _status_column(again, second.fingerprint) == "已排除"
    assert again.notes.model.rowCount() == 1
    # the note is drawn on its page, and going to it from the panel shows that page
    again.focus_notes()
    qtbot.keyClick(again.notes.view, Qt.Key.Key_Return)
    assert again.page_view.page == page
    assert any(item.box.key == f"note:{notes[0].id}" for item in again.page_view._items)
    again.close()


def test_cell_and_text_notes_and_a_finding_note(qtbot: Any, settings: QSettings, answers: dict,
                                                seeds: dict) -> None:
    win = _window(qtbot, settings)
    _open(qtbot, win, seeds[CAIDIAN].pdf)
    # a table cell: focus the table, pick a value cell, N
    win.focus_table()
    model = win.tables.model
    win.tables.view.setCurrentIndex(model.index(0, model.columnCount() - 1))
    qtbot.keyClick(win.tables.view, Qt.Key.Key_N)
    # a text span: on the first finding's page (narrative), select some text, N
    first = win.findings.current()
    win.jump_to_location()  # Enter: back to the finding's page
    win.focus_text()
    cursor = win.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    win.text.setTextCursor(cursor)
    qtbot.keyClick(win.text, Qt.Key.Key_N)
    # the current finding: from the findings list
    win.focus_findings()
    qtbot.keyClick(win.findings.view, Qt.Key.Key_N)
    kinds = sorted(n.kind for n in win.review.session.notes())
    assert kinds == ["cell", "finding", "text"]
    cell = next(n for n in win.review.session.notes() if n.kind == "cell")
    assert cell.table == win.tables.current_id() and cell.page and cell.bbox
    text = next(n for n in win.review.session.notes() if n.kind == "text")
    assert len(text.quote) == 6 and text.page == first.locations[0].page and text.bbox
    assert text.quote == win.report.narrative.text[text.start:text.end]
    win.close()


def test_a_dismissal_needs_a_reason(qtbot: Any, settings: QSettings, answers: dict, seeds: dict) -> None:
    win = _window(qtbot, settings)
    _open(qtbot, win, seeds[CAIDIAN].pdf)
    answers["reason"] = None  # the reviewer cancels the reason dialog
    current = win.findings.current()
    win.findings.view.setFocus()
    qtbot.keyClick(win.findings.view, Qt.Key.Key_D)
    assert win.review.session.status(current.fingerprint) == "open"
    assert win.findings.current() is current  # nothing happened, so no moving on
    win.close()


def test_a_colleagues_review_merges_and_its_conflict_is_settled(qtbot: Any, settings: QSettings,
                                                               answers: dict, seeds: dict,
                                                               tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from core.review.store import ReviewStore

    win = _window(qtbot, settings)
    _open(qtbot, win, seeds[CAIDIAN].pdf)
    doc = win.report.document
    first, second = win.report.findings[0], win.report.findings[1]
    # the colleague, on another machine, confirms `second` and dismisses `first`
    with ReviewStore(tmp_path / "li").open(doc.sha256) as theirs:
        theirs.decide(first.fingerprint, "dismissed", "李四", "已与单位核实，表述无误")
        theirs.decide(second.fingerprint, "confirmed", "李四")
        theirs.add_note("finding", "李四的批注", "李四", fingerprint=second.fingerprint)
        theirs.export_to(tmp_path / "李四.review")
    win.findings.select_fingerprint(first.fingerprint)
    win.review.confirm_finding()  # mine: confirmed, so `first` conflicts
    asked: list[int] = []
    monkeypatch.setattr(review_dialogs, "settle_conflicts",
                        lambda parent, conflicts: asked.append(len(conflicts)) or
                        {c.fingerprint: "theirs" for c in conflicts})
    win.review.merge(str(tmp_path / "李四.review"))
    assert asked == [1]
    session = win.review.session
    assert session.status(first.fingerprint) == "dismissed"  # theirs, as chosen
    assert session.status(second.fingerprint) == "confirmed"
    assert not session.conflicts()
    assert [n.body for n in session.notes()] == ["李四的批注"]
    assert session.review.verify().ok
    win.close()


def test_exports_from_the_window_carry_the_review(qtbot: Any, settings: QSettings, answers: dict,
                                                  seeds: dict, tmp_path: Path) -> None:
    import openpyxl

    win = _window(qtbot, settings)
    _open(qtbot, win, seeds[CAIDIAN].pdf)
    win.findings.view.setFocus()
    qtbot.keyClick(win.findings.view, Qt.Key.Key_D)  # dismissed, with a reason
    targets = [(str(tmp_path / f"审核{s}"), False) for s in (".xlsx", ".docx", ".pdf", ".csv")]
    with qtbot.waitSignal(win.service.exported, timeout=120_000) as blocker:
        win.export_to(targets)
    assert sorted(blocker.args[1]) == sorted(t for t, _ in targets)
    sheet = openpyxl.load_workbook(tmp_path / "审核.xlsx")["审核发现"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    statuses = [r[header.index("状态")] for r in rows[1:]]
    reasons = [r[header.index("处理理由")] for r in rows[1:]]
    assert statuses.count("已排除") == 1 and answers["reason"] in reasons
    # an existing file is not overwritten unasked: the export fails and says so
    with qtbot.waitSignal(win.service.exportFailed, timeout=60_000) as failed:
        win.export_to(targets[:1])
    assert "已存在" in failed.args[2]
    win.close()


def test_a_damaged_review_is_reported_and_left_alone(qtbot: Any, settings: QSettings, answers: dict,
                                                     seeds: dict, analysed: dict) -> None:
    """The window still shows the findings; deciding says why it cannot be recorded; the
    damaged file is not overwritten (it may still be recovered)."""
    import os

    sha = analysed[CAIDIAN].document.sha256
    damaged = Path(os.environ["DRD_DATA_DIR"]) / f"{sha}.review.sqlite"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"not a database, but maybe someone's work" * 100)
    before = damaged.read_bytes()
    win = _window(qtbot, settings)
    _open(qtbot, win, seeds[CAIDIAN].pdf)
    assert win.findings.model.rowCount() == len(analysed[CAIDIAN].findings)
    assert "无法打开" in win.notes.progress.text()
    current = win.findings.current()
    win.findings.view.setFocus()
    qtbot.keyClick(win.findings.view, Qt.Key.Key_A)
    assert win.review.session.status(current.fingerprint) == "open"
    assert damaged.read_bytes() == before
    win.close()
