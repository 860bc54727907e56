"""Claim extraction: a pure function of a document's text and its date.

Per sentence: mask what is not a claim, find time expressions, scan figures,
give each figure its period (the nearest time expression) and its subject,
and keep dated events that are not some figure's period as date claims.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from claimcheck.calendar import add_months
from claimcheck.claims import Claim
from claimcheck.documents import Document, strip_furniture
from claimcheck.extract.figures import OF_THE_WHOLE, scan
from claimcheck.extract.hedges import is_total
from claimcheck.extract.nonclaims import mask, nonclaim_spans
from claimcheck.extract.periods import Context, TimeSpan, find_spans, looks_forward
from claimcheck.extract.phrases import after_amount, possessive_before, starts_with_amount, subject_before_verb
from claimcheck.extract.quantities import Figure, counted_phrase
from claimcheck.extract.subjects import HEADS, Entity, Memory, clause_bounds, entities, refers_back
from claimcheck.extract.tables import caption_header, table_claims
from claimcheck.extract.text import Sentence, blocks, sentences
from claimcheck.subjects import normalise_subject
from claimcheck.units import CURRENCIES

__all__ = ["extract_document", "extract_text", "EXTRACTOR_VERSION"]


# Bump when what extraction means changes. Cached claims are also keyed by a hash of the extractor's code and
# data (`cache.extractor_fingerprint`), so an edit never serves stale claims even if nobody bumps this.
EXTRACTOR_VERSION = "3"
# what a blanked time expression leaves at a subject's ends: "In [2021-22] the grant", "the scheme in [2014-15]"
_STRANDED = r"in|on|during|for|by|since|at|over|from|until|to|of|and|or|with"
_LEFT_BY_TIME = re.compile(r"^(?:in|on|during|for|by|since|at|over|from|until|to)\s{2,}(?:(?:the|a|an)\s+)?"
                           rf"|\s+(?:{_STRANDED})$", re.I)
_BASE_DATE = re.compile(r"(?:in|at|on)\b", re.I)  # how a compare span of a base figure starts (periods._compared)
_HEAD_OF = re.compile(r"\b(?:the|a|an|this|our)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+of\s+"
                      r"(?:(?:around|about|over|up\s+to|almost|nearly|some|more\s+than)\s+)?$", re.I)
_CHANGE_IN = re.compile(r"\s+(?:real[- ]terms\s+|cash[- ]terms\s+|year[- ]on[- ]year\s+|annual\s+)?(?:reduction|"
                        r"increase|rise|fall|cut|drop|decrease|decline|growth)(?=\s+in\s)")
_BASE_BEFORE = re.compile(r"\b(?:(?:up|down|rising|falling|an?\s+(?:increase|rise|fall|decrease))\s+from|compared\s+"
                          r"(?:with|to)|than)\s+(?:(?:around|about|over|nearly|almost|some)\s+)?$", re.I)
_GENERIC_HEADS = re.compile(r"^(?:[\w-]+\s+)?(?:gap|shortfall|deficit|overspend|pressures?|cut|cuts|boost|pot)$")


def extract_document(doc: Document) -> list[Claim]:
    """Every quantitative claim in `doc`, in reading order."""
    memory = Memory()
    claims: list[Claim] = []
    title_line = next((i + 1 for i, line in enumerate(doc.lines) if doc.title and line.strip() == doc.title), None)
    table_header: list | None = None
    for number, block in enumerate(blocks(doc.lines, frozenset([title_line]) if title_line else frozenset())):
        memory.block = number
        if block.is_table_row:
            found, table_header = table_claims(doc, block, table_header)
            claims.extend(found)
            continue
        # a caption right above a table ("Table 1: Spending (£ million)") gives it its unit
        table_header = caption_header(block.text)
        for sentence in sentences(block):
            found = _sentence_claims(doc, sentence, memory, title_line)
            if table_header and table_header.stock_day:  # "... on 31 March, 2020 to 2024": the table's day, no event
                found = [claim for claim in found if claim.kind != "date"]
            claims.extend(found)
    return claims


def extract_text(text: str, doc_date: date | None = None, doc_id: str = "text") -> list[Claim]:
    """Claims in a piece of body text (no metadata header), as if from a document dated `doc_date`."""
    doc = Document(id=doc_id, path="", date=doc_date, lines=[strip_furniture(line) for line in text.splitlines()])
    return extract_document(doc)


# What a sentence needs to hold a claim: a digit, a number word or a season. Tested as a digit search, then
# the sentence's words against a set: one case-insensitive alternation tried at every position cost 30 µs a
# sentence, a tenth of extraction for the three sentences in four that have no figure.
_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"\w+")
_CLAIM_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety dozen dozens hundreds thousands "
    "millions spring summer autumn winter half third thirds quarter quarters fifth fifths tenth tenths".split()
)


def _may_claim(text: str) -> bool:
    return _DIGIT.search(text) is not None or not _CLAIM_WORDS.isdisjoint(_WORD_RUN.findall(text.lower()))


def _sentence_claims(doc: Document, sent: Sentence, memory: Memory, title_line: int | None) -> list[Claim]:
    text = sent.text
    if not _may_claim(text):  # no digit, number word or season: no claim, only names to remember
        memory.add_sentence(text)
        return []
    masked = mask(text, nonclaim_spans(text))
    future = looks_forward(text)
    spans = find_spans(masked, Context(doc.date, future))
    figures = scan(text, mask(masked, [(s.start_pos, s.end_pos) for s in spans]))
    if not figures and not any(s.role == "event" for s in spans):
        memory.add_sentence(text)  # nothing to claim here; its names are found only if a later figure asks
        return []
    timeless = mask(text, [(s.start_pos, s.end_pos) for s in spans], " ")
    ents = entities(timeless)
    claims: list[Claim] = []
    attached: set[int] = set()
    money_subjects: list[tuple[int, str]] = []
    periods: list[TimeSpan | None] = []
    for figure in figures:
        period_index = _period_of(figure, spans, text, figures)
        span = spans[period_index] if period_index is not None else None
        if period_index is not None:
            attached.add(period_index)
            span = _year_earlier(figure, span, text)
        periods.append(span)
    if "respectively" in text:
        periods = _respectively(periods)
    for figure, span in zip(figures, periods, strict=True):
        subject = _subject(figure, timeless, ents, memory, figures, money_subjects) or _label_of(timeless, figure)
        if figure.kind in ("money", "rate") and subject:
            money_subjects.append((figure.start, subject))
        end = max(figure.end, figure.counted_end or 0) if figure.kind == "count" else figure.end
        claims.append(_claim(doc, sent, figure.start, end, figure.kind, figure.value, figure.unit,
                             figure.bound, figure.low, figure.high, figure.step, figure.change, subject,
                             figure.counted, span, future))
    for index, span in enumerate(spans):
        if index in attached or span.role != "event" or span.start is None:
            continue  # an event whose date needs the missing document date is not a checkable claim
        line, _ = sent.locate(span.start_pos)
        if line == title_line or (doc.title and doc.lines[line - 1].strip() == doc.title):
            continue  # a title names its publication ("... Autumn 2017: main findings"); it reports no event
        subject = _date_subject(text, span, ents, memory)
        claims.append(_claim(doc, sent, span.start_pos, span.end_pos, "date", None, None, "exact", None, None,
                             None, False, subject, None, span, future, trim=True))
    memory.add_sentence(text, ents)
    return claims


_YEAR_EARLIER = re.compile(r"\s*(?:,\s*)?(?:(?:a|one)\s+year\s+(?:earlier|before)"
                           r"|(?:in\s+)?the\s+(?:previous|preceding)\s+year|(?:in\s+)?the\s+year\s+before)\b", re.I)


def _year_earlier(figure: Figure, span: TimeSpan, text: str) -> TimeSpan:
    """ "£778 million in 2022-23, up from £520 million a year earlier": the borrowed period, one year back."""
    if span.start_pos >= figure.start or not _YEAR_EARLIER.match(text, figure.end):
        return span
    if span.start is None or span.end is None:
        return span
    return replace(span, start=add_months(span.start, -12), end=add_months(span.end, -12),
                   text=f"a year before {span.text}")


def _respectively(periods: list[TimeSpan | None]) -> list[TimeSpan | None]:
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


def _period_of(figure: Figure, spans: list[TimeSpan], text: str, figures: list[Figure]) -> int | None:
    """The time expression a figure covers.

    First choice: one in the figure's own clause with no comma between them
    ("£8.4 million since 2012-13"); then an introductory one that governs the
    sentence ("Since July 2021, ... 42 local authorities"); then one in the same
    clause across commas. Single-day events ("on 24 June") and comparison bases
    are never a figure's period.
    """
    low, high = clause_bounds(text, figure.start)
    best_key: tuple[int, int, int] | None = None
    best: int | None = None
    for index, span in enumerate(spans):
        if span.role == "compare":
            if (span.start_pos >= figure.end and not text[figure.end:span.start_pos].strip()
                    and _BASE_DATE.match(span.text)):
                return index  # "from 1,234 in 2019": the comparison base's own date
            continue
        if span.role == "event" and (span.start == span.end or re.match(r"(?i)on\b|by\b", span.text)) \
                and not _stock_date(figure, span, text):
            continue
        if _in_aside(text, span.start_pos, span.end_pos, figure):
            continue  # "The report, published in May 2022, made 80 recommendations"
        brackets = _brackets_around(text, span.start_pos)
        if brackets and not brackets[0] < figure.start < brackets[1] and any(
                brackets[0] < other.start < brackets[1] for other in figures):
            continue  # "£12.3 million (2019-20: £10.1 million)": the bracketed year is the bracketed figure's
        after = span.start_pos >= figure.end
        between = text[figure.end:span.start_pos] if after else text[span.end_pos:figure.start]
        distance = len(between)
        same_clause = low <= span.start_pos < high
        opens_sentence = not text[:span.start_pos].strip()
        introductory = not after and (opens_sentence or re.match(r"\s*[,:]", text[span.end_pos:]) is not None)
        if same_clause and "," not in between:
            rank = 0
        elif introductory:
            rank = 1
        elif same_clause and not any(f is not figure and between_figure(f, figure, span) for f in figures):
            rank = 2  # across commas, and no other figure stands nearer to it
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
    return best


_EVENT_VERB = re.compile(r"\b(?:announced?|announcing|published|publishes|said|says|confirmed|launched|unveiled|"
                         r"set\s+out|released|revealed|stated|told|wrote|agreed|made)\b", re.I)


def _stock_date(figure: Figure, span: TimeSpan, text: str) -> bool:
    """ "83,840 children looked after on 31 March 2023", "On 31 March 2023, 83,840 children were looked
    after": the day a count or share stands at. Not the day something was announced ("£7m announced on 14
    February"): money and sentences telling an event keep the day as a date claim of its own."""
    if figure.kind not in ("count", "percent", "rate") or not re.match(r"(?i)(?:on|at|as\s+(?:at|of))\b", span.text) \
            or span.start is None or _EVENT_VERB.search(text):
        return False
    if span.start_pos >= figure.end:
        return "," not in text[figure.end:span.start_pos]
    return not text[:span.start_pos].strip() and re.match(r"\s*(?:,|there\s+(?:were|was|are|is)\b)",
                                                          text[span.end_pos:]) is not None


