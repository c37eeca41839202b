"""The narrative (情况说明): one text, split into numbered sections and sentences, each located.

Lines outside tables are joined into paragraphs without separators, so a word or a number broken
across lines (or pages) reads whole. Every character of the joined text keeps its page and box, so
any span of it (a sentence, an amount) can be drawn on the page.
"""
from __future__ import annotations

import bisect
import re
import statistics
from dataclasses import dataclass, field

from core.model import Bbox, Char, Document, Line, union
from core.tables.locate import is_toc_page

HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(r"^第[一二三四五六七八九十]+部分")),
    (2, re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]")),
    (3, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    (4, re.compile(r"^\d{1,2}\s*[、．.](?!\d)")),
    (5, re.compile(r"^[（(]\d{1,2}[）)]")),
)
SENTENCE_END = "。！？!?"
PAGE_NUMBER = re.compile(r"^[-—－–\s]*(第?\s*\d{1,3}\s*页?|[ivxIVX]+)[-—－–\s]*$")
_ASCII = re.compile(r"[A-Za-z0-9%]")
LEVEL_LABEL = re.compile(r"^[（(]\d{0,3}(类|款|项)[）)]")


@dataclass
class Section:
    number: str  # 一、 / （一） / 1. …
    heading: str
    level: int
    start: int
    end: int
    page: int
    parent: int | None = None  # index of the enclosing section


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    section: int | None  # index into Narrative.sections
    page: int


@dataclass
class Narrative:
    text: str = ""
    refs: list[tuple[int, Char] | None] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def boxes(self, start: int, end: int) -> list[tuple[int, Bbox]]:
        """The boxes of text[start:end], one per printed line it runs over."""
        out: list[tuple[int, Bbox]] = []
        group: list[Char] = []
        page = None
        for ref in self.refs[start:end]:
            if ref is None:
                continue
            p, ch = ref
            if group and (p != page or ch.top > group[-1].bottom - 1 or ch.x0 < group[-1].x0 - 1):
                out.append((page, union(c.box for c in group)))  # type: ignore[arg-type]
                group = []
            page = p
            group.append(ch)
        if group:
            out.append((page, union(c.box for c in group)))  # type: ignore[arg-type]
        return out

    def sentence_at(self, offset: int) -> "Sentence | None":
        starts = [x.start for x in self.sentences]
        k = bisect.bisect_right(starts, offset) - 1
        return self.sentences[k] if k >= 0 and offset < self.sentences[k].end else None

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding text[offset] (-1 outside any)."""
        starts = [a for a, _ in self.paragraphs]
        k = bisect.bisect_right(starts, offset) - 1
        return k if k >= 0 and offset < self.paragraphs[k][1] else -1

    def page_of(self, offset: int) -> int:
        refs = self.refs
        for i in range(max(0, offset), len(refs)):  # no slice: a copy per call is quadratic
            if refs[i] is not None:
                return refs[i][0]
        return 1

    def section_path(self, index: int | None) -> list[Section]:
        path: list[Section] = []
        while index is not None:
            path.append(self.sections[index])
            index = self.sections[index].parent
        return path[::-1]


def heading_level(text: str) -> int | None:
    for level, pattern in HEADINGS:
        if pattern.match(text):
            return level
    return None


def _line_text(line: Line) -> tuple[str, list[Char | None]]:
    """The line's text without the gap-spaces between Chinese characters and numbers."""
    out: list[str] = []
    refs: list[Char | None] = []
    for i, ch in enumerate(line.text):
        k = line.index[i]
        if k < 0:
            before = line.text[i - 1] if i else ""
            after = line.text[i + 1] if i + 1 < len(line.text) else ""
            if not (_ASCII.match(before) and _ASCII.match(after)):
                continue
            refs.append(None)
        else:
            refs.append(line.chars[k])
        out.append(ch)
    return "".join(out), refs


