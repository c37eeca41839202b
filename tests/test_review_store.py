"""The review store keeps every decision and note across restarts, re-analysis and moved files."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from core.review import db, locate
from core.review.errors import ReviewDamaged, ReviewMismatch, ReviewTooNew
from core.review.model import Decision, Note
from core.review.review import Review
from core.review.store import ReviewStore, load_snapshot
from tests.conftest import Seed

SEED = "caidian-union-2023-final-accounts"
SHA = "ab" * 32


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "reviews"
    monkeypatch.setenv("DRD_DATA_DIR", str(d))
    return d


def _all_kinds(review: Review) -> list[Note]:
    return [
        review.add_note("finding", "与上年口径不同，需核实", "张三", fingerprint="fp-1",
                        summary="INT-ROW 合计不等于各项之和"),
        review.add_note("region", "此处印章模糊", "张三", page=3, bbox=(10.5, 20, 200, 80.25)),
        review.add_note("cell", "应为 12.30", "李四", table="FIN-01", row=4, column="本年收入",
                        page=5, bbox=(1, 2, 3, 4), quote="12.3"),
        review.add_note("text", "增幅计算有误", "李四", start=120, end=131, quote="比上年增长 10%",
                        page=2, bbox=(50, 60, 300, 75)),
    ]


def test_decisions_and_all_note_kinds_survive_closing_and_reopening(data_dir: Path) -> None:
    with ReviewStore().open(SHA) as review:
        review.decide("fp-1", "confirmed", "张三")
        review.decide("fp-2", "dismissed", "张三", "尾数误差，属正常")
        review.decide("fp-3", "follow_up", "李四", summary="XT-EQ 表间不一致")
        review.decide("fp-2", "dismissed", "李四", "已与单位核实")  # a later decision replaces
        written = _all_kinds(review)
        review.edit_note(written[1].id, "此处印章模糊，需原件", "王五")
    assert (data_dir / f"{SHA}.review.sqlite").is_file()

    with ReviewStore().open(SHA) as review:
        decisions = review.decisions()
        notes = {n.kind: n for n in review.notes()}
        assert review.verify().ok
    assert {fp: (d.status, d.reason, d.reviewer) for fp, d in decisions.items()} == {
        "fp-1": ("confirmed", "", "张三"), "fp-2": ("dismissed", "已与单位核实", "李四"),
        "fp-3": ("follow_up", "", "李四")}
    assert decisions["fp-3"].summary == "XT-EQ 表间不一致"
    assert all(d.time[10] == "T" and d.time[-6] in "+-" for d in decisions.values())
    assert [notes[k.kind] for k in written if k.kind != "region"] == \
        [n for n in written if n.kind != "region"]
    region = notes["region"]
    assert (region.body, region.reviewer, region.edited_by) == ("此处印章模糊，需原件", "张三", "王五")
    assert (region.page, region.bbox) == (3, (10.5, 20.0, 200.0, 80.25))
    cell, text = notes["cell"], notes["text"]
    assert (cell.table, cell.row, cell.column, cell.quote) == ("FIN-01", 4, "本年收入", "12.3")
    assert (text.start, text.end, text.quote, text.page) == (120, 131, "比上年增长 10%", 2)


def test_dismissing_without_a_reason_is_refused_and_records_nothing(data_dir: Path) -> None:
    with ReviewStore().open(SHA) as review:
        for reason in ("", "   "):
            with pytest.raises(ValueError, match="理由"):
                review.decide("fp-1", "dismissed", "张三", reason)
        with pytest.raises(ValueError):
            review.decide("fp-1", "rejected", "张三")
        with pytest.raises(ValueError, match="审核人"):
            review.decide("fp-1", "confirmed", " ")
        assert review.decisions() == {} and review.events() == []


@pytest.mark.parametrize("kind, anchor", [
    ("finding", {}), ("region", {"page": 1}), ("region", {"bbox": (0, 0, 1, 1)}),
    ("region", {"page": 1, "bbox": (5, 0, 1, 1)}), ("cell", {"table": "FIN-01", "row": 1}),
    ("text", {"start": 3, "end": 9}), ("text", {"start": 9, "end": 3, "quote": "x"}),
    ("margin", {"page": 1})])
def test_a_note_that_could_not_be_found_again_is_refused(data_dir: Path, kind: str,
                                                          anchor: dict[str, Any]) -> None:
    with ReviewStore().open(SHA) as review:
        with pytest.raises(ValueError):
            review.add_note(kind, "正文", "张三", **anchor)
        assert review.notes() == [] and review.events() == []


def test_deleted_notes_leave_the_review_but_not_the_store(data_dir: Path) -> None:
    with ReviewStore().open(SHA) as review:
        note = review.add_note("region", "多余的批注", "张三", page=1, bbox=(0, 0, 10, 10))
        review.delete_note(note.id, "李四")
        with pytest.raises(ValueError, match="删除"):
            review.edit_note(note.id, "再改", "张三")
    with ReviewStore().open(SHA) as review:
        assert review.notes() == []
        gone = review.deleted_notes()
        assert [(s.note.body, s.deleted_by) for s in gone] == [("多余的批注", "李四")]
        assert [e.action for e in review.events()] == ["note_add", "note_delete"]


def test_review_reattaches_after_reanalysis_and_a_renamed_copy(
        seeds: dict[str, Seed], analysed: dict[str, Any], data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.analysis import analyse

    first = analysed[SEED]
    fingerprints = [f.fingerprint for f in first.findings]
    assert len(fingerprints) >= 3
    with ReviewStore().open(first.document.sha256, str(seeds[SEED].pdf)) as review:
        review.decide(fingerprints[0], "confirmed", "张三")
        review.decide(fingerprints[1], "dismissed", "张三", "口径说明已在附注中")
        review.add_note("finding", "请单位补充说明", "张三", fingerprint=fingerprints[2])

    monkeypatch.setenv("DRD_CACHE_DIR", str(tmp_path / "fresh-cache"))  # a real re-parse
    copy = tmp_path / "另一个目录" / "改名后的决算.pdf"
    copy.parent.mkdir()
    shutil.copyfile(seeds[SEED].pdf, copy)
    again = analyse(copy)
    assert again.document.sha256 == first.document.sha256
    current = {f.fingerprint for f in again.findings}
    with ReviewStore().open(again.document.sha256, str(copy)) as review:
        assert {fp: d.status for fp, d in review.decisions().items()} == {
            fingerprints[0]: "confirmed", fingerprints[1]: "dismissed"}
        assert set(review.decisions()) <= current and review.orphans(current) == []
        assert [n.fingerprint for n in review.notes()] == [fingerprints[2]]
        assert review.progress(current) == (2, len(current))


def test_orphans_are_kept_and_reported(data_dir: Path) -> None:
    with ReviewStore().open(SHA) as review:
        review.decide("still-here", "confirmed", "张三")
        review.decide("gone", "dismissed", "张三", "规则已修改", summary="TXT-AMT 金额不符")
        review.add_note("finding", "旧问题的批注", "张三", fingerprint="gone")
        review.add_note("region", "页面批注不是孤儿", "张三", page=1, bbox=(0, 0, 1, 1))
    with ReviewStore().open(SHA) as review:
        orphans = review.orphans({"still-here", "new-one"})
        assert set(review.decisions()) == {"still-here", "gone"}
    assert [type(o) for o in orphans] == [Decision, Note]
    assert orphans[0].fingerprint == "gone" and orphans[0].summary == "TXT-AMT 金额不符"
    assert orphans[1].body == "旧问题的批注"
    snap = load_snapshot(SHA)
    assert snap is not None and snap.status("gone") == "dismissed"
    assert len(snap.notes_on("gone")) == 1


def test_load_snapshot_reads_without_creating(data_dir: Path) -> None:
    assert load_snapshot(SHA) is None
    assert not data_dir.exists() or not any(data_dir.iterdir())
    with ReviewStore().open(SHA) as review:
        review.decide("fp-1", "follow_up", "张三")
        review.decide("fp-2", "confirmed", "李四")
        live = review.snapshot()
    snap = load_snapshot(SHA, data_dir)
    assert snap == live
    assert (snap.reviewers, snap.events, snap.status("fp-1")) == (["张三", "李四"], 2, "follow_up")
    assert snap.head != SHA and snap.updated == snap.decisions["fp-2"].time


def test_beside_pdf_review_travels_with_the_file(data_dir: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "docs" / "部门决算.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4 not really")
    with ReviewStore(beside_pdf=True).open(SHA, str(pdf)) as review:
        review.decide("fp-1", "confirmed", "张三")
    sidecar = locate.beside(pdf)
    assert sidecar.is_file() and not (data_dir / f"{SHA}.review.sqlite").exists()
    assert load_snapshot(SHA).status("fp-1") == "confirmed"  # found through the data directory

    moved = tmp_path / "usb"
    moved.mkdir()
    shutil.copyfile(pdf, moved / "副本.pdf")
    shutil.copyfile(sidecar, locate.beside(moved / "副本.pdf"))
    other_machine = ReviewStore(tmp_path / "empty-profile")
    with other_machine.open(SHA, str(moved / "副本.pdf")) as review:
        assert review.decisions()["fp-1"].status == "confirmed"
    with pytest.raises(ReviewMismatch):
        ReviewStore(beside_pdf=True).open("cd" * 32, str(pdf))


def test_migration_backs_up_first_and_keeps_the_data(data_dir: Path) -> None:
    from core.review import events

    data_dir.mkdir(parents=True)
    path = data_dir / f"{SHA}.review.sqlite"
    conn = db.connect(path)
    db.migrate(conn, path, target=1)  # a review written by the first release
    conn.execute("BEGIN")
    conn.execute("INSERT INTO meta VALUES ('sha256', ?)", (SHA,))
    data = {"fingerprint": "fp-1", "status": "confirmed", "reason": "", "previous": None}
    when = db.now()  # the event as the first release wrote it: no key, no signature
    digest = events.link(SHA, events.event_body(1, "e1", when, "张三", "decide", data, None))
    conn.execute("INSERT INTO events (seq, id, time, reviewer, action, data, origin, hash) "
                 "VALUES (1, 'e1', ?, '张三', 'decide', ?, '', ?)",
                 (when, events.canonical(data), digest))
    conn.executemany("INSERT INTO meta VALUES (?, ?)", (("head_seq", "1"), ("head_hash", digest)))
    conn.execute("INSERT INTO decisions VALUES ('fp-1', 'confirmed', '', '张三', ?, 'e1')",
                 (when,))
    conn.execute("COMMIT")
    conn.close()

    assert load_snapshot(SHA).status("fp-1") == "confirmed"  # read-only: migrated in memory
    with closing(sqlite3.connect(path)) as check:
        assert db.version(check) == 1 and not list(data_dir.glob("*.bak"))
    with ReviewStore().open(SHA) as review:
        assert review.decisions()["fp-1"].status == "confirmed" and review.verify().ok
    backups = list(data_dir.glob(f"{SHA}.review.sqlite.v1-*.bak"))
    assert len(backups) == 1
    with closing(sqlite3.connect(backups[0])) as old:
        assert db.version(old) == 1
        assert old.execute("SELECT status FROM decisions").fetchall() == [("confirmed",)]
    with closing(sqlite3.connect(path)) as new:
        assert db.version(new) == db.SCHEMA_VERSION


def test_a_review_from_a_newer_version_is_not_opened(data_dir: Path) -> None:
    ReviewStore().open(SHA).close()
    with closing(sqlite3.connect(data_dir / f"{SHA}.review.sqlite")) as conn, conn:
        conn.execute("INSERT INTO schema_version VALUES (99, 'later')")
    with pytest.raises(ReviewTooNew, match="更新版本"):
        ReviewStore().open(SHA)
    with pytest.raises(ReviewTooNew):
        load_snapshot(SHA)


def test_the_database_is_durable_by_configuration(data_dir: Path) -> None:
    with ReviewStore().open(SHA) as review:
        conn = review._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_damaged_review_file_is_reported_and_left_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / f"{SHA}.review.sqlite"
    path.write_bytes(b"this is not a database, but it may be someone's only copy" * 50)
    before = path.read_bytes()
    with pytest.raises(ReviewDamaged, match="无法读取"):
        ReviewStore().open(SHA)
    with pytest.raises(ReviewDamaged):
        load_snapshot(SHA)
    assert path.read_bytes() == before