def _subject(figure: Figure, text: str, ents: list[Entity], memory: Memory, figures: list[Figure],
             money_subjects: list[tuple[int, str]]) -> str | None:
    lo, hi = clause_bounds(text, figure.start)
    in_clause = [e for e in ents if lo <= e.start < hi and e.score >= 3 and not _in_aside(text, e.start, e.end, figure)]
    if figure.kind == "percent":
        # "72,670 looked-after children, up 3.1%", "52,050 (75%)": a share or change of the count before it
        index = next(i for i, f in enumerate(figures) if f is figure)
        previous = next((f for f in reversed(figures[max(0, index - 3):index]) if f.counted), None)
        near = previous and figure.start - max(previous.end, previous.counted_end or 0) < 40
        if previous and ((near and (figure.change or re.search(r"\(\s*$", text[max(0, figure.start - 5):figure.start])))
                         or OF_THE_WHOLE.search(text, 0, figure.start)):  # "Of the 2,460 homes inspected, 81% were"
            return previous.counted
        # "a quarter (24%) of children's homes beds": either share, of the beds
        share_of = re.match(r"(?:\s*\)|\s+\(\d+(?:\.\d+)?%\))?\s+of\s+(?:the\s+|all\s+)?", text[figure.end:])
        if share_of:  # "36% of LAs were judged good": a share of the LAs
            counted, _, _ = counted_phrase(text, figure.end + share_of.end() - 1)
            if counted:
                return counted
        proportion = re.search(r"\w\s+(?:in|out\s+of)\s+(?:every\s+)?\S+$", figure.text)
        bracketed = text[figure.end:figure.end + 1] == ")" and text[max(0, figure.start - 1):figure.start] == "("
        if proportion or bracketed:  # "4 in 10 children's social workers", "Around 1 in 5 (21%) social workers"
            skip = re.match(r"\)?(?:\s+\(\d+(?:\.\d+)?%\))?", text[figure.end:])
            counted, _, _ = counted_phrase(text, figure.end + skip.end())
            if counted:
                return counted
        change_in = _CHANGE_IN.match(text, figure.end)
        if change_in:  # "a 10% reduction in the number of children's social workers"
            described = after_amount(text, change_in.end())
            if described:
                return described
    if figure.kind in ("money", "rate") and figure.unit.startswith(CURRENCIES):
        if in_clause:
            return memory.expand(_nearest(in_clause, figure).text)
        described = after_amount(text, figure.end)
        if described:
            owner = possessive_before(text, figure.start)
            if owner:
                described = f"{owner} {described}"
            elif _GENERIC_HEADS.match(described):
                holder = _holder_before(text, figure.start, lo)
                if holder:
                    described = f"{holder} {described}"
            return described
        if money_subjects and _BASE_BEFORE.search(text, 0, figure.start):
            return money_subjects[-1][1]  # "£3.1 billion on children's homes ..., up from £2.4 billion in ..."
        head = _HEAD_OF.search(text, lo, figure.start)
        if head and head[1].split()[-1].lower() in HEADS and text[lo:head.start()].strip(" ,") == "":
            return head[1]  # "The grant of £36 million will be paid"; not "cost £4.2m against a budget of £3.9m"
        named = [e for e in ents if e.score >= 2]
        if named:
            return memory.expand(_nearest(named, figure).text)
        return refers_back(text, figure.start, memory) or subject_before_verb(text, figure.start) \
            or memory.named_in_paragraph()
    if figure.counted and figure.counted_start is not None:
        caps = [e for e in ents if figure.counted_start <= e.start < (figure.counted_end or 0) and e.score >= 1]
        if caps:
            return memory.expand(caps[0].text)
        own = (figure.counted_start, figure.counted_end or figure.counted_start)
        ents = [e for e in ents if not (own[0] <= e.start < own[1])]  # the counted noun is not its own subject
    elif figure.counted and figure.kind == "count" and not in_clause:
        return figure.counted  # "the number of children looked after ... rose to 83,840"
    before = [e for e in ents if e.end <= figure.start and e.score >= 1 and not _speaker(text, e)]
    if in_clause:
        return memory.expand(_nearest(in_clause, figure).text)
    if before:
        return memory.expand(before[-1].text)
    if money_subjects:
        return money_subjects[-1][1]
    referred = refers_back(text, figure.start, memory)
    if referred:
        return referred
    named = [e for e in ents if e.score >= 2]
    if named:
        return _nearest(named, figure).text
    return subject_before_verb(text, figure.start)


