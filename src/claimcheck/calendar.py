"""Dates as UK government text writes them, and the calendars no library keeps.

Hand-written on purpose: dateutil and dateparser guess silently (a bare
"March" becomes this March, "2014-15" a date in 2014), where claimcheck must
either resolve a period exactly or say that it could not. UK financial years
(1 April-31 March), meteorological seasons and the dates of Parliaments are
not in any well-kept library; the Parliament and Spending Review dates live in
`data/calendar.yaml`, not in code.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from importlib import resources

import yaml

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAMES = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Meteorological seasons: (first month, last month); winter runs into the next year.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

Span = tuple[date, date]


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), month_end(year, month)


def year_span(year: int) -> Span:
    return date(year, 1, 1), date(year, 12, 31)


def season_span(season: str, year: int) -> Span:
    first, last = SEASONS[season.lower()]
    if first > last:  # winter 2022 = December 2022 - February 2023
        return date(year, first, 1), month_end(year + 1, last)
    return date(year, first, 1), month_end(year, last)


def financial_year(start_year: int) -> Span:
    """UK financial year starting in April of `start_year` ("2014-15")."""
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def financial_year_of(day: date) -> Span:
    return financial_year(day.year if day.month >= 4 else day.year - 1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, month_end(year, month + 1).day))


def fy_start_year(first: str, second: str) -> int | None:
    """The start year of a financial-year label such as 2014-15 or 2014/2015; None if not one."""
    start = int(first)
    end = int(second)
    if len(second) == 2:
        end = start // 100 * 100 + end
        if end < start:
            end += 100
    return start if end == start + 1 else None


# a header's weekday may be cut short: "Tue 12 Mar 2024"
_ANY_WEEKDAY = rf"(?:{WEEKDAYS}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)"
_DAY_MONTH_YEAR = re.compile(
    rf"^(?:{_ANY_WEEKDAY},?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\.?,?\s+(\d{{4}})$", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"^(?:{_ANY_WEEKDAY},?\s+)?({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I
)
# ISO, with a time ("2024-03-12T09:30:00Z") or slashes ("2024/03/12")
_ISO = re.compile(r"^(\d{4})([-/])(\d{2})\2(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")  # day first: 12/03/2024, 12.03.2024, 12-03-2024


# the time of day a news page gives beside its date: "Tuesday 9 January 2024 06:00 GMT", "10:31, 9 January 2024",
# "9 Jan 2024 | 6.05pm BST"
_CLOCK = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*(?:GMT|BST|UTC))?"
_CLOCK_BEFORE = re.compile(rf"^{_CLOCK}(?:\s*[,|]\s*|\s+on\s+|\s+)", re.I)  # not "12.03" of "12.03.2024"
_CLOCK_AFTER = re.compile(rf"(?:\s*[,|–-]\s*|\s+at\s+|\s+)(?:{_CLOCK}|{_CLOCK}\s*[-–]\s*{_CLOCK})$", re.I)


def without_clock(text: str) -> str:
    """The text without the time of day before or after its date."""
    text = _CLOCK_BEFORE.sub("", text)
    return _CLOCK_AFTER.sub("", text) if may_end_in_clock(text) else text


def may_end_in_clock(text: str) -> bool:
    """False when _CLOCK_AFTER cannot match: it ends at the end (`$`: or before a last newline) in a digit, "m",
    "." or the last letter of GMT, BST or UTC. Tested first, since a pattern anchored at the end is tried at
    every position of a long header line."""
    return any(c.isdecimal() or c in "mM.tTcC" for c in text[-2:])


def parse_day(text: str) -> date | None:
    """A single calendar day written out in full, in any of the layouts seen in UK documents, perhaps with the
    time of day.

    Numeric dates are read day first (UK usage). Returns None for anything that
    is not exactly one valid day.
    """
    text = without_clock(text.strip().rstrip("."))
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[3]), int(m[4]))
        if m := _DAY_MONTH_YEAR.match(text):
            return date(int(m[3]), MONTHS[m[2].lower().rstrip(".")], int(m[1]))
        if m := _MONTH_DAY_YEAR.match(text):
            return date(int(m[3]), MONTHS[m[1].lower().rstrip(".")], int(m[2]))
        if m := _NUMERIC.match(text):
            return date(int(m[4]), int(m[3]), int(m[1]))
    except ValueError:
        return None
    return None


DATE_IN_TEXT = re.compile(
    rf"(?:{_ANY_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_NAMES}\.?,?\s+\d{{4}}"
    rf"|{MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,\s+\d{{4}}"
    r"|\b(?:\d{4}-\d{2}-\d{2}|\d{4}/\d{2}/\d{2})(?![\d/-])(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|\b(?:\d{1,2}/\d{1,2}/|\d{1,2}\.\d{1,2}\.|\d{1,2}-\d{1,2}-)\d{4}\b",  # no groups: other patterns embed it
    re.I,
)


def find_day(text: str) -> date | None:
    """The first full date anywhere in `text`."""
    m = DATE_IN_TEXT.search(text)
    return parse_day(m.group(0)) if m else None


@cache
def _calendar() -> dict:
    with resources.files("claimcheck").joinpath("data/calendar.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _spans(table: str) -> list[tuple[str, Span]]:
    return [
        (row["name"], (date.fromisoformat(str(row["start"])), date.fromisoformat(str(row["end"]))))
        for row in _calendar()[table]
    ]


def parliament_of(day: date) -> Span | None:
    """The UK Parliament sitting on `day` (first meeting to dissolution)."""
    return _containing("parliaments", day)


def spending_review_of(day: date) -> Span | None:
    """The Spending Review period `day` falls in or, between a review's announcement and its first year, the one
    announced: a settlement published in October 2021 speaks of "the Spending Review period" it sets."""
    for row in _calendar()["spending_reviews"]:
        announced = row.get("announced")
        if announced and date.fromisoformat(str(announced)) <= day < date.fromisoformat(str(row["start"])):
            return date.fromisoformat(str(row["start"])), date.fromisoformat(str(row["end"]))
    return _containing("spending_reviews", day)


def spending_review_named(year: int) -> Span | None:
    """The financial years that the Spending Review of `year` set ("Spending Review 2021": 2022-23 to 2024-25)."""
    return dict(_spans("spending_reviews")).get(f"Spending Review {year}")


def _containing(table: str, day: date) -> Span | None:
    for _, span in _spans(table):
        if span[0] <= day <= span[1]:
            return span
    return None
