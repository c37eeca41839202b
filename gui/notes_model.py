"""The review's notes panel as a table model: every live note, then what needs the reviewer's
attention: decisions and notes whose finding is gone (orphans, kept, never dropped) and merge
conflicts waiting to be settled."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core.review.handover import Conflict
from core.review.model import Decision, Note
from gui.findings_model import status_name
from gui.lang import translate

ItemRole = Qt.ItemDataRole.UserRole + 20
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # note / orphan / conflict
    value: Note | Decision | Conflict



def note_kind_name(kind: str) -> str:
    return {"finding": translate("Notes", "问题批注"), "region": translate("Notes", "页面区域"),
            "cell": translate("Notes", "单元格"),
            "text": translate("Notes", "文字")}.get(kind, kind)


def anchor_text(note: Note) -> str:
    """Where a note is, in the reviewer's words: 第3页, FIN-01 第5行 决算数, the finding's rule."""
    if note.kind == "finding":
        return note.summary.split(" ", 1)[0] if note.summary else translate("Notes", "问题")
    if note.kind == "cell":
        where = translate("Notes", "{0} 第{1}行 {2}").format(note.table, (note.row or 0) + 1, note.column)
        return where + (translate("Notes", "（第{0}页）").format(note.page) if note.page else "")
    return translate("Notes", "第{0}页").format(note.page) if note.page else ""


def _when(time: str) -> str:
    return time[:16].replace("T", " ")


class NotesModel(QAbstractTableModel):
    COLUMNS = ("kind", "anchor", "body", "reviewer", "time")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ReviewItem] = []

    def set_items(self, notes: list[Note], orphans: list[Decision | Note],
                  conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        orphan_ids = {o.id for o in orphans if isinstance(o, Note)}
        self._items = ([ReviewItem("note", n) for n in notes if n.id not in orphan_ids]
                       + [ReviewItem("orphan", o) for o in orphans]
                       + [ReviewItem("conflict", c) for c in conflicts])
        self.endResetModel()

    def item(self, row: int) -> ReviewItem:
        return self._items[row]

    def row_of_note(self, note_id: str) -> int | None:
        return next((i for i, it in enumerate(self._items)
                     if isinstance(it.value, Note) and it.value.id == note_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = {"kind": translate("Notes", "类型"), "anchor": translate("Notes", "位置"),
                  "body": translate("Notes", "内容"), "reviewer": translate("Notes", "审核人"),
                  "time": translate("Notes", "时间")}
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(item)[column].replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            v = item.value
            quote = f"\n「{v.quote}」" if isinstance(v, Note) and v.quote else ""
            return self._cells(item)["body"] + quote
        if role == Qt.ItemDataRole.ForegroundRole and item.kind != "note":
            return QBrush(QColor("#b71c1c" if item.kind == "conflict" else "#6d4c41"))
        if role == ItemRole:
            return item
        return None

    def _cells(self, item: ReviewItem) -> dict[str, str]:
        v = item.value
        if isinstance(v, Conflict):
            body = translate("Notes", "我：{0} · {1}：{2}").format(
                status_name(v.mine.status), v.theirs.reviewer, status_name(v.theirs.status))
            return {"kind": translate("Notes", "合并冲突"),
                    "anchor": v.mine.summary.split(" ", 1)[0] or v.fingerprint[:8],
                    "body": body, "reviewer": v.theirs.reviewer, "time": _when(v.theirs.time)}
        if isinstance(v, Decision):  # an orphan decision: its finding is no longer found
            body = status_name(v.status) + (f"：{v.reason}" if v.reason else "")
            return {"kind": translate("Notes", "孤立的处理意见"), "anchor": v.summary or v.fingerprint[:8],
                    "body": body, "reviewer": v.reviewer, "time": _when(v.time)}
        kind = note_kind_name(v.kind) if item.kind == "note" else translate("Notes", "孤立的批注")
        return {"kind": kind, "anchor": anchor_text(v), "body": v.body, "reviewer": v.reviewer,
                "time": _when(v.edited or v.time)}
