"""Which time expression a figure covers: its own clause first, then one that opens the sentence; a
comparison's base dates only the base; "a year earlier" shifts a borrowed period. What the figures of a sentence
then share or move between them is `shared_periods.py`'s.

Hand-written: no library attaches time expressions to the figures they govern, and the rules are the
conventions in `../shared/docs/design.md` §2.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from claimcheck.extract.figures import BRACKET_CLOSES, BRACKET_OPENS
from claimcheck.extract.hedges import BASE_ENDINGS, BASE_FROM, HEDGE, OTHER_GROUP
from claimcheck.extract.period_grammar import NUM, UNIT, count_of, units_back
from claimcheck.extract.periods import TimeSpan
from claimcheck.extract.phrases import ANNOUNCING
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subjects import clause_bounds
from claimcheck.extract.voices import in_aside
from claimcheck.extract.wholes import MULTIPLE_OF_THE

_BASE_DATE = re.compile(r"(?:in|at|on)\b", re.I)  # how a compare span of a base figure starts (periods._compared)
_YEAR_EARLIER = re.compile(rf"\s*(?:,\s*)?(?:(?P<count>an?|{NUM})\s+(?P<unit>{UNIT})\s+(?:earlier|before)"
                           r"|(?:in\s+)?the\s+(?:previous|preceding)\s+year|(?:in\s+)?the\s+year\s+before)\b", re.I)


def year_earlier(figure: Figure, span: TimeSpan, text: str) -> TimeSpan | None:
    """ "£778 million in 2022-23, up from £520 million a year earlier": the borrowed period, one year back;
    "£1.7bn in 2021-22, up from £1.4bn five years earlier": five years back. A time after such a figure is
    another's ("up from 83,000 a year earlier and 80,000 in 2019"), so the figure has none."""
    if not (earlier := _YEAR_EARLIER.match(text, figure.end)):
        return span
    if span.start_pos >= figure.start:
        return None
    if span.start is None or span.end is None:
        return span
    count = 1 if earlier["count"] is None or earlier["count"].lower() in ("a", "an") else count_of(earlier["count"])
    unit = earlier["unit"] or "year"
    start, after = units_back(span.start, count, unit), units_back(span.end + timedelta(days=1), count, unit)
    if start is None or after is None:
        return span
    said = earlier.group().strip(" ,")
    return replace(span, start=start, end=after - timedelta(days=1), text=f"{said} than {span.text}")


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
    length = _OWN_LENGTH.match(text, figure.end)
    own_length = length is not None
    further = _FURTHER.search(text, max(0, figure.start - 40), figure.start) is not None
    # a base borrows no period, unless "a year earlier" says how to shift the level's (`year_earlier`)
    # (nor "compared with 13% of all young people": the same time's figure for another group)
    base_from = max(0, figure.start - 50)
    # "..., on top of the £1.7bn we announced last autumn": another amount, with a time of its own if any
    on_top = _ON_TOP_OF.search(text, base_from, figure.start) is not None
    base = on_top or ((BASE_ENDINGS.end(text[base_from:figure.start])
                       and _BASE_BEFORE.search(text, base_from, figure.start) is not None
                       or MULTIPLE_OF_THE.search(text, base_from, figure.start) is not None)  # "double the 780"
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
            if span.end_pos <= figure.start and span.text.endswith(("'s", "’s")) \
                    and not text[span.end_pos:figure.start].strip(" £$€"):
                return index  # "down on 2022's 20.1%": the year of the figure right after it
            continue
        if span.role == "event" and (span.start == span.end or _ON_OR_BY.match(span.text)) \
                and not _stock_date(figure, span, text):
            continue
        if in_aside(text, span.start_pos, span.end_pos, figure):
            continue  # "The report, published in May 2022, made 80 recommendations"
        if _ANNOUNCED_AT.search(text, max(0, span.start_pos - 20), span.start_pos) or (
                span.end_pos <= figure.start
                and _PUBLISHED_IN.search(text, max(0, span.start_pos - 100), span.start_pos)) or (
                figure.end <= span.start_pos and _ANNOUNCED_IN_NAMED.search(text, figure.end, span.start_pos)):
            # "the £200 million investment announced in February 2023", "published Stable Homes, Built on Love in
            # February 2023, which set out a £9 million investment", "the £160 million announced in Stable Homes,
            # Built on Love in February 2023": when it was said, not when it is spent
            continue
        if span.role == "event" and any(
                other.role == "period" and low <= other.start_pos < high
                and _FOR_BEFORE.search(text, max(0, other.start_pos - 10), other.start_pos) for other in spans):
            continue  # "announced £740 million of capital funding in December 2024 for 2025-26": what it is for
        if _SINCE_OR_STRETCH.match(span.text) \
                and _RECORD_BEFORE.search(text, max(0, span.start_pos - 40), span.start_pos) \
                and not (span.end_pos <= figure.start and WHEN_CLAUSE.fullmatch(text, span.end_pos, figure.start)):
            # "Turnover was 17.1%, the highest rate since 2017": the last time it was as high, not when (but "the
            # highest since 2018, when there were 404,710": that figure's time, `shared_periods.at_the_time_since`)
            continue
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
        if same_clause and not CLAUSE_COMMA.search(between):  # a thousands comma ("on 2,600 places") is no break
            rank = 0
        elif after and length is not None and _SAYS_WHICH.fullmatch(text, length.end(), span.start_pos):
            rank = 0  # "£53 million over three years, from 2024-25 to 2026-27": which three years
        elif introductory and (opens_sentence or not (own_length or further or now)) \
                and not (";" in between and _NOW_OR_TODAY.search(text, max(0, figure.start - 30), figure.start)):
            rank = 1  # (not across "; today there are 83,840": a clause said to hold now)
        elif same_clause and not any(f is not figure and between_figure(f, figure, span)
                                     # (but "rose by 4.2% quarter on quarter, reaching 7,900 in the three months to
                                     # December 2023": the change and the level it reached share their time)
                                     and not (figure.change and after
                                              and _REACHING.fullmatch(text, figure.end, f.start))
                                     for f in figures) \
                and not own_length and not (further and not after) and not now \
                and not (after and _SO_FAR.search(between)):  # "12 areas have signed up so far, with ... next year"
            rank = 2  # across commas, and no other figure stands nearer to it (nor has the figure its own length)
        else:
            continue
        # "£45m for 2021-22 and £40m was spent in 2014-15": a time expression right after another figure
        # is that figure's, so a later one in the clause is this figure's
        # (before the figure, only a time in the earlier figure's own stretch of the clause: not "£126 million for the
        # programme in 2025-26, bringing the total investment since 2022 to over £500 million", past a comma)
        owned = rank == 0 and any(
            f is not figure and (between_figure(f, figure, span) if after else low <= f.start < span.start_pos
                                 and not CLAUSE_COMMA.search(text, f.end, span.start_pos))
            # (not the same figure said again in brackets right after it: "£1.7 billion (19%) since 2010-11")
            and not BRACKET_OPENS.fullmatch(text, figure.end, f.start)
            for f in figures)
        if owned and after and any(other.role == "compare" and figure.end <= other.start_pos < span.start_pos
                                   and not any(figure.end <= f.start < other.start_pos for f in figures)
                                   for other in spans):
            continue  # "an increase of 9.0% compared with 2024-25 and follows an increase of 60% between 2019-20 and
            # 2024-25": a figure with a base of its own is said; the later time is the later figure's alone
        # (an owned time ranks after any other: "in the year ending 31 March 2025, 5% fewer than in 2024 and a third
        # lower than the peak of 5,360 in 2015": 2015 is the peak's)
        key = (3 if owned else rank, distance, 0 if after else 1)
        if best_key is None or key < best_key:
            best_key, best = key, index
    return _spelled_out(best, spans, text, figures)


def _spelled_out(best: int | None, spans: list[TimeSpan], text: str, figures: list[Figure]) -> int | None:
    """ "£3.2 billion over the next three years (2023-24 to 2025-26)": the years in brackets say exactly which
    years the time just before them means, so they are the figure's period; so do the years after a comma
    ("over the next three years, 2024-25 to 2026-27")."""
    if best is None or best + 1 >= len(spans):
        return best
    nxt = spans[best + 1]
    opened = BRACKET_OPENS.match(text, spans[best].end_pos)
    if opened is None and _NEXT_YEARS.match(spans[best].text):
        opened = _SAYS_WHICH.match(text, spans[best].end_pos)  # "over the next three years, 2024-25 to 2026-27"
    if opened is None or nxt.start_pos != opened.end() or nxt.start is None or nxt.end is None \
            or not (BRACKET_CLOSES if "(" in opened[0] else _ENDS_CLAUSE).match(text, nxt.end_pos) \
            or nxt.role == "compare" \
            or any(opened.end() <= f.start < nxt.end_pos for f in figures):
        return best
    return best + 1


_REACHING = re.compile(rf"[^.;,]{{0,30}},?\s*(?:reaching|to\s+reach|rising\s+to|falling\s+to)\s+(?:(?:{HEDGE})\s+)?£?",
                       re.I)
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_NEXT_YEARS = re.compile(r"(?:over|across|during)\s+the\s+next\s+\w+\s+(?:financial\s+)?years\b", re.I)
_ENDS_CLAUSE = re.compile(r"\s*(?:[,;.)]|$)")


# precompiled: a pattern string passed to re.match costs a cache lookup on every call
_ON_OR_BY = re.compile(r"(?i)on\b|by\b")
_ON_OR_AT = re.compile(r"(?i)(?:on|at|as\s+(?:at|of))\b")
_COMMA_OR_COLON = re.compile(r"\s*[,:]")
_PARTICIPLE_AFTER = re.compile(r"\s*[a-z]+ed\s+(?:(?:in|at|on|during|for|over)\s+)?", re.I)  # "... provided in"
_ON_TOP_OF = re.compile(r"\bon\s+top\s+of\s+(?:the\s+|an?\s+)?(?:(?:extra|additional|further|existing)\s+)?$", re.I)
_NOW_WORDS = r"now|currently|at\s+present|presently"
_NOW = re.compile(rf"\b(?:{_NOW_WORDS})\b(?![^,;]{{0,40}}\b(?:than|compared))", re.I)
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date)\b", re.I)
_NOW_OR_TODAY = re.compile(rf"\b(?:{_NOW_WORDS}|today)\b", re.I)
_COMMA_THEN_CLAUSE = re.compile(r"\s*,\s*(?:but|while|whilst|whereas|although|though|yet)\b", re.I)
_THERE_WERE = re.compile(r"\s*(?:,|there\s+(?:were|was|are|is)\b)")
# what a comparison base follows: "up from 4.6 million", "compared with around £8 billion"
_BASE_BEFORE = re.compile(rf"\b(?:{BASE_FROM})\s+(?:(?:{HEDGE})\s+)?$", re.I)
# "£2.4 billion in 2018 to 2019", "compared with 15,230 (19%) in 2022": the share in brackets is the same figure's
# "the 780 we received five years ago", "double the £2.5m spent in 2019": what the base was, then when
_RIGHT_AFTER = re.compile(r"\s*(?:\(\s*\d+(?:\.\d+)?%\s*\)\s*)?(?:(?:we|they|it)\s+)?(?:(?-i:[a-z]+ed)|spent|paid"
                          r"|seen|made|given)?\s*(?:(?:in|at|on|during|for|over)\s+)?", re.I)
