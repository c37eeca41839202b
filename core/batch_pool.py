"""Worker processes for the batch, each watched by the clock: a file that hangs one is stopped.

The analysis stops itself after core.pdfguard.TIME_LIMIT seconds, but only between steps; a file
that makes pdfium loop inside one call would hold its worker for ever, and a pool of the
standard library cannot end one of its workers. Here every worker is a process of its own with
a pipe: the parent hands it one file at a time, and a worker that is still busy after
`hard_limit` seconds, or that died (out of memory, a crash in C code), is ended and replaced,
and that file's row says so; the run goes on.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable

from core.batch import BatchRow, check_one
from core.pdfguard import TIME_LIMIT

HARD_LIMIT = TIME_LIMIT + 60.0  # the analysis' own limit, and time for it to say so


def _serve(conn: Connection, options: dict[str, Any]) -> None:
    """The worker: import what checking needs, say so, then check each (index, path) it is sent
    until it is sent None (so the clock runs for the file, not for the imports)."""
    import core.analysis  # noqa: F401  (slow imports, once per worker)
    import core.checks  # noqa: F401

    conn.send("ready")
    while True:
        task = conn.recv()
        if task is None:
            return
        index, path = task
        conn.send((index, check_one(path, **options)))


class _Worker:
    def __init__(self, ctx: Any, options: dict[str, Any]) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, options), daemon=True)
        self.proc.start()
        child.close()
        self.task: tuple[int, Path] | None = None
        self.started = 0.0
        self.ready = False

    def poll_ready(self) -> bool:
        """Whether the worker has finished its imports (it says "ready" once)."""
        if not self.ready:
            try:
                if self.conn.poll():
                    self.ready = self.conn.recv() == "ready"
            except (EOFError, OSError):
                pass
        return self.ready

    def give(self, task: tuple[int, Path]) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send((task[0], str(task[1])))

    def end(self, graceful: bool = False) -> None:
        if graceful:
            try:
                self.conn.send(None)
                self.proc.join(5)
            except OSError:
                pass
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def run_pool(files: list[Path], jobs: int, done: Callable[[int, BatchRow], None],
             cancelled: Callable[[], bool], options: dict[str, Any],
             hard_limit: float = HARD_LIMIT) -> None:
    """Check files in `jobs` processes, calling done(index, row) as each row is ready."""
    ctx = mp.get_context("spawn")  # no fork of a process that may run Qt or pdfium threads
    queue = deque(enumerate(files))
    workers = [_Worker(ctx, options) for _ in range(max(1, min(jobs, len(files))))]
    starts = 0
    try:
        while any(w.task for w in workers) or queue:
            if cancelled():
                return
            for k, w in enumerate(workers):
                if w.task is None and not w.poll_ready() and not w.proc.is_alive():
                    starts += 1  # died while starting: a broken installation, not a file
                    if starts > 3 * len(workers):
                        raise RuntimeError(f"检查进程无法启动（退出码 {w.proc.exitcode}）")
                    w.end()
                    workers[k] = _Worker(ctx, options)
                elif w.task is None and queue and w.ready:
                    if not w.proc.is_alive():  # died between two files
                        w.end()
                        workers[k] = _Worker(ctx, options)
                        continue
                    w.give(queue.popleft())
            waiting = [w.conn for w in workers if w.task is not None or not w.ready]
            wait(waiting + [w.proc.sentinel for w in workers], timeout=0.2)
            for k, w in enumerate(workers):
                if w.task is None:
                    continue
                index, path = w.task
                row = _reply(w)
                if row is None and w.proc.is_alive() \
                        and time.monotonic() - w.started <= hard_limit:
                    continue  # still working
                if row is None:
                    row = _lost(w, path, hard_limit)
                    w.end()
                    workers[k] = _Worker(ctx, options)
                else:
                    w.task = None
                done(index, row)
    finally:
        for w in workers:
            w.end(graceful=w.task is None)


def _reply(w: _Worker) -> BatchRow | None:
    try:
        if w.conn.poll():
            return w.conn.recv()[1]
    except (EOFError, OSError):  # the worker died while answering
        return None
    return None


def _lost(w: _Worker, path: Path, hard_limit: float) -> BatchRow:
    seconds = time.monotonic() - w.started
    if w.proc.is_alive():
        return BatchRow(str(path), seconds=seconds, error_code="timeout",
                        error=f"检查超过 {hard_limit:.0f} 秒仍未完成，已停止（文件可能过大或结构异常）")
    return BatchRow(str(path), seconds=seconds, error_code="internal",
                    error=f"检查进程意外退出（退出码 {w.proc.exitcode}），可能是文件损坏或内存不足")
