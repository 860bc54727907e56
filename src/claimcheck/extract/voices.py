"""Names that are not what a figure is about: who says it ("..., the LGA said"), whose figures they are
("according to the Fostering Network"), a minister named by office, a name in an aside between dashes, in
brackets or in a participle clause, and, for a figure in a quotation, every name outside it. Nor where or on what
occasion money was announced ("announced at the Autumn Budget"), nor a name that only qualifies the phrase a
figure's clause opens with ("foster carers in England").
"""

from __future__ import annotations

import re

from claimcheck.extract.clause_subject import REPORTING, subject_before_verb
from claimcheck.extract.phrases import ANNOUNCING, ASIDE
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subjects import Entity


def names_about(text: str, ents: list[Entity], figure: Figure) -> list[Entity]:
    """The names of sentence `text` that `figure` may be about."""
    if quote := quoted_around(text, figure.start):  # a figure in a quotation is about what the quotation names,
        ents = [e for e in ents if quote[0] <= e.start and e.end <= quote[1]]  # not about its speaker's title
    # nor is any figure about who says it or whose figures they are ("..., according to the Fostering Network")
    return [e for e in not_voices(text, ents)
            if not _in_dashes(text, e, figure) and not _in_other_brackets(text, e, figure)]


def not_voices(text: str, ents: list[Entity]) -> list[Entity]:
    """The names of sentence `text` that are not who speaks or whose figures they are: what a later sentence of
    the paragraph may be about (`Memory`), so that a quotation's next sentence is not about its speaker's board."""
    return [e for e in ents if not _speaker(text, e) and not _SOURCE_BEFORE.search(text, max(0, e.start - 70), e.start)]


def quoted_around(text: str, pos: int) -> tuple[int, int] | None:
    """(open, close) of the quotation `pos` stands in ("Chair of the LGA's Board, said: “The cost ... can now
    exceed £10,000 a week”"), if any; straight quotes pair up in order, curly ones open and close."""
    curly = text.rfind("“", 0, pos)
    if curly >= 0 and text.rfind("”", curly, pos) < 0:
        close = text.find("”", pos)
        return curly, close if close >= 0 else len(text)
    if text.count('"', 0, pos) % 2:
        close = text.find('"', pos)
        return text.rfind('"', 0, pos), close if close >= 0 else len(text)
    return None


# "according to new figures from the County Councils Network (CCN)": whose figures, not what they are about
_SOURCE_BEFORE = re.compile(r"\b(?:according\s+to\s+(?:[\w’'-]+\s+){0,4}?(?:from\s+|by\s+)?"
                            # whose work found the figure: "Analysis by the County Councils Network (CCN) found"
                            r"|(?:analysis|research|a\s+report|a\s+survey|a\s+study|figures|data|estimates|modelling)"
                            r"\s+(?:by|from|for)\s+)(?:the\s+)?$", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|warned|according\s+to)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_SAID_AFTER = re.compile(rf"\s*,?\s*(?:said|says|told|added|warned|who\s+(?:said|added|warned)"
                         rf"|(?:{REPORTING})\s+that)\b", re.I)


def _speaker(text: str, entity: Entity) -> bool:
    """ "said ADCS president John Pearce, who added that costs had risen by 12%", "The Children's Commissioner
    estimates that 120,000 children ...": who speaks is not what a figure is about (a programme with a head noun
    always is); nor is a minister named by office ("Children's minister Claire Coutinho has committed £45m")."""
    return _SAID_AFTER.match(text, entity.end) is not None or (
        (entity.score < 3 or entity.head is None) and (_SAID_BEFORE.search(text, 0, entity.start) is not None
                                                       or _OFFICE_BEFORE.search(text, 0, entity.start) is not None))


# a person's office just before their name
_OFFICE_BEFORE = re.compile(r"\b(?:minister|secretary|chancellor|spokesperson|spokesman|spokeswoman|councillor|cllr"
                            r"|president|chair|chief\s+executive|director|commissioner|mayor)\s+$", re.I)


_DASH = re.compile(r"\s[-–—]\s")


def _in_dashes(text: str, entity: Entity, figure: Figure) -> bool:
    """ "£45 million ... in three areas - Dorset, Lincolnshire and Wolverhampton - and a further £36 million to
    expand the programme to 12 more areas": names in an aside between dashes are not what a figure outside it is
    about."""
    if " - " not in text and "–" not in text and "—" not in text:
        return False
    opened = [m.end() for m in _DASH.finditer(text, max(0, entity.start - 80), entity.start)]
    closed = _DASH.search(text, entity.end, entity.end + 80)
    return bool(opened and closed) and not opened[-1] <= figure.start < closed.start()


def in_aside(text: str, start: int, end: int, figure: Figure) -> bool:
    """ "The funding, announced at the Spending Review, includes £50 million for parenting programmes", "The
    report, published in May 2022, made 80 recommendations": the occasion in a participle aside, and its
    date, are not what the figure is about nor when."""
    return any(m.start() < start and end <= m.end() and not m.start() <= figure.start < m.end()
               for m in ASIDE.finditer(text, max(0, start - 80), end + 80))


