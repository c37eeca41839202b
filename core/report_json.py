"""The JSON form of analysis results (`check --json`): stable keys, exact values as strings."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from core.analysis import Report
from core.errors import DisclosureError, NoTextLayer
from core.model import FAMILY_LABELS, NO_TEXT, rounded
from core.tables.model import LABEL_COLUMNS, ParsedTable


def _value(v: Any) -> str | None:
    return format(v, "f") if isinstance(v, Decimal) else None


def table_cells(table: ParsedTable) -> list[dict[str, Any]]:
    """Every printed value of the table with its normalised value and where it was printed."""
    out = []
    value_cols = [c for c in table.frame.columns if c not in LABEL_COLUMNS]
    for (row, column), ref in sorted(table.cells.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        record = table.frame.loc[row]
        cell: dict[str, Any] = {
            "row": row, "column": column, "side": record["side"], "code": record["code"],
            "name": record["name"], "text": ref.text, "page": ref.page, "bbox": rounded(ref.bbox),
        }
        if column in value_cols:
            cell["value"] = _value(record[column])
        out.append(cell)
    return out


def table_json(table: ParsedTable, with_cells: bool) -> dict[str, Any]:
    data = table.summary()
    data["note"] = table.note
    data["warnings"] = table.warnings
    data["columns"] = {side or "": cols for side, cols in table.value_columns.items()}
    if with_cells:
        data["cells"] = table_cells(table)
    return data


def checks_json(report: Report, lang: str = "zh") -> dict[str, Any]:
    """Which rules ran on the document and which did not apply, with the reason."""
    from core.checks.applies import applicable_rules
    from core.checks.settings import load_settings

    rules = applicable_rules(report.document, load_settings())
    return {"ran": [a.rule.id for a in rules if a.applies],
            "not_applicable": [{"rule": a.rule.id,
                                "title": a.rule.title if lang == "zh" else a.rule.title_en,
                                "reason": a.reason if lang == "zh" else a.reason_en}
                               for a in rules if not a.applies]}


def document_json(report: Report, with_tables: bool = False, lang: str = "zh") -> dict[str, Any]:
    doc = report.document
    return {
        "path": doc.path, "sha256": doc.sha256, "pages": len(doc.pages), "kind": doc.kind,
        "scope": doc.scope, "year": doc.year, "entity": doc.entity, "producer": doc.producer,
        "doc_kind": doc.kind_label, "family": doc.family, "level": doc.level,
        "government": doc.government, "kind_reason": doc.kind_reason or None,
        "warnings": list(doc.warnings),
        "tables": [table_json(t, with_tables) for t in report.tables],
        "checks": checks_json(report, lang),
        "findings": [f.to_json(lang) for f in report.findings],
    }


def error_json(path: Path, error: DisclosureError) -> dict[str, Any]:
    data = {"path": str(path), "error": str(error), "error_code": error.code}
    if isinstance(error, NoTextLayer):  # a scan: its kind is known, its text is not (no OCR yet)
        data.update(doc_kind=FAMILY_LABELS[NO_TEXT], family=NO_TEXT)
    return data
