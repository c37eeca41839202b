"""The edits of tests/inject_seeds.py: the same realistic slips, in the seeds (by hand, each named
with the words it changes) and in the corpus (found by pattern in each parsed document)."""
from __future__ import annotations

import re
from typing import Any, Callable

from tests.inject_corpus import CorpusEdit, changed, edit_cell, edit_text, fresh
from tests.inject_seeds import SeedEdit, find_block, find_caption, find_cell, seed_source

CAIDIAN, HZ23, ZEZHOU = ("caidian-union-2023-final-accounts", "hangzhou-union-2023-final-accounts",
                         "zezhou-union-2022-final-accounts")
HZ24, HZSC = "hangzhou-union-2024-unit-budget", "hangzhou-service-center-2024-unit-budget"


def _p(family: str, seed: str, old: str, new: str, anchor: str | None = None,
       found_in: tuple[str, str] | None = None) -> SeedEdit:
    """A paragraph edit: old -> new in the paragraph holding anchor (old by default)."""
    return SeedEdit(family, seed, old, new, block=find_block(seed_source(seed), anchor or old),
                    found_in=found_in)


def _c(family: str, seed: str, table: str, row: str, old: str, new: str) -> SeedEdit:
    t, r, c = find_cell(seed_source(seed), table, row, old)
    return SeedEdit(family, seed, old, new, table=t, row=r, col=c)


def _t(family: str, seed: str, table: str, old: str, new: str) -> SeedEdit:
    t, k = find_caption(seed_source(seed), table, old)
    return SeedEdit(family, seed, old, new, table=t, caption=k)


