"""Page rendering on a thread of its own (pypdfium2), newest request first.

This thread is the only user of pdfium in the window's process (analysis runs in another
process), so pages render while the document is still being analysed.
"""
from __future__ import annotations

import logging
import threading

import pypdfium2 as pdfium
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)


class Renderer(QThread):
    rendered = Signal(str, int, float, QImage)  # path, page (1-based), scale, image
    opened = Signal(str, int, list)  # path, page count, [(width, height)] in points, as displayed
    failed = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self._cond = threading.Condition()
        self._path: str | None = None
        self._open_path: str | None = None
        self._pending: list[tuple[int, float]] = []
        self._stop = False
        self._doc: pdfium.PdfDocument | None = None

    def open(self, path: str) -> None:
        with self._cond:
            self._path = path
            self._pending.clear()
            self._cond.notify()

    def request(self, page: int, scale: float) -> None:
        with self._cond:
            if (page, scale) in self._pending:
                self._pending.remove((page, scale))
            self._pending.append((page, scale))  # the last asked is rendered first
            del self._pending[:-6]
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
        self.wait(3000)

    def run(self) -> None:
        while True:
            with self._cond:
                while not self._stop and self._path == self._open_path and not self._pending:
                    self._cond.wait()
                if self._stop:
                    break
                path = self._path
                job = self._pending.pop() if path == self._open_path and self._pending else None
            if path != self._open_path:
                self._load(path)
                continue
            if job is not None and self._doc is not None:
                self._render(path, *job)
        if self._doc is not None:
            self._doc.close()

    def _load(self, path: str | None) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None
        self._open_path = path
        if path is None:
            return
        try:
            self._doc = pdfium.PdfDocument(path)
            sizes = []
            for i in range(len(self._doc)):
                page = self._doc[i]
                w, h = page.get_size()
                sizes.append((h, w) if page.get_rotation() in (90, 270) else (w, h))
                page.close()
            self.opened.emit(path, len(self._doc), sizes)
        except Exception as exc:  # the analysis reports why; here the page stays blank
            log.warning("cannot render %s: %s", path, exc)
            self._doc = None
            self.failed.emit(path, str(exc))

    def _render(self, path: str, page_no: int, scale: float) -> None:
        assert self._doc is not None
        if not 1 <= page_no <= len(self._doc):
            return
        page = self._doc[page_no - 1]
        try:
            bitmap = page.render(scale=scale, may_draw_forms=True)
            image = bitmap.to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(data, image.width, image.height, 3 * image.width,
                            QImage.Format.Format_RGB888).copy()
            self.rendered.emit(path, page_no, scale, qimage)
        except Exception as exc:
            log.warning("render of page %d failed: %s", page_no, exc)
        finally:
            page.close()
