"""Periods that the figures of one sentence share or move between them, once each has its own (`attach.period_of`):
a change said beside its level covers the level's time, a part its whole's, a change after a movement the whole
movement; levels moved from and to stand at the ends of a stretch; "respectively" hands out the years in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from claimcheck.calendar import add_months
from claimcheck.extract.attach import WHEN_CLAUSE
from claimcheck.extract.figures import BRACKET_OPENS
from claimcheck.extract.hedges import HEDGE, IN_OTHER_TERMS
from claimcheck.extract.period_grammar import DAY, MONTH_YEAR, POINT, SAME_PERIOD, Context, point_span
from claimcheck.extract.period_lengths import years_told_before
from claimcheck.extract.periods import TimeSpan
from claimcheck.extract.quantities import Figure
from claimcheck.extract.share_subject import CHANGE_AFTER_AMOUNT


def change_beside_level(figures: list[Figure], periods: list[TimeSpan | None], text: str) -> list[TimeSpan | None]:
    """ "83,630 children looked after on 31 March 2024, up 2% on the previous year": a change set right after
    its level, with no period of its own (the year before is its base), is the change to the level's time."""
    return _from_figure_before(figures, periods, lambda level, change: change.change and not level.change
                               and CHANGE_AFTER_AMOUNT.fullmatch(text, level.end, change.start) is not None)


def change_over_a_movement(figures: list[Figure], periods: list[TimeSpan | None],
                           text: str) -> list[TimeSpan | None]:
    """ "fell from 44,450 at 31 March 2022 to 43,905 at 31 March 2023, a fall of 1.2 per cent", "increased from
    69,480 in 2015 to 80,850 in 2021 (16%)", "rose by 10%, from £3.1 billion in 2019-20 to £3.4 billion in
    2022-23": a change said right after (or right before) a movement between two levels, each at its own time,
    covers the movement, from the first time to the last (not the last level's time alone)."""
    periods = list(periods)
    for index in range(2, len(figures)):
        for change_at, before_at in ((index, index - 2), (index - 2, index - 1)):  # the change after, or before
            before, after, change = figures[before_at], figures[before_at + 1], figures[change_at]
            first, last = periods[before_at], periods[before_at + 1]
            if not change.change or before.change or after.change or before.kind != after.kind \
                    or first is None or last is None or first.start is None or last.end is None \
                    or not (first.start < last.start and first.end < last.end) \
                    or periods[change_at] not in (None, last) \
                    or not _FROM_LEVEL.search(text, max(0, before.start - 30), before.start) \
                    or not _TO_LEVEL.fullmatch(text, before.end, after.start) \
                    or not (_FROM_AFTER_CHANGE.fullmatch(text, change.end, before.start) if change_at < before_at
                            else CHANGE_AFTER_AMOUNT.fullmatch(text, after.end, change.start)
                            or _BRACKET_AFTER.fullmatch(text, after.end, change.start)):
                continue
            written = f"from {_POINT_LEAD.sub('', first.text)} to {_POINT_LEAD.sub('', last.text)}"
            periods[change_at] = TimeSpan(first.start_pos, last.end_pos, written, "period", first.start, last.end,
                                          None)
    return periods


# between a change and the movement it sums up: "rose by 10%, from £3.1 billion"
_FROM_AFTER_CHANGE = re.compile(rf"\s*,?\s*from\s+(?:(?:{HEDGE})\s+)?", re.I)


def change_in_other_terms(figures: list[Figure], periods: list[TimeSpan | None], text: str) -> list[TimeSpan | None]:
    """ "rose from £8.6 billion in 2015/16 to £11.2 billion in 2022/23, an increase of 30% in cash terms and 9% in
    real terms": the second measure of one change covers the first's time, not the nearest year; so does a share
    in brackets right after it with no time of its own ("an increase of £2.7 million (6.5%) on 2023-24")."""
    periods = list(periods)
    for index in range(1, len(figures)):
        first, second = figures[index - 1], figures[index]
        if first.change and second.change and periods[index - 1] is not None \
                and (IN_OTHER_TERMS.fullmatch(text, first.end, second.start)
                     or (periods[index] is None and BRACKET_OPENS.fullmatch(text, first.end, second.start))):
            periods[index] = periods[index - 1]
    return periods



