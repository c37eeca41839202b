"""The shortcut list (F1), built from the same command table as the menus."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from gui.actions import Command


class HelpDialog(QDialog):
    def __init__(self, commands: list[Command], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("键盘快捷键"))
        table = QTableWidget(len(commands), 3, self)
        table.setHorizontalHeaderLabels([self.tr("类别"), self.tr("操作"), self.tr("按键")])
        for row, cmd in enumerate(commands):
            for col, text in enumerate((cmd.menu, cmd.text, "  /  ".join(cmd.keys))):
                table.setItem(row, col, QTableWidgetItem(text))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 640)
