"""Normalised values written for people: £100m, £8.4m, 5,500, 3.1%, [£99.5m, ∞)."""

from __future__ import annotations

import math

_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$"}


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def amount(value: float | None, unit: str | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if unit and unit[:3] in _SIGNS:
        sign, per = _SIGNS[unit[:3]], unit[3:].replace(" / ", " a ").strip()
        for size, suffix in ((1e9, "bn"), (1e6, "m")):  # thousands in full: £819,841, not £819.841k
            if abs(value) >= size:
                return f"{sign}{value / size:,.6g}{suffix}{(' ' + per) if per else ''}"
        return f"{sign}{_plain(value)}{(' ' + per) if per else ''}"
    if unit == "percent":
        return f"{value:g}%"
    if unit in (None, "count", "dimensionless"):
        return _plain(value)
    return f"{_plain(value)} {unit}"


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
