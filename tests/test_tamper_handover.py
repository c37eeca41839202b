"""Issue 17's attacks on the review: a knowing editor rewriting a signed review (tamper), forged
or malformed handover files (handover), control characters where text enters and leaves
(hostile). Each attack is made on the fly with tests/hostile.py.rewrite_review, which does what
an editor who knows the format does: change events, replay them into the state tables,
recompute every hash and the recorded head.
"""
from __future__ import annotations

import io
import json
import sqlite3
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any, Callable

import pytest

from core.cli import main
from core.review import locate
from core.review.errors import ReviewDamaged, ReviewForged, ReviewInvalid
from core.review.keys import KeyRing
from core.review.store import ReviewStore
from tests.hostile import first_pages, rewrite_review

FP1, FP2 = "aaaa000011112222", "bbbb000011112222"


@pytest.fixture(scope="module")
def pdf(seeds: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return first_pages(seeds["hangzhou-service-center-2024-unit-budget"].pdf,
                       tmp_path_factory.mktemp("doc") / "三页.pdf", 3)


def _reviewed(data_dir: Path, pdf: Path) -> Path:
    """张三's signed review: a dismissal, a confirmation and a note; returns its file."""
    with ReviewStore(data_dir).open(locate.file_sha256(pdf), str(pdf)) as review:
        review.decide(FP1, "dismissed", "张三", "口径不同")
        review.decide(FP2, "confirmed", "张三")
        review.add_note("region", "此处数字模糊", "张三", page=2, bbox=(10.0, 10.0, 90.0, 40.0))
        return review.path


def _verify(pdf: Path, data_dir: Path, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["verify-review", str(pdf), "--data-dir", str(data_dir), *extra])
    return code, out.getvalue()


def _head(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()[0])


def test_tamper_free_review_verifies_and_says_it_is_signed(pdf: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "zhang"
    path = _reviewed(data_dir, pdf)
    code, text = _verify(pdf, data_dir, "--head", _head(path)[:16])
    assert code == 0, text
    assert "保证 / guarantee: 签名" in text and "即当前链头" in text


def _flip(rows: list[dict]) -> list[dict]:
    rows[0]["data"].update(status="confirmed", reason="")  # dismissed becomes confirmed
    return rows


def _rename(rows: list[dict]) -> list[dict]:
    rows[1]["reviewer"] = "王五"
    return rows


def _strip(rows: list[dict]) -> list[dict]:
    for r in rows:
        r["key"] = r["sig"] = ""
    return _flip(rows)


TAMPERING: dict[str, tuple[Callable[[list[dict]], list[dict]], bool, str, str]] = {
    # name: (change, re-sign with the editor's own key, event named, what is said)
    "dismissed-made-confirmed": (_flip, False, "第 1 号事件", "签名无效"),
    "reviewer-renamed": (_rename, False, "第 2 号事件", "签名无效"),
    "re-signed-by-the-editor": (_flip, True, "第 1 号事件", "公钥不符"),
    "signatures-stripped": (_strip, False, "第 1 号事件", "没有签名"),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_tamper_rewrite_with_recomputed_hashes_fails_verify_naming_the_event(
        case: str, pdf: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "zhang"
    path = _reviewed(data_dir, pdf)
    change, resign, event, said = TAMPERING[case]
    editor = KeyRing(tmp_path / "editor")
    rewrite_review(path, change, resign=editor.sign if resign else None)
    with sqlite3.connect(path) as conn:  # the chain itself is consistent again
        from core.review.events import verify
        assert verify(conn, locate.file_sha256(pdf)).ok
    code, text = _verify(pdf, data_dir)
    assert code == 1, text
    assert event in text and said in text and "校验失败" in text


def test_tamper_events_cut_off_the_end_fail_against_the_filed_head(pdf: Path,
                                                                   tmp_path: Path) -> None:
    data_dir = tmp_path / "zhang"
    path = _reviewed(data_dir, pdf)
    filed = _head(path)  # what every export printed
    rewrite_review(path, lambda rows: rows[:-1])
    code, text = _verify(pdf, data_dir)
    assert code == 0 and "删去末尾的事件须与归档文件上印的链头核对" in text  # says what it cannot see
    code, text = _verify(pdf, data_dir, "--head", filed)
    assert code == 1 and "不在此审核记录中" in text, text


def test_tamper_chain_head_is_printed_in_every_export(analysed: dict[str, Any], seeds: Any,
                                                     tmp_path: Path) -> None:
    import openpyxl
    from docx import Document as Word
    from pypdf import PdfReader

    from core.export import write_export
    from core.review.store import load_snapshot

    report = analysed["caidian-union-2023-final-accounts"]
    with ReviewStore().open(report.document.sha256, report.document.path) as review:
        review.decide(report.findings[0].fingerprint, "confirmed", "张三")
    snapshot = load_snapshot(report.document.sha256, pdf_path=report.document.path)
    assert snapshot is not None and len(snapshot.head) == 64
    xlsx, docx, pdf = (write_export(report, snapshot, tmp_path / f"r.{x}")
                       for x in ("xlsx", "docx", "pdf"))
    book = openpyxl.load_workbook(xlsx)
    assert snapshot.head[:16] in book["审核发现"].oddFooter.right.text
    info = {r[0].value: r[1].value for r in book["文档信息"].iter_rows(min_row=2)}
    assert info["审核记录链头"] == snapshot.head
    assert snapshot.head in "\n".join(p.text for t in Word(docx).tables for r in t.rows
                                      for p in r.cells[-1].paragraphs)
    notes = [a.get_object().get("/Contents", "") for a in PdfReader(pdf).pages[0]["/Annots"]]
    assert any(snapshot.head in str(n) for n in notes)


# handovers ---------------------------------------------------------------------------------
def _handover(pdf: Path, tmp_path: Path) -> tuple[Path, Path]:
    """张三's review exported to a `.review` file; returns it and 张三's data folder."""
    zhang = tmp_path / "zhang"
    _reviewed(zhang, pdf)
    with ReviewStore(zhang).open(locate.file_sha256(pdf), str(pdf)) as review:
        return review.export_to(tmp_path / "张三.review"), zhang


def test_handover_records_the_colleague_key_then_refuses_another(pdf: Path,
                                                                  tmp_path: Path) -> None:
    shared, _ = _handover(pdf, tmp_path)
    li = ReviewStore(tmp_path / "li")
    result = li.import_review(shared, "李四", str(pdf))
    assert result.events == 3 and result.new_keys == ["张三"]
    pins = li.keys.pins()
    assert pins["张三"].source == "张三.review"
    code, text = _verify(pdf, tmp_path / "li")
    assert code == 0 and "签名" in text, text
    # a second handover signed under 张三's name with someone else's key is a forgery
    forged = tmp_path / "forged.review"
    forged.write_bytes(shared.read_bytes())
    rewrite_review(forged, _flip, resign=KeyRing(tmp_path / "mallory").sign)
    with pytest.raises(ReviewForged) as caught:
        li.import_review(forged, "李四", str(pdf))
    assert "张三" in str(caught.value) and "公钥不符" in str(caught.value)


def test_handover_reattributed_to_a_forged_reviewer_is_refused(pdf: Path, tmp_path: Path) -> None:
    shared, _ = _handover(pdf, tmp_path)

    def reattribute(rows: list[dict]) -> list[dict]:
        for r in rows:
            r["reviewer"] = "赵六"
        return rows

    rewrite_review(shared, reattribute)  # hashes recomputed, 张三's signatures kept
    with pytest.raises(ReviewForged) as caught:
        ReviewStore(tmp_path / "li").import_review(shared, "李四", str(pdf))
    assert "第 1 号事件" in str(caught.value) and "签名无效" in str(caught.value)


def _note_page(page: int) -> Callable[[list[dict]], list[dict]]:
    def change(rows: list[dict]) -> list[dict]:
        rows[2]["data"]["note"]["page"] = page
        return rows
    return change


def _note_body(body: str) -> Callable[[list[dict]], list[dict]]:
    def change(rows: list[dict]) -> list[dict]:
        rows[2]["data"]["note"]["body"] = body
        return rows
    return change


def _unknown_kind(rows: list[dict]) -> list[dict]:
    rows.append({**rows[0], "id": "f" * 32, "action": "erase_everything", "data": {"all": True}})
    return rows


MALFORMED: dict[str, tuple[Callable[[list[dict]], list[dict]], str]] = {
    "page-minus-3": (_note_page(-3), "页码无效"),
    "page-99999": (_note_page(99999), "页码无效"),
    "control-characters": (_note_body("请核实\x1b[2J\x07"), "控制字符"),
    "fifty-thousand-characters": (_note_body("长" * 50_000), "过长"),
    "unknown-kind": (_unknown_kind, "erase_everything"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_handover_with_malformed_events_is_refused(case: str, pdf: Path, tmp_path: Path) -> None:
    shared, zhang = _handover(pdf, tmp_path)
    change, said = MALFORMED[case]
    # signed by 张三's own key: a colleague's broken or hostile program, not a forger
    rewrite_review(shared, change, resign=KeyRing(locate.keys_dir(zhang)).sign)
    li = ReviewStore(tmp_path / "li")
    with pytest.raises((ReviewInvalid, ReviewDamaged)) as caught:
        li.import_review(shared, "李四", str(pdf), pages=3)
    assert said in str(caught.value) and "未合并" in str(caught.value), str(caught.value)
    assert li.find(locate.file_sha256(pdf)) is None or not li.open(
        locate.file_sha256(pdf)).events()  # nothing of it was taken


def test_handover_file_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch, pdf: Path,
                                                   tmp_path: Path) -> None:
    from core.review import handover

    shared, _ = _handover(pdf, tmp_path)
    monkeypatch.setattr(handover, "MAX_HANDOVER_BYTES", shared.stat().st_size - 1)
    with pytest.raises(ReviewInvalid) as caught:
        ReviewStore(tmp_path / "li").import_review(shared, "李四", str(pdf))
    assert "过大" in str(caught.value)


def test_handover_checks_pages_against_the_document_it_was_opened_with(pdf: Path,
                                                                       tmp_path: Path) -> None:
    shared, zhang = _handover(pdf, tmp_path)
    rewrite_review(shared, _note_page(99999), resign=KeyRing(locate.keys_dir(zhang)).sign)
    li = ReviewStore(tmp_path / "li")
    with li.open(locate.file_sha256(pdf), str(pdf)) as review:  # as the window does: no pages
        with pytest.raises(ReviewInvalid, match="页码无效"):
            review.merge_from(shared, "李四")


# control characters -----------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\u202e"])
def test_hostile_control_characters_are_refused_where_text_enters(bad: str, pdf: Path,
                                                                  tmp_path: Path) -> None:
    with ReviewStore(tmp_path / "zhang").open(locate.file_sha256(pdf), str(pdf)) as review:
        with pytest.raises(ValueError, match="控制字符"):
            review.decide(FP1, "dismissed", "张三", f"口径{bad}不同")
        with pytest.raises(ValueError, match="控制字符"):
            review.add_note("region", f"看{bad}这里", "张三", page=1, bbox=(0.0, 0.0, 9.0, 9.0))
        with pytest.raises(ValueError, match="控制字符"):
            review.decide(FP1, "confirmed", f"张{bad}三")
        note = review.add_note("region", "看这里\n第二行", "张三", page=1, bbox=(0.0, 0.0, 9.0, 9.0))
        with pytest.raises(ValueError, match="控制字符"):
            review.edit_note(note.id, f"改{bad}过", "张三")
        assert len(review.events()) == 1  # only the clean note was recorded


def test_hostile_control_characters_in_a_store_are_exported_safely(analysed: dict[str, Any],
                                                                  tmp_path: Path) -> None:
    """What a store may hold (an older version, a forged file): every export is written, with
    each control character shown as a mark, and a huge note cut to a printable length."""
    import csv

    import openpyxl
    from docx import Document as Word

    from core.export import write_export
    from core.review.model import Decision, Note, ReviewSnapshot

    report = analysed["caidian-union-2023-final-accounts"]
    f = report.findings
    snapshot = ReviewSnapshot(report.document.sha256, decisions={
        f[0].fingerprint: Decision(f[0].fingerprint, "dismissed", "理由\x00\x07\x1b[2J", "张\x1b三",
                                   "2025-03-01T10:20:00+08:00")},
        notes=[Note("n1", "finding", "批注\x07" + "长" * 200_000, "李\x00四",
                    "2025-03-01T10:20:00+08:00", fingerprint=f[0].fingerprint),
               Note("n2", "region", "区域\ufffe\ud800", "王五", "", page=1,
                    bbox=(10.0, 10.0, 60.0, 30.0))],
        reviewers=["张\x1b三", "李\x00四"])
    outs = {x: write_export(report, snapshot, tmp_path / f"r.{x}")
            for x in ("xlsx", "docx", "pdf", "csv", "json")}
    sheet = openpyxl.load_workbook(outs["xlsx"])["审核发现"]
    assert sheet["K2"].value == "理由␀␇␛[2J" and sheet["L2"].value == "张␛三"
    assert len(sheet["M2"].value) < 32_767
    assert "理由␀␇␛[2J" in "\n".join(p.text for p in Word(outs["docx"]).paragraphs)
    text = outs["csv"].read_text(encoding="utf-8-sig")
    assert "\x00" not in text and "\x1b" not in text and "␇" in text
    with outs["csv"].open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))
    assert json.loads(outs["json"].read_text(encoding="utf-8"))["findings"]
    assert outs["pdf"].stat().st_size > 0


def test_hostile_control_characters_never_reach_the_terminal(pdf: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "zhang"
    path = _reviewed(data_dir, pdf)

    def rename(rows: list[dict]) -> list[dict]:
        rows[0]["reviewer"] = "张\x1b]0;owned\x07三"
        return rows

    rewrite_review(path, rename)
    code, text = _verify(pdf, data_dir)
    assert code == 1 and "\x1b" not in text and "\x07" not in text and "␛" in text
