"""Handover: a colleague's review merges in, conflicts wait for the reviewer, no work is lost."""
from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from core.review.errors import ReviewDamaged, ReviewMismatch
from core.review.store import ReviewStore

SHA = "5e" * 32
Desks = tuple[ReviewStore, ReviewStore]


@pytest.fixture
def desks(tmp_path: Path) -> Desks:
    """Two reviewers' machines: 张三 (a) and 李四 (b), each with their own data directory."""
    return ReviewStore(tmp_path / "zhang"), ReviewStore(tmp_path / "li")


def test_importing_into_an_empty_review_takes_everything(desks: Desks,
                                                         tmp_path: Path) -> None:
    a, b = desks
    with a.open(SHA) as review:
        review.decide("fp-1", "confirmed", "张三")
        review.decide("fp-2", "dismissed", "张三", "口径不同，属正常")
        review.add_note("cell", "需核对", "张三", table="FIN-03", row=7, column="项目支出")
        review.export_to(tmp_path / "张三.review")
        mine = review.snapshot()
    result = b.import_review(tmp_path / "张三.review", "李四")
    assert (result.events, result.reviewers, result.conflicts) == (3, ["张三"], [])
    assert result.decisions_taken == ["fp-1", "fp-2"] and result.notes_added == 1
    with b.open(SHA) as review:
        snap = review.snapshot()
        log = review.events()
        assert review.verify().ok
    assert snap.decisions == mine.decisions and snap.notes == mine.notes
    assert [(e.reviewer, e.action, e.imported) for e in log] == [
        ("张三", "decide", True), ("张三", "decide", True), ("张三", "note_add", True),
        ("李四", "import", False)]
    assert log[0].origin["file"] == "张三.review" and log[0].origin["seq"] == 1
    again = b.import_review(tmp_path / "张三.review", "李四")  # nothing new the second time
    assert again.events == 0
    with b.open(SHA) as review:
        assert len(review.events()) == 4


def test_diverged_reviews_merge_with_a_conflict_the_reviewer_settles(desks: Desks,
                                                                     tmp_path: Path) -> None:
    a, b = desks
    with a.open(SHA) as za:
        za.decide("fp-1", "confirmed", "张三")
        za.decide("fp-2", "follow_up", "张三")
        za.decide("fp-4", "confirmed", "张三")
        shared = za.add_note("finding", "与附表不一致", "张三", fingerprint="fp-2")
        za.export_to(tmp_path / "v1.review")
    b.import_review(tmp_path / "v1.review", "李四")

    with a.open(SHA) as za:  # both work on, independently
        za.decide("fp-1", "dismissed", "张三", "已与单位核实，系口径差异")
        za.decide("fp-2", "confirmed", "张三")
        za.add_note("region", "页眉年份错误", "张三", page=1, bbox=(0, 0, 100, 20))
        za.export_to(tmp_path / "v2.review")
    with b.open(SHA) as lb:
        lb.decide("fp-1", "follow_up", "李四")
        lb.decide("fp-3", "confirmed", "李四")
        lb.decide("fp-4", "dismissed", "李四", "复核后排除")  # only 李四 changed it: no conflict
        lb.edit_note(shared.id, "与附表不一致，差 0.5 万元", "李四")
        result = lb.merge_from(tmp_path / "v2.review", "李四")

    assert [(c.fingerprint, c.mine.status, c.theirs.status, c.theirs.reviewer)
            for c in result.conflicts] == [("fp-1", "follow_up", "dismissed", "张三")]
    assert result.conflicts[0].theirs.reason == "已与单位核实，系口径差异"
    assert result.decisions_taken == ["fp-2"]  # 李四 never touched it: 张三's newer one wins
    assert result.notes_added == 1 and result.note_conflicts == []

    with b.open(SHA) as lb:  # the conflict survives a restart until it is settled
        assert lb.verify().ok  # the log replays to the merged state, conflict included
        pending = lb.conflicts()
        assert [c.fingerprint for c in pending] == ["fp-1"]
        assert lb.decisions()["fp-1"].status == "follow_up"
        settled = lb.resolve(pending[0], "theirs", "李四")
        assert (settled.status, settled.reason, settled.reviewer) == \
            ("dismissed", "已与单位核实，系口径差异", "李四")
        with pytest.raises(ValueError, match="没有待处理"):
            lb.resolve(pending[0], "mine", "李四")
        assert lb.conflicts() == [] and lb.verify().ok
        statuses = {fp: d.status for fp, d in lb.decisions().items()}
        assert statuses == {"fp-1": "dismissed", "fp-2": "confirmed", "fp-3": "confirmed",
                            "fp-4": "dismissed"}
        assert {n.body for n in lb.notes()} == {"与附表不一致，差 0.5 万元", "页眉年份错误"}
        assert {e.reviewer for e in lb.events() if e.imported} == {"张三"}
        lb.export_to(tmp_path / "back.review")

    back = a.import_review(tmp_path / "back.review", "张三")  # and the round trip converges
    assert back.conflicts == []
    with a.open(SHA) as za, b.open(SHA) as lb:
        assert {fp: (d.status, d.reason) for fp, d in za.decisions().items()} == \
            {fp: (d.status, d.reason) for fp, d in lb.decisions().items()}
        assert sorted(n.body for n in za.notes()) == sorted(n.body for n in lb.notes())
        assert za.verify().ok