# "£500m since 2021-22, with a further £200m announced ...": more money, not the same time's
_FURTHER = re.compile(r",\s*(?:with|plus|and)\s+(?:a\s+further|an?\s+(?:additional|extra)|another)\s+$", re.I)
# "£30 million for 2014-15, later increased to £100 million over 2 years": a figure with its own length of
# time does not borrow a year across a comma ("part of a £36 million package over two years"); "£68 million through
# the X Grant over the next three financial years, 2024-25 to 2026-27": those years are the length's, so the figure's
_OWN_LENGTH = re.compile(r"(?:\s+(?:through|via|to|for|from|under|in)\s+(?:the\s+)?[^,;.£$€\d]{1,60}?|\s+[a-z]+)?"
                         r"\s+(?:over|for|across)\s+(?:the\s+)?(?:next\s+)?(?:\d+|two|three|four|five|six|seven|eight"
                         r"|nine|ten)\s+(?:(?:financial|academic)\s+)?(?:years?|months?)\b", re.I)
CLAUSE_COMMA = re.compile(r",(?!\d{3}\b)")  # a comma that breaks a clause, not a thousands one
_SAYS_WHICH = re.compile(r"\s*,\s*(?:(?:in|from|between|covering|during)\s+)?")  # a length of time, then which
# "the highest rate since 2017", "the lowest rate in the last 10 years": how long since it was last so
_SINCE_OR_STRETCH = re.compile(r"since\b|(?:in|over|for)\s+(?:the\s+|a\s+)?(?:last|past|previous|decade)\b", re.I)
# "since 2018/19, when 13,476 offences were recorded": between a "since" and the figure of its time
WHEN_CLAUSE = re.compile(rf"\s*,\s*when\s+(?:[^,;.\d£$€]{{0,40}}\s)?(?:(?:{HEDGE})\s+)?", re.I)
# "the highest rate since 2017", "the first fall since 2008": when it was last so, not the figure's period
_RECORD_BEFORE = re.compile(r"\b(?:highest|lowest|largest|smallest|biggest|greatest|fewest|most|least|first\s+time"
                            r"|first\s+(?:fall|rise|increase|decrease|drop|decline|reduction))\b"
                            r"[^,.;]{0,30}$", re.I)
