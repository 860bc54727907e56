"""Parts, wholes and lists: how a figure points at the whole it is a part of ("Of the 83,840 children looked after,
57,690 ...", "of which 800", "Of these, 7 ..."), at the figure before it in a list ("389,260 in 2021 and 399,620"),
when a bare number with nothing counted still reads as a figure rather than a stray digit, and which of a listed
subject's names each figure "respectively" takes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.claims import Claim
from claimcheck.extract.hedges import TRAILING_HEDGE
from claimcheck.subjects import normalise_subject

# "Of the 83,840 children looked after, " (a thousands comma is no clause break): what opens a sentence about
# parts of a whole; in a whole sentence, or in the window before a figure (where "Of" must keep its capital)
_WHOLE = r"\s+(?:the|these|those|all|all\s+the)\s+(?:[^,;]|(?<=\d),(?=\d{3}))+,"
_WHOLE_AFTER_OF = _WHOLE + r"\s*$"
_PARAGRAPH_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})?\s+)?"  # "2.2 Of the 94 projects funded, 56 ..."
OF_THE_WHOLE = re.compile(r"(?:^|[;:])\s*" + _PARAGRAPH_NUMBER + "Of" + _WHOLE_AFTER_OF, re.I)
OPENS_WITH_WHOLE = re.compile(r"\s*" + _PARAGRAPH_NUMBER + "Of" + _WHOLE)  # a sentence about parts of that whole
# (or a plural said without "the": "Of children who left care, 14% returned home"; not "Of course,")
_PLAIN_WHOLE = re.compile(r"\s*" + _PARAGRAPH_NUMBER + r"Of\s+(?:(?:the|these|those|all|all\s+the)\s+"
                          r"|(?=(?:children|people|staff|(?-i:[a-z])[\w’'-]+s)\b))([^,;\d]{3,80}?)\s*,")


def whole_named(text: str) -> tuple[str, int] | None:
    """ "Of the children looked after [at 31 March 2023], 57% were boys": the whole a sentence's parts and shares
    are of, named without a figure (its time expression blanked), and where its clause ends."""
    m = _PLAIN_WHOLE.match(text)
    return (re.sub(r"\s+", " ", m[1]).strip(), m.end()) if m and re.search(r"[a-z]{3}", m[1]) else None


_OF_THE_WHOLE_BEFORE = re.compile(r"(?-i:\bOf)" + _WHOLE_AFTER_OF, re.I)
# a later part of the same whole, in the list after the first: ", 9 were evaluated internally and 6 were not"
_LATER_PART = re.compile(r"(?-i:\bOf)" + _WHOLE + r"[^;:]*(?:,|\band)\s*$", re.I)
_PART_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|did|received|reported)\b", re.I)


# what joins one figure of a list to the next: "389,260 in 2021 and 399,620", "88% [in 2022] and 87%", "71 a year
# earlier and 67"
# a figure's own time after it, "in 2021", "at 31 March 2022", "in 2019/20" (or that time blanked)
_ITS_TIME = r"\s+(?:in|at|on|for)\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?[\w/-]+|\s*\x00+"
LIST_JOINT = rf"(?:{_ITS_TIME}|\s+(?:an?|[\w-]+)\s+(?:years?|months?)\s+(?:earlier|before|ago))?,?\s+(?:and|or)\s+"
NEXT_IN_LIST = re.compile(LIST_JOINT, re.I)
_LIST_OF_FIGURES = re.compile(rf"(?<![\w,.])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?{LIST_JOINT}$", re.I)
# "was 44,450 at 31 March 2020, 43,905 at 31 March 2021, 43,360 at ...": one more of a list joined by commas, each
# figure at its time (blanked in the text read)
COMMA_LIST_JOINT = rf"(?:{_ITS_TIME})\s*,\s+"
_COMMA_LIST = re.compile(rf"(?<![\w,.])(?!(?:19|20)\d\d\b)\d[\d,]{{2,}}(?:\.\d+)?{COMMA_LIST_JOINT}$", re.I)
# "64,400 children in care in 2010, and 83,840 in 2023": the next of a list of counted figures, each at its time
_COUNTED_THEN_TIME = re.compile(r"(?<![\w,.])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\s+(?:[a-z][\w’'-]*\s+){1,5}?"
                                r"(?:in|at|on|by)\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d(?:[-/]\d{2,4})?,?\s+(?:and|or)\s+$")
_AT_A_TIME = re.compile(r"\s+(?:in|at|on|by)\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?(?:19|20)\d\d\b")


# "of which", "of these": what points back at the whole a part is of (lower case; callers set the case)
OF_THESE = r"of\s+(?:which|whom|these|those|them)\b"
_ONLY_BEFORE = re.compile(r"(?:^|(?<=\s))(?:only|just|merely|a\s+mere)\s*$", re.I)


# "9,000 more than in 2015", "3,000 fewer than five years ago": a bare number that is the difference from a time
THAN_BEFORE = re.compile(r"\s*(?:more|fewer|less)\s+than\s+(?:(?:in|on|at)\s+)?(?:(?:19|20)\d\d\b|a\s+(?:year|decade)\b"
                         r"|the\s+(?:previous|preceding|same|last|year\s+before)\b|last\s+\w+\b"
                         r"|(?:\w+\s+)?(?:years?|months?|decades?)\s+(?:ago|earlier|before)\b|before\b|previously\b)",
                         re.I)


_GRADED = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?(?:(?:judged|rated|graded)\s+(?:as\s+)?)?"
                     r"(?:inadequate|outstanding|good|requires?\s+improvement)\b", re.I)
_NUMBER_OF = re.compile(r"\b(?i:number|total|figure)\s+of\b")
# the words a bare number reads as a figure after: "rose to", "was", "by", "compared with", "including"
_FIGURE_FOLLOWS = re.compile(
    r"\b(?:to|at|of|was|were|is|are|reached|totalled|stood\s+at|by|from|compare[sd]?\s+(?:with|to)|than"
    r"|reach(?:es|ing)?|hit(?:s|ting)?|stands\s+at|standing\s+at"  # "rose by 4.2%, reaching 7,900"
    r"|numbered|numbering|totalling|totaling|(?:who|which)\s+number"  # "children, who numbered 7,380"
    r"|the\s+(?:remaining|other)"  # "Of the 94 projects, 56 were evaluated and the remaining 38 ..."
    r"|(?:a|an)\s+(?:further|additional|extra)|another"  # "with a further 100 planned"
    r"|including)"  # "3,452 applications, including 2,987 from local authorities"
    r"(?:\s+(?:now|currently|today))?"  # "there are now 83,840"
    rf"\s*$|[(|]\s*$|\b(?i:{OF_THESE}),?\s*$|\bout\s+of\s+the\s*$"
    r"|,\s*with\s*$")  # "300 applications, with 45 coming from London": some of them
# the past-tense verb a bare count follows: "and the partnership funded 20", "and recruited a further 55"
VERB_BEFORE = re.compile(r"\b([a-z]{3,}ed)\s+(?:(?:a\s+further|another|an\s+additional)\s+)?$")
_SAME_VERB_COUNTED = re.compile(r"\d[\d,]*\s+[a-z]")  # an earlier count with its noun
# a count, its verb and a preposition, then "and" before a bare number whose verb is left out, the same preposition
# after it: "520 participants started on the Frontline programme and 460 on Step Up", "of whom 6,710 (86%) were in
# homes run by private providers and 1,110 in homes run by local authorities"
GAPPED_COUNT = re.compile(r"(?<![\w,.£$€])\d[\d,]*(?:\s*\([^()]{1,20}\))?\s+(?:[a-z][\w’'-]*\s+)?"
                          r"(?:were|was|are|is|[a-z]{3,}ed|began|took|joined|went|won)\s+"
                          r"(?P<prep>on|in|at|for|through|from|with)\s+[^,;.]{1,80}?\s+and\s+$")


def gapped_count(before: str, after: str) -> bool:
    """Whether a bare number, with `before` and `after` it, is a count whose verb is left out (`GAPPED_COUNT`): the
    same preposition follows it as followed the earlier count's verb."""
    gapped = GAPPED_COUNT.search(before)
    return gapped is not None and after.startswith(f" {gapped['prep']} ")


