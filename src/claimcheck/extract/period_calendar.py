"""Time expressions that name a span of the calendar around the document's date: the current Parliament and
Spending Review period (`calendar.yaml`), this, next and last financial year, and a statement's timetable
("later this year", "next month", "next April"). Registered after `period_lengths` and
before `period_points`, in the order they had at the end of `period_patterns`."""

from __future__ import annotations

import re
from datetime import date

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    add_months,
    financial_year,
    financial_year_of,
    month_end,
    parliament_of,
    spending_review_named,
    spending_review_of,
)
from claimcheck.extract.period_grammar import FY, fy_span, pattern, unresolved

# "for the remainder of this Parliament", "over the rest of the Spending Review period": from the document's date
_REST_OF = r"(?P<rest>(?:the\s+)?(?:remainder|rest|balance)\s+of\s+)?"


@pattern(
    r"\b(?:by\s+the\s+end\s+of\s+|over\s+|during\s+|in\s+|for\s+)?" + _REST_OF
    + r"(?:the|this)\s+(?:current\s+)?parliament\b",
    needs=("parliament",),
)
def _parliament(m, ctx):
    if _DEVOLVED.search(m.string):  # "The Scottish Government has committed £500 million over ... this Parliament"
        return "period", None, None, "a devolved Parliament's term, which the calendar table does not hold"
    return _from_calendar(ctx, parliament_of, "Parliament", bool(m["rest"]))


@pattern(r"\bsince\s+(?:then|that\s+(?:time|date|point))\b", needs=("since then", "since that"))
def _since_then(m, ctx):
    """ "The fund was established in May 2015. Since then, it has provided over £330 million": from the start of
    the time told last (in this paragraph or the one before) to the document's date. Not when this sentence
    names a year before it ("The fund opened in 2015 and since then"): which time it means is not clear. Nor in a
    sentence that looks forward ("Since then, we have launched ..., and we will expand it to 7 areas"): its
    figures are not all of that stretch."""
    if ctx.then is None or ctx.doc_date is None or ctx.then > ctx.doc_date or ctx.future \
            or _YEAR.search(m.string, 0, m.start()):
        return "compare", None, None, None
    return "period", ctx.then, ctx.doc_date, None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


# a legislature or government other than Westminster's, whose "this Parliament" the calendar (`calendar.yaml`,
# the UK Parliament's terms) does not give
_DEVOLVED = re.compile(r"\b(?:Scottish|Holyrood|Welsh|Senedd|Northern\s+Ireland|Stormont)\b")


@pattern(
    r"\b(?:over\s+|during\s+|in\s+|for\s+)?" + _REST_OF
    + r"(?:the|this)\s+(?:current\s+)?(?:spending\s+review|SR)\s+period\b",  # "over the SR period"
    needs=("spending review", "sr period"),
)
def _spending_review(m, ctx):
    return _from_calendar(ctx, spending_review_of, "Spending Review", bool(m["rest"]))


@pattern(
    r"\b(?:over\s+|during\s+|in\s+|at\s+|for\s+|through\s+|from\s+)?(?:the\s+)?"
    r"(?:spending\s+review\s+(20\d\d)|(20\d\d)\s+spending\s+review)(?:\s+period)?\b",
    needs=("spending review",),
)
def _named_spending_review(m, ctx):
    """ "£2.6 billion in the Spending Review 2021": the financial years that review set, not the year it was held."""
    year = int(m[1] or m[2])
    span = spending_review_named(year)
    if span is None:
        return "period", None, None, f"no Spending Review {year} in the calendar table"
    return "period", span[0], span[1], None


def _from_calendar(ctx, lookup, name: str, rest: bool = False):
    """The span of the Parliament or Spending Review (`calendar.yaml`) the document's date falls in; its `rest`
    from the document's date."""
    if ctx.doc_date is None:
        return unresolved()
    span = lookup(ctx.doc_date)
    if span is None:
        return "period", None, None, f"no {name} in the calendar table covers the document's date"
    return "period", max(ctx.doc_date, span[0]) if rest else span[0], span[1], None


@pattern(r"\b(later|earlier|early|late)\s+(this|next|last)\s+year\b",
         needs=("this year", "next year", "last year", "&#part-of-year"))
