"""批量检查: a whole folder checked in worker processes while the window stays free.

The batch runs on a thread that only waits on the worker processes (core.batch.run_batch), so
neither parsing nor pdfium ever runs in the window's process; each finished file arrives as a
signal and fills its row. Enter or a double click opens a row's document in the window.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QHBoxLayout,
                               QLabel, QLineEdit, QProgressBar, QPushButton, QSpinBox, QTableView,
                               QVBoxLayout, QWidget)

from core.batch import BatchRow, batch_files, run_batch
from core.errors import DisclosureError
from gui.batch_model import BatchModel, PathRole
from gui.errors import show_error


class BatchRunner(QThread):
    rowDone = Signal(int, int, object)  # done, total, BatchRow

    def __init__(self, files: list[Path], jobs: int) -> None:
        super().__init__()
        self.files, self.jobs = files, jobs
        self.stop = threading.Event()

    def run(self) -> None:
        run_batch(self.files, self.jobs, lambda done, total, row: self.rowDone.emit(done, total, row),
                  self.stop.is_set, in_process=False)


class _Table(QTableView):
    openWanted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.openWanted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class BatchDialog(QDialog):
    finished_batch = Signal()

    def __init__(self, parent: QWidget | None, open_document: Callable[[str], None],
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("批量检查"))
        self.open_document = open_document
        self.settings = settings or QSettings()
        self.runner: BatchRunner | None = None
        self.folder = QLineEdit(str(self.settings.value("batch/folder", "") or ""), self)
        self.folder.setPlaceholderText(self.tr("要检查的文件夹（含子文件夹）"))
        browse = QPushButton(self.tr("选择文件夹…"), self)
        browse.clicked.connect(self._browse)
        self.jobs = QSpinBox(self)
        self.jobs.setRange(1, max(1, os.cpu_count() or 1))
        self.jobs.setValue(min(2, self.jobs.maximum()))
        self.jobs.setPrefix(self.tr("进程数 "))
        self.start_button = QPushButton(self.tr("开始检查"), self)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("停止"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        top = QHBoxLayout()
        for w in (self.folder, browse, self.jobs, self.start_button, self.cancel_button):
            top.addWidget(w, 1 if w is self.folder else 0)
        self.progress = QProgressBar(self)
        self.status = QLabel(self.tr("选择文件夹后开始；每个文件都会列出，无法检查的文件注明原因。"), self)
        self.model = BatchModel(self)
        self.table = _Table(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)  # 结果: the reason a file failed
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.table.openWanted.connect(self.open_current)
        self.save_button = QPushButton(self.tr("保存汇总表…"), self)
        self.save_button.clicked.connect(self.save_dialog)
        self.save_button.setEnabled(False)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("回车或双击一行：在主窗口中打开该文档"), self), 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1100, 560)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择要检查的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> None:
        root = Path(self.folder.text().strip())
        if not root.is_dir():
            show_error(self, self.tr("批量检查"), self.tr("找不到文件夹：{0}").format(root))
            return
        files = batch_files([root])
        if not files:
            show_error(self, self.tr("批量检查"), self.tr("文件夹中没有文件：{0}").format(root))
            return
        self.settings.setValue("batch/folder", str(root))
        self.model.set_files(files, root)
        self.table.resizeColumnsToContents()
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.runner = BatchRunner(files, self.jobs.value())
        self.runner.rowDone.connect(self._row_done)
        self.runner.finished.connect(self._done)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("正在检查 {0} 个文件…").format(len(files)))
        self.runner.start()

    def _row_done(self, done: int, total: int, row: BatchRow) -> None:
        self.model.add_row(row)
        if done == 1 or done == total:
            self.table.resizeColumnsToContents()
        self.progress.setValue(done)
        self.status.setText(self.tr("已检查 {0} / {1}：{2}").format(done, total, Path(row.path).name))

    def _done(self) -> None:
        rows = self.model.rows()
        failed = sum(1 for r in rows if r.error)
        stopped = self.runner is not None and self.runner.stop.is_set()
        self.status.setText((self.tr("已停止。") if stopped else "") + self.tr(
            "共 {0} 个文件：已检查 {1} 个，无法检查 {2} 个，发现问题 {3} 条。").format(
            self.model.rowCount(), len(rows) - failed, failed, sum(r.findings for r in rows)))
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.save_button.setEnabled(bool(rows))
        self.runner = None
        self.finished_batch.emit()

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.stop.set()
            self.status.setText(self.tr("正在停止（正在检查的文件完成后停止）…"))

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_document(index.data(PathRole))

    def save_dialog(self) -> None:
        default = str(Path(self.folder.text()) / self.tr("批量检查汇总.xlsx"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存汇总表"), default, self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.save(path, force=True)  # the file dialog has asked before replacing a file

    def save(self, path: str, force: bool = False) -> bool:
        from core.batch_summary import write_summary

        try:
            write_summary(self.model.rows(), Path(path), force=force, root=Path(self.folder.text()))
        except DisclosureError as exc:
            show_error(self, self.tr("保存汇总表"), str(exc))
            return False
        self.status.setText(self.tr("汇总表已保存：{0}").format(path))
        return True

    def closeEvent(self, event) -> None:  # noqa: ANN001 (Qt event)
        """Closing stops the batch; the thread is waited for so no worker is left behind."""
        if self.runner is not None:
            self.runner.stop.set()
            self.runner.wait()
        super().closeEvent(event)
