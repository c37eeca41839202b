"""Rule settings: defaults shipped in resources/rules.json, overridden by the user's rules.json."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.resources import read_json

log = logging.getLogger(__name__)


def user_settings_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("DisclosureReviewDesk", appauthor=False)) / "rules.json"


@dataclass
class Settings:
    tolerances: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)

    def enabled(self, rule_id: str) -> bool:
        return bool(self.rules.get(rule_id, {}).get("enabled", True))

    def severity(self, rule_id: str, default: str) -> str:
        return str(self.rules.get(rule_id, {}).get("severity", default))

    def documents(self, rule_id: str, default: tuple[str, ...]) -> tuple[str, ...]:
        """The document families (core.model) the rule runs on: rules.json's "documents", else
        the catalogue's."""
        value = self.rules.get(rule_id, {}).get("documents")
        return tuple(value) if isinstance(value, list) else default

    def tol(self, name: str, default: Any) -> Any:
        return self.tolerances.get(name, default)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(
            out.get(key), dict) else value
    return out


def load_settings(user_file: Path | None = None) -> Settings:
    """Defaults, then the user's file if there is one (a broken file is logged and ignored)."""
    data = read_json("rules.json")
    path = user_file if user_file is not None else user_settings_path()
    if path.is_file():
        try:
            data = _merge(data, json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable rule settings %s: %s", path, exc)
    return Settings(dict(data.get("tolerances", {})), dict(data.get("rules", {})))
