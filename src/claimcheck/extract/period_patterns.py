"""The time expressions claimcheck reads, one handler each, registered in the order they are tried: a longer
or more specific expression comes before the shorter one it contains ("between 2010-15" before "2010-15")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    add_months,
    financial_year,
    month_end,
    year_span,
)
from claimcheck.extract.period_grammar import (
    ACADEMIC,
    EARLY_MID_LATE,
    FULL_DAY,
    FY,
    FYE,
    GOVUK_FY,
    MONTH_STEMS,
    MONTH_YEAR,
    NEEDS_DATE,
    POINT,
    STARTS_AFTER_DATE,
    YEAR_KIND,
    Context,
    Y,
    fy_span,
    nearest_year,
    pattern,
    point_span,
    safe_date,
    unresolved,
)

_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}


@pattern(  # the word "on" right after a change: "a 3% rise on 2014-15", "down 2.2 per cent on March 2022", and after
    # what changed: "an increase of 6.8% in Core Spending Power on 2024-25"; or "from" one time, not a stretch from it
    # to another: "down 7% from 2021-22" (but "rose 7% from 2021-22 to 2022-23")
    rf"\b\d[\d.,]*(?:%|\s*per\s*cent)\)?(?:\s+(?:rise|increase|fall|drop|decrease|reduction|higher|lower))?"
    rf"(?:\s+in\s+(?:[A-Za-z’'-]+\s+){{0,4}}[A-Za-z’'-]+)?\s+"
    rf"(?P<span>(?:on|from)\s+(?P<date>{FULL_DAY}|{MONTH_YEAR}|{GOVUK_FY}|{FY}|{FYE}|{Y}))\b"
    r"(?!\s*(?:[-–]|to\b|until\b|and\b))",
    needs=("on", "from", "&#pct-on"),
)
@pattern(  # and an amount's change: "an increase of £7.8m on 2023/24", "up £300 million on 2024-25"
    rf"\b(?:up|down|increase|rise|fall|drop|decrease|reduction|cut|more|less)\s+(?:of\s+|by\s+)?"
    rf"(?:(?:around|about|almost|nearly|over|some)\s+)?[£$€]\d[\d.,]*\s*(?:bn|m|k|million|billion)?"
    rf"(?:\s*\([^()]{{1,20}}\))?\s+(?P<span>on\s+(?P<date>{GOVUK_FY}|{FY}|{Y}))\b(?!\s*(?:[-–]|to\b|until\b|and\b))",
    needs=("on",),
)
@pattern(rf"\b(?:than|compared\s+(?:to|with)|(?:the\s+)?same(?:\s+(?:proportion|rate|level|share|number|figure))?\s+as"
         rf"|similar\s+to)\s+(?:in\s+)?(?P<date>{FY})\b", needs=("than", "compared", "same", "similar to"))
def _compared_early(m, ctx):
    """The base of a comparison, before "2010-11" or "March 2022" can be read as the figure's own period (the
    general comparison patterns come later, after the ranges): "11.5 per cent more than in 2010-11", and the
    base a change is measured "on"."""
    span = point_span(m["date"], ctx)
    return ("compare", *span, None) if span else None


@pattern(r"\b(?:up|down|more|less|higher|lower|increase|rise|fall|drop)\s+[^.;]{0,40}?\s(?P<span>on\s+(?:this|last|the\s+"
         r"(?:previous|current|last))\s+(?:financial\s+)?year)\b",
         needs=("on this year", "on last year", "on the previous", "on the current", "on the last", "financial year"))
def _compared_on_this_year(m, ctx):
    """ "£2.1 billion in 2025-26, up £300 million on this year": the year the change is measured on, not the
    change's own (it is the level's, which the sentence gives)."""
    return "compare", None, None, None


# "Q3 2023/24", "H1 2021", "Quarter 2 of 2024/25", "the first half of 2023": groups letter, digit, word, quarter or
# half, FY, year
_PART_OF_YEAR = (r"(?:(?:(?-i:([QH]))|(?:quarter|qtr)\s+)([1-4])(?:\s+of)?"
                 r"|the\s+(first|second|third|fourth|final|last)\s+(quarter|half)"
                 rf"\s+of)\s+(?:(?:the\s+)?(?:financial\s+year\s+)?({FY})|({Y}))\b")


@pattern(rf"\b\d[\d.,]*(?:%|\s*per\s*cent)(?:\s+(?:rise|increase|fall|drop|decrease|reduction|higher|lower))?\s+"
         rf"(?P<span>on\s+{_PART_OF_YEAR})", needs=("q1", "q2", "q3", "q4", "h1", "h2", "quarter", "half"))
def _quarter_compared(m, ctx):
    """ "up by 25% on Q3 2022/23": the quarter a change is measured on, not the figure's own."""
    span = _part_of_year(m, 2)  # group 1 is the span
    return ("compare", *span, None) if span else None


