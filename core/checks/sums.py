"""One way to check and report "a total equals the sum of its parts", with the arithmetic shown."""
from __future__ import annotations

from typing import Iterator

from core.checks.model import Finding
from core.checks.numbers import Num, Verdict, fmt, places_of, sum_of


def _term(n: Num) -> str:
    value = f"{n.text}{n.unit}" if n.text else "（空）"
    return f"{n.label} {value}" if n.label else value


def arithmetic(total: Num, parts: list[Num], verdict: Verdict, unit: str) -> tuple[str, str]:
    """'合计 12.00 ≠ A 5.00 + B 6.00 = 11.00（差额 1.00 万元，容差 ±0.02）' in zh and en."""
    places = places_of([total, *parts])
    shown = parts if len(parts) <= 8 else parts[:6] + [Num(verdict.computed, total.half, "…")]
    expr = " + ".join(_term(p) for p in shown)
    computed, diff, tol = fmt(verdict.computed, places), fmt(verdict.diff, places), \
        fmt(verdict.tolerance, 4).rstrip("0")
    zh = (f"{_term(total)} ≠ {expr} = {computed}（差额 {diff} {unit}，容差 ±{tol}"
          + ("，在尾数误差范围内）" if verdict.status == "rounding" else "）"))
    en = (f"{total.text or 'blank'} ≠ sum of {len(parts)} parts = {computed} "
          f"(difference {diff} {unit}, tolerance ±{tol}"
          + (", within rounding)" if verdict.status == "rounding" else ")"))
    return zh, en


def check_sum(rule: str, subject: str, where_zh: str, where_en: str, total: Num,
              parts: list[Num], unit: str, severity: str = "error") -> Iterator[Finding]:
    """A finding when total and the sum of parts disagree beyond rounding (info when within).

    Blank parts count as 0 (a blank total with blank parts checks nothing)."""
    if total.blank and all(p.blank for p in parts):
        return
    if not parts or (total.blank and all(p.value == 0 for p in parts)):
        return
    verdict = sum_of(total, parts)
    if not verdict.failed:
        return
    zh, en = arithmetic(total, parts, verdict, unit)
    rounding = verdict.status == "rounding"
    locations = [n.loc for n in [total, *parts] if n.loc is not None]
    yield Finding(rule, "info" if rounding else severity, f"{where_zh}：{zh}", f"{where_en}: {en}",
                  subject, locations,
                  {"printed": total.text, "computed": verdict.computed,
                   "operands": [p.text for p in parts], "diff": verdict.diff,
                   "tolerance": verdict.tolerance, "unit": unit, "rounding": rounding,
                   "total_first": total.loc is not None})  # locations[0] is the total


def check_equal(rule: str, subject: str, where_zh: str, where_en: str, a: Num, b: Num,
                unit: str, severity: str = "error") -> Iterator[Finding]:
    """a and b should be the same amount (each as printed, rounding allowed)."""
    if a.blank and b.blank:
        return
    yield from check_sum(rule, subject, where_zh, where_en, a, [b], unit, severity)