_LABEL = re.compile(r"\s*([A-Z][A-Za-z’' -]{2,50}?)\s*:\s+")


def _label_of(text: str, figure: Figure) -> str | None:
    """ "Turnover rate: 17.1%", "Caseloads: an average of 16.3 cases": a statistics release's headline label
    names the figure after it (not "Recommendation 2:", which numbers a paragraph)."""
    label = _LABEL.match(text)
    if label is None or not 0 <= figure.start - label.end() <= 30 or len(label[1].split()) > 6:
        return None
    return None if label[1].split()[-1].lower() in _NOT_LABELS else label[1]


_NOT_LABELS = frozenset({"said", "says", "added", "note", "notes", "source", "sources", "update", "updated"})


_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|warned|according\s+to)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_SAID_AFTER = re.compile(r"\s*,?\s*(?:said|says|told|added|warned|who\s+(?:said|added|warned))\b", re.I)


def _speaker(text: str, entity: Entity) -> bool:
    """ "said ADCS president John Pearce, who added that costs had risen by 12%": who speaks is not what a
    figure is about (a programme with a head noun always is)."""
    return entity.score < 3 and (_SAID_BEFORE.search(text, 0, entity.start) is not None
                                 or _SAID_AFTER.match(text, entity.end) is not None)


_ASIDE = re.compile(r",\s*(?:[a-z]+ed|set\s+out|made|given|laid|held|won)\s+(?:at|in|by|on|during|through|under)\b"
                    r"[^,]*,", re.I)