@pattern(rf"\b(?:between|from)\s+{_PART_OF_YEAR}\s+(?:and|to)\s+{_PART_OF_YEAR}",
         needs=("q1", "q2", "q3", "q4", "h1", "h2", "quarter", "half"))
def _quarter_to_quarter(m, ctx):
    """ "Between Q3 2023/24 and Q3 2024/25, the number of agency workers fell": from the first quarter's start to the
    second's end (it was the second quarter alone)."""
    first, last = _part_of_year(m, 1), _part_of_year(m, 7)
    return ("period", first[0], last[1], None) if first and last and first[0] <= last[1] else None


@pattern(rf"\b(?:(?:in|during)\s+)?{_PART_OF_YEAR}", needs=("q1", "q2", "q3", "q4", "h1", "h2", "quarter", "half"))
def _quarter(m, ctx):
    """ "Q1 2023" is January-March 2023; "Q1 2023-24" (or "Q1 of 2023-24"), of a financial year, is April-June
    2023; "the first half of 2023" (or "H1 2023") is January-June."""
    span = _part_of_year(m, 1)
    return ("period", *span, None) if span else None


@pattern(r"\b(?:(?:at|in|by|during|for|to)\s+(?:the\s+end\s+of\s+)?)?(?:quarter|qtr|(?-i:Q))\s*[1-4]\b(?!\s*[-/]?\d)",
         needs=("q1", "q2", "q3", "q4", "quarter", "qtr"))
def _quarter_without_year(m, ctx):
    """ "At Quarter 2 the forecast outturn is £158.9m", in a council's budget monitoring: a quarter of a year the
    sentence does not name (the report's title may), so no period of its own; but a time, neither a count of 2
    nor a name "At Quarter"."""
    return "compare", None, None, None


def _part_of_year(m: re.Match, group: int) -> tuple[date, date] | None:
    """The span `_PART_OF_YEAR` names, its groups from number `group` on."""
    letter, digit, word, part, fy, year = (m[group + k] for k in range(6))
    months = 6 if (part or "").lower() == "half" or letter == "H" else 3
    number = int(digit) if digit else _QUARTERS[word.lower()]
    if number > 12 // months:
        number = 12 // months if (word or "").lower() in ("final", "last") else 0
    if not number:
        return None  # "the third half of", "H3 2023": no such thing
    if fy:
        whole = fy_span(fy)
        if whole is None:
            return None
        first = add_months(whole[0], months * (number - 1))
    else:
        first = date(int(year), months * (number - 1) + 1, 1)
    return first, add_months(first, months) - timedelta(days=1)


@pattern(r"\b(?:(?:in|during|for)\s+)?(?-i:FY)\s?(\d\d)\b(?!\s?[-–/]\s?\d)", needs=("fy",))
def _fy_short(m, ctx):
    """ "FY24": the financial year that ends in 2024, 2023-24 (1 April 2023 to 31 March 2024)."""
    return "period", *financial_year(2000 + int(m[1]) - 1), None


_TERMS = {"autumn": (9, 12), "spring": (1, 3), "summer": (4, 7)}


@pattern(rf"\b(?:(?:in|during|over)\s+)?(?:the\s+)?(?:(autumn|spring|summer)\s+term(?:\s+of)?\s+({Y})"
         rf"|({Y})\s+(autumn|spring|summer)\s+term)\b", needs=("term",))
def _school_term(m, ctx):
    """ "the summer term 2023": a school term, not the season (autumn September-December, spring
    January-March, summer April-July, to the month)."""
    name, year = (m[1], m[2]) if m[1] else (m[4], m[3])
    first, last = _TERMS[name.lower()]
    return "period", date(int(year), first, 1), month_end(int(year), last), None


@pattern(rf"\b(?:between|from)\s+({FY}|{Y})\s+(?:and|to|until)\s+({FY}|{Y})", needs=("between", "from"))
def _between_years(m, ctx):
    first, last = point_span(m[1], ctx), point_span(m[2], ctx)
    if first and last and first[0] <= last[1]:
        return "period", first[0], last[1], None
    return None


@pattern(rf"\b(?:(?:between|from)\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?({MONTH_NAMES})\.?\s+({Y})"
         rf"\s+(?:to|until|and|–|-)\s+({Y})\b(?!\s?[-–/]\s?\d)", needs=("#month-year", "&#month-year-to-year"))
