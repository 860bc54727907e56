"""Which subject a share or a percentage gets: what changed ("a 10% reduction in the number of social workers"),
the count before it that it is a share of ("52,050 (75%)"), the whole a share is of ("36% of LAs"), the next
share of one breakdown, the group named before its bracket. `subject_of` asks here first for a percentage and goes
on with its general rules when nothing here fits.
"""

from __future__ import annotations

import re

from claimcheck.extract.counted import counted_phrase
from claimcheck.extract.figures import BRACKET_CLOSES
from claimcheck.extract.hedges import HEDGE
from claimcheck.extract.memory import Memory
from claimcheck.extract.phrases import after_amount
from claimcheck.extract.quantities import Figure
from claimcheck.extract.subjects import Entity
from claimcheck.extract.wholes import OF_THE_WHOLE, OF_THESE, OPENS_WITH_WHOLE, whole_named

# a base that is a share of one named thing, not of the level's whole: "compared with 110% of the 2019 target"
OF_ONE_THING = re.compile(r"\s+of\s+(?:the|its|their)\s+((?:\w+\s+){0,2}(?:target|budget|level|average|plan|forecast"
                          r"|capacity|baseline|estimate|allocation))\b", re.I)
# ", of which", "; of these": a part of the figure before comes next
OF_WHICH_BEFORE = re.compile(rf",\s*{OF_THESE}\s*,?\s*(?:(?:{HEDGE})\s+)?$", re.I)
# "..., an increase of £1.2 billion", "..., up 9%", "..., a £200 million increase": the change of the amount before
CHANGE_AFTER_AMOUNT = re.compile(r"[^,;–—]*(?:,|\s[–—])\s*"  # "..., up 12%" or "... – up 12%"
                                 r"(?:(?:an?\s+)?(?:increase|rise|fall|drop|decrease|reduction|cut)\s+of\s+"
                                 r"|up\s+|down\s+|an?\s+)?(?:(?:around|about|over|nearly|almost|some)\s+)?", re.I)
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|all)\s+total\b(?!\s+[a-z])", re.I)
_BRACKET_AFTER_AMOUNT = re.compile(r"\s*\([^()]*\)")
_SAID_AGAIN = re.compile(r"\s*(?:,|\()\s*(?:or\s+)?(?:(?:around|about|some|nearly|almost|over)\s+)?")
_CHANGE_IN = re.compile(r"\s+(?:(?:real|cash)(?:[- ]terms)?\s+|year[- ]on[- ]year\s+|annual\s+)?(?:reduction|"
                        r"increase|rise|fall|cut|drop|decrease|decline|growth)(?=\s+in\s)")
_CHANGE_OF_BEFORE = re.compile(rf"\b(?:increase|rise|fall|drop|decrease|reduction|cut|growth)\s+of\s+"
                               rf"(?:(?:{HEDGE})\s+)?$", re.I)
_IN_WHAT = re.compile(r"\s+in\s+(?!(?:real|cash|nominal)\b|the\s+year\b)(?:the\s+|its\s+|their\s+)?", re.I)
_NUMBER_OF = re.compile(r"number\s+of\s+", re.I)
_INCLUDING = re.compile(rf",?\s+including\s+(?:(?:{HEDGE})\s+)?$", re.I)
_FOR_WHAT = re.compile(r"\s+for\s+(?:the\s+|its\s+|their\s+)?", re.I)
# after a share of the count before it, the verb that says what the share did or was: "85% were judged good"
_SHARE_VERB = re.compile(r"\s+(?:of\s+(?:them|these|those)\s+)?(?:were|was|are|is|had|have|did)\b", re.I)
# a share in words, then what it is a share of, just before a bracket: "half of councils (", "one in five councils ("
_SHARE_BEFORE_BRACKET = re.compile(r"\b(?:half|thirds?|quarters?|fifths?|tenths?|in\s+(?:\d+|three|four|five|ten))"
                                   r"(?:\s+of)?"
                                   r"(?:\s+[\w’'-]+){1,5}\s*$", re.I)
# "over-represented in the CLA population (57%) compared to the overall child population (51%)"
_GROUP_BEFORE_BRACKET = re.compile(r"\b(?:the|for|among|amongst|in)\s+(?:the\s+)?"
                                   # not the whole of "Four in five (80%)"
                                   r"(?!(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s*$)"
                                   r"((?:[\w’'-]+\s+){0,3}[\w’'-]+)\s*$")
_MOST_OF_BEFORE_BRACKET = re.compile(r"\b(?:(?:(?:vast\s+)?majority|minority)\s+of|most(?:\s+of)?)\s+(?:the\s+|all\s+)?"
                                     r"((?:[\w’'-]+\s+){0,4}[\w’'-]+)\s*\(?$", re.I)
_RATE_OF = re.compile(rf"\b(?:a|an|the|its|their)\s+((?:[\w’'-]+\s+){{0,3}}?"
                      rf"(?:rate|proportion|share|percentage|margin))\s+of\s+(?:(?:{HEDGE})\s+)?$", re.I)
