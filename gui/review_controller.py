"""The review commands of the window: decide with single keys, annotate what has focus, hand a
review over. Every action goes straight to the review store (gui.review_session), so there is
no Save command and nothing to lose."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox

from core.checks.model import Finding
from core.review.locate import HANDOVER_SUFFIX
from core.review.model import Decision, Note
from gui import review_dialogs as dialogs
from gui.errors import dialogs_enabled, show_error
from gui.findings_model import status_name
from gui.notes_model import ReviewItem, anchor_text
from gui.notes_panel import NotesPanel
from gui.page_view import Box
from gui.review_session import ReviewSession

ADVANCE_KEY = "review/advance"  # after a decision, go on to the next finding


class ReviewController(QObject):
    noteNavigated = Signal(object)  # a Note whose place the window should show

    def __init__(self, window: QMainWindow, settings: QSettings, panel: NotesPanel) -> None:
        super().__init__(window)
        self.window = window
        self.session = ReviewSession(settings, window)
        self.settings = settings
        self.panel = panel
        self.progress_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.progress_label)
        self.report: Any = None
        self.session.changed.connect(self._refresh)
        panel.itemActivated.connect(self._activate)
        panel.editRequested.connect(self._edit)
        panel.deleteRequested.connect(self._delete)
        panel.conflictsRequested.connect(self.settle_conflicts)

    # the document ------------------------------------------------------------------------
    def open(self, report: Any) -> None:
        self.report = report
        w = self.window
        w.findings.model.set_review(self.session)  # type: ignore[attr-defined]
        w.findings.proxy.set_status_of(self.session.status)  # type: ignore[attr-defined]
        doc = report.document
        self.session.open(doc.sha256, doc.path, report.findings)
        if self.session.conflicts():
            w.statusBar().showMessage(self.tr("有待处理的合并冲突：审核→处理合并冲突…"), 8000)

    def close(self) -> None:
        self.report = None
        self.session.close()
        self._refresh()

    def _refresh(self) -> None:
        w = self.window
        w.findings.model.refresh_status()  # type: ignore[attr-defined]
        w.findings.refresh_filter()  # type: ignore[attr-defined]
        orphans = self.session.orphans()
        conflicts = self.session.conflicts()
        self.panel.model.set_items(self.session.notes(), orphans, conflicts)
        done, total = self.session.progress()
        text = self.tr("已处理 {0} / {1}").format(done, total) if self.report is not None else ""
        self.progress_label.setText(text)
        detail = text
        if self.session.problem:
            detail = self.session.problem
        elif self.report is not None:
            detail += self.tr(" · 审核人：{0}").format(self.session.reviewer or self.tr("（未设置）"))
            if orphans:
                detail += self.tr(" · {0} 条孤立记录（其问题已不存在，仍予保留）").format(len(orphans))
        where = str(self.session.review.path) if self.session.review is not None else ""
        self.panel.progress.setToolTip(self.tr("审核记录保存在 {0}").format(where) if where else "")
        self.panel.refresh(detail, bool(conflicts))
        w.tabs.setTabText(w.tabs.indexOf(self.panel),  # type: ignore[attr-defined]
                          self.tr("审核记录 ({0})").format(len(self.session.notes())))
        w.page_view.set_note_boxes([Box(f"note:{n.id}", "note", n.page, n.bbox)  # type: ignore[attr-defined]
                                    for n in self.session.notes() if n.page and n.bbox])

    def _reviewer_ready(self) -> bool:
        """The reviewer's name, asked the first time it is needed and then kept."""
        if self.session.reviewer:
            return True
        if not dialogs_enabled():
            import getpass

            self.session.set_reviewer(getpass.getuser())
            return True
        name = dialogs.ask_reviewer(self.window)
        if name:
            self.session.set_reviewer(name)
            self._refresh()
        return bool(name)

    def _finding(self) -> Finding | None:
        finding = self.window.findings.current()  # type: ignore[attr-defined]
        if finding is None:
            self.window.statusBar().showMessage(self.tr("请先选择一条问题"), 3000)
        return finding

    # decisions ---------------------------------------------------------------------------
    def _decide(self, status: str, reason: str = "") -> None:
        finding = self._finding()
        if finding is None or not self._reviewer_ready():
            return
        if status == "dismissed":
            reason = dialogs.ask_reason(self.window, f"{finding.rule} {finding.message}") or ""
            if not reason:
                return
        decision = self.session.decide(finding, status, reason)
        if decision is not None:
            self.window.statusBar().showMessage(
                self.tr("{0}：{1}").format(status_name(status), finding.rule), 3000)
            if str(self.settings.value(ADVANCE_KEY, "true")).lower() in ("true", "1"):
                self.window.findings.step(1)  # type: ignore[attr-defined]

    def confirm_finding(self) -> None:
        self._decide("confirmed")

    def dismiss_finding(self) -> None:
        self._decide("dismissed")

    def follow_up_finding(self) -> None:
        self._decide("follow_up")

    def reopen_finding(self) -> None:
        self._decide("open")

    # notes -------------------------------------------------------------------------------
    def add_note(self) -> None:
        """A note on what has the focus: a text selection, a table cell, else the finding."""
        w = self.window
        if w.text.hasFocus() and w.text.note_anchor() is not None:  # type: ignore[attr-defined]
            self.note_on_text()
        elif w.tables.view.hasFocus() and w.tables.current_cell() is not None:  # type: ignore[attr-defined]
            self.note_on_cell()
        else:
            self.note_on_finding()

    def note_on_finding(self) -> None:
        finding = self._finding()
        if finding is not None:
            self._new_note("finding", f"{finding.rule} {finding.message}", fingerprint=finding.fingerprint,
                           summary=f"{finding.rule} {finding.message}")

    def note_on_cell(self) -> None:
        cell = self.window.tables.current_cell()  # type: ignore[attr-defined]
        if cell is None or self.report is None:
            return
        table_id, row, column = cell
        table = self.report.table(table_id)
        ref = table.cells.get((row, column)) if table is not None else None
        anchor: dict[str, Any] = {"table": table_id, "row": row, "column": column,
                                  "quote": ref.text if ref else ""}
        if ref is not None:
            anchor.update(page=ref.page, bbox=tuple(ref.bbox))
        self._new_note("cell", self.tr("{0} 第{1}行 {2}").format(table_id, row + 1, column), **anchor)

    def note_on_text(self) -> None:
        anchor = self.window.text.note_anchor()  # type: ignore[attr-defined]
        if anchor is not None:
            self._new_note("text", f"「{anchor['quote'][:40]}」", **anchor)

    def draw_region_note(self) -> None:
        view = self.window.page_view  # type: ignore[attr-defined]
        view.set_drawing(not view.drawing)
        if view.drawing:
            view.setFocus()
            self.window.statusBar().showMessage(self.tr("在页面上拖出一个矩形以添加批注（Esc 取消）"), 6000)

    def region_drawn(self, page: int, bbox: tuple) -> None:
        self._new_note("region", self.tr("第{0}页 所选区域").format(page), page=page, bbox=bbox)

    def _new_note(self, kind: str, where: str, **anchor: Any) -> Note | None:
        if self.session.review is None:
            show_error(self.window, self.tr("添加批注"), self.session.problem or self.tr("没有打开的文档"))
            return None
        if not self._reviewer_ready():
            return None
        body = dialogs.ask_note(self.window, where)
        if not body:
            return None
        note = self.session.add_note(kind, body, **anchor)
        if note is not None:
            self.panel.select_note(note.id)
        return note

    def _edit(self, item: ReviewItem) -> None:
        note = item.value
        if isinstance(note, Note) and self._reviewer_ready():
            body = dialogs.ask_note(self.window, anchor_text(note), note.body)
            if body and body != note.body:
                self.session.edit_note(note.id, body)
                self.panel.select_note(note.id)

    def _delete(self, item: ReviewItem) -> None:
        note = item.value
        if not isinstance(note, Note) or not self._reviewer_ready():
            return
        if dialogs_enabled():
            answer = QMessageBox.question(self.window, self.tr("删除批注"),
                                          self.tr("删除这条批注？（它仍保留在审核日志中）\n{0}").format(note.body))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.session.delete_note(note.id)

    def _activate(self, item: ReviewItem) -> None:
        value = item.value
        if isinstance(value, Note):
            if value.kind == "finding" and item.kind == "note":
                self.window.findings.select_fingerprint(value.fingerprint or "")  # type: ignore[attr-defined]
            else:
                self.noteNavigated.emit(value)
        elif isinstance(value, Decision):
            gone = self.tr("该问题在本次分析中已不存在：{0}").format(value.summary)
            self.window.statusBar().showMessage(gone, 6000)

    def note_clicked(self, note_id: str) -> None:
        """A note's box was clicked on the page: show it in the review panel."""
        w = self.window
        w.tabs.setCurrentWidget(self.panel)  # type: ignore[attr-defined]
        self.panel.select_note(note_id)

    # handover ----------------------------------------------------------------------------
    def settle_conflicts(self) -> None:
        conflicts = self.session.conflicts()
        if not conflicts:
            self.window.statusBar().showMessage(self.tr("没有待处理的合并冲突"), 3000)
            return
        if not self._reviewer_ready():
            return
        choices = dialogs.settle_conflicts(self.window, conflicts)
        for conflict in conflicts if choices else []:
            self.session.resolve(conflict, choices[conflict.fingerprint])  # type: ignore[index]

    def export_review(self) -> None:
        if self.report is None or self.session.review is None:
            return
        default = str(Path(self.report.document.path).with_suffix(HANDOVER_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("导出审核记录"), default,
                                              self.tr("审核记录 (*.review)"))
        if path:
            out = self.session.export_review(path)
            if out is not None:
                self.window.statusBar().showMessage(self.tr("审核记录已导出：{0}").format(out), 6000)

    def import_review(self) -> None:
        if self.report is None or not self._reviewer_ready():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("导入同事的审核记录"), "",
                                              self.tr("审核记录 (*.review)"))
        if path:
            self.merge(path)

    def merge(self, path: str) -> None:
        result = self.session.import_review(path)
        if result is None:
            return
        message = self.tr("已导入 {0} 的 {1} 项操作：采用处理意见 {2} 条，"
                          "新增批注 {3} 条，更新批注 {4} 条，冲突 {5} 条。").format(
            "、".join(result.reviewers) or "?", result.events, len(result.decisions_taken),
            result.notes_added, result.notes_updated, len(result.conflicts))
        self.window.statusBar().showMessage(message, 10000)
        if result.conflicts:
            self.settle_conflicts()

    def change_reviewer(self) -> None:
        name = dialogs.ask_reviewer(self.window, self.session.reviewer)
        if name:
            self.session.set_reviewer(name)
            self._refresh()
