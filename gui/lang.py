"""The interface language chosen at start-up: zh (the default) or en. Finding messages come from
core in both languages; the window shows the one that matches."""
from __future__ import annotations

_lang = "zh"


def set_language(lang: str) -> None:
    global _lang
    _lang = "en" if lang == "en" else "zh"


def language() -> str:
    return _lang


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate under a short name (pyside6-lupdate finds `translate(` calls)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text)
