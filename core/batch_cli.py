"""`check FOLDER --jobs N --summary SUMMARY.xlsx`: the batch on the command line.

A progress bar on stderr (a line per document when stderr is not a terminal), one line per
document on stdout, the summary workbook and --json as for single files. Exit status as for
`check`: 2 when any file could not be checked (its row says why) or the summary could not be
written, else 1 when --fail-on matches, else 0.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from core import APP_NAME, APP_VERSION
from core.batch import BatchRow, batch_files, run_batch
from core.checks.model import SEVERITIES, SEVERITY_ZH
from core.errors import DisclosureError

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
BAR = 28


class Progress:
    """`[#########-----------]  12/39  name` redrawn in place on a terminal."""

    def __init__(self, stream=sys.stderr) -> None:  # noqa: ANN001 (a text stream)
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.perf_counter()

    def __call__(self, done: int, total: int, row: BatchRow) -> None:
        name = Path(row.path).name
        if self.tty:
            filled = round(BAR * done / max(total, 1))
            self.stream.write(f"\r[{'#' * filled}{'-' * (BAR - filled)}] {done}/{total}  {name[:40]:<40}")
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(f"[{done}/{total}] {name}{'：' + row.error if row.error else ''}\n")
        self.stream.flush()

    def elapsed(self) -> float:
        return time.perf_counter() - self.start


def line(row: BatchRow) -> str:
    if row.error:
        return f"{row.path}: 未检查：{row.error}"
    counts = " · ".join(f"{row.severities.get(s, 0)} {SEVERITY_ZH[s]}" for s in SEVERITIES)
    missing = f"，缺 {'、'.join(row.missing)}" if row.missing else ""
    level = f"·{row.level}" if row.level else ""
    return (f"{row.path}: {row.year or '?'} {row.doc_kind or '?'}{level} {row.entity or '?'}，"
            f"{row.pages} 页，{len(row.tables)} 张表{missing}；{counts}")


def run_batch_check(args: argparse.Namespace) -> int:
    files = batch_files(args.paths)
    if not files:
        print("没有要检查的文件", file=sys.stderr)
        return EXIT_UNREADABLE
    summary = Path(args.summary) if args.summary else None
    if summary is not None and summary.exists() and not args.force:  # refuse before the work
        print(f"文件已存在：{summary}（如需覆盖，请使用 --force）", file=sys.stderr)
        return EXIT_UNREADABLE
    progress = Progress()
    rows = run_batch(files, args.jobs, progress, with_json=bool(args.json),
                     with_tables=args.tables, lang=args.lang)
    print(f"{len(rows)} 个文件，{args.jobs} 个进程，用时 {progress.elapsed():.1f} 秒", file=sys.stderr)
    status = EXIT_OK
    for row in rows:
        print(line(row), file=sys.stderr if row.error else sys.stdout)
        if row.error:
            status = EXIT_UNREADABLE
    if summary is not None:
        from core.batch_summary import write_summary

        roots = [Path(p) for p in args.paths if Path(p).is_dir()]
        try:
            write_summary(rows, summary, force=args.force, root=roots[0] if len(roots) == 1 else None)
            print(f"汇总表：{summary}", file=sys.stderr)
        except DisclosureError as exc:
            print(f"汇总表未写出：{exc}", file=sys.stderr)
            status = EXIT_UNREADABLE
    if args.export and not _export(rows, args):
        status = EXIT_UNREADABLE
    if args.json:
        documents = [r.document if r.document is not None else
                     {"path": r.path, "error": r.error, "error_code": r.error_code,
                      **({"doc_kind": r.doc_kind} if r.doc_kind else {})} for r in rows]
        text = json.dumps({"app": APP_NAME, "version": APP_VERSION, "documents": documents},
                          ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text, encoding="utf-8")
    levels = {"error": ("error",), "warn": ("error", "warn")}.get(args.fail_on or "", ())
    if status == EXIT_OK and any(r.severities.get(s, 0) for r in rows for s in levels):
        status = EXIT_FINDINGS
    return status


def _export(rows: list[BatchRow], args: argparse.Namespace) -> bool:
    """Exports of the checked documents, in this process (each analysis is now cached)."""
    from core.analysis import analyse
    from core.export.command import export_for_check

    ok, taken = True, set()
    checked = [r for r in rows if not r.error]
    for row in checked:
        report = analyse(row.path, use_cache=True)
        ok &= export_for_check(report, args.export, several=len(checked) > 1, force=args.force,
                               include_dismissed=not args.no_dismissed, taken=taken)
    return ok
