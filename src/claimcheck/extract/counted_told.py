"""What a bare count counts when its own words do not say ("59,360", "31 of 153"): the whole it is a part of, the
share it spells out, the count before it in a list or a comparison, or what the paragraph counted last. `document`
asks here for each sentence's counts before it reads their subjects; `figures.scan` has already read what the
words right after a count name.
"""

from __future__ import annotations

import re

from claimcheck.extract.carried import THIS_IS_A
from claimcheck.extract.counted import counted_phrase
from claimcheck.extract.figures import BRACKET_OPENS
from claimcheck.extract.hedges import HEDGE
from claimcheck.extract.memory import Memory
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subject_clues import BRINGING, base_before
from claimcheck.extract.wholes import OF_THESE, OPENS_WITH_WHOLE, whole_named

_OF_THESE_AFTER = re.compile(rf"\s+{OF_THESE}", re.I)
OF_THESE_BEFORE = re.compile(rf"^\s*{OF_THESE}\s*,?\s*(?:\w+\s+){{0,2}}$", re.I)
_BRACKET_THEN_OF = re.compile(r"\s*\)\s+of\s+(?:the\s+|all\s+)?")
_AND_BEFORE = re.compile(r"\s(?:and|or|but)\s+$")  # ("..., but 2,000 joined": the contrast counts the same)
# "In 2010 there were 64,400 children in care; today there are 83,840": the same things, counted again
_THERE_ARE_AGAIN = re.compile(r"[;,]\s*(?:(?:today|now|currently|by\s+\d{4})\s*,?\s*)?there\s+(?:are|were|is|was)"
                              r"\s+(?:now\s+|currently\s+)?$", re.I)
# a sentence that goes on about the number the one before counted: "The number has risen every year since 2008"
_THE_NUMBER = re.compile(r"\s*(?:The|This|That)\s+(?:number|figure|total)\b(?!\s+(?:of|for)\b)")
_BRACKET_OF = re.compile(r"\s+(?:out\s+)?of\s+\d[\d,]*\s*\)")
_PART_IN_BRACKET = re.compile(r"\s+(?:out\s+)?of\s+")
_WORDS_THEN_BRACKET = re.compile(r"(?:\s+[\w’'-]+){1,6}\s*\(\s*")
# "unaccompanied asylum-seeking children (UASC), who numbered 7,380": the noun phrase before the clause (its
# first words may be the verb before it: "These figures exclude ..."; `_NOT_THE_NOUN` cuts up to the last such word),
# an acronym in brackets aside
# ("Unaccompanied asylum-seeking children numbered 4,560": without "who" too)
_WHO_NUMBERED = re.compile(rf"(?P<noun>(?:[a-z][\w’'-]*\s+){{0,3}}[a-z][\w’'-]*)\s*(?:\(\s*[A-Z]{{2,8}}s?\s*\)\s*)?"
                           rf"(?:,?\s+(?:who|which))?\s+(?:now\s+)?(?:numbered|number|totalled|totaled|total)\s+"
                           rf"(?:(?:{HEDGE})\s+)?$", re.I)
_NOT_THE_NOUN = re.compile(r"^.*\b(?:the|these|those|all|of|and|or|to|for|in|on|at|by|from|with|are|were|is|was"
                           r"|there|exclud\w*|includ\w*|cover\w*|only|currently|previously|now)\s+", re.I)


