"""Analysis off the GUI thread: one worker process (core.jobs), polled by a timer.

Only the newest request matters: opening another file while one is analysed cancels the old
job, and whatever it still sends is ignored by its job number.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import queue
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.jobs import worker_loop

log = logging.getLogger(__name__)
POLL_MS = 30


class AnalysisService(QObject):
    progress = Signal(str, float)
    finished = Signal(object)  # Report
    failed = Signal(str, str)  # error code, message
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = mp.get_context("spawn")  # no fork of a process that runs Qt threads
        self._job = 0
        self._busy = False
        self._process: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._start()

    def _start(self) -> None:
        self._requests = self._ctx.Queue()
        self._replies = self._ctx.Queue()
        self._cancelled = self._ctx.Value("q", 0, lock=False)
        self._process = self._ctx.Process(target=worker_loop, name="drd-analysis", daemon=True,
                                          args=(self._requests, self._replies, self._cancelled))
        self._process.start()
        self._timer.start()

    @property
    def busy(self) -> bool:
        return self._busy

    def analyse(self, path: str) -> None:
        if self._busy:
            self._cancelled.value = self._job
        if not self._process.is_alive():
            log.warning("analysis worker had died; starting a new one")
            self._start()
        self._job += 1
        self._busy = True
        self._requests.put((self._job, path))

    def cancel(self) -> None:
        if self._busy:
            self._cancelled.value = self._job

    def _poll(self) -> None:
        for _ in range(50):  # never hold the event loop for long
            try:
                message = self._replies.get_nowait()
            except queue.Empty:
                break
            self._handle(message)
        if self._busy and not self._process.is_alive():
            self._busy = False
            self.failed.emit("internal", self.tr("分析进程意外退出，请重试或报告此文件。"))

    def _handle(self, message: tuple) -> None:
        kind, job = message[0], message[1]
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

    def shutdown(self) -> None:
        self._timer.stop()
        if self._process is not None and self._process.is_alive():
            self._requests.put(None)
            self._process.join(1.0)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(1.0)
        for q in (self._requests, self._replies):
            q.close()
            q.cancel_join_thread()
