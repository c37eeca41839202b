"""`python main.py verify-review FILE [--head HASH]`: is this review intact, and what does that
prove?

FILE is a PDF (its review is found by content hash, wherever it lives) or a review file itself
(a `.review` handover or a `.review.sqlite` store). The chain, every reviewer's signature (against
the keys this machine knows) and the replayed state are checked; the report says which guarantee
holds. --head takes the chain head printed on a filed export and says whether this log still
contains it. Exit 0 when everything verifies, 1 naming the first altered, forged or missing
event, 2 when there is nothing readable to verify.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.review import db, locate
from core.review.errors import ReviewError
from core.review.keys import KeyRing
from core.review.replay import check
from core.textsafe import printable_line

EXIT_OK, EXIT_BROKEN, EXIT_UNREADABLE = 0, 1, 2
SQLITE_MAGIC = b"SQLite format 3\x00"


def add_verify_parser(sub: Any) -> None:
    p = sub.add_parser("verify-review", help="校验审核记录的事件链 / verify a review's event chain")
    p.add_argument("file", metavar="FILE", help="PDF 文件（按内容查找其审核记录）或 .review 文件")
    p.add_argument("--data-dir", metavar="DIR", default=None,
                   help="审核记录目录（默认为用户数据目录，或环境变量 DRD_DATA_DIR）")
    p.add_argument("--head", metavar="HASH", default=None,
                   help="归档文件（工作底稿、Excel、PDF）上印的审核记录链头，至少前 12 位")


def _is_review_file(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def run_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    filed = (args.head or "").strip().lower().replace(" ", "") or None
    if filed is not None and (len(filed) < 12 or any(c not in "0123456789abcdef" for c in filed)):
        print(f"--head 应为链头的十六进制数字（至少 12 位）：{printable_line(args.head, 80)}",
              file=sys.stderr)
        return EXIT_UNREADABLE
    data_dir = Path(args.data_dir) if args.data_dir else locate.default_data_dir()
    if not path.is_file():
        print(f"{path}: 文件不存在 / no such file", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        if _is_review_file(path):
            review_path, sha256 = path, None
        else:
            sha256 = locate.file_sha256(path)
            found = locate.find(sha256, data_dir, path)
            if found is None:
                print(f"{path}: 该文档还没有审核记录 / no review of this document "
                      f"(sha256 {sha256})", file=sys.stderr)
                return EXIT_UNREADABLE
            review_path = found
        conn = db.open_readonly(review_path)
    except (OSError, ReviewError) as exc:
        print(f"{path}: {printable_line(str(exc), 500)}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'sha256'").fetchone()
        owner = row[0] if row else None
        if owner is None or (sha256 is not None and owner != sha256):
            print(f"{review_path}: 审核记录没有（或有错误的）文档标识 / the review does not name "
                  f"this document", file=sys.stderr)
            return EXIT_BROKEN
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            print(f"审核记录文件损坏 / review file damaged: {review_path}: "
                  f"{printable_line(str(integrity), 300)}")
            return EXIT_BROKEN
        report = check(conn, owner, KeyRing(locate.keys_dir(data_dir)))
        hashes = [r[0] for r in conn.execute("SELECT hash FROM events ORDER BY seq")]
    finally:
        conn.close()
    if not report.ok:
        print(f"审核记录校验失败 / review verification FAILED: {review_path}\n"
              f"  {printable_line(report.problem, 500)}\n  {printable_line(report.problem_en, 500)}")
        return EXIT_BROKEN
    zh, en = report.guarantee
    print(f"审核记录完整 / review OK: {report.count} 个事件 / events, "
          f"文档 / document sha256 {owner}, 链头 / head {report.head}\n  {review_path}\n"
          f"  保证 / guarantee: {zh}\n  {en}")
    if filed is None:
        return EXIT_OK
    at = next((i for i, h in enumerate(hashes) if h.startswith(filed)), None)
    if at is None:
        print(f"归档链头 {filed[:16]}… 不在此审核记录中：记录在归档后被改写或截断\n"
              f"  the filed head {filed[:16]}… is not in this log: it was rewritten or cut "
              "after the export was filed")
        return EXIT_BROKEN
    later = len(hashes) - 1 - at
    print(f"归档链头 {filed[:16]}… 是第 {at + 1} 号事件" + (
        "，即当前链头：与归档文件一致" if not later else f"；归档后又记录了 {later} 个事件") +
          f"\n  the filed head is event {at + 1}" + (
        ", the current head: the log matches the filed export" if not later
        else f"; {later} events were recorded after the export was filed"))
    return EXIT_OK
