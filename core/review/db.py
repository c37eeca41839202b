"""The review database: connection settings, schema and migrations.

One SQLite file per document. WAL with synchronous=FULL makes every committed action durable
the moment the call returns (a SIGKILL or a power cut loses nothing that was reported saved).
Migrations run forward only, after the file has been copied to a timestamped backup, so an
upgrade that goes wrong never costs a reviewer their work.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from core.review.errors import ReviewDamaged, ReviewTooNew

BUSY_TIMEOUT_MS = 10_000  # a second window or `verify-review` may hold the lock briefly

# Each step moves the schema from version i to i + 1; never edit a step once released.
MIGRATIONS: tuple[str, ...] = (
    # 1: the event log, the current state, and the document the review belongs to.
    """
    CREATE TABLE schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, time TEXT NOT NULL,
        reviewer TEXT NOT NULL, action TEXT NOT NULL, data TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL);
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the review event log is append-only'); END;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the review event log is append-only'); END;
    CREATE TABLE decisions (
        fingerprint TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT NOT NULL,
        reviewer TEXT NOT NULL, time TEXT NOT NULL, event_id TEXT NOT NULL);
    CREATE TABLE notes (
        id TEXT PRIMARY KEY, created_seq INTEGER NOT NULL, kind TEXT NOT NULL,
        body TEXT NOT NULL, reviewer TEXT NOT NULL, time TEXT NOT NULL, fingerprint TEXT,
        page INTEGER, bbox TEXT, table_id TEXT, row_no INTEGER, column_name TEXT,
        start_pos INTEGER, end_pos INTEGER, quote TEXT NOT NULL DEFAULT '',
        edited TEXT NOT NULL DEFAULT '', edited_by TEXT NOT NULL DEFAULT '',
        deleted TEXT NOT NULL DEFAULT '', deleted_by TEXT NOT NULL DEFAULT '',
        event_id TEXT NOT NULL);
    """,
    # 2: what a finding said when it was decided (orphans stay readable), and merge conflicts
    # waiting for the reviewer, so a crash between import and resolution loses neither side.
    """
    ALTER TABLE decisions ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    ALTER TABLE notes ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    CREATE TABLE conflicts (
        fingerprint TEXT PRIMARY KEY, theirs TEXT NOT NULL, event_id TEXT NOT NULL,
        source TEXT NOT NULL);
    """,
    # 3: each event signed by its reviewer (Ed25519, core/review/keys.py): the public key and the
    # signature of the event's hash; events recorded before stay unsigned ('').
    """
    ALTER TABLE events ADD COLUMN key TEXT NOT NULL DEFAULT '';
    ALTER TABLE events ADD COLUMN sig TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    """Local time with its UTC offset (ISO 8601), to the millisecond so events order well."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def connect(path: Path | str, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode: each action opens and commits its own transaction."""
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not readonly:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal" and str(path) != ":memory:":
            raise ReviewDamaged(f"审核记录无法使用预写日志（WAL）模式：{path}")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def version(conn: sqlite3.Connection) -> int:
    """The schema version, 0 for an empty database."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise ReviewDamaged(f"不是可读的审核记录文件：{exc}") from exc
    if "schema_version" not in tables:
        if tables:
            raise ReviewDamaged("不是本程序的审核记录文件（缺少 schema_version 表）")
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _check_not_newer(found: int) -> None:
    if found > SCHEMA_VERSION:
        raise ReviewTooNew(f"该审核记录由更新版本的程序创建（格式 {found}，本程序支持 "
                           f"{SCHEMA_VERSION}），请升级程序后再打开")


def migrate(conn: sqlite3.Connection, path: Path | None, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema to `target`; an existing file is first copied to a timestamped backup.

    Returns the version found. `path` is None for in-memory databases (nothing to back up).
    """
    found = version(conn)
    _check_not_newer(found)
    if found >= target:
        return found
    if found > 0 and path is not None:
        backup(conn, path, found)
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = version(conn)  # another process may have migrated meanwhile
        for step in range(current, target):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?, ?)", (step + 1, now()))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner semicolons)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete migration statement: {buf!r}")
    return out


def backup(conn: sqlite3.Connection, path: Path, found: int) -> Path:
    """Copy the database (WAL content included) to `<file>.v<N>-<time>.bak` before migrating."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{found}-{stamp}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.v{found}-{stamp}-{n}.bak")
    copy_to(conn, target)
    return target


def copy_to(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent single-file copy (rollback journal, no -wal beside it) via the backup API."""
    dest = sqlite3.connect(str(target), isolation_level=None)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def open_readonly(path: Path) -> sqlite3.Connection:
    """Read a review without changing its file; an older schema is migrated in a memory copy."""
    try:
        conn = connect(path, readonly=True)
        found = version(conn)
    except sqlite3.DatabaseError as exc:
        raise ReviewDamaged(f"不是可读的审核记录文件：{path}（{exc}）") from exc
    _check_not_newer(found)
    if found == SCHEMA_VERSION:
        return conn
    memory = connect(":memory:")
    try:
        conn.backup(memory)
    finally:
        conn.close()
    migrate(memory, None)
    return memory