def _part_of_year(m, ctx):
    """ "We will publish the strategy later this year", "early next year": part of a calendar year, a
    statement's timetable (a budget's "this year" is the financial year, below). Early is January to March,
    late October to December; "later this year" runs from the document's date."""
    if ctx.doc_date is None:
        return unresolved("event")
    day, when = ctx.doc_date, m[1].lower()
    year = day.year + {"this": 0, "next": 1, "last": -1}[m[2].lower()]
    if m[2].lower() == "this" and when in ("later", "earlier"):
        span = (day, date(year, 12, 31)) if when == "later" else (date(year, 1, 1), day)
    elif when in ("early", "earlier"):
        span = (date(year, 1, 1), date(year, 3, 31))
    else:
        span = (date(year, 10, 1), date(year, 12, 31)) if when == "late" else (date(year, 7, 1), date(year, 12, 31))
    return "event", *span, None


@pattern(r"\b(next|last|this)\s+month\b", needs=("month",))
def _relative_month(m, ctx):
    """ "The pilot will start next month": the calendar month after (before, of) the document's date."""
    if ctx.doc_date is None:
        return unresolved("event")
    first = add_months(ctx.doc_date.replace(day=1), {"next": 1, "last": -1, "this": 0}[m[1].lower()])
    return "event", first, month_end(first.year, first.month), None


@pattern(rf"\b(?:(from|starting)\s+)?next\s+({MONTH_NAMES})\b(?![\s.]*\d)", needs=("next",))
def _next_named_month(m, ctx):
    """ "in next April": the first such month after the document's; "From next April, councils will receive
    £50 million more": the day something starts, not the month the money is for."""
    if ctx.doc_date is None or m[2].lower() == "may":
        return unresolved("event") if ctx.doc_date is None else None
    month = MONTHS[m[2].lower().rstrip(".")]
    year = ctx.doc_date.year + (1 if month <= ctx.doc_date.month else 0)
    first = date(year, month, 1)
    return "event", first, first if m[1] else month_end(year, month), None


# "the year to September 2023" is a year of its own (`period_lengths`); "fell by 4% last year to 36,000" is not
_NOT_YEAR_TO = (r"(?!\s+(?:to|ending)\s+(?:(?:the\s+)?(?:end\s+of\s+)?\d{1,2}(?:st|nd|rd|th)?\s+)?"
                rf"(?:{MONTH_NAMES}|Q[1-4]\b|(?:19|20)\d\d))")


@pattern(rf"\b(?P<before>so\s+far\s+)?(?:(?:in\s+|for\s+|during\s+)?(?:this|the\s+current)\s+financial\s+year"
         rf"(?:,?\s+(?P<fy>{FY}))?|(?:in\s+|for\s+)?this\s+year\b)(?P<after>\s+(?:so\s+far|to\s+date))?",
         needs=("financial year", "this year", "&#this-year"))
def _this_year(m, ctx):
    """ "this financial year": the document's own; "so far this financial year", "this year to date": its part
    up to the document's date."""
    if m["fy"]:
        span = fy_span(m["fy"])
        return ("period", *span, None) if span else None
    found = _financial_year_from(ctx, 0)
    if (m["before"] or m["after"]) and found[1] is not None:
        return "period", found[1], ctx.doc_date, None
    return found


@pattern(rf"\b(?:in\s+|for\s+|during\s+)?(?:next|the\s+next|the\s+coming)\s+(?:financial\s+)?year\b{_NOT_YEAR_TO}",
         needs=("next year", "next financial year", "coming year", "coming financial year"))
def _next_fy(m, ctx):
    """ "an extra £2 billion for schools next year": the financial year after the document's, as "this year"
    is the document's own."""
    return _financial_year_from(ctx, 1)


@pattern(r"\b(?:(?P<base>on|than|from|over|against|versus|vs\.?|compared\s+(?:with|to))\s+|(?P<since>since)\s+"
         r"|(?:in|during|for)\s+)?(?:(?:last|the\s+previous)\s+financial\s+year\b"
         rf"|(?<!the\s)(?<!the\s\s)last\s+year\b{_NOT_YEAR_TO})",
         needs=("financial year", "last year", "&#last-year"))
def _last_fy(m, ctx):
    """ "Last year, councils spent £11.1 billion": the financial year before the document's, as "this year" is
    its own. "up 2% on last year" is the base the change is measured from, "since last year" runs on to the
    document's date. "over the last year" is the twelve months to the document's date (`period_lengths`), and
    "the previous year" is the year before another figure's, never the document's."""
    found = _financial_year_from(ctx, -1)
    if m["base"]:
        return "compare", *found[1:]
    if m["since"] and found[1] is not None:
        return "period", found[1], ctx.doc_date, None
    return found


def _financial_year_from(ctx, offset: int):
    """The financial year `offset` years from the document's own (0 this, 1 next, -1 last)."""
    if ctx.doc_date is None:
        return unresolved()
    start, _ = financial_year_of(ctx.doc_date)
    return "period", *financial_year(start.year + offset), None
