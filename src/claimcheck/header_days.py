"""Which day a line of a document's header gives: alone ("18/11/2024", "SFR 34/2015: 1 October 2015"), at the
start of a label's value ("Date: 14/07/2015"), by what happened on it ("asked 6 July 2015; answered 14 July 2015"),
or on the line below a label ("Answered on" over "12 March 2024"). Split from `metadata`, which decides what each
header line is.
"""

from __future__ import annotations

import re
from datetime import date

from claimcheck.calendar import DATE_IN_TEXT, parse_day, without_clock
from claimcheck.furniture import strip_furniture


def line_below(lines: list[str], i: int) -> int | None:
    """The index of the first non-blank line below line `i`, at most two down."""
    return next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)


def day_below(lines: list[str], i: int) -> tuple[date, int] | None:
    """The day on the first non-blank line below line `i` (at most two down), and that line's index."""
    j = line_below(lines, i)
    day = parse_day(lines[j].strip()) if j is not None else None
    return (day, j) if day else None


def leading_day(value: str) -> date | None:
    """A date at the start of a header value ("23 November 2022", "2026-02-06", "Thursday 1 Sept...", "10:31,
    9 January 2024")."""
    m = DATE_IN_TEXT.match(without_clock(value))
    return parse_day(m.group(0)) if m else None


_SAID_DAY = re.compile(rf"\b(asked|tabled|answered|published|issued|released|made|posted)\s*:?\s+(?:on\s+)?"
                       rf"({DATE_IN_TEXT.pattern})",
                       re.I)


_SAID_AS = {"tabled": "asked", "issued": "published", "released": "published", "made": "published",
            "posted": "published"}


def said_days(value: str) -> dict[str, date]:
    """ "asked 6 July 2015; answered 14 July 2015", "not shown (answered 25 March 2015)", "published 3 March
    2022, updated 5 May 2023": the days a header value gives, by what happened on them. Only these words:
    "CYP Now reported the release on 18 November 2021" is someone else's date, not the document's."""
    days: dict[str, date] = {}
    for m in _SAID_DAY.finditer(value):
        # "Made on 12 December 2023": a written statement's day
        word = _SAID_AS.get(m[1].lower(), m[1].lower())
        if (day := parse_day(m[2])) and word not in days:
            days[word] = day
    return days


_COVER_NUMBER = re.compile(r"HC\s+\d+(?:-[IVX]+)?\s+SESSION\s+\d{4}[–-]\d{2,4}\s+(?=\d)", re.I)
_RELEASE_NUMBER = re.compile(r"[A-Z]{2,6}\s?\d{1,4}/\d{4}")


def only_day(text: str) -> date | None:
    """A header line that is nothing but a date, optionally after a short label ("SFR 34/2015: 1 October 2015",
    "House of Commons debate, 18 January 2024", "HC 1234 SESSION 2023-24 | 18 January 2024")."""
    if day := parse_day(text):
        return day
    label, sep, rest = text.rpartition(":")
    if sep and len(label) <= 30 and (day := parse_day(rest)):
        return day
    if cover := _COVER_NUMBER.match(text):  # a NAO report's cover: "HC 1868 SESSION 2017–2019 23 JANUARY 2019"
        return parse_day(text[cover.end():])
    label, sep, rest = text.rpartition("|")  # a report's cover: "HC 1234 SESSION 2023-24 | 18 January 2024"
    if sep and text.count("|") == 1 and len(label) <= 40 and (day := parse_day(rest)):
        return day
    if sep and text.count("|") == 1 and not strip_furniture(rest).strip() and (day := parse_day(label)):
        return day  # a news page's "12 Mar 2024 | 4 min read"
    label, sep, rest = text.rpartition(",")  # a comma's label has no figure: "12,000 children, 3 May 2023" is prose
    if sep and len(label) <= 30 and (not re.search(r"\d", label) or _RELEASE_NUMBER.fullmatch(label.strip())):
        return parse_day(rest)  # but a release's number may be one: "SFR 41/2016, 29 September 2016"
    return None
