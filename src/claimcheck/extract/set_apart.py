"""Names set apart from their figure by punctuation: a statistics release's label before a colon ("Turnover rate:
17.1%"), a plan named between commas ("The Department's reform plan, Stable Homes, Built on Love, committed £200
million"), and the name before ", backed by" ("we published Stable Homes, Built on Love, backed by £200 million").
"""

from __future__ import annotations

import re

from claimcheck.extract.hedges import HEDGE
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subjects import Entity

# "Rate per 10,000 children:", "Social workers (FTE):", and in a list of headlines "- Agency worker rate:"
_LABEL = re.compile(r"\s*(?:[-•*–]\s+)?([A-Z](?:[A-Za-z’' -]|(?<=per )[\d,]+|(?<= )\([A-Z]{2,6}s?\)){2,70}?)\s*:\s")


def label_of(text: str, figure: Figure) -> str | None:
    """ "Turnover rate: 17.1%", "Caseloads: an average of 16.3 cases": a statistics release's headline label
    names the figure after it (not "Recommendation 2:", which numbers a paragraph)."""
    label = _LABEL.match(text)
    if label is None or not 0 <= figure.start - label.end() <= 30 or len(label[1].split()) > 10 \
            or not _LABEL_GAP.fullmatch(text, label.end(), figure.start):
        return None  # (nor a headline's source: "LGA: Councils face £3.2 billion ...")
    if label[1].split()[-1].lower() in _NOT_LABELS or _LABEL_VERB.search(label[1]):
        return None  # "The increase is smaller than in recent years: between 2016 and 2019 the number rose by 4%"
    return label[1]


# what may stand between a label and its figure: "Caseloads: an average of 16.3 cases", "Referrals: 650,270 (up
# 4.0%": hedges, the level before a change, words of change; no clause ("LGA: Councils face £3.2 billion")
_LABEL_GAP = re.compile(r"(?:[\s(),.%£$€\d+~<>≈−-]|(?:an?|the|around|about|over|nearly|almost|some|average|of|up|down"
                        r"|by|from|to|total|estimated|increase|decrease|rise|fall|just|under|approximately|more|less"
                        r"|fewer|than)\b)*", re.I)
_LABEL_VERB = re.compile(r"\s(?:is|are|was|were|has|have|had|will)\s", re.I)
_NOT_LABELS = frozenset({"said", "says", "added", "note", "notes", "source", "sources", "update", "updated"})


def backed_name(text: str, figure: Figure, ents: list[Entity]) -> str | None:
    """The capitalised name the amount backs, right before ", backed by": with the name before it when the two
    stand as one title split by its comma ("Stable Homes, Built on Love")."""
    backed = _BACKED_BY.search(text, max(0, figure.start - 40), figure.start)
    if backed is None:
        return None
    # (a time between them is blanked: "the national kinship care strategy in December 2023, backed by")
    name = next((e for e in ents if e.end <= backed.start() and _BLANKED_TIME.fullmatch(text, e.end, backed.start())),
                None)
    if name is None:  # "help through family hubs, backed by £126 million": what the help comes through
        through = _HELP_THROUGH.search(text, max(0, backed.start() - 60), backed.start())
        if through is None:  # "extend the virtual school head role to children in kinship care, backed by": the role
            through = _WHAT_IS_DONE.search(text, max(0, backed.start() - 100), backed.start())
        return through[1] if through else None
    first = next((e for e in ents if text[e.end:name.start] == ", "), None)
    return text[first.start:name.end] if first is not None else name.text


# a plan named in apposition, its verb, then the amount: "The Department's reform plan, Stable Homes, Built on Love,
# committed £200 million" (the name may hold a comma of its own)
_APPOSITIVE = re.compile(r"\s*(?:The|Its|Our|Their|This|[A-Z][\w’'-]*[’']s)\s+(?:[\w’'-]+\s+){0,3}?(?:plan|strategy"
                         r"|programme|review|report|fund|scheme|reforms?|package|paper|framework),\s+"
                         r"(?P<name>[A-Z][^,;]{2,60}?(?:,\s+[A-Z][^,;]{2,40}?)?),\s+(?:[a-z]+\s+){1,3}"
                         r"(?:(?:around|about|over|almost|nearly|more\s+than|some|up\s+to"
                         r"|an?\s+(?:further|additional|extra))\s+)?")
_HELP_THROUGH = re.compile(r"\b(?:through|via)\s+(?:the\s+|new\s+|more\s+)?((?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)$")
_WHAT_IS_DONE = re.compile(r"\b(?:extend|extending|expand|expanding|introduce|introducing|launch|launching|create"
                           r"|creating|establish|establishing|roll\s+out|rolling\s+out|set\s+up|setting\s+up)\s+"
                           r"(?:the\s+|a\s+|an\s+|new\s+|our\s+|more\s+)*((?:[A-Za-z][\w’'-]*\s+){0,3}[A-Za-z][\w’'-]*)"
                           r"(?:\s+(?:to|for|in|across|into)\s+[^,;]{1,60})?$")
_BLANKED_TIME = re.compile(r"\s*(?:(?:in|on|at|during)\s+)?")  # what is left of a time the sentence's text blanks
_BACKED_BY = re.compile(rf",\s*(?:backed|funded|supported|underpinned)\s+by\s+(?:(?:{HEDGE})\s+)?$", re.I)


def appositive_name(text: str, start: int) -> str | None:
    """The name of a plan set between commas after it, when the amount at `start` follows its verb."""
    named = _APPOSITIVE.fullmatch(text, 0, start)
    return named["name"] if named else None
