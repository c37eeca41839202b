"""Subject names in the narrative against the tables (TXT-NAME): a 类 the narrative explains must
be a class the tables print, and the 款 and 项 it names under it must be printed under that class."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from core.checks.codes import name_key, scheme
from core.checks.context import Context
from core.checks.facts import chains_of, tables_for
from core.checks.model import Finding
from core.checks.refs import norm_name
from core.checks.registry import rule
from core.checks.rules_recompute import narrative_finding
from core.claims import Quantity

Item = tuple[str, "str | None", str]  # (name, code, level) of a 类/款/项 chain


@dataclass
class Subjects:
    """What the tables print: names by code width, and the names printed under each class."""

    names: dict[int, dict[str, str]] = field(default_factory=dict)  # width -> name -> code
    under: dict[str, dict[int, set[str]]] = field(default_factory=dict)  # class -> width -> names
    loose: dict[str, set[str]] = field(default_factory=dict)  # class -> names (uncoded tables)

    def class_code(self, name: str) -> str | None:
        classes = self.names.get(3, {})
        return classes.get(norm_name(name)) or classes.get(norm_name(name) + "支出")


@lru_cache(maxsize=1)
def _class_catalogue() -> dict[str, str]:
    """Every 类 name the catalogues know, old names included, with its code."""
    out: dict[str, str] = {}
    for kind in ("functional", "economic"):
        cat = scheme(kind)
        out.update({name_key(n): c for c, n in cat.codes.items() if len(c) == 3})
        out.update({name_key(r["name"]): str(r["code"]) for r in cat.renamed if len(str(r["code"])) == 3})
    return out


def _subjects(ctx: Context) -> Subjects:
    subjects = Subjects()
    catalogue = _class_catalogue()
    for table_id in tables_for(ctx, ""):
        table = ctx.table(table_id)
        if table is None:
            continue
        current = None  # the class an uncoded row is printed under
        for r in ctx.records(table):
            name = norm_name(r["name"])
            code = str(r["code"] or "")
            if code:
                subjects.names.setdefault(len(code), {}).setdefault(name, code)
                subjects.under.setdefault(code[:3], {}).setdefault(len(code), set()).add(name)
                continue
            known = catalogue.get(name_key(r["name"]))
            if known:
                current = known
                subjects.names.setdefault(3, {}).setdefault(name, known)
            elif current and name:
                subjects.loose.setdefault(current, set()).add(name)
    return subjects


@rule("TXT-NAME", "说明中的科目名称与表中一致", "Subject names in the narrative match the tables", "warn",
      "说明中“某某（类）某某（款）某某（项）”的各级名称应与表中该科目的名称一致，且所述科目应在表中出现。")
def subject_names(ctx: Context) -> Iterator[Finding]:
    subjects = _subjects(ctx)
    if not subjects.names.get(3):
        return
    done: set[tuple[str, str]] = set()
    for sentence in ctx.narrative.sentences:
        text = ctx.narrative.text[sentence.start:sentence.end]
        for chain in chains_of(text):
            if chain[0][2] == "类":
                yield from _class_name(ctx, sentence.start, text, chain[0], subjects, done)
            if len(chain) >= 2:
                yield from _chain_names(ctx, sentence.start, text, chain, subjects, done)


def _span(offset: int, text: str, first: str, last: str) -> Quantity:
    """The printed words from first to last (both names of one chain) as a located quantity."""
    start = text.find(first)
    end = text.find(last, max(start, 0)) + len(last) if last in text else -1
    if start < 0 or end < start:
        start, end = 0, len(text)
    return Quantity("name", Decimal(0), text[start:end], "", offset + start, offset + end,
                    text[start:end], text, offset)


def _class_name(ctx: Context, offset: int, text: str, item: Item, subjects: Subjects,
                done: set[tuple[str, str]]) -> Iterator[Finding]:
    classes = subjects.names.get(3, {})
    name, code, _ = item
    key = norm_name(name)
    if subjects.class_code(name) or ("class", key) in done:
        return
    if code and len(code) == 3 and code in classes.values():
        return  # named differently but coded alike: CODE-04 judges the names
    if scheme("functional").outdated(name, ctx.doc.year):
        return  # an old class name: CODE-04 reports it with the name it now has
    done.add(("class", key))
    span = [_span(offset, text, name, name)]
    lower = next((c for width in (5, 7) for n, c in subjects.names.get(width, {}).items() if n == key), None)
    if lower is not None:  # the right subject, labelled a level too high
        level = "款" if len(lower) == 5 else "项"
        yield narrative_finding("TXT-NAME", "info", f"“{name}”是{level}级科目（{lower}），说明标为（类）",
                                f"'{name}' is a {level} ({lower}), labelled 类 in the narrative",
                                f"TXT-NAME|class|{key}", span, ctx, {"printed": name})
        return
    yield narrative_finding("TXT-NAME", "warn",
                            f"说明中的类级科目“{name}”不在表中（表中的类为：{'、'.join(sorted(classes))[:80]}）",
                            f"The class '{name}' named in the narrative is not in the tables",
                            f"TXT-NAME|class|{key}", span, ctx, {"printed": name})


def _chain_names(ctx: Context, offset: int, text: str, chain: list[Item], subjects: Subjects,
                 done: set[tuple[str, str]]) -> Iterator[Finding]:
    """The finding covers the chain from the 类 to the name that does not fit: either may be wrong."""
    class_code = subjects.class_code(chain[0][0])
    if class_code is None:
        return
    for depth, (name, _, level) in enumerate(chain[1:3], start=1):
        key = norm_name(name)
        under = subjects.under.get(class_code, {}).get(3 + 2 * depth) or subjects.loose.get(class_code, set())
        if key in under or not under or (class_code, key) in done:
            continue
        done.add((class_code, key))
        yield narrative_finding("TXT-NAME", "warn",
                                f"说明中的{level}级科目“{name}”不在表中“{chain[0][0]}”之下（表中为："
                                f"{'、'.join(sorted(under))[:60]}）",
                                f"'{name}' ({level}) is not among the table's items under {chain[0][0]}",
                                f"TXT-NAME|{class_code}|{key}", [_span(offset, text, chain[0][0], name)], ctx,
                                {"printed": name})
        return