def _starts_paragraph(line: Line, prev: Line | None, left: float, right: float) -> bool:
    if prev is None or line.page != prev.page and prev.text.rstrip()[-1:] in SENTENCE_END + "：:":
        return True
    text = line.text.strip()
    if heading_level(text) is not None:
        return True
    if LEVEL_LABEL.match(text):
        return False  # "…行政单位离退休" / "（项）。主要用于…": the label wrapped, the item goes on
    indented = line.x0 > left + 1.2 * line.size
    ended = prev.text.rstrip()[-1:] in SENTENCE_END + "：:；;"
    short = prev.x1 < right - 2.5 * prev.size
    if line.page != prev.page:
        return indented or (ended and short)
    mid_sentence = prev.text.rstrip()[-1:] in "，,、（("  # a numbered paragraph wraps, a title does not
    return indented or (ended and short) or short and not mid_sentence and \
        heading_level(prev.text.strip()) is not None


def build_narrative(doc: Document, skip: dict[int, list[Bbox]]) -> Narrative:
    """Join the lines of every page, leaving out table areas (skip) and page numbers."""
    nar = Narrative()
    text: list[str] = []
    prev: Line | None = None
    para_start = 0
    for page in doc.pages:
        if is_toc_page(page):
            continue  # contents entries are not statements
        lines = [ln for ln in _outside(page.lines, skip.get(page.number, []))
                 if not PAGE_NUMBER.match(ln.text.strip())]
        if not lines:
            continue
        size = statistics.median(ln.size for ln in lines)  # body text, not titles or stray marks
        body = [ln for ln in lines if len(ln.text.strip()) >= 12 and abs(ln.size - size) < 0.15 * size]
        body = body or lines
        left = min(ln.x0 for ln in body)
        right = max(ln.x1 for ln in body)
        for line in lines:
            chunk, refs = _line_text(line)
            if not chunk:
                continue
            if _starts_paragraph(line, prev, left, right) and text:
                nar.paragraphs.append((para_start, len(text)))
                text.append("\n")
                nar.refs.append(None)
                para_start = len(text)
            text.extend(chunk)
            nar.refs.extend(None if c is None else (page.number, c) for c in refs)
            prev = line
    if len(text) > para_start:
        nar.paragraphs.append((para_start, len(text)))
    nar.text = "".join(text)
    _split(nar)
    return nar


def _outside(lines: list[Line], boxes: list[Bbox]) -> list[Line]:
    """The lines not inside any of boxes (the tables' areas), in their order; boxes are looked
    up by height, so a page of a hundred tables stays linear in its lines."""
    ordered = sorted(boxes, key=lambda b: b[1])
    tops = [b[1] - 1 for b in ordered]
    reach, furthest = [], float("-inf")
    for b in ordered:
        furthest = max(furthest, b[3] + 1)
        reach.append(furthest)
    out = []
    for line in lines:
        cy = (line.top + line.bottom) / 2
        j = bisect.bisect_right(tops, cy) - 1
        while j >= 0 and reach[j] >= cy and not _inside(line, ordered[j]):
            j -= 1
        if j < 0 or reach[j] < cy:
            out.append(line)
    return out


def _inside(line: Line, box: Bbox) -> bool:
    x0, top, x1, bottom = box
    cy = (line.top + line.bottom) / 2
    return top - 1 <= cy <= bottom + 1 and line.x0 >= x0 - 2 and line.x1 <= x1 + 2


def _split(nar: Narrative) -> None:
    """Sections from numbered paragraph starts; sentences at 。！？ and paragraph ends."""
    stack: list[int] = []
    current: int | None = None
    for start, end in nar.paragraphs:
        para = nar.text[start:end]
        level = heading_level(para)
        if level is not None:
            m = next(p for lv, p in HEADINGS if lv == level).match(para)
            number = m.group(0) if m else ""
            head_end = min([i for i in (para.find("。"), para.find("："), para.find(":"))
                            if i > 0] or [len(para)])
            while stack and nar.sections[stack[-1]].level >= level:
                nar.sections[stack.pop()].end = start
            parent = stack[-1] if stack else None
            nar.sections.append(Section(number, para[:min(head_end, 60)], level, start, len(nar.text),
                                        nar.page_of(start), parent))
            current = len(nar.sections) - 1
            stack.append(current)
        s = start
        for i in range(start, end):
            if nar.text[i] in SENTENCE_END or i == end - 1:
                sentence = nar.text[s:i + 1].strip()
                if sentence:
                    nar.sentences.append(Sentence(s, i + 1, sentence, current, nar.page_of(s)))
                s = i + 1
