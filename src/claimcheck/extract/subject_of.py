"""Which subject a figure gets: a named programme in its clause, what money is for (`money_subject`), the noun
phrase opening its clause, a share's whole, a headline's label, the programme its paragraph named; never a speaker.

It weighs what `subjects.py` (names) and `phrases.py` (the clause around a figure) offer, in an order
hand-written for the reason `subjects.py` gives.
"""

from __future__ import annotations

import re

from claimcheck.extract.clause_subject import REPORTED, subject_before_verb
from claimcheck.extract.hedges import HEDGE, OTHER_GROUP
from claimcheck.extract.memory import Memory, refers_back
from claimcheck.extract.money_subject import money_subject
from claimcheck.extract.quantities import Figure
from claimcheck.extract.share_subject import CHANGE_AFTER_AMOUNT, OF_ONE_THING, share_subject
from claimcheck.extract.subject_clues import CONTRAST, base_before, moved, nearest
from claimcheck.extract.subjects import Entity, clause_bounds
from claimcheck.extract.voices import announcing_occasion, in_aside, names_about, qualified_phrase, said_where
from claimcheck.extract.wholes import NEXT_IN_LIST
from claimcheck.units import CURRENCIES

# from one change to the next of the same thing, the dates blanked: " compared to [2015] and an increase of "
_NEXT_CHANGE = re.compile(rf"(?:\s+(?:compared\s+(?:to|with)|since|from|on|over|against)\b)?[\s,]+(?:and|but|or)\s+"
                          rf"(?:an?\s+)?(?:increase|rise|fall|drop|decrease|reduction)\s+of\s+(?:(?:{HEDGE})\s+)?",
                          re.I)
# "recruited 1,100 new social workers through Step Up to Social Work", "3,000 young people are expected to benefit
# from Staying Close"
_THROUGH_BEFORE = re.compile(r"\b(?:through|via|benefit(?:ed|ing|s)?\s+from|supported\s+by|helped\s+by)\s+(?:the\s+)?$",
                             re.I)


# what the things counted before provide: ", providing a total of", "..., which will provide a further"
# (not "69 projects ..., which will create an additional 350 beds": what the funding creates)
_PROVIDING = re.compile(r"[^.;]{0,80}?,\s*(?:which\s+(?:will\s+|would\s+)?)?(?:providing|provides?|offering|offers?)"
                        r"\s+(?:a\s+total\s+of\s+|a\s+further\s+|an\s+additional\s+|up\s+to\s+)?")
_MEASURE_OPENS = re.compile(r"(?:the\s+)?(?:percentage|proportion|share)\s+of\s", re.I)
_PLACE_AFTER = re.compile(r"(?:\s+[a-z][\w’'-]*){0,2}\s+(?:in|at|across)\s+(?:the\s+)?")


def _shares_of_two_groups(text: str, figure: Figure, level: Figure) -> bool:
    """ "6.7% of boys compared with 2.8% of girls": a share of another group, said beside the level's."""
    mine, theirs = _OF_GROUP.match(text, figure.end), _OF_GROUP.match(text, level.end)
    return figure.kind == "percent" and mine is not None and theirs is not None \
        and not set(mine[1].lower().split()) & set(theirs[1].lower().split())  # (not "of local authorities" and
    # "of authorities": one group named twice)


_NOT_IN_A_GROUP = r"compared|in|at|on|and|or|with|who|which|than|now|were|was|is|are|had|have|has"
_OF_GROUP = re.compile(rf"\s+of\s+(?:the\s+|all\s+)?"
                       rf"([a-z][\w’'-]*(?:\s+(?!(?:{_NOT_IN_A_GROUP})\b)[a-z][\w’'-]*){{0,2}})", re.I)


_QUOTES = ('"', "“", "‘", "'")
_NAMED_RIGHT_AFTER = re.compile(r"\s+(?:on|in|at|through|with|for)\s+(?:the\s+)?")


