"""Time expressions anchored on one point: a labelled financial year, a day, a month, a season or a year,
and the word before a point that decides what it means for a figure ("by", "until", "compared with").
Registered after `period_patterns`, `period_lengths` and `period_calendar`, so that every longer expression
holding a point is tried first."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    financial_year,
    season_span,
    year_span,
)
from claimcheck.extract.period_grammar import (
    ACADEMIC,
    FULL_DAY,
    FULL_DAY_RE,
    FY,
    MONTH_STEMS,
    MONTH_YEAR,
    NEEDS_DATE,
    PAST_VERB_BEFORE,
    SEASON,
    YEAR_KIND,
    Y,
    early_mid_late,
    fy_span,
    nearest_month,
    nearest_year,
    pattern,
    point_span,
    safe_date,
    unresolved,
)


@pattern(rf"\bby\s+(?:the\s+end\s+of\s+)?(?:({FULL_DAY}|{MONTH_YEAR}|{SEASON}\s+{Y}|{FY}|{Y})\b"
         rf"|(?P<month>{MONTH_NAMES})\b(?![\s.]*\d))", needs=("by", "&#by"))
def _by(m, ctx):
    """ "by March 2025", and "fell to 7.5 million by December": the December nearest the document's date, before
    it or, looking forward, after it."""
    if m["month"]:
        if m["month"].lower() == "may":
            return None  # "by May" is as often the verb's "may"
        span = nearest_month(m["month"], ctx, m)
        if span is None:
            return unresolved()
    else:
        span = point_span(m[1], ctx)
    if span is None:
        return None
    if m[1] and FULL_DAY_RE.fullmatch(m[1]):  # "by 1 September 2022": a deadline, itself a date
        return "event", span[0], span[1], None
    if ctx.doc_date is None:
        return "period", None, span[1], NEEDS_DATE
    if span[1] < ctx.doc_date:
        return "period", None, span[1], "a past 'by' date: the start is not stated"
    return "period", ctx.doc_date, span[1], None


@pattern(
    # "has been extended to March 2025": the end it now runs to, as "until" says
    rf"\b(?:until|till|up\s+to(?:\s+and\s+including)?|through\s+to|(?<=\bextended\s)to|(?<=\bextend\s)to"
    rf"|(?<=\bextends\s)to)\s+(?:the\s+end\s+of"
    rf"\s+)?({FULL_DAY}|{MONTH_YEAR}|{SEASON}\s+{Y}|{FY}|{Y})\b",
    needs=("until", "till", "up", "through", "extend", "&#until"),
)
def _until(m, ctx):
    span = point_span(m[1], ctx)
    if span is None:
        return None
    if ctx.doc_date is None:
        return "period", None, span[1], NEEDS_DATE
    return "period", min(ctx.doc_date, span[1]) if ctx.future else None, span[1], None


_COMPARED_NEEDS = ("compared", "from", "than", "same as", "similar to")
# "68%, the same as in 2022": the year of the comparison, not of the figure
_COMPARED_WITH = (r"\b(?:compared\s+(?:to|with)|up\s+from|down\s+from|from|than(?:\s+in)?"
                  r"|(?:the\s+)?same\s+as(?:\s+(?:in|at|on))?|similar\s+to(?:\s+(?:in|at|on))?)\s+")


@pattern(rf"{_COMPARED_WITH}(?P<date>{FULL_DAY}|{MONTH_YEAR}|{FY}|{Y})\b", needs=_COMPARED_NEEDS)
@pattern(  # "fell from 1,234 in 2019 to 987": the base figure is a claim of its own, and its date the span
    rf"{_COMPARED_WITH}[\d.,]+%?\s+(?P<span>(?:in|at|on)\s+(?P<date>{FULL_DAY}|{MONTH_YEAR}|{FY}|{Y}))\b",
    needs=_COMPARED_NEEDS,
)
def _compared(m, ctx):
    span = point_span(m["date"], ctx)
    return ("compare", *span, None) if span else None


@pattern(rf"\b(?:(?:the\s+)?(financial|academic|school)\s+year\s+|(?-i:FY)\s?|the\s+(?={FY}{YEAR_KIND}))?({FY})"
         rf"({YEAR_KIND})?", needs=("#fy",))
def _fy_label(m, ctx):
    """ "2021-22", "the financial year 2021-22", "FY2021/22"; "the academic year 2022/23" and "the 2022-23 school
    year" run September to August."""
    span = fy_span(m[2])
    if span and ACADEMIC.search(f"{m[1] or ''} {m[3] or ''}"):
        return "period", date(span[0].year, 9, 1), date(span[1].year, 8, 31), None
    return ("period", *span, None) if span else None


