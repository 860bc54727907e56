"""Field types that check modules name in their `CONF`: each turns a YAML value into what the check uses,
or raises `FieldError` saying what was expected (the rule loader adds file and line)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from claimcheck import calendar
from claimcheck.units import UnitError, check_unit, parse_amount

MEASURES = ("money", "count", "percent", "rate", "duration", "date", "measure")


class FieldError(ValueError):
    """A field value that is not what the check expects; the message says what was expected."""


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str
    text: str


@dataclass(frozen=True)
class Tolerance:
    """A relative ("5%") or absolute ("£1 million") allowance added to approximate figures."""

    relative: float = 0.0
    absolute: float = 0.0
    unit: str | None = None
    text: str = "0"


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    text: str


def described(raw) -> str:
    """What a YAML value is, in the words of a rule file (the loader's own types, LineList and LineMap, are not)."""
    if raw is None:
        return "nothing"
    if isinstance(raw, bool):
        return "true or false"
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, int | float):
        return "a number"
    if isinstance(raw, date):
        return "a date"
    return "text" if isinstance(raw, str) else type(raw).__name__


def _text(raw, what: str) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise FieldError(f"expected {what}, got {described(raw)}")
    return str(raw).strip()


def amount(raw) -> Amount:
    text = _text(raw, "an amount such as '£100 million' or '152 local authorities'")
    try:
        value, unit = parse_amount(text)
    except UnitError as exc:
        raise FieldError(f"{exc}; expected an amount such as '£100 million' or '152 local authorities'") from None
    return Amount(value, unit, text)


def unit(raw) -> str:
    text = _text(raw, "a unit such as 'GBP', 'count' or 'GBP / year'")
    try:
        return check_unit(text)
    except UnitError as exc:
        raise FieldError(
            f"{exc}: Pint cannot parse it; expected a unit such as 'GBP', 'count' or 'GBP / year'"
        ) from None


def tolerance(raw) -> Tolerance:
    expected = "expected a tolerance such as '5%' or '£1 million'"
    text = _text(raw, expected.removeprefix("expected "))
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", text, re.I):
        return Tolerance(relative=float(m[1]) / 100, text=text)
    if text in ("0", "0.0"):
        return Tolerance(text=text)
    try:
        value, unit = parse_amount(text)
    except UnitError as exc:
        raise FieldError(f"{exc}; {expected}") from None
    if unit in ("count", "percent") and not re.search(r"[a-z]", text, re.I):
        raise FieldError(f"tolerance {text!r} has no unit; {expected}")
    return Tolerance(absolute=value, unit=unit, text=text)


_SEASON = re.compile(r"^(spring|summer|autumn|winter)\s+(\d{4})$", re.I)
_MONTH = re.compile(rf"^({calendar.MONTH_NAMES})\s+(\d{{4}})$", re.I)
_FY = re.compile(r"^(?:financial year\s+)?(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$", re.I)


def _span(text: str) -> tuple[date, date]:
    text = text.strip()
    if m := _FY.match(text):
        start = calendar.fy_start_year(m[1], m[2])
        if start is not None:
            return calendar.financial_year(start)
    if re.fullmatch(r"\d{4}", text):
        return calendar.year_span(int(text))
    if m := _SEASON.match(text):
        return calendar.season_span(m[1], int(m[2]))
    if m := _MONTH.match(text):
        return calendar.month_span(int(m[2]), calendar.MONTHS[m[1].lower()])
    if day := calendar.parse_day(text):
        return day, day
    raise FieldError(
        f"cannot read the period {text!r}; expected a financial year such as '2014-15', "
        "'2014-15 to 2015-16', 'spring 2022', 'May 2022' or '2022-05-23'"
    )


def period(raw) -> Period:
    if isinstance(raw, date):
        return Period(raw, raw, raw.isoformat())
    text = _text(raw, "a period such as '2014-15 to 2015-16'")
    parts = re.split(r"\s+(?:to|until)\s+|\s*\.\.\s*|\s+[–—]\s+", text)
    if len(parts) > 2:
        raise FieldError(f"cannot read the period {text!r}; expected one span or 'FIRST to LAST'")
    first, last = _span(parts[0]), _span(parts[-1])
    if last[1] < first[0]:
        raise FieldError(f"the period {text!r} ends before it starts")
    return Period(first[0], last[1], text)


def measure(raw) -> str:
    text = _text(raw, f"one of {', '.join(MEASURES)}")
    if text not in MEASURES:
        raise FieldError(f"unknown measure {text!r}; expected one of {', '.join(MEASURES)}")
    return text


def text(raw) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise FieldError(f"expected some text, got {described(raw)}")
    return raw.strip()


def texts(raw) -> tuple[str, ...]:
    """A list of words or names (one alone is a list of one)."""
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise FieldError("expected a list of names, got an empty list")
    return tuple(text(item) for item in items)


def positive_int(raw) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise FieldError(f"expected a whole number of at least 1, got {raw!r}")
    return raw
