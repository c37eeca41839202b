"""`verify-review` notices any change to a stored event (or to the state) and says which."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from core.cli import main
from core.review import locate
from core.review.store import ReviewStore
from tests.conftest import ROOT, Seed

ALTERATIONS = {
    "time": "UPDATE events SET time = '2020-01-01T00:00:00.000+08:00' WHERE seq = ?",
    "reviewer": "UPDATE events SET reviewer = '冒名者' WHERE seq = ?",
    "action": "UPDATE events SET action = 'decide' || action WHERE seq = ?",
    "data": "UPDATE events SET data = json_set(data, '$.reason', '篡改') WHERE seq = ?",
    "data-whitespace": "UPDATE events SET data = data || ' ' WHERE seq = ?",
    "origin": "UPDATE events SET origin = '{}' WHERE seq = ?",
    "hash": "UPDATE events SET hash = printf('%064d', 0) WHERE seq = ?",
}
Base = tuple[Path, Path, list[tuple[int, str, str]]]  # the PDF, its reviews, its events
Capture = pytest.CaptureFixture[str]


def _populate(data_dir: Path, pdf: Path) -> list[tuple[int, str, str]]:
    """A review with every kind of event; returns (seq, time, action) of each."""
    with ReviewStore(data_dir).open(locate.file_sha256(pdf), str(pdf)) as review:
        review.decide("fp-1", "confirmed", "张三")
        review.decide("fp-2", "dismissed", "张三", "尾数误差")
        note = review.add_note("region", "看这里", "李四", page=1, bbox=(0, 0, 50, 50))
        review.add_note("cell", "数字不对", "李四", table="FIN-01", row=2, column="合计")
        review.edit_note(note.id, "看这里：印章", "王五")
        review.add_note("text", "措辞", "王五", start=1, end=4, quote="比上年")
        review.delete_note(note.id, "张三")
        review.decide("fp-1", "follow_up", "王五")
        return [(e.seq, e.time, e.action) for e in review.events()]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    root = tmp_path_factory.mktemp("verify")
    pdf = root / "文档.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a document under review\n")
    return pdf, root / "reviews", _populate(root / "reviews", pdf)


def _copy(base: Base, tmp_path: Path) -> tuple[Path, Path, Path]:
    pdf, reviews, _ = base
    target = tmp_path / "reviews"
    shutil.copytree(reviews, target)
    return pdf, target, target / f"{locate.file_sha256(pdf)}.review.sqlite"


def _tamper(db: Path, sql: str, *params: object) -> None:
    """What someone with the sqlite3 shell could do: drop the guards, then change a row."""
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DROP TRIGGER IF EXISTS events_append_only_update")
        conn.execute("DROP TRIGGER IF EXISTS events_append_only_delete")
        assert conn.execute(sql, params).rowcount == 1


def _verify(pdf: Path, reviews: Path, capsys: Capture) -> tuple[int, str]:
    rc = main(["verify-review", str(pdf), "--data-dir", str(reviews)])
    captured = capsys.readouterr()
    return rc, captured.out + captured.err


def test_an_intact_review_verifies(base: Base, tmp_path: Path, capsys: Capture) -> None:
    pdf, reviews, _ = _copy(base, tmp_path)
    rc, out = _verify(pdf, reviews, capsys)
    assert rc == 0 and "review OK: 8 个事件" in out


def test_the_log_refuses_updates_and_deletes(base: Base, tmp_path: Path) -> None:
    _, _, db = _copy(base, tmp_path)
    with closing(sqlite3.connect(db)) as conn:
        for sql in ("UPDATE events SET reviewer = 'x'", "DELETE FROM events WHERE seq = 3"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                conn.execute(sql)


@pytest.mark.parametrize("column", sorted(ALTERATIONS))
@pytest.mark.parametrize("seq", range(1, 9))
def test_altering_any_event_is_named(base: Base, tmp_path: Path, capsys: Capture,
                                     column: str, seq: int) -> None:
    pdf, reviews, db = _copy(base, tmp_path)
    _, time, action = base[2][seq - 1]
    _tamper(db, ALTERATIONS[column], seq)
    rc, out = _verify(pdf, reviews, capsys)
    assert rc == 1, out
    assert f"第 {seq} 号事件" in out and f"event {seq} " in out
    if column not in ("time", "action"):
        assert time in out and action in out


def test_the_first_of_several_alterations_is_named(base: Base, tmp_path: Path,
                                                   capsys: Capture) -> None:
    pdf, reviews, db = _copy(base, tmp_path)
    _tamper(db, ALTERATIONS["reviewer"], 6)
    _tamper(db, ALTERATIONS["data"], 3)
    rc, out = _verify(pdf, reviews, capsys)
    assert rc == 1 and "第 3 号事件" in out and "第 6 号" not in out


@pytest.mark.parametrize("seq", [1, 4, 8])
def test_a_removed_event_is_named(base: Base, tmp_path: Path, capsys: Capture,
                                  seq: int) -> None:
    pdf, reviews, db = _copy(base, tmp_path)
    _tamper(db, "DELETE FROM events WHERE seq = ?", seq)
    rc, out = _verify(pdf, reviews, capsys)
    assert rc == 1 and f"第 {seq} 号事件缺失" in out, out


def test_a_changed_decision_is_caught_by_replaying_the_log(base: Base, tmp_path: Path,
                                                           capsys: Capture) -> None:
    pdf, reviews, db = _copy(base, tmp_path)
    _tamper(db, "UPDATE decisions SET status = 'confirmed' WHERE fingerprint = 'fp-2'")
    rc, out = _verify(pdf, reviews, capsys)
    assert rc == 1 and "处理结论与事件记录不符：fp-2" in out, out


def test_a_tampered_handover_file_fails_too(base: Base, tmp_path: Path, capsys: Capture) -> None:
    pdf, reviews, _ = _copy(base, tmp_path)
    with ReviewStore(reviews).open(locate.file_sha256(pdf)) as review:
        handover = review.export_to(tmp_path / "给同事.review")
    assert main(["verify-review", str(handover)]) == 0
    _tamper(handover, ALTERATIONS["reviewer"], 2)
    capsys.readouterr()
    assert main(["verify-review", str(handover)]) == 1
    assert "第 2 号事件" in capsys.readouterr().out


def test_a_document_without_a_review_is_not_ok(tmp_path: Path, capsys: Capture) -> None:
    pdf = tmp_path / "新.pdf"
    pdf.write_bytes(b"%PDF-1.4 never reviewed")
    rc, out = _verify(pdf, tmp_path / "reviews", capsys)
    assert rc == 2 and "还没有审核记录" in out


def test_the_real_command_line(seeds: dict[str, Seed], tmp_path: Path) -> None:
    pdf = next(iter(seeds.values())).pdf
    env = {**os.environ, "DRD_DATA_DIR": str(tmp_path / "reviews")}
    _populate(tmp_path / "reviews", pdf)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "main.py", "verify-review", str(pdf)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=60)

    ok = run()
    assert ok.returncode == 0 and "8 个事件" in ok.stdout, ok.stdout + ok.stderr
    _tamper(tmp_path / "reviews" / f"{locate.file_sha256(pdf)}.review.sqlite",
            ALTERATIONS["time"], 5)
    broken = run()
    assert broken.returncode == 1 and "第 5 号事件" in broken.stdout, broken.stdout
