"""The JSON form of analysis results (`check --json`): stable keys, exact values as strings."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from core.analysis import Report
from core.errors import DisclosureError
from core.model import rounded
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


def document_json(report: Report, with_tables: bool = False, lang: str = "zh") -> dict[str, Any]:
    doc = report.document
    return {
        "path": doc.path, "sha256": doc.sha256, "pages": len(doc.pages), "kind": doc.kind,
        "scope": doc.scope, "year": doc.year, "entity": doc.entity, "producer": doc.producer,
        "warnings": list(doc.warnings),
        "tables": [table_json(t, with_tables) for t in report.tables],
        "findings": [f.to_json(lang) for f in report.findings],
    }


def error_json(path: Path, error: DisclosureError) -> dict[str, Any]:
    return {"path": str(path), "error": str(error), "error_code": error.code}
