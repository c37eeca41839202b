"""文字表达: template residue, doubled words and punctuation, unbalanced brackets, stray Latin words,
a 占 without its %, counts with decimals (domain-rules.md §2.7)."""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context, words_around
from core.checks.model import Finding, Location
from core.checks.registry import rule

DIRECTIONS = "增加|减少|增长|下降|上升|降低|大于|小于|高于|低于|持平"
TEMPLATE = re.compile(
    r"X{2,}|×{2,}|某某|[{｛][^}｝]{0,12}[}｝]|（不涉及的不列）|（如持平作持平表述）|按上述格式依次说明|"
    rf"(?:{DIRECTIONS})[（(/](?:{DIRECTIONS})[）)]?|仍保留该表格式|并在本表下方作.{{0,6}}说明|"
    r"(?<![\d])20\d?[X×Ｘ]{1,2}(?=\s*年)|[（(](?:按[^（）()]{0,20}填[写列报]|请?填[写列报][^（）()]{0,20}"
    r"|增加内容|补充内容|[^（）()，。]{0,6}名称)[）)]|(?<!《)……(?![^《》]{0,30}》)|"
    r"重点工作事项标题|（参考《[^》]*》说明逐项解释）|根据本部门使用的其他专用名词补充|请依据.{0,20}实际情况|"
    r"部门名称(?=[^：:]{0,4}(政府采购|收入|支出))|XX局|XX单位|xx")
DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,8})\1")
DOUBLE_PUNCT = re.compile(r"([，。；：、！？])\1+|。[；，]|，。")
LATIN = re.compile(r"(?<=[\u4e00-\u9fff])\s*([a-z]{2,})\s*(?=[\u4e00-\u9fff])")
PERCENT_MISSING = re.compile(r"占[^，。；%％\d]{0,12}?(\d+\.\d+)(?![\d.%％万元])")
COUNT_DECIMALS = re.compile(r"\d+\.\d+\s*(个|辆|人次|批次|台|套)")
OK_DOUBLES = {"谢谢", "常常", "天天", "年年", "人人", "个个", "处处", "事事", "时时", "刚刚"}
# Words that end or begin a longer term, so that "在职人员人员经费" reads 在职人员 + 人员经费: a
# doubled word is legitimate when the first copy ends one term and the second begins another.
TERMS = ("在职人员", "离退休人员", "退休人员", "离休人员", "工作人员", "编制人员", "聘用人员",
         "人员经费", "人员支出", "公用经费", "项目支出", "项目经费", "基本支出", "预算安排", "预算执行",
         "财政拨款", "拨款收入", "收入预算", "支出预算", "支出决算", "收入决算", "决算收入", "决算支出",
         "经费支出", "经费预算", "资金支出", "专项资金", "资金预算", "管理费用", "费用支出")


def _compound(text: str, start: int, word: str) -> bool:
    """text[start:] begins with word twice: does the first copy end a term and the second begin one?"""
    mid = start + len(word)
    ends = any(t.endswith(word) and len(t) > len(word) and text[mid - len(t):mid] == t for t in TERMS)
    begins = any(t.startswith(word) and len(t) > len(word) and text[mid:mid + len(t)] == t
                 for t in TERMS)
    return ends and begins


def _printed_apart(ctx: Context, mid: int) -> bool:
    """The two copies were printed as two things, with a gap between them on the line: a heading
    and the body that begins with the same words ("（27）赔偿委员会办公室    赔偿委员会办公室依法…")."""
    refs = ctx.narrative.refs
    a, b = refs[mid - 1] if mid > 0 else None, refs[mid] if mid < len(refs) else None
    if a is None or b is None:
        return True  # a line or paragraph break between them
    (pa, ca), (pb, cb) = a, b
    size = ca.bottom - ca.top
    return pa != pb or abs(ca.top - cb.top) > size / 2 or cb.x0 - ca.x1 > 0.8 * size


def _loc(ctx: Context, start: int, end: int, text: str) -> list[Location]:
    return [Location(p, b, text=text) for p, b in ctx.narrative.boxes(start, end)]


def _hits(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], str]]:
    for m in pattern.finditer(ctx.narrative.text):
        sentence = ctx.narrative.sentence_at(m.start())
        yield m, sentence.text if sentence else ""


@rule("FMT-01", "模板残留与占位符", "Template residue and placeholders", "error",
      "说明、表格标题中不应残留模板说明文字或占位符，如“XX局”“（不涉及的不列）”“增加（减少）”"
      "“仍保留该表格式，并在本表下方作下述说明”。")