P, F, T, C = "procurement", "performance", "tables", "coverage"
SEED_EDITS: dict[str, list[SeedEdit]] = {
    P: [
        _p(P, CAIDIAN, "政府采购货物支出 3.04 万元", "政府采购货物支出 5.04 万元"),
        _p(P, CAIDIAN, "授予小微企业合同金额 7.04 万元", "授予小微企业合同金额 9.04 万元"),
        _p(P, CAIDIAN, "占政府采购支出总额的100%", "占政府采购支出总额的80%"),
        _p(P, CAIDIAN, "政府采购服务支出 4 万元", "政府采购服务支出 6 万元"),
        _p(P, HZ23, "政府采购工程支出 0.00 万元", "政府采购工程支出 40.00 万元"),
        _p(P, HZ23, "占政府采购支出总额的 96.44%", "占政府采购支出总额的 94.64%"),
        _p(P, HZ23, "占授予中小企业合同金额的 28.80%", "占授予中小企业合同金额的 25.80%"),
        _p(P, HZ23, "授予中小企业合同金额504.92万元", "授予中小企业合同金额540.92万元"),
        _p(P, ZEZHOU, "政府采购货物支出0.00元", "政府采购货物支出36,000.00元"),
        _p(P, ZEZHOU, "政府采购授予中小企业合同金额0.00元", "政府采购授予中小企业合同金额25,000.00元"),
        _p(P, ZEZHOU, "授予小微企业合同金额0.00元", "授予小微企业合同金额12,000.00元"),
        _p(P, ZEZHOU, "政府采购服务支出0.00元", "政府采购服务支出8,000.00元"),
        _p(P, HZ24, "政府采购货物预算 82.00 万元", "政府采购货物预算 92.00 万元"),
        _p(P, HZ24, "政府采购预算总额 562.23 万元", "政府采购预算总额 526.23 万元"),
        _p(P, HZ24, "政府采购服务预算 480.23 万元", "政府采购服务预算 408.23 万元"),
        _p(P, HZ24, "政府采购工程预算 0 万元", "政府采购工程预算 30 万元"),
        _p(P, HZSC, "政府采购货物预算 2 万元", "政府采购货物预算 4 万元"),
        _p(P, HZSC, "政府采购服务预算 12.20 万元", "政府采购服务预算 21.20 万元"),
        _p(P, HZSC, "政府采购预算总额 14.20 万元", "政府采购预算总额 41.20 万元"),
        _p(P, HZSC, "政府采购工程预算 0 万元", "政府采购工程预算 5 万元"),
    ],
    F: [
        _p(F, CAIDIAN, "组织对2023年度", "组织对2021年度"),
        _p(F, CAIDIAN, "资金 490.95 万元", "资金 61.88 万元"),
        _p(F, CAIDIAN, "从自评情况看，2023年度", "从自评情况看，2020年度"),
        _p(F, HZ23, "组织对 2023 年度", "组织对 2021 年度"),
        _p(F, HZ23, "随决算公开 2023 年度", "随决算公开 2020 年度"),
        _p(F, HZ23, "二是 2023 年杭州市春风行动", "二是 2019 年杭州市春风行动"),
        _p(F, HZ24, "涉及当年财政拨款 3,705.39 万元", "涉及当年财政拨款 4,705.39 万元"),
        _p(F, HZ24, "2024 年本单位其他运转类项目", "2022 年本单位其他运转类项目"),
        _p(F, HZSC, "涉及当年财政拨款 69.08 万元", "涉及当年财政拨款 96.08 万元"),
        _p(F, HZSC, "2024 年本单位其他运转类项目", "2021 年本单位其他运转类项目"),
        _p(F, ZEZHOU, "组织对2022年度年初预算", "组织对2020年度年初预算"),
        _p(F, ZEZHOU, "2022年度一级项目绩效自评", "2019年度一级项目绩效自评"),
    ],
    T: [
        _t(T, CAIDIAN, "FIN-01", "2023年度收入支出决算总表", "2022年度收入支出决算总表"),
        _t(T, CAIDIAN, "FIN-02", "2023年度收入决算表", "武汉市总工会2023年度收入决算表"),
        _t(T, CAIDIAN, "FIN-03", "2023年度支出决算表", "2021年度支出决算表"),
        _c(T, HZ23, "FIN-06", "公务接待费", "5.09", "9.09"),
        _t(T, HZ23, "FIN-05", "2023 年度一般公共预算", "2022 年度一般公共预算"),
        _c(T, HZ23, "FIN-06", "公务用车运行维护费", "0.00", "3.00"),
        _c(T, HZ24, "BUD-T5", "合计", "5,303.61", "5,403.61"),
        _c(T, HZ24, "BUD-T8", "公务接待费", "5.90", "7.90"),
        _c(T, HZ24, "BUD-T3", "支出合计", "5,303.61", "5,203.61"),
        _t(T, HZ24, "BUD-T1", "2024年市级单位收支预算总表", "2023年市级单位收支预算总表"),
        _c(T, HZSC, "BUD-T5", "合计", "934.74", "943.74"),
        _c(T, HZSC, "BUD-T8", "公务接待费", "2.40", "4.20"),
        _t(T, HZSC, "BUD-T5", "2024 年市级单位一般公共预算支出预算表", "2022 年市级单位一般公共预算支出预算表"),
        _t(T, ZEZHOU, "FIN-01", "收入支出决算总表", "2021年度收入支出决算总表"),
        _t(T, ZEZHOU, "FIN-05", "一般公共预算财政拨款支出决算表", "2020年度一般公共预算财政拨款支出决算表"),
    ],
    C: [
        _p(C, HZ23, "群众团体事务（款）行政运行（项）", "群众团体事物（款）行政运行（项）"),
        _p(C, HZ23, "教育支出（类）职业教育（款）", "教育支出（类）职业教育（类）"),
        _p(C, HZ23, "行政事业单位养老支出（款）行政单位离退休（项）", "行政事业单位养老支出（款）",
           found_in=("FIN-05", "行政单位离退休")),
        _p(C, HZ24, "群众团体事务（款）一般行政管理事务（项）", "群众团体事务（款）",
           "一般行政管理事务（项）预算为", found_in=("BUD-T5", "一般行政管理事务")),
        _p(C, HZ24, "行政事业单位医疗（款）行政单位医疗（项）预算", "行政事业单位医疗（款）行政单位医病（项）预算"),
        _p(C, HZ24, "群众团体事务（款）其他群众团体事务支出（项）", "群众团体事务（类）其他群众团体事务支出（项）"),
        _p(C, HZSC, "群众团体事务（款）其他群众团体事务支出（项）", "群众团体事务（款）",
           found_in=("BUD-T5", "其他群众团体事务支出")),
        _p(C, HZSC, "行政事业单位医疗（款）事业单位医疗（项）", "行政事业单位医疗（款）事业单位医了（项）"),
        _p(C, HZSC, "行政事业单位养老支出（款）事业单位离退休（项）", "行政事业单位养老支出（类）事业单位离退休（项）"),
        _p(C, CAIDIAN, "3.卫生健康支出（类）", "3.卫生保健支出（类）"),
        _p(C, ZEZHOU, "住房保障支出(类)", "住房保险支出(类)"),
    ],
}