_NAMED_AVERAGE = re.compile(r"\bthe\s+(?:[\w’'-]+\s+){1,3}average\s+of\s*$", re.I)
# (a label may end in its time: "Children in need in 2024: 399,460", "... at 31 March 2024: 83,630", "2023-24: 412")
_LABEL_BEFORE = re.compile(r"(?:[A-Za-z]|\([A-Z]{2,6}s?\)|(?<![\d,.])(?:19|20)\d\d(?:\s?[-–/]\s?\d{2,4})?):\s*$")
_PART_AFTER = re.compile(r"^\s*(?:[)|]|\(\s*[\d.]+\s*(?:%|per\s*cent)|(?:out\s+)?of\s+(?:a\s+total\s+of\s+|the\s+)?\d"
                         rf"|{OF_THESE}|respectively\b)")


_BUT_THEN = re.compile(r",\s*but\s+$")
_VERB_NEXT = re.compile(r"\s+(?:[a-z]{2,}ed|were|was|are|is|have|had|did|joined|left|came|went|rose|fell|grew|began|won"
                        r"|took|got|met)\b")
_AVERAGED = re.compile(r"\w\s+(?:averaged|averages|averaging)\s+$", re.I)


# (not an age: "a 16 or 17 year old")
_LISTED_BEFORE_NOUN = re.compile(r"(?:\s*,\s*\d[\d,.]*)*\s*,?\s+(?:and|or)\s+\d[\d,.]*\s+"
                                 r"(?!(?:years?|months?|weeks?|days?|hours?)\b)(?-i:[a-z])", re.I)
