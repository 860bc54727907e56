"""Hedges and changes: the words around a figure that decide what it claims.

Hand-written because no maintained library reads "up to" as a ceiling and
"up 3.1%" as a change. A hedge is read only when it stands right before the
figure ("over £4 million over the three years": the first "over" is a floor,
the second belongs to the period).
"""

from __future__ import annotations

import re

from claimcheck.guards import Endings, any_in, fold

_BOUND_BEFORE = [
    ("approx", r"(?:an?\s+)?average\s+of|averages?|averaged|averaging|around|about|approximately|approx\.?|"
               r"roughly|some|circa|c\.|ca\.|"
               r"an\s+estimated|estimated|close\s+to|in\s+the\s+region\s+of|broadly|of\s+the\s+order\s+of"),
    ("min", r"more\s+than|over|at\s+least|in\s+excess\s+of|upwards\s+of|well\s+over|just\s+over|above|"
            r"greater\s+than|a\s+minimum\s+of|no\s+less\s+than|not\s+less\s+than|exceeding|exceeds?|exceeded|"
            r"over\s+and\s+above|"
            r"no\s+fewer\s+than|not\s+fewer\s+than|north\s+of"),
    ("max", r"up\s+to|under|almost|nearly|less\s+than|fewer\s+than|below|no\s+more\s+than|not\s+more\s+than|"
            r"as\s+much\s+as|as\s+many\s+as|at\s+most|just\s+under|a\s+maximum\s+of|just\s+below|close\s+on|"
            r"capped\s+at|limited\s+to|a\s+ceiling\s+of|not\s+exceeding|no\s+greater\s+than|getting\s+on\s+for|"
            r"the\s+best\s+part\s+of|a\s+little\s+under|slightly\s+(?:less|fewer)\s+than|approaching|south\s+of"),
]
_BOUND_RE = [(bound, re.compile(rf"(?:^|[^\w])(?:{words})\s*$", re.I)) for bound, words in _BOUND_BEFORE]
# every hedge as one alternation, for patterns that step over a figure's hedge to reach it ("up from around 4,000")
HEDGE = "|".join(words for _, words in _BOUND_BEFORE)
# a hedge that ends a text: what the text before a figure says of it, not what the figure is about ("rose to over",
# "to help councils create up to")
TRAILING_HEDGE = re.compile(rf"(?:^|(?<=[^\w]))(?:{HEDGE})\s*$", re.I)
# The last word of every hedge, lower case and without its full stop ("c." is "c"); those that end a longer
# hedge only, with the words they follow in it ("than": "more than", "less than"...). A text before a figure
# that ends in none of them (most do not) holds no hedge, and the end-anchored patterns need not be tried at
# each of its positions (tests/test_guards.py checks these, and _CHANGE_ENDINGS, against the patterns).
_HEDGE_FREE = ("about", "above", "almost", "approaching", "approx", "approximately", "around", "average", "averaged",
               "averages", "averaging", "below", "broadly", "c", "ca", "circa", "estimated", "exceed", "exceeded",
               "exceeding", "exceeds", "nearly", "over", "roughly", "some", "under")
_HEDGE_LED = (("than", ("more", "less", "fewer", "greater")), ("to", ("close", "up", "limited")),
              ("of", ("average", "region", "order", "excess", "upwards", "minimum", "maximum", "ceiling", "part",
                      "north", "south")),
              ("as", ("much", "many")), ("least", ("at",)), ("most", ("at",)), ("on", ("close",)),
              ("at", ("capped",)), ("for", ("on",)))
_HEDGE_ENDINGS = Endings(_HEDGE_FREE, _HEDGE_LED)
# the words before a comparison base: "up from", "down 0.9% from", "an increase of 4% from", "rising from",
# "compared with" (one fragment for what a base counts, what it is about, and the period it never borrows)
BASE_FROM = (r"(?:up|down|rising|falling|(?:an?\s+)?(?:increase|decrease|rise|fall)(?:\s+of)?)"
             r"(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percentage\s+points?))?\s+from|compared\s+(?:with|to)")
# what BASE_FROM ends with ("from", "with", "compared to"), and after it a hedge (for patterns anchored at the
# end of the text before a base: `Endings`)
BASE_ENDINGS = Endings(("from", "with", *_HEDGE_FREE),
                       tuple((word, (*leaders, "compared") if word == "to" else leaders)
                             for word, leaders in _HEDGE_LED))
