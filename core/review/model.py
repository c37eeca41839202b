"""What a review holds: a decision per finding and the reviewer's notes (plain data, no storage).

The store (core/review/store.py) persists these; the GUI shows and edits them; the exports print
them. A decision is keyed by the finding's fingerprint, so it re-attaches after re-analysis.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("open", "confirmed", "dismissed", "follow_up")
STATUS_ZH = {"open": "待处理", "confirmed": "已确认", "dismissed": "已排除", "follow_up": "需跟进"}
NOTE_KINDS = ("finding", "region", "cell", "text")
NOTE_KIND_ZH = {"finding": "问题批注", "region": "页面区域批注", "cell": "单元格批注", "text": "文字批注"}


@dataclass(frozen=True)
class Decision:
    fingerprint: str
    status: str  # one of STATUSES
    reason: str = ""  # required when dismissed
    reviewer: str = ""
    time: str = ""  # ISO 8601, local time with offset
    summary: str = ""  # the finding's rule and message when decided, so an orphan stays readable


@dataclass(frozen=True)
class Note:
    """A reviewer's note, anchored to a finding, a page rectangle, a table cell or a text span."""

    id: str
    kind: str  # one of NOTE_KINDS
    body: str
    reviewer: str = ""
    time: str = ""
    fingerprint: str | None = None  # kind == "finding"
    page: int | None = None  # region, cell (where printed) and text
    bbox: tuple[float, float, float, float] | None = None
    table: str | None = None  # kind == "cell"
    row: int | None = None
    column: str | None = None
    start: int | None = None  # kind == "text": offsets in the narrative text
    end: int | None = None
    quote: str = ""  # the cell's or the span's text when the note was written
    summary: str = ""  # kind == "finding": the finding's rule and message when noted
    edited: str = ""  # time of the last edit ("" if never); reviewer and time stay the author's
    edited_by: str = ""

    def to_json(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@dataclass
class ReviewSnapshot:
    """A review as read at one moment, for exports and the command line."""

    sha256: str
    decisions: dict[str, Decision] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    events: int = 0  # length of the event log
    head: str = ""  # hash of the last event (the chain's head), for exports to cite
    updated: str = ""  # time of the last event

    def status(self, fingerprint: str) -> str:
        d = self.decisions.get(fingerprint)
        return d.status if d else "open"

    def notes_on(self, fingerprint: str) -> list[Note]:
        return [n for n in self.notes if n.kind == "finding" and n.fingerprint == fingerprint]
