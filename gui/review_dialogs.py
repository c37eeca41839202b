"""The small dialogs of a review: the reviewer's name, a dismissal's reason, a note's text and
the settling of merge conflicts. Each is one function, so tests replace it with an answer.

Text the reviewer typed is never thrown away silently: closing a note dialog with text in it
asks first.
"""
from __future__ import annotations

import getpass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHeaderView, QInputDialog, QLabel,
                               QMessageBox, QPlainTextEdit, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from core.review.handover import Conflict
from core.textsafe import MAX_NAME, check_text, printable_line
from gui.findings_model import status_name
from gui.lang import translate



# common reasons a reviewer gives for dismissing a finding; they can type their own instead
REASONS = (QT_TRANSLATE_NOOP("ReviewDialogs", "口径不同，不属于错误"),
           QT_TRANSLATE_NOOP("ReviewDialogs", "已与单位核实，表述无误"),
           QT_TRANSLATE_NOOP("ReviewDialogs", "公开模板本身如此"),
           QT_TRANSLATE_NOOP("ReviewDialogs", "规则误报"))


def ask_reviewer(parent: QWidget | None, current: str = "") -> str | None:
    """The name recorded with every action; asked once and kept in the settings. A name with
    control characters (a paste) or too long is refused here, where it is typed."""
    default = current or getpass.getuser()
    prompt = translate("ReviewDialogs", "请输入审核人姓名（记录在每条处理意见和批注中）：")
    while True:
        name, ok = QInputDialog.getText(parent, translate("ReviewDialogs", "审核人"), prompt,
                                        text=default)
        if not ok or not name.strip():
            return None
        try:
            return check_text(name.strip(), "审核人姓名",  # core messages are in Chinese
                              multiline=False, limit=MAX_NAME)
        except ValueError as exc:
            QMessageBox.warning(parent, translate("ReviewDialogs", "审核人"), str(exc))
            default = printable_line(name.strip())



def _t(text: str) -> str:
    return translate("ReviewDialogs", text)


class TextDialog(QDialog):
    """A multi-line text with a label; Ctrl+Enter saves, Esc asks before dropping typed text."""

    def __init__(self, title: str, prompt: str, text: str, parent: QWidget | None,
                 choices: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.edit = QPlainTextEdit(text, self)
        self.edit.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        if choices:
            self.choices = QComboBox(self)
            self.choices.addItem(translate("ReviewDialogs", "常用理由…"), "")
            for c in choices:
                self.choices.addItem(_t(c), _t(c))
            self.choices.activated.connect(self._choose)
            layout.addWidget(self.choices)
        layout.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(QLabel(translate("ReviewDialogs", "Ctrl+Enter 保存 · Esc 取消"), self))
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._save)
        self.edit.setFocus()
        self.resize(480, 260)

    def _choose(self, index: int) -> None:
        text = self.choices.itemData(index)
        if text:
            self.edit.setPlainText(text)
            self.edit.setFocus()

    def text(self) -> str:
        return self.edit.toPlainText().strip()

    def _save(self) -> None:
        if self.text():
            self.accept()

    def reject(self) -> None:
        if self.text():
            question = translate("ReviewDialogs", "放弃已输入的内容？")
            answer = QMessageBox.question(self, self.windowTitle(), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


def ask_reason(parent: QWidget | None, what: str) -> str | None:
    """Why a finding is dismissed (required: an unexplained dismissal is not a review)."""
    prompt = translate("ReviewDialogs", "排除：{0}\n请填写理由（必填）：").format(what)
    dialog = TextDialog(translate("ReviewDialogs", "排除问题"), prompt, "", parent, REASONS)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_note(parent: QWidget | None, where: str, body: str = "") -> str | None:
    title = translate("ReviewDialogs", "修改批注") if body else translate("ReviewDialogs", "添加批注")
    dialog = TextDialog(title, translate("ReviewDialogs", "批注位置：{0}").format(where), body, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def settle_conflicts(parent: QWidget | None, conflicts: list[Conflict]) -> dict[str, str] | None:
    """For each conflict, "mine" or "theirs"; None when the reviewer leaves them for later."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("ReviewDialogs", "合并冲突"))
    table = QTableWidget(len(conflicts), 4, dialog)
    table.setHorizontalHeaderLabels([translate("ReviewDialogs", "问题"),
                                     translate("ReviewDialogs", "我的处理"),
                                     translate("ReviewDialogs", "同事的处理"),
                                     translate("ReviewDialogs", "采用")])
    choosers: list[QComboBox] = []
    for row, c in enumerate(conflicts):
        table.setItem(row, 0, QTableWidgetItem(c.mine.summary or c.theirs.summary or c.fingerprint[:12]))
        for col, d in ((1, c.mine), (2, c.theirs)):
            text = f"{status_name(d.status)}（{d.reviewer}）" + (f"：{d.reason}" if d.reason else "")
            table.setItem(row, col, QTableWidgetItem(text))
        chooser = QComboBox(table)
        chooser.addItem(translate("ReviewDialogs", "我的"), "mine")
        chooser.addItem(translate("ReviewDialogs", "同事的"), "theirs")
        table.setCellWidget(row, 3, chooser)
        choosers.append(chooser)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    text = translate("ReviewDialogs", "同一问题有两种不同的处理意见，请逐条选择采用哪一种"
                                      "（两者都保留在审核日志中）。取消则留待以后处理。")
    label = QLabel(text, dialog)
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addWidget(table, 1)
    layout.addWidget(buttons)
    dialog.resize(760, 360)
    table.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return {c.fingerprint: ch.currentData() for c, ch in zip(conflicts, choosers)}