# after a base: "compared with 13% of all young people", "compared with 72% for all other pupils": the same time's
# figure for another group, not another time's for the same one
OTHER_GROUP = re.compile(r"\s+(?:(?:of|for|among|amongst)\s+(?:all|other|non-[\w-]+|their\s+peers"
                         r"|the\s+(?:general|wider)\s+population)"
                         r"|in\s+the\s+(?:overall|general|wider|whole|national|total)\s)\b", re.I)
_ARTICLE_AT_END = re.compile(r"(?<=\w)\s+an?\s+$", re.I)
# a limit said of none: "no authority will receive more than", "no council will get less than"
_NONE_WILL = re.compile(r"\b[Nn]o\s+(?:[\w’'-]+\s+){1,4}?(?:will|would|shall|can|could|may|should|must)\s+"
                        r"(?:be\s+)?(?:[a-z]+\s+){0,2}?(?:more|greater|less|fewer|lower|higher)\s+than\s*$")
_DECLINE_UNDER = re.compile(r"(?:children|people|those|young\s+people|pupils)\s+under\s*$", re.I)

# "up 3.1%" is a change, "made up 17.6% of the workforce" and "set up 20 hubs" are not
_NOT_PHRASAL = "".join(
    f"(?<!{verb}\\s)" for verb in ("made make makes making set sets setting signed sign signs took take takes taking "
                                  "taken picked broke broken turned split shut opened open drawn drew draw backed "
                                  "held propped shored summed called followed used put brought given").split()
)
# A change's words right before its figure, each phrase after a non-word character or the text's start: the
# text is searched with a space before it (`is_change`), so that every phrase opens with a non-word character
# and the scan can skip to those, instead of trying "^" or one at every position of the text.
_CHANGE_BEFORE = re.compile(
    r"[^\w](?:"
    r"(?:an?\s+)?(?:additional|extra|further|another|new|more)\s*$"
    r"|(?:an?\s+)?(?:(?:annual|overall|net|real[-\s]terms)\s+)?"
    r"(?:increase|rise|decrease|fall|cut|reduction|drop|growth|uplift|boost|decline|change)s?\s+of\s*"
    rf"(?:(?:{HEDGE})\s+)?$"
    r"|(?:increased|increasing|increases?|rose|risen|rising|rises?|grown|grew|growing|grows?|fell|fallen"
    r"|falling|falls?|decreased|decreases?|dropped|drops?|"
    r"reduced|cut|boosted|raised|topped\s+up|went\s+up|gone\s+up|go\s+up|went\s+down"
    rf"|{_NOT_PHRASAL}(?:up|down))"  # "up by a quarter on Q3 2022/23"; not "drawn up by", "set up by"
    # "increased core spending power by", "increased spending on children's social care by"
    # (six words: "increased the national minimum allowance for foster carers by"; and an acronym in brackets:
    # "increased the national minimum allowance (NMA) for foster carers by")
    r"(?:\s+(?:(?:the|its|their|our)\s+)?[a-z’'-]+(?:\s+(?:[a-z’'-]+|\([A-Z]{2,6}\))){0,6}?)?"
    r"\s+by\s*"
    rf"(?:(?:{HEDGE})\s+)?$"
    # "Funding per child fell 3 pp": a change without "by" (but "rose to 5%" is the level reached)
    r"|(?:rose|fell|grew|dropped|declined|jumped|climbed|slipped|increased|decreased|rising|falling"
    r"|growing|increasing|decreasing)\s+"  # ("rose above 5%", "fell below 10%" are levels: not every hedge here)
    r"(?:(?:over|more\s+than|around|about|almost|nearly|up\s+to|at\s+least|some)\s+)?$"
    rf"|(?=(?:up|down)\s*$){_NOT_PHRASAL}(?:up|down)\s*$)",
    re.I,
)
# the last word of every phrase _CHANGE_BEFORE ends with: a hedge's, or "additional", "by", "rose", "up", and
# "of" after the noun of a change ("an increase of")
_CHANGE_NOUNS = ("increase", "rise", "decrease", "fall", "cut", "reduction", "drop", "growth", "uplift", "boost",
                 "decline", "change")