# -- corpus ----------------------------------------------------------------------------------------
NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
LOOKALIKE = {"务": "物", "理": "里", "运": "远", "障": "彰", "疗": "了", "政": "正", "费": "废",
             "休": "修", "保": "宝", "险": "验", "建": "健", "设": "没"}


def _text_edit(family: str, name: str, pattern: str, new: Callable[[re.Match[str]], str],
               group: int = 1, limit: int = 1, where: str = "") -> list[CorpusEdit]:
    """Edits of the first `limit` matches of pattern in the narrative (in sentences containing
    `where`): group `group` replaced with new(match)."""
    report = fresh(name)
    text = report.narrative.text
    out = []
    for m in re.finditer(pattern, text):
        sentence = report.narrative.sentence_at(m.start())
        if where and (sentence is None or where not in sentence.text):
            continue
        start, end, replacement = m.start(group), m.end(group), new(m)
        if replacement == m.group(group):
            continue

        def make(r: Any, s: int = start, e: int = end, t: str = replacement) -> Any:
            return edit_text(r, s, e, t), None

        out.append(CorpusEdit(family, name, f"{m.group(0)[:40]!r}: {m.group(group)!r} -> {replacement!r}",
                              make))
        if len(out) >= limit:
            break
    return out


def _year(report_year: int | None, back: int) -> Callable[[re.Match[str]], str]:
    return lambda m: str((report_year or int(m.group(1))) - back)


def procurement_edits(names: list[str]) -> list[CorpusEdit]:
    out: list[CorpusEdit] = []
    for name in names:
        out += _text_edit(P, name, rf"(?:货物|工程|服务)[^，。；\d]{{0,8}}?(?:金额|预算|支出)?{NUM}\s*万元",
                          lambda m: changed(m.group(1)), where="采购")
        out += _text_edit(P, name, rf"政府采购(?:金额|预算|支出预算)?(?:总额|总金额)?[^，。；\d]{{0,12}}?为?{NUM}\s*万元",
                          lambda m: changed(m.group(1), "0.61", "3"))
        out += _text_edit(P, name, rf"在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额{NUM}万元",
                          lambda m: "99,999.99")
        out += _text_edit(P, name, rf"预留给小型和微型企业的政府采购项目预算为{NUM}万元",
                          lambda m: changed(m.group(1), "1.5", "20"))
    return out


def performance_edits(names: list[str]) -> list[CorpusEdit]:
    out: list[CorpusEdit] = []
    for name in names:
        y = fresh(name).document.year
        out += _text_edit(F, name, r"(\d{4})年项目预算绩效目标编报", _year(y, 3))
        out += _text_edit(F, name, r"编报绩效目标的(\d{4})年度项目", _year(y, 2))
        out += _text_edit(F, name, rf"涉及项目预算资金{NUM}万元", lambda m: changed(m.group(1), "40", "100"))
        out += _text_edit(F, name, rf"实行绩效目标管理，涉及财政性资金合计{NUM}万元",
                          lambda m: "0" if m.group(1) == "0" else changed(m.group(1), "40", "100"))
        out += _text_edit(F, name, rf"整体支出绩效目标管理，涉及财政性资金合计{NUM}万元",
                          lambda m: changed(m.group(1), "3", "100"))
    return [e for e in out if not e.describe.endswith("-> '0'")]


