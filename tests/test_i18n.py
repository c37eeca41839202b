"""The UI is Chinese by default and fully English with --lang en: every string of gui/ is in
resources/i18n/drd_en.ts with a translation, and the compiled .qm is what the app loads."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "drd_en.ts"


def _messages(path: Path) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            out[(name, m.findtext("source") or "")] = "" if kind else (tr.text or "")
    return out


def test_every_string_has_an_english_translation() -> None:
    untranslated = [src for (_, src), text in _messages(TS).items() if not text.strip()]
    assert not untranslated, f"untranslated: {untranslated}"


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_the_ts_file_holds_every_string_of_the_gui(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert not missing, f"run scripts/update_translations.py; new strings: {sorted(missing)}"


def test_the_compiled_translation_loads(qapp: QCoreApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    assert translator.translate("Commands", "下一条问题") == "Next finding"
