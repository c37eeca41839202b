"""The Word working paper read back with python-docx: the usual heading table, every finding once,
a page picture for each located error, the review, Chinese fonts and the provenance."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from PIL import Image

from core import APP_VERSION
from core.export import write_export
from core.export.common import rule_set_version
from core.export.crops import region
from tests.test_export_common import CAIDIAN, reviewed


def _text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _open(report: Any, path: Path, **kw: Any) -> Any:
    write_export(report, reviewed(report), path, reviewer="张三", **kw)
    return docx.Document(str(path))


def test_heading_table_summary_and_provenance(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    document = _open(report, tmp_path / "r.docx")
    assert document.paragraphs[0].text == "审核工作底稿"
    heading = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert heading[0][:3] == ["被审核单位", report.document.entity, "索引号"]
    assert heading[1][0] == "审核事项" and "2023年度" in heading[1][1]
    assert [heading[2][0], heading[2][1], heading[3][0]] == ["审核人", "张三", "复核人"]
    summary = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert summary[0] == ["严重程度", "待处理", "已确认", "已排除", "需跟进", "合计"]
    assert summary[-1][-1] == str(len(report.findings))
    assert summary[1][0] == "错误" and summary[1][-1] == "14" and summary[1][2] == "1"
    text = _text(document)
    for needle in (report.document.sha256, APP_VERSION, rule_set_version(), "审核结论及处理意见"):
        assert needle in text


def test_every_finding_once_with_review_and_notes(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    document = _open(report, tmp_path / "r.docx")
    detailed = [p.text for p in document.paragraphs if "．[" in p.text.split("]")[0]]
    listed = [row for table in document.tables[2:-2] for row in list(table.rows)[1:]]
    assert len(detailed) + len(listed) == len(report.findings)
    text = _text(document)
    for finding in report.findings:
        assert finding.message in text
    assert "【已确认】" in detailed[0] and "【已排除】" in detailed[1] and "【需跟进】" in detailed[2]
    assert "理由：@SUM 口径不同" in text  # Word runs nothing: the reviewer's words stay as written
    assert "批注：=1+1 请与单位核实" in text
    assert "-此段口径不清" in text and "请附明细" in text and "第12页" in text


def test_each_located_error_has_page_pictures(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    document = _open(report, tmp_path / "r.docx")
    errors = [f for f in report.findings if f.severity == "error"]
    expected = sum(min(3, len({loc.page for loc in f.locations if loc.bbox})) for f in errors)
    assert len(document.inline_shapes) == expected == 14
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[0].startswith("图1") and "第12页" in captions[0]
    blob = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = Image.open(io.BytesIO(document.part.related_parts[blob].blob))
    assert image.width > 600 and image.height > 60


def test_dismissed_left_out_on_request(analysed: dict[str, Any], tmp_path: Path) -> None:
    report = analysed[CAIDIAN]
    text = _text(_open(report, tmp_path / "r.docx", include_dismissed=False))
    assert report.findings[1].message not in text and "已排除的问题未列入本底稿" in text


def test_chinese_fonts_are_set_for_east_asian_text(analysed: dict[str, Any],
                                                   tmp_path: Path) -> None:
    document = _open(analysed[CAIDIAN], tmp_path / "r.docx")
    for name, font in (("Normal", "宋体"), ("Heading 1", "黑体"), ("Title", "黑体")):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font
        assert fonts.get(qn("w:eastAsiaTheme")) is None


def test_picture_region_keeps_whole_lines_and_stays_on_the_page() -> None:
    lines = [(90.0, 100.0 + 20 * i, 500.0, 112.0 + 20 * i) for i in range(10)]
    x0, top, x1, bottom = region([(200.0, 162.0, 260.0, 171.0)], 595.0, 842.0, lines)
    assert (x0, x1) == (78.0, 512.0)  # the text's width, so lines are not cut across
    for ln in lines:  # no line cut through above or below
        assert not (ln[1] < top < ln[3]) and not (ln[1] < bottom < ln[3])
    wide = region([(700.0, 300.0, 760.0, 312.0)], 842.0, 595.0, [(20.0, 300.0, 820.0, 312.0)])
    assert wide[2] - wide[0] <= 620.0 and wide[0] <= 700.0 and wide[2] >= 760.0
