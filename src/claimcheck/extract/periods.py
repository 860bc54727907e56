"""Periods and event dates in a sentence, resolved against the document's date.

Each expression becomes a `TimeSpan` with a role:
- "event": a dated happening that is a claim in itself ("published on 23 May
  2022", "in spring 2022") unless it is the period of a figure beside it;
- "period": only ever the time a figure covers ("2014-15 and 2015-16",
  "since July 2021", "over the past 12 months", "by 2020");
- "compare": a comparison base ("compared to 31 March 2014"), never a claim.
Conventions (design.md §2): UK financial years run 1 April-31 March; seasons
are meteorological; "since X" runs to the document's date; a date without a
year takes the year that puts it nearest before the document's date (after it
when the sentence looks forward). Without a document date those stay
unresolved and say why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    add_months,
    financial_year,
    financial_year_of,
    fy_start_year,
    month_end,
    month_span,
    parliament_of,
    season_span,
    spending_review_of,
    year_span,
)
from claimcheck.units import number_words

NEEDS_DATE = "needs the document's date, which the document does not give"


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


Y = r"(?:19|20)\d\d"
FY = rf"(?:{Y})\s?[-–/]\s?(?:\d\d|{Y})\b"
_YEAR_KIND = r"\s+(?:financial|academic|school)\s+year\b"  # "the 2021-22 financial year": part of the expression
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
SEASON = r"(?:spring|summer|autumn|winter)"
NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|" \
    r"thirty-six|forty-eight)"
UNIT = r"(?:years?|months?|weeks?|days?|decades?)"
NUMERIC_DAY = rf"\d{{1,2}}/\d{{1,2}}/{Y}\b|{Y}-\d\d-\d\d\b"  # 23/05/2022 (UK order) and ISO 2022-05-23
FULL_DAY = (rf"(?:(?:{WEEKDAYS}),?\s+)?{DAY}\s+(?:of\s+)?{MONTH_NAMES}\.?\s+{Y}|{MONTH_NAMES}\s+{DAY},\s+{Y}"
            rf"|{NUMERIC_DAY}")
MONTH_YEAR = rf"{MONTH_NAMES}\.?\s+{Y}"
POINT = rf"(?:{FULL_DAY}|{MONTH_YEAR}|{SEASON}\s+{Y}|(?:financial\s+year\s+)?{FY}|{Y})"

_SPLIT_FY = re.compile(rf"({Y})\s?[-–/]\s?({Y}|\d\d)\b")  # "2021-2022" is 2021 to 2022, not 2021 to "20"


def _fy(text: str) -> tuple[date, date] | None:
    m = _SPLIT_FY.search(text)
    if not m:
        return None
    start = fy_start_year(m.group(1), m.group(2))
    return financial_year(start) if start is not None else None


def _point(text: str, ctx: Context) -> tuple[date, date] | None:
    """The span of one point expression (day, month, season, financial year, year)."""
    text = re.sub(r"^financial\s+year\s+", "", text.strip(), flags=re.I)
    day_first = rf"(?:(?:{WEEKDAYS}),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\.?,?\s+({Y})"
    if m := re.fullmatch(day_first, text, re.I):
        day = _safe_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        return (day, day) if day else None
    if m := re.fullmatch(rf"({MONTH_NAMES})\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+({Y})", text, re.I):
        day = _safe_date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        return (day, day) if day else None
    if m := re.fullmatch(rf"(\d{{1,2}})/(\d{{1,2}})/({Y})", text):
        day = _safe_date(int(m[3]), int(m[2]), int(m[1]))
        return (day, day) if day else None
    if m := re.fullmatch(rf"({Y})-(\d\d)-(\d\d)", text):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (day, day) if day else None
    if m := re.fullmatch(rf"({MONTH_NAMES})\.?\s+({Y})", text, re.I):
        return month_span(int(m[2]), MONTHS[m[1].lower()])
    if m := re.fullmatch(rf"({SEASON})\s+({Y})", text, re.I):
        return season_span(m[1], int(m[2]))
    if re.fullmatch(FY, text):
        return _fy(text)
    if re.fullmatch(Y, text):
        return year_span(int(text))
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year that puts a month (and day) nearest before the document's date, or after it looking forward."""
    if ctx.doc_date is None:
        return None
    year = ctx.doc_date.year
    candidate = (month, day or 1)
    today = (ctx.doc_date.month, ctx.doc_date.day)
    if ctx.future:
        return year if candidate >= today else year + 1
    return year if candidate <= today else year - 1


