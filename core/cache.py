"""Parsed documents cached by content hash, so reopening a reviewed file is instant.

Keyed by the file's sha256 and the parser version: a moved or renamed copy hits the cache, and a
newer parser never reads an older parse. Findings are not cached (they follow the rule settings).
"""
from __future__ import annotations

import gc
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.analysis import Report

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    override = os.environ.get("DRD_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("DisclosureReviewDesk", appauthor=False)) / "analyses"


def _file(sha256: str, version: str) -> Path:
    return cache_dir() / f"{sha256}-{version}.pickle"


def load(sha256: str, version: str) -> "Report | None":
    path = _file(sha256, version)
    if not path.is_file():
        return None
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes ~100 000 objects and none is garbage: collections there
    try:  # only cost time (a third of a large document's load)
        with path.open("rb") as fh:
            return pickle.load(fh)  # our own file, written by save() below
    except Exception as exc:  # a damaged cache file is only a miss
        log.warning("discarding unreadable cache %s: %s", path, exc)
        path.unlink(missing_ok=True)
        return None
    finally:
        if collecting:
            gc.enable()


def save(report: "Report", version: str) -> None:
    target = _file(report.document.sha256, version)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(report, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError as exc:  # a read-only profile must not stop the analysis
        log.warning("could not cache analysis: %s", exc)
