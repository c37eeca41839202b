"""Analysis and exports off the GUI thread: one worker process (core.jobs), its replies read by
a thread.

The report arrives pickled, and unpickling a large one takes a few hundred milliseconds (and
the first time imports the parser's modules): so a reader thread, not the event loop, takes
each reply off the queue and hands it to the window as a queued signal.

Only the newest request matters: opening another file while one is analysed cancels the old
job, and whatever it still sends is ignored by its job number. Exports are never dropped: each
has its own job number and its reply always comes back (exported or exportFailed).
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.jobs import worker_loop

log = logging.getLogger(__name__)
WATCH_MS = 500  # how often a busy service checks that its worker is still alive


class AnalysisService(QObject):
    progress = Signal(str, float)
    finished = Signal(object)  # Report
    failed = Signal(str, str)  # error code, message
    cancelled = Signal()
    exported = Signal(int, list)  # export job, the paths written
    exportFailed = Signal(int, str, str)  # export job, error code, message
    _arrived = Signal(object)  # a reply, emitted by the reader thread, delivered on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = mp.get_context("spawn")  # no fork of a process that runs Qt threads
        self._job = 0  # the analysis the window waits for
        self._counter = 0  # job numbers, shared by analyses and exports
        self._busy = False
        self._exports: set[int] = set()
        self._closed = False
        self._process: Any = None
        self._arrived.connect(self._handle)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_alive)
        self._start()

    def _start(self) -> None:
        self._requests = self._ctx.Queue()
        self._replies = self._ctx.Queue()
        self._cancelled = self._ctx.Value("q", 0, lock=False)
        self._process = self._ctx.Process(target=worker_loop, name="drd-analysis", daemon=True,
                                          args=(self._requests, self._replies, self._cancelled))
        self._process.start()
        self._reader = threading.Thread(target=self._read, args=(self._replies,),
                                        name="drd-analysis-replies", daemon=True)
        self._reader.start()

    def _read(self, replies: Any) -> None:
        """Runs on the reader thread until the sentinel None (or a closed queue) arrives."""
        while True:
            try:
                message = replies.get()
            except (EOFError, OSError, ValueError):
                return
            if message is None:
                return
            self._arrived.emit(message)

    @property
    def busy(self) -> bool:
        return self._busy

    def analyse(self, path: str) -> None:
        if self._closed:
            return
        if self._busy:
            self._cancelled.value = self._job
        if not self._process.is_alive():
            log.warning("analysis worker had died; starting a new one")
            self._stop_reader()
            self._start()
        self._job = self._next_job()
        self._busy = True
        self._requests.put(("analyse", self._job, path))
        self._watch.start()

    def export(self, path: str, snapshot: Any, targets: list[tuple[str, bool]],
               include_dismissed: bool, reviewer: str) -> int:
        """Queue an export of the document at path; returns its job number."""
        if not self._process.is_alive():
            self._stop_reader()
            self._start()
        job = self._next_job()
        self._exports.add(job)
        self._requests.put(("export", job, path, snapshot, targets, include_dismissed, reviewer))
        self._watch.start()
        return job

    def _next_job(self) -> int:
        self._counter += 1
        return self._counter

    def cancel(self) -> None:
        if self._busy:
            self._cancelled.value = self._job

    def _check_alive(self) -> None:
        if not self._busy and not self._exports:
            self._watch.stop()
        elif not self._process.is_alive():
            self._watch.stop()
            message = self.tr("分析进程意外退出，请重试或报告此文件。")
            for job in sorted(self._exports):
                self.exportFailed.emit(job, "internal", message)
            self._exports.clear()
            if self._busy:
                self._busy = False
                self.failed.emit("internal", message)

    def _handle(self, message: tuple) -> None:
        kind, job = message[0], message[1]
        if self._closed:
            return
        if job in self._exports:
            self._exports.discard(job)
            if kind == "exported":
                self.exported.emit(job, message[2])
            else:
                self.exportFailed.emit(job, message[2], message[3])
            return
        if job != self._job:
            return  # a job the window has moved on from
        if kind == "progress":
            self.progress.emit(message[2], message[3])
            return
        self._busy = False
        if kind == "done":
            self.finished.emit(message[2])
        elif kind == "failed":
            self.failed.emit(message[2], message[3])
        else:
            self.cancelled.emit()

    def _stop_reader(self) -> None:
        self._replies.put(None)  # the reader's sentinel
        self._reader.join(2.0)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._watch.stop()
        if self._process is not None and self._process.is_alive():
            self._requests.put(None)
            self._process.join(1.0)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(1.0)
        self._stop_reader()
        for q in (self._requests, self._replies):
            q.close()
            q.cancel_join_thread()
