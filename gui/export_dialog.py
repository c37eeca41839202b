"""File→Export: which working papers to write, where, and whether dismissed findings go in.

The writing itself happens in the worker process (core.jobs) with the stored review applied,
exactly as `check --export` does; an existing file is overwritten only when the reviewer says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from gui.errors import dialogs_enabled
from gui.lang import translate



def format_names() -> dict[str, str]:
    return {".xlsx": translate("ExportDialog", "Excel 工作簿（审核发现、批注、文档信息）"),
            ".docx": translate("ExportDialog", "Word 审核工作底稿"),
            ".pdf": translate("ExportDialog", "带批注的 PDF（原文件加审核批注）"),
            ".csv": translate("ExportDialog", "CSV 表格（UTF-8，Excel 可直接打开）"),
            ".json": translate("ExportDialog", "JSON 数据")}


@dataclass
class ExportChoice:
    targets: list[tuple[str, bool]]  # (path, overwrite)
    include_dismissed: bool


class ExportDialog(QDialog):
    def __init__(self, settings: QSettings, pdf_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(translate("ExportDialog", "导出审核结果"))
        chosen = str(settings.value("export/formats", ".xlsx,.docx,.pdf")).split(",")
        self.boxes: dict[str, QCheckBox] = {}
        column = QVBoxLayout()
        for suffix, name in format_names().items():
            box = QCheckBox(f"{name}  ({suffix})", self)
            box.setChecked(suffix in chosen)
            self.boxes[suffix] = box
            column.addWidget(box)
        pdf = Path(pdf_path)
        self.folder = QLineEdit(str(settings.value("export/folder", "") or pdf.parent), self)
        browse = QPushButton(translate("ExportDialog", "浏览…"), self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.name = QLineEdit(translate("ExportDialog", "{0}_审核").format(pdf.stem), self)
        self.without_dismissed = QCheckBox(translate("ExportDialog", "不含已排除的问题"), self)
        self.without_dismissed.setChecked(str(settings.value("export/no_dismissed", "false")) == "true")
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "格式"), column)
        form.addRow(translate("ExportDialog", "文件夹"), folder_row)
        form.addRow(translate("ExportDialog", "文件名"), self.name)
        form.addRow("", self.without_dismissed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def _browse(self) -> None:
        title = translate("ExportDialog", "导出到文件夹")
        folder = QFileDialog.getExistingDirectory(self, title, self.folder.text())
        if folder:
            self.folder.setText(folder)

    def paths(self) -> list[Path]:
        folder, name = Path(self.folder.text().strip()), self.name.text().strip()
        return [folder / f"{name}{suffix}" for suffix, box in self.boxes.items() if box.isChecked()]

    def _accept(self) -> None:
        if self.paths() and self.name.text().strip() and self.folder.text().strip():
            formats = ",".join(s for s, b in self.boxes.items() if b.isChecked())
            self.settings.setValue("export/formats", formats)
            self.settings.setValue("export/folder", self.folder.text().strip())
            without = self.without_dismissed.isChecked()
            self.settings.setValue("export/no_dismissed", "true" if without else "false")
            self.accept()


def choose_exports(settings: QSettings, pdf_path: str, parent: QWidget | None) -> ExportChoice | None:
    """Ask what to export; existing files are overwritten only after a yes (headless: never)."""
    dialog = ExportDialog(settings, pdf_path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    paths = dialog.paths()
    existing = [p for p in paths if p.exists()]
    overwrite = False
    if existing and dialogs_enabled():
        listing = "\n".join(str(p) for p in existing)
        question = translate("ExportDialog", "以下文件已存在，是否覆盖？\n{0}").format(listing)
        answer = QMessageBox.question(parent, translate("ExportDialog", "文件已存在"), question)
        overwrite = answer == QMessageBox.StandardButton.Yes
    targets = [(str(p), overwrite) for p in paths if overwrite or p not in existing]
    if not targets:
        return None
    return ExportChoice(targets, not dialog.without_dismissed.isChecked())
