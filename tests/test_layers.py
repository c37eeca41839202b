"""core/ never imports Qt, so the command line and batch runs need no display (ARCHITECTURE.md)."""
from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT


def test_core_source_never_imports_qt() -> None:
    offenders = []
    for path in (ROOT / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "gui") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, offenders


def test_checking_a_file_loads_no_qt() -> None:
    code = ("import sys, core.cli, core.analysis, core.report_json; "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
