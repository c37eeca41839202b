"""Every command of the window with its keyboard shortcut, in one table: the menus, the toolbar
and the help dialog are all built from it, so they cannot disagree."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Command:
    name: str  # the window's method that carries it out
    menu: str  # 文件 / 视图 / 导航 / 审核 / 帮助
    text: str
    keys: tuple[str, ...]


FILE, NAV, VIEW, HELP = (QT_TRANSLATE_NOOP("Commands", "文件"), QT_TRANSLATE_NOOP("Commands", "导航"),
                          QT_TRANSLATE_NOOP("Commands", "视图"), QT_TRANSLATE_NOOP("Commands", "帮助"))
REVIEW = QT_TRANSLATE_NOOP("Commands", "审核")
_COMMANDS = [  # (method, menu, text, keys); texts are translated when the commands are built
    ("open_dialog", FILE, QT_TRANSLATE_NOOP("Commands", "打开…"), ("Ctrl+O",)),
    ("export_dialog", FILE, QT_TRANSLATE_NOOP("Commands", "导出审核结果（Excel、Word、PDF…）…"), ("Ctrl+E",)),
    ("batch_dialog", FILE, QT_TRANSLATE_NOOP("Commands", "批量检查…"), ("Ctrl+B",)),
    ("close", FILE, QT_TRANSLATE_NOOP("Commands", "退出"), ("Ctrl+Q",)),
    ("next_finding", NAV, QT_TRANSLATE_NOOP("Commands", "下一条问题"), ("J", "F8")),
    ("previous_finding", NAV, QT_TRANSLATE_NOOP("Commands", "上一条问题"), ("K", "Shift+F8")),
    ("next_location", NAV, QT_TRANSLATE_NOOP("Commands", "本问题的下一处位置"), ("L", "Alt+Right")),
    ("previous_location", NAV, QT_TRANSLATE_NOOP("Commands", "本问题的上一处位置"), ("H", "Alt+Left")),
    ("jump_to_location", NAV, QT_TRANSLATE_NOOP("Commands", "跳到问题所在位置（页面）"), ("Return",)),
    ("next_page", NAV, QT_TRANSLATE_NOOP("Commands", "下一页"), ("Ctrl+PgDown", "Ctrl+Down")),
    ("previous_page", NAV, QT_TRANSLATE_NOOP("Commands", "上一页"), ("Ctrl+PgUp", "Ctrl+Up")),
    ("first_page", NAV, QT_TRANSLATE_NOOP("Commands", "第一页"), ("Ctrl+Home",)),
    ("last_page", NAV, QT_TRANSLATE_NOOP("Commands", "最后一页"), ("Ctrl+End",)),
    ("zoom_in", VIEW, QT_TRANSLATE_NOOP("Commands", "放大"), ("Ctrl++", "Ctrl+=")),
    ("zoom_out", VIEW, QT_TRANSLATE_NOOP("Commands", "缩小"), ("Ctrl+-",)),
    ("fit_width", VIEW, QT_TRANSLATE_NOOP("Commands", "适合宽度"), ("Ctrl+0",)),
    ("fit_page", VIEW, QT_TRANSLATE_NOOP("Commands", "适合整页"), ("Ctrl+9",)),
    ("focus_findings", VIEW, QT_TRANSLATE_NOOP("Commands", "焦点：问题列表"), ("Alt+1",)),
    ("focus_page", VIEW, QT_TRANSLATE_NOOP("Commands", "焦点：页面"), ("Alt+2",)),
    ("focus_table", VIEW, QT_TRANSLATE_NOOP("Commands", "焦点：表格"), ("Alt+3",)),
    ("focus_text", VIEW, QT_TRANSLATE_NOOP("Commands", "焦点：文字"), ("Alt+4",)),
    ("focus_search", VIEW, QT_TRANSLATE_NOOP("Commands", "搜索问题"), ("Ctrl+F",)),
    ("show_all_findings", VIEW, QT_TRANSLATE_NOOP("Commands", "清除筛选"), ("Ctrl+Shift+F",)),
    ("focus_notes", VIEW, QT_TRANSLATE_NOOP("Commands", "焦点：审核记录"), ("Alt+5",)),
    ("confirm_finding", REVIEW, QT_TRANSLATE_NOOP("Commands", "确认问题"), ("A",)),
    ("dismiss_finding", REVIEW, QT_TRANSLATE_NOOP("Commands", "排除问题（填写理由）"), ("D",)),
    ("follow_up_finding", REVIEW, QT_TRANSLATE_NOOP("Commands", "标记为需跟进"), ("F",)),
    ("reopen_finding", REVIEW, QT_TRANSLATE_NOOP("Commands", "恢复为待处理"), ("U",)),
    ("add_note", REVIEW, QT_TRANSLATE_NOOP("Commands", "添加批注（当前问题、所选单元格或所选文字）"), ("N",)),
    ("draw_region_note", REVIEW, QT_TRANSLATE_NOOP("Commands", "框选页面区域添加批注"), ("R",)),
    ("settle_conflicts", REVIEW, QT_TRANSLATE_NOOP("Commands", "处理合并冲突…"), ()),
    ("export_review", REVIEW, QT_TRANSLATE_NOOP("Commands", "导出审核记录（交给同事）…"), ()),
    ("import_review", REVIEW, QT_TRANSLATE_NOOP("Commands", "导入同事的审核记录…"), ()),
    ("change_reviewer", REVIEW, QT_TRANSLATE_NOOP("Commands", "更改审核人…"), ()),
    ("cancel_analysis", FILE, QT_TRANSLATE_NOOP("Commands", "取消分析"), ("Ctrl+.",)),
    ("show_help", HELP, QT_TRANSLATE_NOOP("Commands", "键盘快捷键"), ("F1",)),
]


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def commands() -> list[Command]:
    return [Command(name, _t(menu), _t(text), keys) for name, menu, text, keys in _COMMANDS]


def build_actions(window: QWidget, targets: list[object]) -> dict[str, QAction]:
    """One QAction per command, connected to <target>.<name> for the first target that has it,
    shortcuts active in the whole window."""
    actions: dict[str, QAction] = {}
    for cmd in commands():
        owner = next(t for t in targets if hasattr(t, cmd.name))
        handler: Callable[[], object] = getattr(owner, cmd.name)
        action = QAction(cmd.text, window)
        action.setShortcuts([QKeySequence(k) for k in cmd.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{cmd.text} ({' / '.join(cmd.keys)})" if cmd.keys else cmd.text)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        window.addAction(action)
        actions[cmd.name] = action
    return actions
