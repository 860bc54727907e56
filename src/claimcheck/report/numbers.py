"""Normalised values written for people: £100m, -£3.5m, 5,500, 3.1%, 90 a day, 67 per 10,000, 45 days,
[£99.5m, ∞). The claims table keeps Pint's units ("count / (10000 * count)"); a report says them in words."""

from __future__ import annotations

import math
import re

_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}
_TIMES = ("year", "month", "week", "day", "hour", "minute")  # said in the plural but of one: "45 days"
_PER_HEAD = re.compile(r"count / \((\d+) \* count\)")  # `units.per_head_unit`: "per 10,000 children"


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def amount(value: float | None, unit: str | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if unit and unit[:3] in _SIGNS:
        per = unit[3:].replace(" / ", " a ").strip()
        return ("-" if value < 0 else "") + _money(abs(value), _SIGNS[unit[:3]]) + (f" {per}" if per else "")
    if unit == "percent":
        return f"{value:g}%"
    if unit in (None, "count", "dimensionless"):
        return _plain(value)
    if per_head := _PER_HEAD.fullmatch(unit):
        return f"{_plain(value)} per {int(per_head[1]):,}"
    if unit.startswith("count / "):
        return f"{_plain(value)} a {unit.removeprefix('count / ')}"
    if unit in _TIMES:
        return f"{_plain(value)} {unit}{'' if value == 1 else 's'}"
    return f"{_plain(value)} {unit}"


def _money(size: float, sign: str) -> str:
    for scale, suffix in ((1e9, "bn"), (1e6, "m")):  # thousands in full: £819,841, not £819.841k
        if size >= scale:
            return f"{sign}{size / scale:,.6g}{suffix}"
    return f"{sign}{_plain(size)}"


def span(low: float, high: float, unit: str | None) -> str:
    """What figures come to, in a sentence: '£148.5m to £151.5m', or one amount when both ends read the same."""
    first, last = amount(low, unit), amount(high, unit)
    return first if first == last else f"{first} to {last}"


def interval(low: float | None, high: float | None, unit: str | None) -> str:
    if low is None and high is None:
        return ""
    if low == high:
        return amount(low, unit)
    closing = ")" if high is not None and math.isinf(high) else "]"
    return f"[{amount(low, unit)}, {amount(high, unit)}{closing}"


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def period(start: str | None, end: str | None) -> str:
    start, end = (None if missing(start) else start), (None if missing(end) else end)
    if not start and not end:
        return "not stated"
    return start if start == end else f"{start or '?'} .. {end or '?'}"