def _units_back(end: date, count: int, unit: str) -> date | None:
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


def _count(word: str | None) -> int:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    return int(number_words(word) or 1)


Handler = Callable[[re.Match, Context], tuple[str, date | None, date | None, str | None] | None]
_PATTERNS: list[tuple[re.Pattern, Handler, tuple[str, ...]]] = []


MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
# features a pattern may need ("#name"), each a necessary condition searched once per sentence, only if asked
_FEATURES = {
    "#year": _YEAR_DIGITS,
    "#digit": _DIGIT,
    "#fy": re.compile(r"(?:19|20)\d\d\s?[-–/]\s?\d\d"),
    "#units-to": re.compile(r"(?:year|month|week|day|decade)s?\s+(?:to|ending)\b", re.I),
    "#year-to": re.compile(r"year\s+(?:ending|ended|to)\b", re.I),
}


def pattern(regex: str, needs: tuple[str, ...]) -> Callable[[Handler], Handler]:
    """Register a time expression. `needs` is a cheap necessary condition checked first: the pattern runs
    only if the lowercased sentence contains one of the strings or one of the `_FEATURES` ("#year", "#fy"...).
    It keeps extraction fast: most sentences need only a few of the patterns."""

    def register(handler: Handler) -> Handler:
        _PATTERNS.append((re.compile(regex, re.I), handler, needs))
        return handler

    return register


def _unresolved(role: str = "period"):
    return role, None, None, NEEDS_DATE


_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


@pattern(rf"\b(?:(?:in|during)\s+)?(?:(?-i:Q)([1-4])|the\s+(first|second|third|fourth|final|last)\s+quarter\s+of)"
         rf"\s+(?:(?:the\s+)?(?:financial\s+year\s+)?({FY})|({Y}))\b", needs=("q1", "q2", "q3", "q4", "quarter"))
def _quarter(m, ctx):
    """ "Q1 2023" is January-March 2023; "Q1 2023-24", of a financial year, is April-June 2023."""
    number = int(m[1]) if m[1] else _QUARTERS[m[2].lower()]
    if m[3]:
        year = _fy(m[3])
        if year is None:
            return None
        first = add_months(year[0], 3 * (number - 1))
    else:
        first = date(int(m[4]), 3 * number - 2, 1)
    return "period", first, add_months(first, 3) - timedelta(days=1), None


@pattern(rf"\b(?:between|from)\s+({FY}|{Y})\s+(?:and|to|until)\s+({FY}|{Y})", needs=("between", "from"))
def _between_years(m, ctx):
    first, last = _point(m[1], ctx), _point(m[2], ctx)
    if first and last and first[0] <= last[1]:
        return "period", first[0], last[1], None
    return None


@pattern(rf"\b(?:(?:the\s+)?financial\s+year\s+|the\s+(?={Y}\s+to\s+{Y}{_YEAR_KIND}))?"
         rf"({Y})\s+(to|until|–|-)\s+({Y})\b({_YEAR_KIND})?", needs=("#year",))
def _year_range(m, ctx):
    """ "2019 until 2022" is four calendar years, but "2021 to 2022", the GOV.UK style for 2021-22, is the
    financial year (the academic year, September to August, when it says so)."""
    first, last = int(m[1]), int(m[3])
    if first >= last:
        return None
    if last == first + 1 and m[2].lower() != "until":
        if m[4] and re.search(r"academic|school", m[4], re.I):
            return "period", date(first, 9, 1), date(last, 8, 31), None
        return "period", *financial_year(first), None
    return "period", year_span(first)[0], year_span(last)[1], None


@pattern(rf"\b({FY})\s+(?:and|to|until)\s+({FY})", needs=("#fy",))
def _fy_pair(m, ctx):
    first, last = _fy(m[1]), _fy(m[2])
    if first and last and first[0] <= last[1]:
        return "period", first[0], last[1], None
    return None


