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

import os
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from core.review import db, events, state
from core.review.errors import ReviewDamaged, ReviewMismatch
from core.review.model import Decision


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


def merge(conn: sqlite3.Connection, sha256: str, path: Path, reviewer: str) -> MergeResult:
    """Merge a verified `.review` of the same document into the open review `conn`."""
    from core.review.replay import check

    owner = read_owner(path)
    if owner != sha256:
        raise ReviewMismatch(f"该审核文件属于另一份文档（{owner[:12]}…），不能合并到本文档"
                             f"（{sha256[:12]}…）的审核中")
    other = db.open_readonly(path)
    try:
        report = check(other, owner)
        if not report.ok:
            raise ReviewDamaged(f"审核交接文件校验失败，未合并：{report.problem}")
        theirs_log = events.read(other)
        their_decisions, their_notes = state.read_decisions(other), state.read_notes(other)
    finally:
        other.close()
    theirs_ids = {e.id for e in theirs_log}
    result = MergeResult(source=path.name)
    conn.execute("BEGIN IMMEDIATE")
    try:
        mine_ids = events.ids(conn)
        new = [e for e in theirs_log if e.id not in mine_ids]
        for e in new:
            origin = {"file": path.name, "seq": e.seq, "hash": e.hash}
            if e.origin:
                origin["via"] = e.origin
            events.append(conn, sha256, e.action, e.reviewer, e.data, eid=e.id, time=e.time,
                          origin=origin)
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
        ev = events.append(conn, sha256, "import", reviewer, data, eid=import_id)
        state.apply(conn, ev)
        result.conflicts = [c for c in pending_conflicts(conn)
                            if c.fingerprint in {x["fingerprint"] for x in data["conflicts"]}]
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


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
