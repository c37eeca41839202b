"""The annotated PDF read back with pypdf, pdfium and poppler: the original untouched, one standard
annotation per finding per page and per located note, with the review in its popup text, and the
boxes on the printed words, also on rotated and cropped pages."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import ImageStat
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from core.analysis import analyse
from core.checks.model import Finding, Location
from core.export import write_export
from core.export.pdf import pdf_date, quad, to_pdf_box
from core.pdftext import display_box
from tests.test_export_common import CAIDIAN, reviewed

MARKUP = ("/Highlight", "/Square")


def _annotations(path: Path) -> list[tuple[int, Any]]:
    out = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot["/Subtype"] in MARKUP:
                out.append((number, annot))
    return out


def test_one_annotation_per_finding_page_and_located_note(analysed: dict[str, Any],
                                                         tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    review = reviewed(report)
    out = write_export(report, review, tmp_path / "r.pdf", reviewer="张三")
    expected = sum(len({loc.page for loc in f.locations if loc.bbox}) for f in report.findings)
    located_notes = [n for n in review.notes if n.page and n.bbox]
    annots = _annotations(out)
    assert len(annots) == expected + len(located_notes) == 27
    assert sum(a["/Subtype"] == "/Square" for _, a in annots) == len(located_notes)
    for _, annot in annots:
        for key in ("/T", "/M", "/CreationDate", "/Contents", "/AP", "/Popup", "/NM", "/QuadPoints"
                    if annot["/Subtype"] == "/Highlight" else "/BS"):
            assert key in annot, key
        assert annot["/Popup"].get_object()["/Parent"].get_object() == annot
        assert annot["/M"].startswith("D:20")


def test_popup_text_gives_rule_message_status_and_notes(analysed: dict[str, Any],
                                                        tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    out = write_export(report, reviewed(report), tmp_path / "r.pdf")
    by_name = {str(a["/NM"]): a for _, a in _annotations(out)}
    first = report.findings[0]
    text = by_name[f"finding-{first.fingerprint}-p{first.pages[0]}"]["/Contents"]
    assert f"[{first.rule}]" in text and first.message in text
    assert "状态：已确认" in text and "=1+1 请与单位核实" in text
    assert by_name[f"finding-{first.fingerprint}-p{first.pages[0]}"]["/T"] == "张三"
    dismissed = report.findings[1]
    text = by_name[f"finding-{dismissed.fingerprint}-p{dismissed.pages[0]}"]["/Contents"]
    assert "已排除" in text and "@SUM 口径不同" in text
    assert "请附明细" in by_name["note-n4"]["/Contents"] and by_name["note-n4"]["/T"] == "李四"


def test_original_bytes_and_page_contents_unchanged(analysed: dict[str, Any], seeds: dict[str, Any],
                                                   tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    out = write_export(report, reviewed(report), tmp_path / "r.pdf")
    original = seeds[CAIDIAN].pdf.read_bytes()
    assert out.read_bytes().startswith(original)  # an incremental update: nothing rewritten
    before, after = PdfReader(seeds[CAIDIAN].pdf), PdfReader(out)
    assert len(before.pages) == len(after.pages)
    for a, b in zip(before.pages, after.pages):
        before_bytes, after_bytes = a.get_contents(), b.get_contents()
        assert before_bytes is not None and after_bytes is not None
        assert before_bytes.get_data() == after_bytes.get_data()


def test_dismissed_left_out_on_request(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    out = write_export(report, reviewed(report), tmp_path / "r.pdf", include_dismissed=False)
    names = {str(a["/NM"]) for _, a in _annotations(out)}
    assert not any(report.findings[1].fingerprint in n for n in names)
    assert len(names) == 27 - len(report.findings[1].pages)


def test_rectangles_are_the_finding_boxes_in_pdf_space(analysed: dict[str, Any],
                                                      tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    out = write_export(report, None, tmp_path / "r.pdf")
    reader = PdfReader(out)
    for number, annot in _annotations(out):
        fingerprint = str(annot["/NM"]).split("-")[1]
        finding = next(f for f in report.findings if f.fingerprint == fingerprint)
        boxes = [loc.bbox for f in (finding, *finding.members)  # a group is boxed as one
                 for loc in f.locations if loc.page == number and loc.bbox]
        page = reader.pages[number - 1]
        shown = display_box(tuple(float(v) for v in annot["/Rect"]), page.rotation % 360,
                            tuple(float(v) for v in page.cropbox))
        union = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                 max(b[2] for b in boxes), max(b[3] for b in boxes))
        assert shown == pytest.approx(union, abs=0.01)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_display_boxes_map_back_to_pdf_space(rotation: int) -> None:
    crop = (12.0, 30.0, 600.0, 830.0)
    box = (100.0, 200.0, 180.0, 215.0)
    assert display_box(to_pdf_box(box, rotation, crop), rotation, crop) == pytest.approx(box)
    points = quad(box, rotation, crop)
    xs, ys = points[0::2], points[1::2]
    assert (min(xs), min(ys), max(xs), max(ys)) == pytest.approx(to_pdf_box(box, rotation, crop))


def _blue(path: Path, page: int, box: tuple[float, float, float, float]) -> float:
    """Mean blue of the box as pdfium (Chrome's renderer) draws the page, annotations included."""
    pdf = pdfium.PdfDocument(path)
    try:
        image = pdf[page - 1].render(scale=2).to_pil().convert("RGB")
    finally:
        pdf.close()
    return float(ImageStat.Stat(image.crop(tuple(round(v * 2) for v in box))).mean[2])


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_highlights_land_on_the_words_of_rotated_cropped_pages(seeds: dict[str, Any],
                                                               tmp_path: Path,
                                                               rotation: int) -> None:
    writer = PdfWriter(clone_from=seeds[CAIDIAN].pdf)
    page = writer.pages[11]
    page.rotate(rotation)
    mb = page.mediabox
    page.cropbox = RectangleObject((float(mb.left) + 15, float(mb.bottom) + 25,
                                    float(mb.right) - 5, float(mb.top) - 10))
    source = tmp_path / "rotated.pdf"
    writer.write(source)
    report = analyse(source, checks=False)
    line = next(ln for ln in report.document.page(12).lines if len(ln.text) > 12)
    report.findings = [Finding("TEST-01", "error", "测试", "test", "line",
                               [Location(12, line.box)], title="测试")]
    out = write_export(report, None, tmp_path / "annotated.pdf")
    assert _blue(out, 12, line.box) < _blue(source, 12, line.box) - 60


def test_dates_are_pdf_dates() -> None:
    assert pdf_date("2025-03-01T10:20:05+08:00") == "D:20250301102005+08'00'"
    assert pdf_date("2025-03-01T10:20:05-05:30") == "D:20250301102005-05'30'"
    assert pdf_date("2025-03-01T10:20:05") == "D:20250301102005"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_poppler_reads_it_without_complaint(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    out = write_export(report, reviewed(report), tmp_path / "r.pdf")
    result = subprocess.run(["pdftoppm", "-r", "20", "-f", "12", "-l", "13", "-png", str(out),
                             str(tmp_path / "p")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == ""
