"""`python main.py verify-review FILE`: is this review intact, and if not, where was it changed?

FILE is a PDF (its review is found by content hash, wherever it lives) or a review file itself
(a `.review` handover or a `.review.sqlite` store). Exit 0 when the chain and the replayed state
agree, 1 naming the first altered or missing event, 2 when there is nothing readable to verify.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.review import db, locate
from core.review.errors import ReviewError
from core.review.replay import check

EXIT_OK, EXIT_BROKEN, EXIT_UNREADABLE = 0, 1, 2
SQLITE_MAGIC = b"SQLite format 3\x00"


def add_verify_parser(sub: Any) -> None:
    p = sub.add_parser("verify-review", help="校验审核记录的事件链 / verify a review's event chain")
    p.add_argument("file", metavar="FILE", help="PDF 文件（按内容查找其审核记录）或 .review 文件")
    p.add_argument("--data-dir", metavar="DIR", default=None,
                   help="审核记录目录（默认为用户数据目录，或环境变量 DRD_DATA_DIR）")


def _is_review_file(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def run_verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"{path}: 文件不存在 / no such file", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        if _is_review_file(path):
            review_path, sha256 = path, None
        else:
            sha256 = locate.file_sha256(path)
            data_dir = Path(args.data_dir) if args.data_dir else locate.default_data_dir()
            found = locate.find(sha256, data_dir, path)
            if found is None:
                print(f"{path}: 该文档还没有审核记录 / no review of this document "
                      f"(sha256 {sha256})", file=sys.stderr)
                return EXIT_UNREADABLE
            review_path = found
        conn = db.open_readonly(review_path)
    except (OSError, ReviewError) as exc:
        print(f"{path}: {exc}", file=sys.stderr)
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
            print(f"审核记录文件损坏 / review file damaged: {review_path}: {integrity}")
            return EXIT_BROKEN
        report = check(conn, owner)
    finally:
        conn.close()
    if report.ok:
        print(f"审核记录完整 / review OK: {report.count} 个事件 / events, "
              f"文档 / document sha256 {owner}, 链头 / head {report.head}\n  {review_path}")
        return EXIT_OK
    print(f"审核记录校验失败 / review verification FAILED: {review_path}\n"
          f"  {report.problem}\n  {report.problem_en}")
    return EXIT_BROKEN
