"""The building blocks of time expressions: regular-expression pieces, the spans they resolve to, and the
registry the pattern modules (`period_patterns`, `period_lengths`, `period_calendar`, `period_points`) add
themselves to, in order: the first registered wins a tie.

Hand-written because no maintained library resolves UK financial years ("2014-15"), the current Parliament or
"since X" against a document's date; `calendar.py` holds the dates themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    add_months,
    financial_year,
    fy_start_year,
    month_end,
    month_span,
    season_span,
    year_span,
)
from claimcheck.units import number_words

NEEDS_DATE = "needs the document's date, which the document does not give"
STARTS_AFTER_DATE = "'since' a time after the document's date: it runs to a date the document does not give"


@dataclass(frozen=True)
class TimeSpan:
    start_pos: int
    end_pos: int
    text: str
    role: str  # event | period | compare
    start: date | None
    end: date | None
    note: str | None = None


@dataclass(frozen=True)
class Context:
    doc_date: date | None
    future: bool
    previous: tuple[date, date] | None = None  # the latest period an earlier figure covered: "the same period"
    # when that period ran between two times ("between 2010-11 and 2021-22"), the two as written: where a level
    # that moved "over the same period" stood before and after (`shared_periods.ends_of_a_stretch`)
    points: tuple[str, str] | None = None
    # the time of the level the sentence just before gave, in the same paragraph: what "at the same point last year"
    # goes back from, a single day too
    told: tuple[date, date] | None = None
    # when the last dated happening or time told in this paragraph or the one before began: what "since then" runs
    # from ("The fund was established in May 2015. Since then, it has provided over £330 million")
    then: date | None = None


Y = r"(?:19|20)\d\d"
FY = rf"(?:{Y})\s?[-–/]\s?(?:\d\d|{Y})\b"
GOVUK_FY = rf"{Y}\s+to\s+{Y}\b"  # "2023 to 2024", GOV.UK's style for 2023-24 (`point_span` reads it so)
# "over the same period": the period of the figures before (`period_lengths._same_period`,
# `shared_periods.stretch_points`)
SAME_PERIOD = r"(?:(?:over|in|during|for|across)\s+)?the\s+same\s+(?:period|time|years?|months?)"
YEAR_KIND = r"\s+(?:financial|academic|school)\s+year\b"  # "the 2021-22 financial year": part of the expression
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
SEASON = r"(?:spring|summer|autumn|winter)"
NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|" \
    r"thirty-six|forty-eight)"
UNIT = r"(?:years?|months?|weeks?|days?|decades?)"
# 23/05/2022 and 23.05.2022 (UK order), and ISO 2022-05-23
NUMERIC_DAY = rf"\d{{1,2}}/\d{{1,2}}/{Y}\b|\d{{1,2}}\.\d{{1,2}}\.{Y}\b|{Y}-\d\d-\d\d\b"
FULL_DAY = (rf"(?:(?:{WEEKDAYS}),?\s+)?{DAY}\s+(?:of\s+)?{MONTH_NAMES}\.?\s+{Y}|{MONTH_NAMES}\.?\s+{DAY},\s+{Y}"
            rf"|{NUMERIC_DAY}")
MONTH_YEAR = rf"{MONTH_NAMES}\.?\s+{Y}"
EARLY_MID_LATE = rf"(?:early|mid|late)[\s-]+{Y}"  # "early 2026": January to April
# the ONS's and DWP's name for a financial year, by the calendar year it ends in: "FYE 2024" is 2023-24
FYE = rf"(?:(?:the\s+)?financial\s+year\s+ending(?:\s+\(FYE\))?\s+|(?-i:FYE)\s?){Y}\b(?!\s*[-–/]\s*\d)"
POINT = rf"(?:{FULL_DAY}|{MONTH_YEAR}|{SEASON}\s+{Y}|(?:financial\s+year\s+)?{FY}|{Y})"

ACADEMIC = re.compile(r"academic|school", re.I)  # a year label for September to August
FULL_DAY_RE = re.compile(FULL_DAY, re.I)
_SPLIT_FY = re.compile(rf"({Y})\s?[-–/]\s?({Y}|\d\d)\b")  # "2021-2022" is 2021 to 2022, not 2021 to "20"


def fy_span(text: str) -> tuple[date, date] | None:
    m = _SPLIT_FY.search(text)
    if not m:
        return None
    start = fy_start_year(m.group(1), m.group(2))
    return financial_year(start) if start is not None else None


# precompiled: these were f-strings built and looked up in re's cache on every call
_FY_LABEL = re.compile(r"^financial\s+year\s+", re.I)
_DAY_FIRST = re.compile(rf"(?:(?:{WEEKDAYS}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})"
                        rf"\.?,?\s+({Y})", re.I)
_MONTH_FIRST = re.compile(rf"({MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+({Y})", re.I)
_NUMERIC_UK = re.compile(rf"(\d{{1,2}})([/.])(\d{{1,2}})\2({Y})")
_NUMERIC_ISO = re.compile(rf"({Y})-(\d\d)-(\d\d)")
_MONTH_AND_YEAR = re.compile(rf"({MONTH_NAMES})\.?\s+({Y})", re.I)
_SEASON_AND_YEAR = re.compile(rf"({SEASON})\s+({Y})", re.I)
_FY_ONLY = re.compile(FY)
_GOVUK_FY = re.compile(rf"({Y})\s+to\s+({Y})")
_YEAR_ONLY = re.compile(Y)
_FYE_ONLY = re.compile(FYE, re.I)
_PART_AND_YEAR = re.compile(rf"(early|mid|late)[\s-]+({Y})", re.I)
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def early_mid_late(part: str, year: int) -> tuple[date, date]:
    """ "early 2026", "mid-2025", "late 2024": a third of the year each (January to April, May to August,
    September to December)."""
    first, last = _PART_MONTHS[part.lower()]
    return date(year, first, 1), month_end(year, last)


def point_span(text: str, ctx: Context) -> tuple[date, date] | None:
    """The span of one point expression (day, month, season, financial year, year)."""
    if _FYE_ONLY.fullmatch(text.strip()):
        return financial_year(int(text.strip()[-4:]) - 1)
    text = _FY_LABEL.sub("", text.strip())
    if m := _DAY_FIRST.fullmatch(text):
        day = safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        return (day, day) if day else None
    if m := _MONTH_FIRST.fullmatch(text):
        day = safe_date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        return (day, day) if day else None
    if m := _NUMERIC_UK.fullmatch(text):
        day = safe_date(int(m[4]), int(m[3]), int(m[1]))
        return (day, day) if day else None
    if m := _NUMERIC_ISO.fullmatch(text):
        day = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (day, day) if day else None
    if m := _MONTH_AND_YEAR.fullmatch(text):
        return month_span(int(m[2]), MONTHS[m[1].lower()])
    if m := _SEASON_AND_YEAR.fullmatch(text):
        return season_span(m[1], int(m[2]))
    if m := _PART_AND_YEAR.fullmatch(text):
        return early_mid_late(m[1], int(m[2]))
    if _FY_ONLY.fullmatch(text):
        return fy_span(text)
    if (m := _GOVUK_FY.fullmatch(text)) and int(m[2]) == int(m[1]) + 1:
        return financial_year(int(m[1]))  # "on 2023 to 2024": GOV.UK's way of writing 2023-24
    if _YEAR_ONLY.fullmatch(text):
        return year_span(int(text))
    return None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_month(name: str, ctx: Context, m: re.Match) -> tuple[date, date] | None:
    """The month `name` ("December", "Sept.") written without a year, in the year `nearest_year` gives it for
    the sentence `m` was found in; None without a document date to place it."""
    month = MONTHS[name.lower().rstrip(".")]
    year = nearest_year(month, 1, ctx, m.string, m.start())
    return None if year is None else month_span(year, month)


def nearest_year(month: int, day: int | None, ctx: Context, sentence: str = "", before: int = 0) -> int | None:
    """The year of a month named without one.

    After a month and year in the same sentence, the sentence's own date says more than the document's: a
    comparison base is that month or the one before it ("4.0% in January 2024, down from 4.6% in December":
    December 2023), anything else that month or the one after ("1.6 million in March 2020, rising to 2.7 million
    in June"), unless that is after the document's date and the sentence does not look forward. A month and year
    just after, joined to it ("open on 1 April and close on 30 April 2025", "from 1 December to 31 January 2025"),
    ends the span it opens: that month's year, or the year before. Without either, the year that puts the month
    nearest before the document's date, or after it looking forward."""
    anchor = max(_DATED_MONTH.finditer(sentence, 0, before), key=lambda m: m.start(), default=None)  # the last
    if anchor is None and (after := _JOINED_DATED_MONTH.match(sentence, before)) is not None:
        year, named = int(after[2]), MONTHS[after[1].lower().rstrip(".")]
        earlier = year - (month > named)
        if ctx.future or ctx.doc_date is None or date(earlier, month, 1) <= ctx.doc_date \
                or (date(year, named, 1) > ctx.doc_date  # a span ending after its document, not told as past
                    and not PAST_VERB_BEFORE.search(sentence, max(0, before - 30), before)):
            return earlier
    if anchor is not None:
        year, named = int(anchor[2]), MONTHS[anchor[1].lower().rstrip(".")]
        earlier = year - (month > named)
        if _BASE_WORD.search(sentence, max(0, before - 40), before):
            return earlier
        later = year + (month < named)
        if ctx.future or ctx.doc_date is None or date(later, month, 1) <= ctx.doc_date \
                or date(year, named, 1) > ctx.doc_date:  # a sentence dated after its document: trust it
            return later
        return earlier
    if ctx.doc_date is None:
        return None
    year = ctx.doc_date.year
    candidate = (month, day or 1)
    today = (ctx.doc_date.month, ctx.doc_date.day)
    if ctx.future or _SAID_WOULD.search(sentence, 0, before):
        return year if candidate >= today else year + 1
    return year if candidate <= today else year - 1


# a future told in reported speech: "The council said the closures would save around £850k a year from April" (in a
# February document: the April to come); only for a month without a year, the sentence's tense unchanged
_SAID_WOULD = re.compile(r"\b(?:said|says|told\s+\w+|expects?|expected|estimated|estimates)\s+(?:that\s+)?[^.;]{0,80}?"
                         r"\bwould\b(?!\s+have\b)[^.;]*$", re.I)


# a verb in the past tense right before a day without a year: that day is behind the document, whatever the rest
# of the sentence looks forward to
PAST_VERB_BEFORE = re.compile(r"\b(?:closed|ended|opened|launched|began|started|published|announced|met|was|were"
                              r"|took\s+place)\s+(?:on\s+)?$", re.I)
_DATED_MONTH = re.compile(rf"\b({MONTH_NAMES})\.?\s+({Y})\b", re.I)
# a month without a year, then (after "and", "to", "until" or a dash, in the same clause) the month and year ending
# what it began
_JOINED_DATED_MONTH = re.compile(rf"[^;.]{{0,20}}?(?:\s(?:and|to|until|till|through)\s|\s?[-–]\s?)[^;.]{{0,50}}?"
                                 rf"\b({MONTH_NAMES})\.?\s+({Y})\b", re.I)
_BASE_WORD = re.compile(r"\b(?:from|than|compared\s+(?:with|to)|since|against)\b[^,;]*$", re.I)


def units_back(end: date, count: int, unit: str) -> date | None:
    """`end` less `count` units; None when that leaves the calendar ("over 9999 decades to 2020")."""
    unit = unit.lower().rstrip("s")
    try:
        if unit == "decade":
            return add_months(end, -120 * count)
        if unit == "year":
            return add_months(end, -12 * count)
        if unit == "month":
            return add_months(end, -count)
        if unit == "week":
            return end - timedelta(weeks=count)
        return end - timedelta(days=count)
    except (ValueError, OverflowError):
        return None


def count_of(word: str | None) -> int:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    return int(number_words(word) or 1)


Handler = Callable[[re.Match, Context], tuple[str, date | None, date | None, str | None] | None]
PATTERNS: list[tuple[re.Pattern, Handler, tuple[str, ...]]] = []


MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = MONTH_NAMES.lower()  # a pattern of letters and groups only: lower case keeps its meaning
# how any point in time starts: a digit, a month, a season or a weekday ("by [1 March 2024]", "until [spring 2025]")
_WHEN = rf"(?:\d|{_MONTHS}|spring|summer|autumn|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
# Features a pattern may need ("#name"), each a necessary condition searched once per sentence, only if asked.
# They are searched in `guards.folded` text and written in lower case without re.I: that finds what re.I finds
# in the sentence (folding keeps every character's place and class), and a case-sensitive pattern that opens
# with digits or literals lets the scan skip to them.
FEATURES = {
    "#year": re.compile(r"(?:19|20)\d\d"),
    "#digit": re.compile(r"\d"),
    "#fy": re.compile(r"(?:19|20)\d\d\s?[-–/]\s?\d\d"),
    "#units-to": re.compile(r"(?:year|month|week|day|decade)s?\s+(?:to|ending)\b"),
    "#units-from": re.compile(r"(?:year|month|week|decade)s?,?\s+(?:from|starting|beginning|commencing)\b"),
    "#year-to": re.compile(r"(?:year|quarter|month|week)\s+(?:ending|ended|to)\b"),
    # what one pattern cannot match without, where its strings say too little ("on", "-", a month's stem)
    "#pct-on": re.compile(r"(?:%|cent)(?:\s+(?:rise|increase|fall|drop|decrease|reduction|higher|lower))?"
                          r"(?:\s+in(?:\s+[\w’'-]+){1,5})?\s+(?:on|from)\s"),
    "#year-range": re.compile(r"(?:19|20)\d\d\s+(?:to|until|–|-)\s+(?:19|20)\d\d\b"),
    "#in-year": re.compile(r"(?:in|during|for|throughout|of)\s+(?:(?:the\s+)?calendar\s+year\s+)?(?:19|20)\d\d\b"
                           r"(?![-–/]\d)"),
    "#last-year": re.compile(r"(?:last|previous)\s+financial\s+year\b|(?<!the\s)(?<!the\s\s)last\s+year\b"),
    # a day with its month and year, or in figures: each opening with a digit (the day's last, or the year's)
    "#full-day": re.compile(rf"\d(?:(?:st|nd|rd|th)?(?:\s+(?:of\s+)?{_MONTHS}\.?\s+(?:19|20)\d\d|,\s+(?:19|20)\d\d)"
                            r"|/\d{1,2}/(?:19|20)\d\d|\.\d{1,2}\.(?:19|20)\d\d|\d\d\d-\d\d-\d\d)"),
    "#dotted-day": re.compile(r"\d\.\d{1,2}\.(?:19|20)\d\d"),  # "03.05.2024", which no string the others need finds
    "#until": re.compile(rf"(?:until|till|up\s+to(?:\s+and\s+including)?|through\s+to|extend(?:ed|s)?\s+to)\s+"
                         r"(?:the\s+end\s+of\s+)?"
                         rf"{_WHEN}"),
    "#by": re.compile(rf"by\s+(?:the\s+end\s+of\s+)?{_WHEN}"),
    "#bare-month": re.compile(rf"(?:in|since|from|during)\s+{_MONTHS}\b(?![\s.]*\d)"),
    "#this-year": re.compile(r"(?:this|current)\s+financial\s+year|this\s+year\b"),
    "#part-of-year": re.compile(r"(?:later|earlier|early|late)\s+(?:this|next|last)\s+year\b"),
    "#last-fys": re.compile(rf"(?:past|last|previous)\s+{NUM}\s+financial\s+years\b"),
    "#over-the-last": re.compile(rf"(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+"
                                 rf"(?:{NUM}\s+)?{UNIT}\b"),
    "#last-n-units": re.compile(rf"(?:last|past|previous|preceding)\s+{NUM}\s+{UNIT}\b"),
    "#month-year": re.compile(rf"\b{_MONTHS}\.?\s+(?:19|20)\d\d"),
    "#month-year-to-year": re.compile(rf"\b{_MONTHS}\.?\s+(?:19|20)\d\d\s+(?:to|until|and|–|-)\s+(?:19|20)\d\d\b"),
    "#day-month": re.compile(rf"\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b"),
    "#month": re.compile(rf"\b{_MONTHS}\b"),
}


def pattern(regex: str, needs: tuple[str, ...]) -> Callable[[Handler], Handler]:
    """Register a time expression. `needs` is a cheap necessary condition checked first: the pattern runs
    only if the lowercased sentence contains one of the strings or one of the `FEATURES` ("#year", "#fy"...),
    and has every feature marked "&" ("&#month": a month's name, not "innovation" for "nov").
    It keeps extraction fast: most sentences need only a few of the patterns."""

    def register(handler: Handler) -> Handler:
        PATTERNS.append((re.compile(regex, re.I), handler, needs))
        return handler

    return register


def unresolved(role: str = "period"):
    return role, None, None, NEEDS_DATE
