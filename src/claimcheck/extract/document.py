"""A document's claims, sentence by sentence: mask what is not a claim, find time expressions, scan figures,
give each figure its period (the nearest time expression) and its subject, and keep dated events that are not
some figure's period as date claims.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from claimcheck.claims import Claim
from claimcheck.documents import Document, file_lines, strip_furniture
from claimcheck.extract.attach import period_of, year_earlier
from claimcheck.extract.carried import (
    IT_OPENS,
    SHARE_OPENS,
    THE_FIGURE,
    THIS_IS_A,
    amounts_said_again,
    as_told_before,
    headline_named,
    in_period,
    last_level,
    latest_stretch,
    lead_in_period,
)
from claimcheck.extract.counted_told import OF_THESE_BEFORE, counted_in_sentence, statistic_of_a_place
from claimcheck.extract.date_subject import date_subject
from claimcheck.extract.dated_spans import days_not_taken, deadlines, still_ahead, told_as_past
from claimcheck.extract.figures import scan
from claimcheck.extract.hedges import BASE_FROM, HEDGE, is_total
from claimcheck.extract.listed import list_total, listed_parts, total_bullet
from claimcheck.extract.memory import Memory
from claimcheck.extract.nonclaims import citations, footnote_marks, leading_number, mask, nonclaim_spans
from claimcheck.extract.periods import Context, TimeSpan, find_spans, looks_forward
from claimcheck.extract.quantities import Figure, per_time_named
from claimcheck.extract.set_apart import label_of
from claimcheck.extract.shared_periods import (
    at_the_time_since,
    base_in_brackets,
    change_beside_level,
    change_in_other_terms,
    change_over_a_movement,
    ends_of_a_stretch,
    part_of_whole,
    period_after_an_aside,
    respectively,
)
from claimcheck.extract.subject_of import subject_of
from claimcheck.extract.subject_tidy import tidy_subject
from claimcheck.extract.subjects import entities
from claimcheck.extract.tables import caption_header, table_claims
from claimcheck.extract.text import Sentence, blocks, is_bullet, sentences
from claimcheck.extract.voices import not_voices
from claimcheck.extract.wholes import respectively_named
from claimcheck.guards import any_in
from claimcheck.subjects import normalise_subject


def extract_document(doc: Document) -> list[Claim]:
    """Every quantitative claim in `doc`, in reading order."""
    memory = Memory()
    claims: list[Claim] = []
    title_line = next((i + 1 for i, line in enumerate(doc.lines) if doc.title and line.strip() == doc.title), None)
    table_header: list | None = None
    lead_in: int | None = None  # the paragraph a list of bullets under "... the following funding:" belongs to
    lead_period: tuple | None = None  # the time that paragraph speaks of, which its bullets share
    lead_total: Claim | None = None  # the whole that paragraph's list splits ("£120 million ... This comprises:")
    list_start = 0  # where the claims of that paragraph's bullets start in `claims`
    for number, block in enumerate(blocks(doc.lines, frozenset([title_line]) if title_line else frozenset())):
        listed = lead_in is not None and is_bullet(block.text)
        memory.block = lead_in if listed else number
        if not listed:
            lead_in = number if block.text.rstrip().endswith(":") else None
            lead_period = lead_total = None
        if block.is_table_row:
            found, table_header = table_claims(doc, block, table_header)
            claims.extend(found)
            continue
        # a caption right above a table ("Table 1: Spending (£ million)") gives it its unit
        table_header = caption_header(block.text)
        found_in_block: list[Claim] = []
        for sentence in sentences(block):
            found = _sentence_claims(doc, sentence, memory, title_line)
            if table_header and table_header.stock_day:  # "... on 31 March, 2020 to 2024": the table's day, no event
                found = [claim for claim in found if claim.kind != "date"]
            found_in_block.extend(found)
        if listed and lead_period is not None:
            found_in_block = [in_period(claim, lead_period) for claim in found_in_block]
        if listed and lead_total is not None:
            found_in_block = listed_parts(lead_total, block.text, found_in_block)
        elif listed and (totalled := total_bullet(block.text, found_in_block, claims[list_start:])):
            found_in_block, claims[list_start:] = totalled  # "- Total: £7 million" closing the list
        elif lead_in == number:
            lead_period = lead_in_period(doc, block.text, found_in_block)
            found_in_block, lead_total = list_total(block.text, found_in_block)
            list_start = len(claims) + len(found_in_block)
        claims.extend(found_in_block)
    claims = amounts_said_again(claims, title_line)
    return headline_named(claims, title_line) if title_line else claims


def extract_text(text: str, doc_date: date | None = None, doc_id: str = "text") -> list[Claim]:
    """Claims in a piece of body text (no metadata header), as if from a document dated `doc_date`."""
    doc = Document(id=doc_id, path="", date=doc_date, lines=[strip_furniture(line) for line in file_lines(text)])
    return extract_document(doc)


# What a sentence needs to hold a claim: a digit, a number word or a season. Tested as a digit search, then
# the sentence's words against a set: one case-insensitive alternation tried at every position cost 30 µs a
# sentence, a tenth of extraction for the three sentences in four that have no figure.
_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"\w+")
_TIME_WORDS = frozenset({"year", "month", "next"})
_TIMETABLE = re.compile(r"\b(?:later|earlier|early|late|next|last|this)\s+(?:(?:this|next|last)\s+year|month)\b"
                        r"|\bnext\s+(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)", re.I)
_CLAIM_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen dozens hundreds thousands "
    "millions spring summer autumn winter half third thirds quarter quarters fifth fifths tenth tenths "
    "hundred thousand million billion".split()
)


# every claim or time word holds one of these: a sentence with none (most sentences without a digit) has no
# word of either set, and needs no splitting into words
_CLAIM_NEEDLES = tuple(sorted(w for w in _CLAIM_WORDS | _TIME_WORDS
                              if not any(o != w and o in w for o in _CLAIM_WORDS | _TIME_WORDS)))


def _may_claim(text: str) -> bool:
    if _DIGIT.search(text) is not None:
        return True
    lower = text.lower()
    if not any_in(_CLAIM_NEEDLES, lower):
        return False
    words = _WORD_RUN.findall(lower)
    # "We will publish the strategy later this year": a timetable with no number in it
    return not _CLAIM_WORDS.isdisjoint(words) or (not _TIME_WORDS.isdisjoint(words) and _TIMETABLE.search(text))


def _sentence_claims(doc: Document, sent: Sentence, memory: Memory, title_line: int | None) -> list[Claim]:
    text = sent.text
    told_before, memory.told_before = memory.told_before, None  # only the sentence just before counts
    told_about, memory.told_about = memory.told_about, None
    if not _may_claim(text):  # no digit, number word or season: no claim, only names to remember
        memory.add_sentence(text)
        return []
    masked = mask(text, nonclaim_spans(text))
    future = looks_forward(text)
    told = told_before[1] if told_before is not None and told_before[0] == memory.block else None
    then = memory.latest_time[1] if memory.latest_time and memory.latest_time[0] >= memory.block - 1 else None
    ctx = Context(doc.date, future, memory.latest_period, memory.latest_points,
                  (told.start, told.end) if told is not None and told.start and told.end else None, then)
    spans = find_spans(masked, ctx)
    if told_times := [s.start for s in spans if s.role != "compare" and s.start]:
        memory.latest_time = (memory.block, told_times[-1])
    times = [(s.start_pos, s.end_pos) for s in spans]
    figures = scan(text, mask(masked, times))
    if not figures and any(s.role != "event" for s in spans) and not text.rstrip().endswith(":"):
        # "We will publish the strategy by spring 2025" (but "Our ambitions by 2027:" gives its list its time)
        spans = deadlines(spans, masked, ctx)
    if not figures and not any(s.role == "event" for s in spans):
        memory.add_sentence(text)  # nothing to claim here; its names are found only if a later figure asks
        return []
    # what the figures are about is read without the time expressions, nor a report's paragraph number ("2 Between
    # 2010-11 and 2017-18, spending on ... rose by 10.8%")
    timeless = mask(text, [*times, *filter(None, [leading_number(text)]), *citations(text), *footnote_marks(text)],
                    " ")
    counted_in_sentence(figures, text, timeless, memory)  # what each bare count counts
    ents = entities(timeless)
    claims: list[Claim] = []
    attached: set[int] = set()
    earlier: list[tuple[Figure, str]] = []  # the figures before, with the subjects they were given
    periods: list[TimeSpan | None] = []
    for figure in figures:
        period_index = period_of(figure, spans, text, figures)
        span = spans[period_index] if period_index is not None else None
        if period_index is not None:
            attached.add(period_index)
            span = year_earlier(figure, span, text)
        periods.append(span)
    periods = part_of_whole(figures, change_beside_level(figures, periods, text), text)
    periods = base_in_brackets(figures, period_after_an_aside(figures, periods, text), spans, text)
    # what a later "over the same period" means: the last figure's period, unless it is unclear; the whole
    # stretch, though a level moved to stands at its end ("rose by 46% between 2018-19 and 2022-23, to £3.1bn")
    stretched = _one_period_per_range(
        figures, change_in_other_terms(figures, change_over_a_movement(figures, periods, text), text), text)
    periods = at_the_time_since(figures, ends_of_a_stretch(figures, stretched, timeless, ctx, masked), text, ctx)
    # the sentence just before, in this paragraph; or the last paragraph's, for "The figure ..." naming it
    told_blocks = (memory.block, memory.block - 1) if THE_FIGURE.match(text) else (memory.block,)
    if told_before is not None and told_before[0] in told_blocks and not future:  # "This is expected to rise to"
        periods = as_told_before(figures, periods, text, told_before[1])
        stretched = as_told_before(figures, stretched, text, told_before[1])
    if figures:
        level = last_level(figures, text)
        memory.latest_period, memory.latest_points = latest_stretch(figures, periods, stretched, level, text, ctx)
        if level is not None and periods[level] is not None and periods[level].start:
            memory.told_before = (memory.block, periods[level])
    if "respectively" in text:
        periods = respectively(figures, periods, spans)
    previous: Figure | None = None
    for figure, span in zip(figures, periods, strict=True):
        subject = subject_of(figure, timeless, ents, memory, figures, earlier) or label_of(timeless, figure)
        if subject and figure.kind == "count" and figure.counted_end:
            # "£2.6bn to build 40 new special free schools": the count is not about itself ("kinship allowance in
            # 8 local authorities": about what comes before it)
            subject = _without_figure(subject, text[figure.start:figure.counted_end])
        if subject is None and figure.kind == "percent" and (
                OF_THESE_BEFORE.search(text, 0, figure.start)
                or ((opening := SHARE_OPENS.match(text)) and figure.start < opening.end())):
            # "2,000 children ... Of these, around two-thirds were boys"; "We carried out 3,780 inspections ... Four
            # in five (80%) were judged good": a share of what the paragraph counted last
            subject = memory.counted_in_paragraph()
        if subject is None and told_about is not None and told_about[0] >= memory.block - 1 \
                and (THIS_IS_A.match(text) or IT_OPENS.match(text)):
            # "the number of CLA ... rose to 82,170. This is a rate of 70 CLA per 10,000"; in a news article, whose
            # paragraphs are its sentences, "That's up 2% on the previous year" in the next paragraph
            subject = told_about[1]
        if subject is None and figure.kind == "count":
            subject = statistic_of_a_place(figure, timeless)  # "83,480 children looked after in England"
        if subject:
            earlier.append((figure, subject))
        # "72 local authorities" runs to its noun; a range's low end stays "15" in "15 to 20 children"
        end = figure.end
        if figure.kind == "count" and figure.counted_end \
                and not _DIGIT.search(text[figure.end:figure.counted_start]):
            end = max(end, figure.counted_end)
        kind, unit = figure.kind, figure.unit
        if kind == "money" and (per := per_time_named(subject)):
            kind, unit = "rate", f"{unit} / {per}"
        elif kind == "money" and previous is not None and claims and claims[-1].kind == "rate" \
                and claims[-1].unit.startswith(f"{unit} /") \
                and _RATE_BASE.fullmatch(timeless, previous.end, figure.start):
            # "The average weekly cost ... was £5,410 in 2022-23, compared with £4,190 in a local authority home"
            kind, unit = "rate", claims[-1].unit
        claims.append(_claim(doc, sent, figure.start, end, kind, figure.value, unit,
                             figure.bound, figure.low, figure.high, figure.step, figure.change, subject,
                             figure.counted, span, future))
        if previous is not None and _range_ends(previous, figure, text):
            # "Between 10% and 15% of care leavers", "from 15 to 20 children": one range, about one thing (named
            # before it when both ends have a name: "£1.2bn-£1.5bn depending on final settlement figures")
            low, high = claims[-2], claims[-1]
            subject, key = (low.subject, low.subject_key) if low.subject else (high.subject, high.subject_key)
            claims[-2] = replace(low, subject=subject, subject_key=key, counted=low.counted or high.counted)
            claims[-1] = replace(high, subject=subject, subject_key=key)
        previous = figure
    if figures and len(attached) < len(spans):
        spans = days_not_taken(spans, masked, ctx, attached)  # "..., following the ban from 9 September 2021"
    if "respectively" in text:
        claims = respectively_named(claims)  # "Kent, Essex and Hampshire received £4.2m, £3.8m and £3.1m respectively"
    for index, span in enumerate(spans):
        if index in attached or span.role != "event" or span.start is None:
            continue  # an event whose date needs the missing document date is not a checkable claim
        line, _ = sent.locate(span.start_pos)
        if line == title_line or (doc.title and doc.lines[line - 1].strip() == doc.title):
            continue  # a title names its publication ("... Autumn 2017: main findings"); it reports no event
        subject = date_subject(text, span, ents, memory)
        ahead = (future and not told_as_past(span, masked, doc.date)) or still_ahead(span, masked, doc.date)
        claims.append(_claim(doc, sent, span.start_pos, span.end_pos, "date", None, None, "exact", None, None,
                             None, False, subject, None, span, ahead,
                             trim=True))
    counted = [claim.counted for claim in claims if claim.kind == "count" and claim.counted]
    if counted:
        memory.latest_counted = (memory.block, counted[-1])
    if earlier and earlier[-1][0] is figures[-1]:  # what the sentence ends on: its last level ("82,170, up 2%")
        memory.told_about = (memory.block, next((s for f, s in reversed(earlier) if not f.change), earlier[-1][1]))
    memory.add_sentence(text, not_voices(text, ents))
    return claims


# "The average weekly cost ... was £5,410 in 2022-23, compared with £4,190 ...": the base of a rate is one too
_RATE_BASE = re.compile(rf"[^.;£$€\d]{{0,60}}?,?\s*(?:{BASE_FROM})\s+(?:(?:{HEDGE})\s+)?", re.I)


_RANGE_JOINT = re.compile(r"\s*(?:-|–|to|and)\s*[£$€]?")


def _range_ends(low: Figure, high: Figure, text: str) -> bool:
    """Whether two figures are the ends of one range ("£4,000-£6,000", "15 to 20 children")."""
    return low.kind == high.kind and low.value < high.value and low.bound in ("min", "exact") \
        and high.bound in ("max", "exact") and _RANGE_JOINT.fullmatch(text, low.end, high.start) is not None


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:\S+\s+)?$", re.I)


def _one_period_per_range(figures: list[Figure], periods: list[TimeSpan | None],
                          text: str) -> list[TimeSpan | None]:
    """ "Patients not seen in the last two years will be eligible for a premium of between £15 and £50 from
    1 March 2024": a range's ends cover one time, the one nearer the range, where each end had taken the time
    nearest itself. A movement ("rose from £2.0bn to £3.7bn") is no range: its ends may stand at two times."""
    periods = list(periods)
    for index in range(1, len(figures)):
        low, high = figures[index - 1], figures[index]
        first, second = periods[index - 1], periods[index]
        if first is None or second is None or first is second or not _range_ends(low, high, text) \
                or _FROM_BEFORE.search(text, max(0, low.start - 30), low.start):
            continue
        nearer = _distance(first, low, high) <= _distance(second, low, high)
        periods[index - 1] = periods[index] = first if nearer else second
    return periods


def _distance(span: TimeSpan, low: Figure, high: Figure) -> int:
    """Characters between a time expression and the range from `low` to `high` (0 inside it)."""
    return max(low.start - span.end_pos, span.start_pos - high.end, 0)


def _without_figure(subject: str, figure: str) -> str | None:
    """`subject` up to the figure it names (the number and what it counts), without the words that led to it;
    None when nothing is left that names a thing ("open", "build")."""
    at = subject.find(figure)  # str.find: a pattern built per figure would be compiled again and again
    while at > 0 and subject[at - 1] in "0123456789,.":
        at = subject.find(figure, at + 1)
    if at < 0:
        return subject
    before = _LEADS_TO_FIGURE.sub("", subject[:at].rstrip())
    return before if len(before.split()) >= 2 or before[:1].isupper() else None


# what joins a phrase to the count inside it: "kinship allowance in [8 local authorities]", "capital funding to
# open [two new children's homes]"
_LEADS_TO_FIGURE = re.compile(r"(?:\s+(?:to\s+[a-z]+|in|for|of|on|at|across|with|by|and|from))+$")


_DATE_LEAD = re.compile(r"(?i)^(?:on|at|as\s+at|of|in|by|since|during|over|the|from|starting)\s+")  # "on 5 June"


def _claim(doc: Document, sent: Sentence, start: int, end: int, kind: str, value, unit, bound, low, high, step,
           change: bool, subject: str | None, counted: str | None, span: TimeSpan | None, future: bool,
           trim: bool = False) -> Claim:
    text = sent.text[start:end]
    if trim:
        stripped = _DATE_LEAD.sub("", text)
        start += len(text) - len(stripped)
        text = stripped
    line, column = sent.locate(start)
    last_line, last_column = sent.locate(start + max(len(text), 1) - 1)
    # a claim wrapped onto the next line ends, on its own line, where that line ends
    stop = last_column + 1 if last_line == line else len(doc.lines[line - 1])
    subject = tidy_subject(subject) if subject else None
    total = kind != "date" and is_total(sent.text[:start], text, sent.text[start + len(text):start + len(text) + 50])
    return Claim(
        doc=doc.id, line=line, start=column, end=stop, text=text, sentence=sent.text.strip(),
        kind=kind, value=value, unit=unit, bound=bound, low=low, high=high, step=step, change=change, total=total,
        subject=subject or None, subject_key=normalise_subject(subject) or None, counted=counted,
        period_start=span.start.isoformat() if span and span.start else None,
        period_end=span.end.isoformat() if span and span.end else None,
        period_text=span.text if span else None,
        period_note=span.note if span else None,
        doc_date=doc.date.isoformat() if doc.date else None,
        tense="future" if future else "past",
    )
