"""Checking the reviewers' signatures on a review's events, and saying what they guarantee.

The hash chain shows that no event was changed by accident; only the signatures show that no
one changed one on purpose. For every event: its signature must verify against the hash it was
made on (for an event from a colleague, that hash is recomputed from the event as stored, so an
edit after the import is caught too); one reviewer name must use one key throughout the log; and
where this machine knows the reviewer's key (their own, or a colleague's recorded on the first
handover) it must be that key. Events recorded before signing existed stay readable, and the
report says that for them only the chain holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from core.review.events import Event, event_body, link
from core.review.keys import verify

if TYPE_CHECKING:
    from core.review.keys import KeyRing


@dataclass
class Signatures:
    ok: bool = True
    seq: int | None = None  # the first event that fails, when one does
    time: str = ""
    action: str = ""
    problem: str = ""
    problem_en: str = ""
    signed: int = 0
    unsigned: int = 0
    keys: dict[str, str] = field(default_factory=dict)  # reviewer -> public key in this log
    status: dict[str, str] = field(default_factory=dict)  # reviewer -> own / known / new


def _where(ev: Event) -> tuple[str, str]:
    return (f"第 {ev.seq} 号事件（{ev.time}，{ev.action}，审核人 {ev.reviewer}）",
            f"event {ev.seq} ({ev.time}, {ev.action}, reviewer {ev.reviewer})")


def _fail(ev: Event, found: Signatures, zh: str, en: str) -> Signatures:
    where, where_en = _where(ev)
    found.ok, found.seq, found.time, found.action = False, ev.seq, ev.time, ev.action
    found.problem, found.problem_en = f"{where}{zh}", f"{where_en} {en}"
    return found


def check(events: list[Event], sha256: str, keyring: "KeyRing | None" = None) -> Signatures:
    """Every event's signature, in log order; stops at the first that fails."""
    found = Signatures()
    prev = sha256
    for ev in events:
        if not ev.sig and not ev.key:
            if found.signed:
                return _fail(ev, found, "没有签名，而此前的事件都有签名：签名被去掉，或该事件是事后加入的",
                             "is not signed although the events before it are: a signature "
                             "was removed or the event was added afterwards")
            since = keyring.own_created(ev.reviewer) if keyring is not None else None
            if since and _before(since, ev.time):
                return _fail(ev, found, f"没有签名，但本机的 {ev.reviewer} 自 {since[:16]} 起签名每个事件",
                             f"is not signed, yet {ev.reviewer} on this machine has signed "
                             f"every event since {since[:16]}")
            found.unsigned += 1
            prev = ev.hash
            continue
        ref = ev.signed_ref(prev)
        if ev.imported:
            try:
                made = link(str(ref["prev"]), event_body(int(ref["seq"]), ev.id, ev.time,
                                                         ev.reviewer, ev.action, ev.data, None))
            except (KeyError, TypeError, ValueError):
                made = ""
            if made != ref.get("hash"):
                return _fail(ev, found, "与其签名时的内容不符：导入后被改动",
                             "differs from what was signed: it was changed after the import")
        if not verify(ev.key, ev.sig, str(ref.get("hash", ""))):
            return _fail(ev, found, "的签名无效：该事件在签名后被改动，或不是由署名的审核人签署",
                         "has an invalid signature: it was changed after it was signed, or not "
                         "signed by the reviewer it names")
        first = found.keys.setdefault(ev.reviewer, ev.key)
        if first != ev.key:
            return _fail(ev, found, f"所用的签名密钥与此前 {ev.reviewer} 的事件不同：有人以其名义记录了事件",
                         f"is signed with another key than {ev.reviewer}'s earlier events: "
                         "someone recorded it in their name")
        if keyring is not None and ev.reviewer not in found.status:
            status = keyring.status(ev.reviewer, ev.key)
            if status == "mismatch":
                return _fail(ev, found, f"的签名密钥与本机记录的 {ev.reviewer} 的公钥不符：冒名记录",
                             f"is signed with a key other than the one this machine knows for "
                             f"{ev.reviewer}: forged")
            found.status[ev.reviewer] = status
        found.signed += 1
        prev = ev.hash
    return found


def _before(a: str, b: str) -> bool:
    try:
        return datetime.fromisoformat(a) < datetime.fromisoformat(b)
    except ValueError:
        return False


def guarantee(found: Signatures) -> tuple[str, str]:
    """What an intact log with these signatures proves, in one Chinese and one English line."""
    if found.unsigned and not found.signed:
        return ("仅哈希链：事件没有签名（由旧版本记录），能发现意外的改动，不能防范知情者重算哈希后的改写",
                "hash chain only: the events are unsigned (recorded by an older version); "
                "accidental changes are detected, a knowing rewrite is not")
    new = sorted(r for r, s in found.status.items() if s == "new")
    parts = []
    if found.unsigned:
        parts.append(f"前 {found.unsigned} 个事件没有签名（由旧版本记录），只受哈希链保护")
    if new:
        parts.append(f"{'、'.join(new)} 的公钥在本机首次见到（下次交接起核对）")
    zh = ("签名：每个事件都由署名的审核人签署，签名后的任何改动或冒名都会被发现"
          + ("；" + "；".join(parts) if parts else "")
          + "；删去末尾的事件须与归档文件上印的链头核对")
    en = ("signed: every event is signed by the reviewer it names; any change after signing or "
          "any forged name is detected" + (f"; {found.unsigned} earlier events unsigned"
                                           if found.unsigned else "")
          + (f"; first time this machine sees the key of {', '.join(new)}" if new else "")
          + "; events cut off the end show only against the head printed on a filed export")
    return zh, en
