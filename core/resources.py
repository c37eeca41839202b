"""One way to read shipped data files, the same frozen (PyInstaller) and unfrozen."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def read_text(*parts: str) -> str:
    return resources.files("resources").joinpath(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


def path(*parts: str) -> Any:
    """A Traversable for the resource (use as_file() when a real path is needed)."""
    return resources.files("resources").joinpath(*parts)


def resource_path(*parts: str) -> Path:
    """A real file path (Qt and pdfium want one); resources live in a folder, frozen or not."""
    return Path(str(resources.files("resources").joinpath(*parts)))
