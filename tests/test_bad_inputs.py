"""Every kind of unreadable file gets a one-line message, an "error" entry and exit status 2,
and the other files of the same run are still analysed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


def _empty(path: Path, good: Path) -> None:
    path.write_bytes(b"")


def _not_pdf(path: Path, good: Path) -> None:
    path.write_text("这不是PDF，只是一段文字。\n", encoding="utf-8")


def _corrupt(path: Path, good: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")


def _truncated(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _encrypted(path: Path, good: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(good))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with path.open("wb") as fh:
        writer.write(fh)


def _no_text(path: Path, good: Path) -> None:
    canvas = Canvas(str(path))
    for _ in range(3):  # a "scan": only shapes, no text layer
        canvas.rect(50, 50, 400, 600, fill=1)
        canvas.showPage()
    canvas.save()


CASES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "empty": (_empty, "empty"),
    "not-pdf": (_not_pdf, "not-pdf"),
    "corrupt": (_corrupt, "corrupt"),
    "truncated": (_truncated, "corrupt"),
    "encrypted": (_encrypted, "encrypted"),
    "no-text": (_no_text, "no-text"),
}


@pytest.fixture(scope="module")
def good(seeds: Any) -> Path:
    return seeds["hangzhou-service-center-2024-unit-budget"].pdf


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_gets_message_and_status_2(case: str, tmp_path: Path, good: Path) -> None:
    make, code = CASES[case]
    bad = tmp_path / f"{case}.pdf"
    make(bad, good)
    out = tmp_path / "out.json"
    result = _run("check", str(bad), str(good), "--json", str(out))
    assert result.returncode == 2, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert bad.name in lines[0]
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert docs[0]["error_code"] == code and docs[0]["error"]
    assert docs[1]["sha256"] and docs[1]["tables"], "the good file is still analysed"


def test_missing_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = _run("check", str(tmp_path / "nowhere.pdf"), "--json", str(out))
    assert result.returncode == 2
    assert "nowhere.pdf" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["error_code"] == "missing"


def test_folder_of_pdfs_and_success_status(tmp_path: Path, good: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.pdf").write_bytes(good.read_bytes())
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    out = tmp_path / "out.json"
    result = _run("check", str(tmp_path), "--json", str(out), "--tables")
    assert result.returncode == 0, result.stderr
    docs = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert [Path(d["path"]).name for d in docs] == ["a.pdf"]
    doc = docs[0]
    assert {"path", "sha256", "pages", "kind", "scope", "year", "entity", "warnings", "tables",
            "findings"} <= set(doc)
    table = doc["tables"][0]
    assert {"id", "title", "number", "pages", "unit", "rows", "cols", "empty",
            "confidence"} <= set(table)
    cell = next(c for c in table["cells"] if c.get("value"))
    assert {"text", "value", "page", "bbox"} <= set(cell) and len(cell["bbox"]) == 4
