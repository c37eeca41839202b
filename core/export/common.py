"""What every export format prints: one row per finding with its review, the notes, the provenance.

The formats differ only in layout, so the joining of findings with the review (status, reason,
reviewer, time, notes), the exact values, the safety of text cells and the safe writing of files
live here once.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from core import APP_NAME, APP_VERSION
from core.checks.model import SEVERITY_ZH, Finding
from core.errors import ExportError, ExportExists
from core.review.model import NOTE_KIND_ZH, STATUS_ZH, Decision, Note, ReviewSnapshot
from core.textsafe import printable

if TYPE_CHECKING:
    from core.analysis import Report

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as a formula or command
_NUMBER = re.compile(r"^[-−]?\d[\d,]*(\.\d+)?$")
TEXT_LIMIT = 20_000  # the longest text an export prints (a note's own limit, core.textsafe)


def safe(text: str | None) -> str:
    """Text as every export prints it: control characters shown as marks, cut at TEXT_LIMIT.

    A store or a document may hold anything (an older version, a forged file): whatever it
    holds, the Word and Excel writers get text XML accepts and a size they can write."""
    return printable(text or "", TEXT_LIMIT)


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def neutralise(text: str) -> str:
    """CSV text that a spreadsheet would run as a formula, made inert by a leading apostrophe.

    Only for CSV, where a cell has no type: an Excel cell typed as a string is never a formula,
    so the workbooks write the reviewer's words as they are."""
    return "'" + text if text.startswith(FORMULA_START) else text


def as_number(value: Any) -> Decimal | None:
    """A printed or computed value as an exact number, or None when it is not one (a name)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        try:
            return Decimal(value.strip().replace(",", "").replace("−", "-"))
        except InvalidOperation:
            return None
    return None


def rule_set_version() -> str:
    """The rules.json version plus a digest of the rules and settings in force when exporting.

    Reviewers may re-grade or switch off rules (core.checks.settings), so the file's version alone
    does not say which checks produced the findings; the digest does.
    """
    from core.checks.registry import catalogue
    from core.checks.settings import load_settings
    from core.resources import read_json

    settings = load_settings()
    rules = [(r.id, settings.enabled(r.id), settings.severity(r.id, r.severity))
             for r in catalogue()]
    blob = json.dumps({"rules": rules, "tolerances": settings.tolerances}, sort_keys=True,
                      ensure_ascii=False, default=str)
    digest = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:8]
    version = read_json("rules.json").get("version", "?")
    return f"rules.json v{version} · {len(rules)} 条规则 · {digest}"


@dataclass
class Row:
    """One finding as every export prints it."""

    number: int
    finding: Finding
    decision: Decision | None
    notes: list[Note]
    tables: list[str]  # table titles, in the order the finding cites them
    rows: list[str]  # "code name" of the cited table rows
    columns: list[str]
    printed: Decimal | str | None
    computed: Decimal | str | None
    diff: Decimal | None
    unit: str

    @property
    def status(self) -> str:
        return self.decision.status if self.decision else "open"

    @property
    def status_zh(self) -> str:
        return STATUS_ZH.get(self.status, self.status)

    @property
    def severity_zh(self) -> str:
        return SEVERITY_ZH.get(self.finding.severity, self.finding.severity)

    @property
    def pages(self) -> list[int]:
        return self.finding.pages

    @property
    def located(self) -> bool:
        return any(loc.bbox for loc in self.finding.locations)

    def notes_text(self) -> str:
        return "；".join(note_line(n) for n in self.notes)

    def members_text(self) -> str:
        """A grouped finding's consequences, one line each, for the cell or entry of its root."""
        if not self.finding.members:
            return ""
        lines = [f"{i}. {m.message}" + (f"（第{'、'.join(map(str, m.pages))}页）" if m.pages else "")
                 for i, m in enumerate(self.finding.members, start=1)]
        return f"同一原因引起的其他 {len(lines)} 处不符：\n" + "\n".join(lines)

    def message_with_members(self) -> str:
        members = self.members_text()
        return self.finding.message + ("\n" + members if members else "")


FINDING_HEADERS = ["序号", "规则编号", "规则", "严重程度", "状态", "处理理由", "页码", "表", "行", "列",
                   "说明", "印刷值", "计算值", "差额", "单位", "审核人", "时间", "备注", "指纹"]
AMOUNT_HEADERS = ("印刷值", "计算值", "差额")


def pages_cell(pages: list[int]) -> int | str:
    """One page as a number (sortable), several as "15、24"."""
    return pages[0] if len(pages) == 1 else "、".join(map(str, pages))


def listing(items: list[str], most: int = 3) -> str:
    """A few names joined; a long list (a total over twenty rows) ends with how many more."""
    shown = "；".join(items[:most])
    return shown + (f" 等{len(items)}项" if len(items) > most else "")


