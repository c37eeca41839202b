"""The review store: open a document's review by its sha256 and record each action as it happens.

Every call that changes the review commits before it returns (one transaction: the new state and
one event appended to the hash-chained log), so there is no Save button and nothing to lose.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from core.review import db, locate, state
from core.review.errors import ReviewDamaged, ReviewMismatch
from core.review.handover import MergeResult, read_owner
from core.review.keys import KeyRing
from core.review.model import ReviewSnapshot
from core.review.review import Review


class ReviewStore:
    """Opens reviews; where new ones are created follows `beside_pdf` (see locate.py)."""

    def __init__(self, data_dir: Path | None = None, beside_pdf: bool = False) -> None:
        self.data_dir = Path(data_dir) if data_dir is not None else locate.default_data_dir()
        self.beside_pdf = beside_pdf

    def find(self, sha256: str, pdf_path: str | Path | None = None) -> Path | None:
        """The file of this document's review, None when it has none yet."""
        return locate.find(sha256, self.data_dir, pdf_path)

    def open(self, sha256: str, pdf_path: str | Path | None = None) -> Review:
        """The document's review, created (empty) on first use; migrated if it is older."""
        sha256 = _check_sha(sha256)
        path = self.find(sha256, pdf_path)
        if path is None:
            if self.beside_pdf:
                if pdf_path is None:
                    raise ValueError("beside_pdf needs the PDF's path")
                path = locate.beside(pdf_path)
                if path.exists() and locate.owner(path) is not None:  # never overwritten
                    raise ReviewMismatch(f"PDF 旁的审核记录属于另一份文档，未覆盖：{path}")
            else:
                path = locate.in_data_dir(self.data_dir, sha256)
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = db.connect(path)
        except sqlite3.DatabaseError as exc:
            raise ReviewDamaged(f"审核记录文件无法读取（未改动）：{path}（{exc}）") from exc
        try:
            db.migrate(conn, path)
            _claim(conn, path, sha256, pdf_path)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ReviewDamaged(f"审核记录文件无法读取（未改动）：{path}（{exc}）") from exc
        except BaseException:
            conn.close()
            raise
        if path != locate.in_data_dir(self.data_dir, sha256):
            locate.remember(self.data_dir, sha256, path)
        return Review(conn, sha256, path, self.keys)

    @property
    def keys(self) -> KeyRing:
        """This user's signing keys and colleagues' public keys (beside their reviews)."""
        return KeyRing(locate.keys_dir(self.data_dir))

    def import_review(self, path: str | Path, reviewer: str,
                      pdf_path: str | Path | None = None, pages: int | None = None) -> MergeResult:
        """Merge a colleague's `.review` file into this store's review of the same document."""
        with self.open(read_owner(Path(path)), pdf_path) as review:
            return review.merge_from(path, reviewer, pages)


def _check_sha(sha256: str) -> str:
    s = (sha256 or "").strip().lower()
    if len(s) != 64 or any(c not in "0123456789abcdef" for c in s):
        raise ValueError(f"not a sha256 hex digest: {sha256!r}")
    return s


def _claim(conn: sqlite3.Connection, path: Path, sha256: str, pdf_path: str | Path | None) -> None:
    """Bind a new file to the document, or check that an existing one belongs to it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('sha256', ?)", (sha256,))
        conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('created', ?)", (db.now(),))
        if pdf_path is not None:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('pdf_path', ?)",
                         (str(pdf_path),))
        owner = conn.execute("SELECT value FROM meta WHERE key = 'sha256'").fetchone()[0]
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    if owner != sha256:
        raise ReviewMismatch(f"审核记录 {path} 属于另一份文档（{owner[:12]}…），不是 {sha256[:12]}…")


def load_snapshot(sha256: str, data_dir: Path | None = None,
                  pdf_path: str | Path | None = None) -> ReviewSnapshot | None:
    """The document's review as it stands, read without writing; None when there is none."""
    sha256 = _check_sha(sha256)
    path = locate.find(sha256, Path(data_dir) if data_dir is not None
                       else locate.default_data_dir(), pdf_path)
    if path is None:
        return None
    conn = db.open_readonly(path)
    try:
        return state.snapshot(conn, sha256)
    finally:
        conn.close()