_ANNOUNCED_AT = re.compile(rf"\b(?:{ANNOUNCING})\s+(?:in\s+|on\s+)?$", re.I)
_PUBLISHED_IN = re.compile(rf"\b(?:{ANNOUNCING}|launched|released)\s+(?:[^\d.;£$€]{{0,80}}?\s)?(?:in|on)\s+$", re.I)
# what a later time dates when a named plan or occasion stands between: "announced in Stable Homes, Built on Love in"
# (not "announced in the Budget to be spent in 2024-25": the spending's)
_ANNOUNCED_IN_NAMED = re.compile(rf"\b(?:{ANNOUNCING}|launched)\s+(?:in|at)\s+(?:the\s+)?(?-i:[A-Z][\w’'-]*)"
                                 r"(?:,?\s+(?:(?-i:[A-Z][\w’'-]*)|on|of|and|for|the))*\s+(?:in|on)\s+$", re.I)
_EVENT_VERB = re.compile(r"\b(?:announced?|announcing|published|publishes|said|says|confirmed|launched|unveiled|"
                         r"set\s+out|released|revealed|stated|told|wrote|agreed|made)\b", re.I)


_SHOWS_THAT = re.compile(r"\b(?:show|shows|showed|shown|find|finds|found|reveal|reveals|revealed|suggest|suggests"
                         r"|suggested|confirm|confirms|confirmed)\s+that\s", re.I)


