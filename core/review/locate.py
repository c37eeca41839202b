"""Where a document's review lives: in the user's data directory, or beside the PDF.

A review is found by the document's sha256, never by its file name, so a moved, renamed or copied
PDF finds its review again. A review is never forked: it is opened where it already lives (the
sidecar next to the given PDF, the data directory, or the last sidecar recorded for that sha256);
only a new review is created where the `beside_pdf` setting says.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path

APP_DIR = "DisclosureReviewDesk"
ENV_DATA_DIR = "DRD_DATA_DIR"
SUFFIX = ".review.sqlite"
HANDOVER_SUFFIX = ".review"


def default_data_dir() -> Path:
    """$DRD_DATA_DIR when set (tests, portable installs), else the platform's user data dir."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR, appauthor=False)) / "reviews"


def keys_dir(data_dir: Path) -> Path:
    """The user's signing keys and colleagues' public keys (core/review/keys.py)."""
    return data_dir / "keys"


def in_data_dir(data_dir: Path, sha256: str) -> Path:
    return data_dir / f"{sha256}{SUFFIX}"


def beside(pdf_path: Path | str) -> Path:
    """`<pdf>.review.sqlite`: copied along with the PDF, it travels with it."""
    return Path(f"{pdf_path}{SUFFIX}")


def _pointer(data_dir: Path, sha256: str) -> Path:
    return data_dir / f"{sha256}.where"


def owner(path: Path) -> str | None:
    """The sha256 a review file belongs to, None when it is not a readable review."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'sha256'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def find(sha256: str, data_dir: Path, pdf_path: Path | str | None = None) -> Path | None:
    """The existing review of this document, or None."""
    if pdf_path is not None and beside(pdf_path).is_file() and owner(beside(pdf_path)) == sha256:
        return beside(pdf_path)
    own = in_data_dir(data_dir, sha256)
    if own.is_file():
        return own
    try:
        recorded = Path(_pointer(data_dir, sha256).read_text(encoding="utf-8").strip())
    except OSError:
        return None
    return recorded if recorded.is_file() and owner(recorded) == sha256 else None


def remember(data_dir: Path, sha256: str, sidecar: Path) -> None:
    """Record where a beside-the-PDF review is, so `check --export` and other copies find it."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=data_dir, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(str(sidecar.resolve()))
        os.replace(tmp, _pointer(data_dir, sha256))
    except OSError:  # a read-only profile only costs the shortcut; the sidecar itself is intact
        pass


def file_sha256(path: Path | str) -> str:
    """The document's content hash, read in chunks (PDFs can be large)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
