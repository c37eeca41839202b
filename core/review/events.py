"""The append-only, hash-chained event log of a review.

Event i stores sha256(hash of event i-1 + canonical JSON of event i); the chain starts from the
document's sha256, so a log cannot be moved onto another document, and altering, removing or
reordering any stored event breaks every hash after it. The head (last seq and hash) is also kept
in `meta`, so cutting events off the end is noticed too.

The chain alone has no secret, so each event is also signed by its reviewer (keys.py): `key` and
`sig` are their public key and the signature of the event's hash. An event brought in from a
colleague keeps the signature it was made with, and its `origin` says where that signature
applies (`signed`: the seq, previous hash and hash it had in the log it was recorded in).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from core.review.db import now


@dataclass(frozen=True)
class Event:
    """One recorded action. `origin` is set on events imported from a colleague's review."""

    seq: int
    id: str
    time: str
    reviewer: str
    action: str
    data: dict[str, Any]
    origin: dict[str, Any] | None = None
    hash: str = ""
    key: str = ""  # the signer's public key (hex), "" for an event recorded before signing
    sig: str = ""  # the signature of the hash it was recorded with (see signed_ref)

    @property
    def imported(self) -> bool:
        return self.origin is not None

    def signed_ref(self, prev: str) -> dict[str, Any]:
        """Where the signature applies: {seq, prev, hash} in the log the event was made in."""
        if self.origin is not None and isinstance(self.origin.get("signed"), dict):
            return self.origin["signed"]
        return {"seq": self.seq, "prev": prev, "hash": self.hash}


@dataclass
class ChainReport:
    """What verifying a log found: ok, or the first event that was altered or is missing."""

    ok: bool
    count: int
    head: str = ""
    seq: int | None = None
    time: str = ""
    action: str = ""
    problem: str = ""  # Chinese, one line
    problem_en: str = ""
    details: list[str] = field(default_factory=list)
    signatures: Any = None  # core.review.signing.Signatures, once the chain has verified

    @property
    def guarantee(self) -> tuple[str, str]:
        """What this log proves (Chinese, English): see core.review.signing.guarantee."""
        from core.review.signing import Signatures, guarantee

        return guarantee(self.signatures or Signatures(unsigned=self.count))


def canonical(value: Any) -> str:
    """The one JSON spelling hashed and stored: sorted keys, no spaces, UTF-8 kept readable."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_body(seq: int, eid: str, time: str, reviewer: str, action: str,
               data: dict[str, Any], origin: dict[str, Any] | None) -> str:
    return canonical({"seq": seq, "id": eid, "time": time, "reviewer": reviewer,
                      "action": action, "data": data, "origin": origin})


def link(prev_hash: str, body: str) -> str:
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def head(conn: sqlite3.Connection, sha256: str) -> tuple[int, str]:
    """(seq, hash) of the last event; (0, document sha256) for an empty log."""
    row = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, sha256)


Signer = Callable[[str, str], tuple[str, str]]  # (reviewer, event hash) -> (key, signature)
COLUMNS = "seq, id, time, reviewer, action, data, origin, hash, key, sig"


def append(conn: sqlite3.Connection, sha256: str, action: str, reviewer: str,
           data: dict[str, Any], *, eid: str | None = None, time: str | None = None,
           origin: dict[str, Any] | None = None, signer: Signer | None = None,
           signature: tuple[str, str] = ("", "")) -> Event:
    """Append one event inside the caller's open transaction and move the recorded head.

    A new event is signed by `signer`; an imported one keeps the `signature` (key, sig) it was
    made with (its origin says where that applies)."""
    seq, prev = head(conn, sha256)
    seq += 1
    eid = eid or uuid.uuid4().hex
    time = time or now()
    digest = link(prev, event_body(seq, eid, time, reviewer, action, data, origin))
    key, sig = signer(reviewer, digest) if signer is not None else signature
    conn.execute(f"INSERT INTO events ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (seq, eid, time, reviewer, action, canonical(data),
                  canonical(origin) if origin is not None else "", digest, key, sig))
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     (("head_seq", str(seq)), ("head_hash", digest)))
    return Event(seq, eid, time, reviewer, action, data, origin, digest, key, sig)


def _decode(row: tuple[Any, ...]) -> Event:
    seq, eid, time, reviewer, action, data, origin, digest, key, sig = row
    return Event(int(seq), eid, time, reviewer, action, json.loads(data),
                 json.loads(origin) if origin else None, digest, key, sig)


def read(conn: sqlite3.Connection) -> list[Event]:
    """Every event in log order (raises ValueError when a stored event is not valid JSON)."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM events ORDER BY seq").fetchall()
    return [_decode(r) for r in rows]


def ids(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM events")}


def verify(conn: sqlite3.Connection, sha256: str) -> ChainReport:
    """Recompute the chain from the document's sha256 and name the first bad event."""
    rows = conn.execute("SELECT seq, id, time, reviewer, action, data, origin, hash "
                        "FROM events ORDER BY seq").fetchall()
    prev, expected_seq = sha256, 1
    for seq, eid, time, reviewer, action, data, origin, digest in rows:
        if seq != expected_seq:
            return _missing(expected_seq, len(rows), prev, time, action)
        bad = False
        try:
            data_v = json.loads(data)
            origin_v = json.loads(origin) if origin else None
            bad = canonical(data_v) != data or (origin_v is not None
                                                and canonical(origin_v) != origin)
        except (ValueError, TypeError):
            bad = True
        if bad or link(prev, event_body(seq, eid, time, reviewer, action, data_v,
                                        origin_v)) != digest:
            return ChainReport(False, len(rows), prev, seq, time, action,
                               f"第 {seq} 号事件（{time}，{action}）已被改动",
                               f"event {seq} ({time}, {action}) was altered")
        prev, expected_seq = digest, expected_seq + 1
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('head_seq', 'head_hash')"))
    head_seq, head_hash = int(meta.get("head_seq", "0")), meta.get("head_hash", sha256)
    if head_seq > len(rows):
        return _missing(len(rows) + 1, len(rows), prev, "", "")
    if head_seq != len(rows) or head_hash != prev:
        return ChainReport(False, len(rows), prev, len(rows), rows[-1][2] if rows else "",
                           rows[-1][4] if rows else "", "事件链的记录末端与事件不符",
                           "the recorded head of the chain does not match the events")
    return ChainReport(True, len(rows), prev)


def _missing(seq: int, count: int, prev: str, after_time: str, after_action: str) -> ChainReport:
    where = f"（其后一个事件：{after_time}，{after_action}）" if after_time else "（位于末尾）"
    where_en = f" (next event: {after_time}, {after_action})" if after_time else " (at the end)"
    return ChainReport(False, count, prev, seq, after_time, after_action,
                       f"第 {seq} 号事件缺失{where}", f"event {seq} is missing{where_en}")
