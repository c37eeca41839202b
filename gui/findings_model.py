"""The findings as a table model, and the proxy that filters them (severity, family, table,
status, free text)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)
from PySide6.QtGui import QBrush, QColor

from core.checks.model import SEVERITIES, Finding
from gui.lang import language, translate

SEVERITY_COLORS = {"error": "#d32f2f", "warn": "#ef6c00", "info": "#1976d2", "manual": "#7b1fa2"}
STATUS_COLORS = {"confirmed": "#c62828", "dismissed": "#757575", "follow_up": "#ef6c00"}
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
FindingRole = Qt.ItemDataRole.UserRole + 1
SeverityRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def severity_count(severity: str, n: int) -> str:
    """“3 错误” on the filter buttons."""
    texts = {"error": translate("Severity", "{0} 错误"),
             "warn": translate("Severity", "{0} 警告"),
             "info": translate("Severity", "{0} 提示"),
             "manual": translate("Severity", "{0} 需人工")}
    return texts.get(severity, "{0} " + severity).format(n)


def severity_name(severity: str) -> str:
    names = {"error": translate("Severity", "错误"),
             "warn": translate("Severity", "警告"),
             "info": translate("Severity", "提示"),
             "manual": translate("Severity", "需人工")}
    return names.get(severity, severity)


def status_name(status: str) -> str:
    """A review status as the window shows it (待处理 / 已确认 / 已排除 / 需跟进)."""
    names = {"open": translate("Status", "待处理"),
             "confirmed": translate("Status", "已确认"),
             "dismissed": translate("Status", "已排除"),
             "follow_up": translate("Status", "需跟进")}
    return names.get(status, status)


@lru_cache(maxsize=1)
def _titles_en() -> dict[str, str]:
    from core.checks.registry import catalogue

    return {r.id: r.title_en for r in catalogue()}


def rule_title(f: Finding) -> str:
    return _titles_en().get(f.rule, f.title) if language() == "en" else f.title


def family(rule: str) -> str:
    """INT-ROW -> INT, NAR-YOY -> NAR, BUD-T5-x -> BUD: the rule's family prefix."""
    return re.split(r"[-_]", rule)[0]


def place(f: Finding) -> str:
    pages = f.pages
    tables = sorted({loc.table for loc in f.locations if loc.table})
    text = translate("Findings", "第{0}页").format(",".join(map(str, pages[:4]))) if pages else ""
    return (text + (" " + ",".join(tables) if tables else "")).strip()


class FindingsModel(QAbstractTableModel):
    COLUMNS = ("severity", "rule", "message", "place", "status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._review: Any = None  # a ReviewSession (status, status_text, decision), or None
        self._shown: list[tuple[str, str, str, str]] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._findings = sorted(findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 9),
                                                         f.pages[:1] or [0], f.rule))
        # what each row shows, computed once: painting asks for it many times a second
        self._shown = [(severity_name(f.severity), f.rule, f.text(language()), place(f))
                       for f in self._findings]
        self.endResetModel()

    def set_review(self, review: Any) -> None:
        """Where each finding's decision comes from (gui.review_session.ReviewSession)."""
        self._review = review
        self.refresh_status()

    def refresh_status(self) -> None:
        """The review changed: statuses, and the greyed rows of dismissed findings."""
        if self._findings:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._findings) - 1, len(self.COLUMNS) - 1))

    def _status(self, fingerprint: str) -> str:
        return self._review.status(fingerprint) if self._review is not None else "open"

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def row_of(self, fingerprint: str) -> int | None:
        return next((i for i, f in enumerate(self._findings) if f.fingerprint == fingerprint), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        titles = {"severity": self.tr("级别"), "rule": self.tr("规则"), "message": self.tr("问题"),
                  "place": self.tr("位置"), "status": self.tr("状态")}
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        f = self._findings[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                status = self._status(f.fingerprint)
                return status_name(status) if status != "open" else ""
            return self._shown[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(f, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            status = self._status(f.fingerprint)
            if column == "status":
                return QBrush(QColor(STATUS_COLORS.get(status, "#000000")))
            if status == "dismissed":  # still listed, but out of the way
                return QBrush(QColor("#9e9e9e"))
            if column == "severity":
                return QBrush(QColor(SEVERITY_COLORS.get(f.severity, "#000000")))
        if role == FindingRole:
            return f
        if role == SeverityRole:
            return f.severity
        return None


    def _tooltip(self, f: Finding, column: str) -> str:
        text = f"{f.rule} {rule_title(f)}\n{f.text(language())}"
        decision = self._review.decision(f.fingerprint) if self._review is not None else None
        if decision is not None and decision.status != "open":
            text += "\n\n" + translate("Status", "{0}：{1}（{2}）").format(
                status_name(decision.status), decision.reviewer, decision.time[:16].replace("T", " "))
            if decision.reason:
                text += "\n" + translate("Status", "理由：{0}").format(decision.reason)
        return text


class FindingsProxy(QSortFilterProxyModel):
    """Filters by severity, rule family, table, status and a search text (message, rule, page)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.severities: set[str] = set(SEVERITIES)
        self.family = ""
        self.table = ""
        self.status = ""
        self.text = ""
        self._status_of: Callable[[str], str] = lambda fp: "open"

    def set_status_of(self, status_of: Callable[[str], str]) -> None:
        self._status_of = status_of

    def set_filter(self, **values: Any) -> None:
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FindingsModel):
            return True
        f = model.finding(source_row)
        if f.severity not in self.severities:
            return False
        if self.family and family(f.rule) != self.family:
            return False
        if self.table and not any(loc.table == self.table for loc in f.locations):
            return False
        if self.status and self._status_of(f.fingerprint) != self.status:
            return False
        if self.text:
            hay = f"{f.rule} {f.title} {f.message} {f.message_en} {place(f)}".lower()
            return all(word in hay for word in self.text.lower().split())
        return True
