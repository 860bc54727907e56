"""What a sentence or a list takes from the text before it: the time of the sentence it goes on about ("This is
a rate of ..."), the last level an "Of these" is about, what a later "over the same period" means, the time of the
paragraph that introduces a list, and the programme a headline's amount is given in the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from claimcheck.claims import Claim
from claimcheck.documents import Document
from claimcheck.extract.figures import BRACKET_OPENS
from claimcheck.extract.hedges import HEDGE
from claimcheck.extract.periods import Context, TimeSpan, find_spans, looks_forward
from claimcheck.extract.quantities import Figure
from claimcheck.extract.shared_periods import stretch_points
from claimcheck.extract.subject_clues import base_before
from claimcheck.extract.subjects import HEADS

# a sentence that goes on about the one before: "... was 83,630. This is a rate of 70 per 10,000 children"
# (or "The figure, obtained through Freedom of Information requests, is a 9% rise": an aside before the verb)
_SAYS_AGAIN = (r"\s*(?:(?:This|That)[’']s\b|"  # "That's up from 46,570 in 2018"
               r"(?:(?:This|That)(?:\s+(?:figure|number|total|amount|rate|sum|level))?"
               r"|The\s+(?:figure|total|amount|sum)(?=\s*,|\s+(?:is|was|represents|represented)\b))"
               r"(?:\s*,[^,;]{1,120},)?\s+(?:is|was|represents|represented|equates\s+to|equated\s+to|amounts\s+to"
               r"|amounted\s+to)\b)")
# a sentence that opens with a share and its verb, of no whole it names: "Four in five (80%) were judged good"
SHARE_OPENS = re.compile(rf"(?i:\s*(?:(?:{HEDGE})\s+)?(?:[\w-]+\s+(?:in|out\s+of)\s+[\w-]+"
                         r"|(?:(?:a|one|two|three|four)[\s-]+)?(?:half|thirds?|quarters?|fifths?|tenths?))"
                         r"(?:\s*\([^()]*\))?\s+(?:were|was|are|is|had|have|said|say|reported)\b)")
_THIS_IS = re.compile(rf"{_SAYS_AGAIN}|{SHARE_OPENS.pattern}|\s*Of\s+(?:these|those|them|whom|which)\b"
                      # a part of the sentence before's total: "... in 2024-25. That includes £1.3 billion for ..."
                      r"|\s*(?:This|That|It)(?:\s+(?:figure|total|amount|sum|funding|money|investment|package))?"
                      r"\s+(?:includes|included|comprises|comprised|will\s+include)\b")
THE_FIGURE = re.compile(r"\s*(?:The|This|That)\s+(?:figure|total|amount|sum)\b")  # a news article's new paragraph
THIS_IS_A = re.compile(_SAYS_AGAIN)  # the same thing, said another way (not "Of these": a part of it)
# "The programme will now reach 63 more local authorities. It is expected to help recruit 3,000 foster families":
# "It" is what the sentence before was about; but not a placeholder ("It is estimated that", "It is right to"), nor
# a report telling ("It has found that")
IT_OPENS = re.compile(r"\s*It\s+(?:is|was|will|has|had|would|could|can|may|also|now|already|currently|then"
                      r"|costs?|provides?|provided|supports?|supported|funds|funded|covers|covered|reaches|reached"
                      r"|helps|helped|pays|paid|receives|received|employs|employed)\b"
                      r"(?!(?:\s+(?:not|also|now|already|be|been))*\s+(?:[a-z]+ed|[a-z]+ly|clear|right|wrong|important"
                      r"|vital|essential|likely|unlikely|possible|true|worth|fair|difficult|hard|easy|necessary|time)"
                      r"\s+(?:that|whether|how|why|what|if)\b)"
                      r"(?!(?:\s+(?:not|also|now|already|be|been))*\s+(?!(?:[a-z]+ed)\b)[a-z]+\s+to\b)"
                      r"(?!(?:\s+(?:also|now|already|been))*\s+(?:found|said|estimated|reported|shown|showed|concluded"
                      r"|noted|stated|argued|warned|suggested|recommended)\b)")


def last_level(figures: list[Figure], text: str) -> int | None:
    """The last figure of a sentence that is not the base of a comparison, nor that base's share in brackets
    ("15,770 children (19%) ..., compared with 15,230 (19%) in 2022"): what a next sentence's "Of these" is about."""
    for index in range(len(figures) - 1, -1, -1):
        figure = figures[index]
        if base_before(text, figure.start):
            continue
        if index and BRACKET_OPENS.fullmatch(text, figures[index - 1].end, figure.start) \
                and base_before(text, figures[index - 1].start):
            continue
        return index
    return None


