"""Rounding-aware arithmetic on printed numbers.

A printed number stands for an interval: "1,367.76" (万元) is anything in [1367.755, 1367.765).
Two printed quantities agree when their intervals can meet, so a difference that 尾数误差 explains
is never an error. Amounts are normalised to 万元 before any comparison.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
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


NEAR_PP = Decimal("0.1")  # domain-rules §0.3: within 0.1 percentage point is at most info


def percent_verdict(stated: Num, num: Num, den: Num, near: Decimal = NEAR_PP) -> Verdict | None:
    """A stated percentage against num/den: ok inside the rounding range; "rounding" when within
    one printed unit of it (truncated instead of rounded) or within `near` points; mismatch beyond."""
    rng = ratio_range(num, den)
    if rng is None:
        return None
    exact = num.value / den.value * 100
    lo, hi = stated.value - stated.half, stated.value + stated.half
    if hi >= rng[0] and lo <= rng[1]:
        status = "ok"
    else:
        gap = rng[0] - hi if hi < rng[0] else lo - rng[1]
        status = "rounding" if gap <= 2 * stated.half or abs(stated.value - exact) <= near \
            else "mismatch"
    return Verdict(status, stated.value, exact.quantize(Decimal("0.0001")),
                   stated.value - exact, stated.half)


def pct_gap(v: Verdict) -> tuple[str, str]:
    """'（差 1.23 个百分点，容差 ±0.005）': what a percentage check measured, zh and en."""
    diff, tol = f"{v.diff:.2f}", format(v.tolerance.normalize(), "f")
    return f"（差 {diff} 个百分点，容差 ±{tol}）", f" (off by {diff} points, tolerance ±{tol})"


def fmt(value: Decimal, places: int = 2) -> str:
    """1234.5 -> '1,234.50' (as amounts are printed)."""
    q = Decimal(1).scaleb(-places)
    return f"{value.quantize(q):,}"


def places_of(nums: Iterable[Num]) -> int:
    return max([decimals_of(n.text) for n in nums if n.text] + [2])