def finding_cells(row: Row) -> list[Any]:
    """The row's cells in FINDING_HEADERS order, exact values kept as Decimal; a grouped
    finding's members are listed in its 说明."""
    d = row.decision
    return [row.number, row.finding.rule, row.finding.title, row.severity_zh, row.status_zh,
            d.reason if d else "", pages_cell(row.pages), listing(row.tables), listing(row.rows),
            listing(row.columns), row.message_with_members(), row.printed, row.computed, row.diff,
            row.unit,
            d.reviewer if d else "", d.time if d else "", row.notes_text(), row.finding.fingerprint]


def note_line(note: Note) -> str:
    who = "，".join(x for x in (note.reviewer, note.time[:16].replace("T", " ")) if x)
    return f"{note.body}（{who}）" if who else note.body


@dataclass
class Provenance:
    """Where the findings came from and who exported them: printed in every export."""

    file_name: str
    path: str
    sha256: str
    pages: int
    kind: str
    scope: str
    year: int | None
    entity: str
    producer: str
    app: str
    app_version: str
    rule_set: str
    reviewer: str
    exported_at: str
    include_dismissed: bool
    review_events: int = 0  # length of the review's event log
    review_head: str = ""  # hash at the head of that log: which state of the review was exported
    review_updated: str = ""


@dataclass
class ExportData:
    report: "Report"
    provenance: Provenance
    rows: list[Row]
    notes: list[Note] = field(default_factory=list)  # every note kept, in the snapshot's order

    def row_of(self, fingerprint: str | None) -> Row | None:
        return next((r for r in self.rows if r.finding.fingerprint == fingerprint), None)


def table_name(report: "Report", table_id: str) -> str:
    """A standard table by its standard name (printed titles carry the entity and year), any
    other table by its printed title."""
    from core.checks.context import TABLE_NAME_ZH

    if table_id in TABLE_NAME_ZH:
        return TABLE_NAME_ZH[table_id]
    table = report.table(table_id)
    return (table.title if table else "") or table_id.removeprefix("OTHER:")


def row_label(report: "Report", table_id: str, row: int | None) -> str:
    """A table row as a reader names it: its code and name ("212 城乡社区支出")."""
    table = report.table(table_id)
    if table is None or row is None or row not in table.frame.index:
        return "" if row is None else str(row)
    record = table.frame.loc[row]
    return " ".join(str(record[k]) for k in ("code", "name") if record[k]).strip()


def make_row(report: "Report", number: int, finding: Finding,
             snapshot: ReviewSnapshot | None) -> Row:
    cells = [loc for loc in finding.locations if loc.table]
    values = finding.values

    def distinct(items: list[str]) -> list[str]:
        return [x for x in dict.fromkeys(items) if x]

    def value(v: Any) -> Decimal | str | None:
        return None if v is None else as_number(v) if as_number(v) is not None else safe(str(v))

    return Row(
        number, finding,
        snapshot.decisions.get(finding.fingerprint) if snapshot else None,
        snapshot.notes_on(finding.fingerprint) if snapshot else [],
        distinct([safe(table_name(report, loc.table or "")) for loc in cells]),
        distinct([safe(row_label(report, loc.table or "", loc.row)) for loc in cells]),
        distinct([safe(loc.column) for loc in cells]),
        value(values.get("printed")),
        value(values.get("computed", values.get("expected"))),
        as_number(values.get("diff")),
        safe(str(values.get("unit") or "")))


def _clean_finding(f: Finding) -> Finding:
    """The finding with its words made printable (its fingerprint does not depend on them)."""
    return replace(f, message=safe(f.message), message_en=safe(f.message_en), title=safe(f.title),
                   locations=[replace(loc, text=safe(loc.text)) if loc.text else loc
                              for loc in f.locations],
                   members=[_clean_finding(m) for m in f.members])


def clean_snapshot(snapshot: ReviewSnapshot) -> ReviewSnapshot:
    """The review with every reviewer-written text made printable (see safe())."""
    decisions = {fp: replace(d, reason=safe(d.reason), reviewer=safe(d.reviewer),
                             summary=safe(d.summary), time=safe(d.time))
                 for fp, d in snapshot.decisions.items()}
    notes = [replace(n, body=safe(n.body), reviewer=safe(n.reviewer), quote=safe(n.quote),
                     summary=safe(n.summary), time=safe(n.time), edited_by=safe(n.edited_by),
                     table=safe(n.table) if n.table is not None else None,
                     column=safe(n.column) if n.column is not None else None)
             for n in snapshot.notes]
    return replace(snapshot, decisions=decisions, notes=notes,
                   reviewers=[safe(r) for r in snapshot.reviewers])


