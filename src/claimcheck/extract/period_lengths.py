"""Lengths of time counted in units: "the three years to March 2024", "over two years from April 2024", "the
past 12 months", "the next three years", "a year ago", "the year ending 31 March 2023", and "over the same period";
with the multi-year labels ("between 2010-15") among them. Registered right after `period_patterns`, in the order
they had at its end.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    add_months,
    financial_year,
    financial_year_of,
    year_span,
)
from claimcheck.extract.period_grammar import (
    ACADEMIC,
    FULL_DAY,
    FULL_DAY_RE,
    FY,
    FYE,
    MONTH_YEAR,
    NUM,
    SAME_PERIOD,
    UNIT,
    YEAR_KIND,
    Context,
    Y,
    count_of,
    fy_span,
    nearest_month,
    pattern,
    point_span,
    units_back,
    unresolved,
)


@pattern(rf"\b(?:over|in|during|for)?\s*(?:the\s+)?({NUM})\s+({UNIT})\s+(?:to|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?"
         rf"({MONTH_YEAR}|{FULL_DAY}|{FY}|{Y}|(?P<month>{MONTH_NAMES})\b(?!\.?\s*\d))", needs=("#units-to",))
def _units_to(m, ctx):
    """ "over the three years to March 2024" = 2021-04-01 .. 2024-03-31. "in the three months to July" (a
    labour market bulletin's way) ends with the July nearest before the document's date."""
    if m["month"]:
        span = nearest_month(m["month"], ctx, m)
        if span is None:
            return unresolved()
    else:
        span = point_span(m[3], ctx)
    if span is None:
        return None
    end = span[1]
    # counted back from the day after: "the three months to June 2023" starts on 1 April, not 31 March
    start = units_back(end + timedelta(days=1), count_of(m[1]), m[2])
    return ("period", start, end, None) if start else None


@pattern(rf"\b(?:over|across|during)\s+(?:the\s+)?({NUM})\s+({UNIT}),?\s+(?:from|(?:starting|beginning|commencing)"
         rf"(?:\s+(?:in|on|from))?)\s+({MONTH_YEAR}|{FULL_DAY}|{FY}|{Y})\b", needs=("#units-from",))
def _units_from(m, ctx):
    """ "£500 million over three years, from April 2022" = 2022-04-01 .. 2025-03-31. Not "run for 18 months
    from January 2024": there the length is a claim of its own (`_length_from`)."""
    return _running_from(m[3], m[1], m[2], ctx)


@pattern(rf"\bfor\s+(?:a\s+further\s+|another\s+)?(?P<count>{NUM})\s+(?P<unit>{UNIT})\s+(?P<span>(?:from|starting"
         rf"|beginning|commencing)(?:\s+(?:in|on|from))?\s+(?P<point>{MONTH_YEAR}|{FULL_DAY}|{FY}|{Y}))\b",
         needs=("#units-from",))
def _length_from(m, ctx):
    """ "The pilot will run for 18 months from January 2025": the length stays a claim of its own (the time
    expression is only "from January 2025"), and the period runs that long from the start: 2025-01-01 ..
    2026-06-30, not the month of January, nor a comparison base as a bare "from January 2025" would be."""
    return _running_from(m["point"], m["count"], m["unit"], ctx)


def _running_from(point: str, count: str, unit: str, ctx: Context) -> tuple | None:
    """The period of `count` `unit`s from the start of `point` ("April 2022", "2019-20")."""
    span = point_span(point, ctx)
    if span is None:
        return None
    after = units_back(span[0], -count_of(count), unit)
    return ("period", span[0], after - timedelta(days=1), None) if after else None


@pattern(rf"(?<!\bby\s)(?<!\bend\sof\s)\b(?:between\s+|(?-i:FY)\s?|(?:the\s+)?financial\s+year\s+"
         rf"|the\s+(?={Y}\s?[-–]\s?\d\d{YEAR_KIND}))?({Y})\s?[-–]\s?(\d\d)\b(?!\s?[-–/]\d)({YEAR_KIND})?",
         needs=("#fy",))
def _multi_year(m, ctx):
    """ "between 2010-15": financial years 2010-11 to 2014-15 (a one-year label is a financial year, or the
    academic year, September to August, when it says so). Not after "by": "by 2027-28" runs up to the end of
    it, as "by 2027/28" and "by 2020" do (`period_points._by`)."""
    start, end = int(m[1]), int(m[1]) // 100 * 100 + int(m[2])
    if end <= start:
        return None
    if end == start + 1:
        if m[3] and ACADEMIC.search(m[3]):
            return "period", date(start, 9, 1), date(end, 8, 31), None
        return "period", *financial_year(start), None
    return "period", date(start, 4, 1), date(end, 3, 31), None


@pattern(rf"\b(?:(?:over|in|during|for)\s+)?(?:(?:each|any)\s+of\s+)?the\s+(?:past|last|previous)\s+({NUM})\s+"
         r"financial\s+years\b", needs=("past", "last", "previous", "&#last-fys"))
def _past_financial_years(m, ctx):
    """ "in each of the last three financial years": the three whole financial years before the current one
    (a written answer's table gives them), not three years back from the day."""
    if ctx.doc_date is None:
        return unresolved()
    current = financial_year_of(ctx.doc_date)[0].year
    count = count_of(m[1])
    return "period", financial_year(current - count)[0], financial_year(current - 1)[1], None


@pattern(rf"\b(?:(?:over|in|during|for|across)\s+)?the\s+(?:next|coming|following)\s+({NUM})\s+financial\s+years\b",
         needs=("next", "coming", "following"))
def _next_financial_years(m, ctx):
    """ "£68 million over the next three financial years", said in March 2024: the three whole financial years
    after the current one (2024-25 to 2026-27), as "the last three financial years" are the three before it."""
    if ctx.doc_date is None:
        return unresolved()
    current = financial_year_of(ctx.doc_date)[0].year
    return "period", financial_year(current + 1)[0], financial_year(current + count_of(m[1]))[1], None


# "As at 30 September 2023, 7,200 social workers had left in the previous 12 months": the day the figures stand
# at, which "the previous 12 months" runs to, rather than to the document's date
_REFERENCE_DAY = re.compile(rf"\b(?:as\s+(?:at|of)|at)\s+({FULL_DAY})\b", re.I)


def _back_from_reference(m, ctx):
    """The `count` `unit`s "past", "last", "previous" or "preceding" up to the day the sentence's figures stand
    at ("As at 30 September 2023", "at 31 March"), or else up to the document's date."""
    count = count_of(m[1].strip() if m[1] else None)
    reference = _REFERENCE_DAY.search(m.string)
    day = point_span(reference[1], ctx) if reference else None
    if day is not None and day[0] == day[1] and (ctx.doc_date is None or day[1] <= ctx.doc_date):
        start = units_back(day[1] + timedelta(days=1), count, m[2])
        return ("period", start, day[1], None) if start else None
    if ctx.doc_date is None:
        return unresolved()
    start = units_back(ctx.doc_date, count, m[2])
    return ("period", start, ctx.doc_date, None) if start else None


@pattern(
    rf"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+({NUM}\s+)?({UNIT})\b",
    needs=("past", "last", "previous", "preceding", "&#over-the-last"),
)
def _past_units(m, ctx):
    """ "over the past year", "in the last 12 months": up to the day the figures stand at. But "down from 17.7% in
    the previous year" is a comparison with the year before the level's own (`attach.year_earlier` moves it)."""
    if m[1] is None and m[2].lower().startswith("year") and _BASE_RIGHT_BEFORE.search(m.string, 0, m.start()) \
            and _THE_PREVIOUS.match(m[0]):
        return "compare", None, None, None
    return _back_from_reference(m, ctx)


_THE_PREVIOUS = re.compile(r"\w+\s+the\s+(?:previous|preceding)", re.I)
# a comparison's base figure just before: "down from 17.7% ", "compared with 3,100 "
_BASE_RIGHT_BEFORE = re.compile(r"\b(?:from|than|with|to)\s+(?:around\s+|about\s+)?[£$€]?\d[\d,.]*\s*(?:%|per\s*cent"
                                r"|m|bn|k|million|billion)?\s+$", re.I)


@pattern(rf"\b(?:(?:over|in|during|within|for)\s+)?the\s+(?:next|coming)\s+({NUM}\s+)?({UNIT})\b",
         needs=("next", "coming"))
def _next_units(m, ctx):
    """ "£2.6 billion over the next four years": from the document's date, as "the past N years" runs to it."""
    if ctx.doc_date is None:
        return unresolved()
    end = units_back(ctx.doc_date, -count_of(m[1].strip() if m[1] else None), m[2])
    return ("period", ctx.doc_date, end, None) if end else None


@pattern(rf"\b(?:the\s+)?(?:last|past|previous|preceding)\s+({NUM})\s+({UNIT})\b",
         needs=("past", "last", "previous", "preceding", "&#last-n-units"))
def _last_units(m, ctx):
    return _back_from_reference(m, ctx)


@pattern(r"\b(?:(?:at|by|on|in|over|during|for)\s+)?the\s+same\s+(?:point|time|date|day|stage|period|quarter|month"
         r"|week)\s+(?:last\s+year|the\s+(?:previous|preceding)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before"
         rf"|ago)|(?:in|of)\s+(?P<year>{Y}))\b", needs=("same",))
def _same_point_a_year_back(m, ctx):
    """ "84% at 31 August 2023. This compares with 80% at the same point last year": the time of the figures
    before, a year back (31 August 2022), not the last financial year; "in the same period last year" likewise;
    "down from 13 at the same point in 2023": in the year named, back from the day the sentence names before it
    ("60% at 31 March 2024, compared with 55% at the same point in 2022") or else the sentence before's."""
    said = [point_span(day[0], ctx) for day in FULL_DAY_RE.finditer(m.string, 0, m.start())]
    previous = said[-1] if said and said[-1] else (ctx.told or ctx.previous)
    if not previous or previous[0] is None or previous[1] is None:
        return unresolved("period")
    years = int(m["year"]) - previous[1].year if m["year"] else -1
    return "period", add_months(previous[0], 12 * years), add_months(previous[1], 12 * years), None


@pattern(rf"\b{SAME_PERIOD}\b", needs=("same",))
def _same_period(m, ctx):
    """ "Over the same period, the number of section 47 enquiries rose by 108%": the period of the figures
    before. In the same sentence, the years it ran between: "rose from £98m in 2019/20 to £141m in 2024/25, and
    the number of children in care has grown by a third over the same period". Unknown (no span) when no earlier
    figure had one."""
    points = years_told_before(m.string, m.start())
    if points is not None:
        first, last = (fy_span(point) or year_span(int(point)) for point in points)
        return "period", first[0], last[1], None
    return ("period", *ctx.previous, None) if ctx.previous else None


_YEARS_TOLD = re.compile(rf"\b(?:(?P<fy>{FY})|(?P<year>{Y})\b)")


def years_told_before(sentence: str, end: int) -> tuple[str, str] | None:
    """The first and the last of the years or financial years the sentence names before `end` (what "over the
    same period" then runs between), when it names two or more of one kind and no other."""
    told = list(_YEARS_TOLD.finditer(sentence, 0, end))
    if len(told) < 2 or len({m.lastgroup for m in told}) > 1:
        return None
    first, last = told[0][0], told[-1][0]
    if told[0].lastgroup == "fy" and not (fy_span(first) and fy_span(last)):
        return None
    return (first, last) if (fy_span(first) or year_span(int(first)))[0] < (fy_span(last) or year_span(int(last)))[0] \
        else None


@pattern(rf"\b(?:over|for|in|across)\s+(?:the|a)\s+full\s+(?:financial\s+)?year\b(?!\s+(?:of\s+)?(?:{FY}|{Y}))",
         needs=("full year", "full financial year"))
def _full_year(m, ctx):
    """ "reduced from 48 FTE in April to 31 FTE in September, saving an estimated £0.9m over the full year": a
    whole year's effect, not September's; which year the sentence does not say."""
    return "period", None, None, "a full year, which the sentence does not date"


@pattern(rf"\b(?:({NUM})|an?)\s+({UNIT})\s+ago\b", needs=("ago",))
def _ago(m, ctx):
    """ "up from £3,500 five years ago": a moment to compare with, not a length of time nor a date claim."""
    if ctx.doc_date is None:
        return unresolved("compare")
    day = units_back(ctx.doc_date, count_of(m[1]), m[2])
    return ("compare", day, day, None) if day else None


@pattern(rf"\b({NUM})\s+({UNIT})\s+(?:earlier\b(?!\s+than)|before(?=\s*(?:[,.;:)]|$)))", needs=("earlier", "before"))
def _units_earlier(m, ctx):
    """ "£1.7bn in 2021-22, up from £1.4bn five years earlier": a moment counted back from the level's own
    time, which the sentence gives and `attach.year_earlier` shifts; not a length of time nor a date claim.
    ("two months earlier than planned" is a length of time; "five years before the pandemic" names its moment.)"""
    return "compare", None, None, None


@pattern(
    rf"\b(?:the\s+)?(?:financial\s+)?(year|quarter|month|week)\s+(?:ending|ended|to)\s+(?:(?:on|in)\s+)?"
    rf"({FULL_DAY}|{MONTH_YEAR}|{MONTH_NAMES}\b(?!\s*\d))",
    needs=("#year-to",),
)
def _year_ending(m, ctx):
    """ "the year ending 31 March 2023", "the week ending 5 June 2023": the unit up to that day; "the year to
    September": to the September nearest before the document (the one after it, looking forward)."""
    span = point_span(m[2], ctx)
    if span is None and m[2].lower().rstrip(".") in MONTHS and m[2].lower() != "may":
        span = nearest_month(m[2], ctx, m)
        if span is None:
            return unresolved()
    if span is None:
        return None
    unit = m[1].lower()
    after = span[1] + timedelta(days=1)  # counted back from the day after, as `_units_to` does
    start = units_back(after, 3, "month") if unit == "quarter" else units_back(after, 1, unit)
    return ("period", start, span[1], None) if start else None


@pattern(rf"\b{FYE}", needs=("financial year ending", "fye"))
def _financial_year_ending(m, ctx):
    """ "in the financial year ending (FYE) 2024", "up from 4.33 million in FYE 2023": 2023-24 and 2022-23."""
    span = point_span(m.group(0), ctx)
    return ("period", *span, None) if span else None
