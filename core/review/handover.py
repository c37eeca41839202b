"""Handing a review to a colleague: export to one `.review` file, and merge one back in.

The `.review` file is a self-contained SQLite copy of the review (single file, rollback journal),
not JSON: it is the very format the store reads, so the same code verifies it (`verify-review
FILE.review`), migrates it if it comes from an older version, and merges it, and SQLite's online
backup makes the copy consistent even while the review is being written to.

Merging is decided per object by what each side has already seen: every decision and note
remembers the id of the event that last changed it, and event ids are global. If the other side's
change is already in my log, there is nothing new; if mine is in theirs, they built on it and
theirs wins; otherwise both changed it since they diverged: for a decision that is a conflict
the reviewer settles (Review.resolve), for a note the later text wins (both stay in the log).
"""
from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.review import db, events, state
from core.review.errors import ReviewDamaged, ReviewForged, ReviewInvalid, ReviewMismatch
from core.review.events import ChainReport
from core.review.model import Decision
from core.review.validate import MAX_EVENTS, MAX_HANDOVER_BYTES, Invalid, Limits, validate_event
from core.textsafe import printable_line

if TYPE_CHECKING:
    from core.review.keys import KeyRing

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Conflict:
    """Two different decisions on one finding: mine (current) and theirs (from `source`)."""

    fingerprint: str
    mine: Decision
    theirs: Decision
    source: str


@dataclass
class MergeResult:
    """What an import brought in; `conflicts` wait for Review.resolve (and survive restarts)."""

    source: str
    events: int = 0  # the colleague's events added to the log, attributed to them
    reviewers: list[str] = field(default_factory=list)
    decisions_taken: list[str] = field(default_factory=list)
    notes_added: int = 0
    notes_updated: int = 0
    note_conflicts: list[str] = field(default_factory=list)  # edited on both sides: later wins
    conflicts: list[Conflict] = field(default_factory=list)
    new_keys: list[str] = field(default_factory=list)  # colleagues whose key was first seen now


def export(conn: sqlite3.Connection, path: Path) -> Path:
    """Write the review to `path` atomically (a partial file never carries the final name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".review-", suffix=".tmp")
    os.close(fd)
    try:
        os.unlink(tmp)  # SQLite creates the file itself
        db.copy_to(conn, Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_owner(path: Path) -> str:
    """The sha256 of the document a `.review` file belongs to."""
    if not path.is_file():
        raise ReviewDamaged(f"审核交接文件不存在：{path}")
    size = path.stat().st_size
    if size > MAX_HANDOVER_BYTES:
        raise ReviewInvalid(f"审核交接文件过大（{size / (1 << 20):,.0f} MB，上限 "
                            f"{MAX_HANDOVER_BYTES >> 20} MB），未合并：{path.name}")
    conn = db.open_readonly(path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'sha256'").fetchone()
    finally:
        conn.close()
    if not row:
        raise ReviewDamaged(f"不是审核交接文件（没有文档标识）：{path}")
    return str(row[0])


def pending_conflicts(conn: sqlite3.Connection) -> list[Conflict]:
    mine = state.read_decisions(conn)
    return [Conflict(fp, mine[fp][0] if fp in mine else Decision(fp, "open"), theirs, source)
            for fp, (theirs, _, source) in state.read_conflicts(conn).items()]


def _checked(path: Path, owner: str, keys: "KeyRing", pages: int | None
             ) -> tuple[ChainReport, list[events.Event], dict[str, tuple[Decision, str]],
                        dict[str, state.StoredNote]]:
    """The colleague's file, read only if its chain, its signatures and its state verify."""
    from core.review.replay import check

    other = db.open_readonly(path)
    try:
        report = check(other, owner, keys)
        if not report.ok:
            forged = report.signatures is not None and not report.signatures.ok
            kind = ReviewForged if forged else ReviewDamaged
            raise kind(f"审核交接文件{'署名或签名不可信' if forged else '校验失败'}，未合并："
                       f"{printable_line(report.problem, 300)}")
        log = events.read(other)
        return report, log, state.read_decisions(other), state.read_notes(other)
    finally:
        other.close()