def period_after_an_aside(figures: list[Figure], periods: list[TimeSpan | None],
                           text: str) -> list[TimeSpan | None]:
    """ "accounted for £2.4 billion, or around 21% of total spending, in 2022/23", "a 2.5% uplift, worth £1.2m,
    in 2024-25": the time after the aside that says the amount another way is the amount's too."""
    periods = list(periods)
    for index in range(len(figures) - 1):
        amount, share, span = figures[index], figures[index + 1], periods[index + 1]
        if periods[index] is None and span is not None and span.start_pos > share.end \
                and _OR_ASIDE.fullmatch(text, amount.end, share.start) \
                and _ASIDE_CLOSED.fullmatch(text, share.end, span.start_pos):
            periods[index] = span
    return periods


def base_in_brackets(figures: list[Figure], periods: list[TimeSpan | None], spans: list[TimeSpan],
                     text: str) -> list[TimeSpan | None]:
    """ "57% more in real terms than in 2015-16 (£1.98 billion in 2022-23 prices)": an amount in brackets right
    after the time a comparison is made with is the amount at that time."""
    periods = list(periods)
    for index, figure in enumerate(figures):
        opened = _BRACKET_BEFORE.search(text, max(0, figure.start - 6), figure.start)
        own = periods[index]
        if opened is None or (own is not None and own.role != "compare" and own.start_pos > opened.start()):
            continue  # no bracket, or a time of its own inside it: "(£1.5m in 2019)"
        base = next((span for span in spans if span.role == "compare" and span.start is not None
                     and 0 <= opened.start() - span.end_pos <= 2), None)
        if base is not None:
            periods[index] = replace(base, role="period")
    return periods


_BRACKET_BEFORE = re.compile(r"\(\s*(?:(?:around|about|over|nearly|almost|some)\s+)?$", re.I)
_OR_ASIDE = re.compile(rf"(?:\s+[a-z]+){{0,2}}\s*,\s*(?:or|worth|valued\s+at)\s+(?:(?:{HEDGE})\s+)?")
# "... of total spending, in ", "... of their budget, on consultants in "
_ASIDE_CLOSED = re.compile(r"[^,;()]{0,60},\s*(?:(?:on|for|to)\s+[^,;()\d£$€%]{1,40}?\s)?"
                           r"(?:(?:in|during|for|over|at)\s+)?", re.I)


_POINT_LEAD = re.compile(r"^(?:in|at|on|as\s+at|during)\s+", re.I)  # "at 31 March 2022": the time is what follows
_TO_LEVEL = re.compile(rf"[^,;()]{{0,40}}?\bto\s+(?:(?:{HEDGE})\s+)?", re.I)
_BRACKET_AFTER = re.compile(r"[^,;()]{0,40}?\(\s*")


def part_of_whole(figures: list[Figure], periods: list[TimeSpan | None], text: str) -> list[TimeSpan | None]:
    """ "In 2022-23 there were 2,400 inspections, of which 1,950 were judged good": a part named after its whole
    ("of which", "of whom", "including", "; of these"), with no period of its own, covers the whole's time."""
    return _from_figure_before(figures, periods, lambda whole, part: whole.kind == part.kind
                               and _PART_AFTER_WHOLE.fullmatch(text, whole.end, part.start) is not None)


def _from_figure_before(figures: list[Figure], periods: list[TimeSpan | None],
                        follows: Callable[[Figure, Figure], bool]) -> list[TimeSpan | None]:
    """The periods, each figure without one taking the period of the figure just before it when `follows(before,
    figure)`; a run of such figures all take the first one's."""
    periods = list(periods)
    for index in range(1, len(figures)):
        if periods[index] is None and periods[index - 1] is not None and follows(figures[index - 1], figures[index]):
            periods[index] = periods[index - 1]
    return periods


_PART_AFTER_WHOLE = re.compile(r"[^.;]{0,60}?(?:,?\s*(?:of\s+(?:which|whom)|including)|;\s*of\s+(?:these|those|them))"
                               rf"\s*,?\s*(?:(?:{HEDGE})\s*)?", re.I)


