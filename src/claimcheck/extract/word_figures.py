"""Figures written in words: "twelve", "half a million children", "five million pounds a year", "one in five",
"Sixty-two per cent", and the vague "hundreds of", "tens of thousands of" (a floor). `figures.scan` finds them
after the figures in digits; the unit, hedge and counted noun are read as `quantities` reads a digit's.
"""

from __future__ import annotations

import re

from claimcheck.extract.counted import counted_phrase
from claimcheck.extract.hedges import bound_of, interval, is_change
from claimcheck.extract.quantities import (
    CONTEXT,
    CURRENCY_WORD,
    OVER_OR_FOR,
    RATE_AFTER,
    Figure,
    length_of_time,
    rate_per,
)
from claimcheck.guards import any_in, folded
from claimcheck.units import CURRENCY_WORDS, SCALE_WORDS, SMALL_NUMBERS, number_words

_WORD_NUMBERS = "|".join(sorted((w for w in SMALL_NUMBERS if w not in ("zero", "one")), key=len, reverse=True))
_WORD_NUMBER = (rf"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|"
                rf"seven|eight|nine)|{_WORD_NUMBERS})")
WORDS = re.compile(
    # "twelve", "forty-two", "two thousand", "one hundred and fifty"
    rf"\b(?P<words>(?:{_WORD_NUMBER}|one)\s+(?:hundred|thousand|million|billion)(?:\s+and\s+{_WORD_NUMBER})?"
    r"|(?:half\s+)?an?\s+(?:million|billion)"  # "half a million children", "a million pounds"
    rf"|{_WORD_NUMBER}"
    r"|a\s+dozen|dozens|hundreds|thousands|millions|tens\s+of\s+thousands)\b(?!\s*(?:-|–)\s*\w)",
    re.I,
)
# "a quarter of a million", "one and a half million": apart from WORDS, and only tried in a sentence that says
# million or billion, since every number word would try them
SCALED_WORDS = re.compile(r"\b(?P<words>(?:a|one|two|three)[\s-]+(?:quarters?|thirds?)\s+of\s+an?\s+"
                          rf"(?:million|billion)|(?:{_WORD_NUMBER}|one)\s+and\s+a\s+half\s+(?:million|billion))\b",
                          re.I)
# What WORDS cannot match without (a guard, see guards.py): a number word but "one", "dozen", the plural of a
# scale ("hundreds"), "one" with a scale word, or "a million"; three sentences in four hold none of them.
# Needles that hold another ("seventeen" holds "seven") are left out.
_WORDS_NEEDED = (set(SMALL_NUMBERS) - {"zero", "one"}) | {"dozen", "hundreds", "thousands", "millions"}
_WORDS_NEEDLES = tuple(sorted(w for w in _WORDS_NEEDED if not any(o != w and o in w for o in _WORDS_NEEDED)))
_A_MILLION = re.compile(r"an?\s+(?:million|billion)", re.I)


def may_hold_words(text: str) -> bool:
    """False only when WORDS cannot match `text`."""
    low = folded(text)
    return any_in(_WORDS_NEEDLES, low) or ("one" in low and any_in(_SCALES, low)) \
        or ("illion" in low and _A_MILLION.search(text) is not None)


_SCALES = tuple(SCALE_WORDS)
_A_SCALE = re.compile(r"(?:(?P<half>half)\s+|(?P<part>a|one|two|three)[\s-]+(?P<whole>quarter|third)s?\s+of\s+)?"
                      r"an?\s+(?P<scale>million|billion)")
_AND_A_HALF = re.compile(r"(?P<units>.+?)\s+and\s+a\s+half\s+(?P<scale>million|billion)")
_VAGUE = {"a dozen": (12, "exact"), "dozens": (24, "min"), "hundreds": (200, "min"),
          "thousands": (2000, "min"), "millions": (2e6, "min"), "tens of thousands": (20000, "min")}

