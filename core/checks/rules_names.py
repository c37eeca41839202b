"""Subject names in the narrative against the tables (TXT-NAME): every 类/款/项 the narrative names
must be a subject the tables print, at the level it is labelled, under the class it is put in.

Functional names (功能分类: the 收支、支出、一般公共预算 tables) are compared only with functional
names and economic ones (经济分类: the 基本支出 table) only with economic names: "商品和服务支出（类）"
is an economic class, not a functional class the tables lack. The narrative names subjects in
labelled chains ("公共安全支出（204类）司法（06款）行政运行（01项）", also from the 款 down) and in
quoted paths ("“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”"). A wrong name is
reported once with every place it is printed; a name one character off a table's name is told
so. A trailing 支出 dropped or added is the same name.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from core.checks.codes import scheme
from core.checks.context import Context
from core.checks.model import Finding, Location
from core.checks.refs import norm_name
from core.checks.registry import rule
from core.checks.rules_coverage import close
from core.checks.subjects import Mention, loose, mentions

ECONOMIC_TABLES = ("FIN-06", "BUD-T8")
WIDTH = {"类": 3, "款": 5, "项": 7}
LEVEL_OF = {3: "类", 5: "款", 7: "项"}


@dataclass
class Subjects:
    """What one scheme's tables print: names by code width, and the names under each class."""

    names: dict[int, dict[str, str]] = field(default_factory=dict)  # width -> loose name -> code
    under: dict[str, dict[int, dict[str, str]]] = field(default_factory=dict)  # class -> width -> ..
    printed: dict[str, str] = field(default_factory=dict)  # loose name -> name as the table prints it

    def add(self, code: str, name: str) -> None:
        key = loose(name)
        self.names.setdefault(len(code), {}).setdefault(key, code)
        self.under.setdefault(code[:3], {}).setdefault(len(code), {}).setdefault(key, code)
        self.printed.setdefault(key, norm_name(name))

    def class_of(self, name: str) -> str | None:
        return self.names.get(3, {}).get(loose(name))

    def level_of(self, name: str, cls: str | None) -> tuple[int, str] | None:
        """(width, code) of a name printed at some level (under cls when given)."""
        pool = self.under.get(cls, {}) if cls else self.names
        for width in (3, 5, 7):
            code = pool.get(width, {}).get(loose(name))
            if code:
                return width, code
        return None

    def nearest(self, name: str, width: int, cls: str | None) -> str | None:
        pool = (self.under.get(cls, {}) if cls else self.names).get(width, {})
        return next((self.printed[k] for k in pool if close(k, name)), None)


@lru_cache(maxsize=1)
def _class_catalogue() -> dict[str, tuple[str, str]]:
    """Every 类 name the catalogues know, old names included: loose name -> (scheme, code)."""
    out: dict[str, tuple[str, str]] = {}
    for kind in ("functional", "economic"):
        cat = scheme(kind)
        out.update({loose(n): (kind, c) for c, n in cat.codes.items() if len(c) == 3})
        out.update({loose(r["name"]): (kind, str(r["code"])) for r in cat.renamed
                    if len(str(r["code"])) == 3})
    return out


def _subjects(ctx: Context) -> dict[str, Subjects]:
    """Functional and economic subjects as the document's tables print them."""
    out = {"functional": Subjects(), "economic": Subjects()}
    catalogue = _class_catalogue()
    for table in ctx.tables.values():
        if ctx.table(table.id) is None:
            continue
        kind = "economic" if table.id in ECONOMIC_TABLES else "functional"
        current = None  # the class an uncoded row is printed under
        for r in ctx.records(table):
            code, name = str(r["code"] or ""), norm_name(r["name"])
            if not name:
                continue
            if code:
                if len(code) in (3, 5, 7):
                    out["economic" if code.startswith("3") else "functional"].add(code, name)
                continue
            known = catalogue.get(loose(name))
            if known and known[0] == kind:
                current = known[1]
                out[kind].add(current, name)
            elif current:
                sub = out[kind].under.setdefault(current, {})
                sub.setdefault(0, {}).setdefault(loose(name), "")  # width unknown
                out[kind].printed.setdefault(loose(name), name)
    return out


def _scheme_of(m: Mention, subjects: dict[str, Subjects]) -> str:
    first = m.items[0][0]
    if subjects["economic"].class_of(first) or _class_catalogue().get(loose(first), ("",))[0] == "economic":
        return "economic"
    if m.items[0][2] != "类" and subjects["economic"].level_of(first, None) \
            and not subjects["functional"].level_of(first, None):
        return "economic"
    return "functional"


