"""Rounding-aware arithmetic on printed numbers.

A printed number stands for an interval: "1,367.76" (万元) is anything in [1367.755, 1367.765).
Two printed quantities agree when their intervals can meet, so a difference that 尾数误差 explains
is never an error. Amounts are normalised to 万元 before any comparison.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, Sequence

from core.amounts import UNITS, decimals_of, parse_amount
from core.checks.model import Location

WAN = Decimal(10000)


@dataclass(frozen=True)
class Num:
    """A printed number: its value (in 万元 for amounts), half a unit of its last digit, its text."""

    value: Decimal
    half: Decimal
    text: str
    loc: Location | None = None
    label: str = ""
    unit: str = ""  # the printed unit, shown next to the text when it is not the message's unit

    @property
    def blank(self) -> bool:
        return self.text == ""


def half_unit(text: str) -> Decimal:
    return Decimal(5) / (Decimal(10) ** (decimals_of(text) + 1))


def amount(text: str, unit: str | None, loc: Location | None = None, label: str = "") -> Num:
    """A printed amount in unit, as 万元 (blank is 0 with no rounding room)."""
    factor = UNITS.get(unit or "万元", WAN) / WAN
    value = parse_amount(text)
    shown = "" if (unit or "万元") == "万元" else unit or ""
    if value is None:
        return Num(Decimal(0), Decimal(0), "", loc, label, shown)
    return Num(value * factor, half_unit(text) * factor, text, loc, label, shown)


def plain(text: str, loc: Location | None = None, label: str = "") -> Num:
    """A printed number taken as it is (a percentage, a count)."""
    value = parse_amount(text)
    return Num(value if value is not None else Decimal(0),
               half_unit(text) if value is not None else Decimal(0), text if value is not None
               else "", loc, label)


@dataclass(frozen=True)
class Verdict:
    status: str  # ok / rounding / mismatch
    printed: Decimal
    computed: Decimal
    diff: Decimal
    tolerance: Decimal

    @property
    def failed(self) -> bool:
        return self.status != "ok"


def compare(printed: Num, computed: Decimal, room: Decimal) -> Verdict:
    """printed against a value computed from printed operands whose rounding allows room."""
    diff = printed.value - computed
    tol = printed.half + room
    if diff == 0:
        status = "ok"
    elif abs(diff) <= tol:
        status = "rounding"
    else:
        status = "mismatch"
    return Verdict(status, printed.value, computed, diff, tol)


def sum_of(total: Num, parts: Sequence[Num]) -> Verdict:
    return compare(total, sum((p.value for p in parts), Decimal(0)),
                   sum((p.half for p in parts), Decimal(0)))


def ratio_range(num: Num, den: Num) -> tuple[Decimal, Decimal] | None:
    """The percentages num/den can mean, given both were rounded (None if den may be 0)."""
    lo_den, hi_den = den.value - den.half, den.value + den.half
    if lo_den <= 0:
        return None
    lo = (num.value - num.half) / hi_den * 100
    hi = (num.value + num.half) / lo_den * 100
    return (lo, hi)


PASS_PP = Decimal("0.01")  # domain-rules §0.3: within 0.01 percentage point passes
NEAR_PP = Decimal("0.1")  # within 0.1 point is at most info; beyond it is an error


def _rounds_to(stated: Num, rng: tuple[Decimal, Decimal]) -> str:
    """How a value of rng could have been printed as stated by a usual slip of rounding: cut off
    instead of rounded ("截尾"), or rounded twice, first to one more place ("两次进位"); "" if
    neither explains it."""
    step = 2 * stated.half
    if stated.value <= rng[1] and stated.value + step > rng[0] and stated.value < rng[0]:
        return "截尾"
    fine = step / 10

    def twice(v: Decimal) -> Decimal:  # rounded to one more place, then to the printed one
        once = (v / fine).to_integral_value(rounding=ROUND_HALF_UP) * fine
        return (once / step).to_integral_value(rounding=ROUND_HALF_UP) * step

    if twice(rng[0]) <= stated.value <= twice(rng[1]):  # rounding twice is monotone
        return "两次进位"
    return ""


def percent_verdict(stated: Num, num: Num, den: Num, near: Decimal = NEAR_PP,
                    passing: Decimal = PASS_PP) -> Verdict | None:
    """A stated percentage against num/den, at the precision it is printed with.

    ok: some values consistent with the printed amounts (each ±half a unit of its last digit)
    round to it, or it is within `passing` points of them; "rounding": within `near` points and
    explained by a slip of rounding (cut off, rounded twice); "near": within `near` points but not
    explained by rounding (10.06% for 10.09%); "mismatch" beyond `near` (an error, whatever it
    looks like). None when den may be 0 (a zero base is reported as such by the caller)."""
    rng = ratio_range(num, den)
    if rng is None:
        return None
    exact = num.value / den.value * 100
    lo, hi = stated.value - stated.half, stated.value + stated.half
    gap = rng[0] - stated.value if stated.value < rng[0] else max(Decimal(0), stated.value - rng[1])
    if (hi >= rng[0] and lo <= rng[1]) or gap <= passing:
        status = "ok"
    elif gap <= near:
        status = "rounding" if _rounds_to(stated, rng) else "near"
    else:
        status = "mismatch"
    return Verdict(status, stated.value, exact.quantize(Decimal("0.0001")),
                   stated.value - exact, stated.half)


def percent_severity(v: Verdict, level: str = "error") -> str:
    """info within the 0.1-point band (rounding or not), level beyond it: never demoted."""
    return "info" if v.status in ("rounding", "near") else level


def pct_gap(v: Verdict, stated: Num | None = None, num: Num | None = None,
            den: Num | None = None) -> tuple[str, str]:
    """What a percentage check measured, zh and en: the gap in points, and whether rounding can
    explain it ('（差 0.03 个百分点，非取整所致，在 0.1 个百分点提示范围内）')."""
    diff = f"{v.diff:.2f}"
    if v.status == "mismatch":
        return f"（差 {diff} 个百分点）", f" (off by {diff} points)"
    how = ""
    if v.status == "rounding" and stated is not None and num is not None and den is not None:
        rng = ratio_range(num, den)
        how = _rounds_to(stated, rng) if rng else ""
    if v.status == "rounding":
        zh = f"（差 {diff} 个百分点，尾数取舍差异" + (f"：{how}" if how else "") + "）"
        return zh, f" (off by {diff} points: a rounding slip)"
    if v.status == "near":
        return (f"（差 {diff} 个百分点，取整不能解释，在 0.1 个百分点提示范围内）",
                f" (off by {diff} points, not explained by rounding, within the 0.1-point band)")
    return "", ""


def fmt(value: Decimal, places: int = 2) -> str:
    """1234.5 -> '1,234.50' (as amounts are printed)."""
    q = Decimal(1).scaleb(-places)
    return f"{value.quantize(q):,}"


def places_of(nums: Iterable[Num]) -> int:
    return max([decimals_of(n.text) for n in nums if n.text] + [2])