_OPEN_BRACKET = re.compile(r"\(\s*$")
_SHARE_OF = re.compile(r"(?:\s*\)|\s+\(\d+(?:\.\d+)?%\)|\s+\(\d{1,3}(?:,\d{3})*\))?"  # "12 per cent (10,140) of"
                       r"\s+(?:of|(?:for|among|amongst)(?=\s+(?:all|other)\b)"
                       # "compared to 51% in the overall child population"
                       r"|in(?=\s+the\s+(?:overall|general|wider|whole|national|total)\s))"
                       r"\s+(?:the\s+|all\s+|our\s+|its\s+|their\s+)?")
_PROPORTION = re.compile(r"\w\s+(?:in|out\s+of)\s+(?:every\s+)?\S+$")
_BRACKETED_SHARE = re.compile(r"\)?(?:\s+\(\d+(?:\.\d+)?%\))?")
_TURN = re.compile(r"\b(?:while|whilst|whereas|although|but)\b", re.I)  # to another clause, with its own subject
_OF_WHICH_AFTER = re.compile(r"\s+of\s+(?:which|whom|these|those|them)\b")


_SHARE_SAID_AGAIN = re.compile(r"[^.;()\d%]{0,80}\(\s*")


def share_subject(figure: Figure, text: str, ents: list[Entity], memory: Memory, figures: list[Figure],
                  earlier: list[tuple[Figure, str]], clause_start: int) -> str | None:
    """The subject of the percentage `figure` by the rules for shares and changes, or None for the general ones.
    `earlier` holds the sentence's figures before it with their subjects; `clause_start` is where its clause
    starts."""
    if earlier and earlier[-1][1] and earlier[-1][0].kind in ("money", "rate") \
            and _SAID_AGAIN.fullmatch(text, earlier[-1][0].end, figure.start) \
            and (_OF_THE_TOTAL.match(text, figure.end) or _BRACKET_AFTER_AMOUNT.fullmatch(text, earlier[-1][0].end,
                                                                                          figure.end + 1)):
        # "Planned spending on children looked after is £6.9 billion, 49.6% of the total"; "an overspend of £8.4m
        # (5.9%)": the amount's share of its whole, so about what the amount is about
        return earlier[-1][1]
    if earlier and earlier[-1][1] and earlier[-1][0].kind == "percent" and not earlier[-1][0].change \
            and _SHARE_SAID_AGAIN.fullmatch(text, earlier[-1][0].end, figure.start) \
            and BRACKET_CLOSES.match(text, figure.end):
        return earlier[-1][1]  # "One in six children's social workers (17.6%)": the same share, in figures
    change_in = _CHANGE_IN.match(text, figure.end)
    described = after_amount(text, change_in.end()) if change_in else None
    if described:  # "a 10% reduction in the number of children's social workers", "a 4% rise in staff costs"
        return described
    if figure.change and _CHANGE_OF_BEFORE.search(text, max(0, figure.start - 40), figure.start) \
            and (in_what := _IN_WHAT.match(text, figure.end)):
        # "an increase of 6.8% in Core Spending Power": what increased, named after the figure
        named = next((e for e in ents if e.start == in_what.end()), None)
        if named is not None:
            return memory.expand(named.text)
        number_of = _NUMBER_OF.match(text, in_what.end())  # "in the number of children in care"
        if described := after_amount(text, number_of.end() if number_of else in_what.end()):
            return f"number of {described}" if number_of else described
    if _INCLUDING.search(text, max(0, figure.start - 20), figure.start) \
            and (for_what := _FOR_WHAT.match(text, figure.end)) \
            and (described := counted_phrase(text, for_what.end() - 1)[0]):
        return described  # "by up to 4.99%, including 2% for the adult social care precept": the precept's
    if one_thing := OF_ONE_THING.match(text, figure.end):
        return one_thing[1]  # "110% of the 2019 target": a comparison with that thing
    # "72,670 looked-after children, up 3.1%", "52,050 (75%)": a share or change of the count before it
    index = next(i for i, f in enumerate(figures) if f is figure)
    previous = next((f for f in reversed(figures[max(0, index - 3):index]) if f.counted), None)
    after_previous = max(previous.end, previous.counted_end or 0) if previous else 0
    # "650,270 referrals to children's social care in the year to 31 March 2023, up 4.0%": far, but the next
    # figure, and the change of the clause before
    near = previous and (figure.start - after_previous < 60 or (
        figure.change and figures[index - 1] is previous
        and CHANGE_AFTER_AMOUNT.fullmatch(text, after_previous, figure.start) is not None)) \
        and not _TURN.search(text, after_previous, figure.start)  # "..., while the number of plans rose by 53%"
    if previous and ((near and (figure.change or _OPEN_BRACKET.search(text[max(0, figure.start - 5):figure.start])))
                     or OF_THE_WHOLE.search(text, 0, figure.start)  # "Of the 2,460 homes inspected, 81% were"
                     # "2,400 inspections of children's homes in 2022-23, of which 81% were judged good"
                     or OF_WHICH_BEFORE.search(text, max(previous.end, previous.counted_end or 0), figure.start)
                     # "2,880 children's homes in England, 83% of which are run by private providers"
                     or _OF_WHICH_AFTER.match(text, figure.end)
                     # "Of the 152 local authorities, 56% were judged good ..., 34% requires improvement"
                     or ((whole := OPENS_WITH_WHOLE.match(text)) and previous.start < whole.end())
                     # "Ofsted inspected 3,000 providers; 85% were judged good": the count just before
                     or (figures[index - 1] is previous and previous.kind == "count"
                         and _SHARE_VERB.match(text, figure.end))):
        return previous.counted
    if (whole := whole_named(text)) and figure.start >= whole[1]:
        return whole[0]  # "Of the children looked after [at 31 March 2023], 57% were boys"
    if rate_of := _RATE_OF.search(text, clause_start, figure.start):
        return rate_of[1]  # "7,900 FTE vacancies, a vacancy rate of 20.0%"
    # "a quarter (24%) of children's homes beds": either share, of the beds
    share_of = _SHARE_OF.match(text[figure.end:])  # "compared with 72% for all other pupils"
    if share_of:  # "36% of LAs were judged good": a share of the LAs
        counted, _, _ = counted_phrase(text, figure.end + share_of.end() - 1)
        if counted:
            return counted
        # "two thirds of the 151 local authorities": a share of the count that follows
        whole = next((f for f in figures if f.start == figure.end + share_of.end()), None)
        if whole is not None and whole.kind == "count" and whole.counted:
            return whole.counted
    if not share_of and (whole := _breakdown_before(figure, figures, earlier, text)):
        return whole  # "71% of CLA, 10% were Mixed ..., 7% Black ...": the next share of the same whole
    proportion = _PROPORTION.search(figure.text)
    bracketed = text[figure.end:figure.end + 1] == ")" and text[max(0, figure.start - 1):figure.start] == "("
    if proportion or bracketed:  # "4 in 10 children's social workers", "Around 1 in 5 (21%) social workers"
        skip = _BRACKETED_SHARE.match(text[figure.end:])
        counted, _, _ = counted_phrase(text, figure.end + skip.end())
        if counted:
            return counted
        share = next((subject for f, subject in reversed(earlier) if f.kind == "percent"), None)
        if bracketed and share and _SHARE_BEFORE_BRACKET.search(text, 0, figure.start - 1):
            return share  # "Over half of councils (54%) reported an overspend": the same share, in figures
        if bracketed and (most := _MOST_OF_BEFORE_BRACKET.search(text, 0, figure.start - 1)) \
                and (counted := counted_phrase(text, most.start(1) - 1)[0]):
            return counted  # "The majority of children in care (71%) live with foster families"
        if bracketed and (named := _GROUP_BEFORE_BRACKET.search(text, 0, figure.start - 1)):
            return named[1]  # "compared to the overall child population (51%)": that group's share
    return None


