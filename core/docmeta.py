"""Recognise what a disclosure is: 预算 or 决算, 部门 or 单位, its fiscal year and its entity
(and, through core.dockind, whether it is a disclosure at all).

The cover says it best ("上海市普陀区司法局2026年部门预算", "预算单位：上海市财政局"); when the cover is an
image or says little, the table captions ("部门：…", "编制单位：…"), the part headings and the table
titles decide, by vote.
"""
from __future__ import annotations

import re
from collections import Counter

from core.dockind import recognise_kind
from core.model import Document, Page

ORG_SUFFIX = (r"(?:办公厅|办公室|办事处|委员会|常委会|局|院|部|厅|会|中心|处|馆|所|站|校|委|公司|队|社"
              r"|协会|联合会|总工会|福利院)")
LABEL_RE = re.compile(
    r"(?:预算主管部门|预算单位|编制部门|编制单位|部门名称|单位名称|部\s*门|单\s*位)\s*[：:]\s*"
    r"(?P<name>[^\s：:，,。]{3,40}?)(?=\s|单位[：:]|金额单位|$|\d{4}年)")
LOOSE_TITLE_RE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年度?(?P<post>\S{2,30}?)(?:部门|单位)?(?:预算|决算)")
TITLE_RE = re.compile(
    r"(?P<pre>.{0,40}?)(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:区级|市级|县级|省级)?"
    r"(?P<post>.{0,30}?)(?P<scope>部门|单位)(?P<kind>预算|决算)")
KIND_RE = re.compile(r"(部门|单位)(预算|决算)")
ENTITY_TAIL = re.compile(r"(（本级）|\(本级\)|本级|（汇总）|\(汇总\)|汇总)$")
ORG_RE = re.compile(rf"^[^\s，,。；;：:、]{{2,40}}?{ORG_SUFFIX}(?:（[^）]{{1,20}}）)?$")
REGION_ONLY = re.compile(r"^(上海市|江苏省|浙江省|湖北省|山西省)?\S{0,6}(区|县|市|省)$")


def _flat(text: str) -> str:
    return "".join(text.split())


def _page_text(page: Page) -> str:
    return "".join(_flat(ln.text) for ln in page.lines)


def _clean_entity(name: str) -> str:
    name = _flat(name).strip("：:，,。")
    name = re.sub(r"^(附件\d*|部门|单位)[：:]", "", name)
    return canonical_entity(ENTITY_TAIL.sub("", name))


def canonical_entity(name: str) -> str:
    """The usual written form: 中国共产党X委员会 and bare X委 (a Party committee) become 中共X委."""
    name = re.sub(r"^中国共产党(.+?)委员会", r"中共\1委", name)
    if not name.startswith("中共") and re.match(r"^\S{2,12}?(省|市|区|县)委(?!员)", name):
        name = "中共" + name
    return name


COVER_MAX_CHARS = 160  # a cover prints a title and a name or two, not prose


def _cover_text(doc: Document) -> str:
    """The first page's opening lines, up to a 目录 that may share the page."""
    pages = [p for p in doc.pages[:3] if p.has_text]
    if not pages:
        return ""
    text = _page_text(pages[0])
    text = text.split("目录")[0]
    return text if len(text) <= COVER_MAX_CHARS else ""


def _vote(values: list[str]) -> str | None:
    return Counter(values).most_common(1)[0][0] if values else None


def recognise(doc: Document) -> None:
    """Fill doc.kind, scope, year and entity from the text."""
    cover = _cover_text(doc)
    head_text = "".join(_page_text(p) for p in doc.pages[:4])
    all_lines = [_flat(ln.text) for p in doc.pages for ln in p.lines]

    kinds = [m.group(2) for m in KIND_RE.finditer(cover)]
    scopes = [m.group(1) for m in KIND_RE.finditer(cover)]
    if not kinds:
        found = [m for line in all_lines for m in KIND_RE.finditer(line)]
        kinds = [m.group(2) for m in found]
        scopes = [m.group(1) for m in found]
    if not kinds:
        kinds = ["决算" if "决算表" in line else "预算" for line in all_lines
                 if re.search(r"[预决]算(总)?表$", line)]
    doc.kind = _vote(kinds)
    doc.scope = _vote(scopes) or ("部门" if doc.kind else None)

    doc.year = _year(cover, head_text, all_lines) or _year_from_name(doc.path)
    doc.entity = _entity(cover, doc, all_lines)
    recognise_kind(doc)  # a government report or a template overrides what the above guessed


def _year(cover: str, head_text: str, lines: list[str]) -> int | None:
    """The year most titles agree on: the cover's title counts thrice, every other title once, so
    that one stale year (on the cover or in the opening sentence) cannot mislead every check."""
    votes: Counter[str] = Counter()
    m = TITLE_RE.search(cover)
    if m:
        votes[m.group("year")] += 3
    for m in TITLE_RE.finditer(head_text):
        votes[m.group("year")] += 1
    for line in lines:
        votes.update(re.findall(r"((?:19|20)\d{2})\s*年度?(?:部门|单位)?(?:预算|决算)", line))
        t = re.match(r"^.{0,8}?((?:19|20)\d{2})\s*年度?.*表$", line) if len(line) < 40 else None
        if t:
            votes[t.group(1)] += 1
    return int(votes.most_common(1)[0][0]) if votes else None


def _year_from_name(path: str) -> int | None:
    """Last resort, for tables-only files that print no year: the file name (20xx年 or xx年)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    m = re.search(r"(20\d{2})(?!\d)", name) or re.search(r"(?<!\d)(\d{2})年", name)
    if not m:
        return None
    year = int(m.group(1))
    return year + 2000 if year < 100 else year


def _entity(cover: str, doc: Document, lines: list[str]) -> str | None:
    labels = [_clean_entity(m.group("name")) for m in LABEL_RE.finditer(cover)]
    labels = [n for n in labels if ORG_RE.match(n) and not REGION_ONLY.match(n)]
    if labels:
        return _expand(labels[0], lines)
    m = TITLE_RE.search(cover) or LOOSE_TITLE_RE.search(cover)
    if m:
        for part in (m.groupdict().get("pre") or "", m.group("post")):
            name = _clean_entity(re.sub(r"^.*?(?=(上海市|江苏省|中共|中国共产党))", "", part))
            if ORG_RE.match(name) and not REGION_ONLY.match(name):
                return _expand(name, lines)
    page_texts = [" ".join(_flat(ln.text) for ln in p.lines) for p in doc.pages]
    captions = [_clean_entity(m.group("name")) for text in page_texts
                for m in LABEL_RE.finditer(text)]
    captions = [n for n in captions if ORG_RE.match(n) and not REGION_ONLY.match(n)]
    if captions:
        return _expand(_vote(captions) or captions[0], lines)
    heads = []
    for line in lines:
        m = TITLE_RE.search(line)
        if m:
            name = _clean_entity(re.sub(r"^第[一二三四五六七八九十]+部分", "", m.group("pre")))
            if ORG_RE.match(name) and not REGION_ONLY.match(name):
                heads.append(name)
    return _expand(_vote(heads), lines) if heads else None


def _expand(name: str, lines: list[str]) -> str:
    """Prefer the full form the document itself uses: 中共江苏省委办公厅 over 江苏省委办公厅."""
    text = "".join(lines)
    if not name.startswith("中共") and f"中共{name}" in text:
        return f"中共{name}"
    return name