def counted_in_sentence(figures: list[Figure], text: str, timeless: str, memory: Memory) -> None:
    """Set what each count of the sentence `text` that counts nothing yet counts (`timeless`: the sentence with its
    time expressions blanked)."""
    for index, figure in enumerate(figures):
        if figure.kind == "count" and figure.counted is None \
                and (_OF_THESE_AFTER.match(text, figure.end) or OF_THESE_BEFORE.search(text, 0, figure.start)):
            # "47 children in external placements, 9 of whom are ...": the sentence's count before; or "800 foster
            # carers. Around 400 of these were in London": the paragraph's
            figure.counted = next((f.counted for f in reversed(figures[:index]) if f.kind == "count" and f.counted),
                                  None) or memory.counted_in_paragraph()
    if whole := whole_named(timeless):  # "Of the children looked after, 7,280 (9%) were ...": parts of that whole
        for figure in figures:
            if figure.kind == "count" and figure.counted is None and figure.start >= whole[1]:
                figure.counted = whole[0]
    for index, figure in enumerate(figures):
        if figure.kind != "count" or figure.counted is not None:
            continue
        if index and figures[index - 1].kind == "percent" \
                and BRACKET_OPENS.fullmatch(text, figures[index - 1].end, figure.start) \
                and (after := _BRACKET_THEN_OF.match(text, figure.end)):
            # "Around 12 per cent (10,140) of children in care": the share in children, counting them
            figure.counted = counted_phrase(text, after.end() - 1)[0]
        if figure.counted is None and (share := _share_before_bracket(figures, index, text)):
            # "one in five local authorities (31 of 153)": both count what the share is of
            figure.counted = counted_phrase(text, share.end)[0]
        if figure.counted is None and (who := _WHO_NUMBERED.search(text, max(0, figure.start - 120), figure.start)):
            figure.counted = _NOT_THE_NOUN.sub("", who["noun"]) or None
        if figure.counted is None and _THE_NUMBER.match(text):
            # "There were 83,840 children looked after ... The number has risen every year since 2008, when there
            # were 59,360": the number the paragraph counted
            figure.counted = memory.counted_in_paragraph()
        if figure.counted is None and (opening := OPENS_WITH_WHOLE.match(text)) and figure.start >= opening.end():
            # "Of the 61 projects, 46 were evaluated ..., 9 were evaluated internally": parts of the whole's count
            figure.counted = next((f.counted for f in figures if f.kind == "count" and f.counted
                                   and f.end <= opening.end()), None)
        if figure.counted is None and (_AND_BEFORE.search(text, 0, figure.start)
                                       or _THERE_ARE_AGAIN.search(text, max(0, figure.start - 40), figure.start)):
            # "Of these, 7 were judged outstanding and 3 inadequate": the next of a list counts what the one before does
            figure.counted = next((f.counted for f in reversed(figures[:index]) if f.kind == "count"), None)
        if figure.counted is None and (
                base_before(text, figure.start)
                or ((bringing := BRINGING.search(text, 0, figure.start)) and bringing[1].lower() == "total")):
            # "400,140 children in need ..., down 0.9% from 403,890 in 2023": the base counts what its level counts
            # (figures.py gives the base right after its level the level's noun; this one stands further back);
            # "a further 12 local authorities ..., bringing the total to 87": the total counts what was added
            level = next((f for f in reversed(figures[:index]) if f.kind == "count" and f.counted), None)
            # "50,780 children were ... That's up from 46,570 in 2018": the level is the sentence before's
            figure.counted = level.counted if level else \
                memory.counted_in_paragraph() if THIS_IS_A.match(text) else None


def _share_before_bracket(figures: list[Figure], index: int, text: str) -> Figure | None:
    """The share whose phrase a bracket of counts right after it spells out: "one in five local authorities (31 of
    153)"; None when the count at `index` is not in such a bracket."""
    first = index if index and _PART_IN_BRACKET.fullmatch(text, figures[index - 1].end, figures[index].start) is None \
        else index - 1  # the part, or the whole after it
    if first < 1 or figures[first - 1].kind != "percent" or not _BRACKET_OF.match(text, figures[first].end):
        return None
    share = figures[first - 1]
    return share if _WORDS_THEN_BRACKET.fullmatch(text, share.end, figures[first].start) else None


def statistic_of_a_place(figure: Figure, timeless: str) -> str | None:
    """ "There were 83,480 children looked after in England on 31 March 2023": that place's children, the statistic
    another document gives as "the number of children looked after in England" (not "141,000 children in England":
    children of what kind is not said, unless "living in kinship care" or "were in care" says it, which then joins
    what the count counts, as "83,630 children in care in England" in another document). `timeless` is the
    sentence with its time expressions blanked."""
    if not figure.counted or not figure.counted_end:
        return None
    living = _LIVING.match(timeless, figure.counted_end) if " " not in figure.counted else None
    place = _PLACE_AFTER.match(timeless, living.end() if living else figure.counted_end)
    if place is None or not (living or " " in figure.counted):
        return None
    if living:
        figure.counted = f"{figure.counted} {living['how']}"
    return f"{figure.counted}{place[0]}"


# (ending the phrase: "7,000 children looked after in England placed in residential care" are only some of them)
_PLACE_AFTER = re.compile(r"\s+(?:in|across)\s+(?:the\s+)?(?!(?:Quarter|Table|Figure|Chart|Annex|Chapter|Section|Part"
                          r"|Q\d)\b)[A-Z][\w’'-]+(?:\s+(?:upon\s+|on\s+|and\s+)?[A-Z][\w’'-]+){0,3}(?![\w’'-])"
                          r"(?=\s*(?:[.,;:)]|$|(?:were|was|are|is|had|have|has|will|would|rose|fell|increased"
                          r"|decreased|grew|remained|live|lived)\b))")
# what kind of children a plain count counts, before its place: "141,000 children living in kinship care in England",
# "85,100 children were in care in England"
_LIVING = re.compile(r"\s+(?:(?:were|are|was|is)\s+)?(?P<how>(?:living|growing\s+up|being\s+raised|cared\s+for)"
                     r"\s+(?:in|with|by)\s+(?:an?\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}?|in\s+care|looked\s+after)"
                     r"(?=\s+(?:in|across)\s)")
