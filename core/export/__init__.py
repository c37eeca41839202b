"""Exports of a review: Excel, Word, annotated PDF, CSV and JSON (the format from the extension).

`write_export` is the one call the GUI's File→Export and the command line make; every format is
written to a temporary name and renamed, and an existing file is kept unless force is given.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from core.errors import ExportFormatUnknown
from core.export.common import ExportData, collect, write_atomically
from core.review.model import ReviewSnapshot

if TYPE_CHECKING:
    from core.analysis import Report

FORMATS: dict[str, str] = {
    ".xlsx": "Excel 工作簿（审核发现、批注、文档信息）",
    ".docx": "Word 审核工作底稿",
    ".pdf": "带批注的 PDF（原文件加审核批注）",
    ".csv": "CSV 表格（UTF-8）",
    ".json": "JSON 数据",
}


def _writer(suffix: str) -> Callable[[ExportData, Path], None]:
    """The format's writer, imported only when used (python-docx and pypdf load slowly)."""
    if suffix == ".xlsx":
        from core.export.xlsx import write_xlsx

        return write_xlsx
    if suffix == ".docx":
        from core.export.docx import write_docx

        return write_docx
    if suffix == ".pdf":
        from core.export.pdf import write_pdf

        return write_pdf
    if suffix == ".csv":
        from core.export.csv_json import write_csv

        return write_csv
    from core.export.csv_json import write_json

    return write_json


def write_export(report: "Report", snapshot: ReviewSnapshot | None, out: Path, *,
                 force: bool = False, include_dismissed: bool = True, reviewer: str = "") -> Path:
    """Write the report with its review to out, in the format its extension names.

    Raises ExportFormatUnknown for an extension not in FORMATS, ExportExists when out exists and
    force is False, ExportError when the file cannot be written or the source PDF has changed.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        known = "、".join(FORMATS)
        raise ExportFormatUnknown(f"无法识别导出格式“{out.suffix or out.name}”：请使用 {known} 之一")
    writer = _writer(suffix)
    data = collect(report, snapshot, include_dismissed=include_dismissed, reviewer=reviewer)
    return write_atomically(out, force, lambda tmp: writer(data, tmp))