def collect(report: "Report", snapshot: ReviewSnapshot | None, *, include_dismissed: bool = True,
            reviewer: str = "") -> ExportData:
    """The rows and notes an export prints, with the review applied."""
    doc = report.document
    if snapshot is not None and snapshot.sha256 != doc.sha256:
        raise ExportError(f"审核记录属于另一份文件（SHA-256 {snapshot.sha256[:12]}…），不能用于导出"
                          f"“{Path(doc.path).name}”")
    snapshot = clean_snapshot(snapshot) if snapshot is not None else None
    rows: list[Row] = []
    dropped: set[str] = set()
    for finding in map(_clean_finding, report.findings):
        dismissed = snapshot is not None and snapshot.status(finding.fingerprint) == "dismissed"
        if dismissed and not include_dismissed:
            dropped.add(finding.fingerprint)
            continue
        rows.append(make_row(report, len(rows) + 1, finding, snapshot))
    notes = [n for n in (snapshot.notes if snapshot else []) if n.fingerprint not in dropped]
    people = safe(reviewer) or "、".join(snapshot.reviewers if snapshot else [])
    provenance = Provenance(
        safe(Path(doc.path).name), safe(doc.path), doc.sha256, len(doc.pages), doc.kind or "",
        doc.scope or "", doc.year, safe(doc.entity), safe(doc.producer), APP_NAME, APP_VERSION,
        rule_set_version(), people,
        now_iso(), include_dismissed, snapshot.events if snapshot else 0,
        snapshot.head if snapshot else "", snapshot.updated if snapshot else "")
    return ExportData(report, provenance, rows, notes)


def source_bytes(report: "Report") -> bytes:
    """The analysed PDF's bytes, refused when the file is gone or no longer the one analysed."""
    path = Path(report.document.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"无法读取原 PDF 文件：{path}（{exc.strerror or exc}）") from exc
    if hashlib.sha256(data).hexdigest() != report.document.sha256:
        raise ExportError(f"原 PDF 文件在分析之后已被修改：{path.name}，请重新打开后再导出")
    return data


def note_kind_zh(note: Note) -> str:
    return NOTE_KIND_ZH.get(note.kind, note.kind)


NOTE_HEADERS = ["序号", "类型", "关联问题", "页码", "表", "行", "列", "引文", "批注内容", "审核人", "时间"]


def note_cells(data: ExportData, number: int, note: Note) -> list[Any]:
    """A note in NOTE_HEADERS order; a finding note names its finding by number and rule."""
    row = data.row_of(note.fingerprint) if note.kind == "finding" else None
    about = f"第{row.number}条 {row.finding.rule}" if row else note.summary
    table = safe(table_name(data.report, note.table)) if note.table else ""
    label = safe(row_label(data.report, note.table, note.row)) if note.table else ""
    return [number, note_kind_zh(note), about, note.page or "", table, label,
            note.column or "", note.quote, note.body, note.reviewer, note.time]


def write_atomically(out: Path, force: bool, produce: Callable[[Path], None]) -> Path:
    """Write through produce(temporary path) in out's folder, then rename it onto out.

    A crash or a failing writer leaves any earlier file untouched and no half-written export;
    an existing file is replaced only when force is given. Whatever the disk refuses (a
    read-only folder, no space, no permission) is one ExportError naming the file and why.
    """
    out = Path(out)
    if out.exists() and not force:
        raise ExportExists(f"文件已存在：{out}（如需覆盖，请确认覆盖或使用 --force）")
    if not out.parent.is_dir():
        raise ExportError(f"导出文件夹不存在：{out.parent}")
    if not os.access(out.parent, os.W_OK):
        raise ExportError(f"无法写入导出文件：{out}（文件夹只读或没有写入权限）")
    # produce creates the file, so it gets the usual permissions (mkstemp's are owner-only)
    tmp = out.with_name(f".{out.stem}.{secrets.token_hex(4)}{out.suffix}.tmp")
    try:
        produce(tmp)
        if out.exists() and not force:  # appeared while we were writing
            raise ExportExists(f"文件已存在：{out}（如需覆盖，请确认覆盖或使用 --force）")
        os.replace(tmp, out)
    except OSError as exc:
        raise ExportError(f"无法写入导出文件：{out}（{disk_problem(exc)}）") from None
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:  # a read-only disk refuses even removing what is not there
            pass
    return out


def disk_problem(exc: OSError) -> str:
    """Why the disk refused, as a reviewer would say it."""
    reason = {errno.EROFS: "磁盘或文件夹只读", errno.EACCES: "没有写入权限",
              errno.EPERM: "没有写入权限", errno.ENOSPC: "磁盘空间不足",
              errno.EDQUOT: "磁盘配额已满", errno.ENAMETOOLONG: "文件名过长"}.get(exc.errno or 0)
    return reason or (exc.strerror or str(exc))