@pattern(
    rf"\b(?:between|from)\s+((?:{FULL_DAY}|{MONTH_YEAR}))\s+(?:and|to|until)\s+((?:{FULL_DAY}|{MONTH_YEAR}))",
    needs=("between", "from"),
)
def _between_days(m, ctx):
    first, last = _point(m[1], ctx), _point(m[2], ctx)
    if first and last and first[0] <= last[1]:
        return "event", first[0], last[1], None
    return None


@pattern(rf"\bbetween\s+({MONTH_NAMES})\s+and\s+({MONTH_NAMES})\s+({Y})", needs=("between",))
def _between_months(m, ctx):
    year = int(m[3])
    first, last = MONTHS[m[1].lower()], MONTHS[m[2].lower()]
    if first <= last:
        return "period", date(year, first, 1), month_end(year, last), None
    return None


@pattern(rf"\bsince\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+"
         rf"|(?:its|their|the\s+programme's|the\s+scheme's)\s+(?:launch|start|introduction|creation|inception)"
         rf"\s+(?:in|on)\s+)?({POINT})", needs=("since",))
def _since(m, ctx):
    span = _point(m[1], ctx)
    if span is None:
        return None
    if ctx.doc_date is None:
        return "period", span[0], None, NEEDS_DATE
    return "period", span[0], ctx.doc_date, None


@pattern(rf"\bsince\s+({MONTH_NAMES})\b(?!\s*\d)", needs=("since",))
def _since_month(m, ctx):
    month = MONTHS[m[1].lower()]
    year = _nearest_year(month, 1, Context(ctx.doc_date, False))
    if year is None:
        return _unresolved()
    return "period", date(year, month, 1), ctx.doc_date, None


@pattern(rf"\b(?:between\s+|(?-i:FY)\s?|(?:the\s+)?financial\s+year\s+|the\s+(?={Y}\s?[-–]\s?\d\d{_YEAR_KIND}))?"
         rf"({Y})\s?[-–]\s?(\d\d)\b(?!\s?[-–/]\d)({_YEAR_KIND})?", needs=("#fy",))
def _multi_year(m, ctx):
    """ "between 2010-15": financial years 2010-11 to 2014-15 (a one-year label is a financial year, or the
    academic year, September to August, when it says so)."""
    start, end = int(m[1]), int(m[1]) // 100 * 100 + int(m[2])
    if end <= start:
        return None
    if end == start + 1:
        if m[3] and re.search(r"academic|school", m[3], re.I):
            return "period", date(start, 9, 1), date(end, 8, 31), None
        return "period", *financial_year(start), None
    return "period", date(start, 4, 1), date(end, 3, 31), None


@pattern(
    rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+({NUM}\s+)?({UNIT})\b",
    needs=("past", "last", "previous"),
)
def _past_units(m, ctx):
    if ctx.doc_date is None:
        return _unresolved()
    count = _count(m[1].strip() if m[1] else None)
    start = _units_back(ctx.doc_date, count, m[2])
    return ("period", start, ctx.doc_date, None) if start else None


@pattern(rf"\b(?:(?:over|in|during|within|for)\s+)?the\s+(?:next|coming)\s+({NUM}\s+)?({UNIT})\b",
         needs=("next", "coming"))
def _next_units(m, ctx):
    """ "£2.6 billion over the next four years": from the document's date, as "the past N years" runs to it."""
    if ctx.doc_date is None:
        return _unresolved()
    end = _units_back(ctx.doc_date, -_count(m[1].strip() if m[1] else None), m[2])
    return ("period", ctx.doc_date, end, None) if end else None


@pattern(rf"\b(?:the\s+)?(?:last|past|previous)\s+({NUM})\s+({UNIT})\b", needs=("past", "last", "previous"))
def _last_units(m, ctx):
    if ctx.doc_date is None:
        return _unresolved()
    start = _units_back(ctx.doc_date, _count(m[1]), m[2])
    return ("period", start, ctx.doc_date, None) if start else None