def tables_edits(names: list[str]) -> list[CorpusEdit]:
    out: list[CorpusEdit] = []
    for name in names:
        report = fresh(name)
        y = report.document.year
        for table in report.tables:
            ref = table.title_ref
            if not table.standard or ref is None or not y or str(y) not in ref.text:
                continue
            page = ref.page
            k = next((i for i, ln in enumerate(report.document.page(page).lines) if ln.text == ref.text), None)
            if k is None:
                continue

            def make(r: Any, p: int = page, i: int = k, year: int = y) -> Any:
                line = r.document.page(p).lines[i]
                line.text = line.text.replace(str(year), str(year - 2), 1)
                return [(p, line.box)], None

            out.append(CorpusEdit(T, name, f"{table.id} title year {y} -> {y - 2}", make))
            break
        out += _economic_edits(name, report)
    return out


def _economic_edits(name: str, report: Any) -> list[CorpusEdit]:
    """A class row's amount in the other column of the 基本支出 table; 30217 above the 三公 table's
    公务接待费; the 收支总表's 人员经费 total changed."""
    from core.amounts import parse_amount

    out: list[CorpusEdit] = []
    econ = report.table("FIN-06" if report.document.kind == "决算" else "BUD-T8")
    if econ is None:
        return out
    records = econ.frame.to_dict("records")
    cols = [c for c in econ.frame.columns if c not in ("side", "code", "name", "level")]
    public = next((c for c in cols if "公用经费" in c), None)
    person = next((c for c in cols if "人员经费" in c), None)
    for i, r in enumerate(records):
        code = str(r["code"] or "")
        if code == "303" and public and (i, public) in econ.cells and person and r.get(person):
            amount = econ.cells[(i, person)].text
            out.append(CorpusEdit(T, name, f"303 in 公用经费: {amount}",
                                  lambda rep, i=i, a=amount: ((lambda pb: ([pb], (econ.id, i, public)))(
                                      edit_cell(rep, econ.id, i, public, a)))))
        if (code == "30217" or (not code and str(r["name"]).strip() == "公务接待费")) and _prints_reception(report):
            col = next((c for c in cols if (i, c) in econ.cells and parse_amount(econ.cells[(i, c)].text)),
                       None)
            if col is not None:
                new = changed(econ.cells[(i, col)].text, "100", "200000" if econ.unit == "元" else "20")
                out.append(CorpusEdit(T, name, f"公务接待费 -> {new}",
                                      lambda rep, i=i, c=col, n=new: ((lambda pb: ([pb], (econ.id, i, c)))(
                                          edit_cell(rep, econ.id, i, c, n)))))
    summary = report.table("BUD-T1")
    if summary is not None:
        for (i, c), ref in summary.cells.items():
            if "人员经费" in c and "总计" in str(summary.frame.at[i, "name"]) and parse_amount(ref.text):
                new = changed(ref.text, "0.8", "-10000")  # below the 一般公共预算 part
                out.append(CorpusEdit(T, name, f"收支总表人员经费 {ref.text} -> {new}",
                                      lambda rep, i=i, c=c, n=new: ((lambda pb: ([pb], ("BUD-T1", i, c)))(
                                          edit_cell(rep, "BUD-T1", i, c, n)))))
                break
    return out


def _prints_reception(report: Any) -> bool:
    """The 三公 table gives 公务接待费 a figure of its own (a column or a row)."""
    table = report.table("FIN-07" if report.document.kind == "决算" else "BUD-T9")
    if table is None or not len(table.frame):
        return False
    return any("公务接待" in c for c in table.frame.columns) or \
        any("公务接待" in str(n) for n in table.frame["name"])


CHAIN = re.compile(r"([^（()）、，；：“”\s\d.．-]{2,30}?)[（(](\d{0,3})(类|款|项)[）)]")


