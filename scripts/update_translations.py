"""Refresh resources/i18n/drd_en.ts from the gui sources and compile drd_en.qm.

    python scripts/update_translations.py

Chinese is the source language (the default UI); English lives in the .ts file, edited with
Qt Linguist or by hand. The test tests/test_i18n.py fails when a string has no translation.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "drd_en.ts"


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-source-language", "zh_CN",
                    "-target-language", "en", "-ts", str(TS.relative_to(ROOT))], cwd=ROOT, check=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
