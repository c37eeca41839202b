"""The current state of a review (decisions, notes, pending conflicts) and how events change it.

`apply` is the only code that writes the state tables, both for live actions and when the log is
replayed by `verify-review`, so the stored state is by construction what the log says. Events
imported from a colleague change nothing by themselves: the `import` event that follows them
records what the merge took, so replaying never depends on two machines' clocks.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from core.review.events import Event
from core.review.model import Decision, Note, ReviewSnapshot

NOTE_COLUMNS = ("id", "kind", "body", "reviewer", "time", "fingerprint", "page", "bbox", "table_id",
                "row_no", "column_name", "start_pos", "end_pos", "quote", "summary", "edited",
                "edited_by", "deleted", "deleted_by", "event_id", "created_seq")
# Note attribute -> column, where they differ (a few names are SQL keywords or too vague).
_RENAMED = {"table": "table_id", "row": "row_no", "column": "column_name", "start": "start_pos",
            "end": "end_pos"}


@dataclass(frozen=True)
class StoredNote:
    """A note with what the store keeps beside it: deletion and the event that last changed it."""

    note: Note
    deleted: str = ""  # time of deletion, "" while the note is live
    deleted_by: str = ""
    event_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return {**self.note.to_json(), "deleted": self.deleted, "deleted_by": self.deleted_by,
                "event_id": self.event_id}

    @staticmethod
    def from_json(d: dict[str, Any]) -> "StoredNote":
        fields = {k: v for k, v in d.items() if k in Note.__dataclass_fields__}
        if fields.get("bbox") is not None:
            fields["bbox"] = tuple(float(x) for x in fields["bbox"])
        return StoredNote(Note(**fields), d.get("deleted", ""), d.get("deleted_by", ""),
                          d.get("event_id", ""))


def decision_json(d: Decision, event_id: str = "") -> dict[str, Any]:
    out = dict(d.__dict__)
    if event_id:
        out["event_id"] = event_id
    return out


def decision_from_json(d: dict[str, Any]) -> Decision:
    return Decision(**{k: v for k, v in d.items() if k in Decision.__dataclass_fields__})


def read_decisions(conn: sqlite3.Connection,
                   fingerprint: str | None = None) -> dict[str, tuple[Decision, str]]:
    """fingerprint -> (decision, id of the event that set it); only one when it is given."""
    where = "WHERE fingerprint = ?" if fingerprint is not None else ""
    rows = conn.execute("SELECT fingerprint, status, reason, reviewer, time, summary, event_id "
                        f"FROM decisions {where} ORDER BY fingerprint",
                        (fingerprint,) if fingerprint is not None else ())
    return {r[0]: (Decision(r[0], r[1], r[2], r[3], r[4], r[5]), r[6]) for r in rows}


def read_notes(conn: sqlite3.Connection, note_id: str | None = None) -> dict[str, StoredNote]:
    """Every note (or the one asked for), deleted ones included, in the order they were written."""
    where = "WHERE id = ?" if note_id is not None else ""
    rows = conn.execute(f"SELECT {', '.join(NOTE_COLUMNS)} FROM notes {where} "
                        "ORDER BY created_seq, id", (note_id,) if note_id is not None else ())
    out: dict[str, StoredNote] = {}
    for r in rows:
        v = dict(zip(NOTE_COLUMNS, r))
        note = Note(id=v["id"], kind=v["kind"], body=v["body"], reviewer=v["reviewer"],
                    time=v["time"], fingerprint=v["fingerprint"], page=v["page"],
                    bbox=tuple(json.loads(v["bbox"])) if v["bbox"] else None,
                    table=v["table_id"], row=v["row_no"], column=v["column_name"],
                    start=v["start_pos"], end=v["end_pos"], quote=v["quote"],
                    summary=v["summary"], edited=v["edited"], edited_by=v["edited_by"])
        out[note.id] = StoredNote(note, v["deleted"], v["deleted_by"], v["event_id"])
    return out


def read_conflicts(conn: sqlite3.Connection,
                   fingerprint: str | None = None) -> dict[str, tuple[Decision, str, str]]:
    """fingerprint -> (their decision, their event id, source file) awaiting the reviewer."""
    where = "WHERE fingerprint = ?" if fingerprint is not None else ""
    rows = conn.execute(f"SELECT fingerprint, theirs, event_id, source FROM conflicts {where} "
                        "ORDER BY fingerprint", (fingerprint,) if fingerprint is not None else ())
    return {r[0]: (decision_from_json(json.loads(r[1])), r[2], r[3]) for r in rows}


def dump(conn: sqlite3.Connection) -> dict[str, Any]:
    """The whole state as plain data, to compare the stored state with a replay of the log."""
    return {"decisions": {fp: decision_json(d, e) for fp, (d, e) in read_decisions(conn).items()},
            "notes": {i: s.to_json() for i, s in read_notes(conn).items()},
            "created": [r[0] for r in conn.execute("SELECT id FROM notes "
                                                   "ORDER BY created_seq, id")],
            "conflicts": {fp: [decision_json(d), e, s]
                          for fp, (d, e, s) in read_conflicts(conn).items()}}


def _put_decision(conn: sqlite3.Connection, d: Decision, event_id: str) -> None:
    conn.execute("INSERT OR REPLACE INTO decisions (fingerprint, status, reason, reviewer, time, "
                 "summary, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 (d.fingerprint, d.status, d.reason, d.reviewer, d.time, d.summary, event_id))
    conn.execute("DELETE FROM conflicts WHERE fingerprint = ?", (d.fingerprint,))


def _put_note(conn: sqlite3.Connection, s: StoredNote, created_seq: int) -> None:
    n = s.note
    row = conn.execute("SELECT created_seq FROM notes WHERE id = ?", (n.id,)).fetchone()
    values = {**{_RENAMED.get(k, k): v for k, v in n.__dict__.items()},
              "bbox": json.dumps(list(n.bbox)) if n.bbox else None, "deleted": s.deleted,
              "deleted_by": s.deleted_by, "event_id": s.event_id,
              "created_seq": int(row[0]) if row else created_seq}
    conn.execute(f"INSERT OR REPLACE INTO notes ({', '.join(NOTE_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(NOTE_COLUMNS))})",
                 [values[c] for c in NOTE_COLUMNS])


def apply(conn: sqlite3.Connection, ev: Event) -> None:
    """Change the state tables as the event says (inside the caller's transaction)."""
    if ev.imported:
        return
    d = ev.data
    if ev.action in ("decide", "resolve"):
        _put_decision(conn, Decision(d["fingerprint"], d["status"], d["reason"], ev.reviewer,
                                     ev.time, d.get("summary", "")), ev.id)
    elif ev.action == "note_add":
        fields = {**d["note"], "reviewer": ev.reviewer, "time": ev.time}
        _put_note(conn, StoredNote.from_json({**fields, "event_id": ev.id}), ev.seq)
    elif ev.action in ("note_edit", "note_delete"):
        column = ("body = ?, edited = ?, edited_by = ?" if ev.action == "note_edit"
                  else "deleted = ?, deleted_by = ?")
        args = (d["body"], ev.time, ev.reviewer) if ev.action == "note_edit" else (ev.time,
                                                                                   ev.reviewer)
        if conn.execute(f"UPDATE notes SET {column}, event_id = ? WHERE id = ?",
                        (*args, ev.id, d["id"])).rowcount != 1:
            raise ValueError(f"event {ev.seq} changes unknown note {d['id']}")
    elif ev.action == "import":
        for fp, dec in d["decisions"].items():
            _put_decision(conn, decision_from_json(dec), dec["event_id"])
        for s in d["notes"]:
            _put_note(conn, StoredNote.from_json(s), ev.seq)
        for c in d["conflicts"]:
            conn.execute("INSERT OR REPLACE INTO conflicts (fingerprint, theirs, event_id, source)"
                         " VALUES (?, ?, ?, ?)", (c["fingerprint"], json.dumps(c["theirs"]),
                                                  c["event_id"], c["source"]))
    else:
        raise ValueError(f"event {ev.seq} has an unknown action {ev.action!r}")


def snapshot(conn: sqlite3.Connection, sha256: str) -> ReviewSnapshot:
    """Live decisions and notes, the reviewers in order of first action, and the chain's head."""
    reviewers = [r[0] for r in conn.execute(
        "SELECT reviewer FROM events GROUP BY reviewer ORDER BY MIN(seq)")]
    last = conn.execute("SELECT COUNT(*), MAX(seq) FROM events").fetchone()
    tail = conn.execute("SELECT hash, time FROM events WHERE seq = ?", (last[1],)).fetchone()
    return ReviewSnapshot(
        sha256=sha256, decisions={fp: d for fp, (d, _) in read_decisions(conn).items()},
        notes=[s.note for s in read_notes(conn).values() if not s.deleted],
        reviewers=reviewers, events=int(last[0]), head=tail[0] if tail else sha256,
        updated=tail[1] if tail else "")