def as_told_before(figures: list[Figure], periods: list[TimeSpan | None], text: str,
                   before: TimeSpan) -> list[TimeSpan | None]:
    """ "In 2024, the number of children looked after was 83,630. This is a rate of 70 per 10,000 children": a
    sentence that opens by pointing back at the one before ("This is", "That was", "This represents", "Of these")
    speaks of the same time, so its figures without a period of their own, bases of a comparison apart, take the last
    figure's period of the sentence before (in the same paragraph)."""
    if not _THIS_IS.match(text):
        return periods
    return [before if span is None and not base_before(text, figure.start) else span
            for figure, span in zip(figures, periods, strict=True)]


def lead_in_period(doc: Document, text: str, found: list[Claim]) -> tuple | None:
    """The time a paragraph introducing a list speaks of: its last figure's ("The £200 million investment over
    the next two years includes:"), else its own time expression ("Our ambitions by 2027:")."""
    dated = [c for c in found if c.kind != "date" and c.period_start and c.period_end]
    if dated:
        return dated[-1].period_start, dated[-1].period_end, dated[-1].period_text
    if found:
        return None  # its figures have no time: nor have the bullets
    spans = [s for s in find_spans(text, Context(doc.date, looks_forward(text))) if s.role == "period"
             and s.start and s.end]
    return (spans[-1].start.isoformat(), spans[-1].end.isoformat(), spans[-1].text) if len(spans) == 1 else None


def in_period(claim: Claim, period: tuple) -> Claim:
    """A bullet's figure without a time of its own, in the time of the paragraph that introduces the list."""
    if claim.kind == "date" or claim.period_start or claim.period_end:
        return claim
    return replace(claim, period_start=period[0], period_end=period[1], period_text=period[2])


def headline_named(claims: list[Claim], title_line: int) -> list[Claim]:
    """ "Department for Education offers £20m boost for children's social services": a headline's amount is
    the one the body names ("the £20m funding" for Partners in Practice), when the body gives the same amount
    to a named programme; the headline's own words only describe it."""
    named: dict[tuple, Claim] = {}
    for claim in claims:
        if claim.line != title_line and claim.kind in ("money", "rate") and claim.subject and _names(claim.subject):
            named.setdefault((claim.value, claim.unit), claim)
    for index, claim in enumerate(claims):
        if claim.line != title_line or (claim.subject and _names(claim.subject)):
            continue  # "£2bn boost for the Local Transport Fund": a headline that names its programme keeps it
        body = named.get((claim.value, claim.unit))
        if body is not None and body.subject != claim.subject:
            claims[index] = replace(claim, subject=body.subject, subject_key=body.subject_key)
    return claims