def subject_of(figure: Figure, text: str, ents: list[Entity], memory: Memory, figures: list[Figure],
               earlier: list[tuple[Figure, str]]) -> str | None:
    """The subject of `figure` in sentence `text`; `earlier` holds the sentence's figures before it with the
    subjects they were given."""
    money = [(f, subject) for f, subject in earlier if f.kind in ("money", "rate")]  # amounts before, subjects
    # (not a quotation holding the figure itself: '"Ofsted registered 120 new children's homes in the last year"')
    ents = [e for e in names_about(text, ents, figure)
            if not (e.start <= figure.start < figure.end <= e.end and text[max(0, e.start - 1):e.start] in _QUOTES)]
    lo, hi = clause_bounds(text, figure.start)
    if figure.kind in ("percent", "count") and base_before(text, figure.start) \
            and not OTHER_GROUP.match(text, figure.end) \
            and not (figure.kind == "percent" and OF_ONE_THING.match(text, figure.end)):
        # "56% of local authorities' children's services ..., up from 36% in 2018": the base is the same thing's,
        # and has no subject when the level has none ("33,900 FTE social workers, up from 33,200")
        preceding = figures[:next(i for i, f in enumerate(figures) if f is figure)]
        level = next((f for f in reversed(preceding) if f.kind == figure.kind), None)
        if level is not None and figure.counted and level.counted and figure.counted != level.counted:
            # "141,000 children living in kinship care in England, more than the 83,840 looked-after children":
            # another group, counted by its own noun, and not the level's place
            return None
        if level is not None and not _shares_of_two_groups(text, figure, level):
            return next((subject for f, subject in earlier if f is level), None)
    in_clause = [e for e in ents if lo <= e.start < hi and e.score >= 3 and not in_aside(text, e.start, e.end, figure)
                 and not said_where(text, e)
                 and not announcing_occasion(text, e)
                 # "figures obtained by the charity Become show only 62 of 153 councils": who said it
                 and not (e.end < figure.start and REPORTED.search(text, e.end, figure.start))]
    if figure.kind == "percent":
        if share := share_subject(figure, text, ents, memory, figures, earlier, lo):
            return share
        # "we have increased spending on children's social care by 50%": what was increased
        if figure.change and (over := moved(text, lo, figure.start)):
            return over[1]
    # "The percentage of pupils with an EHC plan has increased to 4.8%": the measure its clause opens with, not the
    # plan named inside it (a count says whom it counts in `counted`)
    if figure.kind == "percent" and in_clause and (opening := subject_before_verb(text, figure.start)) \
            and _MEASURE_OPENS.match(opening) and any(e.text in opening for e in in_clause):
        return opening
    if figure.kind in ("money", "rate") and figure.unit.startswith(CURRENCIES):
        return money_subject(figure, text, ents, in_clause, memory, figures, earlier, money, lo)
    if (counted := _counted_span(text, figure)) is not None:
        # "101 Frontline participants": Frontline's; but "191 CLA per 10,000 children": the name is all that is
        # counted, so what the count is about is named elsewhere ("Blackpool has the highest rate at ...")
        caps = [e for e in ents if counted[0] <= e.start < counted[1] and e.score >= 1 and e.text != figure.counted
                # told before, a name inside what is counted qualifies it: "The number of children subject to a
                # child protection plan fell to 50,010" is about the number, not the plan
                and (counted[1] > figure.start or e.start == counted[0] or e.text[:1].isupper())]
        if caps:
            return memory.expand(caps[0].text)
        # the counted noun, and a note before it ("33,900 full-time equivalent (FTE) children"), is not its subject
        own = (min(figure.end, counted[0]), counted[1])
        ents = [e for e in ents if not (own[0] <= e.start < own[1])]
        in_clause = [e for e in in_clause if not (own[0] <= e.start < own[1])]
    if figure.counted and figure.counted_start is None and figure.kind == "count" and not in_clause:
        return figure.counted  # "the number of children looked after ... rose to 83,840"
    last = earlier[-1] if earlier else None
    if last and last[0].kind == figure.kind and NEXT_IN_LIST.fullmatch(text, last[0].end, figure.start):
        return last[1]  # "compared with 88% in 2022 and 87% in 2021" (the years blanked)
    if last and figure.change and last[0].change and last[0].kind == figure.kind \
            and _NEXT_CHANGE.fullmatch(text, last[0].end, figure.start):
        return last[1]  # "an increase of 1% compared to 31 March 2015 and an increase of 5% compared to 2012"
    if figure.change and figure.kind == "percent" and money and money[-1][1] \
            and CHANGE_AFTER_AMOUNT.fullmatch(text, money[-1][0].end, figure.start):
        return money[-1][1]  # "spent £10.7 billion on children's social care in 2021-22, 9% more than in 2020-21"
    provider = next((f for f in reversed(figures) if f.end <= figure.start), None)
    if figure.kind == "count" and provider is not None and provider.kind == "count" and provider.counted \
            and _PROVIDING.fullmatch(text, provider.counted_end or provider.end, figure.start):
        return provider.counted  # "13 secure children's homes in England, providing a total of 233 places": theirs
    before = [e for e in ents if e.end <= figure.start and e.score >= 1
              and not in_aside(text, e.start, e.end, figure)  # "The figure, obtained through FOI requests, is"
              and not said_where(text, e)  # "announced at the Budget"
              and not REPORTED.search(text, e.end, figure.start)  # "figures obtained by Become show only 62"
              # "from 22 per 10,000 children in Richmond upon Thames to 164 per 10,000 in Blackpool": the place
              # right after another figure is that figure's
              and not any(f.end <= e.start and f.start < figure.start and _PLACE_AFTER.fullmatch(text, f.end, e.start)
                          for f in figures if f is not figure)]
    # "520 participants started on the Frontline programme and 460 on Step Up to Social Work": a bare count, its
    # noun and verb left out, is about the name right after it
    if figure.kind == "count" and figure.text[:1].isdigit() and figure.text.replace(",", "").isdigit() \
            and (place := _NAMED_RIGHT_AFTER.match(text, figure.end)) \
            and (named := next((e for e in ents if e.start == place.end()), None)) is not None:
        return memory.expand(named.text)
    if in_clause:
        return memory.expand(nearest(in_clause, figure).text)
    if before:
        return qualified_phrase(text, figure, before[-1]) or memory.expand(before[-1].text)
    if money and not CONTRAST.search(text, money[-1][0].end, figure.start):
        return money[-1][1]  # not across "..., while the number of children in care rose by 11%"
    referred = refers_back(text, figure.start, memory)
    if referred:
        return referred
    named = [e for e in ents if e.score >= 2 and e.start < hi]  # not a later clause's: ", yet kinship carers receive"
    if named:
        return nearest(named, figure).text
    # "recruited 1,100 new social workers through Step Up to Social Work": what they came through, a name even
    # without a head noun ("programme", "fund") to say so
    through = next((e for e in ents if figure.end < e.start < hi
                    and _THROUGH_BEFORE.search(text, max(figure.end, e.start - 40), e.start)), None)
    if through is not None:
        return memory.expand(through.text)
    return subject_before_verb(text, figure.start)


def _counted_span(text: str, figure: Figure) -> tuple[int, int] | None:
    """Where the noun the figure counts stands: after it ("101 Frontline participants") or told before it ("The
    number of children subject to a child protection plan fell to 50,010"); None when it is not in the text."""
    if not figure.counted:
        return None
    if figure.counted_start is not None and (figure.counted_end or 0) > figure.counted_start:
        return figure.counted_start, figure.counted_end
    at = text.rfind(figure.counted, 0, figure.start)
    return (at, at + len(figure.counted)) if at >= 0 else None


