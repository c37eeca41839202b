"""A worker process that analyses and exports documents for the window.

pdfium may not be used from two threads of one process at once, and a pure-Python parse would
hold the interpreter the window needs: so the window renders pages itself and leaves analysis
and exports to this process, started once (its imports are the slow part) and fed requests
through a queue:
    ("analyse", job, path)
    ("export", job, path, snapshot, [(out, force)], include_dismissed, reviewer)
Exports analyse the document again (from the cache, so at once) to have the full report with
every character, exactly what `check --export` writes. Messages back are tuples:
("progress", job, text, fraction), ("done", job, report), ("exported", job, [paths]),
("failed", job, code, message), ("cancelled", job).
"""
from __future__ import annotations

import logging
import traceback
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def slim(report: Any) -> Any:
    """The report without every page's characters and lines: the window needs the narrative,
    the tables and the findings, and a smaller report crosses the process boundary faster."""
    for page in report.document.pages:
        page.chars = []
        page.lines = []
    return report


def _export(path: str, snapshot: Any, targets: list[tuple[str, bool]], include_dismissed: bool,
            reviewer: str) -> list[str]:
    from core.analysis import analyse
    from core.export import write_export

    report = analyse(path, use_cache=True)
    return [str(write_export(report, snapshot, Path(out), force=force,
                             include_dismissed=include_dismissed, reviewer=reviewer))
            for out, force in targets]


def worker_loop(requests: Any, replies: Any, cancelled: Any) -> None:
    """Serve requests until None arrives. `cancelled` is a shared integer: the job number the
    window gave up on."""
    from core.analysis import analyse
    from core.errors import Cancelled, DisclosureError

    while True:
        request = requests.get()
        if request is None:
            return
        kind, job, path = request[:3]

        def progress(text: str, fraction: float, job: int = job) -> None:
            replies.put(("progress", job, text, fraction))

        try:
            if kind == "export":
                replies.put(("exported", job, _export(path, *request[3:])))
            else:
                report = analyse(path, progress, lambda job=job: cancelled.value == job,
                                 use_cache=True)
                replies.put(("done", job, slim(report)))
        except Cancelled:
            replies.put(("cancelled", job))
        except DisclosureError as exc:
            replies.put(("failed", job, exc.code, str(exc)))
        except Exception as exc:  # a bug: reported to the window, the worker lives on
            log.exception("%s of %s failed", kind, path)
            replies.put(("failed", job, "internal", f"{exc!r}\n{traceback.format_exc()}"))
