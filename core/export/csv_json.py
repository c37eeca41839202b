"""CSV (one row per finding, then the notes, for any spreadsheet) and JSON (everything).

The CSV is UTF-8 with a byte-order mark because Excel on Windows otherwise reads it in the local
code page and garbles the Chinese; its text cells are neutralised, since a spreadsheet would run a
cell that begins with "=". Like the Excel workbook's two sheets, it holds two tables: the findings
(a grouped finding's members listed in its 说明, notes on a finding in its 备注), then, after an
empty line, every note with its anchor (region, cell, text; NOTE_HEADERS). The JSON keeps exact
values as strings, like `check --json`.
"""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.export.common import (FINDING_HEADERS, NOTE_HEADERS, ExportData, finding_cells,
                                neutralise, note_cells)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return neutralise(value)
    return value


def write_csv(data: ExportData, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(FINDING_HEADERS)
        for row in data.rows:
            writer.writerow([_csv_cell(v) for v in finding_cells(row)])
        if data.notes:
            writer.writerow([])
            writer.writerow(NOTE_HEADERS)
            for i, note in enumerate(data.notes, start=1):
                writer.writerow([_csv_cell(v) for v in note_cells(data, i, note)])


def export_json(data: ExportData) -> dict[str, Any]:
    """The export as plain data: provenance, findings with their review, and every note."""
    findings = []
    for row in data.rows:
        entry = row.finding.to_json()
        d = row.decision
        entry.update({
            "number": row.number, "status": row.status, "status_zh": row.status_zh,
            "reason": d.reason if d else "", "reviewer": d.reviewer if d else "",
            "time": d.time if d else "", "pages": row.pages,
            "notes": [n.to_json() for n in row.notes],
        })
        findings.append(entry)
    return {
        "format": "disclosure-review-export", "format_version": 1,
        "provenance": dict(data.provenance.__dict__),
        "findings": findings,
        "notes": [n.to_json() for n in data.notes],
    }


def write_json(data: ExportData, path: Path) -> None:
    path.write_text(json.dumps(export_json(data), ensure_ascii=False, indent=1), encoding="utf-8")