@pattern(r"\b(?-i:FY)\s?(\d\d)\s?[-–/]\s?(\d\d)\b", needs=("fy",))
def _short_fy_label(m, ctx):
    """ "FY24/25", a council's shorthand: the financial year 2024-25 (the years must follow each other)."""
    first, second = int(m[1]), int(m[2])
    if (first + 1) % 100 != second:
        return None
    return "period", *financial_year((1900 if first >= 70 else 2000) + first), None  # "FY99/00" is 1999-2000


@pattern(rf"\b(?:(?:on|at|as\s+at|as\s+of|of)\s+)?({FULL_DAY})",
         needs=(*MONTH_STEMS, "/", "-", "#dotted-day", "&#full-day"))
def _full_day(m, ctx):
    span = point_span(m[1], ctx)
    if span is None:
        return None
    lead = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
    return ("period" if lead in ("at", "as at", "as of") else "event"), *span, None


@pattern(rf"\b(?:early|mid|late)[\s-]+({Y})\b", needs=("early", "mid", "late"))
def _part_of_year(m, ctx):
    return "event", *early_mid_late(re.split(r"[\s-]", m.group(0))[0], int(m[1])), None


@pattern(rf"\b(?:at|as\s+at)\s+the\s+end\s+of\s+({MONTH_YEAR})\b", needs=("end of",))
def _end_of_month(m, ctx):
    """ "At the end of March 2023 there were 10,000 children in residential care": the month's last day."""
    span = point_span(m[1], ctx)
    return ("event", span[1], span[1], None) if span else None


@pattern(rf"\b({MONTH_YEAR})\b", needs=(*MONTH_STEMS, "&#month-year"))
def _month_year(m, ctx):
    span = point_span(m[1], ctx)
    return ("event", *span, None) if span else None


@pattern(rf"\b({SEASON})\s+({Y})\b", needs=("spring", "summer", "autumn", "winter"))
def _season_year(m, ctx):
    return "event", *season_span(m[1], int(m[2])), None


@pattern(
    rf"\b(?:(?:on|at|as\s+at)\s+)?(?:(?:{WEEKDAYS}),?\s+)?(\d{{1,2}}"
    rf")(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\b(?!\.?\s*{Y})",
    needs=(*MONTH_STEMS, "&#day-month"),
)
def _day_month(m, ctx):
    month = MONTHS[m[2].lower()]
    if ctx.future and PAST_VERB_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
        ctx = replace(ctx, future=False)  # "The consultation closed on 28 April and we will publish ...": the past
    year = nearest_year(month, int(m[1]), ctx, m.string, m.start())
    lead = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
    role = "period" if lead in ("at", "as at") else "event"
    if year is None:
        return unresolved(role)
    day = safe_date(year, month, int(m[1]))
    return (role, day, day, None) if day else None


# what a season's name opens rather than a time of year: "the autumn statement", "the spring budget"
_SEASONAL_EVENT = r"(?:statement|budget|spending\s+review|term|conference|recess|session|forecast)s?\b"


@pattern(rf"\b(?:(?:in|during|over|by)\s+)?(last|this|next|the\s+coming)\s+({SEASON})\b(?!\s+(?:{Y}|{_SEASONAL_EVENT}))",
         needs=("spring", "summer", "autumn", "winter"))
def _relative_season(m, ctx):
    """ "last spring", "this autumn", "next summer": the season before, around or after the document's date."""
    if ctx.doc_date is None:
        return unresolved("event")
    day, which = ctx.doc_date, m[1].lower()
    spans = [season_span(m[2], year) for year in range(day.year - 2, day.year + 2)]
    if which == "last":
        span = max((s for s in spans if s[1] < day), default=None)
    elif which == "this":
        span = next((s for s in spans if s[0] <= day <= s[1]), season_span(m[2], day.year))
    else:
        span = min((s for s in spans if s[0] > day), default=None)
    return ("event", *span, None) if span else None