@pattern(rf"\b(?:over|in|during|for)?\s*(?:the\s+)?({NUM})\s+({UNIT})\s+(?:to|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?"
         rf"({MONTH_YEAR}|{FULL_DAY}|{FY}|{Y})", needs=("#units-to",))
def _units_to(m, ctx):
    """ "over the three years to March 2024" = 2021-04-01 .. 2024-03-31."""
    span = _point(m[3], ctx)
    if span is None:
        return None
    end = span[1]
    before = _units_back(end, _count(m[1]), m[2])
    if before is None:
        return None
    start = before + timedelta(days=1)
    return "period", start, end, None


@pattern(
    rf"\b(?:the\s+)?(?:financial\s+)?year\s+(?:ending|ended|to)\s+(?:(?:on|in)\s+)?({FULL_DAY}|{MONTH_YEAR})",
    needs=("#year-to",),
)
def _year_ending(m, ctx):
    span = _point(m[1], ctx)
    if span is None:
        return None
    before = _units_back(span[1], 1, "year")
    return ("period", before + timedelta(days=1), span[1], None) if before else None


@pattern(
    r"\b(?:by\s+the\s+end\s+of\s+|over\s+|during\s+|in\s+|for\s+)?(?:the|this)\s+(?:current\s+)?parliament\b",
    needs=("parliament",),
)
def _parliament(m, ctx):
    if ctx.doc_date is None:
        return _unresolved()
    span = parliament_of(ctx.doc_date)
    if span is None:
        return "period", None, None, "no Parliament in the calendar table covers the document's date"
    return "period", span[0], span[1], None


@pattern(
    r"\b(?:over\s+|during\s+|in\s+|for\s+)?(?:the|this)\s+(?:current\s+)?spending\s+review\s+period\b",
    needs=("spending review",),
)
def _spending_review(m, ctx):
    if ctx.doc_date is None:
        return _unresolved()
    span = spending_review_of(ctx.doc_date)
    if span is None:
        return "period", None, None, "no Spending Review in the calendar table covers the document's date"
    return "period", span[0], span[1], None


@pattern(rf"\b(?:in\s+|for\s+|during\s+)?(?:this|the\s+current)\s+financial\s+year(?:,?\s+({FY}))?"
         r"|\b(?:in\s+|for\s+)?this\s+year\b", needs=("financial year", "this year"))
def _this_year(m, ctx):
    if m[1]:
        span = _fy(m[1])
        return ("period", *span, None) if span else None
    if ctx.doc_date is None:
        return _unresolved()
    return "period", *financial_year_of(ctx.doc_date), None


@pattern(r"\b(?:in\s+|for\s+|during\s+)?(?:next|the\s+next|the\s+coming)\s+(?:financial\s+)?year\b(?!\s+(?:to|ending))",
         needs=("next year", "next financial year", "coming year", "coming financial year"))
def _next_fy(m, ctx):
    """ "an extra £2 billion for schools next year": the financial year after the document's, as "this year"
    is the document's own."""
    if ctx.doc_date is None:
        return _unresolved()
    start, _ = financial_year_of(ctx.doc_date)
    return "period", *financial_year(start.year + 1), None


@pattern(r"\b(?:last|the\s+previous)\s+financial\s+year\b", needs=("financial year",))
def _last_fy(m, ctx):
    if ctx.doc_date is None:
        return _unresolved()
    start, _ = financial_year_of(ctx.doc_date)
    return "period", *financial_year(start.year - 1), None


@pattern(rf"\bby\s+(?:the\s+end\s+of\s+)?({FULL_DAY}|{MONTH_YEAR}|{SEASON}\s+{Y}|{FY}|{Y})\b", needs=("by",))
def _by(m, ctx):
    span = _point(m[1], ctx)
    if span is None:
        return None
    if re.fullmatch(FULL_DAY, m[1], re.I):  # "by 1 September 2022": a deadline, itself a date
        return "event", span[0], span[1], None
    if ctx.doc_date is None:
        return "period", None, span[1], NEEDS_DATE
    if span[1] < ctx.doc_date:
        return "period", None, span[1], "a past 'by' date: the start is not stated"
    return "period", ctx.doc_date, span[1], None


