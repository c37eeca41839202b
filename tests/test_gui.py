"""The review window end to end (offscreen): open a fixture, findings appear, the views follow
the selection, filters and search narrow the list, the keyboard walks the findings."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QSettings, Qt

from core.tables.model import LABEL_COLUMNS
from gui.errors import set_dialogs
from gui.main_window import MainWindow

CAIDIAN = "caidian-union-2023-final-accounts"
HANGZHOU = "hangzhou-union-2023-final-accounts"
ZEZHOU = "zezhou-union-2022-final-accounts"  # has findings on table cells (misnamed codes)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    set_dialogs(False)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _open(qtbot: Any, win: MainWindow, pdf: Path) -> None:
    with qtbot.waitSignal(win.analysisDone, timeout=90_000) as blocker:
        win.open(str(pdf))
    assert blocker.args == [True]


def test_findings_appear_and_the_views_follow(qtbot: Any, window: MainWindow, seeds: dict, analysed: dict) -> None:
    _open(qtbot, window, seeds[ZEZHOU].pdf)
    expected = analysed[ZEZHOU].findings
    assert window.findings.model.rowCount() == len(expected)
    assert "错误" in window.findings.counts_text()
    # the first finding is selected at once, its page shown
    first = window.findings.current()
    assert first is not None and window.page_view.page == first.locations[0].page
    # a finding in a table: page and table follow
    in_table = next(f for f in window.findings.model.findings()
                    if any(loc.table and loc.row is not None and loc.column for loc in f.locations))
    window.findings.select_fingerprint(in_table.fingerprint)
    loc = next(loc for loc in in_table.locations if loc.table)
    assert window.tables.current_id() == loc.table
    assert window.page_view.page == in_table.locations[0].page
    index = window.tables.view.currentIndex()
    assert index.isValid() and window.tables.model.data(index, Qt.ItemDataRole.UserRole + 10) == (loc.row, loc.column)
    # another finding on another page moves the page
    other = next(f for f in window.findings.model.findings() if f.pages and f.pages[0] != window.page_view.page)
    window.findings.select_fingerprint(other.fingerprint)
    assert window.page_view.page == other.locations[0].page
    # clicking a box on the page selects its finding
    window.page_view.boxClicked.emit(in_table.fingerprint)
    assert window.findings.current() is in_table


def test_filters_and_search_narrow_the_list(qtbot: Any, window: MainWindow, seeds: dict) -> None:
    _open(qtbot, window, seeds[CAIDIAN].pdf)
    proxy = window.findings.proxy
    total = proxy.rowCount()
    window.findings._buttons["info"].setChecked(False)
    without_info = proxy.rowCount()
    assert 0 < without_info < total
    window.findings.search.setText("截止2022年12月31日")
    assert proxy.rowCount() == 1
    window.findings.clear_filters()
    assert proxy.rowCount() == total
    family = window.findings.family
    family.setCurrentIndex(family.findData("FMT"))
    assert 0 < proxy.rowCount() < total
    assert all(proxy.index(r, 1).data().startswith("FMT") for r in range(proxy.rowCount()))


def test_keyboard_walks_the_findings(qtbot: Any, window: MainWindow, seeds: dict) -> None:
    _open(qtbot, window, seeds[CAIDIAN].pdf)
    view = window.findings.view
    window.activateWindow()
    view.setFocus()
    assert view.currentIndex().row() == 0
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.currentIndex().row() == 2
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.currentIndex().row() == 1
    page = window.page_view.page
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.page_view.page == page + 1
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.findings.search.hasFocus()


def test_opening_another_file_during_analysis_is_safe(qtbot: Any, window: MainWindow, seeds: dict) -> None:
    with qtbot.waitSignal(window.analysisDone, timeout=90_000):
        window.open(str(seeds[HANGZHOU].pdf))
        window.open(str(seeds[CAIDIAN].pdf))
    qtbot.wait(300)  # a late message of the first job must not replace the second
    assert window.report is not None and window.report.document.path.endswith(f"{CAIDIAN}.pdf")


def test_a_bad_file_is_reported_not_crashed(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    with qtbot.waitSignal(window.analysisDone, timeout=90_000) as blocker:
        window.open(str(bad))
    assert blocker.args == [False]
    assert "无法分析" in window.doc_bar.label.text()


def test_reopening_the_same_file_shows_it_again(qtbot: Any, window: MainWindow, seeds: dict) -> None:
    """From the recent files, say: the second analysis replaces the first without stale state
    (the text view once kept the old page's highlights and Qt warned of positions out of range)."""
    _open(qtbot, window, seeds[CAIDIAN].pdf)
    first = window.findings.current()
    _open(qtbot, window, seeds[CAIDIAN].pdf)
    again = window.findings.current()
    assert first is not None and again is not None and again.fingerprint == first.fingerprint
    assert window.page_view.page == again.locations[0].page


def test_a_findings_cell_is_shown_with_its_row_name(qtbot: Any, window: MainWindow, seeds: dict) -> None:
    """Scrolling to a flagged figure once cut the 项目 column off (the scroll was measured
    before the columns had their widths): a figure without its row name tells the reviewer
    nothing."""
    window.resize(1600, 1000)  # the screenshot's size: a figure or two fit beside 项目
    _open(qtbot, window, seeds[HANGZHOU].pdf)  # its findings point at figures in the tables
    view, model = window.tables.view, window.tables.model
    checked = beside = 0
    for finding in window.findings.model.findings():
        if checked == 8:
            break
        if not any(loc.table and loc.row is not None and loc.column
                   and loc.column not in LABEL_COLUMNS for loc in finding.locations):
            continue
        window.findings.select_fingerprint(finding.fingerprint)
        index = view.currentIndex()
        assert index.isValid()
        qtbot.waitUntil(lambda: not window.tables.settling())
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        cell_left = view.columnViewportPosition(index.column())
        cell_right = cell_left + view.columnWidth(index.column())
        assert 0 <= cell_left and cell_right <= view.viewport().width(), f"{finding.rule}: cell out of view"
        name_left = view.columnViewportPosition(headers.index("项目"))
        if cell_right + view.horizontalScrollBar().value() <= view.viewport().width():
            # the cell fits beside the row labels, so they stay in view
            assert name_left >= 0, f"{finding.rule}: the 项目 column is scrolled away"
            beside += 1
        checked += 1
    assert checked == 8 and beside, "the fixture has findings on table figures, some near 项目"
