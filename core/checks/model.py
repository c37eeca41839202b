"""Findings: what a rule found, where, with the arithmetic that shows it."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.model import Bbox, rounded

SEVERITIES = ("error", "warn", "info", "manual")
SEVERITY_ZH = {"error": "错误", "warn": "警告", "info": "提示", "manual": "需人工"}


@dataclass(frozen=True)
class Location:
    """A place a finding concerns: a page area, and the table cell when it is one."""

    page: int
    bbox: Bbox | None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"page": self.page, "bbox": rounded(self.bbox) if self.bbox else None,
                "table": self.table, "row": self.row, "column": self.column, "text": self.text}


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


@dataclass
class Finding:
    """One failed (or unrunnable) check.

    `subject` names what the check was about (a table row, a sentence's claim) independently of
    where it was printed, so the fingerprint survives re-analysis and re-layout.

    `members` are the consequences of the same root cause (one misprinted cell that breaks four
    sums): the reviewer decides the root once, and each member keeps its own message and
    locations. A member never has members of its own, and does not change the fingerprint.
    """

    rule: str
    severity: str
    message: str
    message_en: str
    subject: str
    locations: list[Location] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    title: str = ""  # the rule's title, filled in by the runner
    members: list[Finding] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        key = {"rule": self.rule, "subject": self.subject,
               "values": {k: _plain(v) for k, v in sorted(self.values.items())
                          if k in ("printed", "computed", "operands", "expected")}}
        blob = json.dumps(key, ensure_ascii=False, sort_keys=True)
        return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]

    @property
    def pages(self) -> list[int]:
        return sorted({loc.page for loc in self.locations})

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message

    def to_json(self, lang: str = "zh") -> dict[str, Any]:
        data = {"rule": self.rule, "title": self.title, "severity": self.severity,
                "message": self.text(lang), "locations": [loc.to_json() for loc in self.locations],
                "values": _plain(self.values), "fingerprint": self.fingerprint}
        if self.members:
            data["group"] = {
                "root": self.locations[0].to_json() if self.locations else None,
                "members": [m.to_json(lang) for m in self.members]}
        return data
