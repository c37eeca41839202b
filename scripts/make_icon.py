"""Draw the app icon: resources/icons/app.png (256 px) and app.ico (16–256 px, for Windows).

    python scripts/make_icon.py

A page with table rulings on the red of official documents, and a check mark: what the app
does, legible at 16 px. Drawn from code so the committed files can be remade and reviewed;
Pillow is already a pinned dependency.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
SIZE = 1024  # drawn large, scaled down with antialiasing
RED = (178, 34, 34, 255)
PAPER = (255, 255, 255, 255)
RULE = (150, 150, 150, 255)
HEADER = (230, 200, 200, 255)
GREEN = (46, 139, 87, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    s = size / 1024
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((32 * s, 32 * s, 992 * s, 992 * s), radius=180 * s, fill=RED)
    # the page, its folded corner and a table: a header row and ruled rows
    x0, y0, x1, y1, fold = 230 * s, 150 * s, 794 * s, 874 * s, 150 * s
    d.polygon([(x0, y0), (x1 - fold, y0), (x1, y0 + fold), (x1, y1), (x0, y1)], fill=PAPER)
    d.polygon([(x1 - fold, y0), (x1 - fold, y0 + fold), (x1, y0 + fold)], fill=HEADER)
    d.rectangle((x0 + 60 * s, 360 * s, x1 - 60 * s, 420 * s), fill=HEADER)
    for k in range(5):
        y = 420 * s + k * 80 * s
        d.line((x0 + 60 * s, y, x1 - 60 * s, y), fill=RULE, width=max(1, round(14 * s)))
    d.line((x0 + 250 * s, 360 * s, x0 + 250 * s, 740 * s), fill=RULE, width=max(1, round(14 * s)))
    d.rectangle((x0 + 60 * s, 230 * s, x0 + 340 * s, 280 * s), fill=RED)  # the title
    # the check mark in a green disc, over the page's lower right corner
    cx, cy, r = 720 * s, 760 * s, 190 * s
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=GREEN, outline=PAPER, width=round(28 * s))
    d.line([(cx - 95 * s, cy + 5 * s), (cx - 25 * s, cy + 80 * s), (cx + 105 * s, cy - 75 * s)],
           fill=PAPER, width=round(58 * s), joint="curve")
    return img


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    png = big.resize((256, 256), Image.Resampling.LANCZOS)
    png.save(OUT / "app.png", optimize=True)
    png.save(OUT / "app.ico", sizes=ICO_SIZES)
    for name in ("app.png", "app.ico"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