_CHANGE_ENDINGS = Endings(
    (*_HEDGE_FREE, "additional", "another", "by", "climbed", "declined", "decreased", "decreasing", "down", "dropped",
     "extra", "falling", "fell", "further", "grew", "growing", "increased", "increasing", "jumped", "more", "new",
     "rising", "rose", "slipped", "up"),
    tuple((word, (*leaders, *_CHANGE_NOUNS, *(f"{noun}s" for noun in _CHANGE_NOUNS)) if word == "of" else leaders)
          for word, leaders in _HEDGE_LED))
_CHANGE_AFTER = re.compile(
    r"^\s*(?:(?:pay|funding|budget|cash(?:[-\s]terms)?|real[-\s]terms|price|fee|rate|grant|spending)\s+(?=increase|rise|uplift|cut"
    r"|reduction|decrease|fall|drop|boost))?"  # "a 2% pay rise": a change in pay
    r"(?:more|fewer|less|extra|additional|increase|rise|uplift|cut|reduction|decrease|fall|drop|higher|lower|"
    r"up\s+on|down\s+on|on\s+(?:the\s+)?(?:previous|last)\s+year"
    # "£1.1m above budget", "3% below target": the gap to a plan, not a level
    r"|(?:above|below|over|under)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:budget|target|forecast|plan|estimate)s?"
    r"\b(?!\s+(?:period|years?|cycle|round|line|heading|setting|envelope)\b)"
    r"|of\s+(?:additional|extra|further|new)\s+(?:funding|investment|money|spending|capital|grants?))\b",
    re.I,
)


# "out of 151", "a total of 151", "in total", and "The funding, including £20 million for schools, totals £100 million"
_TOTAL_BEFORE = re.compile(r"(?:\bout of(?: the| all)?|\bof a total of|\btotal(?:s|led|ling|ing)?(?: of)?"
                           r"|\bin total)\s*$", re.I)
_TOTAL_IN_TEXT = re.compile(r"\btotal\b", re.I)
_OF_THE = re.compile(r"\bof (?:the|all)\s*$", re.I)
# "£500m, of which £200m", "2,400 inspections in 2022-23, of which 81%", "£500m of which £200m" (but "47 children,
# 9 of whom are": the part, with neither a comma nor a figure after it)
_WHOLE_AFTER = re.compile(r"(?:\s+(?:in|on|at|during)\s+[^,;()]{1,25}?)?(?:\s*\([^()]{0,30}\))?"
                          r"(?:\s*,\s*of\s+(?:which|whom)\b|\s+of\s+(?:which|whom)\s+(?=(?:[a-z]+\s+){0,2}[£$€\d]))"
                          # "a £1.5 billion package of support, including £500 million", "the £2bn fund includes":
                          # a few words naming the whole, no verb of their own
                          r"|(?:\s+(?!(?:was|were|is|are|has|have|had|will|would|to|for|and|or|by|with)\b)[a-z][\w-]*)"
                          r"{0,4}?\s*,?\s*(?:including|includes|included|which\s+(?:includes|included))\b"
                          # "3,000 children were adopted, including 400 babies": a clause of its own, then a comma
                          r"|[^,.;:()]{1,40},\s*including\b", re.I)
_WHOLE_AFTER_WORDS = ("which", "whom", "includ")  # what every _WHOLE_AFTER match holds: few texts after a figure do
# the words _TOTAL_BEFORE ends with: "total(led...)", and "of", "the", "all" after their own words ("out of the")
_TOTAL_ENDINGS = Endings(("total", "totals", "totalled", "totalling", "totaling"),
                         (("of", ("out", "total", "totals", "totalled", "totalling", "totaling")), ("the", ("of",)),
                          ("all", ("of",))))
# "of the 151" is a whole after a part ("13 of the 29", "£5m of the £45m", "most of the 151") or opening its clause
# ("Of the 31 homes judged inadequate, 27 improved"); not in "What assessment has the Minister made of the £45m"
_PART_BEFORE = re.compile(
    r"(?:^|[,;:(]|\b(?:[\d.,]+%?|[\d.,]+\s?(?:m|bn|k)|million|billion|thousand|per\s?cent|percent|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundreds?|most|majority|minority|all|some|many"
    r"|half|thirds?|quarters?|fifths?|tenths?|proportion|share|portion|part|parts|none|each|any|few|several|rest"
    r"|remainder|bulk))\)?$", re.I)


