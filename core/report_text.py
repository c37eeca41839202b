"""The readable report of `check --format text`: one document, its findings grouped by severity."""
from __future__ import annotations

from typing import Any

from core.checks.model import SEVERITIES

HEADINGS = {
    "zh": {"error": "错误", "warn": "警告", "info": "提示（尾数误差等，不计为错误）",
           "manual": "需人工核对（无法自动检查）"},
    "en": {"error": "Errors", "warn": "Warnings", "info": "Notes (rounding and the like; not errors)",
           "manual": "To check by hand (could not be checked automatically)"},
}
WORDS = {
    "zh": {"page": "第{}页", "tables": "张表", "pages": "页", "none": "未发现问题",
           "count": "{} 条", "members": "其中包含 {} 项：",
           "skipped": "{} 条检查不适用（如：{}）"},
    "en": {"page": "p.{}", "tables": "tables", "pages": "pages", "none": "no findings",
           "count": "{}", "members": "{} findings in this group:",
           "skipped": "{} checks did not apply (e.g. {})"},
}


def _where(loc: dict[str, Any], lang: str) -> str:
    page = WORDS[lang]["page"].format(loc["page"])
    if loc.get("table"):
        cell = f" {loc['table']}"
        if loc.get("row") is not None:
            cell += f" r{loc['row']}"
        if loc.get("column"):
            cell += f" [{loc['column']}]"
        return page + cell
    return page


def document_text(doc: dict[str, Any], lang: str = "zh", show_info: bool = True) -> str:
    """doc is the JSON form of one analysed document (core.report_json.document_json)."""
    words = WORDS[lang]
    kind = doc.get("doc_kind") or f"{doc.get('scope') or ''}{doc.get('kind') or '?'}"
    level = f"（{doc['level']}）" if doc.get("level") else ""
    lines = [f"{doc['path']}",
             f"  {kind}{level} {doc.get('year') or '?'} "
             f"{doc.get('entity') or '?'} · {doc.get('pages')} {words['pages']} · "
             f"{len(doc.get('tables', []))} {words['tables']}"]
    if doc.get("kind_reason"):
        lines.append(f"  · {doc['kind_reason']}")
    skipped = doc.get("checks", {}).get("not_applicable", [])
    if skipped:
        lines.append(f"  · {words['skipped'].format(len(skipped), skipped[0]['reason'])}")
    for w in doc.get("warnings", []):
        lines.append(f"  ! {w}")
    findings = doc.get("findings", [])
    if not findings:
        lines.append(f"  {words['none']}")
    for severity in SEVERITIES:
        group = [f for f in findings if f["severity"] == severity]
        if not group or (severity == "info" and not show_info):
            continue
        lines.append(f"  == {HEADINGS[lang][severity]}: {words['count'].format(len(group))}")
        for f in group:
            lines += _finding_lines(f, lang, "  ")
    return "\n".join(lines)


def _finding_lines(f: dict[str, Any], lang: str, indent: str, bullet: str = "") -> list[str]:
    """A finding and where it is; a root cause with the findings it gathers listed under it."""
    where = "; ".join(dict.fromkeys(_where(loc, lang) for loc in f["locations"][:4]))
    lines = [f"{indent}{bullet}[{f['rule']}] {f['message']}"]
    inner = indent + " " * len(bullet)
    if where:
        lines.append(f"{inner}    @ {where}")
    members = (f.get("group") or {}).get("members", [])
    if members:
        lines.append(f"{inner}    {WORDS[lang]['members'].format(len(members))}")
        for m in members:
            lines += _finding_lines(m, lang, inner + "    ", "· ")
    return lines