def _in_aside(text: str, start: int, end: int, figure: Figure) -> bool:
    """ "The funding, announced at the Spending Review, includes £50 million for parenting programmes", "The
    report, published in May 2022, made 80 recommendations": the occasion in a participle aside, and its
    date, are not what the figure is about nor when."""
    return any(m.start() < start and end <= m.end() and not m.start() <= figure.start < m.end()
               for m in _ASIDE.finditer(text, max(0, start - 80), end + 80))


def _holder_before(text: str, start: int, clause_start: int) -> str | None:
    """ "local authority children's services face a £2bn funding gap": who has the gap."""
    before = text[clause_start:start]
    m = re.search(r"(?:^|,\s*)([^,]*?)\s+(?:face|faces|facing|have|has|had|need|needs|with)\s+(?:an?|the)?\s*$", before)
    if not m:
        return None
    holder = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip(), flags=re.I)
    return holder if 0 < len(holder.split()) <= 6 else None


def _nearest(candidates: list[Entity], figure: Figure) -> Entity:
    def distance(e: Entity) -> int:
        return figure.start - e.end if e.end <= figure.start else e.start - figure.end
    return min(candidates, key=lambda e: (distance(e), -e.score))


def _date_subject(text: str, span: TimeSpan, ents: list[Entity], memory: Memory) -> str | None:
    named = [e for e in ents if e.score >= 3]
    if named:
        return memory.expand(min(named, key=lambda e: abs(e.start - span.start_pos)).text)
    referred = refers_back(text, span.start_pos, memory)
    phrases = [e for e in ents if e.score == 2]
    if phrases:
        nearest = min(phrases, key=lambda e: abs(e.start - span.start_pos))
        if referred and refers_back(text[: nearest.end], nearest.end, memory):
            return referred
        return nearest.text
    if referred:
        return referred
    return subject_before_verb(text, span.start_pos)


