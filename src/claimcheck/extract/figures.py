"""Every figure in a sentence: the single numbers `quantities` reads, the pairs of numbers read as one
statement (proportions such as "7 in 10", ranges such as "£10-15 million"), and the counted nouns figures
share ("146 out of 151 local authorities", "of which 800")."""

from __future__ import annotations

import re

from claimcheck.extract.counted import counted_from_context, counted_phrase
from claimcheck.extract.hedges import BASE_FROM, HEDGE, IN_OTHER_TERMS, interval, is_change
from claimcheck.extract.proportions import between_shares, proportions
from claimcheck.extract.quantities import CONTEXT, FIGURE, NUMBER, Figure, numeric_figure
from claimcheck.extract.wholes import (
    COMMA_LIST_JOINT,
    NEXT_IN_LIST,
    OF_THE_WHOLE,
    OF_THESE,
    THAN_BEFORE,
    VERB_BEFORE,
    gapped_count,
)
from claimcheck.extract.word_figures import SCALED_WORDS, WORDS, may_hold_words, word_figure
from claimcheck.guards import folded
from claimcheck.units import MAGNITUDES, scaled, step_of

# a sentence opening with the whole it counts parts of, named without a figure: "Of the children who ceased ..."
_OPENS_WITH_NAMED_WHOLE = re.compile(r"\s*Of\s+(?:the|these|those|all|all\s+the)\s+(?=[a-z])")
_DENOMINATOR = re.compile(r"\bper\s+$")  # "per 10,000 children" is never a figure of its own


# A figure opens with its sign, its currency sign or its first digit, or with "US" before "$" or a currency code
# before a space and a digit: at most four characters before the first of these. FIGURE is searched from there
# (the look-behinds it opens with still see the characters before), not tried at each position before it.
_FIGURE_CHARACTER = re.compile(r"[+−\-£€$\d]")