def is_total(before: str, text: str, after: str = "") -> bool:
    """Whether a figure is presented as a whole its sentence's other figures are parts of: "146 local
    authorities out of a total of 151", "of the 151", "a total of £333 million", "£500m, of which". Read here,
    with the sentence in hand, so that no check has to read sentences again."""
    tail = before[-25:]
    if _TOTAL_IN_TEXT.search(text) or (_TOTAL_ENDINGS.end(tail) and _TOTAL_BEFORE.search(tail)) \
            or (any_in(_WHOLE_AFTER_WORDS, fold(after)) and _WHOLE_AFTER.match(after)):
        return True
    of_the = _OF_THE.search(before, max(0, len(before) - 12))
    return bool(of_the and _PART_BEFORE.search(before[max(0, of_the.start() - 30):of_the.start()].rstrip()))


def bound_of(before: str) -> str:
    """The bound a hedge right before a figure sets: exact, approx, min or max (or before its article: "at least a
    4% increase")."""
    tail = _ARTICLE_AT_END.sub("", before[-42:])
    if tail.rstrip().endswith(("~", "≈")):
        return "approx"  # "~£3m", "≈ 40%": a sign for "around"
    if not _HEDGE_ENDINGS.end(tail):
        return "exact"
    found = [(m.start(), order, bound) for order, (bound, regex) in enumerate(_BOUND_RE) if (m := regex.search(tail))]
    if not found:
        return "exact"
    _, _, bound = min(found)  # the longest hedge: "no more than 20" is a ceiling, not "more than 20"
    if bound == "max" and _DECLINE_UNDER.search(tail):
        return "exact"  # "children under 5" is an age, not a ceiling
    if bound in ("min", "max") and _NONE_WILL.search(before[-90:]):
        return "max" if bound == "min" else "min"  # "no authority will receive more than £1.2 million": a ceiling
    return bound


# between one change and the same change measured another way: "an increase of 30% in cash terms and 9% in real
# terms", "rose by 30% in cash terms and by 9% in real terms"
IN_OTHER_TERMS = re.compile(rf"\s+in\s+(?:cash|real|nominal|money)(?:[- ]terms)?\s*,?\s+(?:and|or|but)\s+(?:by\s+)?"
                            rf"(?:(?:{HEDGE})\s+)?", re.I)


_EMPHASIS_END = re.compile(r"(?<=\w)\s+(?:just|only|merely|a\s+mere)\s*$", re.I)


def is_change(before: str, after: str, signed: bool) -> bool:
    """Whether a figure states a change or an increment rather than a level."""
    tail = _EMPHASIS_END.sub("", before[-80:])  # "grew by just 18%", "rose by only 2%": the change, stressed
    return signed or (_CHANGE_ENDINGS.end(tail) and _CHANGE_BEFORE.search(" " + tail) is not None) \
        or bool(_CHANGE_AFTER.match(after[:30])) \
        or (_may_say_change_in(tail) and _CHANGE_IN_OF.search(tail) is not None)


def _may_say_change_in(tail: str) -> bool:
    """What every `_CHANGE_IN_OF` match holds: " in ", and at its end "of" or a hedge after it (a guard, see
    guards.py; folded as the pattern ignores case)."""
    folded = fold(tail)
    return " in " in folded and (folded.rstrip().endswith("of") or _HEDGE_ENDINGS.end(tail))


# "an increase in Core Spending Power of up to £4.5 billion": what changed, named between the change and its size
# (apart from _CHANGE_BEFORE, whose guard needs a change noun right before "of")
_CHANGE_IN_OF = re.compile(rf"\b(?:increase|rise|decrease|fall|cut|reduction|drop|growth|uplift|boost|decline)s?"
                           rf"\s+in\s+(?:[\w’'-]+\s+){{1,4}}?of\s+(?:(?:{HEDGE})\s+)?$", re.I)


def interval(value: float, bound: str, step: float | None) -> tuple[float, float]:
    """The values a statement allows: the hedge opens one side, the stated digits' rounding widens both.

    "over £8.4 million" is [8.35m, inf): more than 8.4m as rounded. "approx" keeps
    the rounding only; the check that compares figures adds its tolerance.
    """
    half = (step or 0.0) / 2
    low, high = value - half, value + half
    if bound == "min":
        return low, float("inf")
    if bound == "max":
        return min(0.0, low), high
    return low, high
