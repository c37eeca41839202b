"""File→Export and File→批量检查 of the window (a mixin of MainWindow).

Exports run in the analysis worker process, so a Word paper with page pictures never holds the
window; the stored review is read at the moment of the request and goes along with it.
"""
from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QMessageBox

from gui.errors import dialogs_enabled, show_error
from gui.export_dialog import choose_exports

log = logging.getLogger(__name__)


class ExportCommands:
    report: Any
    settings: Any
    service: Any
    review: Any

    def export_dialog(self) -> None:
        if self.report is None:
            self.statusBar().showMessage(self.tr("请先打开并分析一份文档"), 3000)  # type: ignore[attr-defined]
            return
        choice = choose_exports(self.settings, self.report.document.path, self)  # type: ignore[arg-type]
        if choice is not None:
            self.export_to(choice.targets, choice.include_dismissed)

    def export_to(self, targets: list[tuple[str, bool]], include_dismissed: bool = True) -> int:
        """Queue the export of the open document with its review; returns the job number."""
        snapshot = self.review.session.snapshot()
        job = self.service.export(self.report.document.path, snapshot, targets, include_dismissed,
                                  self.review.session.reviewer)
        self.statusBar().showMessage(self.tr("正在导出 {0} 个文件…").format(len(targets)))  # type: ignore[attr-defined]
        return job

    def _exported(self, _job: int, paths: list) -> None:
        text = self.tr("已导出：{0}").format("、".join(paths))
        self.statusBar().showMessage(text, 10000)  # type: ignore[attr-defined]
        log.info("%s", text)
        if dialogs_enabled():
            QMessageBox.information(self, self.tr("导出完成"), "\n".join(paths))  # type: ignore[arg-type]

    def _export_failed(self, _job: int, _code: str, message: str) -> None:
        self.statusBar().showMessage(self.tr("导出失败"), 5000)  # type: ignore[attr-defined]
        show_error(self, self.tr("导出失败"), message)  # type: ignore[arg-type]

    def batch_dialog(self) -> None:
        """Non-modal: the reviewer opens documents from its rows and comes back to it."""
        from gui.batch_dialog import BatchDialog

        dialog = getattr(self, "_batch", None)
        if dialog is None:
            dialog = self._batch = BatchDialog(self, self.open, self.settings)  # type: ignore[arg-type, attr-defined]
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