@pattern(
    rf"\b(?:until|till|up\s+to|through\s+to)\s+(?:the\s+end\s+of"
    rf"\s+)?({FULL_DAY}|{MONTH_YEAR}|{SEASON}\s+{Y}|{FY}|{Y})\b",
    needs=("until", "till", "up", "through"),
)
def _until(m, ctx):
    span = _point(m[1], ctx)
    if span is None:
        return None
    if ctx.doc_date is None:
        return "period", None, span[1], NEEDS_DATE
    return "period", min(ctx.doc_date, span[1]) if ctx.future else None, span[1], None


_COMPARED_NEEDS = ("compared", "from", "than")
_COMPARED_WITH = r"\b(?:compared\s+(?:to|with)|up\s+from|down\s+from|from|than(?:\s+in)?)\s+"


@pattern(rf"{_COMPARED_WITH}(?P<date>{FULL_DAY}|{MONTH_YEAR}|{Y})\b", needs=_COMPARED_NEEDS)
@pattern(  # "fell from 1,234 in 2019 to 987": the base figure is a claim of its own, and its date the span
    rf"{_COMPARED_WITH}[\d.,]+%?\s+(?P<span>(?:in|at|on)\s+(?P<date>{FULL_DAY}|{MONTH_YEAR}|{Y}))\b",
    needs=_COMPARED_NEEDS,
)
def _compared(m, ctx):
    span = _point(m["date"], ctx)
    return ("compare", *span, None) if span else None


@pattern(rf"\b(?:(?:the\s+)?financial\s+year\s+|(?-i:FY)\s?|the\s+(?={FY}{_YEAR_KIND}))?({FY})({_YEAR_KIND})?",
         needs=("#fy",))
def _fy_label(m, ctx):
    span = _fy(m[1])
    if span and m[2] and re.search(r"academic|school", m[2], re.I):
        return "period", date(span[0].year, 9, 1), date(span[1].year, 8, 31), None
    return ("period", *span, None) if span else None


@pattern(rf"\b(?:(?:on|at|as\s+at|of)\s+)?({FULL_DAY})", needs=(*MONTH_STEMS, "/", "-"))
def _full_day(m, ctx):
    span = _point(m[1], ctx)
    if span is None:
        return None
    lead = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
    return ("period" if lead in ("at", "as at") else "event"), *span, None


@pattern(rf"\b(?:early|mid|late)[\s-]+({Y})\b", needs=("early", "mid", "late"))
def _part_of_year(m, ctx):
    year = int(m[1])
    part = m.group(0).split()[0].split("-")[0].lower()
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return "event", date(year, months[0], 1), month_end(year, months[1]), None


@pattern(rf"\b({MONTH_YEAR})\b", needs=MONTH_STEMS)
def _month_year(m, ctx):
    span = _point(m[1], ctx)
    return ("event", *span, None) if span else None


@pattern(rf"\b({SEASON})\s+({Y})\b", needs=("spring", "summer", "autumn", "winter"))
def _season_year(m, ctx):
    return "event", *season_span(m[1], int(m[2])), None


@pattern(
    rf"\b(?:(?:on|at|as\s+at)\s+)?(?:(?:{WEEKDAYS}),?\s+)?(\d{{1,2}}"
    rf")(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\b(?!\.?\s*{Y})",
    needs=MONTH_STEMS,
)
def _day_month(m, ctx):
    month = MONTHS[m[2].lower()]
    year = _nearest_year(month, int(m[1]), ctx)
    lead = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
    role = "period" if lead in ("at", "as at") else "event"
    if year is None:
        return _unresolved(role)
    day = _safe_date(year, month, int(m[1]))
    return (role, day, day, None) if day else None


@pattern(
    rf"\b(?:in|during|over)\s+the\s+({SEASON})\b(?!\s+(?:(?-i:[A-Z])|{Y}))",
    needs=("spring", "summer", "autumn", "winter"),
)
def _bare_season(m, ctx):
    if ctx.doc_date is None:
        return _unresolved("event")
    first_month = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}[m[1].lower()]
    year = _nearest_year(first_month, 1, ctx)
    return "event", *season_span(m[1], year), None


