"""Batch speed: `python bench/batch.py [FOLDER]` (default ../shared/corpus/real).

Runs the batch over the folder with 1 and with 2 worker processes in the same run, each with an
empty analysis cache (so both parse every document), and prints documents per minute for each and
the speed-up; then times reopening one document from the cache (target under 0.2 s).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"
REOPEN_TARGET = 0.2


def timed_batch(files: list[Path], jobs: int, cache: Path) -> tuple[float, int]:
    from core.batch import run_batch

    os.environ["DRD_CACHE_DIR"] = str(cache)  # the spawned workers inherit it
    t0 = time.perf_counter()
    rows = run_batch(files, jobs)
    return time.perf_counter() - t0, sum(1 for r in rows if r.error)


def main(folder: Path) -> int:
    from core.analysis import analyse
    from core.batch import batch_files

    files = [f for f in batch_files([folder]) if f.suffix.lower() == ".pdf"]
    if not files:
        print(f"no PDF in {folder}; pass a folder as the argument")
        return 2
    print(f"{len(files)} PDFs in {folder}")
    with tempfile.TemporaryDirectory(prefix="drd-bench-batch-") as tmp:
        results = {}
        for jobs in (1, 2):
            seconds, failed = timed_batch(files, jobs, Path(tmp) / f"cache-{jobs}")
            results[jobs] = seconds
            print(f"  {jobs} worker{'s' if jobs > 1 else ' '}  {seconds:6.1f} s   "
                  f"{len(files) / seconds * 60:6.1f} documents/min   ({failed} not checked)")
        print(f"  speed-up with 2 workers: {results[1] / results[2]:.2f}x")
        largest = max(files, key=lambda f: f.stat().st_size)
        analyse(largest, use_cache=True)  # the cache of the last run holds it already
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            analyse(largest, use_cache=True)
            times.append(time.perf_counter() - t0)
        reopen = statistics.median(times)
        print(f"reopen of a cached document ({largest.name}, with its checks): {reopen:.3f} s "
              f"median of 5 (target < {REOPEN_TARGET} s) {'ok' if reopen < REOPEN_TARGET else 'MISSED'}")
    return 0 if reopen < REOPEN_TARGET else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