def merge(conn: sqlite3.Connection, sha256: str, path: Path, reviewer: str, keys: "KeyRing",
          signer: events.Signer, pages: int | None = None) -> MergeResult:
    """Merge a verified `.review` of the same document into the open review `conn`.

    Every event it brings must be signed, by the key this machine knows for its reviewer where
    it knows one, and must pass core.review.validate against the document's `pages`; the keys
    of colleagues seen for the first time are recorded (keys.py)."""
    owner = read_owner(path)
    if owner != sha256:
        raise ReviewMismatch(f"该审核文件属于另一份文档（{owner[:12]}…），不能合并到本文档"
                             f"（{sha256[:12]}…）的审核中")
    report, theirs_log, their_decisions, their_notes = _checked(path, owner, keys, pages)
    theirs_ids = {e.id for e in theirs_log}
    prev = {e.id: (theirs_log[i - 1].hash if i else owner) for i, e in enumerate(theirs_log)}
    result = MergeResult(source=path.name)
    conn.execute("BEGIN IMMEDIATE")
    try:
        mine_ids = events.ids(conn)
        new = [e for e in theirs_log if e.id not in mine_ids]
        _admit(new, Limits(pages), path.name)
        for e in new:
            origin = {"file": path.name, "seq": e.seq, "hash": e.hash,
                      "signed": e.signed_ref(prev[e.id])}
            if e.origin:
                origin["via"] = e.origin
            events.append(conn, sha256, e.action, e.reviewer, e.data, eid=e.id, time=e.time,
                          origin=origin, signature=(e.key, e.sig))
        result.events = len(new)
        result.reviewers = list(dict.fromkeys(e.reviewer for e in new))
        if not new:
            conn.execute("ROLLBACK")
            return result
        import_id = uuid.uuid4().hex
        data = _merge_state(conn, their_decisions, their_notes, mine_ids, theirs_ids, import_id,
                            path.name, result)
        data.update(file=path.name, head=report.head, events=len(new),
                    reviewers=result.reviewers)
        ev = events.append(conn, sha256, "import", reviewer, data, eid=import_id, signer=signer)
        state.apply(conn, ev)
        result.conflicts = [c for c in pending_conflicts(conn)
                            if c.fingerprint in {x["fingerprint"] for x in data["conflicts"]}]
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        result.new_keys = keys.pin({e.reviewer: e.key for e in new}, path.name)
    except OSError as exc:  # a read-only profile: the merge stands, the keys are checked later
        log.warning("colleagues' keys not recorded: %s", exc)
    return result


def _admit(new: list[events.Event], limits: Limits, name: str) -> None:
    """Refuse the whole handover if any event it brings is unsigned, malformed or too much."""
    if len(new) > MAX_EVENTS:
        raise ReviewInvalid(f"审核交接文件带来 {len(new):,} 个事件，超过 {MAX_EVENTS:,} 个的上限，"
                            f"未合并：{name}")
    for e in new:
        if not e.sig:
            raise ReviewForged(f"审核交接文件中第 {e.seq} 号事件（{e.time}，{e.action}，审核人 "
                               f"{printable_line(e.reviewer, 64)}）没有签名，未合并：{name}"
                               "（请对方用本版本程序重新导出）")
        try:
            validate_event(e, limits)
        except Invalid as exc:
            raise ReviewInvalid(f"审核交接文件内容无效，未合并：{printable_line(str(exc), 300)}"
                                ) from None


def _merge_state(conn: sqlite3.Connection, their_decisions: dict[str, tuple[Decision, str]],
                 their_notes: dict[str, state.StoredNote], mine_ids: set[str],
                 theirs_ids: set[str], import_id: str, source: str,
                 result: MergeResult) -> dict[str, object]:
    """What the import changes, as recorded in its event (applied by state.apply)."""
    my_decisions, my_notes = state.read_decisions(conn), state.read_notes(conn)
    taken: dict[str, object] = {}
    conflicts: list[dict[str, object]] = []
    for fp, (t, t_event) in their_decisions.items():
        if t_event in mine_ids:
            continue  # I have already seen this decision
        mine = my_decisions.get(fp)
        if mine is None or mine[1] in theirs_ids:
            taken[fp] = state.decision_json(t, t_event)
        elif (mine[0].status, mine[0].reason) != (t.status, t.reason):
            conflicts.append({"fingerprint": fp, "theirs": state.decision_json(t),
                              "event_id": t_event, "source": source})
    notes: list[dict[str, object]] = []
    for nid, t in their_notes.items():
        if t.event_id in mine_ids:
            continue
        mine_note = my_notes.get(nid)
        if mine_note is None or mine_note.event_id in theirs_ids:
            notes.append(t.to_json())
            result.notes_added += int(mine_note is None)
            result.notes_updated += int(mine_note is not None)
        else:
            notes.append(_later(mine_note, t, import_id).to_json())
            result.note_conflicts.append(nid)
            result.notes_updated += 1
    result.decisions_taken = sorted(taken)
    return {"decisions": taken, "notes": notes, "conflicts": conflicts}


def _later(mine: state.StoredNote, theirs: state.StoredNote, import_id: str) -> state.StoredNote:
    """Both sides changed a note: the later text wins; a deletion on either side stands."""
    def changed(s: state.StoredNote) -> datetime:
        return datetime.fromisoformat(s.note.edited or s.note.time)

    winner = theirs if changed(theirs) > changed(mine) else mine
    gone = mine if mine.deleted else theirs
    return state.StoredNote(winner.note, gone.deleted, gone.deleted_by, import_id)
