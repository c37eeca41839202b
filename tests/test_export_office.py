"""The workbook and the working paper open in an office suite: LibreOffice converts both to PDF
without error, and the converted pages carry the Chinese text (so the fonts resolved)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from core.export import write_export
from tests.test_export_common import CAIDIAN, reviewed

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages)
    finally:
        pdf.close()


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_libreoffice_converts_the_export_to_pdf(analysed: dict[str, Any], tmp_path: Path,
                                                suffix: str) -> None:
    report = analysed[CAIDIAN]
    source = write_export(report, reviewed(report), tmp_path / f"review{suffix}", reviewer="张三")
    converted = tmp_path / "pdf"
    profile = (tmp_path / "profile").as_uri()  # its own profile: runs beside an open LibreOffice
    result = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(converted), str(source)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    out = converted / "review.pdf"
    assert out.is_file(), result.stdout + result.stderr
    text = _pdf_text(out)
    assert report.document.sha256 in "".join(text.split())
    assert report.findings[0].rule in text
    assert ("审核工作底稿" if suffix == ".docx" else "印刷值") in text
    assert "第 1 页 共" in text  # page numbers, in the Word footer and the Excel list's