def ends_of_a_stretch(figures: list[Figure], periods: list[TimeSpan | None], timeless: str,
                      ctx: Context, sentence: str) -> list[TimeSpan | None]:
    """ "Between 2010-11 and 2021-22, spending fell by 46%, from £3.7 billion to £2.0 billion": over a stretch
    of time between two points, the level moved from stands at the first and the level moved to at the last;
    the change covers the whole stretch. Only levels said to move ("from £3.7 billion to", "rose to £2.0
    billion", "doubled between 2010-11 and 2022-23 to £12.2 billion"), so that "£5 million between 2019 and 2021"
    keeps the stretch. "Since 2019, ... has risen by 7%, from 78,150 to 83,840": the level moved from stands at
    2019; the one moved to keeps the whole stretch (the latest figure, which may predate the document by months).
    `timeless` is the `sentence` with its time expressions blanked."""
    periods = list(periods)
    for index, (figure, span) in enumerate(zip(figures, periods, strict=True)):
        if span is None or figure.change:
            continue
        points = stretch_points(span, ctx, sentence)
        if points is None and (since := _SINCE_POINT.fullmatch(span.text.strip())) and span.end is not None:
            # no later point written: the level moved to is "now", of no known day ("since the last inspection in
            # 2019": the time it ends in)
            point = _POINT_AT_END.search(since[1])
            points = (point[0] if point else since[1], None)
        if not points:
            continue
        nxt = figures[index + 1] if index + 1 < len(figures) else None
        prev = figures[index - 1] if index else None
        moved_from = _FROM_LEVEL.search(timeless, 0, figure.start) is not None and (
            _MOVED_FROM.search(timeless, 0, figure.start) is not None
            or (nxt is not None and nxt.kind == figure.kind and _TO_NEXT.fullmatch(timeless, figure.end, nxt.start)))
        moved_to = _MOVED_TO.search(timeless, 0, figure.start) is not None or (
            prev is not None and prev.kind == figure.kind and _TO_NEXT.fullmatch(timeless, prev.end, figure.start)
            and _FROM_LEVEL.search(timeless, 0, prev.start) is not None)
        if bool(moved_from) == bool(moved_to):  # `a and b` may be None, and None == False is false
            continue
        point = points[0] if moved_from else points[1]
        if point is not None and (found := point_span(point, ctx)):
            periods[index] = replace(span, start=found[0], end=found[1], text=point)
    return periods


def at_the_time_since(figures: list[Figure], periods: list[TimeSpan | None], text: str,
                      ctx: Context) -> list[TimeSpan | None]:
    """ "has more than doubled since 2018/19, when 13,476 offences were recorded": a figure in the "when" clause
    stands at the time the change runs from, not over the whole time since."""
    periods = list(periods)
    for index, (figure, span) in enumerate(zip(figures, periods, strict=True)):
        if span is None or figure.change or span.end_pos > figure.start \
                or not (since := _SINCE_POINT.fullmatch(span.text.strip())) \
                or not WHEN_CLAUSE.fullmatch(text, span.end_pos, figure.start):
            continue
        if found := point_span(since[1], ctx):
            periods[index] = replace(span, start=found[0], end=found[1], text=since[1])
    return periods


_SINCE_POINT = re.compile(r"since\s+(.+)", re.I)
_POINT_AT_END = re.compile(rf"\b(?:{POINT})$", re.I)


def stretch_points(span: TimeSpan | None, ctx: Context, sentence: str | None = None) -> tuple[str, str] | None:
    """The two times a period runs between, as written: "between 2010-11 and 2021-22"; for "over the same
    period", those the sentence named before it ("from £98m in 2019/20 to £141m in 2024/25, and ... over the same
    period") or else those of the period it refers back to (`Context.points`)."""
    if span is None:
        return None
    text = span.text.strip()
    if stretch := _STRETCH.fullmatch(text):
        return (stretch["first"], stretch["last"]) if stretch["first"] else (stretch["start"], stretch["end"])
    if not _SAME_PERIOD.fullmatch(text):
        return None
    return (years_told_before(sentence, span.start_pos) if sentence else None) or ctx.points