# between the shares of one breakdown: a comma or "and", words (an age: "were aged 16+ years"), no share or money and
# no turn to another clause
# "Of these, 44% were in kinship foster care and 34% in non-kinship foster care": a breakdown of the whole before
_OF_THESE_FIRST = re.compile(rf"\s*{OF_THESE}\s*,?\s*(?:(?:{HEDGE})\s+)?$", re.I)
_NEXT_SHARE = re.compile(r"(?=[^;.%£$€]{0,120}$)(?![^;]*\b(?:while|whilst|whereas|although|but|compared)\b)"
                         r"[^;]*(?:,|\band\b)[^;]*", re.I)


def _breakdown_before(figure: Figure, figures: list[Figure], earlier: list[tuple[Figure, str]],
                      text: str) -> str | None:
    """ "Children of White ethnicity account for 71% of CLA, 10% were Mixed ..., 7% Black ...": a share after a
    share of a named whole, in the same list, is of that whole too (not of "Black British", nor "London" in "45%
    of projects were in London, 70% in the North")."""
    index = next(i for i, f in enumerate(figures) if f is figure)
    previous = next((f for f in reversed(figures[:index]) if f.kind == "percent" and not f.change), None)
    if previous is None or figure.change or any(f.kind != "percent" for f in figures[figures.index(previous):index]):
        return None
    subject = next((s for f, s in earlier if f is previous), None)
    first = next((f for f in figures if f.kind == "percent" and not f.change), None)
    of_a_whole = re.match(r"\s+of\s", text[first.end:]) or _OF_THESE_FIRST.match(text, 0, first.start)
    if subject is None or not of_a_whole or not _NEXT_SHARE.fullmatch(text, previous.end, figure.start):
        return None
    return subject