def _in_other_brackets(text: str, entity: Entity, figure: Figure) -> bool:
    """ "worth £200 per learner (£300 for learners entering Year 7), is available to around 115,000 learners": a
    name in brackets the figure is not in is an aside's, not the figure's subject."""
    opened = text.rfind("(", 0, entity.start)
    if opened < 0 or text.rfind(")", opened, entity.start) >= 0:
        return False
    closed = text.find(")", entity.end)
    return closed >= 0 and text.find("(", entity.end, closed) < 0 and not opened < figure.start < closed


def qualified_phrase(text: str, figure: Figure, place: Entity) -> str | None:
    """ "The number of approved foster carers in England fell by 8%": a plain name that only qualifies the
    phrase the clause opens with is not what the figure is about; the whole phrase is. Nor is any name given as an
    example: "spending on early interventions such as Sure Start fell by 46%"; nor one of the things spending is
    on: "spending on Sure Start and young people's services was cut by 53%"."""
    example = _EXAMPLE_BEFORE.search(text, max(0, place.start - 30), place.start)
    spent_on = _SPENT_ON.search(text, 0, place.start) is not None
    if place.score != 1 and not example and not spent_on:
        return None
    phrase = subject_before_verb(text, figure.start)
    if not phrase:
        return None
    at = phrase.find(place.text)
    if spent_on and at > 0 and _SPENT_ON.fullmatch(phrase, 0, at) and len(phrase) > at + len(place.text):
        return phrase
    if place.score == 1 and at > 0 and phrase[:1].islower() and _NAMED_MEASURE.match(phrase, at + len(place.text)):
        return phrase  # "the average Attainment 8 score of children looked after was 20.3": the score
    if not phrase.endswith(place.text):
        return None
    head = phrase[:-len(place.text)]
    return phrase if _EXAMPLE_BEFORE.search(head) or _PLACE_BEFORE.search(head) and place.score == 1 else None


_NAMED_MEASURE = re.compile(r"\s+(?:\d+\s+)?(?:score|rate|gap|measure|level|grade|index|result|outcome)s?\b")
_SPENT_ON = re.compile(r"(?:^|\b)(?:total\s+)?(?:spending|expenditure|funding|investment)\s+(?:on|for|in)"
                       r"\s+(?:the\s+)?$", re.I)
_PLACE_BEFORE = re.compile(r"\w\s+(?:in|across|for|from|within)\s+(?:the\s+)?$")
_EXAMPLE_BEFORE = re.compile(r"\w,?\s+(?:such\s+as|like|including)\s+(?:the\s+)?$")


# "first announced in the 2021 Budget", "set out at the Spending Review", "announced at the Autumn Budget": where it
# was said, not what it is
_ANNOUNCED_IN = re.compile(rf"\b(?:{ANNOUNCING})\s+(?:in|at|on|during|through)\s+(?:the\s+|last\s+year.s\s+)?"
                           r"(?:(?:19|20)\d\d(?:-\d\d)?\s+)?(?:(?:spring|summer|autumn|winter)\s+)?$", re.I)
# "The Spring Budget 2024 announced £105 million for ...": the occasion that announced the money, not what it is for
# (but "The Adoption Support Fund announced £411m for 2014-15": a programme's own money)
# what an occasion does with money it names: "The Budget provides £165 million for new children's homes" is for
# the homes ("the 2021 Spending Review announced")
_ANNOUNCES = re.compile(rf"[\s\d]+(?:(?:has|have|had|will|also)\s+)?(?:{ANNOUNCING}|provides?|provided|gives?|gave"
                        r"|allocates?|allocated|includes?|included|delivers?|delivered|invests?|invested|commits?"
                        r"|committed|sets?\s+aside|confirms?)\b", re.I)
_OCCASION = re.compile(r"\b(?:budget|statement|spending\s+review|manifesto|speech|conference)$", re.I)


def said_where(text: str, e: Entity) -> bool:
    """Whether name `e` is where an amount was said ("announced at the Autumn Budget"; "In the Spending Review,
    the Chancellor announced that ..."), not what it is for."""
    return _ANNOUNCED_IN.search(text, max(0, e.start - 40), e.start) is not None or (
        _OCCASION.search(e.text) is not None and _OPENS_WITH.fullmatch(text, 0, e.start) is not None
        and _THEN_ANNOUNCED.match(text, e.end) is not None)


_OPENS_WITH = re.compile(r"\s*(?:In|At|During)\s+(?:the\s+|last\s+year.s\s+|this\s+year.s\s+)?(?:(?:19|20)\d\d\s+)?")
_THEN_ANNOUNCED = re.compile(rf"(?:\s+(?:19|20)\d\d)?\s*,\s*(?:[\w’'-]+\s+){{1,4}}?(?:{ANNOUNCING}|said|confirmed)\b",
                             re.I)


def announcing_occasion(text: str, e: Entity) -> bool:
    """Whether name `e` is an occasion that announced money ("The Spring Budget 2024 announced £105 million for
    ..."), not what the money is for."""
    return _OCCASION.search(e.text) is not None and _ANNOUNCES.match(text, e.end) is not None
