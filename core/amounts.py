"""Printed numbers to exact values: Decimal, never float; blank stays distinct from zero."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－＋％（）", "0123456789.,-+%()")
AMOUNT_RE = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[-+]?\.\d+%?$")
DASHES = {"-", "—", "–", "－", "--", "——", "－－", "―", "/"}
UNITS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}
UNIT_RE = re.compile(r"(?:金额)?单位\s*[：:]\s*(亿元|万元|千元|元)")


def clean(text: str) -> str:
    return "".join(text.translate(_FULLWIDTH).split())


def is_amount(text: str) -> bool:
    t = clean(text)
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    return bool(AMOUNT_RE.match(t))


def parse_amount(text: str) -> Decimal | None:
    """The value a table cell prints: None for blank (or a filler such as ────), 0 for a dash."""
    t = clean(text)
    if not t:
        return None
    if t in DASHES:
        return Decimal(0)
    negative = t.startswith("(") and t.endswith(")")
    if negative:
        t = t[1:-1]
    if not AMOUNT_RE.match(t):
        return None
    try:
        value = Decimal(t.rstrip("%").replace(",", ""))
    except InvalidOperation:
        return None
    return -value if negative else value


def decimals_of(text: str) -> int:
    """How many decimals the printed number carries (its rounding precision)."""
    t = clean(text).rstrip("%")
    return len(t.split(".")[1]) if "." in t else 0


SPLIT_UNIT_RE = re.compile(r"(?:金额)?单位\s*[：:]\s*(亿|万|千)(?!元)")


def unit_in(text: str) -> str | None:
    """The unit a caption declares (单位：万元); also 单位：万 … 元 wrapped over two lines."""
    m = UNIT_RE.search(text.replace(" ", ""))
    if m:
        return m.group(1)
    m = SPLIT_UNIT_RE.search(text.replace(" ", ""))
    if m and re.search(r"(^|\s)元(\s|$)", text):
        return m.group(1) + "元"
    return None


def to_wan(value: Decimal, unit: str | None) -> Decimal:
    """value printed in unit, expressed in 万元 (exactly)."""
    factor = UNITS.get(unit or "万元", Decimal(10000))
    return value * factor / Decimal(10000)