def _same_day_each_year(m, ctx):
    """ "Table 1: Police officers (FTE), 31 March 2020 to 2024": a statistics series taken on the same day
    (or in the same month) each year, from that day in the first year to that day in the last; the day is no
    count and the years no calendar years."""
    month, first_year, last_year = MONTHS[m[2].lower()], int(m[3]), int(m[4])
    if first_year >= last_year:
        return None
    if m[1] is None:
        return "period", date(first_year, month, 1), month_end(last_year, month), None
    first, last = safe_date(first_year, month, int(m[1])), safe_date(last_year, month, int(m[1]))
    return ("period", first, last, None) if first and last else None


@pattern(rf"\b(?:(?:the\s+)?financial\s+year\s+|the\s+(?={Y}\s+to\s+{Y}{YEAR_KIND}))?"
         rf"({Y})\s+(to|until|–|-)\s+({Y})\b({YEAR_KIND})?", needs=("#year", "&#year-range"))
def _year_range(m, ctx):
    """ "2019 until 2022" is four calendar years, but "2021 to 2022", the GOV.UK style for 2021-22, is the
    financial year (the academic year, September to August, when it says so)."""
    first, last = int(m[1]), int(m[3])
    if first >= last:
        return None
    if last == first + 1 and m[2].lower() != "until":
        if m[4] and ACADEMIC.search(m[4]):
            return "period", date(first, 9, 1), date(last, 8, 31), None
        return "period", *financial_year(first), None
    return "period", year_span(first)[0], year_span(last)[1], None


@pattern(rf"\b{FY}(?:\s*,\s*{FY})+,?\s+and\s+{FY}", needs=("#fy",))
def _fy_list(m, ctx):
    """ "in 2023-24, 2024-25 and 2025-26": financial years back to back are one period, from the first to the last
    (a list with a gap is left to the patterns below)."""
    years = [fy_span(year[0]) for year in _FY_RE.finditer(m[0])]
    if any(span is None for span in years) or any(
            later[0] != earlier[1] + timedelta(days=1) for earlier, later in zip(years, years[1:], strict=False)):
        return None
    return "period", years[0][0], years[-1][1], None


_FY_RE = re.compile(FY)


@pattern(rf"\b({FY})\s+(and|to|until)\s+({FY})", needs=("#fy",))
def _fy_pair(m, ctx):
    """ "2014-15 and 2015-16", "2021-22 to 2024-25": one period. But "£2m and £3m in 2018-19 and 2020-21
    respectively": two years with a gap between them, each a figure's own."""
    first, last = fy_span(m[1]), fy_span(m[3])
    if m[2].lower() == "and" and first and last and last[0] != first[1] + timedelta(days=1) \
            and "respectively" in m.string:
        return None
    if first and last and first[0] <= last[1]:
        return "period", first[0], last[1], None
    return None


@pattern(
    # "from early 2026 until March 2028"
    rf"\b(?:between|from)\s+((?:{FULL_DAY}|{MONTH_YEAR}|{EARLY_MID_LATE}))\s+(?:and|to|until)\s+"
    rf"((?:{FULL_DAY}|{MONTH_YEAR}|{EARLY_MID_LATE}))",
    needs=("between", "from"),
)
def _between_days(m, ctx):
    first, last = point_span(m[1], ctx), point_span(m[2], ctx)
    if first and last and first[0] <= last[1]:
        return "event", first[0], last[1], None
    return None


@pattern(rf"\b({FULL_DAY})\s*(?:to|until|[-–])\s*({FULL_DAY})", needs=("to", "until", "-", "–", "&#full-day"))
def _day_to_day(m, ctx):
    """ "The data covers the period 1 April 2022 to 31 March 2023": two whole days, a stretch between them
    with no "from" or "between" before it."""
    return _between_days(m, ctx)


@pattern(rf"\b({MONTH_YEAR})\s*(?:to|until|[-–])\s*({MONTH_YEAR})", needs=("to", "until", "-", "–", "&#month"))
def _month_to_month(m, ctx):
    """ "over the evaluation period (April 2019 to March 2022)": two months and the stretch between them, with no
    "from" or "between" before it (it was April 2019, then a date claim of March 2022)."""
    return _between_days(m, ctx)


@pattern(rf"\b(?:between|from)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\s+(?:and|to|until)\s+({FULL_DAY})",
         needs=("between", "from"))
def _between_days_one_year(m, ctx):
    """ "between 1 April and 30 September 2023": the first day takes the year of the last (or the one
    before, when its month comes later: "from 1 December to 31 March 2024")."""
    last = point_span(m[3], ctx)
    if last is None:
        return None
    month = MONTHS[m[2].lower()]
    first = safe_date(last[0].year - (month > last[0].month), month, int(m[1]))
    if first is None or first > last[1]:
        return None
    return "event", first, last[1], None


@pattern(rf"\b(?:between|from)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\s+(?:and|to|until)\s+(\d{{1,2}})"
         rf"(?:st|nd|rd|th)?\s+({MONTH_NAMES})\b(?!,?\s*{Y})", needs=("between", "from"))