def scan(sentence: str, masked: str) -> list[Figure]:
    """Every figure in `sentence`, reading numbers from `masked` (blanked spans can't yield one)."""
    figures = proportions(sentence, masked) + _ranges(sentence, masked)
    taken = [(f.start, f.end) for f in figures]
    taken_until = 0  # figures are found left to right; one that grew past a number swallows it
    first = _FIGURE_CHARACTER.search(masked)
    for m in FIGURE.finditer(masked, max(0, first.start() - 4)) if first else ():
        if m.start() < taken_until or _DENOMINATOR.search(masked, max(0, m.start() - 10), m.start()):
            continue
        if any(start <= m.start() < end for start, end in taken):
            continue
        figure = numeric_figure(sentence, masked, m)
        if figure is not None:
            figures.append(figure)
            taken_until = figure.end
    lower = masked.lower()
    scaled = list(SCALED_WORDS.finditer(masked)) if "illion" in lower else []
    taken += [m.span() for m in scaled]
    for m in [*scaled, *(WORDS.finditer(masked) if may_hold_words(masked) else ())]:
        if m.re is WORDS and any(start <= m.start() < end for start, end in taken):
            continue  # "nine out of ten": a proportion already; "a quarter of a million": one number
        figure = word_figure(sentence, m)
        if figure is not None:
            figures.append(figure)
    figures.sort(key=lambda f: f.start)
    figures = _compound_durations(sentence, figures)
    if "etween" in lower:
        between_shares(masked, figures)
    first = figures[0] if figures else None
    whole = _OPENS_WITH_NAMED_WHOLE.match(sentence)
    if first and first.kind == "count" and first.counted is None and whole \
            and OF_THE_WHOLE.search(sentence, 0, first.start):
        # "Of the children who ceased to be looked after during the year, 2,950 (9%) were adopted": children
        first.counted = counted_phrase(sentence, whole.end() - 1)[0]
    for previous, figure in zip(figures, figures[1:], strict=False):
        # "146 local authorities out of a total of 151": the total counts the same things
        if figure.kind == "count" and figure.counted is None and previous.counted \
                and (_OUT_OF_BEFORE.search(sentence[max(0, figure.start - CONTEXT):figure.start])
                     # "Of the 83,840 children looked after, 57,690 (69%) were fostered"
                     or OF_THE_WHOLE.search(sentence, 0, figure.start)
                     # "more than 1,000 family hubs, up from 400 in 2022": the base counts the same things
                     or _COMPARED_BASE.fullmatch(sentence, previous.end, figure.start)
                     # "up from 389,260 in 2021 and 399,620 in 2020": another of the list
                     or NEXT_IN_LIST.fullmatch(sentence, previous.end, figure.start)
                     or _COMMA_NEXT.fullmatch(sentence, previous.end, figure.start)
                     # "1,000 more family group conferences, taking the total this year to over 6,000": their total
                     or _TAKING_TOTAL.fullmatch(sentence, max(previous.end, previous.counted_end or 0), figure.start)
                     # "56 had evaluations published, and the remaining 38 were evaluated internally"
                     or _REMAINING.search(sentence, max(0, figure.start - 20), figure.start)
                     # "300 applications, with 45 coming from London": some of them
                     or _WITH_SOME.search(sentence, max(0, figure.start - 10), figure.start)
                     # "Some 82,000 children are now in care, 9,000 more than in 2015": the difference's
                     or (sentence[max(0, figure.start - 2):figure.start] == ", "
                         and THAN_BEFORE.match(sentence, figure.end))):
            figure.counted = previous.counted
            if previous.kind == "rate" and previous.unit.startswith("count /") \
                    and (_COMPARED_BASE.fullmatch(sentence, previous.end, figure.start)
                         or NEXT_IN_LIST.fullmatch(sentence, previous.end, figure.start)):
                # "67 per 10,000 children, up from 65", "down from 71 a year earlier and 67 five years earlier"
                figure.kind, figure.unit = "rate", previous.unit
        elif figure.kind == "count" and figure.counted is None and _FURTHER.search(sentence, 0, figure.start):
            # "400 family hubs open across 75 local authorities, with a further 100 planned": more of what the
            # sentence is about, its first count
            figure.counted = next((f.counted for f in figures if f.kind == "count" and f.counted), None)
        # "a rate of 78 per 10,000, which is higher than the England average of 70": the same rate, elsewhere
        if figure.kind == "count" and figure.counted in (None, previous.counted) and previous.kind == "rate" \
                and _AVERAGE_COMPARED.fullmatch(sentence, previous.end, figure.start):
            figure.kind, figure.unit, figure.counted = "rate", previous.unit, previous.counted
        # "28 working days in 2023, down from 31 in 2022": the base is a length of time in the same unit
        if figure.kind == "count" and figure.counted is None and previous.kind == "duration" \
                and _COMPARED_BASE.fullmatch(sentence, previous.end, figure.start):
            figure.kind, figure.unit = "duration", previous.unit
        # "£11.7 billion a year, up from £8.6 billion five years ago": the base is a yearly amount too
        if figure.kind == "money" and previous.kind == "rate" and previous.unit.startswith(f"{figure.unit} /") \
                and _COMPARED_BASE.fullmatch(sentence, previous.end, figure.start):
            figure.kind, figure.unit = "rate", previous.unit
        # "rose by £240 (4.5%)", "an increase of £1.1 billion or 16%": the share is the same change
        if figure.kind == "percent" and _SHARE_BESIDE.fullmatch(sentence, previous.end, figure.start) and (
                previous.change or _FROM_TO_CHANGE.search(sentence, 0, previous.start)):
            figure.change = True  # "increased from 69,480 in 2015 to 80,850 in 2021 (16%)": the change too
        # "increase council tax by up to 4.99% without a referendum, including 2% for the adult social care
        # precept": part of a change is a change
        if previous.change and figure.kind == previous.kind and _PART_OF_CHANGE.fullmatch(sentence, previous.end,
                                                                                          figure.start):
            figure.change = True
        # "an additional £2 billion this year and £3 billion next year": the list is additional money, all of it
        if previous.change and figure.kind == previous.kind == "money" \
                and _EXTRA_BEFORE.search(sentence, max(0, previous.start - 20), previous.start) \
                and _LIST_AND.fullmatch(sentence, previous.end, figure.start):
            figure.change = True
        # "an increase of 30% in cash terms and 9% in real terms": the same change, measured another way
        if previous.change and figure.kind == previous.kind and IN_OTHER_TERMS.fullmatch(sentence, previous.end,
                                                                                         figure.start):
            figure.change = True
        # "an increase of 10% since 2022 and of 32% in the last five years", "rose by 5% in 2022 and by 7% in
        # 2023": the change's noun or verb, said once for both
        if previous.change and figure.kind == previous.kind and _AND_OF_BY.fullmatch(sentence, previous.end,
                                                                                     figure.start):
            figure.change = True
        # "an increase of 1.9% (610)", "rose by 5% (£2m)": the same change in numbers, in brackets
        if previous.change and previous.kind == "percent" and figure.kind in ("count", "money") \
                and BRACKET_OPENS.fullmatch(sentence, previous.end, figure.start) \
                and BRACKET_CLOSES.match(sentence, figure.end):
            figure.change = True
            if figure.kind == "count" and figure.counted is None:  # what the level before the change counts
                figure.counted = next((f.counted for f in figures
                                       if f.kind == "count" and f.counted and f.end <= previous.start), None)
        # "a 6.5% increase in core spending power in 2024-25, worth £4.5 billion": the increase, in money
        if figure.kind == "money" and previous.change and WORTH.fullmatch(sentence, previous.end, figure.start):
            figure.change = True
        # "146 out of 151 local authorities": the part counts what its total counts
        if previous.kind == "count" and previous.counted is None and figure.kind == "count" and figure.counted \
                and _PART_OF.fullmatch(sentence[previous.end:figure.start]):
            previous.counted = figure.counted
    for count, share in zip(figures, figures[1:], strict=False):
        # "7,000 (8%) more children entered care": the count and its share are both the increase, of children
        if count.kind == "count" and share.kind == "percent" \
                and (more := _SHARE_THEN_MORE.match(sentence, count.end)) and more.end(1) > share.end:
            count.change = share.change = True
            if count.counted is None and (counted := counted_phrase(sentence, more.end())[0]):
                count.counted = _BEFORE_ITS_VERB.sub("", counted)  # "children entered care": the children
    for index, figure in enumerate(figures):
        if figure.kind == "count" and figure.counted is None and (verb := VERB_BEFORE.search(
                sentence, max(0, figure.start - 40), figure.start)):
            # "The programme funded 53 projects, and the partnership funded 20": what the same verb counted before
            same_verb = re.compile(rf"\b{verb[1]}\s+(?:\S+\s+)?$")
            figure.counted = next((f.counted for f in reversed(figures[:index]) if f.kind == "count" and f.counted
                                   and same_verb.search(sentence, max(0, f.start - 40), f.start)), None)
        if figure.kind == "count" and figure.counted is None:
            # "520 participants started on Frontline and 460 on Step Up", "6,710 (86%) were in homes run by private
            # providers and 1,110 in homes run by local authorities": the earlier count's noun, its verb left out
            counts = [f for f in figures[:index] if f.kind == "count" and f.counted]
            if counts and gapped_count(sentence[counts[-1].start:figure.start], sentence[figure.end:]):
                figure.counted = counts[-1].counted
        if figure.kind == "count" and figure.counted is None:
            figure.counted = counted_from_context(sentence, figure.start)
    for figure, later in reversed(list(zip(figures, figures[1:], strict=False))):
        if figure.kind == later.kind == "count" and figure.counted is None and later.counted \
                and _LIST_GAP.fullmatch(sentence, figure.end, later.start):
            figure.counted = later.counted  # "300, 400 and 500 places": each counts places
        elif figure.kind == "count" and figure.counted is None and later.kind == "rate" \
                and later.unit.startswith("count /") and _FROM_BEFORE.search(sentence, 0, figure.start) \
                and _TO_NEXT.fullmatch(sentence, figure.end, later.start):
            # "from 58 to 40 per 10,000 children": the level moved from is a rate per 10,000 too
            figure.kind, figure.unit, figure.counted = "rate", later.unit, later.counted
    return figures


