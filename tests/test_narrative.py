"""The narrative reads whole: paragraphs joined across lines and pages, numbered sections,
sentences that keep their numbers and know where they were printed."""
from __future__ import annotations

import re
from typing import Any

import pytest

from core.narrative import heading_level
from tests.conftest import CORPUS, SEED_NAMES, needs_corpus


def _flat(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_paragraph_reads_whole(name: str, seeds: Any, analysed: Any) -> None:
    text = _flat(analysed[name].narrative.text)
    blocks = [b for b in seeds[name].source["blocks"] if b["t"] in ("p", "h1", "h2", "h3")]
    missing = [b["text"][:60] for b in blocks if _flat(b["text"]) not in text]
    assert not missing, f"{len(missing)} of {len(blocks)} paragraphs not read whole: {missing[:5]}"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_numbered_headings_are_sections(name: str, seeds: Any, analysed: Any) -> None:
    sections = {_flat(s.heading)[:12] for s in analysed[name].narrative.sections}
    heads = [b["text"] for b in seeds[name].source["blocks"]
             if b["t"] in ("h1", "h2", "h3") and heading_level(b["text"].strip())]
    assert heads
    missing = [h for h in heads if _flat(h).rstrip("。：:")[:12] not in sections]
    assert not missing, missing[:5]


def test_sentence_boxes_cover_their_text(analysed: Any) -> None:
    report = analysed["hangzhou-union-2024-unit-budget"]
    nar = report.narrative
    sentence = next(s for s in nar.sentences if "10,026.26" in s.text and "收支总预算" in s.text)
    boxes = nar.boxes(sentence.start, sentence.end)
    assert boxes and all(page == sentence.page or page == sentence.page + 1 for page, _ in boxes)
    page = report.document.page(boxes[0][0])
    inside = "".join(c.text for c in page.chars
                     if any(b[0] - 0.5 <= c.cx <= b[2] + 0.5 and b[1] - 0.5 <= c.cy <= b[3] + 0.5
                            for p, b in boxes if p == page.number))
    assert "10,026.26" in inside


@needs_corpus
def test_onlyoffice_numbers_stay_in_their_sentences() -> None:
    from core.analysis import analyse

    report = analyse(CORPUS / "gbc__上海市普陀区财政局2024年度部门决算.pdf")
    sentences = [_flat(s.text) for s in report.narrative.sentences]
    for expected in ("上海市普陀区财政局2024年度收入支出总计2995.39万元。",
                     "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；",
                     "一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。"):
        assert any(expected in s for s in sentences), expected
