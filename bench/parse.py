"""Parse speed against pdfplumber: `python bench/parse.py [FOLDER]`.

For each PDF of the corpus, times our analysis (no cache) and pdfplumber's own extract_tables()
over every page, in the same run, and prints their ratio; the target is a median ratio <= 1.0.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.analysis import analyse  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"


def plumber_tables(path: Path) -> float:
    t0 = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
    return time.perf_counter() - t0


def ours(path: Path) -> float:
    t0 = time.perf_counter()
    analyse(path)
    return time.perf_counter() - t0


def main(folder: Path) -> int:
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"no PDF in {folder}")
        return 1
    ratios = []
    print(f"{'document':<60} {'ours s':>8} {'plumber s':>10} {'ratio':>6}")
    for path in files:
        a, b = ours(path), plumber_tables(path)
        ratios.append(a / b)
        print(f"{path.name[:60]:<60} {a:8.2f} {b:10.2f} {a / b:6.2f}")
    median = statistics.median(ratios)
    print(f"\nmedian ratio {median:.2f} (target <= 1.0) over {len(files)} documents; "
          f"max {max(ratios):.2f}")
    return 0 if median <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
