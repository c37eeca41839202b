"""What kind of document is open (core.dockind): disclosures stay disclosures, a notice is 其他 with
its reason, an unfilled template gets one finding, tables without a report title still make a
government report; and a document that is not a disclosure never hears of a missing table."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.render import render


def _doc(name: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "doc": {}, "blocks": blocks}


def _analyse(seed: dict[str, Any], tmp_path: Path) -> Any:
    from core.analysis import analyse

    pdf = tmp_path / f"{seed['name']}.pdf"
    render(seed, pdf)
    return analyse(pdf)


def _serious(report: Any) -> list[Any]:
    return [f for f in report.findings if f.severity in ("error", "warn")]


def test_the_seed_disclosures_stay_disclosures(analysed: dict[str, Any], seeds: Any) -> None:
    for name, report in analysed.items():
        doc, want = report.document, seeds[name].source["doc"]
        assert doc.family == "disclosure", name
        assert doc.kind_label == f"{want['scope']}{want['kind']}", name


def test_a_notice_is_other_with_its_reason(tmp_path: Path) -> None:
    report = _analyse(_doc("notice", [
        {"t": "h1", "text": "关于做好2024年部门预算公开工作的通知"},
        {"t": "p", "text": "各区财政局、市级各部门：为做好部门预算公开工作，现将有关事项通知如下。"
                           "一、各部门应于批复后20日内公开部门预算，公开内容包括收支总表等9张表格。"
                           "二、2024年市级部门预算总额为120.00亿元，其中基本支出80.00亿元、项目支出40.00亿元。"},
    ]), tmp_path)
    doc = report.document
    assert (doc.family, doc.kind_label, doc.kind) == ("other", "其他", None)
    assert "通知" in doc.kind_reason
    assert [f.rule for f in report.findings if f.severity != "info"] == ["DOC-OTHER"]


def test_an_unfilled_template_gets_one_finding(tmp_path: Path) -> None:
    placeholders = "；".join(f"{item}XXX万元，占XX%" for item in
                            ("财政拨款收入", "事业收入", "经营收入", "其他收入", "基本支出", "项目支出"))
    report = _analyse(_doc("template", [
        {"t": "h1", "text": "上海市XX局2025年度部门预算"},
        {"t": "h2", "text": "一、收支预算总体情况"},
        {"t": "p", "text": f"上海市XX局2025年度收入预算XXX万元，其中：{placeholders}。"
                           "与202X年度相比，增加（减少）XXX万元，增长（下降）XX%。（如持平作持平表述）"},
        {"t": "p", "text": "二、主要职能（由主管部门根据三定方案填写）。（不涉及的不列）"},
    ]), tmp_path)
    doc = report.document
    assert (doc.family, doc.kind_label) == ("template", "模板")
    assert [f.rule for f in _serious(report)] == ["DOC-TEMPLATE"]


def _tables_only(grand_total: str) -> dict[str, Any]:
    """Two tables printed bottom-up (本级收入合计, then 转移性收入, then 收入总计), no report title."""
    head = ["项  目", "2024年预算数", "2024年决算数", "为预算%"]
    rows = {"收入": [["税收收入", "800", "820", "102.5"], ["非税收入", "200", "190", "95.0"],
                   ["本级收入合计", "1,000", "1,010", "101.0"], ["转移性收入", "500", "490", ""],
                   ["收入总计", "1,500", grand_total, ""]],
            "支出": [["教育支出", "600", "610", "101.7"], ["城乡社区支出", "400", "400", "100.0"],
                   ["本级支出合计", "1,000", "1,010", "101.0"], ["转移性支出", "500", "490", ""],
                   ["支出总计", "1,500", "1,500", ""]]}
    blocks = []
    for side, body in rows.items():
        blocks.append({"t": "table", "expect": {}, "captions": [
            {"text": f"2024年安平县一般公共预算{side}决算表", "align": "center", "size": 14},
            {"text": "单位：万元", "align": "right"}], "widths": [200, 90, 90, 70],
            "header": [head], "rows": body})
    return _doc(f"tables-only-{grand_total}", blocks)


def test_tables_without_a_report_title_are_a_government_report(tmp_path: Path) -> None:
    report = _analyse(_tables_only("1,500"), tmp_path)
    doc = report.document
    assert (doc.family, doc.kind, doc.government, doc.level) == ("gov_report", "决算", "安平县", "全市")
    assert [t.id for t in report.tables] == ["GOV-GP-REV", "GOV-GP-EXP"]
    assert not _serious(report)


def test_subtotal_plus_transfers_is_the_grand_total(tmp_path: Path) -> None:
    """收入总计 = 本级收入合计 + 转移性收入, and 收入总计 = 支出总计: 1,510 breaks both."""
    report = _analyse(_tables_only("1,510"), tmp_path)
    found = {(f.rule, f.locations[0].table) for f in _serious(report)}
    assert ("GOV-SUM", "GOV-GP-REV") in found and ("GOV-BAL", "GOV-GP-REV") in found
    assert all("收入总计" in f.message for f in _serious(report))


@pytest.mark.parametrize("family", ["gov_report", "template", "other"])
def test_department_checks_do_not_apply_elsewhere(family: str) -> None:
    from core.checks.applies import applicable_rules
    from core.checks.settings import load_settings
    from core.model import Document

    doc = Document("x.pdf", "0" * 64, "", [], kind="决算", year=2024, family=family)
    rules = {a.rule.id: a for a in applicable_rules(doc, load_settings())}
    for rule_id in ("STR-03", "STR-06", "XT-EQ", "TXT-AMT", "INT-HIER"):
        assert not rules[rule_id].applies and "本规则用于部门/单位预算·决算公开文件" in rules[rule_id].reason
    assert rules["GOV-SUM"].applies == (family == "gov_report")
    assert rules["DOC-TEMPLATE"].applies == (family == "template")


def test_rule_settings_name_catalogue_rules_and_known_kinds() -> None:
    """resources/rules.json speaks of rules the catalogue has and document kinds that exist."""
    from core.checks.registry import catalogue
    from core.model import FAMILY_LABELS
    from core.resources import read_json

    ids = {r.id for r in catalogue()}
    settings = read_json("rules.json")["rules"]
    assert set(settings) <= ids
    for rule_id, entry in settings.items():
        assert set(entry.get("documents", [])) <= set(FAMILY_LABELS), rule_id
    for family in ("GOV", "DOC"):  # every rule of these families has its settings written down
        assert {i for i in ids if i.startswith(family + "-")} <= set(settings)
