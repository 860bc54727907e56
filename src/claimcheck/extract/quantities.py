"""One figure at a time: money, counts, percentages, rates, durations and other measures, with the hedge,
the counted noun (`counted.counted_phrase`) and the unit the words around the number give it (`figures.scan`
finds them in a sentence).

Numbers are read from a masked copy of the sentence (non-claims and time
expressions blanked), so that a number can only be a figure once. Values are
normalised to one canonical Pint unit per kind; Pint itself is not called here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.extract.counted import ESTIMATE, counted_phrase, plural
from claimcheck.extract.hedges import HEDGE, bound_of, interval, is_change
from claimcheck.extract.wholes import is_noise
from claimcheck.units import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MAGNITUDES,
    NUMBER,
    per_head_unit,
    scaled,
    step_of,
)

CONTEXT = 100  # characters either side of a figure that its hedge, unit and counted noun are read from
FIGURE = re.compile(
    rf"(?<![\w,/£$€-])(?:(?<!\.)|(?<=\bc\.)|(?=[£$€]|US\$))(?P<sign>[+−-](?=[£$€]?\d)|–(?=[£$€]\d))?"  # "c.4,500"
    rf"(?:(?P<cur>£|€|\$|US\$|(?-i:GBP|EUR|USD)(?=\s?\d))\s?)?(?P<num>{NUMBER})"  # "GBP 2.5 million"
    # "£4.3  billion": text from a justified PDF page sets words two or three spaces apart
    r"(?:\s{0,3}(?P<mag>thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?"
    # "fell 3 pp", "rose 3pc" (newspaper style); "fell 2.5pp to 30%" (not "the 48pp report": its pages)
    r"(?P<pct>\s?%\s?(?:pts?|points?)\b|\s{0,3}%|\s{0,3}per\s{1,3}cent\b|\s?percent\b|\s?percentage\s+points?\b"
    r"|\s(?:pp|ppts?)\b|(?:pp|ppts?)\b(?=\s*(?:[.,;:)]|$|(?:to|on|from|in|since|and|or|compared|higher|lower)\b))"
    r"|(?-i:pc)\b)?"
    r"(?P<pence>\s?(?:p|pence)\b(?!\.a\b))?"
    r"(?!(?!pa\b|p\.a\.)[\w£$€]|[.,]\d)",  # "£2,000pa": a yearly amount, read by the rate below
    re.I,
)
TIME_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
              "weeks": "week", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
              "decade": "decade", "decades": "decade", "minute": "minute", "minutes": "minute"}
MEASURE_UNITS = {
    "mile": "mile", "miles": "mile", "km": "kilometer", "kilometre": "kilometer", "kilometres": "kilometer",
    "kilometer": "kilometer", "kilometers": "kilometer", "metre": "meter", "metres": "meter",
    "hectare": "hectare", "hectares": "hectare", "acre": "acre", "acres": "acre", "tonne": "metric_ton",
    "tonnes": "metric_ton", "kg": "kilogram", "kilograms": "kilogram", "litre": "liter", "litres": "liter",
    "mw": "megawatt", "megawatts": "megawatt", "gw": "gigawatt", "gigawatts": "gigawatt", "kwh": "kilowatt_hour",
    "feet": "foot", "foot": "foot", "square metres": "meter ** 2", "square feet": "foot ** 2",
}
_PER = {"year": "year", "annum": "year", "month": "month", "week": "week", "day": "day", "hour": "hour"}
RATE_AFTER = re.compile(
    # not "than a year earlier" nor "a year ago": a comparison in time, not a rate
    r"^(?:\s*|-)(?P<between>(?:(?!than\b)[\w’'-]+\s+){0,6}?)(?:(?:an?|per|each|every)[\s-]+(?P<per>year|annum|month|week|day|hour)\b"
    r"(?!\s+(?:earlier|ago|before|later|previously)\b)"
    r"|(?P<adverb>(?:annually|per\s+annum|pa)\b|p\.a\.?"  # "£2,000pa", "£300k p.a."
    # "paid weekly", but not "will receive a weekly allowance": an adjective before its noun
    r"|(?:yearly|monthly|weekly|daily)\b(?!\s+(?!(?:for|in|to|on|from|and|or|until|since|by|per|at|with|over|each"
    r"|between|during|across)\b)[a-z]{3,})))",
    re.I,
)
# what may stand between money and its "a year" and leave a rate: "£2bn more a year", "£1,000 per child per year"
# ("per young person per year", "per care leaver a year": a head of one or two words)
_MORE = re.compile(r"\s*(?:more|extra|less|additional|(?:per|for\s+(?:each|every))\s+[a-z-]+(?:\s+[a-z-]+)?)\s+", re.I)
CURRENCY_WORD = re.compile(r"\s+(pounds(?:\s+sterling)?|euros|dollars)\b", re.I)
# "£1bn+", "a £500m-plus shortfall", "£4 million or more": that much or more; "£4 million or less": at most
_OR_MORE = re.compile(r"\+(?![\d\w])|-plus\b|\s+or\s+(?:more|over|above|greater)\b", re.I)
_OR_LESS = re.compile(r"\s+or\s+(?:less|fewer|under|below)\b", re.I)
_ANNUAL_NOUN = re.compile(r"^\s*(?:annual|yearly|a-year)\b", re.I)
# "the average weekly cost of a placement was £4,900", "an annual budget of £2 million": money named as so
# much a time is a rate, as "£50 million annual investment" is ("the annual report found £3m" is not)
_PER_TIME_SUBJECT = re.compile(
    r"(?:the\s+)?(?:[\w’'-]+[’']s?\s+)?(?:(?:average|mean|median|typical|total|estimated|gross|net)\s+)?"
    r"(?P<per>annual|yearly|weekly|monthly|daily|hourly)\s+(?:[\w-]+\s+)?"
    r"(?:costs?|prices?|charges?|rates?|spend|spending|budgets?|funding|allowances?|income|salary|salaries|pay"
    r"|payments?|fees?|grants?|investment|expenditure|revenue|turnover|profits?|rent|wages?|bill|allocation|subsidy)\b",
    re.I,
)
_PER_ADJECTIVE = {"annual": "year", "yearly": "year", "weekly": "week", "monthly": "month", "daily": "day",
                  "hourly": "hour"}
# "£200 million in each of the next three years", "500 social workers in each year of the Spending Review
# period", "£20 million for each of 2021-22 and 2022-23": so much a year, over the years named after it
_EACH_YEAR_AFTER = re.compile(
    r"^\s*(?:(?!than\b)[\w’'-]+\s+){0,4}?(?:in|for|over|during)\s+each\s+(?:year\b|of\s+(?="
    r"(?:the|these|those)\s+(?:[\w-]+\s+){0,2}(?:financial\s+|calendar\s+|academic\s+)?years\b|(?:19|20)\d\d))",
    re.I)
_NOT_A_NOUN = r"(?!(?:in|at|on|of|and|or|the|for|to|from|by|with|compared|than|was|were|is|are|aged)\b)"
_LABELLED_RATE = re.compile(rf"\b(?:(?:rate|rates)\s+(?:of\s+[^:;.]{{1,60}}?\s+)?"  # "Rate of children in need per"
                            # "The number of looked-after children per 10,000 was 70": a rate, of those children
                            rf"|(?:number|numbers)\s+of\s+(?P<whom>[^:;.\d]{{1,60}}?)\s+)"
                            rf"per\s+(?P<per>{NUMBER})(?:\s+{_NOT_A_NOUN}(?P<noun>[a-z’'-]+(?:\s+[a-z’'-]+)?))?(?::\s*"
                            # "The rate of children in need per 10,000 children was 342.7, up from 334.3"
                            rf"|\s+(?:was|is|were|stood\s+at|reached|(?:rose|fell|increased|decreased|dropped|grew)\s+to)"
                            rf"\s+(?:(?:{HEDGE})\s+)?(?:[\d.,]+,?\s+(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+)?)$",
                            re.I)
_PER_POPULATION = re.compile(rf"^\s*(?:per|for\s+every|in\s+every)\s+({NUMBER})(?![\d,.]*\s*(?:%|per\s*cent))"
                             rf"(?:\s+{_NOT_A_NOUN}([a-z’'-]+)(?:\s+{_NOT_A_NOUN}([a-z’'-]+))?)?",
                             re.I)  # "71 per 10,000 children", "a rate of 342.7 per 10,000."


def _per_whom(per_population: re.Match) -> tuple[str | None, int]:
    """What a rate per head of population counts, and where its phrase ends: one word ("per 10,000 children"),
    or two when the first only describes the second ("per 10,000 young people", "per 1,000 live births")."""
    first, second = per_population.group(2), per_population.group(3)
    if second and not plural(first) and plural(second):
        return f"{first} {second}", per_population.end(3)
    return first, per_population.end(2) if first else per_population.end(1)



@dataclass
class Figure:
    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str
    bound: str
    low: float
    high: float
    step: float | None
    change: bool
    counted: str | None = None
    counted_start: int | None = None  # where the counted noun phrase begins
    counted_end: int | None = None


# precompiled: a pattern string passed to re.match costs a cache lookup on every call
_ONE_WORD = re.compile(r"\s*([A-Za-z]+)")
_TWO_WORDS = re.compile(r"\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
OVER_OR_FOR = re.compile(r"\b(?:over|for)\s*$")
_PUNCTUATION = re.compile(r"[,;.]")
_ESTIMATE_NOTE = re.compile(rf"\s*\((?:{ESTIMATE})\)")
_YEAR_LIKE = re.compile(r"(?:18|19|20)\d\d|2100")


def numeric_figure(sentence: str, masked: str, m: re.Match) -> Figure | None:
    digits = m["num"]
    mag = (m["mag"] or "").lower()
    cur = m["cur"]
    if mag and not cur and mag in ("m", "k") and not m["pct"] and not (
            m.group(0)[-2:-1].isdigit() and _COUNTED_AFTER_MAGNITUDE.match(sentence, m.end())):
        return None  # "20 m" without a currency sign is a distance or noise; "1.2m adults", "12k children" count
    if cur and len(digits) > 1 and not digits.strip("0"):
        return None  # "(£000)", "£000s": a table's unit, thousands written as zeros, never an amount of nothing
    multiplier = MAGNITUDES.get(mag, 1.0)
    start, end = m.start(), m.end()
    if m["sign"] is None and not cur and sentence[max(0, start - 1):start] in ("-", "–") and start > 1 \
            and sentence[start - 2].isalnum():
        return None  # the tail of a range or label ("2014-15", "10-15") that nothing else took
    before, after = sentence[max(0, start - CONTEXT):start], sentence[end:end + CONTEXT]
    signed = m["sign"] is not None
    sign = -1.0 if signed and m["sign"] in "-−–" else 1.0
    if sign < 0 and _BELOW_ZERO_BEFORE.search(before):
        signed = False  # "The deficit was -£3.5 million", "Net spend: -£1.2bn": a level below zero, not a fall
    step = step_of(digits, multiplier)
    value = sign * scaled(digits, multiplier)
    bound: str | None = None  # read from the hedge once the figure is known to be kept
    counted = None
    counted_start = counted_end = None
    if m["pct"]:
        kind, unit = "percent", "percent"
    elif m["pence"] and not cur:
        kind, unit, value, step = "money", "GBP", value / 100, step / 100
    elif cur or (named := CURRENCY_WORD.match(after)):
        currency = CURRENCY_SIGNS[cur.lower()] if cur else CURRENCY_WORDS[" ".join(named[1].lower().split())]
        if not cur:  # "1.5 million pounds": the currency is the word after the number
            end += named.end()
            after = sentence[end:end + CONTEXT]
        kind, unit = "money", currency
        rate = RATE_AFTER.match(after)
        if _ANNUAL_NOUN.match(after) or _EACH_YEAR_AFTER.match(after):
            kind, unit = "rate", f"{currency} / year"
        elif rate and (not rate["between"].strip() or _MORE.fullmatch(rate["between"])):
            kind, unit = "rate", f"{currency} / {rate_per(rate)}"  # "£2bn more a year" too
            end += rate.end()
    else:
        if not mag and _looks_like_year(digits, sentence, end):
            return None
        kind, unit = "count", "count"
        word = _TWO_WORDS.match(after)
        first = word.group(1).lower() if word else ""
        pair = f"{first} {word.group(2).lower()}" if word and word.group(2) else ""
        per_population = _PER_POPULATION.match(after)
        labelled_rate = _LABELLED_RATE.search(before) if not per_population else None
        if per_population:
            kind = "rate"
            unit = per_head_unit(per_population.group(1))
            counted, phrase_end = _per_whom(per_population)
            end += phrase_end
        elif labelled_rate:  # a headline tile "Rate per 10,000 children: 67" is the rate its label names
            kind, unit = "rate", per_head_unit(labelled_rate["per"])
            counted = labelled_rate["noun"] or labelled_rate["whom"]
        elif length := length_of_time(before, after):
            kind, unit = "duration", length[0]
            end += length[1]
            if OVER_OR_FOR.search(before):
                bound = "exact"  # "over two years" is how long, not "more than two years"
        elif pair in MEASURE_UNITS or first in MEASURE_UNITS:
            kind = "measure"
            unit = MEASURE_UNITS[pair] if pair in MEASURE_UNITS else MEASURE_UNITS[first]
            end = end + (word.end(2) if pair in MEASURE_UNITS else word.end(1))
        elif (rate := RATE_AFTER.match(after)) and not rate["between"].strip() and not rate["adverb"]:
            kind, unit = "rate", f"count / {rate_per(rate)}"  # "an average of 2,316 per year"
            end += rate.end()
        else:
            plus = _OR_MORE.match(after)  # "15,000-plus children": children, at least 15,000 of them
            counted, counted_start, counted_end = counted_phrase(sentence, end + (plus.end() if plus else 0))
            if counted is None and first in _COMPARATIVES:  # "3,120 fewer children than a year earlier"
                counted, counted_start, counted_end = counted_phrase(sentence, end + word.end(1))
            if counted is None and is_noise(before, after):
                return None
            tail = sentence[counted_end:counted_end + CONTEXT] if counted_end else after
            rate = RATE_AFTER.match(tail) if counted else None
            per_population = _PER_POPULATION.match(tail) if counted else None
            if _EACH_YEAR_AFTER.match(tail):
                kind, unit = "rate", "count / year"
            elif rate and not _PUNCTUATION.search(rate.group(0)):
                kind, unit = "rate", f"count / {rate_per(rate)}"
                # "90 children going into care every day": everything before the rate phrase is counted,
                # but not a verb ("400,000 children are supported each year" counts children)
                if not _AUXILIARY.match(rate["between"]):
                    counted = (counted + " " + rate["between"]).strip()
            elif per_population:
                kind = "rate"
                unit = per_head_unit(per_population.group(1))
                end = counted_end + _per_whom(per_population)[1]
    bound = bound or bound_of(before)
    if bound == "exact" and _ESTIMATE_NOTE.match(after):
        bound = "approx"  # "2,000 (approx.) children"
    if (more := _OR_MORE.match(after)) and bound in ("exact", "approx"):  # "some 15,000-plus": at least that
        bound, end = "min", end + more.end()
    elif (less := _OR_LESS.match(after)) and bound in ("exact", "approx"):  # "£4 million or less": at most that
        bound, end = "max", end + less.end()
    change = is_change(before, after, signed) or (  # "£2.4 billion a year extra": after the rate phrase
        kind == "rate" and is_change("", sentence[end:end + CONTEXT], False))
    low, high = interval(value, bound, step)
    return Figure(start, end, sentence[start:end], kind, value, unit, bound, low, high, step, change,
                  counted, counted_start, counted_end)


def length_of_time(before: str, after: str) -> tuple[str, int] | None:
    """The time unit a figure is a length of, and how far into `after` its word runs; None if it is none."""
    if working := _WORKING_TIME.match(after):
        return TIME_UNITS[(working[1] or working[2]).lower()], working.end()
    word = _ONE_WORD.match(after)
    first = word.group(1).lower() if word else ""
    if _SCHOOL_YEAR.match(after):
        return None  # "300 Year 7 pupils": a school year group, not 300 years
    if first in TIME_UNITS and (not _UNITS_OF_THINGS.match(after) or _WITHIN_TIME.search(before)):
        return TIME_UNITS[first], word.end(1)
    return None


# "45 working days", "ten calendar days", "three financial years": a length of time whatever the adjective (Pint's
# day or year is the unit)
_WORKING_TIME = re.compile(r"\s*(?:(?:working|calendar|business)\s+(days?|weeks?)"
                           r"|(?:financial|academic|calendar|school)\s+(years?))\b", re.I)
_SCHOOL_YEAR = re.compile(r"\s*(?-i:Year)\s+\d{1,2}\b")
# "5,500 days of support" counts days of support; "within six months of this report" is a length of time
_UNITS_OF_THINGS = re.compile(r"\s*[A-Za-z]+\s+of\s+(?!(?:this|that|the|its|their|his|her|our|a|an)\b)[a-z]")
# "within two years of qualifying", "after six months of": a length of time, though "of" follows ("5,500 days of
# support" is a count of days)
_WITHIN_TIME = re.compile(r"\b(?:within|after|before)\s+(?:(?:around|about|just|some)\s+)?$", re.I)
_BELOW_ZERO_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|be|been|stood\s+at|stands\s+at|totalled|totaled|reached|of|at"
                                r"|to|spent|spend|spends)|[:=])\s*$", re.I)
_COUNTED_AFTER_MAGNITUDE = re.compile(r"\s+(?:[a-z]+\s+)?(?:children|people|[a-z]{3,}(?<!ss)s)\b")
_AUXILIARY = re.compile(r"\s*(?:are|is|was|were|have|has|had|be|been|will|would|get|got|receive|received)\b", re.I)
_COMPARATIVES = frozenset({"more", "fewer", "extra", "additional"})


def rate_per(rate: re.Match) -> str:
    if rate["per"]:
        return _PER[rate["per"].lower()]
    adverb = rate["adverb"].lower()
    return {"monthly": "month", "weekly": "week", "daily": "day"}.get(adverb, "year")


def per_time_named(subject: str | None) -> str | None:
    """The time money is "so much a" of, when its subject names it so ("average weekly cost"); else None."""
    named = _PER_TIME_SUBJECT.match(subject) if subject else None
    return _PER_ADJECTIVE[named["per"].lower()] if named else None


def _looks_like_year(digits: str, sentence: str, end: int) -> bool:
    """A bare 4-digit 1800-2100 number is a year unless plural things follow ("2000 children")."""
    if not _YEAR_LIKE.fullmatch(digits):
        return False
    nxt = _NEXT_WORD.match(sentence, end)
    if not nxt:
        return True
    return not plural(nxt.group(1))
