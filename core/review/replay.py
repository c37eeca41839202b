"""Verify a review completely: the hash chain, then the stored state against a replay of the log.

The chain proves no event was altered or removed; the replay proves the decisions and notes on
disk are exactly what those events say, so a status changed directly in the `decisions` table
is caught as surely as an edited event.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from core.review import db, events, signing, state
from core.review.events import ChainReport

if TYPE_CHECKING:
    from core.review.keys import KeyRing

_SECTION_ZH = {"decisions": "处理结论", "notes": "批注", "created": "批注顺序", "conflicts": "合并冲突"}


def check(conn: sqlite3.Connection, sha256: str, keyring: "KeyRing | None" = None) -> ChainReport:
    """ChainReport.ok only when the chain verifies, every signature verifies (against the keys
    this machine knows, given a keyring), and replaying the log gives the stored state."""
    report = events.verify(conn, sha256)
    if not report.ok:
        return report
    log = events.read(conn)
    found = signing.check(log, sha256, keyring)
    report.signatures = found
    if not found.ok:
        report.ok, report.seq, report.time, report.action = False, found.seq, found.time, \
            found.action
        report.problem, report.problem_en = found.problem, found.problem_en
        return report
    memory = db.connect(":memory:")
    try:
        db.migrate(memory, None)
        memory.execute("BEGIN")
        for ev in log:
            try:
                state.apply(memory, ev)
            except (KeyError, ValueError, TypeError, sqlite3.Error) as exc:
                return ChainReport(False, report.count, report.head, ev.seq, ev.time, ev.action,
                                   f"第 {ev.seq} 号事件（{ev.time}，{ev.action}）无法重放：{exc}",
                                   f"event {ev.seq} ({ev.time}, {ev.action}) cannot be replayed:"
                                   f" {exc}")
        memory.execute("COMMIT")
        where = _first_difference(state.dump(memory), state.dump(conn))
    finally:
        memory.close()
    if where:
        section, key = where
        return ChainReport(False, report.count, report.head,
                           problem=f"当前{_SECTION_ZH[section]}与事件记录不符：{key}",
                           problem_en=f"stored {section} differ from the event log: {key}",
                           signatures=found)
    return report


def _first_difference(replayed: dict[str, Any], stored: dict[str, Any]) -> tuple[str, str] | None:
    for section in ("decisions", "notes", "conflicts", "created"):
        a, b = replayed[section], stored[section]
        if a == b:
            continue
        if isinstance(a, dict):
            for key in sorted(set(a) | set(b)):
                if a.get(key) != b.get(key):
                    return section, key
        return section, "顺序不同"
    return None