MULTIPLE_OF_THE = re.compile(r"\b(?:double|twice|treble|triple)\s+the\s+$", re.I)
_THE_BEFORE = re.compile(r"\b(?:the|those|these)\s+$", re.I)
_WHO_DID_AFTER = re.compile(r"\s+(?:(?:that\s+|which\s+)?(?:we|they|it|he|she|you)|who|which|that)\s+(?-i:[a-z])", re.I)


def is_noise(before: str, after: str) -> bool:
    """A bare number with nothing counted: keep it only when it reads as a figure ("rose to 80,850",
    "the number of ... was 83,630", "(75%)" beside it) rather than a stray digit."""
    if _NUMBER_OF.search(before):
        return False
    if _NAMED_AVERAGE.search(before):
        return False  # "higher than the England average of 70": the average is a figure, not a hedge on one
    if (verb := VERB_BEFORE.search(before)) and _SAME_VERB_COUNTED.search(before, 0, verb.start()) \
            and re.search(rf"\b{verb[1]}\s+(?:(?:a\s+)?[\w-]+\s+)?\d", before[:verb.start()]):
        return False  # "The programme funded 53 projects, and the partnership funded 20": the same verb's count
    if gapped_count(before, after):
        return False  # "520 participants started on Frontline and 460 on Step Up": the same verb, left out
    if _AVERAGED.search(before):
        return False  # "Caseloads averaged 16.3 per practitioner": a verb, though "averaged" hedges too
    before = TRAILING_HEDGE.sub("", before)  # "up from around 4,000", "rose to over 80,000": what the hedge follows
    before = _ONLY_BEFORE.sub("", before)  # "Of the 94 projects it funded, only 29 had evaluations"
    if _OF_THE_WHOLE_BEFORE.search(before):
        return False  # "Of the 31 homes judged inadequate that were re-inspected, 27 improved": a part of them
    if _LATER_PART.search(before) and _PART_VERB.match(after):
        return False  # "Of the 61 projects, 46 were evaluated ..., 9 were evaluated internally and 6 were not"
    if _FIGURE_FOLLOWS.search(before):
        return False
    # "up from 389,260 in 2021 and 399,620 in 2020": one more of a list; "Rate per 10,000 children: 67",
    # "Social workers (FTE): 33,100": a label's
    if _LIST_OF_FIGURES.search(before) or _COMMA_LIST.search(before) or _LABEL_BEFORE.search(before) \
            or THAN_BEFORE.match(after) or (_AT_A_TIME.match(after) and _COUNTED_THEN_TIME.search(before)):
        return False
    if _BUT_THEN.search(before) and _VERB_NEXT.match(after) and _SAME_VERB_COUNTED.search(before):
        return False  # "500 social workers left the profession last year, but 2,000 joined": the contrast's count
    if _GRADED.match(after):
        return False  # "Of these, 7 were judged outstanding and 3 inadequate": so many given a grade
    if _LISTED_BEFORE_NOUN.match(after):
        return False  # "There were 300, 400 and 500 places": one of a list of counts of the noun after the last
    if MULTIPLE_OF_THE.search(before):
        return False  # "more than double the 1,950 in 2013": the base of a multiple
    if _THE_BEFORE.search(before) and _WHO_DID_AFTER.match(after):
        return False  # "nearly double the 780 we received five years ago", "the 1,300 who have qualified"
    # "2,100 (12.5%) were placed": a share beside it makes it a figure
    return not _PART_AFTER.match(after)
    # "146 out of 151", "13 of the 29", "Around 400 of these were in London", "and 82,170 respectively"


def respectively_named(claims: list[Claim]) -> list[Claim]:
    """ "Kent, Essex and Hampshire received £4.2 million, £3.8 million and £3.1 million respectively": figures of one
    kind that share a subject listing as many names take one name each, in order."""
    shared: dict[tuple[str, str], list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.subject:
            shared.setdefault((claim.kind, claim.subject), []).append(index)
    claims = list(claims)
    for (_, subject), indexes in shared.items():
        names = _LIST_SPLIT.split(subject) if len(indexes) >= 2 and _NAME_LIST.fullmatch(subject) else []
        if len(names) != len(indexes):
            continue
        for index, name in zip(indexes, names, strict=True):
            claims[index] = replace(claims[index], subject=name, subject_key=normalise_subject(name) or None)
    return claims


_ITEM = r"[\w’'()-]+(?:\s+[\w’'()-]+){0,4}"
_NAME_LIST = re.compile(rf"{_ITEM}(?:,\s*{_ITEM})*,?\s+and\s+{_ITEM}")
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
