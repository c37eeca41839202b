"""Rebuild resources/sample/sample-disclosure.pdf, the disclosure the app opens when started
without a file: the Caidian 2023 final accounts seed, rendered with every figure and word as
printed (its real defects are what a newcomer's first review finds).

    python scripts/make_sample.py
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.render import render_file  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seeds" / "caidian-union-2023-final-accounts.json"
OUT = ROOT / "resources" / "sample" / "sample-disclosure.pdf"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pdf, _truth = render_file(SEED, Path(tmp))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf, OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
