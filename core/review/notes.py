"""What each kind of note must say about where it is anchored, checked before anything is stored.

A note that cannot be found again (a region without a page, a cell without its column) would be
lost in all but name, so it is refused when written rather than discovered broken in an export.
"""
from __future__ import annotations

import math
import uuid
from typing import Any

from core.review.model import NOTE_KINDS, Note
from core.textsafe import MAX_NOTE, MAX_QUOTE, MAX_SUMMARY, check_text, printable

# Fields set by the store from the event (who and when), not by the caller.
_FROM_EVENT = ("reviewer", "time", "edited", "edited_by")


def validate_note(kind: str, body: str, **anchor: Any) -> Note:
    """A new Note with a fresh id, or ValueError saying (in Chinese) what is missing."""
    if kind not in NOTE_KINDS:
        raise ValueError(f"未知的批注类型：{kind!r}（可选：{', '.join(NOTE_KINDS)}）")
    body = (body or "").strip()
    if not body:
        raise ValueError("批注内容不能为空")
    body = check_text(body, "批注内容", limit=MAX_NOTE)
    a = dict(anchor)
    # the quote and the summary are the document's words, not the reviewer's: shown, not refused
    a["quote"] = printable((a.get("quote") or "").strip(), MAX_QUOTE)
    a["summary"] = printable(a.get("summary") or "", MAX_SUMMARY)
    if a.get("page") is not None:
        a["page"] = _positive_int(a["page"], "页码")
    if a.get("bbox") is not None:
        a["bbox"] = _bbox(a["bbox"])
    if kind == "finding" and not a.get("fingerprint"):
        raise ValueError("问题批注需要问题的指纹（fingerprint）")
    if kind == "region" and (a.get("page") is None or a.get("bbox") is None):
        raise ValueError("页面区域批注需要页码和矩形框（page, bbox）")
    if kind == "cell":
        if not a.get("table") or a.get("column") in (None, "") or a.get("row") is None:
            raise ValueError("单元格批注需要表格、行和列（table, row, column）")
        a["row"] = _int(a["row"], "行号")
    if kind == "text":
        if a.get("start") is None or a.get("end") is None or not a["quote"]:
            raise ValueError("文字批注需要起止位置和所选文字（start, end, quote）")
        a["start"], a["end"] = _int(a["start"], "起始位置"), _int(a["end"], "结束位置")
        if not 0 <= a["start"] <= a["end"]:
            raise ValueError(f"文字批注的起止位置无效：{a['start']}–{a['end']}")
    return Note(id=uuid.uuid4().hex, kind=kind, body=body, **a)


def note_fields(note: Note) -> dict[str, Any]:
    """The note as recorded in its `note_add` event (the event itself says who and when)."""
    return {k: v for k, v in note.to_json().items() if k not in _FROM_EVENT}


def _int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what}必须是整数：{value!r}")
    return value


def _positive_int(value: Any, what: str) -> int:
    if _int(value, what) < 1:
        raise ValueError(f"{what}从 1 开始：{value!r}")
    return value


def _bbox(value: Any) -> tuple[float, float, float, float]:
    try:
        box = tuple(float(x) for x in value)
    except (TypeError, ValueError):
        raise ValueError(f"矩形框必须是四个数：{value!r}") from None
    if len(box) != 4 or not all(math.isfinite(x) for x in box) or box[0] > box[2] \
            or box[1] > box[3]:
        raise ValueError(f"矩形框无效（需要 x0 ≤ x1, y0 ≤ y1）：{value!r}")
    return box  # type: ignore[return-value]
