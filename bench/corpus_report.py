"""Findings over a corpus: `python bench/corpus_report.py [FOLDER] [--list]`.

Prints a document × severity table, then how often each rule fired (by severity), so a change to
the catalogue can be judged on real documents; --list also prints every error and warn finding.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.analysis import analyse  # noqa: E402
from core.checks.model import SEVERITIES  # noqa: E402
from core.errors import DisclosureError  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "real"


def main(folder: Path, listing: bool) -> int:
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"no PDF in {folder}")
        return 1
    rules: dict[str, Counter[str]] = {}
    totals: Counter[str] = Counter()
    print(f"{'document':<56} {'kind':<4} {'year':<4} " + " ".join(f"{s:>6}" for s in SEVERITIES))
    details = []
    for path in files:
        try:
            report = analyse(path)
        except DisclosureError as exc:
            print(f"{path.name[:56]:<56} unreadable: {exc}")
            continue
        counts = Counter(f.severity for f in report.findings)
        totals.update(counts)
        for f in report.findings:
            rules.setdefault(f.rule, Counter())[f.severity] += 1
        doc = report.document
        print(f"{path.name[:56]:<56} {doc.kind or '?':<4} {doc.year or '?':<4} "
              + " ".join(f"{counts.get(s, 0):>6}" for s in SEVERITIES))
        details += [(path.name, f) for f in report.findings if f.severity in ("error", "warn")]
    print(f"{'total':<66} " + " ".join(f"{totals.get(s, 0):>6}" for s in SEVERITIES))
    print(f"\n{'rule':<10} " + " ".join(f"{s:>6}" for s in SEVERITIES))
    for rule_id in sorted(rules, key=lambda r: (-sum(rules[r].values()), r)):
        print(f"{rule_id:<10} " + " ".join(f"{rules[rule_id].get(s, 0):>6}" for s in SEVERITIES))
    if listing:
        for name, f in details:
            print(f"\n{name}\n  [{f.severity}] {f.rule} p{f.pages}: {f.message}")
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--list"]
    sys.exit(main(Path(args[0]) if args else DEFAULT, "--list" in sys.argv[1:]))
