"""`check --export`: each checked document written in the requested formats, its review applied.

Kept out of core/cli.py so that the command line only hands over the options; a refused
overwrite or an unreadable review is reported on stderr and makes the run's exit status 2.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import DisclosureError
from core.textsafe import printable_line

if TYPE_CHECKING:
    from core.analysis import Report

log = logging.getLogger(__name__)


def export_target(text: str) -> str:
    """argparse type of --export: an unknown extension is refused before any file is analysed."""
    from core.export import FORMATS

    if Path(text).suffix.lower() not in FORMATS:
        raise argparse.ArgumentTypeError(
            f"无法识别导出格式“{text}”：扩展名应为 {'、'.join(FORMATS)} 之一")
    return text


def per_document(out: Path, pdf: Path, several: bool, taken: set[Path]) -> Path:
    """With several input files, OUT.xlsx becomes OUT_<pdf stem>.xlsx (then _2, _3 if two PDFs
    share a name), so that one run never writes two documents into one file."""
    if not several:
        return out
    target = out.with_name(f"{out.stem}_{pdf.stem}{out.suffix}")
    n = 2
    while target in taken:
        target = out.with_name(f"{out.stem}_{pdf.stem}_{n}{out.suffix}")
        n += 1
    return target


def export_for_check(report: "Report", outs: list[str], *, several: bool, force: bool,
                     include_dismissed: bool, taken: set[Path]) -> bool:
    """Write every requested export of one document; False when any could not be written."""
    from core.export import write_export
    from core.review.store import load_snapshot

    name = Path(report.document.path).name
    try:
        snapshot = load_snapshot(report.document.sha256, pdf_path=report.document.path)
    except DisclosureError as exc:  # exporting without the review would hide the reviewer's work
        print(f"{name}: 无法读取审核记录，未导出：{exc}", file=sys.stderr)
        return False
    ok = True
    for out in outs:
        target = per_document(Path(out), Path(report.document.path), several, taken)
        taken.add(target)
        try:
            write_export(report, snapshot, target, force=force, include_dismissed=include_dismissed)
        except DisclosureError as exc:
            print(f"{name}: 导出失败：{printable_line(str(exc))}", file=sys.stderr)
            ok = False
            continue
        except Exception as exc:  # a writer's bug: this export fails, the others are written
            log.exception("export of %s to %s failed", name, target)
            print(f"{name}: 导出 {target} 时发生内部错误：{printable_line(repr(exc), 300)}",
                  file=sys.stderr)
            ok = False
            continue
        review = "（已应用审核记录）" if snapshot else "（无审核记录）"
        print(f"{name}: 已导出 {target}{review}", file=sys.stderr)
    return ok
