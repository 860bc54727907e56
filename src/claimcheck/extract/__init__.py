"""Claim extraction: a pure function of a document's text and its date.

Per sentence: mask what is not a claim, find time expressions, scan figures,
give each figure its period (the nearest time expression) and its subject,
and keep dated events that are not some figure's period as date claims.
"""

from __future__ import annotations

import re

from claimcheck.claims import Claim
from claimcheck.documents import Document
from claimcheck.extract.nonclaims import mask, nonclaim_spans
from claimcheck.extract.periods import Context, TimeSpan, find_spans, looks_forward
from claimcheck.extract.quantities import Figure, scan
from claimcheck.extract.subjects import (
    Entity,
    Memory,
    after_amount,
    clause_bounds,
    entities,
    normalise_key,
    possessive_before,
    refers_back,
    subject_before_verb,
)
from claimcheck.extract.tables import table_claims
from claimcheck.extract.text import Sentence, blocks, sentences

__all__ = ["extract_document", "EXTRACTOR_VERSION"]
EXTRACTOR_VERSION = "1"
_GENERIC_HEADS = re.compile(r"^(?:[\w-]+\s+)?(?:gap|shortfall|deficit|overspend|pressures?|cut|cuts|boost|pot)$")


def extract_document(doc: Document) -> list[Claim]:
    """Every quantitative claim in `doc`, in reading order."""
    memory = Memory()
    claims: list[Claim] = []
    title_line = next((i + 1 for i, line in enumerate(doc.lines) if line.strip()), None)
    table_header: list | None = None
    for block in blocks(doc.lines):
        if block.is_table_row:
            found, table_header = table_claims(doc, block, table_header)
            claims.extend(found)
            continue
        table_header = None
        for sentence in sentences(block):
            claims.extend(_sentence_claims(doc, sentence, memory, title_line))
    return claims


def _sentence_claims(doc: Document, sent: Sentence, memory: Memory, title_line: int | None) -> list[Claim]:
    text = sent.text
    ents = entities(text)
    masked = mask(text, nonclaim_spans(text))
    future = looks_forward(text)
    spans = find_spans(masked, Context(doc.date, future))
    figures = scan(text, mask(masked, [(s.start_pos, s.end_pos) for s in spans]))
    timeless = mask(text, [(s.start_pos, s.end_pos) for s in spans], " ")
    claims: list[Claim] = []
    attached: set[int] = set()
    money_subjects: list[tuple[int, str]] = []
    for figure in figures:
        period_index = _nearest_period(figure, spans)
        span = spans[period_index] if period_index is not None else None
        if period_index is not None:
            attached.add(period_index)
        subject = _subject(figure, timeless, ents, memory, figures, money_subjects)
        if figure.kind in ("money", "rate") and subject:
            money_subjects.append((figure.start, subject))
        claims.append(_claim(doc, sent, figure.start, figure.end, figure.kind, figure.value, figure.unit,
                             figure.bound, figure.low, figure.high, figure.step, figure.change, subject,
                             figure.counted, span, future))
    for index, span in enumerate(spans):
        if index in attached or span.role != "event":
            continue
        line, _ = sent.locate(span.start_pos)
        if line == title_line:
            continue
        subject = _date_subject(text, span, ents, memory)
        claims.append(_claim(doc, sent, span.start_pos, span.end_pos, "date", None, None, "exact", None, None,
                             None, False, subject, None, span, future, trim=True))
    for entity in ents:
        memory.remember(entity)
    return claims


def _nearest_period(figure: Figure, spans: list[TimeSpan]) -> int | None:
    """The time expression a figure covers: the nearest one that can be a period ("on 24 June" cannot)."""
    best, best_distance = None, None
    for index, span in enumerate(spans):
        if span.role == "compare":
            continue
        if span.role == "event" and (span.start == span.end or re.match(r"(?i)on\b|by\b", span.text)):
            continue
        distance = span.start_pos - figure.end if span.start_pos >= figure.end else figure.start - span.end_pos
        distance = max(distance, 0) + (0 if span.start_pos >= figure.end else 1)
        if best_distance is None or distance < best_distance:
            best, best_distance = index, distance
    return best


def _subject(figure: Figure, text: str, ents: list[Entity], memory: Memory, figures: list[Figure],
             money_subjects: list[tuple[int, str]]) -> str | None:
    lo, hi = clause_bounds(text, figure.start)
    in_clause = [e for e in ents if lo <= e.start < hi and e.score >= 3]
    if figure.kind == "percent" and figure.change:
        previous = [f for f in figures if f.end <= figure.start and f.counted and figure.start - f.end < 40]
        if previous:
            return previous[-1].counted
    if figure.kind in ("money", "rate") and figure.unit.startswith("GBP"):
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
        named = [e for e in ents if e.score >= 2]
        if named:
            return memory.expand(_nearest(named, figure).text)
        return refers_back(text, figure.start, memory) or subject_before_verb(text, figure.start)
    if figure.counted and figure.counted_start is not None:
        caps = [e for e in ents if figure.counted_start <= e.start < (figure.counted_end or 0) and e.score >= 1]
        if caps:
            return memory.expand(caps[0].text)
    before = [e for e in ents if e.end <= figure.start and e.score >= 1]
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
    subject = subject.strip(" ,.;:") if subject else None
    return Claim(
        doc=doc.id, line=line, start=column, end=column + len(text), text=text, sentence=sent.text.strip(),
        kind=kind, value=value, unit=unit, bound=bound, low=low, high=high, step=step, change=change,
        subject=subject or None, subject_key=normalise_key(subject), counted=counted,
        period_start=span.start.isoformat() if span and span.start else None,
        period_end=span.end.isoformat() if span and span.end else None,
        period_text=span.text if span else None,
        period_note=span.note if span else None,
        doc_date=doc.date.isoformat() if doc.date else None,
        tense="future" if future else "past",
    )
