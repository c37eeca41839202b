"""Explanations left unfinished: an empty reason, a sentence cut off or without its full stop, an
amount left blank, a blank page, an item listed twice (issue 14, family 2; domain-rules §2.7).

A reviewer reads these as a draft that was published before it was finished. Each check looks at
what the text itself shows (a 主要原因是 followed by the full stop, a paragraph that stops on 的 right
before the next heading) and never at one document's wording.
"""
from __future__ import annotations

import re
from typing import Iterator

from core.checks.context import Context, words_around
from core.checks.model import Finding, Location
from core.checks.registry import rule
from core.narrative import heading_level

REASON = re.compile(r"(?:主要)?(?:原因|理由)(?:是|为|在于|主要是)[：:]?\s*(?=[。；;]|$)"
                    r"|(?:主要)?(?:原因|理由)[：:]\s*(?=[。；;]|$)|主要用于[：:]?\s*(?=[。；;])")
DANGLING = "，,、：:（(“‘《的和及与或对在是为将把从向由"
BLANK_AMOUNT = re.compile(r"(?<=[为是达共计出入排算加少长降额占至])\s*(?P<unit>万元|亿元|%|％)"
                          r"(?!\s*(?:以上|以下|以内))")
ENUMERATION = re.compile(r"(?:主要)?(?:包括|用于|有|涉及|含)[：:]")
ITEM_AMOUNT = re.compile(r"[\d,.]+\s*(?:万元|亿元|元|%|％|个|人|辆|次|项)?.*$")
DRAWN = 30  # path objects on a page without text: beyond this it is a chart, not a blank page


def _loc(ctx: Context, start: int, end: int, text: str) -> list[Location]:
    return [Location(p, b, text=text) for p, b in ctx.narrative.boxes(start, end)]


def _sentence(ctx: Context, offset: int) -> str:
    s = ctx.narrative.sentence_at(offset)
    return s.text if s else ""


def _next_is_heading(ctx: Context, k: int) -> bool:
    """The paragraph after the k-th opens a new section (一、 （一） 第X部分) or the text ends."""
    paras = ctx.narrative.paragraphs
    if k + 1 >= len(paras):
        return True
    start, end = paras[k + 1]
    level = heading_level(ctx.narrative.text[start:end].strip())
    return level is not None and level <= 3


@rule("FMT-10", "原因说明为空", "A reason announced but not given", "warn",
      "“主要原因是。”“原因是：”后没有内容，“主要用于。”后没有用途：说明未写完。")
def empty_reason(ctx: Context) -> Iterator[Finding]:
    text = ctx.narrative.text
    for k, (start, end) in enumerate(ctx.narrative.paragraphs):
        para = text[start:end]
        for m in REASON.finditer(para):
            at = start + m.start()
            rest = para[m.end():].lstrip()
            if not rest and not _next_is_heading(ctx, k):
                continue  # "主要原因是：" with the reasons in the next paragraphs (a list)
            shown = para[max(0, m.start() - 12):m.end() + 1].strip()
            yield Finding("FMT-10", "warn", f"原因说明为空：“{shown}”",
                          f"A reason is announced but not given: {shown}",
                          f"FMT-10|{words_around(text, at, start + m.end())}",
                          _loc(ctx, at, start + m.end() + 1, m.group(0)),
                          {"printed": shown, "sentence": _sentence(ctx, at)})


def _prose(para: str) -> bool:
    """A paragraph of sentences: not a heading, not a table row printed as text ("3上海市…")."""
    return len(para) >= 20 and ("，" in para or "。" in para) and heading_level(para) is None \
        and re.match(r"\d{1,2}(?![\d年月日])[\u4e00-\u9fff]", para) is None


@rule("FMT-11", "句子未写完", "A sentence cut off", "warn",
      "段落停在“的”“和”“，”等处，下一段即是新的标题（或正文结束）：句子没有写完。")
def cut_off(ctx: Context) -> Iterator[Finding]:
    text = ctx.narrative.text
    for k, (start, end) in enumerate(ctx.narrative.paragraphs):
        para = text[start:end].rstrip()
        if not _prose(para) or para[-1] not in DANGLING or not _next_is_heading(ctx, k):
            continue
        if para[-1] in "：:" and k + 1 < len(ctx.narrative.paragraphs):
            continue  # a lead-in to the list or table that follows
        tail = para[-20:]
        yield Finding("FMT-11", "warn", f"句子未写完：“…{tail}”之后即是下一部分",
                      f"A sentence stops at '…{tail}' before the next section",
                      f"FMT-11|{tail}", _loc(ctx, start + len(para) - len(tail), start + len(para), tail),
                      {"printed": tail, "sentence": _sentence(ctx, start + len(para) - 1)})


