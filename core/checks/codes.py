"""The 政府收支分类科目 catalogue (resources/codes) and name matching against it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from core.resources import read_json

_BRACKETS = str.maketrans({"(": "（", ")": "）", "“": "", "”": "", '"': "", "'": ""})


def name_key(name: str) -> str:
    """A subject name as compared: no spaces or quotes, CJK brackets."""
    return "".join(str(name).split()).translate(_BRACKETS)


@dataclass
class Scheme:
    codes: dict[str, str]
    renamed: list[dict[str, Any]]
    retired: dict[str, dict[str, Any]]
    aliases: dict[str, list[str]]
    uncertain: set[str]
    by_name: dict[str, list[str]] = field(default_factory=dict)

    def official(self, code: str, year: int | None) -> str | None:
        """The name code had in fiscal year (None when the catalogue does not know it)."""
        if year is not None:
            olds = sorted((r for r in self.renamed if r["code"] == code and year <= r["until"]),
                          key=lambda r: r["until"])
            if olds:
                return str(olds[0]["name"])
        if code in self.codes:
            return self.codes[code]
        retired = self.retired.get(code)
        if retired and (year is None or year <= retired["until"]):
            return str(retired["name"])
        return None

    def acceptable(self, code: str, name: str, year: int | None) -> bool:
        official = self.official(code, year)
        if official is None:
            return True
        key = name_key(name)
        names = [official, *self.aliases.get(code, [])]
        if year is not None:  # the years a rename straddles: either name is fine
            names += [r["name"] for r in self.renamed if r["code"] == code
                      and abs(year - int(r["until"])) <= 1]
            if any(r["code"] == code and abs(year - int(r["until"])) <= 1 for r in self.renamed):
                names.append(self.codes.get(code, official))
        return any(key == name_key(n) for n in names)

    def outdated(self, name: str, year: int | None) -> dict[str, Any] | None:
        """The rename entry when name is a class name no longer valid in year."""
        key = name_key(name)
        for r in self.renamed:
            if name_key(r["name"]) == key and year is not None and year > int(r["until"]) + 1 \
                    and name_key(r["now"]) != key:
                return r
        return None


@lru_cache(maxsize=None)
def scheme(kind: str) -> Scheme:
    data = read_json("codes", f"{kind}.json")
    retired = {r["code"]: r for r in data.get("retired", [])}
    s = Scheme(dict(data["codes"]), list(data.get("renamed", [])), retired,
               {k: list(v) for k, v in data.get("aliases", {}).items()},
               set(data.get("uncertain", {})))
    for code, name in s.codes.items():
        s.by_name.setdefault(name_key(name), []).append(code)
    return s


def scheme_of(code: str) -> Scheme | None:
    if re.fullmatch(r"2\d{2}(\d{2}){0,2}", code):
        return scheme("functional")
    if re.fullmatch(r"3\d{2}(\d{2})?", code):
        return scheme("economic")
    return None