@rule("TXT-NAME", "说明中的科目名称与表中一致", "Subject names in the narrative match the tables", "warn",
      "说明中“某某（类）某某（款）某某（项）”或“类-款-项”的各级名称应与表中该科目的名称一致、级次相符，"
      "且所述科目应在表中该类之下出现；功能分类名称只与功能分类表比较，经济分类名称只与基本支出表比较。")
def subject_names(ctx: Context) -> Iterator[Finding]:
    subjects = _subjects(ctx)
    if not subjects["functional"].names.get(3) and not subjects["economic"].names.get(3):
        return
    problems: dict[str, tuple[str, str, list[Location], dict]] = {}
    for m in mentions(ctx):
        if not m.items[0][0]:
            continue  # a bare code
        kind = _scheme_of(m, subjects)
        for key, zh, en, values in _check(ctx, m, subjects[kind], kind):
            where = [Location(p, b, text=ctx.narrative.text[m.start:m.end])
                     for p, b in ctx.narrative.boxes(m.start, m.end)]
            if key in problems:
                problems[key][2].extend(where)
            else:
                sentence = ctx.narrative.sentences[m.sentence].text
                problems[key] = (zh, en, where, {**values, "sentence": sentence})
    for key, (zh, en, where, values) in problems.items():
        times = len({(loc.page, loc.bbox) for loc in where})
        if times > 1:
            zh += f"（共 {times} 处）"
        yield Finding("TXT-NAME", "warn", zh, en, key, where, values)


def _check(ctx: Context, m: Mention, subjects: Subjects, kind: str
           ) -> Iterator[tuple[str, str, str, dict]]:
    """The first name of the mention that does not fit the tables (a later one would follow it)."""
    scheme_zh = "经济分类" if kind == "economic" else "功能分类"
    cls: str | None = None
    for depth, (name, _, level) in enumerate(m.items):
        width = WIDTH[level]
        if depth == 0 and m.longer and subjects.level_of(m.longer, None):
            name = m.longer  # the chain pattern stops at 、 inside a name
        if depth == 0 and level == "类":
            cls = subjects.class_of(name)
            if cls:
                continue
            if scheme("functional").outdated(name, ctx.doc.year):
                return  # CODE-04 reports an old class name with the name it now has
            yield from _misfit(name, level, None, "", subjects, scheme_zh)
            return
        if depth == 0:  # a chain from the 款 (or 项) down: the class is where the tables print it
            found = subjects.level_of(name, None)
            if found and found[0] == width:
                cls = found[1][:3]
                continue
            uncoded = next((c for c, pool in subjects.under.items() if loose(name) in pool.get(0, {})), None)
            if uncoded and not found:
                cls = uncoded
                continue
            yield from _misfit(name, level, None, "", subjects, scheme_zh)
            return
        pool = subjects.under.get(cls or "", {})
        if loose(name) in pool.get(width, {}) or (not pool.get(width) and loose(name) in pool.get(0, {})):
            continue
        if not pool.get(width) and not pool.get(0):
            return  # the tables print nothing at that level under the class: nothing to compare
        parent = next((n for n, _, lv in m.items if lv == "类"), m.items[0][0])
        yield from _misfit(name, level, cls, parent, subjects, scheme_zh)
        return


def _misfit(name: str, level: str, cls: str | None, parent: str, subjects: Subjects,
            scheme_zh: str) -> Iterator[tuple[str, str, str, dict]]:
    width = WIDTH[level]
    key = f"TXT-NAME|{cls or 'class'}|{norm_name(name)}"  # as before: decisions re-attach
    other = subjects.level_of(name, cls)
    if other and other[0] != width:  # the right subject, labelled at another level
        yield (key, f"“{name}”是{LEVEL_OF[other[0]]}级科目（{other[1]}），说明标为（{level}）",
               f"'{name}' is a {LEVEL_OF[other[0]]} ({other[1]}), labelled {level} in the narrative",
               {"printed": name, "expected": LEVEL_OF[other[0]]})
        return
    near = subjects.nearest(name, width, cls)
    pool = (subjects.under.get(cls, {}) if cls else subjects.names).get(width) or \
        (subjects.under.get(cls, {}).get(0, {}) if cls else {})
    if not pool:
        return  # the tables print nothing at that level: nothing to tell the name from
    listed = "、".join(sorted({subjects.printed.get(k, k) for k in pool}))[:60]
    where = f"表中“{parent}”之下" if cls else f"{scheme_zh}表中"
    if near:
        yield (key, f"说明中的{level}级科目“{name}”与{where}的“{near}”相差一字",
               f"'{name}' ({level}) is one character off the table's '{near}'",
               {"printed": name, "expected": near})
        return
    yield (key, f"说明中的{level}级科目“{name}”不在{where}（表中为：{listed}）",
           f"'{name}' ({level}) is not among the table's {scheme_zh} subjects"
           + (f" under {parent}" if cls else ""), {"printed": name})