@pattern(rf"\b(?:in|since|from|during)\s+({MONTH_NAMES})\b(?![\s.]*\d)", needs=MONTH_STEMS)
def _bare_month(m, ctx):
    if m[1].lower() == "may":
        return None
    month = MONTHS[m[1].lower()]
    year = _nearest_year(month, 1, ctx)
    if year is None:
        return _unresolved("event")
    return "period", *month_span(year, month), None


@pattern(rf"\b(?:in|during|for|throughout|at\s+the\s+end\s+of)\s+({Y})\b(?![-–/]\d)", needs=("#year",))
def _in_year(m, ctx):
    return "period", *year_span(int(m[1])), None


_FUTURE = re.compile(r"\b(?:will|shall|is\s+due\s+to|are\s+due\s+to|plans?\s+to|intends?\s+to|expects?\s+to|"
                     r"is\s+expected\s+to|are\s+expected\s+to|is\s+going\s+to|are\s+going\s+to|to\s+be\s+published|"
                     r"aims?\s+to|by\s+next)\b", re.I)


def looks_forward(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


@dataclass(frozen=True)
class _Guards:
    needles: tuple[str, ...]  # every plain string some pattern needs, each tested once per sentence
    split: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]]  # needs -> (strings, features)


@cache
def _guards() -> _Guards:
    """The patterns' `needs`, prepared once: a sentence is tested for each string once, not once per pattern
    in a Python loop, which had cost a third of finding time expressions."""
    split = {
        needs: (frozenset(n for n in needs if n[0] != "#"), tuple(n for n in needs if n[0] == "#"))
        for _, _, needs in _PATTERNS
    }
    needles = tuple(sorted({n for strings, _ in split.values() for n in strings}))
    return _Guards(needles, split)


def find_spans(sentence: str, ctx: Context) -> list[TimeSpan]:
    """Every time expression in `sentence`, longest and earliest-registered first, not overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[TimeSpan] = []
    lower = sentence.lower()
    features: dict[str, bool] = {}

    def has(feature: str) -> bool:
        if feature not in features:
            features[feature] = _FEATURES[feature].search(sentence) is not None
        return features[feature]

    guards = _guards()
    present = {needle for needle in guards.needles if needle in lower}
    allowed: dict[tuple[str, ...], bool] = {}
    for regex, handler, needs in _PATTERNS:
        ok = allowed.get(needs)
        if ok is None:
            strings, needed = guards.split[needs]
            ok = allowed[needs] = not present.isdisjoint(strings) or any(has(f) for f in needed)
        if not ok:
            continue
        for m in regex.finditer(sentence):
            start, end = m.span("span") if "span" in regex.groupindex else m.span()
            while start < end and sentence[start].isspace():
                start += 1
            if any(start < b and a < end for a, b in taken):
                continue
            result = handler(m, ctx)
            if result is None:
                continue
            role, first, last, note = result
            taken.append((start, end))
            found.append(TimeSpan(start, end, sentence[start:end], role, first, last, note))
    found.sort(key=lambda span: span.start_pos)
    return _joined(found, sentence)


def _joined(spans: list[TimeSpan], sentence: str) -> list[TimeSpan]:
    """ "2014 to 2015 and 2015 to 2016", "April 2020 and May 2020": back-to-back periods joined by "and" are
    one period, as "2014-15 and 2015-16" is. Periods with a gap between them ("2014 and 2016") and single
    days stay apart."""
    merged: list[TimeSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if (last is not None and {last.role, span.role} <= {"period", "event"} and last.start and last.end
                and span.start and span.end and last.start < last.end and span.start < span.end
                and span.start == last.end + timedelta(days=1)
                and _AND.fullmatch(sentence, last.end_pos, span.start_pos)):
            role = "period" if "period" in (last.role, span.role) else "event"
            merged[-1] = TimeSpan(last.start_pos, span.end_pos, sentence[last.start_pos:span.end_pos], role,
                                  last.start, span.end, last.note or span.note)
            continue
        merged.append(span)
    return merged


_AND = re.compile(r",?\s+(?:and|&)\s+", re.I)