def _claim(doc: Document, sent: Sentence, start: int, end: int, kind: str, value, unit, bound, low, high, step,
           change: bool, subject: str | None, counted: str | None, span: TimeSpan | None, future: bool,
           trim: bool = False) -> Claim:
    text = sent.text[start:end]
    if trim:
        stripped = re.sub(r"(?i)^(?:on|at|as\s+at|of|in|by|since|during|over|the)\s+", "", text)
        start += len(text) - len(stripped)
        text = stripped
    line, column = sent.locate(start)
    last_line, last_column = sent.locate(start + max(len(text), 1) - 1)
    # a claim wrapped onto the next line ends, on its own line, where that line ends
    stop = last_column + 1 if last_line == line else len(doc.lines[line - 1])
    subject = _tidy_subject(subject) if subject else None
    total = kind != "date" and is_total(sent.text[:start], text)
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


@lru_cache(maxsize=4096)
def _tidy_subject(subject: str) -> str:
    """A subject without the prepositions a blanked time expression strands at its ends, in single spaces;
    empty when what is left names nothing ("alone" in "this year alone", another amount)."""
    subject = subject.strip(" ,.;:-–—•*")  # a bullet's dash is not part of a name
    subject = _LEFT_BY_TIME.sub("", subject).strip(" ,.;:")
    subject = _TIME_ADVERBS.sub("", re.sub(r"\s{2,}", " ", subject)).strip(" ,.;:")
    subject = _DANGLING.sub("", subject)  # "percentage of children looked after who", "care leavers aged [19 to 21]"
    return "" if _NOT_A_SUBJECT.match(subject) or starts_with_amount(subject) else subject


_DANGLING = re.compile(r"\s+(?:who|which|that|whose|aged)$", re.I)
_EMPTY_WORDS = r"so\s+far|to\s+date|alone|in\s+total|altogether|overall"  # "this year alone", "the pilot so far"
_TIME_ADVERBS = re.compile(rf"\s+(?:{_EMPTY_WORDS})$", re.I)
_NOT_A_SUBJECT = re.compile(rf"^(?:{_EMPTY_WORDS}|{_STRANDED}|only|each|the|total|this|that|these|those|it|them)$"
                            r"|^(?:as\s+a\s+result|because|due\s+to|owing\s+to|so\s+that)\b", re.I)  # or a reason