def amounts_said_again(claims: list[Claim], title_line: int | None) -> list[Claim]:
    """ "This £36 million will help councils find the foster carers they need": an amount the document gave before,
    pointed back at, is the same money, about what it was about then and for the same time: where the body named
    its programme ("the £45 million pathfinder"), that name; else the first words about it, a headline's too."""
    named: dict[tuple, Claim] = {}
    first: dict[tuple, Claim] = {}
    for index, claim in enumerate(claims):
        if claim.kind not in ("money", "rate"):
            continue
        key = (claim.value, claim.unit)
        if claim.subject is None and (before := named.get(key) or first.get(key)) is not None:
            at = claim.sentence.find(claim.text)
            if at > 0 and _POINTED_AT.search(claim.sentence, max(0, at - 6), at):
                # its time too, when it states none of its own
                period = {} if claim.period_start or not before.period_start else {
                    "period_start": before.period_start, "period_end": before.period_end,
                    "period_text": before.period_text, "period_note": None}
                claims[index] = replace(claim, subject=before.subject, subject_key=before.subject_key, **period)
                continue
        if claim.subject:
            first.setdefault(key, claim)
            if claim.line != title_line and (_names(claim.subject) or claim.subject.lower() in HEADS):
                named.setdefault(key, claim)
    return claims


_POINTED_AT = re.compile(r"\b(?:this|that|the)\s+$", re.I)


# a programme's name: capitalised words ("Partners in Practice"), with its head noun after it or not
_NAMED = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:in|of|for|and|the|to)\s+)?[A-Z][\w’'-]*)*")
_HEAD_AFTER = re.compile(r"\s+(?:" + "|".join(HEADS) + r")$", re.I)


def _names(subject: str) -> bool:
    """A programme's name ("Partners in Practice programme", "Troubled Families"), not one place ("England")."""
    head = _HEAD_AFTER.search(subject)
    name = subject[:head.start()] if head else subject
    return _NAMED.fullmatch(name) is not None and (head is not None or len(name.split()) >= 2)


def latest_stretch(figures: list[Figure], periods: list[TimeSpan | None], stretched: list[TimeSpan | None],
                   level: int | None, text: str, ctx: Context) -> tuple[tuple[date, date] | None, tuple | None]:
    """What a later "over the same period" means, and the two times it runs between: the last figure's stretch
    of time; or, when the sentence ends on the base of a comparison ("£48.3m ... in 2022-23, up from £29.6m in
    2019-20"), from the base's time to the level's (`level`: `last_level`)."""
    plain = _plain_period(figures[-1], stretched[-1], text)
    if plain is not None:
        return plain, stretch_points(stretched[-1], ctx)
    if level is not None and level < len(figures) - 1:
        return _compared_stretch(periods[level], periods[-1], text, figures[-1])
    return None, None


def _compared_stretch(level: TimeSpan | None, base: TimeSpan | None, text: str, last: Figure
                      ) -> tuple[tuple[date, date] | None, tuple[str, str] | None]:
    """What "over the same period" means after a level and the base it is compared with: from the base's time to
    the level's, when the sentence ends on that base and it is earlier."""
    if level is None or base is None or not (level.start and level.end and base.start and base.end) \
            or not base_before(text, last.start) or base.start >= level.start:
        return None, None
    return (base.start, level.end), (_as_point(base), _as_point(level))


def _as_point(span: TimeSpan) -> str:
    """A time as a later sentence's "over the same period" reads it back (`period_grammar.point_span`): a day or
    a month written out with its year ("in March" after "31 October 2017" is "March 2017"), else as written."""
    if span.start == span.end:
        return f"{span.start.day} {span.start:%B %Y}"
    if span.start.day == 1 and span.end.month == span.start.month and span.end.year == span.start.year \
            and (span.end + timedelta(days=1)).day == 1:
        return f"{span.start:%B %Y}"
    lead, _, rest = span.text.partition(" ")
    return rest if rest and lead.lower() in ("in", "at", "on") else span.text


def _plain_period(figure: Figure, span: TimeSpan | None, text: str) -> tuple[date, date] | None:
    """A figure's period, when it is a stretch of time and the figure is not the base of a comparison ("an
    increase from 29% in March": the same period then runs from March to the level's time, `_compared_stretch`).
    A stretch between two days ("between 31 March 2018 and 31 March 2023") is one too."""
    if span is None or span.role not in ("period", "event") or not (span.start and span.end and span.start < span.end):
        return None
    return None if base_before(text, figure.start) else (span.start, span.end)
