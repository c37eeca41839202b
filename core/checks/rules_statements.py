"""The narrative against itself and against the subject names of the tables:
the same figure given twice, enumerated parts against their total, 类/款/项 names (NAR-06, NAR-07)."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterator

from core.checks.codes import name_key, scheme
from core.checks.context import Context
from core.checks.facts import chain_of, chains_of
from core.checks.model import Finding
from core.checks.numbers import fmt
from core.checks.refs import norm_name
from core.checks.registry import rule
from core.checks.rules_narrative import narrative_num
from core.checks.rules_recompute import PRIOR, change_word, narrative_finding, paren_depth
from core.claims import Quantity, all_claims

MEASURE_BUDGET = re.compile(r"预算|安排")
MEASURE_FINAL = re.compile(r"决算|实际")
GENERIC_REF = re.compile(r"^(\d{4}年)?(当年)?(预算安排|预算数|预算|支出决算数?|决算数?|安排)$")
EXHAUSTIVE = [  # label keywords of enumerations that must add up to their total
    ("政府采购", ("货物", "工程", "服务")),
    ("基本支出", ("人员经费", "公用经费")),
]


def _measure(ctx: Context, label: str) -> str:
    if MEASURE_FINAL.search(label):
        return "final"
    if MEASURE_BUDGET.search(label):
        return "budget"
    return "final" if ctx.kind == "决算" else "budget"


@rule("NAR-06", "同一指标前后数额不一", "The same figure given twice with different values", "error",
      "同一段（同一科目）中，同一指标先后给出不同的金额，如“行政单位离退休（01项）56.12万元……"
      "2026年预算安排57.8万元”。")
def repeated(ctx: Context) -> Iterator[Finding]:
    seen: dict[tuple[int, str, str], Quantity] = {}
    for c in all_claims(ctx.narrative):
        para = ctx.narrative.paragraph_of(c.sentence.start)
        text = ctx.narrative.text[c.sentence.start:c.sentence.end]
        chain = chain_of(text)
        subject_of_sentence = "/".join(norm_name(n) for n, _, _ in chain) if chain else ""
        for q in c.amounts():
            if change_word(q) or PRIOR.search(q.label) or paren_depth(ctx, c, q):
                continue
            own = chain_of(q.label)
            if own:
                subject = "/".join(norm_name(n) for n, _, _ in own)
            elif GENERIC_REF.match(q.label) and subject_of_sentence:
                subject = subject_of_sentence
            else:
                continue
            key = (para, subject, _measure(ctx, q.label))
            first = seen.get(key)
            if first is None:
                seen[key] = q
                continue
            a, b = narrative_num(ctx, first), narrative_num(ctx, q)
            if abs(a.value - b.value) > a.half + b.half:
                yield narrative_finding("NAR-06", "error",
                               f"同一科目“{subject.split('/')[-1]}”前后金额不一：{first.text}{first.unit} 与 {q.text}{q.unit}",
                               f"'{subject}' given as {first.text} and {q.text}",
                               f"NAR-06|{subject}|{first.text}|{q.text}", [first, q], ctx,
                               {"printed": [first.text, q.text]})


@rule("NAR-07", "分项之和与所述合计", "Enumerated parts against their stated total", "error",
      "“X万元，其中：A a万元、B b万元……”：各分项之和不应超过合计；政府采购（货物+工程+服务）、"
      "基本支出（人员经费+公用经费）等完整列举的分项之和应等于合计。")
def enumerations(ctx: Context) -> Iterator[Finding]:
    for c in all_claims(ctx.narrative):
        text = ctx.narrative.text[c.sentence.start:c.sentence.end]
        m = re.search(r"其中[:：]?|包括[:：]?", text)
        if m is None:
            continue
        cut = c.sentence.start + m.start()
        amounts = [q for q in c.amounts() if not change_word(q) and not PRIOR.search(q.label)
                   and paren_depth(ctx, c, q) == 0]
        totals = [q for q in amounts if q.end <= cut]
        parts = [q for q in amounts if q.start > cut]
        if not totals or len(parts) < 2:
            continue
        total = totals[-1]
        parts = [p for p in parts if not re.fullmatch(r"(合计|总计|共计|小计)", p.label)]
        if re.search(r"(包括|其中)[:：]?", text[m.end():]):
            parts = [p for p in parts if _top_level(ctx, p, cut)]
        if len(parts) < 2 or any(re.search(r"预留|中小企业|小微|面向", p.label) for p in parts):
            continue  # 中小企业 reserved amounts overlap the kinds of purchase
        t = narrative_num(ctx, total)
        ps = [narrative_num(ctx, p) for p in parts]
        s = sum((p.value for p in ps), Decimal(0))
        room = t.half + sum((p.half for p in ps), Decimal(0))
        exhaustive = any(word in total.label and all(any(k in p.label for p in parts) for k in kinds)
                         for word, kinds in EXHAUSTIVE)
        over = s - t.value > room
        short = exhaustive and t.value - s > room
        if not over and not short:
            continue
        terms = " + ".join(f"{p.label} {p.text}" for p in parts)
        zh = (f"分项之和大于合计：{terms} = {fmt(s)} 万元，大于“{total.label}”{total.text} 万元" if over
              else f"分项之和与合计不符：{terms} = {fmt(s)} 万元，“{total.label}”为 {total.text} 万元")
        yield narrative_finding("NAR-07", "error", zh, f"Parts add up to {fmt(s)}, total says {total.text}",
                       f"NAR-07|{total.label}|{total.text}", [total, *parts], ctx,
                       {"printed": total.text, "computed": s, "operands": [p.text for p in parts]})


def _top_level(ctx: Context, q: Quantity, cut: int) -> bool:
    """In "其中：A 1万元，主要包括：a 0.5万元、b…；B 2万元…" only A and B are parts of the total."""
    before = ctx.narrative.text[cut:q.start]
    separators = [ch for ch in before if ch in "、，；：:"]
    return len(separators) <= 1 or separators[-1] == "；"


@rule("TXT-NAME", "说明中的科目名称与表中一致", "Subject names in the narrative match the tables", "warn",
      "说明中“某某（类）某某（款）某某（项）”的各级名称应与表中该科目的名称一致，且所述科目应在表中出现。")
def subject_names(ctx: Context) -> Iterator[Finding]:
    from core.checks.facts import tables_for

    rows_by_table = {}
    names: dict[int, dict[str, str]] = {}
    classes = _class_catalogue()
    for table_id in tables_for(ctx, ""):
        table = ctx.table(table_id)
        if table is None:
            continue
        records = ctx.records(table)
        if any(r["code"] for r in records):
            rows_by_table[table_id] = {str(r["code"]): norm_name(r["name"]) for r in records
                                       if r["code"]}
        for r in records:  # class rows, coded or recognised by their catalogue name
            code = str(r["code"] or classes.get(name_key(r["name"]), ""))
            if code:
                names.setdefault(len(code), {}).setdefault(norm_name(r["name"]), code)
    if not names.get(3):
        return
    done: set = set()
    for sentence in ctx.narrative.sentences:
        text = ctx.narrative.text[sentence.start:sentence.end]
        for chain in chains_of(text):
            if chain[0][2] == "类":
                yield from _class_name(ctx, sentence.start, text, chain[0], names, done)
            if len(chain) >= 2:
                yield from _chain_names(ctx, sentence.start, text, chain, names, rows_by_table, done)


@lru_cache(maxsize=1)
def _class_catalogue() -> dict[str, str]:
    """Every 类 name the catalogues know, old names included, with its code."""
    out: dict[str, str] = {}
    for kind in ("functional", "economic"):
        cat = scheme(kind)
        for code, name in cat.codes.items():
            if len(code) == 3:
                out[name_key(name)] = code
        for r in cat.renamed:
            if len(str(r["code"])) == 3:
                out[name_key(r["name"])] = str(r["code"])
    return out


def _span(offset: int, text: str, first: str, last: str) -> Quantity:
    """The printed words from first to last (both names of one chain) as a located quantity."""
    start = text.find(first)
    end = text.find(last, max(start, 0)) + len(last) if last in text else -1
    if start < 0 or end < start:
        start, end = 0, len(text)
    return Quantity("name", Decimal(0), text[start:end], "", offset + start, offset + end,
                    text[start:end], text, offset)


def _class_name(ctx: Context, offset: int, text: str, item: tuple, names: dict, done: set
                ) -> Iterator[Finding]:
    """A 类 the narrative names must be a class the tables print (the narrative explains them)."""
    classes = names.get(3, {})
    name = item[0]
    key = norm_name(name)
    if not classes or key in classes or key + "支出" in classes or ("class", key) in done:
        return
    if item[1] and len(item[1]) == 3 and item[1] in classes.values():
        return  # named differently but coded alike: CODE-04 judges the names
    done.add(("class", key))
    span = [_span(offset, text, name, name)]
    lower = next((code for width in (5, 7) for n, code in names.get(width, {}).items() if n == key), None)
    if lower is not None:  # the right subject, labelled a level too high
        level = "款" if len(lower) == 5 else "项"
        yield narrative_finding("TXT-NAME", "info", f"“{name}”是{level}级科目（{lower}），说明标为（类）",
                                f"'{name}' is a {level} ({lower}), labelled 类 in the narrative",
                                f"TXT-NAME|class|{key}", span, ctx, {"printed": name})
        return
    renamed = scheme("functional").outdated(name, ctx.doc.year)
    detail = f"，该类已更名为“{renamed['now']}”" if renamed else ""
    yield narrative_finding("TXT-NAME", "warn",
                            f"说明中的类级科目“{name}”不在表中{detail}（表中的类为：{'、'.join(sorted(classes))[:80]}）",
                            f"The class '{name}' named in the narrative is not in the tables",
                            f"TXT-NAME|class|{key}", span, ctx, {"printed": name})


def _chain_names(ctx: Context, offset: int, text: str, chain: list, names: dict,
                 rows_by_table: dict, done: set) -> Iterator[Finding]:
    """The 款 and 项 a chain names must be printed under its 类 in the tables; the finding covers
    the chain from the 类 to the name that does not fit, since either may be the wrong one."""
    classes = names.get(3, {})
    class_code = classes.get(norm_name(chain[0][0])) or classes.get(norm_name(chain[0][0]) + "支出")
    if class_code is None:
        return
    for depth, (name, _, level) in enumerate(chain[1:3], start=1):
        width = 3 + 2 * depth
        key = norm_name(name)
        under = {n for codes in rows_by_table.values() for code, n in codes.items()
                 if len(code) == width and code.startswith(class_code)}
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
    for depth, (name, _, level) in enumerate(chain[1:3], start=1):
        width = 3 + 2 * depth
        key = norm_name(name)
        under = {n for codes in rows_by_table.values() for code, n in codes.items()
                 if len(code) == width and code.startswith(class_code)}
        if key in under or not under or (class_code, key) in done:
            continue
        done.add((class_code, key))
        start = c.sentence.start + text.find(name) if name in text else c.sentence.start
        q = Quantity("name", Decimal(0), name, "", start, start + len(name), name, text,
                     c.sentence.start)
        yield narrative_finding("TXT-NAME", "warn",
                                f"说明中的{level}级科目“{name}”不在表中“{chain[0][0]}”之下（表中为："
                       f"{'、'.join(sorted(under))[:60]}）",
                       f"'{name}' ({level}) is not among the table's items under {chain[0][0]}",
                       f"TXT-NAME|{class_code}|{key}", [q], ctx, {"printed": name})
        return
