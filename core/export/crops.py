"""Pictures of the page regions a finding concerns, for the Word working paper.

A reviewer filing a working paper must show where each error came from; a cropped picture of the
page with the places framed in red does that without the PDF at hand. Rendered with pypdfium2
(which draws the page as displayed: /Rotate applied, crop box only), so the boxes of the analysis,
which are in the same display coordinates, land on the printed words.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from types import TracebackType

import pypdfium2 as pdfium
from PIL import ImageDraw

from core.model import Bbox, union

SCALE = 3.0  # 216 dpi: sharp when a narrow region is printed 15 cm wide
PAD_X, PAD_Y = 12.0, 22.0  # points of context around the places
MAX_WIDTH = 620.0  # wider regions would print too small in a 15.5 cm picture
FRAME = (220, 30, 30)


@dataclass(frozen=True)
class Crop:
    page: int
    png: bytes
    width: int  # pixels
    height: int


def region(boxes: list[Bbox], page_width: float, page_height: float,
           lines: list[Bbox] | tuple[Bbox, ...] = ()) -> Bbox:
    """The page area to show around the boxes.

    Across: the whole width of the page's text, so sentences and table rows are not cut and a
    cell is seen with its row's name; on a page wider than MAX_WIDTH (a landscape table), a
    MAX_WIDTH window from the left edge when the boxes fit in it, else centred on them.
    Down: the boxes with some context, never cutting through a line of text.
    """
    bx0, top, bx1, bottom = union(boxes)
    x0, _, x1, _ = union([*lines, (bx0, top, bx1, bottom)]) if lines else (0.0, 0, page_width, 0)
    x0, x1 = x0 - PAD_X, x1 + PAD_X
    if x1 - x0 > MAX_WIDTH:
        if bx1 + PAD_X - x0 > MAX_WIDTH:
            x0 = min(max(x0, (bx0 + bx1 - MAX_WIDTH) / 2), x1 - MAX_WIDTH)
        x1 = x0 + MAX_WIDTH
    top, bottom = top - PAD_Y, bottom + PAD_Y
    for ln in sorted(lines, key=lambda b: b[1]):  # a line on the edge: in whole, or out whole
        if ln[1] < top < ln[3] and ln[2] > x0 and ln[0] < x1:
            top = ln[1] - 2 if ln[3] - top >= top - ln[1] else ln[3] + 1
    for ln in sorted(lines, key=lambda b: -b[3]):
        if ln[1] < bottom < ln[3] and ln[2] > x0 and ln[0] < x1:
            bottom = ln[3] + 2 if bottom - ln[1] >= ln[3] - bottom else ln[1] - 1
    return (max(0.0, x0), max(0.0, top), min(page_width, x1), min(page_height, bottom))


class PageCropper:
    """Opens the PDF once for all the pictures of one export."""

    def __init__(self, pdf_bytes: bytes) -> None:
        self._pdf = pdfium.PdfDocument(pdf_bytes)

    def __enter__(self) -> "PageCropper":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._pdf.close()

    def crop(self, page_number: int, boxes: list[Bbox], lines: list[Bbox] | None = None) -> Crop:
        """The region around boxes on the page, each box framed in red, as a PNG; lines are the
        page's text lines, so the picture shows whole lines."""
        page = self._pdf[page_number - 1]
        try:
            width, height = page.get_size()
            x0, top, x1, bottom = region(boxes, width, height, lines or ())
            image = page.render(scale=SCALE, may_draw_forms=False).to_pil().convert("RGB")
        finally:
            page.close()
        draw = ImageDraw.Draw(image)
        line = max(2, round(SCALE))
        for b in boxes:
            draw.rectangle([b[0] * SCALE - line, b[1] * SCALE - line,
                            b[2] * SCALE + line, b[3] * SCALE + line], outline=FRAME, width=line)
        image = image.crop((round(x0 * SCALE), round(top * SCALE),
                            round(x1 * SCALE), round(bottom * SCALE)))
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return Crop(page_number, out.getvalue(), image.width, image.height)
