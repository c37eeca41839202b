"""Issue 17's hostile files, each made on the fly (tests/hostile.py): damaged PDFs (fuzz), dense
pages and their guards, decompression bombs, links, pipes and devices in a batch, and exports
into a read-only folder. Select them with `pytest -k "fuzz or hostile or readonly"`.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.analysis import analyse
from core.errors import CorruptPdf, DisclosureError, ExportError, TimedOut, TooLarge
from tests.conftest import ROOT
from tests.hostile import MAKERS, bomb_pdf, first_pages, grid_pdf, mutants, page_tree_cycle

GOOD = "hangzhou-service-center-2024-unit-budget"


def _run(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT, env=os.environ)


@pytest.fixture(scope="module")
def small(seeds: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's first three pages (a title page, tables, text): quick to damage many times."""
    return first_pages(seeds[GOOD].pdf, tmp_path_factory.mktemp("small") / "small.pdf", 3)


# 3. damaged PDFs -------------------------------------------------------------------------
def test_fuzz_damaged_pdfs_give_a_typed_error_or_their_readable_pages(small: Path,
                                                                      tmp_path: Path) -> None:
    outcomes: Counter[str] = Counter()
    for name, damaged in mutants(small.read_bytes(), 36, seed=17):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(damaged)
        try:
            report = analyse(path)
        except DisclosureError as exc:  # anything else is a traceback for the reviewer
            assert "\n" not in str(exc) and path.name in str(exc), (name, str(exc))
            outcomes[exc.code] += 1
            continue
        outcomes["read"] += 1
        assert report.document.pages and any(p.has_text for p in report.document.pages)
        for number, why in report.document.unreadable.items():
            assert why in report.document.warnings and not report.document.page(number).chars
    assert set(outcomes) <= {"read", "corrupt", "no-text"}, outcomes
    assert outcomes["read"] >= 12 and outcomes["corrupt"] >= 1, outcomes


def test_fuzz_page_tree_cycle_reads_the_other_pages(small: Path, tmp_path: Path) -> None:
    import random

    looped = tmp_path / "cycle.pdf"
    looped.write_bytes(page_tree_cycle(small.read_bytes(), random.Random(2)))
    report = analyse(looped)  # pdfium cannot load the page that names the tree itself
    assert report.document.unreadable and len(report.document.unreadable) < 3
    assert any("无法读取" in w for w in report.document.warnings)
    readable = [p for p in report.document.pages if p.number not in report.document.unreadable]
    assert readable and all(p.chars for p in readable), "the readable pages are analysed"
    assert report.narrative.text


def test_fuzz_damaged_files_are_one_line_each_on_the_command_line(small: Path,
                                                                   tmp_path: Path) -> None:
    data = small.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[:400] + bytes(range(256)) * 8 + b"\n%%EOF\n")
    looped = tmp_path / "looped.pdf"
    looped.write_bytes(MAKERS["cycle"](data, __import__("random").Random(2)))
    result = _run("check", str(broken), str(looped), str(small), "--json", str(tmp_path / "o.json"))
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "broken.pdf" in lines[0], result.stderr
    docs = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["documents"]
    assert docs[0]["error_code"] == "corrupt"
    assert any("无法读取" in w for w in docs[1]["warnings"]) and "error" not in docs[2]
    assert result.returncode == 2


# 4. dense pages: near-linear, and a time and size guard ------------------------------------
def test_hostile_dense_page_stops_at_the_time_limit(tmp_path: Path) -> None:
    dense = grid_pdf(tmp_path / "dense.pdf", 8000)
    with pytest.raises(TimedOut) as caught:
        analyse(dense, time_limit=0.01)
    assert "秒" in str(caught.value) and "dense.pdf" in str(caught.value)


def test_hostile_page_over_the_character_limit_is_left_out(monkeypatch: pytest.MonkeyPatch,
                                                          small: Path, tmp_path: Path) -> None:
    from core import pdftext

    monkeypatch.setattr(pdftext, "MAX_PAGE_CHARS", 1000)
    copy = tmp_path / "small.pdf"
    shutil.copy(small, copy)
    report = analyse(copy)
    over = {n for n, why in report.document.unreadable.items() if "上限" in why}
    assert over and len(over) < 3, report.document.unreadable
    with pytest.raises(TooLarge):
        analyse(grid_pdf(tmp_path / "dense.pdf", 4000))


def test_hostile_batch_worker_held_past_its_limit_is_replaced(small: Path, tmp_path: Path) -> None:
    from core.batch import check_one, run_batch

    slow = grid_pdf(tmp_path / "slow.pdf", 40_000)  # seconds of work with no limit of its own
    quick = shutil.copy(small, tmp_path / "quick.pdf")
    rows = run_batch([slow, Path(quick)], jobs=2, hard_limit=1.0, time_limit=None)
    assert rows[0].error_code == "timeout" and "已停止" in rows[0].error
    assert not rows[1].error and rows[1].pages == 3  # the other worker went on
    assert check_one(str(slow), time_limit=0.01).error_code == "timeout"  # the analysis' own


