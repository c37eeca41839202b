"""Analysis time of one dense page: `python bench/dense_page.py [--sizes 5000,10000,...]`.

A single page holding N characters is analysed without the cache for N = 5k, 10k, 20k and 60k,
in two layouts made by tests/hostile.py: "table", the densest disclosure page (a ruled table of
subject codes, names and amounts in a small font, under its title, above a paragraph), and
"cells", a page ruled into one cell per character whose text keeps naming tables (the layout
whose time grew with the square of N: issue 17 measured 10k in 5.3 s, and 60k did not finish in
120 s). The target is near-linear, shown as the 60k page's time over the 10k page's: at most 5x
(linear in the characters is 6x). Each size is analysed three times and the best time counts:
other work on the machine only ever adds time.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZES = (5_000, 10_000, 20_000, 60_000)
TARGET = 5.0  # the 60k page may take at most this many times the 10k page


def printed_chars(path: Path) -> int:
    from core.pdftext import read_document

    doc, _ = read_document(path)
    return sum(len(p.chars) for p in doc.pages)


def timed(path: Path, repeat: int) -> float:
    """The best of `repeat` analyses (others' work on the machine only ever adds time)."""
    from core.analysis import analyse

    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        analyse(path)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> int:
    from tests.hostile import grid_pdf, table_pdf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated character counts (default 5000,10000,20000,60000)")
    parser.add_argument("--repeat", type=int, default=3, help="analyses per size; the best counts")
    parser.add_argument("--layout", choices=("table", "cells", "both"), default="both")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    makers = {"table": table_pdf, "cells": grid_pdf}
    layouts = list(makers) if args.layout == "both" else [args.layout]
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        timed(table_pdf(Path(tmp) / "warm.pdf", 1000), 1)  # imports and first-call costs
        for layout in layouts:
            times: dict[int, float] = {}
            print(f"\n{layout}:\n{'asked':>7} {'printed':>8} {'seconds':>8} {'s per 10k':>10}")
            for n in sizes:
                pdf = makers[layout](Path(tmp) / f"{layout}-{n}.pdf", n)
                times[n] = seconds = timed(pdf, args.repeat)
                count = printed_chars(pdf)
                print(f"{n:>7} {count:>8} {seconds:>8.2f} {seconds / count * 10_000:>10.2f}",
                      flush=True)
            if 10_000 in times and 60_000 in times:
                ratio = times[60_000] / times[10_000]
                verdict = "ok" if ratio <= TARGET else "over the target"
                print(f"{layout}: 60k / 10k = {ratio:.1f}x (target <= {TARGET:.0f}x; linear in "
                      f"the characters would be 6x): {verdict}")
                status |= ratio > TARGET
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
