"""Analysis time of one dense page: `python bench/dense_page.py [--sizes 5000,10000,...]`.

A single page holding N characters, laid out as the densest disclosure pages are (a ruled table
of subject codes, names and amounts in a small font, under a title, above a paragraph of
narrative), is analysed without the cache for N = 5k, 10k, 20k and 60k. Time used to grow with
the square of N (issue 17: 10k took 5.3 s, 60k did not finish in 120 s); the target is
near-linear, shown as the 60k page's time over the 10k page's (at most 5x; linear is 6x the
characters). Each size is analysed three times and the best time counts: other work on the
machine only ever adds time.
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


def _rows(chars: int) -> list[list[str]]:
    """Table rows (code, name, three amounts) holding about `chars` characters."""
    rows: list[list[str]] = []
    count, k = 0, 0
    while count < chars:
        row = [f"{2010000 + k:07d}", f"一般公共服务{k % 97:02d}", f"{k * 7919 % 9999999:,}",
               f"{k * 4211 % 999999:,}", f"{k * 613 % 99999:,}"]
        rows.append(row)
        count += sum(len(v) for v in row)
        k += 1
    return rows


def dense_pdf(path: Path, chars: int) -> Path:
    """A one-page PDF of `chars` printed characters (within a few): a ruled table, 90% of them,
    under its title, and a paragraph of narrative below it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    title, unit = "一般公共预算财政拨款支出决算表", "编制单位：某某区某某局　单位：元"
    cols = [("科目编码", 24), ("科目名称", 40), ("合计", 30), ("基本支出", 30), ("项目支出", 30)]
    header = sum(len(t) for t, _ in cols)
    sentence = "本年度支出较上年增加，主要原因是人员经费和项目支出增加。"
    body = max(0, chars - len(title) - len(unit) - header)
    rows = _rows(int(body * 0.9))
    rest = body - sum(len(v) for r in rows for v in r)
    paragraph = [(sentence * (rest // len(sentence) + 1))[i:i + 60]
                 for i in range(0, max(rest, 0), 60)]
    size, row_h = 4.0, 5.2
    table_w = sum(w for _, w in cols)
    blocks = 1 + len(rows) // 2500  # side by side only past 2,500 rows (200 inches at most)
    per_block = -(-len(rows) // blocks)
    width = 40 + blocks * (table_w + 12)
    height = 80 + per_block * row_h + 60 + 6 * (len(paragraph) // blocks + 1)
    canvas = Canvas(str(path), pagesize=(width, height))
    canvas.setFont(font, 10)
    canvas.drawCentredString(width / 2, height - 30, title)
    canvas.setFont(font, 5)
    canvas.drawString(20, height - 45, unit)
    canvas.setLineWidth(0.3)
    for b in range(blocks):
        block = rows[b * per_block:(b + 1) * per_block]
        x0, y0 = 20 + b * (table_w + 12), height - 55
        xs = [x0]
        for _, w in cols:
            xs.append(xs[-1] + w)
        bottom = y0 - (len(block) + 1) * row_h
        for x in xs:
            canvas.line(x, y0, x, bottom)
        for r in range(len(block) + 2):
            canvas.line(x0, y0 - r * row_h, xs[-1], y0 - r * row_h)
        canvas.setFont(font, size)
        for c, (name, _) in enumerate(cols):
            canvas.drawString(xs[c] + 1, y0 - row_h + 1.2, name)
        for r, values in enumerate(block):
            y = y0 - (r + 2) * row_h + 1.2
            for c, text in enumerate(values):
                if c >= 2:
                    canvas.drawRightString(xs[c + 1] - 1, y, text)
                else:
                    canvas.drawString(xs[c] + 1, y, text)
    top = height - 80 - per_block * row_h
    for i, text in enumerate(paragraph):
        canvas.drawString(20 + (i % blocks) * (table_w + 12), top - (i // blocks) * 6, text)
    canvas.showPage()
    canvas.save()
    return path


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated character counts (default 5000,10000,20000,60000)")
    parser.add_argument("--repeat", type=int, default=3, help="analyses per size; the best counts")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        timed(dense_pdf(Path(tmp) / "warm.pdf", 1000), 1)  # imports and first-call costs
        print(f"{'asked':>7} {'printed':>8} {'seconds':>8} {'s per 10k':>10}")
        for n in sizes:
            pdf = dense_pdf(Path(tmp) / f"dense-{n}.pdf", n)
            seconds = timed(pdf, args.repeat)
            times[n] = seconds
            count = printed_chars(pdf)
            print(f"{n:>7} {count:>8} {seconds:>8.2f} {seconds / count * 10_000:>10.2f}",
                  flush=True)
    if 10_000 in times and 60_000 in times:
        ratio = times[60_000] / times[10_000]
        verdict = "ok" if ratio <= TARGET else "TOO SLOW"
        print(f"\n60k / 10k = {ratio:.1f}x (target <= {TARGET:.0f}x; linear would be 6x the "
              f"characters): {verdict}")
        return 0 if ratio <= TARGET else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