# 5. decompression bombs ------------------------------------------------------------------
BOMB_CHILD = """
import json, re, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from core.analysis import analyse
report = analyse(Path(sys.argv[1]))
status = Path("/proc/self/status").read_text()  # VmHWM: this process' own peak, unlike
peak = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024  # ru_maxrss after a fork
print(json.dumps({"unreadable": report.document.unreadable,
                  "text": "".join(c.text for c in report.document.page(2).chars),
                  "peak_mb": peak}))
"""


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="peak memory from /proc")
def test_hostile_decompression_bomb_page_is_left_out(tmp_path: Path) -> None:
    bomb = bomb_pdf(tmp_path / "bomb.pdf", inflated=512 << 20, pages=2, bomb_page=1)
    assert bomb.stat().st_size < 2 << 20  # half a gigabyte in a file of about half a megabyte
    done = subprocess.run([sys.executable, "-c", BOMB_CHILD, str(bomb), str(ROOT)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert list(found["unreadable"]) == ["1"] and "解压炸弹" in found["unreadable"]["1"]
    assert "ordinary report" in found["text"]  # the other page is read
    assert found["peak_mb"] < 400, found  # pdfium alone took over 1 GB on this page


def test_hostile_bombs_past_the_document_limit_are_refused(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    from core import pdfguard

    monkeypatch.setattr(pdfguard, "MAX_PAGE_CONTENT", 2 << 20)
    monkeypatch.setattr(pdfguard, "MAX_DOC_CONTENT", 8 << 20)
    many = bomb_pdf(tmp_path / "many.pdf", inflated=3 << 20, pages=6, bomb_page={1, 2, 3, 4, 5})
    with pytest.raises(TooLarge) as caught:
        analyse(many)
    assert "解压" in str(caught.value) and "many.pdf" in str(caught.value)


# 8. every file of a batch folder gets its row, none blocks --------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_hostile_batch_rows_for_links_pipes_devices_hidden_and_cut_files(small: Path,
                                                                         tmp_path: Path) -> None:
    folder = tmp_path / "区县"
    folder.mkdir()
    shutil.copy(small, folder / "正常.pdf")
    shutil.copy(small, folder / ".隐藏.pdf")
    data = small.read_bytes()
    (folder / "无结尾.pdf").write_bytes(data[:data.rfind(b"%%EOF")])
    (folder / "断链.pdf").symlink_to(tmp_path / "nowhere.pdf")
    os.mkfifo(folder / "管道.pdf")
    (folder / "零.pdf").symlink_to("/dev/zero")
    summary = tmp_path / "汇总.xlsx"
    done = _run("check", str(folder), "--jobs", "2", "--summary", str(summary), timeout=300)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    sheet = openpyxl.load_workbook(summary)["汇总"]
    header, *body = list(sheet.iter_rows(values_only=True))
    rows = {Path(r[header.index("文件")]).name: r[header.index("检查结果")] for r in body}
    assert set(rows) == {"正常.pdf", ".隐藏.pdf", "无结尾.pdf", "断链.pdf", "管道.pdf", "零.pdf"}
    assert rows["正常.pdf"] == rows[".隐藏.pdf"] == "已检查"
    assert rows["无结尾.pdf"].startswith("已检查") and "%%EOF" in rows["无结尾.pdf"]
    assert "符号链接指向的文件不存在" in rows["断链.pdf"]
    assert "命名管道" in rows["管道.pdf"] and "设备文件" in rows["零.pdf"]
    alone = _run("check", str(folder / "管道.pdf"), timeout=60)  # never opened, so never waits
    assert alone.returncode == 2 and "命名管道" in alone.stderr


# 1. a read-only export folder -------------------------------------------------------------
def _readonly(folder: Path, argv: list[str]) -> subprocess.CompletedProcess[str] | None:
    """Run argv with folder read-only: by permissions for a normal user; for root (whom
    permissions do not stop), as a read-only bind mount in a private mount namespace."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(argv, capture_output=True, text=True, timeout=240, cwd=ROOT)
        finally:
            folder.chmod(0o755)
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    done = subprocess.run([unshare, "-m", "sh", "-c", script, "sh", str(folder), *argv],
                          capture_output=True, text=True, timeout=240, cwd=ROOT)
    if "mount" in done.stderr and ("permission" in done.stderr.lower()
                                   or "not permitted" in done.stderr):
        return None  # a container without mount rights
    return done


def test_readonly_export_folder_one_line_per_export_and_the_others_written(small: Path,
                                                                          tmp_path: Path) -> None:
    locked, free = tmp_path / "只读", tmp_path / "可写"
    locked.mkdir()
    free.mkdir()
    argv = [sys.executable, str(ROOT / "main.py"), "check", str(small),
            "--export", str(locked / "r.xlsx"), "--export", str(locked / "r.docx"),
            "--export", str(free / "r.csv"), "--export", str(free / "r.pdf"),
            "--json", str(locked / "r.json")]
    done = _readonly(locked, argv)
    if done is None:
        pytest.skip("no way to make a read-only folder here")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    failed = [ln for ln in done.stderr.splitlines() if "只读" in ln]
    assert len(failed) == 3 and all(str(locked) in ln for ln in failed), done.stderr
    assert (free / "r.csv").is_file() and (free / "r.pdf").is_file()
    assert not list(locked.iterdir())


def test_readonly_disk_refusing_the_cleanup_too_is_one_export_error(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import errno

    from core.export.common import write_atomically

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    def produce(tmp: Path) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(tmp))

    monkeypatch.setattr(Path, "unlink", refuse)  # what the read-only mount did a second time
    with pytest.raises(ExportError) as caught:
        write_atomically(tmp_path / "r.xlsx", False, produce)
    assert "只读" in str(caught.value) and caught.value.__suppress_context__  # one error, one line


def test_hostile_unreadable_everywhere_is_corrupt(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(CorruptPdf):
        analyse(junk)
