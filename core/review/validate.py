"""What a colleague's event may hold: every field checked before a handover is merged.

A `.review` file is a database anyone can write, so an import trusts nothing in it beyond what
the chain and the signatures prove (replay.py, signing.py): each event brought in is checked
here against the schema (known kind, types, sizes, no control characters) and against the
document (a note on page 99999 of a 16-page PDF is refused). Each event kind has one validator,
registered with `@kind("name")`: a new kind of event (undo, a manual finding…) adds its
validator here, and until it does, a file holding that kind is refused as unknown.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from core.review.events import Event, canonical
from core.review.model import NOTE_KINDS, STATUSES
from core.textsafe import (MAX_NAME, MAX_NOTE, MAX_QUOTE, MAX_REASON, MAX_SUMMARY,
                           control_chars, name_of)

MAX_EVENT_BYTES = 256 * 1024  # one event's data as stored; a note of MAX_NOTE is about 60 KB
MAX_EVENTS = 200_000  # events one handover may bring (a year of one team's work is ~20,000)
MAX_HANDOVER_BYTES = 64 << 20  # the `.review` file itself
_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_FINGERPRINT = re.compile(r"[0-9A-Za-z:._-]{1,128}")  # 16 hex digits today; room for more


@dataclass(frozen=True)
class Limits:
    """What the document allows: its page count, when the importer knows it."""

    pages: int | None = None


Validator = Callable[[dict[str, Any], Limits], None]
KINDS: dict[str, Validator] = {}


def kind(name: str) -> Callable[[Validator], Validator]:
    """Register the validator of one event kind (the one place a new kind is made known)."""
    def register(fn: Validator) -> Validator:
        KINDS[name] = fn
        return fn
    return register


class Invalid(ValueError):
    """A field that is not what the schema or the document allows (message in Chinese)."""


def _text(value: Any, what: str, limit: int, *, multiline: bool = True,
          required: bool = False) -> None:
    if not isinstance(value, str):
        raise Invalid(f"{what}不是文字：{type(value).__name__}")
    if required and not value.strip():
        raise Invalid(f"{what}为空")
    bad = control_chars(value, multiline)
    if bad:
        raise Invalid(f"{what}含有控制字符（{'、'.join(name_of(c) for c in bad[:3])}）")
    if len(value) > limit:
        raise Invalid(f"{what}过长（{len(value):,} 个字符，最多 {limit:,} 个）")


def _int(value: Any, what: str, low: int, high: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low \
            or (high is not None and value > high):
        bound = f"{low}–{high}" if high is not None else f"≥ {low}"
        raise Invalid(f"{what}无效：{value!r}（应为 {bound} 的整数）")


def _id(value: Any, what: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise Invalid(f"{what}无效：{str(value)[:40]!r}")


def _fingerprint(value: Any) -> None:
    if not isinstance(value, str) or not _FINGERPRINT.fullmatch(value):
        raise Invalid(f"问题指纹无效：{str(value)[:40]!r}")


def _time(value: Any, what: str) -> None:
    if value == "":
        return
    try:
        datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise Invalid(f"{what}不是有效的时间：{str(value)[:40]!r}") from None


def _status(value: Any) -> None:
    if value not in STATUSES:
        raise Invalid(f"未知的处理状态：{str(value)[:20]!r}")


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(f"{what}格式错误")
    return value


def decision(d: Any, limits: Limits) -> None:
    """A decision as stored in a state, a conflict or an import event."""
    d = _dict(d, "处理结论")
    _fingerprint(d.get("fingerprint"))
    _status(d.get("status"))
    _text(d.get("reason", ""), "处理理由", MAX_REASON)
    _text(d.get("reviewer", ""), "审核人姓名", MAX_NAME, multiline=False)
    _time(d.get("time", ""), "处理时间")
    _text(d.get("summary", ""), "问题摘要", MAX_SUMMARY)
    if "event_id" in d:
        _id(d["event_id"], "事件标识")


def note(n: Any, limits: Limits) -> None:
    """A note's fields (as in note_add, or as stored in an import event)."""
    n = _dict(n, "批注")
    _id(n.get("id"), "批注标识")
    if n.get("kind") not in NOTE_KINDS:
        raise Invalid(f"未知的批注类型：{str(n.get('kind'))[:20]!r}")
    _text(n.get("body"), "批注内容", MAX_NOTE, required=True)
    for key, what in (("quote", "引文"), ("summary", "问题摘要")):
        _text(n.get(key, ""), what, MAX_QUOTE if key == "quote" else MAX_SUMMARY)
    for key in ("reviewer", "edited_by", "deleted_by"):
        _text(n.get(key, ""), "审核人姓名", MAX_NAME, multiline=False)
    for key in ("time", "edited", "deleted"):
        _time(n.get(key, ""), "批注时间")
    if n.get("fingerprint") is not None:
        _fingerprint(n["fingerprint"])
    if n.get("page") is not None:
        _int(n["page"], "页码", 1, limits.pages)
    if n.get("bbox") is not None:
        box = n["bbox"]
        if not isinstance(box, list) or len(box) != 4 or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                and -1e5 <= v <= 1e5 for v in box) or box[0] > box[2] or box[1] > box[3]:
            raise Invalid(f"矩形框无效：{str(box)[:60]}")
    if n.get("table") is not None:
        _text(n["table"], "表格", 200, multiline=False)
    if n.get("column") is not None:
        _text(n["column"], "列名", 200, multiline=False)
    if n.get("row") is not None:
        _int(n["row"], "行号", 0, 1_000_000)
    for key in ("start", "end"):
        if n.get(key) is not None:
            _int(n[key], "文字位置", 0, 100_000_000)
    if "event_id" in n:
        _id(n["event_id"], "事件标识")


