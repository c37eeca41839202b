"""A worker process that analyses documents for the window.

pdfium may not be used from two threads of one process at once, and a pure-Python parse would
hold the interpreter the window needs: so the window renders pages itself and leaves analysis
to this process, started once (its imports are the slow part) and fed requests through a queue.
Messages back are tuples: ("progress", job, text, fraction), ("done", job, report),
("failed", job, code, message), ("cancelled", job).
"""
from __future__ import annotations

import logging
import traceback
from typing import Any

log = logging.getLogger(__name__)


def slim(report: Any) -> Any:
    """The report without every page's characters and lines: the window needs the narrative,
    the tables and the findings, and a smaller report crosses the process boundary faster."""
    for page in report.document.pages:
        page.chars = []
        page.lines = []
    return report


def worker_loop(requests: Any, replies: Any, cancelled: Any) -> None:
    """Serve (job, path) requests until None arrives. `cancelled` is a shared integer: the job
    number the window gave up on."""
    from core.analysis import analyse
    from core.errors import Cancelled, DisclosureError

    while True:
        request = requests.get()
        if request is None:
            return
        job, path = request

        def progress(text: str, fraction: float, job: int = job) -> None:
            replies.put(("progress", job, text, fraction))

        try:
            report = analyse(path, progress, lambda job=job: cancelled.value == job, use_cache=True)
            replies.put(("done", job, slim(report)))
        except Cancelled:
            replies.put(("cancelled", job))
        except DisclosureError as exc:
            replies.put(("failed", job, exc.code, str(exc)))
        except Exception as exc:  # a parser bug: reported to the window, the worker lives on
            log.exception("analysis of %s failed", path)
            replies.put(("failed", job, "internal", f"{exc!r}\n{traceback.format_exc()}"))