def test_keeping_mine_and_a_new_decision_both_settle_a_conflict(desks: Desks,
                                                                tmp_path: Path) -> None:
    a, b = desks
    for store, status, name in ((a, "confirmed", "张三"), (b, "follow_up", "李四")):
        with store.open(SHA) as review:
            review.decide("fp-1", status, name)
            review.decide("fp-2", status, name)
    with a.open(SHA) as za:
        za.export_to(tmp_path / "a.review")
    with b.open(SHA) as lb:
        result = lb.merge_from(tmp_path / "a.review", "李四")
        assert sorted(c.fingerprint for c in result.conflicts) == ["fp-1", "fp-2"]
        kept = lb.resolve(result.conflicts[0], "mine", "李四")
        lb.decide("fp-2", "dismissed", "李四", "两人复核后排除")
        assert kept.status == "follow_up" and lb.conflicts() == []
        assert [e.action for e in lb.events()][-2:] == ["resolve", "decide"]
        assert lb.verify().ok


@pytest.mark.parametrize("later", ["张三", "李四"])
def test_notes_edited_on_both_sides_keep_the_later_text(desks: Desks, tmp_path: Path,
                                                        later: str) -> None:
    a, b = desks
    with a.open(SHA) as za:
        note = za.add_note("text", "原文", "张三", start=0, end=2, quote="本年")
        za.export_to(tmp_path / "1.review")
    b.import_review(tmp_path / "1.review", "李四")
    edits = [(a, "张三"), (b, "李四")]
    for store, name in sorted(edits, key=lambda e: e[1] == later):  # the later editor goes last
        with store.open(SHA) as review:
            review.edit_note(note.id, f"{name}的修改", name)
    with a.open(SHA) as za:
        za.export_to(tmp_path / "2.review")
    result = b.import_review(tmp_path / "2.review", "李四")
    assert result.note_conflicts == [note.id]
    with b.open(SHA) as lb:
        assert [n.body for n in lb.notes()] == [f"{later}的修改"]
        bodies = [e.data.get("body") for e in lb.events() if e.action == "note_edit"]
        assert sorted(bodies) == sorted(["张三的修改", "李四的修改"])  # both stay in the log
        assert lb.verify().ok


def test_a_review_of_another_document_is_refused(desks: Desks, tmp_path: Path) -> None:
    a, b = desks
    with a.open("77" * 32) as other:
        other.decide("fp-1", "confirmed", "张三")
        other.export_to(tmp_path / "other.review")
    with b.open(SHA) as lb:
        with pytest.raises(ReviewMismatch, match="另一份文档"):
            lb.merge_from(tmp_path / "other.review", "李四")
        assert lb.events() == []


def test_a_tampered_handover_is_refused(desks: Desks, tmp_path: Path) -> None:
    a, b = desks
    with a.open(SHA) as za:
        za.decide("fp-1", "dismissed", "张三", "理由")
        za.export_to(tmp_path / "t.review")
    with closing(sqlite3.connect(tmp_path / "t.review")) as conn, conn:
        conn.execute("DROP TRIGGER events_append_only_update")
        conn.execute("UPDATE events SET reviewer = '王五'")
    with pytest.raises(ReviewDamaged, match="校验失败"):
        b.import_review(tmp_path / "t.review", "李四")
    (tmp_path / "junk.review").write_bytes(b"not a database at all" * 100)
    with pytest.raises(ReviewDamaged):
        b.import_review(tmp_path / "junk.review", "李四")


def test_an_export_is_one_self_contained_file(desks: Desks, tmp_path: Path) -> None:
    a, _ = desks
    with a.open(SHA) as za:
        za.decide("fp-1", "confirmed", "张三")
        out = za.export_to(tmp_path / "out" / "交接.review")
        za.decide("fp-2", "confirmed", "张三")  # later actions do not reach the file written
    assert sorted(p.name for p in out.parent.iterdir()) == ["交接.review"]
    with closing(sqlite3.connect(out)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT fingerprint FROM decisions").fetchall() == [("fp-1",)]
