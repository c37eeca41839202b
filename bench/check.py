"""What the checks cost: `python bench/check.py [FOLDER]`.

For each PDF, parses it (no cache) and then runs the whole rule catalogue on the parsed document,
in the same run, and prints the check time as a ratio to the parse time; the target is a median
ratio <= 0.2 (the checks must not be what a reviewer waits for).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.analysis import analyse  # noqa: E402
from core.checks import run_checks  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"
TARGET = 0.2


def measure(path: Path) -> tuple[float, float, int]:
    t0 = time.perf_counter()
    report = analyse(path, checks=False)
    parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    findings = run_checks(report)
    return parse, time.perf_counter() - t1, len(findings)


def main(folder: Path) -> int:
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"no PDF in {folder}")
        return 1
    ratios = []
    print(f"{'document':<60} {'parse s':>8} {'checks s':>9} {'ratio':>6} {'findings':>8}")
    for path in files:
        parse, checks, n = measure(path)
        ratios.append(checks / parse)
        print(f"{path.name[:60]:<60} {parse:8.2f} {checks:9.3f} {checks / parse:6.3f} {n:8d}")
    median = statistics.median(ratios)
    print(f"\nchecks/parse: median {median:.3f}, max {max(ratios):.3f} (target <= {TARGET}) "
          f"over {len(files)} documents")
    return 0 if median <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
