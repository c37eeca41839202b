"""The 批量检查 dialog: a folder checked in worker processes, rows filled in as files finish,
a bad file reported in its row, a row opened in the window, the summary saved."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt

from core.batch import BatchRow
from gui.batch_dialog import BatchDialog
from gui.batch_model import COLUMNS, BatchModel
from gui.errors import set_dialogs

GOOD = ("caidian-union-2023-final-accounts", "zezhou-union-2022-final-accounts")


@pytest.fixture
def folder(tmp_path: Path, seeds: dict) -> Path:
    root = tmp_path / "批量"
    root.mkdir()
    for name in GOOD:
        shutil.copy(seeds[name].pdf, root / f"{name}.pdf")
    (root / "坏文件.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3 truncated")
    return root


def test_batch_model(qtmodeltester: Any, folder: Path) -> None:
    model = BatchModel()
    files = sorted(folder.iterdir())
    model.set_files(files, folder)
    qtmodeltester.check(model)
    model.add_row(BatchRow(str(files[0]), error="PDF 文件已损坏", error_code="corrupt"))
    model.add_row(BatchRow(str(files[1]), kind="决算", scope="部门", year=2023, entity="某单位", pages=25,
                           tables=["FIN-01"], severities={"error": 2, "warn": 0, "info": 1, "manual": 0}))
    qtmodeltester.check(model)
    assert model.index(0, COLUMNS.index("result")).data() == "PDF 文件已损坏"
    assert model.index(1, COLUMNS.index("error")).data() == "2"
    assert model.index(2, COLUMNS.index("result")).data() == "等待中"
    assert [r.path for r in model.rows()] == [str(files[0]), str(files[1])]


def test_a_folder_is_checked_and_a_row_opens(qtbot: Any, folder: Path, tmp_path: Path,
                                            analysed: dict) -> None:
    set_dialogs(False)
    opened: list[str] = []
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = BatchDialog(None, opened.append, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder.setText(str(folder))
    dialog.jobs.setValue(min(2, dialog.jobs.maximum()))
    with qtbot.waitSignal(dialog.finished_batch, timeout=180_000):
        dialog.start()
        assert not dialog.start_button.isEnabled()  # the window stays free while it runs
    rows = {Path(r.path).name: r for r in dialog.model.rows()}
    assert len(rows) == 3 and "不完整" in rows["坏文件.pdf"].error
    for name in GOOD:
        assert rows[f"{name}.pdf"].findings == len(analysed[name].findings)
    assert "无法检查 1 个" in dialog.status.text()
    # Enter on a row opens it in the window
    row = next(i for i in range(dialog.model.rowCount())
               if dialog.model.index(i, 0).data() == f"{GOOD[0]}.pdf")
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row, 0))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened == [str(folder / f"{GOOD[0]}.pdf")]
    out = tmp_path / "汇总.xlsx"
    assert dialog.save(str(out))
    sheet = openpyxl.load_workbook(out)["汇总"]
    assert sheet.max_row == 4
    dialog.close()
