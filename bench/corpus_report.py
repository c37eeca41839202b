"""Findings over a corpus, against a saved baseline: `python bench/corpus_report.py [FOLDER] [--list]
[--save-baseline]`.

Prints a document × severity table with the counts before (bench/corpus_baseline.json, the
findings of an earlier version on the same corpus) and after (this version), then how often each
rule fired, so a change to the catalogue can be judged on real documents. --list also prints every
error and warn finding that the baseline did not have (each must be a real defect) and those it
had that are gone; --save-baseline writes this version's findings as the new baseline.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.analysis import analyse  # noqa: E402
from core.checks.model import SEVERITIES  # noqa: E402
from core.errors import DisclosureError  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"
BASELINE = ROOT / "bench" / "corpus_baseline.json"
SHORT = {"error": "E", "warn": "W", "info": "I", "manual": "M"}


def _entry(f: Any) -> dict[str, Any]:
    return {"rule": f.rule, "severity": f.severity, "fingerprint": f.fingerprint,
            "pages": f.pages, "message": f.message}


def _pad(text: str, width: int) -> str:
    """text cut or padded to width terminal columns (a Chinese character takes two)."""
    out, used = "", 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width:
            break
        out, used = out + ch, used + w
    return out + " " * (width - used)


def _counts(counts: dict[str, int]) -> str:
    return " ".join(f"{counts.get(s, 0):>3}" for s in SEVERITIES)


def main(folder: Path, listing: bool, save: bool) -> int:
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"no PDF in {folder}")
        return 1
    base = json.loads(BASELINE.read_text(encoding="utf-8"))["documents"] if BASELINE.is_file() else {}
    rules: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    before_totals: Counter[str] = Counter()
    heads = " ".join(f"{SHORT[s]:>3}" for s in SEVERITIES)
    print(f"{'document':<56} {'kind':<4} {'year':<4}  before: {heads}   after: {heads}")
    saved: dict[str, Any] = {}
    news, gone = [], []
    for path in files:
        try:
            report = analyse(path)
        except DisclosureError as exc:
            print(f"{_pad(path.name, 56)} unreadable: {exc}")
            continue
        counts = Counter(f.severity for f in report.findings)
        totals.update(counts)
        for f in report.findings:
            rules.setdefault(f.rule, Counter())[f.severity] += 1
        was = base.get(path.name, {})
        before_totals.update(was.get("counts", {}))
        doc = report.document
        marker = "" if dict(counts) == {k: v for k, v in was.get("counts", {}).items() if v} else "  *"
        print(f"{_pad(path.name, 56)} {_pad(doc.kind or '?', 4)} {doc.year or '?':<4}          "
              f"{_counts(was.get('counts', {}))}          {_counts(counts)}{marker}")
        serious = [f for f in report.findings if f.severity in ("error", "warn")]
        saved[path.name] = {"counts": dict(counts), "findings": [_entry(f) for f in serious]}
        old = {e["fingerprint"] for e in was.get("findings", [])}
        now = {g.fingerprint for f in report.findings for g in [f, *f.members]}  # grouped: kept
        news += [(path.name, f) for f in serious if f.fingerprint not in old]
        gone += [(path.name, e) for e in was.get("findings", []) if e["fingerprint"] not in now]
    print(f"{'total':<66}          {_counts(before_totals)}          {_counts(totals)}")
    print(f"\n{'rule':<10} " + " ".join(f"{s:>6}" for s in SEVERITIES))
    for rule_id in sorted(rules, key=lambda r: (-sum(rules[r].values()), r)):
        print(f"{rule_id:<10} " + " ".join(f"{rules[rule_id].get(s, 0):>6}" for s in SEVERITIES))
    if listing:
        print(f"\nerror/warn findings new since the baseline: {len(news)}")
        for name, f in news:
            print(f"\n{name}\n  [{f.severity}] {f.rule} p{f.pages}: {f.message}")
        print(f"\nerror/warn findings of the baseline no longer raised, even inside a group: {len(gone)}")
        for name, e in gone:
            print(f"\n{name}\n  [{e['severity']}] {e['rule']} p{e['pages']}: {e['message']}")
    if save:
        BASELINE.write_text(json.dumps({"documents": saved}, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
        print(f"\nbaseline written to {BASELINE}")
    return 0


if __name__ == "__main__":
    flags = {"--list", "--save-baseline"}
    args = [a for a in sys.argv[1:] if a not in flags]
    sys.exit(main(Path(args[0]) if args else DEFAULT, "--list" in sys.argv[1:],
                  "--save-baseline" in sys.argv[1:]))
