"""One document's review, open for recording: decisions, notes, merges, handover.

Each method that changes something runs one IMMEDIATE transaction (append the event, apply it to
the state, commit), so when it returns the action is on disk, and two windows on the same review
take turns instead of interleaving half-written actions.
"""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from core.review import events, handover, state
from core.review.events import ChainReport, Event
from core.review.model import STATUSES, Decision, Note, ReviewSnapshot
from core.review.keys import KeyRing
from core.review.notes import note_fields, validate_note
from core.textsafe import MAX_NAME, MAX_NOTE, MAX_REASON, MAX_SUMMARY, check_text, printable


class Review:
    """Use `ReviewStore.open()`; close() (or a `with` block) when done."""

    def __init__(self, conn: sqlite3.Connection, sha256: str, path: Path, keys: KeyRing) -> None:
        self.sha256 = sha256
        self.path = path
        self.keys = keys  # whose private key signs each action, whose public keys are known
        self._conn = conn
        self._lock = threading.RLock()  # one connection, possibly shared with a worker thread

    # -- recording -------------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _record(self, conn: sqlite3.Connection, action: str, reviewer: str,
                data: dict[str, Any]) -> Event:
        self.keys.own_key(reviewer)  # made before the event's time, on the reviewer's first action
        ev = events.append(conn, self.sha256, action, reviewer, data, signer=self.keys.sign)
        state.apply(conn, ev)
        return ev

    def decide(self, fingerprint: str, status: str, reviewer: str, reason: str = "",
               *, summary: str = "") -> Decision:
        """Record a decision on a finding; dismissing needs a reason (the reviewer must say why)."""
        reviewer = _reviewer(reviewer)
        reason = check_text((reason or "").strip(), "处理理由", limit=MAX_REASON)
        summary = printable(summary or "", MAX_SUMMARY)
        if not fingerprint:
            raise ValueError("需要问题的指纹（fingerprint）")
        if status not in STATUSES:
            raise ValueError(f"未知的处理状态：{status!r}（可选：{', '.join(STATUSES)}）")
        if status == "dismissed" and not reason:
            raise ValueError("排除问题时必须填写理由")
        with self._transaction() as conn:
            before = state.read_decisions(conn, fingerprint).get(fingerprint)
            pending = fingerprint in state.read_conflicts(conn, fingerprint)
            ev = self._record(conn, "decide", reviewer, {
                "fingerprint": fingerprint, "status": status, "reason": reason,
                "summary": summary, "previous": before[0].status if before else None,
                "settles_conflict": pending})
        return Decision(fingerprint, status, reason, reviewer, ev.time, summary)

    def add_note(self, kind: str, body: str, reviewer: str, *, fingerprint: str | None = None,
                 page: int | None = None, bbox: tuple[float, float, float, float] | None = None,
                 table: str | None = None, row: int | None = None, column: str | None = None,
                 start: int | None = None, end: int | None = None, quote: str = "",
                 summary: str = "") -> Note:
        """A note on a finding, a page region, a table cell or a text span (see notes.py)."""
        reviewer = _reviewer(reviewer)
        note = validate_note(kind, body, fingerprint=fingerprint, page=page, bbox=bbox,
                             table=table, row=row, column=column, start=start, end=end,
                             quote=quote, summary=summary)
        with self._transaction() as conn:
            self._record(conn, "note_add", reviewer, {"note": note_fields(note)})
            return state.read_notes(conn, note.id)[note.id].note

    def edit_note(self, note_id: str, body: str, reviewer: str) -> Note:
        """Change a note's text; the earlier text stays in the event log."""
        reviewer, body = _reviewer(reviewer), (body or "").strip()
        if not body:
            raise ValueError("批注内容不能为空")
        body = check_text(body, "批注内容", limit=MAX_NOTE)
        with self._transaction() as conn:
            old = self._live_note(conn, note_id)
            if old.body == body:
                return old
            self._record(conn, "note_edit", reviewer, {"id": note_id, "body": body,
                                                       "previous": old.body})
            return state.read_notes(conn, note_id)[note_id].note

    def delete_note(self, note_id: str, reviewer: str) -> Note:
        """Hide a note from the review; it stays in the store and the log (see deleted_notes)."""
        reviewer = _reviewer(reviewer)
        with self._transaction() as conn:
            note = self._live_note(conn, note_id)
            self._record(conn, "note_delete", reviewer, {"id": note_id})
        return note

    def resolve(self, conflict: "handover.Conflict", choice: str, reviewer: str) -> Decision:
        """Settle a merge conflict: keep "mine" or take "theirs" (both stay in the log)."""
        reviewer = _reviewer(reviewer)
        if choice not in ("mine", "theirs"):
            raise ValueError(f"choice must be 'mine' or 'theirs', not {choice!r}")
        fp = conflict.fingerprint
        with self._transaction() as conn:
            pending = state.read_conflicts(conn, fp).get(fp)
            if pending is None:
                raise ValueError(f"该问题没有待处理的合并冲突：{fp}")
            theirs = pending[0]
            mine = state.read_decisions(conn, fp).get(fp)
            chosen = theirs if choice == "theirs" or mine is None else mine[0]
            other = mine[0] if choice == "theirs" and mine else theirs
            ev = self._record(conn, "resolve", reviewer, {
                "fingerprint": fp, "choice": choice, "status": chosen.status,
                "reason": chosen.reason, "summary": chosen.summary or other.summary,
                "chosen": state.decision_json(chosen), "other": state.decision_json(other),
                "source": pending[2]})
        return Decision(fp, chosen.status, chosen.reason, reviewer, ev.time,
                        chosen.summary or other.summary)

    def merge_from(self, path: str | Path, reviewer: str,
                   pages: int | None = None) -> "handover.MergeResult":
        """Merge a colleague's `.review` of this document (see handover.py); with the
        document's page count, a note on a page it does not have is refused."""
        reviewer = _reviewer(reviewer)
        if pages is None:
            pages = self._document_pages()
        with self._lock:
            return handover.merge(self._conn, self.sha256, Path(path), reviewer, self.keys,
                                  self.keys.sign, pages)

    def _document_pages(self) -> int | None:
        """The page count of the PDF this review was last opened with, if it is still that
        document (so an import checks notes' pages even when the caller did not say)."""
        from core.errors import DisclosureError
        from core.pdftext import open_pdf, read_bytes, sha256_of

        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'pdf_path'").fetchone()
        if not row:
            return None
        try:
            data = read_bytes(Path(row[0]))
            if sha256_of(data) != self.sha256:
                return None
            pdf = open_pdf(data, Path(row[0]).name)
        except (DisclosureError, OSError):
            return None
        try:
            return len(pdf)
        finally:
            pdf.close()

    def export_to(self, path: str | Path) -> Path:
        """Write this review to one self-contained `.review` file for a colleague."""
        with self._lock:
            return handover.export(self._conn, Path(path))

    # -- reading ---------------------------------------------------------------------------
    def _live_note(self, conn: sqlite3.Connection, note_id: str) -> Note:
        stored = state.read_notes(conn, note_id).get(note_id)
        if stored is None:
            raise ValueError(f"没有这条批注：{note_id}")
        if stored.deleted:
            raise ValueError(f"该批注已于 {stored.deleted} 被 {stored.deleted_by} 删除")
        return stored.note

    def decisions(self) -> dict[str, Decision]:
        with self._lock:
            return {fp: d for fp, (d, _) in state.read_decisions(self._conn).items()}

    def notes(self) -> list[Note]:
        """Live notes, in the order they were written."""
        with self._lock:
            return [s.note for s in state.read_notes(self._conn).values() if not s.deleted]

    def deleted_notes(self) -> list[state.StoredNote]:
        """Deleted notes, with who deleted them and when (nothing is physically removed)."""
        with self._lock:
            return [s for s in state.read_notes(self._conn).values() if s.deleted]

    def orphans(self, current_fingerprints: set[str]) -> list[Decision | Note]:
        """Decisions and finding notes whose finding is gone: kept, and shown so, never dropped."""
        out: list[Decision | Note] = [d for fp, d in self.decisions().items()
                                      if fp not in current_fingerprints]
        return out + [n for n in self.notes()
                      if n.kind == "finding" and n.fingerprint not in current_fingerprints]

    def progress(self, current_fingerprints: set[str]) -> tuple[int, int]:
        """(handled, total) over the current findings, for "已处理 12 / 30"."""
        decided = self.decisions()
        done = sum(1 for fp in current_fingerprints if fp in decided
                   and decided[fp].status != "open")
        return done, len(current_fingerprints)

    def conflicts(self) -> list["handover.Conflict"]:
        """Merge conflicts still waiting for the reviewer (they survive restarts)."""
        with self._lock:
            return handover.pending_conflicts(self._conn)

    def snapshot(self) -> ReviewSnapshot:
        with self._lock:
            return state.snapshot(self._conn, self.sha256)

    def events(self) -> list[Event]:
        with self._lock:
            return events.read(self._conn)

    def verify(self) -> ChainReport:
        """Recompute the hash chain and replay the log against the stored state."""
        from core.review.replay import check

        with self._lock:
            return check(self._conn, self.sha256, self.keys)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "Review":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _reviewer(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValueError("需要审核人姓名（每个操作都记录审核人）")
    return check_text(name, "审核人姓名", multiline=False, limit=MAX_NAME)

