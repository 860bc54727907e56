"""Clues to a figure's subject that amounts of money and other figures share: whether it is the base of a
comparison, what it moved, where a new clause about something else begins, and which of several names lies
nearest. Apart from `subject_of` and `money_subject` so that both read them without importing each other."""

from __future__ import annotations

import re

from claimcheck.extract.hedges import BASE_FROM, HEDGE
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subjects import Entity
from claimcheck.guards import Endings

# what a change is measured from: "up from 36%", "down 0.9% from 403,890", "compared with 3,000", "than 3,000"
# (but not the hedge of "more than 9,000"; "more than the 83,840 looked-after children", "double the 780" compare)
# (tested with `base_before`: the pattern is anchored at the figure, and tried at every position before it)
BASE_BEFORE = re.compile(rf"\b(?:{BASE_FROM}|(?<!more\s)(?<!less\s)(?<!fewer\s)than"
                         r"|(?:than|double|twice|treble|triple)\s+the)"
                         r"\s+(?:(?:around|about|over|nearly|almost|some)\s+)?$", re.I)

# "overspent their budgets by", "overspent on children's social care, by a total of"
_OVER_BUDGET = re.compile(r"\b(?:overspent|underspent|overspending|underspending|exceeded|missed|increased|raised|cut"
                          r"|reduced|boosted|topped\s+up"
                          # "Councils will be able to increase council tax by up to 4.99%"
                          r"|(?:(?<=\bto\s)|(?<=\bcan\s)|(?<=\bwill\s)|(?<=\bmay\s)|(?<=\balso\s)|(?<=\bfurther\s))"
                          r"(?:increase|raise|reduce|cut|boost))"  # "the council will also increase its allowances by"
                          r"\s+(?:on\s+)?"
                          r"(?:(?:their|its|the|our)\s+)?([^,;]{3,60}?),?\s+by\s+"
                          r"(?:a\s+(?:combined\s+)?total\s+of\s+|a\s+combined\s+)?"
                          r"(?:(?:around|about|over|almost|nearly|more\s+than|some|up\s+to)\s+)?$", re.I)

# "Councils in the most deprived areas saw spending per child fall by £210": what they saw move
_SAW_MOVE = re.compile(r"\b(?:saw|seen|see|sees|seeing)\s+(?:(?:their|its|the|our)\s+)?([^,;]{3,60}?)"
                       r"\s+(?:fall|rise|drop|increase|decrease|grow|shrink|go\s+(?:up|down))\s+by\s+"
                       r"(?:(?:around|about|over|almost|nearly|more\s+than|some|up\s+to)\s+)?$", re.I)

# "an increase in core spending power of up to 6.8%": what changed, between the change and its size
_CHANGE_IN_WHAT = re.compile(r"\b(?:increase|rise|decrease|fall|cut|reduction|drop|growth|uplift|boost|decline)s?"
                             r"\s+in\s+(?:the\s+|its\s+|their\s+|our\s+)?((?:[\w’'-]+\s+){1,4}?)of\s+"
                             rf"(?:(?:{HEDGE})\s+)?$", re.I)

# "bringing total investment to over £300 million", "will take core schools funding to £58.8bn"
BRINGING = re.compile(r"\b(?:bringing|brings?|brought|tak(?:es?|ing|en)|took)\s+(?:the\s+|its\s+|our\s+)?"
                      r"((?!(?:it|them|this|that|us|part|place|time|steps?|action)\b)[^,;]{3,60}?)\s+to\s+"
                      rf"(?:(?:{HEDGE})\s+)?$", re.I)  # "to in excess of £770 million"

# "leaving reserves at £23.6m", "which left the fund at £2m", "capped agency pay at £45 an hour": the level
# something was left, capped or set at
# (not "The cap was set at £4,000": a passive names what was set before the verb)
LEAVING = re.compile(r"\b(?:leaving|leaves|left|capped|capping|set|setting|sets|fixed|fixing|froze|freezing"
                     r"|frozen|pegged|pegging|kept|keeping)\s+(?:the\s+|its\s+|our\s+|their\s+)?"
                     r"((?!(?:it|them|this|that|us|was|were|is|are|be|been|being|has|have|had)\b)[^,;]{3,60}?)\s+at\s+"
                     rf"(?:(?:{HEDGE})\s+)?$", re.I)

# a new clause about something else (", adding that": a new statement; ", and the number of": a new measure, as
# `subjects` breaks clauses there)
CONTRAST = re.compile(r";|,\s+(?:while|whilst|whereas|although|but|adding\s+that)\b"
                      r"|,?\s+and\s+the\s+(?:number|proportion|percentage|share|rate)\s+of\b")

# the last words BASE_BEFORE ends with
_BASE_BEFORE_ENDINGS = Endings(("from", "with", "than", "around", "about", "over", "nearly", "almost", "some"),
                               (("to", ("compared",)), ("the", ("than", "double", "twice", "treble", "triple"))))


def base_before(text: str, pos: int) -> bool:
    """Whether the figure at `pos` of `text` is the base of a comparison ("up from 36%", "than 3,000")."""
    return _BASE_BEFORE_ENDINGS.end(text[:pos]) and BASE_BEFORE.search(text, 0, pos) is not None


# "the £259m fund had been underspent by £43m": what was underspent, said before the verb
_OVER_BUDGET_PASSIVE = re.compile(r"\b(?:the\s+|its\s+|their\s+)?(?:[£$€]\d[\d.,]*\s*(?:m|bn|k|million|billion)?\s+)?"
                                  r"([a-z][\w’' -]{2,40}?)\s+(?:had|has|have|was|were|is|are)\s+(?:been\s+)?"
                                  rf"(?:overspent|underspent)\s+by\s+(?:(?:{HEDGE})\s+)?$", re.I)


def moved(text: str, lo: int, end: int) -> re.Match | None:
    """What was overspent, cut or increased, or seen to move, by the figure at `end` (the clause from `lo`):
    "overspent their budgets by", "saw spending per child fall by", "an increase in core spending power of"."""
    return _OVER_BUDGET.search(text, lo, end) or _SAW_MOVE.search(text, lo, end) \
        or _OVER_BUDGET_PASSIVE.search(text, max(lo, end - 90), end) \
        or _CHANGE_IN_WHAT.search(text, max(lo, end - 90), end)


def nearest(candidates: list[Entity], figure: Figure) -> Entity:
    """The name closest to the figure, before or after it; of two as close, the surer name."""
    def distance(e: Entity) -> int:
        return figure.start - e.end if e.end <= figure.start else e.start - figure.end
    return min(candidates, key=lambda e: (distance(e), -e.score))
