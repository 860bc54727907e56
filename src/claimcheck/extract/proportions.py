"""A share said as a proportion: "7 in 10 councils", "nine out of ten", "two-thirds of children", "between a
quarter and a third". Each is a percentage, not a count of ten councils or of thirds."""

from __future__ import annotations

import re

from claimcheck.extract.hedges import HEDGE, bound_of, interval, is_change
from claimcheck.extract.quantities import CONTEXT, Figure
from claimcheck.guards import any_in, folded
from claimcheck.units import number_words

_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten"
# "Nine in 10", "1 in every 5", "£1 in every £4"
_N_IN_M = re.compile(rf"(?<![\w.,£$€-])(?P<cur>[£$€])?(?P<part>\d{{1,3}}|{_SMALL})\s+in\s+(?:every\s+)?(?(cur)[£$€])"
                     rf"(?P<whole>\d{{1,4}})\b"
                     r"(?![.,]\d|\s*(?:%|per\s*cent|years?|months?|weeks?|days?|hours?)\b)", re.I)
# what _N_IN_M and _OUT_OF cannot match without, in `folded` text (guards.py): "in [every] [£]9", "out of "
_IN_FIGURE = re.compile(r"in\s+(?:every\s+)?[£$€]?\d")
_OUT_OF_WORDS = re.compile(r"out\s+of\s")
_OUT_OF = re.compile(rf"(?<![\w.,£$€-])(?P<part>\d{{1,3}}|{_SMALL})\s+out\s+of\s+(?P<whole>\d{{1,4}}|{_SMALL})\b"
                     r"(?![.,]\d|\s*(?:%|per\s*cent)|\s+(?:the|a|an|all|our|their|its)\b)", re.I)

_FRACTION = re.compile(
    r"(?<![\w-])(?<!the\s)(?:(?P<part>a|one|two|three|four|nine)[\s-]+)?(?P<whole>half|thirds?|quarters?|fifths?|tenths?)"
    r"(?:\s+\(\d+(?:\.\d+)?%\))?\s+of\s+(?!an?\s+(?:million|billion)\b)"  # "a quarter of a million": a number
    r"(?!(?:the\s+|this\s+|that\s+|next\s+|last\s+|each\s+)?(?:years?|months?|weeks?|days?|decade|"
    r"century|financial|calendar|academic|term|session|period|quarter|spring|summer|autumn|winter|(?:19|20)\d\d)\b)",
    re.I)
# "demand rose by a third", "cut by half", "a fall of around two thirds": a change as a share, with no "of" after
_BY_FRACTION = re.compile(r"\b(?:by|(?:fall|rise|increase|decrease|drop|cut|reduction|decline)\s+of)\s+"
                          rf"(?:(?:{HEDGE})\s+)?(?:(?P<part>a|one|two|three)[\s-]+)?"
                          r"(?P<whole>half|thirds?|quarters?|fifths?)\b(?!\s+of\b)", re.I)  # "fell by almost a third"
# "around a third lower than the peak", "a quarter higher than in 2015" (the time compared with is blanked)
_FRACTION_COMPARED = re.compile(r"(?<![\w-])(?P<part>a|one|two)[\s-]+(?P<whole>thirds?|quarters?|fifths?)(?=\s+(?:lower"
                                r"|higher|more|less|fewer|smaller|larger|bigger|greater)\b)", re.I)
# "Of these, two-thirds were boys", "Half were placed with foster carers": the share is what the verb tells of
_FRACTION_BEFORE_VERB = re.compile(
    r"(?<![\w-])(?<!the\s)(?:(?P<part>a|one|two|three|four|nine)[\s-]+)?(?P<whole>half|thirds?|quarters?|fifths?|tenths?)"
    r"(?=\s+(?:were|was|are|is|had|have|has|said|say|reported|agreed|received)\b)", re.I)