_TAKING_TOTAL = re.compile(rf",?\s*(?:taking|bringing)\s+(?:the\s+|their\s+|its\s+)?total(?:\s+[^.;,£$€\d]{{1,30}}?)?"
                           r"\s+to\s+"
                           rf"(?:(?:{HEDGE})\s+)?", re.I)
_COMMA_NEXT = re.compile(COMMA_LIST_JOINT, re.I)  # "44,450 at 31 March 2020, 43,905 at 31 March 2021"
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_NEXT = re.compile(r"\s+to\s+")


# a count's share in brackets, then the word that makes both an increase: "7,000 (8%) more children"
_SHARE_THEN_MORE = re.compile(r"\s*\(\s*[\d.]+\s*(?:%|per\s*cent)\s*\)\s+(more|fewer|extra|additional|less)\b", re.I)
_BEFORE_ITS_VERB = re.compile(r"(?<=\w)\s+(?!after\b)[a-z]+ed\b.*$")  # "children entered care": from the verb on
_EXTRA_BEFORE = re.compile(r"\b(?:additional|extra|further)\s+$", re.I)
# between two amounts of one list, a time each: " this year and ", " in 2024-25, and "
_LIST_AND = re.compile(r"(?:\s+(?:in\s+|during\s+)?(?:this|next|last)\s+(?:financial\s+)?year"
                       r"|\s+(?:in|for)\s+(?:19|20)\d\d(?:[-/]\d{2,4})?)?\s*,?\s+and\s+", re.I)
