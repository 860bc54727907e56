"""Times that are date claims of their own though they were read as a span of time: a deadline no figure runs up
to ("We will publish the strategy by spring 2025"), a day no figure runs from ("following the ban ... from 9
September 2021"). `document` asks here once it knows which spans its figures took.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from claimcheck.extract.attach import CLAUSE_COMMA
from claimcheck.extract.periods import Context, TimeSpan, find_spans

_BY = re.compile(r"by\s+((?:the\s+)?end\s+of\s+)?", re.I)
_YEAR_OR_FY = re.compile(r"(?:19|20)\d\d(?:\s?[-–/]\s?\d\d)?")
_FROM_DAY = re.compile(r"(?:(?:with\s+effect\s+)?from|since)\s+", re.I)  # (not "open until": a state's end)


def deadlines(spans: list[TimeSpan], text: str, ctx: Context) -> list[TimeSpan]:
    """For a sentence with no figure: its "by" deadlines and its "from" days as date claims."""
    return _dated_within(_dated_within(spans, text, ctx, _BY, False), text, ctx, _FROM_DAY, True)


def days_not_taken(spans: list[TimeSpan], text: str, ctx: Context, taken: set[int]) -> list[TimeSpan]:
    """For a sentence with figures: the "from" days none of them took (the indices in `taken`) as date claims."""
    return _dated_within(spans, text, ctx, _FROM_DAY, True, taken)


def still_ahead(span: TimeSpan, text: str, doc_date: date | None) -> bool:
    """Whether a date claim lies after the document and is told in no past tense: a promise, a deadline or a
    timetable, whatever the verb ("Councils must respond by April 2025", "Applications close on 31 January 2025",
    "The new rules apply from 1 April 2025", "The government committed to publishing it by the end of 2023"). Told
    in the past ("came into force from 1 September 2024" in a March 2024 answer), it stays past, for a date-order
    rule to question."""
    before = _own_clause(span, text)
    if doc_date is None or span.start is None or span.start <= doc_date:
        return False
    if _OPENS_SENTENCE.fullmatch(text, 0, span.start_pos):
        # "On 1 April 2024, the new standards came into force": the verb after a date that opens the sentence
        comma = CLAUSE_COMMA.search(text, span.end_pos + 2)
        told = text[span.end_pos:min(comma.start() if comma else len(text), span.end_pos + 80)]
        return not _PAST_BEFORE.search(told) or _PROMISED.search(told) is not None
    return not _PAST_BEFORE.search(text, before, span.start_pos) or _PROMISED.search(text, before, span.start_pos) \
        is not None


def told_as_past(span: TimeSpan, text: str, doc_date: date | None) -> bool:
    """Whether a date claim in a sentence that looks ahead is told in the past in its own clause, and is no later
    than the document: "The first pathfinders launched in September 2023, with a second wave due in April 2025"."""
    before = _own_clause(span, text)
    return doc_date is not None and span.end is not None and span.end <= doc_date \
        and _PAST_BEFORE.search(text, before, span.start_pos) is not None \
        and not _PROMISED.search(text, before, span.start_pos)


def _own_clause(span: TimeSpan, text: str) -> int:
    """Where the date's own clause starts, at most 80 characters before it: "The scheme, launched last year, opens in
    April 2025" opens then (a thousands comma, "stopped paying 1,200 carers", breaks no clause)."""
    comma = max((m.end() for m in CLAUSE_COMMA.finditer(text, 0, span.start_pos)), default=0)
    return max(0, span.start_pos - 80, comma)


_OPENS_SENTENCE = re.compile(r"\s*(?:(?:on|in|from|at|by)\s+)?", re.I)
_PAST_BEFORE = re.compile(r"\b(?:was|were|had|came|began|took|went|\w+ed)\b", re.I)
# a promise told in the past is still a promise: "The government committed to publishing the strategy by the end
# of 2023"
_PROMISED = re.compile(r"\b(?:committed|promised|pledged|planned|intended|aimed|agreed|undertook|expected|said\s+it"
                       r"\s+would|announced\s+plans?)\s+to\b", re.I)


def _a_day_or_month(span: TimeSpan, opened: re.Match) -> bool:
    """A day, or after "from" a month too: "applies from April 2025" is when it starts, as "from 1 April 2025" is;
    "since April 2023" is how long something has gone on."""
    return span.start == span.end or (not opened[0].lower().startswith("since") and span.end is not None
                                      and (span.end - span.start).days < 31)


def _dated_within(spans: list[TimeSpan], text: str, ctx: Context, lead: re.Pattern, days_only: bool,
                  skip: frozenset[int] | set[int] = frozenset()) -> list[TimeSpan]:
    """The time a span names after its word (`lead`) as a date claim of its own, for spans no figure runs over
    (`skip` holds those some figure does): "by spring 2025" is a promised date, as "in spring 2025" is; "from 9
    September 2021" the day something began. With `days_only`, only a single day is such a date: "since 2010" is
    how long something has gone on, not when it happened."""
    found = []
    for index, span in enumerate(spans):
        opened = lead.match(span.text) if span.role in ("period", "compare") and index not in skip else None
        inner = [s for s in find_spans(text[span.start_pos + opened.end():span.end_pos], ctx)
                 if s.role == "event" and s.start and (not days_only or _a_day_or_month(s, opened))] if opened else []
        if len(inner) == 1:
            at = span.start_pos + opened.end()
            span = replace(inner[0], start_pos=inner[0].start_pos + at, end_pos=inner[0].end_pos + at)
        elif opened and lead is _BY and span.end is not None and _YEAR_OR_FY.fullmatch(span.text, opened.end()):
            # "by the end of 2023" (or "of 2024-25"): the year's last day; "by 2025": the year
            first = span.end if opened[1] else date(span.end.year, 1, 1) if span.end.month == 12 \
                else date(span.end.year - 1, 4, 1)
            at = opened.start(1) if opened[1] else opened.end()
            span = replace(span, start_pos=span.start_pos + at, role="event", start=first, text=span.text[at:])
        found.append(span)
    return found
