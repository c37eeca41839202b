"""Every command of the window with its keyboard shortcut, in one table: the menus, the toolbar
and the help dialog are all built from it, so they cannot disagree."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Command:
    name: str  # the window's method that carries it out
    menu: str  # 文件 / 视图 / 导航 / 审核 / 帮助
    text: str
    keys: tuple[str, ...]


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def commands() -> list[Command]:
    return [
        Command("open_dialog", _t("文件"), _t("打开…"), ("Ctrl+O",)),
        Command("close", _t("文件"), _t("退出"), ("Ctrl+Q",)),
        Command("next_finding", _t("导航"), _t("下一条问题"), ("J", "F8")),
        Command("previous_finding", _t("导航"), _t("上一条问题"), ("K", "Shift+F8")),
        Command("next_location", _t("导航"), _t("本问题的下一处位置"), ("L", "Alt+Right")),
        Command("previous_location", _t("导航"), _t("本问题的上一处位置"), ("H", "Alt+Left")),
        Command("jump_to_location", _t("导航"), _t("跳到问题所在位置（页面）"), ("Return",)),
        Command("next_page", _t("导航"), _t("下一页"), ("Ctrl+PgDown", "Ctrl+Down")),
        Command("previous_page", _t("导航"), _t("上一页"), ("Ctrl+PgUp", "Ctrl+Up")),
        Command("first_page", _t("导航"), _t("第一页"), ("Ctrl+Home",)),
        Command("last_page", _t("导航"), _t("最后一页"), ("Ctrl+End",)),
        Command("zoom_in", _t("视图"), _t("放大"), ("Ctrl++", "Ctrl+=")),
        Command("zoom_out", _t("视图"), _t("缩小"), ("Ctrl+-",)),
        Command("fit_width", _t("视图"), _t("适合宽度"), ("Ctrl+0",)),
        Command("fit_page", _t("视图"), _t("适合整页"), ("Ctrl+9",)),
        Command("focus_findings", _t("视图"), _t("焦点：问题列表"), ("Alt+1",)),
        Command("focus_page", _t("视图"), _t("焦点：页面"), ("Alt+2",)),
        Command("focus_table", _t("视图"), _t("焦点：表格"), ("Alt+3",)),
        Command("focus_text", _t("视图"), _t("焦点：文字"), ("Alt+4",)),
        Command("focus_search", _t("视图"), _t("搜索问题"), ("Ctrl+F",)),
        Command("show_all_findings", _t("视图"), _t("清除筛选"), ("Ctrl+Shift+F",)),
        Command("cancel_analysis", _t("文件"), _t("取消分析"), ("Ctrl+.",)),
        Command("show_help", _t("帮助"), _t("键盘快捷键"), ("F1",)),
    ]


def build_actions(window: QWidget, extra: list[Command] | None = None) -> dict[str, QAction]:
    """One QAction per command, connected to window.<name>, shortcuts active in the whole window."""
    actions: dict[str, QAction] = {}
    for cmd in commands() + (extra or []):
        handler: Callable[[], object] = getattr(window, cmd.name)
        action = QAction(cmd.text, window)
        action.setShortcuts([QKeySequence(k) for k in cmd.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{cmd.text} ({' / '.join(cmd.keys)})")
        action.triggered.connect(lambda _checked=False, h=handler: h())
        window.addAction(action)
        actions[cmd.name] = action
    return actions