# (or, between two months or days, with no word before: "(April 2019 to March 2022)"; not GOV.UK's "2021 to 2022")
_STRETCH = re.compile(r"(?:between|from)\s+(?P<first>.+?)\s+(?:and|to|until)\s+(?P<last>.+)"
                      rf"|(?P<start>(?:{DAY}\s+)?{MONTH_YEAR})\s+(?:to|until|–)\s+(?P<end>(?:{DAY}\s+)?{MONTH_YEAR})",
                      re.I)
_SAME_PERIOD = re.compile(SAME_PERIOD, re.I)  # the text `period_lengths._same_period` gave the span
_MOVES = (r"(?:rose|risen|rising|fell|fallen|falling|increased|increasing|decreased|decreasing|grew|grown|growing"
          r"|dropped|declined|doubled|halved|trebled|tripled|climbed|jumped|slipped|reduced|cut|went\s+(?:up|down))")
_FROM_LEVEL = re.compile(rf"\bfrom\s+(?:(?:{HEDGE})\s+)?$", re.I)
_MOVED_FROM = re.compile(rf"\b{_MOVES}\s+from\s+(?:(?:{HEDGE})\s+)?$", re.I)
# "rose to", "rose by 46% to", and "rose by 46% in real terms between 2018-19 and 2022-23, to" (times blanked)
_MOVED_TO = re.compile(rf"\b{_MOVES}(?:\s+by\s+[^,;]{{1,30}}?|\s+by\s+[^;]{{1,80}}?,)?\s+to\s+(?:(?:{HEDGE})\s+)?$",
                       re.I)
_TO_NEXT = re.compile(rf"\s+to\s+(?:(?:{HEDGE})\s+)?", re.I)


def respectively(figures: list[Figure], periods: list[TimeSpan | None], spans: list[TimeSpan]
                 ) -> list[TimeSpan | None]:
    """ "£3.2m and £4.1m in 2021-22 and 2022-23 respectively": when n figures share a span of n whole years
    (financial or calendar), each takes its own year, in order; "£4.1m, £4.5m and £4.9m in 2019-20, 2020-21 and
    2021-22 respectively": n figures of one kind, then n times after the last of them, one each."""
    after = [year for span in spans if figures and span.role != "compare" and span.start is not None
             and span.end is not None and span.start_pos >= figures[-1].end for year in _each_year(span)]
    listed = [index for index, figure in enumerate(figures) if figure.kind == figures[-1].kind]
    if len(after) >= 2 and len(after) == len(listed):
        periods = list(periods)
        for index, span in zip(listed, after, strict=True):
            periods[index] = span
        return periods
    shared: dict[int, list[int]] = {}
    for index, span in enumerate(periods):
        if span is not None:
            shared.setdefault(id(span), []).append(index)
    periods = list(periods)
    for indexes in shared.values():
        span = periods[indexes[0]]  # never None: only spans were gathered
        if len(indexes) < 2 or span.start is None or span.end is None \
                or _whole_years(span.start, span.end) != len(indexes):
            continue
        for offset, index in enumerate(indexes):
            first = add_months(span.start, 12 * offset)
            periods[index] = replace(span, start=first, end=add_months(first, 12) - timedelta(days=1))
    return periods


def _each_year(span: TimeSpan) -> list[TimeSpan]:
    """A span of whole years as one span a year ("2020-21 and 2021-22" read as one stretch); any other as itself."""
    count = _whole_years(span.start, span.end) or 1
    firsts = [add_months(span.start, 12 * offset) for offset in range(count)]
    return [span] if count == 1 else [
        replace(span, start=first, end=add_months(first, 12) - timedelta(days=1)) for first in firsts]


def _whole_years(start: date, end: date) -> int | None:
    """How many whole years (1 April or 1 January to the day before) run from `start` to `end`, if whole."""
    if (start.month, start.day) not in ((4, 1), (1, 1)):
        return None
    count = end.year - start.year + (start.month == 1)
    return count if count > 0 and add_months(start, 12 * count) - timedelta(days=1) == end else None