def coverage_edits(names: list[str]) -> list[CorpusEdit]:
    """A 项 dropped from its chain (explained at 款 level only), a name one character off, a 款
    labelled （类）."""
    out: list[CorpusEdit] = []
    for name in names:
        report = fresh(name)
        if report.table("FIN-05" if report.document.kind == "决算" else "BUD-T5") is None:
            continue  # the narrative alone (tables published apart): nothing to compare with
        text = report.narrative.text
        chains = list(CHAIN.finditer(text))
        done: set[str] = set()
        for m in chains:
            item, level = m.group(1), m.group(3)
            short = item[:-2] if item.endswith("支出") else item
            if level == "项" and "drop" not in done and text.count(short) == 1 and _large(report, item):
                done.add("drop")
                out.append(CorpusEdit(C, name, f"drop {m.group(0)}",
                                      lambda r, s=m.start(), e=m.end(): _dropped(r, s, e)))
            elif level == "款" and "label" not in done:
                done.add("label")
                s = m.start(3)
                out.append(CorpusEdit(C, name, f"{m.group(0)} labelled 类",
                                      lambda r, s=s: (edit_text(r, s, s + 1, "类"), None)))
            elif level in ("款", "项") and "typo" not in done and any(ch in LOOKALIKE for ch in item[1:]):
                k = next(j for j, ch in enumerate(item) if j and ch in LOOKALIKE)
                s = m.start(1) + k
                done.add("typo")
                out.append(CorpusEdit(C, name, f"{item} with {item[k]}->{LOOKALIKE[item[k]]}",
                                      lambda r, s=s, ch=LOOKALIKE[item[k]]: (edit_text(r, s, s + 1, ch), None)))
    return out


def _large(report: Any, item: str, share: str = "0.02") -> bool:
    """item is a 项 of the 一般公共预算 table with at least share of its total (clear of the 1%)."""
    from decimal import Decimal

    table = report.table("FIN-05" if report.document.kind == "决算" else "BUD-T5")
    cols = [c for c in table.frame.columns if c not in ("side", "code", "name", "level")]
    if not cols:
        return False
    rows = table.frame.to_dict("records")
    total = next((r[cols[0]] for r in rows if re.sub(r"\s", "", str(r["name"])) in ("合计", "总计")), None)
    mine = [r[cols[0]] for r in rows if re.sub(r"\s", "", str(r["name"])) == item
            and len(str(r["code"] or "")) in (0, 7)]
    return bool(total and len(mine) == 1 and mine[0] is not None and mine[0] >= Decimal(share) * total)


def _dropped(report: Any, start: int, end: int) -> Any:
    """The 项 name and label removed: the table row of that 项 is where its finding belongs."""
    nar = report.narrative
    item = CHAIN.match(nar.text, start)
    name = item.group(1) if item else ""
    edit_text(report, start, end, "")
    table = report.table("FIN-05" if report.document.kind == "决算" else "BUD-T5")
    targets = []
    if table is not None:
        for (i, c), ref in table.cells.items():
            if c == "name" and re.sub(r"\s", "", ref.text) == name:
                targets.append((ref.page, ref.bbox))
    return targets, None


GENERATORS: dict[str, Callable[[list[str]], list[CorpusEdit]]] = {
    P: procurement_edits, F: performance_edits, T: tables_edits, C: coverage_edits}
# real documents of every kind the families meet (决算 and 预算, 部门 and 单位, Shanghai and Jiangsu
# templates, 元 and 万元 tables): parsed once per session, edited in memory
CORPUS_FILES = [
    "gbc__上海市普陀区规划和自然资源局_2024_年度部门决算.pdf",
    "gbc__中共上海市普陀区委社会工作部_2024_年度部门决算.pdf",
    "gbc__dept_budget__普陀区司法局2026部门预算.pdf",
    "gbc__unit_budget__普陀区司法局2026单位预算.pdf",
    "gbc__上海市普陀区人民政府万里街道办事处25年预算.pdf",
    "gbc__上海市普陀区商务委员会单位25年预算.pdf",
    "tbxt__上海市普陀区财政局部门25年预算.pdf",
    "tbxt__上海市财政局25年预算.pdf",
    "tbxt__1769321433314-826553525__普陀区社会福利院2024单位预算.pdf",
    "ob__江苏省人民检察院__2018年省检察院部门预算公开.pdf",
    "ob__江苏省高级人民法院__江苏省高级人民法院2019年度部门预算公开.pdf",
    "ob__江苏省人大办公厅__省人大办公厅2018预算公开.pdf",
]