def _stock_date(figure: Figure, span: TimeSpan, text: str) -> bool:
    """ "83,840 children looked after on 31 March 2023", "On 31 March 2023, 83,840 children were looked
    after": the day a count or share stands at. Not the day something was announced ("£7m announced on 14
    February"): money and sentences telling an event keep the day as a date claim of its own."""
    if figure.kind not in ("count", "percent", "rate") or not _ON_OR_AT.match(span.text) or span.start is None:
        return False
    # "Ofsted figures published today show that 4,345 places were available on 31 March 2017": the publishing is
    # the report's, before what it shows; the day is the places'
    shown = max((m.end() for m in _SHOWS_THAT.finditer(text, 0, min(figure.start, span.start_pos))), default=0)
    if _EVENT_VERB.search(text, shown):
        return False
    if span.start_pos >= figure.end:
        return not CLAUSE_COMMA.search(text, figure.end, span.start_pos)
    if _STANDS_AT.fullmatch(text, span.end_pos, figure.start):
        return True  # "The number of children looked after on 31 March 2023 was 83,840"
    if _LABEL_COLON.fullmatch(text, span.end_pos, figure.start):
        return True  # a headline's label: "Children in need on 31 March 2024: 399,460"
    if _YEAR_EARLIER.match(text, figure.end):
        return True  # "83,630 children in care on 31 March 2024, down from 83,840 a year earlier": that day, shifted
    return not text[:span.start_pos].strip() and _THERE_WERE.match(text, span.end_pos) is not None


_LABEL_COLON = re.compile(r"\s*:\s*")
# between a stock's day and its figure: the verb that gives the level, and perhaps a hedge ("was around")
_STANDS_AT = re.compile(r"\s*,?\s*(?:was|were|is|are|stood\s+at|totalled|totaled|reached)\b[a-z\s-]{0,20}", re.I)