def template_residue(ctx: Context) -> Iterator[Finding]:
    by_sentence: dict[str, list[re.Match[str]]] = {}
    for m, sentence in _hits(ctx, TEMPLATE):
        by_sentence.setdefault(sentence, []).append(m)
    for sentence, matches in by_sentence.items():  # one finding per sentence, all its residue
        words = "、".join(dict.fromkeys(f"“{m.group(0)}”" for m in matches))
        locs = [loc for m in matches for loc in _loc(ctx, m.start(), m.end(), m.group(0))]
        yield Finding("FMT-01", "error", f"模板残留或占位符：{words}", f"Template residue: {words}",
                      f"FMT-01|{words}|{sentence[:30]}", locs, {"printed": words, "sentence": sentence})
    for table in ctx.report.tables:
        ref = table.title_ref
        if ref and (TEMPLATE.search(ref.text) or re.search(r"XX|某某", ref.text)):
            yield Finding("FMT-01", "error", f"表格标题含占位符：“{ref.text}”", f"Placeholder in a title: {ref.text}",
                          f"FMT-01|title|{table.id}", [Location(ref.page, ref.bbox, table.id, text=ref.text)],
                          {"printed": ref.text})
    for page in ctx.doc.pages:
        for line in page.lines:
            flat = "".join(line.text.split())
            if re.search(r"XX|某某", flat) and re.search(r"第[一二三四五六七八九十]+部分|年度", flat):
                yield Finding("FMT-01", "error", f"第{page.number}页标题含占位符：“{flat[:40]}”",
                              f"Placeholder in a heading on page {page.number}", f"FMT-01|heading|{flat[:30]}",
                              [Location(page.number, line.box, text=flat)], {"printed": flat})


@rule("FMT-07", "重复字词与标点", "Doubled words and punctuation", "info",
      "同一词语或标点连续重复，如“主要用于主要用于”“。。”。")
def doubled(ctx: Context) -> Iterator[Finding]:
    for m, sentence in _hits(ctx, DOUBLED):
        if m.group(1) in OK_DOUBLES or len(set(m.group(1))) == 1 \
                or _compound(ctx.narrative.text, m.start(), m.group(1)) \
                or _printed_apart(ctx, m.start() + len(m.group(1))):
            continue
        yield Finding("FMT-07", "info", f"字词重复：“{m.group(0)}”", f"Doubled words: {m.group(0)}",
                      f"FMT-07|{m.group(0)}|{sentence[:20]}", _loc(ctx, m.start(), m.end(), m.group(0)),
                      {"printed": m.group(0), "sentence": sentence})
    for m, sentence in _hits(ctx, DOUBLE_PUNCT):
        yield Finding("FMT-07", "info", f"标点重复或误用：“{m.group(0)}”", f"Doubled punctuation: {m.group(0)}",
                      f"FMT-07|punct|{words_around(ctx.narrative.text, m.start(), m.end())}",
                      _loc(ctx, max(0, m.start() - 2), m.end(), m.group(0)),
                      {"printed": m.group(0), "sentence": sentence})


@rule("FMT-08", "括号与引号配对", "Brackets and quotes in pairs", "info",
      "同一段落中的括号（）与引号“”应成对出现。")
def pairs(ctx: Context) -> Iterator[Finding]:
    text = ctx.narrative.text
    previous = "。"
    for start, end in ctx.narrative.paragraphs:
        para = text[start:end]
        prose = para.rstrip()[-1:] in "。！？" and previous.rstrip()[-1:] in "。！？：:" and len(para) > 15
        previous = para
        if not prose:
            continue  # text that wraps around a figure or a form is not checked for pairs
        for opening, closing in (("（", "）"), ("“", "”"), ("《", "》")):
            if para.count(opening) != para.count(closing):
                yield Finding("FMT-08", "info", f"段落中“{opening}”与“{closing}”数量不等：{para[:30]}…",
                              f"Unbalanced {opening}{closing} in a paragraph",
                              f"FMT-08|{opening}|{para[:30]}", _loc(ctx, start, min(end, start + 30), para[:30]),
                              {"printed": para[:60]})


@rule("FMT-09", "中文句中夹杂外文单词", "Latin words inside Chinese sentences", "warn",
      "中文句子中夹杂英文单词（如“基本思路 and 任务”），多为翻译或编辑残留。")
def latin(ctx: Context) -> Iterator[Finding]:
    for m, sentence in _hits(ctx, LATIN):
        yield Finding("FMT-09", "warn", f"中文句中出现外文单词“{m.group(1)}”", f"Latin word '{m.group(1)}' in Chinese text",
                      f"FMT-09|{m.group(1)}|{sentence[:20]}", _loc(ctx, m.start(1), m.end(1), m.group(1)),
                      {"printed": m.group(1), "sentence": sentence})


@rule("FMT-02", "占比缺少百分号，计数带小数", "A share without %, a count with decimals", "info",
      "“占76.23”后缺少“%”；团组、车辆、人次等计数不应带小数（“0.00辆”）。")
def small_forms(ctx: Context) -> Iterator[Finding]:
    for m, sentence in _hits(ctx, PERCENT_MISSING):
        yield Finding("FMT-02", "info", f"“{m.group(0)}”缺少百分号", f"'{m.group(0)}' lacks %",
                      f"FMT-02|{m.group(0)}", _loc(ctx, m.start(1), m.end(1), m.group(1)),
                      {"printed": m.group(0), "sentence": sentence})
    for m, sentence in _hits(ctx, COUNT_DECIMALS):
        yield Finding("FMT-02", "info", f"计数带小数：“{m.group(0)}”", f"Count with decimals: {m.group(0)}",
                      f"FMT-02|count|{m.group(0)}|{sentence[:20]}", _loc(ctx, m.start(), m.end(), m.group(0)),
                      {"printed": m.group(0), "sentence": sentence})