@kind("decide")
def _decide(d: dict[str, Any], limits: Limits) -> None:
    decision({**d, "reviewer": "", "time": ""}, limits)
    if d.get("status") == "dismissed" and not str(d.get("reason", "")).strip():
        raise Invalid("排除问题没有理由")
    if d.get("previous") is not None:
        _status(d["previous"])
    if not isinstance(d.get("settles_conflict", False), bool):
        raise Invalid("settles_conflict 不是布尔值")


@kind("note_add")
def _note_add(d: dict[str, Any], limits: Limits) -> None:
    note(d.get("note"), limits)


@kind("note_edit")
def _note_edit(d: dict[str, Any], limits: Limits) -> None:
    _id(d.get("id"), "批注标识")
    _text(d.get("body"), "批注内容", MAX_NOTE, required=True)
    _text(d.get("previous", ""), "原批注内容", MAX_NOTE)


@kind("note_delete")
def _note_delete(d: dict[str, Any], limits: Limits) -> None:
    _id(d.get("id"), "批注标识")


@kind("resolve")
def _resolve(d: dict[str, Any], limits: Limits) -> None:
    if d.get("choice") not in ("mine", "theirs"):
        raise Invalid(f"冲突处理方式无效：{str(d.get('choice'))[:20]!r}")
    decision({"fingerprint": d.get("fingerprint"), "status": d.get("status"),
              "reason": d.get("reason", ""), "summary": d.get("summary", "")}, limits)
    decision(d.get("chosen"), limits)
    decision(d.get("other"), limits)
    _text(d.get("source", ""), "来源文件名", 255, multiline=False)


@kind("import")
def _import(d: dict[str, Any], limits: Limits) -> None:
    _text(d.get("file", ""), "来源文件名", 255, multiline=False)
    _text(d.get("head", ""), "链头", 64, multiline=False)
    _int(d.get("events", 0), "事件数", 0, MAX_EVENTS)
    for name in d.get("reviewers", []) if isinstance(d.get("reviewers", []), list) else [None]:
        _text(name, "审核人姓名", MAX_NAME, multiline=False)
    for fp, dec in _dict(d.get("decisions", {}), "处理结论").items():
        _fingerprint(fp)
        decision(dec, limits)
    notes = d.get("notes", [])
    conflicts = d.get("conflicts", [])
    if not isinstance(notes, list) or not isinstance(conflicts, list):
        raise Invalid("导入记录格式错误")
    for n in notes:
        note(n, limits)
    for c in conflicts:
        c = _dict(c, "合并冲突")
        _fingerprint(c.get("fingerprint"))
        decision(c.get("theirs"), limits)
        _id(c.get("event_id"), "事件标识")
        _text(c.get("source", ""), "来源文件名", 255, multiline=False)


def validate_event(ev: Event, limits: Limits) -> None:
    """Raise Invalid naming the event and what is wrong with it."""
    where = f"第 {ev.seq} 号事件（{str(ev.time)[:40]}，{str(ev.action)[:20]}）"
    try:
        _id(ev.id, "事件标识")
        _time(ev.time or "?", "事件时间")
        _text(ev.reviewer, "审核人姓名", MAX_NAME, multiline=False, required=True)
        validator = KINDS.get(ev.action)
        if validator is None:
            raise Invalid(f"未知的事件类型 {str(ev.action)[:20]!r}（可能由更新版本的程序记录）")
        if len(canonical(ev.data).encode("utf-8")) > MAX_EVENT_BYTES:
            raise Invalid(f"内容过大（超过 {MAX_EVENT_BYTES // 1024} KB）")
        if ev.origin is not None:
            _text(_dict(ev.origin, "来源").get("file", ""), "来源文件名", 255, multiline=False)
        validator(_dict(ev.data, "事件内容"), limits)
    except Invalid as exc:
        raise Invalid(f"{where}：{exc}") from None
