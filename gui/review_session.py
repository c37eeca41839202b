"""The open document's review, as the window uses it: every action saved the moment it is made.

core.review does the recording (one SQLite transaction per action, hash-chained log); this layer
keeps the reviewer's name and the storage setting in QSettings, caches what the views show, and
turns every refusal into a message instead of an exception. A note that could not be saved is
put on the clipboard, so the reviewer's words survive even a full disk.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

from core.checks.model import Finding
from core.errors import DisclosureError
from core.review.handover import Conflict, MergeResult
from core.review.model import Decision, Note, ReviewSnapshot
from core.review.review import Review
from core.review.store import ReviewStore
from gui.errors import show_error
from gui.findings_model import status_name

log = logging.getLogger(__name__)
REVIEWER_KEY = "review/reviewer"
BESIDE_KEY = "review/beside_pdf"


class ReviewSession(QObject):
    changed = Signal()  # decisions, notes or conflicts changed, or another review was opened

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.review: Review | None = None
        self.problem = ""  # why the open document has no review (shown in the notes panel)
        self._parent = parent
        self._fingerprints: set[str] = set()
        self._decisions: dict[str, Decision] = {}
        self._notes: list[Note] = []

    # settings ----------------------------------------------------------------------------
    @property
    def reviewer(self) -> str:
        return str(self.settings.value(REVIEWER_KEY, "") or "").strip()

    def set_reviewer(self, name: str) -> None:
        self.settings.setValue(REVIEWER_KEY, name.strip())

    @property
    def beside_pdf(self) -> bool:
        return str(self.settings.value(BESIDE_KEY, "false")).lower() in ("true", "1")

    def set_beside_pdf(self, on: bool) -> None:
        """Applies to reviews created from now on; an existing review stays where it is."""
        self.settings.setValue(BESIDE_KEY, "true" if on else "false")

    # opening -----------------------------------------------------------------------------
    def open(self, sha256: str, pdf_path: str, findings: list[Finding]) -> bool:
        self.close()
        self._fingerprints = {f.fingerprint for f in findings}
        try:
            self.review = ReviewStore(beside_pdf=self.beside_pdf).open(sha256, pdf_path)
        except (DisclosureError, ValueError, OSError) as exc:
            self.problem = self.tr("审核记录无法打开，本次不能记录处理意见（原文件未改动）：{0}").format(exc)
            show_error(self._parent, self.tr("审核记录"), self.problem)
        self._reload()
        return self.review is not None

    def close(self) -> None:
        if self.review is not None:
            self.review.close()
        self.review, self.problem = None, ""
        self._decisions, self._notes = {}, []

    def _reload(self) -> None:
        if self.review is not None:
            self._decisions = self.review.decisions()
            self._notes = self.review.notes()
        self.changed.emit()

    # reading -----------------------------------------------------------------------------
    def status(self, fingerprint: str) -> str:
        d = self._decisions.get(fingerprint)
        return d.status if d else "open"

    def status_text(self, fingerprint: str) -> str:
        d = self._decisions.get(fingerprint)
        return status_name(d.status) if d and d.status != "open" else ""

    def decision(self, fingerprint: str) -> Decision | None:
        return self._decisions.get(fingerprint)

    def notes(self) -> list[Note]:
        return list(self._notes)

    def notes_on(self, fingerprint: str) -> list[Note]:
        return [n for n in self._notes if n.kind == "finding" and n.fingerprint == fingerprint]

    def progress(self) -> tuple[int, int]:
        done = sum(1 for fp in self._fingerprints if self.status(fp) != "open")
        return done, len(self._fingerprints)

    def orphans(self) -> list[Decision | Note]:
        return self.review.orphans(self._fingerprints) if self.review is not None else []

    def conflicts(self) -> list[Conflict]:
        return self.review.conflicts() if self.review is not None else []

    def snapshot(self) -> ReviewSnapshot | None:
        return self.review.snapshot() if self.review is not None else None

    # recording ---------------------------------------------------------------------------
    def _run(self, what: str, action: Any, *args: Any, keep: str = "", **kwargs: Any) -> Any:
        """Carry out one review action; None (and a message) when it was refused or failed.
        keep: the reviewer's text, put on the clipboard when it could not be saved."""
        if self.review is None:
            return self._refused(what, self.problem or self.tr("没有打开的文档"), keep)
        try:
            result = action(*args, **kwargs)
        except (DisclosureError, ValueError, OSError) as exc:
            return self._refused(what, str(exc), keep)
        except Exception as exc:  # sqlite3 errors (disk full, locked): the action did not happen
            log.exception("review action failed")
            return self._refused(what, self.tr("未能保存：{0}").format(exc), keep)
        self._reload()
        return result

    def _refused(self, what: str, message: str, keep: str) -> None:
        if keep.strip():
            QApplication.clipboard().setText(keep)
            log.warning("unsaved note kept on the clipboard: %s", keep)
            message += "\n" + self.tr("（批注内容已复制到剪贴板，可粘贴后重试）")
        show_error(self._parent, what, message)

    def decide(self, finding: Finding, status: str, reason: str = "") -> Decision | None:
        return self._run(self.tr("记录处理意见"), self._decide, finding, status, reason)

    def _decide(self, finding: Finding, status: str, reason: str) -> Decision:
        assert self.review is not None
        return self.review.decide(finding.fingerprint, status, self.reviewer, reason,
                                  summary=f"{finding.rule} {finding.message}")

    def add_note(self, kind: str, body: str, **anchor: Any) -> Note | None:
        return self._run(self.tr("保存批注"), lambda: self.review.add_note(  # type: ignore[union-attr]
            kind, body, self.reviewer, **anchor), keep=body)

    def edit_note(self, note_id: str, body: str) -> Note | None:
        return self._run(self.tr("修改批注"), lambda: self.review.edit_note(  # type: ignore[union-attr]
            note_id, body, self.reviewer), keep=body)

    def delete_note(self, note_id: str) -> Note | None:
        return self._run(self.tr("删除批注"), lambda: self.review.delete_note(  # type: ignore[union-attr]
            note_id, self.reviewer))

    def resolve(self, conflict: Conflict, choice: str) -> Decision | None:
        return self._run(self.tr("处理合并冲突"), lambda: self.review.resolve(  # type: ignore[union-attr]
            conflict, choice, self.reviewer))

    def export_review(self, path: str) -> Path | None:
        return self._run(self.tr("导出审核记录"), lambda: self.review.export_to(path))  # type: ignore[union-attr]

    def import_review(self, path: str) -> MergeResult | None:
        return self._run(self.tr("导入审核记录"), lambda: self.review.merge_from(  # type: ignore[union-attr]
            path, self.reviewer))
