"""Group a page's characters into text lines.

Lines are built by vertical overlap, not by equal baselines: some producers (ONLYOFFICE) set the
digits of a sentence about 5 pt lower than its Chinese text, and pdfplumber's default extraction
then moves every number out of its sentence. A character joins the line its box overlaps most,
judged against the line's own band, so an offset number stays where it is read.
"""
from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass, field

from core.model import Char, Line

MIN_OVERLAP = 0.45  # share of the smaller height two boxes must overlap to be on one line
GAP_SPACE = 0.45  # a horizontal gap wider than this many character heights reads as a space
GAP_SPLIT = 3.0  # a gap wider than this many heights starts a separate line (two-ended lines)
DUP_TOLERANCE = 0.8  # "fake bold": the same glyph printed twice within this distance


@dataclass
class _Band:
    top: float
    bottom: float
    chars: list[Char] = field(default_factory=list)

    def overlap(self, c: Char) -> float:
        inter = min(self.bottom, c.bottom) - max(self.top, c.top)
        return inter / max(1e-6, min(self.bottom - self.top, c.height))


def _dedupe(chars: list[Char]) -> list[Char]:
    seen: dict[tuple[str, int, int], Char] = {}
    out = []
    for c in chars:
        key = (c.text, round(c.x0 / DUP_TOLERANCE), round(c.top / DUP_TOLERANCE))
        if key in seen:
            continue
        seen[key] = c
        out.append(c)
    return out


def _bands(chars: list[Char]) -> list[_Band]:
    bands: list[_Band] = []
    # (the hot loop of every page and every table cell: properties and calls inlined)
    for c in sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        top, bottom = c.top, c.bottom
        best, best_overlap = None, MIN_OVERLAP
        for k in range(len(bands) - 1, max(-1, len(bands) - 7), -1):  # only recent bands
            band = bands[k]
            if band.bottom < top:
                continue
            inter = min(band.bottom, bottom) - max(band.top, top)
            o = inter / max(1e-6, min(band.bottom - band.top, bottom - top))
            if o >= best_overlap:
                best, best_overlap = band, o
        if best is None:
            best = _Band(top, bottom)
            bands.append(best)
        best.chars.append(c)
    return bands


def _segments(page: int, chars: list[Char]) -> list[Line]:
    """Split a band's characters, left to right, at wide gaps; text spaces mark narrower ones."""
    chars = sorted(chars, key=lambda c: c.x0)
    heights = sorted(c.bottom - c.top for c in chars)
    size = heights[len(heights) // 2]
    split = GAP_SPLIT * size
    lines: list[Line] = []
    current: list[Char] = []
    for c in chars:
        if current:
            reach = current[-1].x1  # the right end of the last three characters
            if len(current) > 1:
                reach = max(reach, current[-2].x1, current[-3].x1 if len(current) > 2 else reach)
            if c.x0 - reach > split:
                lines.append(_make_line(page, current, size))
                current = []
        current.append(c)
    if current:
        lines.append(_make_line(page, current, size))
    return lines


def _make_line(page: int, chars: list[Char], size: float) -> Line:
    text: list[str] = []
    index: list[int] = []
    for i, c in enumerate(chars):
        if i and c.x0 - chars[i - 1].x1 > GAP_SPACE * size:
            text.append(" ")
            index.append(-1)
        text.append(c.text)
        index.append(i)
    return Line(page, chars, "".join(text), index)


def build_lines(page: int, chars: list[Char]) -> list[Line]:
    """The page's lines in reading order (top to bottom, then left to right)."""
    printed = _dedupe([c for c in chars if not c.text.isspace()])
    lines: list[Line] = []
    for band in _bands(printed):
        lines.extend(_segments(page, band.chars))
    lines.sort(key=lambda ln: (round(ln.top), ln.x0))
    return lines


class LineIndex:
    """A page's lines by where they start vertically, for the many "which lines lie between
    this height and that" questions table finding asks, once per title: asked by scanning, a
    page with a hundred titles in ten thousand lines took seconds (issue 17)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.tops = [ln.top for ln in lines]
        self.bottoms = [ln.bottom for ln in lines]
        self._order = sorted(range(len(lines)), key=self.tops.__getitem__)
        self._sorted = [self.tops[i] for i in self._order]

    def starting(self, low: float, high: float) -> list[int]:
        """Positions (in reading order) of the lines whose top is within [low, high]."""
        lo = bisect.bisect_left(self._sorted, low)
        return sorted(self._order[lo:bisect.bisect_right(self._sorted, high)])

    def within(self, top: float, bottom: float) -> list[Line]:
        """The lines inside [top - 1, bottom + 1], in reading order."""
        return [self.lines[i] for i in self.starting(top - 1, bottom + 1)
                if self.bottoms[i] <= bottom + 1]


_INDEXES: OrderedDict[int, tuple[list[Line], LineIndex]] = OrderedDict()


def line_index(lines: list[Line]) -> LineIndex:
    """The index of a page's lines, kept for the last few pages asked about."""
    key = id(lines)
    found = _INDEXES.get(key)
    if found is not None and found[0] is lines and len(found[1].lines) == len(lines):
        _INDEXES.move_to_end(key)
        return found[1]
    index = LineIndex(lines)
    _INDEXES[key] = (lines, index)
    while len(_INDEXES) > 16:
        _INDEXES.popitem(last=False)
    return index