def _between_days_no_year(m, ctx):
    """ "inspections carried out between 1 April and 31 August": the last day in the year that puts it
    nearest the document's date, the first day in the same year (or the one before, "1 December to 31 March")."""
    last_month, first_month = MONTHS[m[4].lower()], MONTHS[m[2].lower()]
    year = nearest_year(last_month, int(m[3]), ctx, m.string, m.start())
    if year is None:
        return unresolved("event")
    first = safe_date(year - (first_month > last_month), first_month, int(m[1]))
    last = safe_date(year, last_month, int(m[3]))
    return ("event", first, last, None) if first and last and first <= last else None


@pattern(rf"\b(?:between\s+|from\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|until|[-–])\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+"
         rf"({MONTH_NAMES})\s+({Y})", needs=MONTH_STEMS)
def _between_days_one_month(m, ctx):
    """ "The survey ran from 5 to 26 June 2023", "Inspection dates: 6 to 17 November 2023": both days in the one
    month (the first day is no count)."""
    month, year = MONTHS[m[3].lower()], int(m[4])
    first, last = safe_date(year, month, int(m[1])), safe_date(year, month, int(m[2]))
    if first is None or last is None or first > last:
        return None
    return "event", first, last, None


@pattern(rf"\b(?:in|during|for|throughout)\s+({Y})\s+and\s+({Y})\b(?![-–/]\d)", needs=("#year",))
def _two_years(m, ctx):
    """ "during 2022 and 2023": two years back to back are one period, as "2014-15 and 2015-16" are (years with
    a gap between them are left to `period_points`, the first alone)."""
    first, last = int(m[1]), int(m[2])
    return ("period", year_span(first)[0], year_span(last)[1], None) if last == first + 1 else None


@pattern(rf"\b(?:from\s+)?({MONTH_NAMES})\s*(?:-|–|to)\s*({MONTH_NAMES})\s+({Y})", needs=MONTH_STEMS)
@pattern(rf"\bbetween\s+({MONTH_NAMES})\s+and\s+({MONTH_NAMES})\s+({Y})", needs=("between",))
def _between_months(m, ctx):
    year = int(m[3])
    first, last = MONTHS[m[1].lower()], MONTHS[m[2].lower()]
    if first <= last:
        return "period", date(year, first, 1), month_end(year, last), None
    return None


@pattern(rf"\bsince\s+(?:the\s+)?(?:(?:data\s+)?(?:series|records?|collection)|comparable\s+records)\s+(?:began|started"
         rf"|were\s+first\s+collected)(?:\s+in\s+({Y}))?", needs=("since",))
def _since_records_began(m, ctx):
    """ "the highest since the series began in 2017": how far back a superlative looks, not the figure's
    period (the figure is this year's)."""
    if not m[1]:
        return None
    return "compare", *year_span(int(m[1])), None


@pattern(rf"\bsince\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+"
         rf"|(?:its|their|the\s+programme's|the\s+scheme's)\s+(?:launch|start|introduction|creation|inception)"
         rf"\s+(?:in|on)\s+"
         rf"|(?:it|they|the\s+\w+)\s+(?:was|were)\s+(?:launched|introduced|created|set\s+up|established|founded|formed|opened)\s+"
         rf"(?:in|on)\s+"
         # "since it began in 2010", "since the scheme started in April 2015"
         rf"|(?:it|they|the\s+\w+)\s+(?:began|started|launched|opened)\s+(?:in|on)\s+"
         # "Since the publication of Stable Homes, Built on Love in February 2023": the day it was published
         rf"|the\s+(?:publication|launch|start|introduction|creation|opening|announcement)\s+of\s+[^.;\d]{{1,80}}?\s+"
         rf"(?:in|on)\s+"
         # "Since the last inspection in 2019": the day of that event
         rf"|(?:the|its|their)\s+(?:last|previous|first)\s+(?:inspection|review|election|survey|visit)\s+(?:in|on)\s+"
         rf")?({POINT})", needs=("since",))
def _since(m, ctx):
    span = point_span(m[1], ctx)
    if span is None:
        return None
    if ctx.doc_date is None:
        return "period", span[0], None, NEEDS_DATE
    if span[0] > ctx.doc_date:  # a document dated before what it reports: its date is wrong, not the period
        return "period", span[0], None, STARTS_AFTER_DATE
    return "period", span[0], ctx.doc_date, None


@pattern(rf"\bsince\s+({MONTH_NAMES})\b(?!\s*\d)", needs=("since",))
def _since_month(m, ctx):
    month = MONTHS[m[1].lower()]
    year = nearest_year(month, 1, Context(ctx.doc_date, False))
    if year is None:
        return unresolved()
    return "period", date(year, month, 1), ctx.doc_date, None
