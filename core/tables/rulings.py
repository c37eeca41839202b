"""Ruling lines of a page, read from its vector paths with pdfium, in pdfplumber's edge format.

pdfplumber finds table cells from a page's edges, but reading them through pdfminer means
interpreting the whole page again (most of the cost of table extraction). pdfium already holds the
parsed page: its path objects give the same lines, rectangles and their edges, which are handed to
pdfplumber's table finding (core.tables.cells) unchanged.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
AXIS_TOLERANCE = 0.6  # a segment this close to horizontal or vertical counts as such
MIN_LENGTH = 1.0
MAX_RULE_THICKNESS = 2.5  # a filled shape thinner than this in one direction is a ruling line
MAX_DEPTH = 8


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying inner first, then outer."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _matrix(obj: Any) -> Matrix:
    fs = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, fs):
        return IDENTITY
    return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)


def _path_segments(obj: Any, m: Matrix) -> list[tuple[float, float, float, float]]:
    """The straight segments a path draws (curves skipped), in PDF page space."""
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return []
    if fill.value == 0 and not stroke.value:
        return []  # a clipping path draws nothing
    out = []
    x, y = ctypes.c_float(0), ctypes.c_float(0)
    current = start = None
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        point = _apply(m, x.value, y.value)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            current = start = point
        else:
            if kind == raw.FPDF_SEGMENT_LINETO and current is not None:
                out.append((*current, *point))
            current = point
        if raw.FPDFPathSegment_GetClose(seg) and current is not None and start is not None:
            out.append((*current, *start))
            current = start
    if not stroke.value and out:
        xs = [v for seg in out for v in (seg[0], seg[2])]
        ys = [v for seg in out for v in (seg[1], seg[3])]
        if min(max(xs) - min(xs), max(ys) - min(ys)) > MAX_RULE_THICKNESS:
            return []  # a filled area (cell shading, a white background), not a rule
    return out


def _walk(container: Any, count: Any, get: Any, m: Matrix, depth: int,
          out: list[tuple[float, float, float, float]]) -> None:
    for i in range(count(container)):
        obj = get(container, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            out.extend(_path_segments(obj, _compose(_matrix(obj), m)))
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH:
            _walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject,
                  _compose(_matrix(obj), m), depth + 1, out)


@dataclass
class EdgePage:
    """What pdfplumber's TableFinder needs of a page: its edges and its box."""

    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


def page_edges(page: pdfium.PdfPage, display: Any) -> list[dict[str, Any]]:
    """Horizontal and vertical edges of the page, as displayed (see core.pdftext._display)."""
    segments: list[tuple[float, float, float, float]] = []
    _walk(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, IDENTITY, 0, segments)
    edges = []
    for x0, y0, x1, y1 in segments:
        left, top, right, bottom = display((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        width, height = right - left, bottom - top
        if height <= AXIS_TOLERANCE and width >= MIN_LENGTH:
            mid = (top + bottom) / 2
            edges.append({"object_type": "line", "orientation": "h", "x0": left, "x1": right,
                          "top": mid, "bottom": mid, "doctop": mid, "width": width, "height": 0.0})
        elif width <= AXIS_TOLERANCE and height >= MIN_LENGTH:
            mid = (left + right) / 2
            edges.append({"object_type": "line", "orientation": "v", "x0": mid, "x1": mid,
                          "top": top, "bottom": bottom, "doctop": top, "width": 0.0,
                          "height": height})
    return edges