_AND_OF_BY = re.compile(rf"[^.;:£$€%]{{0,50}}?,?\s+and\s+(?:of|by)\s+(?:(?:{HEDGE})\s+)?", re.I)
_PART_OF_CHANGE = re.compile(rf"[^.;£$€%\d]{{0,40}},\s+including\s+(?:(?:{HEDGE})\s+)?", re.I)

# "3 years and 4 months", "2 hours 30 minutes": one length of time in two units, each the next smaller
_SMALLER_UNIT = {"year": ("month", 12), "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60)}
_DURATION_JOINT = re.compile(r"(?:\s*,)?\s+(?:and\s+)?")


def _compound_durations(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "The average age at adoption was 3 years and 4 months": one figure of 40 months, not two lengths of time
    (a reader compares the whole with other ages). The first part's hedge holds for the whole."""
    merged: list[Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if previous is not None and previous.kind == figure.kind == "duration" and not figure.change \
                and figure.bound == "exact" and _SMALLER_UNIT.get(previous.unit, ("",))[0] == figure.unit \
                and _DURATION_JOINT.fullmatch(sentence, previous.end, figure.start):
            factor = _SMALLER_UNIT[previous.unit][1]
            value = previous.value * factor + figure.value
            step = figure.step
            merged[-1] = Figure(previous.start, figure.end, sentence[previous.start:figure.end], "duration", value,
                                figure.unit, previous.bound, *interval(value, previous.bound, step), step,
                                previous.change)
        else:
            merged.append(figure)
    return merged


# "146 local authorities out of a total of 151", "of which 800", "including 400": a whole's part, or a whole
_OUT_OF_BEFORE = re.compile(r"\b(?:out\s+of|of\s+the|of)\s+(?:a\s+total\s+of\s+|the\s+)?$"
                            rf"|\b{OF_THESE},?\s+(?:(?:{HEDGE})\s+)?$|\bincluding\s+$")  # "of whom around 24,000"
# "with 8 local authorities, expanding to 17": the later level counts the same things as the base
# "up from around 4,000": the hedge is the base's own; "nearly double the 780 we received": the base too
_COMPARED_BASE = re.compile(rf"[^.;]{{0,60}}?,?\s*(?:(?:{BASE_FROM}"
                            r"|(?:expanding|rising|increasing|growing|falling|dropping)\s+to"
                            # "its target of helping 400,000 families ..., having reached 340,000"
                            r"|(?:having\s+)?reached|reaching)\s+"
                            rf"(?:(?:{HEDGE})\s*)?|(?:(?:{HEDGE})\s+)?(?:double|twice|treble|triple)\s+)(?:the\s+)?",
                            re.I)
_AVERAGE_COMPARED = re.compile(r"[^.;\d]{0,40}?(?:than|with|to|against)\s+the\s+(?:[\w’'-]+\s+){1,3}average\s+of\s+",
                               re.I)
# what an amount right after another figure says it is worth: "a 6.5% increase ..., worth £4.5 billion"
WORTH = re.compile(rf"[^.;]{{0,80}}?,\s*(?:worth|valued\s+at)\s+(?:(?:{HEDGE})\s*)?", re.I)
_REMAINING = re.compile(r"\bthe\s+(?:remaining|other)\s+$", re.I)
_WITH_SOME = re.compile(r",\s+with\s+$", re.I)
_FURTHER = re.compile(r"\b(?:(?:a|an)\s+(?:further|additional|extra)|another)\s+$", re.I)
# a bracket opening or closing beside a figure or a time (also `carried`, `counted_told`, `attach`)
BRACKET_OPENS, BRACKET_CLOSES = re.compile(r"\s*\(\s*"), re.compile(r"\s*\)")
_SHARE_BESIDE = re.compile(r"(?:\s+in\s+(?:19|20)\d\d(?:\s?[-–/]\s?\d\d)?)?\s*(?:\(|,?\s*or)\s*")  # "... in 2021 (16%)"
_FROM_TO_CHANGE = re.compile(r"\b(?:increased|rose|risen|grew|grown|fell|fallen|decreased|dropped|declined)\s+from\b"
                             r"[^.;]*\bto\s+[^.;]*$", re.I)
# "146 out of 151", "13 of the 29", "142 of England's 153"
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:a\s+total\s+of\s+|the\s+|[A-Z][a-z]+[’']s\s+)?")


_RANGE = re.compile(
    rf"(?<![\w.,/£$€-])(?P<between>between\s+)?(?P<cur>£|€|\$)?(?P<low>{NUMBER})"
    r"(?P<mag>\s?(?:thousand|million|billion|bn|m|k)\b)?(?P<pct>\s?%)?"
    r"(?P<joint>\s?[-–]\s?|\s+to\s+|\s+and\s+)(?=(?:£|€|\$)?\d)",
    re.I,
)


_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_BY_BEFORE = re.compile(r"\bby\s+$")
# what _RANGE cannot match without, in `folded` text (guards.py): its joint, then a figure. Each branch opens
# with a literal, so the scan skips to the characters that can start one.
_JOINT = re.compile(r"-\s?[£€$]?\d|–\s?[£€$]?\d|to\s+[£€$]?\d|and\s+[£€$]?\d")
_RANGE_KINDS = ("money", "percent", "count", "rate", "duration")
_SPREAD_FROM = re.compile(r"\b(?:rang(?:ed|es|ing|e)|var(?:ied|ies|ying|y)|spann(?:ed|ing))\s+from\s+$", re.I)


def _ranges(sentence: str, masked: str) -> list[Figure]:
    """ "£10-15 million", "£10m-£15m", "between 10 and 15 per cent": the high end gives the unit to both
    ends; the low end is a floor and the high end a ceiling, so a figure inside the range agrees with it.
    ("from £10m to £15m" is a change over time, not a range: "from" is not read here.)"""
    found: list[Figure] = []
    if not _JOINT.search(folded(masked)):
        return found
    for m in _RANGE.finditer(masked):
        joint = m["joint"].strip().lower()
        if (joint == "and" and not m["between"]) or (joint == "to" and m["between"]):  # "between 10-15" is a range too
            continue  # "10 and 15" is a range only after "between"; "between 10 to 15" is no phrase
        if joint == "to" and _BY_BEFORE.search(masked, max(0, m.start() - 4), m.start()) \
                and (m["cur"] or m["mag"] or m["pct"]):
            continue  # "had risen by £40m to £180m": the change, then the level it reached
        if _FROM_BEFORE.search(masked[max(0, m.start() - 10):m.start()]) \
                and not _SPREAD_FROM.search(masked, max(0, m.start() - 30), m.start()):
            continue  # "rose from 10 to 15" is a change; "ranged from 217 to 679" is a range
        high, high_match = _range_end(sentence, masked, m)
        if high is not None and high.kind == "count" and not high.counted:
            # "the number of agency workers fell by around 2.1–2.4 thousand": what the sentence said it counts
            high.counted = counted_from_context(sentence, m.start())
        if high is None or high.kind not in _RANGE_KINDS or (high.kind == "count" and not high.counted):
            continue  # a range of plain numbers must say what it counts ("10-15 children")
        money = high.kind == "money" or (high.kind == "rate" and bool(m["cur"]))  # "£30m-£40m a year"
        counts = high.kind == "rate" and high.unit.startswith("count") and not m["cur"]  # "217 to 679 per 10,000"
        if (m["cur"] and not money) or (m["pct"] and high.kind != "percent") \
                or (high.kind == "rate" and not money and not counts):
            continue
        if high_match["sign"] or (m["mag"] and not high_match["mag"]):
            continue  # "£10m-15" is not a range this reads
        multiplier = MAGNITUDES.get((m["mag"] or high_match["mag"] or "").strip().lower(), 1.0)
        value = scaled(m["low"], multiplier)
        if money and high_match["pence"]:
            value /= 100
        if not 0 <= value < high.value:
            continue
        start = m.start("cur") if m["cur"] else m.start("low")
        before = sentence[max(0, start - CONTEXT):start]
        low_bound, high_bound = "min", "max"  # "around 10-15%" too: the range is already the approximation
        step = step_of(m["low"], multiplier)
        change = high.change or is_change(before, "", False)
        low_end = m.end("pct") if m["pct"] else m.end("mag") if m["mag"] else m.end("low")
        found.append(Figure(start, low_end, sentence[start:low_end], high.kind, value, high.unit, low_bound,
                            *interval(value, low_bound, step), step, change, high.counted, high.counted_start,
                            high.counted_end))
        high.bound = high_bound
        high.low, high.high = interval(high.value, high_bound, high.step)
        high.change = change
        found.append(high)
    return found


def _range_end(sentence: str, masked: str, m: re.Match) -> tuple[Figure | None, re.Match | None]:
    """The high end of a range as a figure of its own, read with the joint blanked ("£10-15 million" reads
    "15 million"), and with the low end's currency sign when it has none ("£10-15 million" is pounds)."""
    cut, at = m.start("joint"), m.end("joint")
    inherit = m["cur"] if m["cur"] and masked[at] not in "£€$" else ""
    blank = " " * (at - cut)
    text = sentence[:cut] + blank + inherit + sentence[at:]
    spaced = masked[:cut] + blank + inherit + masked[at:]
    found = FIGURE.match(spaced, at)
    figure = numeric_figure(text, spaced, found) if found else None
    if figure is None or not inherit:
        return figure, found
    shift = len(inherit)  # back to the sentence's own offsets: the figure starts at its digits
    figure.start, figure.end = at, figure.end - shift
    figure.text = sentence[figure.start:figure.end]
    if figure.counted_start is not None:
        figure.counted_start -= shift
        figure.counted_end = (figure.counted_end or shift) - shift
    return figure, found