# "between a quarter and a third of planned services": the low end, which has no "of" of its own
_FRACTION_BEFORE_AND = re.compile(
    r"(?<=between\s)(?P<part>a|one|two|three|four)[\s-]+(?P<whole>half|thirds?|quarters?|fifths?|tenths?)"
    r"(?=\s+and\s+(?:a|one|two|three|four|nine)[\s-]+(?:half|thirds?|quarters?|fifths?|tenths?)\s+of\b)", re.I)
_WHOLES = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_WHOLE_WORDS = tuple(_WHOLES)


def _fractions(masked: str) -> list[re.Match]:
    """ "a third of councils", "two-thirds of children", "half of local authorities": a share in words. Not
    "the first half of 2023" (a period) nor "the third of May"; a bare "third" or "quarter" needs its
    number."""
    if not any_in(_WHOLE_WORDS, folded(masked)):
        return []  # each of the patterns needs one
    in_words = [*_FRACTION.finditer(masked), *_FRACTION_BEFORE_VERB.finditer(masked),
                *_FRACTION_BEFORE_AND.finditer(masked)]
    return [m for m in in_words if m["part"] or m["whole"].lower() == "half"] + list(_BY_FRACTION.finditer(masked)) \
        + list(_FRACTION_COMPARED.finditer(masked))


def proportions(sentence: str, masked: str) -> list[Figure]:
    """ "7 in 10 councils", "nine out of ten councils", "two-thirds of councils": a proportion, 70%, 90% or
    66.7%, not a count of ten councils. "146 out of 151 local authorities" stays two counts, a part and its
    total: only a whole of ten or less, or 100 or 1,000, is read as a proportion."""
    found = []
    low = folded(masked)
    matches = [*(_N_IN_M.finditer(masked) if _IN_FIGURE.search(low) else ()),
               *(_OUT_OF.finditer(masked) if _OUT_OF_WORDS.search(low) else ()), *_fractions(masked)]
    for m in sorted(matches, key=lambda match: match.start()):
        if m.re in (_FRACTION, _FRACTION_BEFORE_VERB, _FRACTION_BEFORE_AND, _BY_FRACTION, _FRACTION_COMPARED):
            whole = _WHOLES[m["whole"].lower().rstrip("s")]
            part = 1 if (m["part"] or "a").lower() in ("a", "one") else int(number_words(m["part"]) or 0)
            begin, end = m.start("part") if m["part"] else m.start("whole"), m.end("whole")
        else:
            part, whole = (int(v) if v.isdigit() else int(number_words(v) or 0) for v in (m["part"], m["whole"]))
            begin, end = m.start(), m.end()
        if not 0 < part < whole <= 1000:
            continue
        if " out " in f" {m.group(0).lower()} " and not (whole <= 10 or whole in (100, 1000)):
            continue
        value = 100.0 * part / whole
        before = sentence[max(0, begin - CONTEXT):begin]
        bound = bound_of(before)
        low, high = interval(value, bound, None)
        # "rose by a third"; "around a third lower than the peak": a change too
        change = (m.re is _BY_FRACTION and is_change(before, "", False)) or m.re is _FRACTION_COMPARED
        found.append(Figure(begin, end, sentence[begin:end], "percent", value, "percent", bound, low, high, None,
                            change))
    return found


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_AND = re.compile(r"\s+and\s+")


def between_shares(masked: str, figures: list[Figure]) -> None:
    """ "between a quarter and a third", "between one in five and one in four": the lower share is a floor and
    the higher a ceiling, as in "between 20% and 30%" (`figures._ranges`), so a share inside agrees with both."""
    for low, high in zip(figures, figures[1:], strict=False):
        if low.kind == high.kind == "percent" and low.value < high.value \
                and _AND.fullmatch(masked, low.end, high.start) \
                and _BETWEEN_BEFORE.search(masked, max(0, low.start - 10), low.start):
            low.bound, high.bound = "min", "max"
            low.low, low.high = interval(low.value, "min", None)
            high.low, high.high = interval(high.value, "max", None)