_ONE_IN = re.compile(r"\b(?P<part>one|a|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:every\s+)?$", re.I)
_PERCENT_WORD = re.compile(r"\s*(?:per\s?cent|percent)\b", re.I)
_VAGUE_SPACED = re.compile(r"a\s+dozen|tens\s+of\s+thousands")
_SPACE_RUN = re.compile(r"\s+")
_OF_AFTER = re.compile(r"\s+of\b")
_ONE_WORD = re.compile(r"\s*([A-Za-z]+)")


def word_figure(sentence: str, m: re.Match) -> Figure | None:
    words = m["words"].lower()
    before, after = sentence[max(0, m.start() - CONTEXT):m.start()], sentence[m.end():m.end() + CONTEXT]
    if words in _VAGUE or _VAGUE_SPACED.fullmatch(words):
        key = _SPACE_RUN.sub(" ", words)
        value, bound = _VAGUE[key]
        if key != "a dozen" and not _OF_AFTER.match(after):
            return None
        step = None
    else:
        value = number_words(words)
        if a_scale := _A_SCALE.fullmatch(words):
            share = 0.5 if a_scale["half"] else 1.0
            if a_scale["whole"]:  # "three quarters of a million"
                share = (number_words(a_scale["part"]) or 1.0) / {"quarter": 4, "third": 3}[a_scale["whole"]]
            value = share * SCALE_WORDS[a_scale["scale"]]
        elif and_a_half := _AND_A_HALF.fullmatch(words):  # "one and a half million"
            units = number_words(and_a_half["units"])
            value = (units + 0.5) * SCALE_WORDS[and_a_half["scale"]] if units else None
        if value is None:
            return None
        bound = bound_of(before)
        step = None
        ratio = _ONE_IN.search(before)
        part = (number_words(ratio["part"]) or 1.0) if ratio else 0.0  # "a in" counts one
        if ratio and value and part < value:  # "one in five children", "three in four": a proportion
            start = m.start() - (len(before) - ratio.start())
            bound = bound_of(sentence[max(0, start - CONTEXT):start])
            share = 100.0 * part / value
            low, high = interval(share, bound, None)
            return Figure(start, m.end(), sentence[start:m.end()], "percent", share, "percent", bound, low,
                          high, None, False)
        if words not in _VAGUE and (pct := _PERCENT_WORD.match(after)):  # "Sixty-two per cent of councils"
            low, high = interval(value, bound, None)
            end = m.end() + pct.end()
            return Figure(m.start(), end, sentence[m.start():end], "percent", value, "percent", bound, low, high,
                          None, is_change(before, sentence[end:end + CONTEXT], False))
    word = _ONE_WORD.match(after)
    first = word.group(1).lower() if word else ""
    end = m.end()
    if first in ("of", "or", "to", "and", "in", "times", "quarters", "thirds", "fifths", "per") and words not in _VAGUE:
        return None
    named = CURRENCY_WORD.match(after) if words not in _VAGUE else None
    if named:  # "five million pounds", "half a million pounds a year"
        kind, unit, counted = "money", CURRENCY_WORDS[" ".join(named[1].lower().split())], None
        end += named.end()
        counted_start = counted_end = None
        rate = RATE_AFTER.match(sentence[end:end + CONTEXT])
        if rate and not rate["between"].strip():
            kind, unit = "rate", f"{unit} / {rate_per(rate)}"
            end += rate.end()
    elif length := length_of_time(before, after):
        kind, unit, counted = "duration", length[0], None
        if OVER_OR_FOR.search(before):
            bound = "exact"  # "over two years" is how long, not "more than two years"
        end += length[1]
        counted_start = counted_end = None
    else:
        counted, counted_start, counted_end = counted_phrase(sentence, m.end(), of=words in _VAGUE)
        if counted is None:
            return None
        kind, unit = "count", "count"
    change = is_change(before, after, False)
    low, high = interval(value, bound, step)
    return Figure(m.start(), end, sentence[m.start():end], kind, value, unit, bound, low, high, step, change,
                  counted, counted_start, counted_end)
