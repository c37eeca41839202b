"""The command line: `python main.py check PATH... [--json OUT] [--tables] [--format text|tables]
[--fail-on error|warn] [--lang zh|en] [--export OUT.xlsx|.docx|.pdf|.csv|.json ...] [--force]
[--no-dismissed]`.

A file that cannot be read gets one line on stderr and an entry with "error"; the others are still
analysed. Exit status: 2 when any file could not be read or an export could not be written (an
existing file without --force), else 1 when --fail-on is given and a finding of that severity (or
worse) exists, else 0.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any, Iterable

from core import APP_NAME, APP_VERSION
from core.errors import DisclosureError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def expand(paths: Iterable[str]) -> list[Path]:
    """Files as given; a folder stands for every PDF under it (sorted, recursively)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() == ".pdf"))
        else:
            out.append(p)
    return out


def add_check_parser(sub: Any) -> None:
    from core.export.command import export_target

    check = sub.add_parser("check", help="检查预决算公开 PDF / check disclosure PDFs")
    check.add_argument("paths", nargs="+", metavar="PATH", help="PDF 文件或文件夹")
    check.add_argument("--json", metavar="OUT", help="把结果写成 JSON 文件（- 表示标准输出）")
    check.add_argument("--tables", action="store_true", help="JSON 中包含每个表格单元格")
    check.add_argument("--format", choices=("text", "tables"), default="text",
                       help="屏幕输出：text 按严重程度列出问题（默认），tables 列出识别到的表格")
    check.add_argument("--fail-on", choices=("error", "warn"), default=None,
                       help="存在该级别（或更严重）的问题时退出码为 1")
    check.add_argument("--lang", choices=("zh", "en"), default="zh", help="问题描述的语言")
    check.add_argument("--no-info", action="store_true", help="文本报告中不列“提示”级别")
    check.add_argument("--export", metavar="OUT", action="append", default=[], type=export_target,
                       help="导出审核结果（按扩展名：.xlsx .docx .pdf .csv .json），可多次使用；"
                            "多个文件时在扩展名前加上 PDF 文件名")
    check.add_argument("--force", action="store_true", help="导出文件已存在时覆盖")
    check.add_argument("--no-dismissed", action="store_true", help="导出时不含已排除的问题")
    check.add_argument("--jobs", type=_positive, default=1, metavar="N",
                       help="批量检查时同时使用的进程数（默认 1）")
    check.add_argument("--summary", metavar="SUMMARY.xlsx",
                       help="批量检查：写出汇总表（每份文档一行，及文档×规则矩阵）；文件夹中的每个文件都列出")


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text!r}")
    return n


def run_check(args: argparse.Namespace) -> int:
    if args.summary or args.jobs > 1:
        from core.batch_cli import run_batch_check

        return run_batch_check(args)
    from core.analysis import analyse
    from core.report_json import document_json, error_json
    from core.report_text import document_text

    documents: list[dict[str, Any]] = []
    status = EXIT_OK
    paths = expand(args.paths)
    exported: set[Path] = set()  # export files written by this run
    for path in paths:
        try:
            report = analyse(path)
        except DisclosureError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            documents.append(error_json(path, exc))
            status = EXIT_UNREADABLE
            continue
        except Exception as exc:  # a parser bug must not stop the other files
            log.exception("analysis of %s failed", path)
            print(f"{path}: 分析时发生内部错误：{exc!r}", file=sys.stderr)
            documents.append({"path": str(path), "error": f"内部错误：{exc!r}",
                              "error_code": "internal"})
            status = EXIT_UNREADABLE
            continue
        documents.append(document_json(report, args.tables, args.lang))
        if args.export:
            from core.export.command import export_for_check

            if not export_for_check(report, args.export, several=len(paths) > 1, force=args.force,
                                    include_dismissed=not args.no_dismissed, taken=exported):
                status = EXIT_UNREADABLE
        if args.json != "-":
            if args.format == "tables":
                _print_summary(documents[-1])
            else:
                print(document_text(documents[-1], args.lang, not args.no_info))
        if status == EXIT_OK and _fails(documents[-1], args.fail_on):
            status = EXIT_FINDINGS
    if args.json:
        text = json.dumps({"app": APP_NAME, "version": APP_VERSION, "documents": documents},
                          ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text, encoding="utf-8")
    return status


def _fails(doc: dict[str, Any], fail_on: str | None) -> bool:
    levels = {"error": ("error",), "warn": ("error", "warn")}.get(fail_on or "", ())
    return any(f["severity"] in levels for f in doc.get("findings", []))


def _print_summary(doc: dict[str, Any]) -> None:
    kind = doc.get("doc_kind") or doc["kind"] or "?"
    print(f"{doc['path']}: {kind} {doc.get('level') or ''} {doc['year'] or '?'} "
          f"{doc['entity'] or '?'}, {doc['pages']} 页, {len(doc['tables'])} 张表")
    for t in doc["tables"]:
        pages = ",".join(map(str, t["pages"]))
        print(f"  {t['id']:<10} 第{pages}页 单位:{t['unit'] or '?'} {t['rows']}行 {t['title']}")
    for w in doc["warnings"]:
        print(f"  ! {w}")


def _prog() -> str:
    """How the user started us: `main.py` from source, the executable's name when frozen."""
    return Path(sys.executable).name if getattr(sys, "frozen", False) else "main.py"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_prog(), description=f"{APP_NAME} {APP_VERSION}")
    parser.add_argument("--version", action="version", version=APP_VERSION)
    sub = parser.add_subparsers(dest="command", required=True)
    add_check_parser(sub)
    from core.review.cli import add_verify_parser

    add_verify_parser(sub)
    return parser


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args)
        if args.command == "verify-review":
            from core.review.cli import run_verify

            return run_verify(args)
    except BrokenPipeError:  # output piped into a pager that quit early
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK
