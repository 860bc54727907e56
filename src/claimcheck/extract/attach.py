"""Which time expression a figure covers: its own clause first, then one that opens the sentence; a
comparison's base dates only the base; "a year earlier" and "respectively" shift a borrowed period, and the
levels moved from and to over "between A and B" stand at A and at B.

Hand-written: no library attaches time expressions to the figures they govern, and the rules are the
conventions in `../shared/docs/design.md` §2.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from claimcheck.calendar import add_months
from claimcheck.extract.hedges import BASE_ENDINGS, BASE_FROM, HEDGE, IN_OTHER_TERMS, OTHER_GROUP
from claimcheck.extract.period_grammar import NUM, SAME_PERIOD, UNIT, Context, count_of, point_span, units_back
from claimcheck.extract.periods import TimeSpan
from claimcheck.extract.phrases import ANNOUNCING
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subject_of import CHANGE_AFTER_AMOUNT, in_aside
from claimcheck.extract.subjects import clause_bounds

_BASE_DATE = re.compile(r"(?:in|at|on)\b", re.I)  # how a compare span of a base figure starts (periods._compared)
_YEAR_EARLIER = re.compile(rf"\s*(?:,\s*)?(?:(?P<count>an?|{NUM})\s+(?P<unit>{UNIT})\s+(?:earlier|before)"
                           r"|(?:in\s+)?the\s+(?:previous|preceding)\s+year|(?:in\s+)?the\s+year\s+before)\b", re.I)


def year_earlier(figure: Figure, span: TimeSpan, text: str) -> TimeSpan:
    """ "£778 million in 2022-23, up from £520 million a year earlier": the borrowed period, one year back;
    "£1.7bn in 2021-22, up from £1.4bn five years earlier": five years back."""
    if span.start_pos >= figure.start or not (earlier := _YEAR_EARLIER.match(text, figure.end)):
        return span
    if span.start is None or span.end is None:
        return span
    count = 1 if earlier["count"] is None or earlier["count"].lower() in ("a", "an") else count_of(earlier["count"])
    unit = earlier["unit"] or "year"
    start, after = units_back(span.start, count, unit), units_back(span.end + timedelta(days=1), count, unit)
    if start is None or after is None:
        return span
    said = earlier.group().strip(" ,")
    return replace(span, start=start, end=after - timedelta(days=1), text=f"{said} than {span.text}")


def change_beside_level(figures: list[Figure], periods: list[TimeSpan | None], text: str) -> list[TimeSpan | None]:
    """ "83,630 children looked after on 31 March 2024, up 2% on the previous year": a change set right after
    its level, with no period of its own (the year before is its base), is the change to the level's time."""
    return _from_figure_before(figures, periods, lambda level, change: change.change and not level.change
                               and CHANGE_AFTER_AMOUNT.fullmatch(text, level.end, change.start) is not None)


def change_over_a_movement(figures: list[Figure], periods: list[TimeSpan | None],
                           text: str) -> list[TimeSpan | None]:
    """ "fell from 44,450 at 31 March 2022 to 43,905 at 31 March 2023, a fall of 1.2 per cent", "increased from
    69,480 in 2015 to 80,850 in 2021 (16%)": a change said right after a movement between two levels, each at its
    own time, covers the movement, from the first time to the last (not the last level's time alone)."""
    periods = list(periods)
    for index in range(2, len(figures)):
        before, after, change = figures[index - 2:index + 1]
        first, last = periods[index - 2], periods[index - 1]
        if not change.change or before.change or after.change or before.kind != after.kind \
                or first is None or last is None or first.start is None or last.end is None \
                or not (first.start < last.start and first.end < last.end) \
                or periods[index] not in (None, last) \
                or not _FROM_LEVEL.search(text, max(0, before.start - 30), before.start) \
                or not _TO_LEVEL.fullmatch(text, before.end, after.start) \
                or not (CHANGE_AFTER_AMOUNT.fullmatch(text, after.end, change.start)
                        or _BRACKET_AFTER.fullmatch(text, after.end, change.start)):
            continue
        written = f"from {_POINT_LEAD.sub('', first.text)} to {_POINT_LEAD.sub('', last.text)}"
        periods[index] = TimeSpan(first.start_pos, last.end_pos, written, "period", first.start, last.end, None)
    return periods


def change_in_other_terms(figures: list[Figure], periods: list[TimeSpan | None], text: str) -> list[TimeSpan | None]:
    """ "rose from £8.6 billion in 2015/16 to £11.2 billion in 2022/23, an increase of 30% in cash terms and 9% in
    real terms": the second measure of one change covers the first's time, not the nearest year."""
    periods = list(periods)
    for index in range(1, len(figures)):
        first, second = figures[index - 1], figures[index]
        if first.change and second.change and periods[index - 1] is not None \
                and IN_OTHER_TERMS.fullmatch(text, first.end, second.start):
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
                      ctx: Context) -> list[TimeSpan | None]:
    """ "Between 2010-11 and 2021-22, spending fell by 46%, from £3.7 billion to £2.0 billion": over a stretch
    of time between two points, the level moved from stands at the first and the level moved to at the last;
    the change covers the whole stretch. Only levels said to move ("from £3.7 billion to", "rose to £2.0
    billion", "doubled between 2010-11 and 2022-23 to £12.2 billion"), so that "£5 million between 2019 and 2021"
    keeps the stretch. `timeless` is the sentence with its time expressions blanked."""
    periods = list(periods)
    for index, (figure, span) in enumerate(zip(figures, periods, strict=True)):
        if span is None or figure.change or not (points := stretch_points(span, ctx)):
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
        if found := point_span(point, ctx):
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
                or not _WHEN_CLAUSE.fullmatch(text, span.end_pos, figure.start):
            continue
        if found := point_span(since[1], ctx):
            periods[index] = replace(span, start=found[0], end=found[1], text=since[1])
    return periods


_SINCE_POINT = re.compile(r"since\s+(.+)", re.I)
_WHEN_CLAUSE = re.compile(rf"\s*,\s*when\s+(?:[^,;.\d£$€]{{0,40}}\s)?(?:(?:{HEDGE})\s+)?", re.I)


def stretch_points(span: TimeSpan | None, ctx: Context) -> tuple[str, str] | None:
    """The two times a period runs between, as written: "between 2010-11 and 2021-22"; for "over the same
    period", those of the period it refers back to (`Context.points`)."""
    if span is None:
        return None
    text = span.text.strip()
    if stretch := _STRETCH.fullmatch(text):
        return stretch["first"], stretch["last"]
    return ctx.points if _SAME_PERIOD.fullmatch(text) else None


_STRETCH = re.compile(r"(?:between|from)\s+(?P<first>.+?)\s+(?:and|to|until)\s+(?P<last>.+)", re.I)
_SAME_PERIOD = re.compile(SAME_PERIOD, re.I)  # the text `period_patterns._same_period` gave the span
_MOVES = (r"(?:rose|risen|rising|fell|fallen|falling|increased|increasing|decreased|decreasing|grew|grown|growing"
          r"|dropped|declined|doubled|halved|trebled|tripled|climbed|jumped|slipped|reduced|cut|went\s+(?:up|down))")
_FROM_LEVEL = re.compile(rf"\bfrom\s+(?:(?:{HEDGE})\s+)?$", re.I)
_MOVED_FROM = re.compile(rf"\b{_MOVES}\s+from\s+(?:(?:{HEDGE})\s+)?$", re.I)
# "rose to", "rose by 46% to", and "rose by 46% in real terms between 2018-19 and 2022-23, to" (times blanked)
_MOVED_TO = re.compile(rf"\b{_MOVES}(?:\s+by\s+[^,;]{{1,30}}?|\s+by\s+[^;]{{1,80}}?,)?\s+to\s+(?:(?:{HEDGE})\s+)?$",
                       re.I)
_TO_NEXT = re.compile(rf"\s+to\s+(?:(?:{HEDGE})\s+)?", re.I)


def respectively(periods: list[TimeSpan | None]) -> list[TimeSpan | None]:
    """ "£3.2m and £4.1m in 2021-22 and 2022-23 respectively": when n figures share a span of n whole years
    (financial or calendar), each takes its own year, in order."""
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


def _whole_years(start: date, end: date) -> int | None:
    """How many whole years (1 April or 1 January to the day before) run from `start` to `end`, if whole."""
    if (start.month, start.day) not in ((4, 1), (1, 1)):
        return None
    count = end.year - start.year + (start.month == 1)
    return count if count > 0 and add_months(start, 12 * count) - timedelta(days=1) == end else None


def _brackets_around(text: str, pos: int) -> tuple[int, int] | None:
    """(open, close) of the parentheses `pos` stands in, if any (not nested ones: statements rarely nest)."""
    opened = text.rfind("(", 0, pos)
    if opened < 0 or text.rfind(")", 0, pos) > opened:
        return None
    closed = text.find(")", pos)
    return opened, closed if closed >= 0 else len(text)


def between_figure(other: Figure, figure: Figure, span: TimeSpan) -> bool:
    low, high = sorted((figure.start, span.start_pos))
    return low < other.start < high


def period_of(figure: Figure, spans: list[TimeSpan], text: str, figures: list[Figure]) -> int | None:
    """The time expression a figure covers.

    First choice: one in the figure's own clause with no comma between them
    ("£8.4 million since 2012-13"); then an introductory one that governs the
    sentence ("Since July 2021, ... 42 local authorities"); then one in the same
    clause across commas. Single-day events ("on 24 June") and comparison bases
    are never a figure's period.
    """
    low, high = clause_bounds(text, figure.start)
    own_length = _OWN_LENGTH.match(text, figure.end) is not None
    further = _FURTHER.search(text, max(0, figure.start - 40), figure.start) is not None
    # a base borrows no period, unless "a year earlier" says how to shift the level's (`year_earlier`)
    # (nor "compared with 13% of all young people": the same time's figure for another group)
    base_from = max(0, figure.start - 50)
    # "..., on top of the £1.7bn we announced last autumn": another amount, with a time of its own if any
    on_top = _ON_TOP_OF.search(text, base_from, figure.start) is not None
    base = on_top or (BASE_ENDINGS.end(text[base_from:figure.start])
                      and _BASE_BEFORE.search(text, base_from, figure.start) is not None
                      and not _YEAR_EARLIER.match(text, figure.end) and not OTHER_GROUP.match(text, figure.end))
    # said to hold now, a figure takes no time from a clause before it: "had risen by £1.6bn since 2019, with nine
    # in 10 councils now overspending"
    now = _NOW.search(text, max(0, figure.start - 20), min(len(text), figure.end + 40)) is not None
    best_key: tuple[int, int, int] | None = None
    best: int | None = None
    for index, span in enumerate(spans):
        if span.role == "compare":
            if (span.start_pos >= figure.end and not text[figure.end:span.start_pos].strip()
                    and _BASE_DATE.match(span.text) and not figure.change
                    and (span.start is not None or not _YEAR_EARLIER.match(text, figure.end))):
                # ("down from 17.7% in the previous year": no date of its own; the level's, a year back)
                return index  # "from 1,234 in 2019": the comparison base's own date (not "a 3% rise on 2014-15")
            continue
        if span.role == "event" and (span.start == span.end or _ON_OR_BY.match(span.text)) \
                and not _stock_date(figure, span, text):
            continue
        if in_aside(text, span.start_pos, span.end_pos, figure):
            continue  # "The report, published in May 2022, made 80 recommendations"
        if _ANNOUNCED_AT.search(text, max(0, span.start_pos - 20), span.start_pos) or (
                span.end_pos <= figure.start
                and _PUBLISHED_IN.search(text, max(0, span.start_pos - 100), span.start_pos)):
            # "the £200 million investment announced in February 2023", "published Stable Homes, Built on Love in
            # February 2023, which set out a £9 million investment": when it was said, not when it is spent
            continue
        if _SINCE.match(span.text) and _RECORD_BEFORE.search(text, max(0, span.start_pos - 40), span.start_pos):
            continue  # "Turnover was 17.1%, the highest rate since 2017": the last time it was as high, not when
        brackets = _brackets_around(text, span.start_pos)
        if brackets and not brackets[0] < figure.start < brackets[1] and any(
                brackets[0] < other.start < brackets[1] for other in figures):
            continue  # "£12.3 million (2019-20: £10.1 million)": the bracketed year is the bracketed figure's
        after = span.start_pos >= figure.end
        between = text[figure.end:span.start_pos] if after else text[span.end_pos:figure.start]
        distance = len(between)
        if base and not (after and (_RIGHT_AFTER.fullmatch(between)
                                    or (on_top and _PARTICIPLE_AFTER.fullmatch(between)))):
            continue  # "7.6 million in September 2023, up from 4.6 million before the pandemic": another time's
        same_clause = low <= span.start_pos < high
        opens_sentence = not text[:span.start_pos].strip()
        # "Since July 2021, ... 42 local authorities", "of the 69,540 children looked after at 31 March, 52,050": a
        # time set off by a comma governs what follows; not one before "but" ("has increased by 22% since 2018, but
        # ...: 44% of homes are in the North West"), which opens a clause of its own
        introductory = not after and (opens_sentence or (_COMMA_OR_COLON.match(text, span.end_pos) is not None
                                                         and not _COMMA_THEN_CLAUSE.match(text, span.end_pos)))
        if same_clause and not _COMMA.search(between):  # a thousands comma ("on 2,600 places") is no break
            rank = 0
        elif introductory and (opens_sentence or not (own_length or further or now)):
            rank = 1
        elif same_clause and not any(f is not figure and between_figure(f, figure, span) for f in figures) \
                and not own_length and not (further and not after) and not now:
            rank = 2  # across commas, and no other figure stands nearer to it (nor has the figure its own length)
        else:
            continue
        # "£45m for 2021-22 and £40m was spent in 2014-15": a time expression right after another figure
        # is that figure's, so a later one in the clause is this figure's
        owned = rank == 0 and any(
            f is not figure and (between_figure(f, figure, span) if after else low <= f.start < span.start_pos)
            for f in figures)
        key = (rank, owned, distance, 0 if after else 1)
        if best_key is None or key < best_key:
            best_key, best = key, index
    return _spelled_out(best, spans, text, figures)


def _spelled_out(best: int | None, spans: list[TimeSpan], text: str, figures: list[Figure]) -> int | None:
    """ "£3.2 billion over the next three years (2023-24 to 2025-26)": the years in brackets say exactly which
    years the time just before them means, so they are the figure's period."""
    if best is None or best + 1 >= len(spans):
        return best
    nxt = spans[best + 1]
    opened = _OPENS_BRACKET.match(text, spans[best].end_pos)
    if opened is None or nxt.start_pos != opened.end() or nxt.start is None or nxt.end is None \
            or not _CLOSES_BRACKET.match(text, nxt.end_pos) or nxt.role == "compare" \
            or any(opened.end() <= f.start < nxt.end_pos for f in figures):
        return best
    return best + 1


_OPENS_BRACKET = re.compile(r"\s*\(\s*")
_CLOSES_BRACKET = re.compile(r"\s*\)")


# precompiled: a pattern string passed to re.match costs a cache lookup on every call
_ON_OR_BY = re.compile(r"(?i)on\b|by\b")
_ON_OR_AT = re.compile(r"(?i)(?:on|at|as\s+(?:at|of))\b")
_COMMA_OR_COLON = re.compile(r"\s*[,:]")
_PARTICIPLE_AFTER = re.compile(r"\s*[a-z]+ed\s+(?:(?:in|at|on|during|for|over)\s+)?", re.I)  # "... provided in"
_ON_TOP_OF = re.compile(r"\bon\s+top\s+of\s+(?:the\s+|an?\s+)?(?:(?:extra|additional|further|existing)\s+)?$", re.I)
_NOW = re.compile(r"\b(?:now|currently|at\s+present|presently)\b(?![^,;]{0,40}\b(?:than|compared))", re.I)
_COMMA_THEN_CLAUSE = re.compile(r"\s*,\s*(?:but|while|whilst|whereas|although|though|yet)\b", re.I)
_THERE_WERE = re.compile(r"\s*(?:,|there\s+(?:were|was|are|is)\b)")
# what a comparison base follows: "up from 4.6 million", "compared with around £8 billion"
_BASE_BEFORE = re.compile(rf"\b(?:{BASE_FROM})\s+(?:(?:{HEDGE})\s+)?$", re.I)
_RIGHT_AFTER = re.compile(r"\s*(?:(?:in|at|on|during|for|over)\s+)?", re.I)  # "£2.4 billion in 2018 to 2019"
# "£500m since 2021-22, with a further £200m announced ...": more money, not the same time's
_FURTHER = re.compile(r",\s*(?:with|plus|and)\s+(?:a\s+further|an?\s+(?:additional|extra)|another)\s+$", re.I)
# "£30 million for 2014-15, later increased to £100 million over 2 years": a figure with its own length of
# time does not borrow a year across a comma
_OWN_LENGTH = re.compile(r"\s+(?:over|for|across)\s+(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
                         r"(?:years?|months?)\b", re.I)
_COMMA = re.compile(r",(?!\d{3}\b)")
_SINCE = re.compile(r"since\b", re.I)
# "the highest rate since 2017", "the first fall since 2008": when it was last so, not the figure's period
_RECORD_BEFORE = re.compile(r"\b(?:highest|lowest|largest|smallest|biggest|greatest|fewest|most|least|first\s+time"
                            r"|first\s+(?:fall|rise|increase|decrease|drop|decline|reduction))\b"
                            r"[^,.;]{0,30}$", re.I)
_ANNOUNCED_AT = re.compile(rf"\b(?:{ANNOUNCING})\s+(?:in\s+|on\s+)?$", re.I)
_PUBLISHED_IN = re.compile(rf"\b(?:{ANNOUNCING}|launched|released)\s+[^\d.;£$€]{{0,80}}?\s(?:in|on)\s+$", re.I)
_EVENT_VERB = re.compile(r"\b(?:announced?|announcing|published|publishes|said|says|confirmed|launched|unveiled|"
                         r"set\s+out|released|revealed|stated|told|wrote|agreed|made)\b", re.I)


def _stock_date(figure: Figure, span: TimeSpan, text: str) -> bool:
    """ "83,840 children looked after on 31 March 2023", "On 31 March 2023, 83,840 children were looked
    after": the day a count or share stands at. Not the day something was announced ("£7m announced on 14
    February"): money and sentences telling an event keep the day as a date claim of its own."""
    if figure.kind not in ("count", "percent", "rate") or not _ON_OR_AT.match(span.text) \
            or span.start is None or _EVENT_VERB.search(text):
        return False
    if span.start_pos >= figure.end:
        return not _COMMA.search(text, figure.end, span.start_pos)
    if _STANDS_AT.fullmatch(text, span.end_pos, figure.start):
        return True  # "The number of children looked after on 31 March 2023 was 83,840"
    return not text[:span.start_pos].strip() and _THERE_WERE.match(text, span.end_pos) is not None


# between a stock's day and its figure: the verb that gives the level, and perhaps a hedge ("was around")
_STANDS_AT = re.compile(r"\s*,?\s*(?:was|were|is|are|stood\s+at|totalled|totaled|reached)\b[a-z\s-]{0,20}", re.I)
