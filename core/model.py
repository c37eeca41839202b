"""The document model: pages, characters with boxes and text lines, all in PDF points.

Coordinates follow pdfplumber: origin at the top-left of the page, y growing downwards; a box is
`(x0, top, x1, bottom)`. Page numbers are 1-based everywhere outside this module's lists.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

Bbox = tuple[float, float, float, float]


def union(boxes: Iterable[Bbox]) -> Bbox:
    """Smallest box holding all boxes (which must not be empty)."""
    x0s, tops, x1s, bottoms = zip(*boxes)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def rounded(box: Bbox) -> list[float]:
    return [round(v, 2) for v in box]


@dataclass(frozen=True, slots=True)
class Char:
    """One printed character; `size` is the font size (the box height when unknown)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    def __reduce__(self) -> tuple[type["Char"], tuple[str, float, float, float, float]]:
        """Pickled as its constructor call: a cached document of 20 000 characters loads in a
        third of the time the frozen dataclass's field-by-field __setstate__ takes."""
        return (Char, (self.text, self.x0, self.top, self.x1, self.bottom))

    @property
    def box(self) -> Bbox:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Line:
    """Characters that read as one line, left to right.

    `text` may hold spaces that stand for visible gaps; `index[i]` is the position in `chars` of
    `text[i]`, or -1 for such a space.
    """

    page: int
    chars: list[Char]
    text: str
    index: list[int]

    @property
    def box(self) -> Bbox:
        return union(c.box for c in self.chars)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def size(self) -> float:
        heights = sorted(c.height for c in self.chars)
        return heights[len(heights) // 2]

    def span_box(self, start: int, end: int) -> Bbox | None:
        """Box of text[start:end], or None when it holds no printed character."""
        chars = [self.chars[i] for i in self.index[start:end] if i >= 0]
        return union(c.box for c in chars) if chars else None


@dataclass(slots=True)
class Page:
    number: int
    width: float
    height: float
    chars: list[Char]
    lines: list[Line] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return sum(1 for c in self.chars if not c.text.isspace()) >= 5


# Document families: the department catalogue runs on disclosures only (issue 15).
DISCLOSURE = "disclosure"  # 部门/单位 预算·决算 公开
GOV_REPORT = "gov_report"  # 政府预算·决算报告 to the people's congress (domain-rules.md §8)
TEMPLATE = "template"  # an unfilled official template (XX, 202X, （按…填写）)
OTHER = "other"  # anything else: a notice, a contract, a report of another sort
NO_TEXT = "no_text"  # no text layer (a scan): nothing can be read without OCR
FAMILY_LABELS = {DISCLOSURE: "部门/单位公开", GOV_REPORT: "政府报告", TEMPLATE: "模板",
                 OTHER: "其他", NO_TEXT: "无文字层"}


@dataclass(slots=True)
class Document:
    """A PDF as read: its identity, its pages and what was recognised about it."""

    path: str
    sha256: str
    producer: str
    pages: list[Page]
    kind: str | None = None  # 预算 / 决算
    scope: str | None = None  # 部门 / 单位
    year: int | None = None
    entity: str | None = None
    warnings: list[str] = field(default_factory=list)
    family: str = DISCLOSURE  # what sort of document: see FAMILIES (core.dockind decides)
    level: str | None = None  # a government report's scope: 全市 / 本级 / 全市和本级
    government: str | None = None  # the government a report speaks for: 广州市, 杭州市
    kind_reason: str = ""  # why a document is a 模板 or 其他 (shown to the reviewer)

    def page(self, number: int) -> Page:
        return self.pages[number - 1]

    @property
    def kind_label(self) -> str:
        """The document's kind as a reviewer names it: 部门决算, 政府预算报告, 模板, 其他."""
        if self.family == GOV_REPORT:
            return f"政府{self.kind or ''}报告"
        if self.family == DISCLOSURE:
            return f"{self.scope or ''}{self.kind}" if self.kind else FAMILY_LABELS[DISCLOSURE]
        return FAMILY_LABELS[self.family]