@rule("FMT-12", "段末缺少句号", "A paragraph without its final full stop", "info",
      "叙述段落以金额、百分比或文字结束而没有句号，下一段即是新的标题。")
def no_full_stop(ctx: Context) -> Iterator[Finding]:
    text = ctx.narrative.text
    for k, (start, end) in enumerate(ctx.narrative.paragraphs):
        para = text[start:end].rstrip()
        if not _prose(para):
            continue
        if para[-1] in "。！？!?；;”）)》" + DANGLING or not _next_is_heading(ctx, k):
            continue
        if k + 1 >= len(ctx.narrative.paragraphs):
            continue  # the last words of the text: often a signature or a date
        tail = para[-16:]
        yield Finding("FMT-12", "info", f"段末缺少句号：“…{tail}”",
                      f"No full stop at the end of '…{tail}'", f"FMT-12|{tail}",
                      _loc(ctx, start + len(para) - len(tail), start + len(para), tail),
                      {"printed": tail, "sentence": _sentence(ctx, start + len(para) - 1)})


@rule("FMT-13", "金额空缺", "An amount left blank", "error",
      "“支出预算 万元”“占 %”：金额或比例的位置空着，数字未填。")
def blank_amount(ctx: Context) -> Iterator[Finding]:
    text = ctx.narrative.text
    for m in BLANK_AMOUNT.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if re.search(r"单位|[（(]$|[\dXx×]\s*$", before):
            continue  # "单位：万元", "（万元）", a printed figure or a placeholder (FMT-01)
        shown = text[max(0, m.start() - 10):m.end()].strip()
        yield Finding("FMT-13", "error", f"金额空缺：“{shown}”的数字未填",
                      f"An amount left blank: '{shown}'", f"FMT-13|{words_around(text, m.start(), m.end())}",
                      _loc(ctx, max(0, m.start() - 4), m.end(), shown),
                      {"printed": shown, "sentence": _sentence(ctx, m.start())})


def _drawn_paths(path: str, number: int) -> int | None:
    """Path objects on a page (a chart drawn without text has many); None if unreadable."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw

        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[number - 1]
            return sum(1 for o in page.get_objects(max_depth=2) if o.type == raw.FPDF_PAGEOBJ_PATH)
        finally:
            pdf.close()
    except Exception:  # the file moved or is unreadable now: say nothing rather than guess
        return None


@rule("FMT-14", "文中空白页", "A blank page inside the document", "warn",
      "文件中间有一页没有任何文字与图片（如表格换页后只剩一行空表格线）：排版遗留的空白页。")
def blank_pages(ctx: Context) -> Iterator[Finding]:
    pages = ctx.doc.pages
    scanned = {w for w in ctx.doc.warnings if "没有文字层" in w}
    for page in pages[1:-1]:
        if page.has_text or any(f"第{page.number}页" in w for w in scanned):
            continue
        drawn = _drawn_paths(ctx.doc.path, page.number)
        if drawn is None or drawn > DRAWN:
            continue
        yield Finding("FMT-14", "warn", f"第{page.number}页为空白页（无文字）",
                      f"Page {page.number} is blank", f"FMT-14|{page.number}",
                      [Location(page.number, (0.0, 0.0, page.width, page.height))],
                      {"printed": page.number})


def _items(clause: str) -> list[str]:
    out = []
    for raw in re.split(r"[、]|(?<=[\u4e00-\u9fff])(?:和|及|以及)(?=[\u4e00-\u9fff])", clause):
        item = ITEM_AMOUNT.sub("", raw).strip("“”\"' 等")
        item = re.sub(r"^[（(]?\d{1,2}[)）.．]|^其他", "", item)
        out.append(item)
    return out


@rule("FMT-15", "列举中同一项出现两次", "An item listed twice in one enumeration", "warn",
      "“主要包括：办公费、印刷费、办公费”：同一列举中同一项重复出现（多为复制粘贴遗漏修改）。")
def listed_twice(ctx: Context) -> Iterator[Finding]:
    text = ctx.narrative.text
    for m in ENUMERATION.finditer(text):
        end = m.end()
        while end < len(text) and text[end] not in "。；;\n":
            end += 1
        clause = text[m.end():end]
        items = _items(clause)
        seen: set[str] = set()
        for item in items:
            if len(item) >= 2 and item in seen:
                at = text.find(item, m.end() + clause.find(item) + len(item))
                at = at if 0 <= at < end else m.end()
                yield Finding("FMT-15", "warn", f"列举中“{item}”出现两次：“{clause[:40]}”",
                              f"'{item}' is listed twice", f"FMT-15|{item}|{clause[:20]}",
                              _loc(ctx, at, at + len(item), item),
                              {"printed": item, "sentence": _sentence(ctx, m.start())})
                break
            seen.add(item)