@pattern(
    rf"\b(?:in|during|over)\s+the\s+({SEASON})\b(?!\s+(?:(?-i:[A-Z])|{Y}|{_SEASONAL_EVENT}))",
    needs=("spring", "summer", "autumn", "winter"),
)
def _bare_season(m, ctx):
    """ "The review will report in the autumn": the next autumn, or the last. "In the autumn statement" is a
    fiscal event, named whatever its case, and "in the summer term" a school term: no season."""
    if ctx.doc_date is None:
        return unresolved("event")
    first_month = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}[m[1].lower()]
    if ctx.future and _DONE_BEFORE_SEASON.search(m.string, max(0, m.start() - 60), m.start()):
        # "The Chief Social Worker introduced for the first time in the autumn a clear statement of the skills
        # social workers will need": the last autumn, whatever the rest of the sentence looks forward to
        ctx = replace(ctx, future=False)
    if ctx.future:  # "we will set out our plans in the autumn", said on 10 September: this autumn, not the next
        for around in (ctx.doc_date.year - 1, ctx.doc_date.year):
            span = season_span(m[1], around)
            if span[0] <= ctx.doc_date <= span[1]:
                return "event", *span, None
    year = nearest_year(first_month, 1, ctx)
    return "event", *season_span(m[1], year), None


# a verb in the past tense before a season, a few small words between ("introduced for the first time in the autumn");
# not after "be" or "will" ("will be published in the autumn")
_DONE_BEFORE_SEASON = re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bwill\s)(?<!\bto\s)\b(?:[a-z]{3,}ed|began|took|went"
                                 r"|came|held|made)(?:\s+(?:for|the|first|time|in|on|at|a|an|early|late|only|last))"
                                 r"{0,5}\s*$", re.I)


@pattern(rf"\b(?:in|since|from|during)\s+({MONTH_NAMES})\b(?![\s.]*\d)", needs=(*MONTH_STEMS, "&#bare-month"))
def _bare_month(m, ctx):
    if m[1].lower() == "may":
        return None
    span = nearest_month(m[1], ctx, m)
    if span is None:
        return unresolved("event")
    return "period", *span, None


@pattern(rf"\b(?:in|during|for|throughout|at\s+the\s+end\s+of)\s+(?:(?:the\s+)?calendar\s+year\s+)?({Y})\b(?![-–/]\d)",
         needs=("#year", "&#in-year"))
def _in_year(m, ctx):
    return "period", *year_span(int(m[1])), None


@pattern(rf"(?:(?<=\d{{4}},\s)|(?<=\d{{4}}\sand\s))({Y})\b(?![-–/]\d)", needs=("respectively",))
def _next_year_listed(m, ctx):
    """ "300, 400 and 500 places in 2015, 2018 and 2020 respectively": each year after the first of a list is a
    time of its own (the first is "in 2015"); only in a "respectively" sentence (the pattern's `needs`), where a
    bare year is read so."""
    return "period", *year_span(int(m[1])), None


@pattern(rf"\bthe\s+({Y})\s+(?=(?:(?:all-time|record|previous)\s+)?(?:peak|high|low|level|figure|total|record|average)"
         r"\s+of\b)", needs=("#year",))
def _year_of_a_figure(m, ctx):
    """ "still lower than the 2018 peak of 53,790", "the 2022 figure of 80,850": the year the figure after it
    stood in (not "the 2021 census", which names a thing)."""
    return "period", *year_span(int(m[1])), None


@pattern(rf"\b({Y})['’]s(?=\s+[£$€]?\d)", needs=("'s", "’s"))
def _year_s_figure(m, ctx):
    """ "only slightly down on 2022's 20.1%": the year of the figure right after it, and of no other (`attach`
    gives a time read as a comparison's only to its own figure)."""
    return ("compare", *year_span(int(m[1])), None)


@pattern(rf"\b(?:the\s+)?({Y})\s+census\b|\bcensus\s+(?:of\s+|in\s+)?({Y})\b", needs=("census",))
def _census(m, ctx):
    """ "141,000 children live in kinship care, according to the 2021 census" ("Census 2021 data show"): the figures
    a census gives stand in its year."""
    return "period", *year_span(int(m[1] or m[2])), None
