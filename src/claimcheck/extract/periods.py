"""Periods and event dates in a sentence, resolved against the document's date.

Each expression becomes a `TimeSpan` with a role:
- "event": a dated happening that is a claim in itself ("published on 23 May
  2022", "in spring 2022") unless it is the period of a figure beside it;
- "period": only ever the time a figure covers ("2014-15 and 2015-16",
  "since July 2021", "over the past 12 months", "by 2020");
- "compare": a comparison base ("compared to 31 March 2014"), never a claim.
Conventions (design.md §2): UK financial years run 1 April-31 March; seasons
are meteorological; "since X" runs to the document's date; a date without a
year takes the year that puts it nearest before the document's date (after it
when the sentence looks forward). Without a document date those stay
unresolved and say why.
"""


from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

# The pattern modules register their time expressions as they are imported, so their order is the order they
# are tried in: kept by hand, not sorted.
# isort: off
from claimcheck.extract import period_patterns  # noqa: F401 - most time expressions, longer before shorter
from claimcheck.extract import period_lengths  # noqa: F401 - then lengths of time counted in units
from claimcheck.extract import period_calendar  # noqa: F401 - then the calendar around the document's date
from claimcheck.extract import period_points  # noqa: F401 - then the single points, tried last
# isort: on
from claimcheck.extract.period_grammar import FEATURES, NEEDS_DATE, PATTERNS, Context, Handler, TimeSpan
from claimcheck.guards import any_in, folded

__all__ = ["NEEDS_DATE", "Context", "TimeSpan", "find_spans", "looks_forward"]

# "is due to report" looks forward; "is due to UASC", "is due to rising costs" gives a cause
_DUE_TO = r"(?:is|are)\s+due\s+to\s+(?!(?:the|a|an|its|their|this|that|these|those|rising|increased?|growing" \
          r"|higher|lower|more|fewer|less|high|low)\b)(?-i:[a-z])\w*"
_FUTURE = re.compile(rf"\b(?:will|shall|{_DUE_TO}|plans?\s+to|intends?\s+to|expects?\s+to|"
                     # "must be submitted by 15 November", "with the first projects expected to start in April"
                     r"must|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bthey\s)(?<!\bwe\s)(?<!\bwho\s)expected\s+to"
                     r"|(?:is|are)\s+set\s+to|is\s+going\s+to|are\s+going\s+to|to\s+be\s+published|"
                     r"aims?\s+to|by\s+next|should|(?:target|planned|expected|proposed|intended)(?:\s+\w+)?\s+date"
                     r"|due\s+(?:by|in|on))\b", re.I)  # "Target implementation date: August 2023"


# a word every alternative of _FUTURE holds: most sentences have none (a guard, see guards.py)
_FUTURE_WORDS = ("will", "shall", "due", "plan", "intend", "expect", "going", "published", "aim", "next", "should",
                 "date", "must", "set")


def looks_forward(sentence: str) -> bool:
    return any_in(_FUTURE_WORDS, folded(sentence)) and _FUTURE.search(sentence) is not None


@dataclass(frozen=True)
class _Guards:
    needles: tuple[str, ...]  # every plain string some pattern needs, each tested once per sentence
    # one per distinct `needs`: (strings, features) one of which must hold, and features all of which must
    conditions: tuple[tuple[frozenset[str], tuple[str, ...], tuple[str, ...]], ...]
    patterns: tuple[tuple[re.Pattern, Handler, int, bool], ...]  # regex, handler, its condition, has a "span" group


@cache
def _guards() -> _Guards:
    """The patterns' `needs`, prepared once: a sentence is tested for each string once, not once per pattern
    in a Python loop, which had cost a third of finding time expressions; each pattern refers to its
    condition by number (hashing a `needs` tuple for each pattern of each sentence had cost a tenth)."""
    index: dict[tuple[str, ...], int] = {}
    patterns = []
    for regex, handler, needs in PATTERNS:
        patterns.append((regex, handler, index.setdefault(needs, len(index)), "span" in regex.groupindex))
    conditions = tuple((frozenset(n for n in needs if n[0] not in "#&"), tuple(n for n in needs if n[0] == "#"),
                        tuple(n[1:] for n in needs if n[0] == "&")) for needs in index)
    needles = tuple(sorted({n for strings, _, _ in conditions for n in strings}))
    return _Guards(needles, conditions, tuple(patterns))


def find_spans(sentence: str, ctx: Context) -> list[TimeSpan]:
    """Every time expression in `sentence`, longest and earliest-registered first, not overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[TimeSpan] = []
    lower = sentence.lower()
    low = folded(sentence)  # where features are searched (period_grammar.FEATURES)
    features: dict[str, bool] = {}

    def has(feature: str) -> bool:
        if feature not in features:
            features[feature] = FEATURES[feature].search(low) is not None
        return features[feature]

    guards = _guards()
    present = {needle for needle in guards.needles if needle in lower}
    allowed: list[bool | None] = [None] * len(guards.conditions)
    for regex, handler, condition, has_span in guards.patterns:
        ok = allowed[condition]
        if ok is None:  # plain loops: most conditions have no features, and any() over a generator costs more
            strings, needed, required = guards.conditions[condition]
            ok = not present.isdisjoint(strings)
            for feature in needed:
                if ok:
                    break
                ok = has(feature)
            for feature in required:
                if not ok:
                    break
                ok = has(feature)
            allowed[condition] = ok
        if not ok:
            continue
        for m in regex.finditer(sentence):
            start, end = m.span("span") if has_span else m.span()
            while start < end and sentence[start].isspace():
                start += 1
            if any(start < b and a < end for a, b in taken):
                continue
            result = handler(m, ctx)
            if result is None:
                continue
            role, first, last, note = result
            taken.append((start, end))
            found.append(TimeSpan(start, end, sentence[start:end], role, first, last, note))
    found.sort(key=lambda span: span.start_pos)
    return _joined(found, sentence)


def _joined(spans: list[TimeSpan], sentence: str) -> list[TimeSpan]:
    """ "2014 to 2015 and 2015 to 2016", "April 2020 and May 2020": back-to-back periods joined by "and" are
    one period, as "2014-15 and 2015-16" is. Periods with a gap between them ("2014 and 2016") and single
    days stay apart."""
    merged: list[TimeSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if (last is not None and {last.role, span.role} <= {"period", "event"} and last.start and last.end
                and span.start and span.end and last.start < last.end and span.start < span.end
                and span.start == last.end + timedelta(days=1)
                and _AND.fullmatch(sentence, last.end_pos, span.start_pos)):
            role = "period" if "period" in (last.role, span.role) else "event"
            merged[-1] = TimeSpan(last.start_pos, span.end_pos, sentence[last.start_pos:span.end_pos], role,
                                  last.start, span.end, last.note or span.note)
            continue
        merged.append(span)
    return merged


_AND = re.compile(r",?\s+(?:and|&)\s+", re.I)
