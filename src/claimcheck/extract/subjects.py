"""What a figure is about: the names a sentence holds (programmes, acronyms, phrases around a head noun) and the
clauses it falls into. What a document named before is `memory`'s.

Heuristics over capitalisation and a short list of head nouns, hand-written
because a statistical parser is 100x too slow for the extraction budget and
still needs the same rules to prefer "the Virtual Staff College" over "the
Department" as what money was spent on. The key that lets claims about the same
thing meet across documents is `claimcheck.subjects.normalise_subject`, shared with
the rules and the linker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from claimcheck.calendar import MONTHS
from claimcheck.extract.counted import STOP
from claimcheck.units import SCALE_WORDS
from claimcheck.wordlists import words

HEADS = words("heads")
VERBS_S = words("verbs_s")
ACTOR_WORDS = words("actors")
CONNECTORS = frozenset({"of", "for", "and", "the", "in", "on", "to", "&", "at", "up", "upon"})  # "Richmond upon Thames"
_CAP_TOKEN = re.compile(r"[A-Z][\w’'-]*|COVID-19|[A-Z]{2,}s?")
_TOKEN = re.compile(r"[‘“\"(]?[\w][\w’'.-]*[’”\")]?|[‘“\"]")
_QUOTED = re.compile(r"[‘“\"]([A-Z][^‘’“”\"]{3,80})[’”\"]")
_SPEECH = re.compile(r"^(?:We|I|You|It|It’s|It's|This|That|They|There|Our|My)\b|[,.!?]\s*$")
ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,8}s?)\)")
# A clause break: ";", ":", a dash between spaces, ", which", " but ", " and have", and " and the number of"
# ("... rose by 108% and the number of children in care increased by 15%": a new measure). Written as the
# character each break opens with (";", ":", a space or a comma), then what follows by which it was: the same
# matches as those alternatives one after another, but the scan skips straight to those characters.
_MEASURE = r"and\s+(?=the\s+(?:number|proportion|percentage|rate|share|amount|cost|level)\s+of\b)"
# ", and the Adoption and Special Guardianship Support Fund has provided": another subject, with its own verb
_AND_A_NEW_SUBJECT = r"and\s+(?=(?:the|its|their|this)\s+[^,;]{0,80}?\s(?:has|have|had|will|is|are|was|were)\s" \
    r"|[a-z][^,;]{0,60}?\s(?:has|have|had)\s+(?:risen|fallen|grown|increased|decreased|doubled|dropped|declined)\b" \
    r"|(?:half|(?:one|two|three|four)\s+(?:quarters?|thirds?|fifths?))\s+of\s" \
    r"|(?:some|many|most|other)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?\s+(?:cost|are|were|have|had|will|can|receive" \
    r"|received|pay|paid|spend|spent|report|reported)\s)"
# (", and demand for early help has risen by 35 per cent": a new subject, with no article either; ", and three
# quarters of special guardians report": a share of a new group; ", and some placements cost": some of a new group)
# a verb saying what is now expected of an amount set before: "but now expects to spend", "and now forecasts"
FORECAST_VERBS = r"expects?|forecasts?|predicts?|anticipates?"
CLAUSE_BREAK = re.compile(r"[;:,\s](?:(?<=[;:])"
                          # (not "budgeted £31.6m for the service in 2024/25 but now expects to spend £35.8m": the same
                          # budget's forecast; nor "pupils with SEN but no EHC plan": one group)
                          rf"|(?<=\s)(?:[–—-]\s|\s*but\s+(?!(?:now\s+)?(?:{FORECAST_VERBS})\b"
                          r"|not?\s)"
                          r"|\s*and\s+(?:have|has|had|will|are|is|was|were|we|it|they)\b"
                          # "capped agency pay at £45 an hour and introduced a £1,500 retention payment": a second
                          # verb with an object of its own
                          r"|\s*and\s+(?:introduced|announced|launched|extended|provided|allocated|awarded|published)"
                          r"\s+(?:a|an|the|new|further|additional)\b"
                          rf"|\s*{_MEASURE})"
                          # (", building on the 500 recruited in the North East pilot": what came before, not this)
                          r"|(?<=,)(?:\s+(?:which|who|while|whilst|whereas|although|but|yet|unlike|where|and\s+we|and\s+that"
                          r"|building\s+on)\b"
                          rf"|\s+{_MEASURE}|\s+{_AND_A_NEW_SUBJECT}))")


@dataclass
class Entity:
    start: int
    end: int
    text: str
    score: int  # 3 named programme / title / acronym; 2 lowercase programme phrase; 1 other capitalised name
    head: str | None = None


_WORD = re.compile(r"[\w’'-]+")


# precompiled: a pattern string passed to re.sub or re.match costs a cache lookup on every call
_NAME_TOKEN = re.compile(r"[\w][\w’'-]*|\([A-Z][A-Za-z]{1,8}s?\)")
_POSSESSIVE_S = re.compile(r"[’']s$")
_FOLLOWING = re.compile(r"\s+([a-z][\w’'-]*)")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_PARTICIPLE = re.compile(r"[a-z]+ed")


def entities(sentence: str) -> list[Entity]:
    """Named things in a sentence, best first within each position."""
    found: list[Entity] = []
    for m in _QUOTED.finditer(sentence):
        if not _SPEECH.search(m.group(1)):  # a quoted title ("‘Stable Homes, Built on Love’"), not a quote
            found.append(Entity(m.start(1), m.end(1), m.group(1).strip(" ,."), 3))
    tokens = [(m.start(), m.end(), m.group(0)) for m in _NAME_TOKEN.finditer(sentence)]
    # a name starts at a capitalised word: only those are visited, not every word of the sentence
    starts = [k for k, token in enumerate(tokens) if token[2][0].isupper()]
    i = 0
    for k in starts:
        if k < i:
            continue
        i = k
        start, end, word = tokens[i]
        if not _is_cap(word) or _TREND_WORD.match(sentence, start):
            continue
        j = i
        last_cap = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1][2]
            gap = sentence[tokens[j][1]:tokens[j + 1][0]]
            if gap == ", " and _comma_in_name(tokens, i, j, sentence):
                j += 1
                last_cap = j
                continue
            if gap.strip() not in ("", "&"):
                break
            if _is_cap(nxt) or nxt.startswith("(") or (nxt.isdigit() and len(nxt) <= 3
                                                      and tokens[j][2].lower() in NUMBERED):
                j += 1  # "Key Stage 2", "Section 251", "Wave 3": the number is part of the name
                last_cap = j
            elif nxt.lower() in CONNECTORS and j + 2 < len(tokens) and _is_cap(tokens[j + 2][2]) \
                    and sentence[tokens[j + 1][1]:tokens[j + 2][0]].strip() == "":
                j += 1
            else:
                break
        first = i
        # a capitalised sentence opener that is a common word is not part of a name
        while first <= last_cap and (tokens[first][0] == _sentence_start(sentence) or tokens[first][2].lower()
                                     in ("the", "a", "an", "our", "its", "this")) \
                and tokens[first][2].lower() in _COMMON_OPENERS:
            first += 1
        while first <= last_cap and tokens[first][2].lower() in CONNECTORS:
            first += 1
        if first <= last_cap:
            head_index = last_cap
            if last_cap + 1 < len(tokens) and tokens[last_cap + 1][2].lower() in HEADS \
                    and sentence[tokens[last_cap][1]:tokens[last_cap + 1][0]].strip() == "":
                head_index = last_cap + 1
            text = sentence[tokens[first][0]:tokens[head_index][1]]
            # "The Department's own analysis": an actor with its possessive is still an actor
            words = [_POSSESSIVE_S.sub("", w.lower().strip("()")) for _, _, w in tokens[first:head_index + 1]]
            # "Independent Review of Children's Social Care": the head noun stands before its complement
            head = next((w for w in reversed(words) if w in HEADS), tokens[head_index][2].lower())
            if any(w in ACTOR_WORDS for w in words) and head not in HEADS:
                score = 0
            elif head in HEADS or ACRONYM.search(text):
                score = 3
            elif first == _sentence_token_index(tokens, sentence) and head_index == first:
                score = 0
            else:
                score = 1
            following = _FOLLOWING.match(sentence[tokens[head_index][1]:])
            if score == 3 and following and _plural_noun(following.group(1)):
                score = 1  # "Innovation Programme projects": the name modifies another noun, the projects
            end = tokens[head_index][1]
            if score and tokens[head_index][2].isdigit() and following and _plural_noun(following.group(1)):
                end += following.end()  # "Section 47 enquiries", "Key Stage 2 pupils": what the numbered name counts
                text = sentence[tokens[first][0]:end]
            if score:
                found.append(Entity(tokens[first][0], end, text, score, head if head in HEADS else None))
        i = max(j, head_index if first <= last_cap else j) + 1
    found.extend(_acronym_expansions(sentence))
    found.extend(_head_phrases(sentence, found))
    return found


# names that take a number: "Key Stage 2", "Section 251", "Wave 3", "Year 6"
NUMBERED = frozenset({"stage", "year", "phase", "wave", "round", "level", "tier", "section", "part", "cohort",
                      "step", "grade", "schedule", "article", "clause"})
_COMMON_OPENERS = STOP | {"local", "children’s", "children's", "social", "lobby", "one", "two", "three", "four", "five",
                          "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
                          "fifty", "hundred", "hundreds", "thousands", "dozens"}  # "Ten Partners in Practice ..."
_NOT_OPENERS = STOP | ACTOR_WORDS | _COMMON_OPENERS  # a capital that opens a sentence, not a name
# a tile's trend, capitalised: "Children in need: 399,500 Down 1.4% from 2023" (but "Down Syndrome Act" is a name)
_TREND_WORD = re.compile(r"(?:Up|Down)\s+(?:(?:by|from|to)\s+)?[£$€]?\d")
_NOT_NAMES = frozenset(MONTHS) | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                  "i", "spring", "summer", "autumn", "winter",
                                  "fte", "ftes", "wte"}  # full- or whole-time equivalent


def _comma_in_name(tokens: list, first: int, last: int, sentence: str) -> bool:
    """ "the Stable Homes, Built on Love strategy", "the Strengthening Families, Protecting Children programme":
    a comma inside a title, told from a list ("Brighton and Hove, Sunderland, ...") by what follows it: more
    capitalised words and then a lowercase head noun. Two names in a row ("... Innovation Programme, Partners
    in Practice programme") are not one: the first already ends in its head."""
    if last - first < 1 or tokens[last][2].lower() in HEADS:
        return False
    k = last + 1  # the first word after the comma
    while k < len(tokens) and (_is_cap(tokens[k][2]) or (k > last + 1 and tokens[k][2].lower() in CONNECTORS)):
        if k + 1 < len(tokens) and sentence[tokens[k][1]:tokens[k + 1][0]].strip():
            return False  # punctuation before the head noun: not one title
        k += 1
    return k > last + 2 and ((k < len(tokens) and tokens[k][2] in HEADS) or tokens[k - 1][2].lower() in HEADS)


def _plural_noun(word: str) -> bool:
    """ "projects", "students" (but not "covers", "has", "business")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in VERBS_S \
        and word not in STOP and word not in HEADS


def _is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word.startswith("COVID")) and not word.startswith("(") \
        and word.lower().rstrip(".") not in _NOT_NAMES


def _sentence_start(sentence: str) -> int:
    return len(sentence) - len(sentence.lstrip(" “\"‘("))


def _sentence_token_index(tokens, sentence) -> int:
    start = _sentence_start(sentence)
    return next((k for k, t in enumerate(tokens) if t[0] >= start), 0)


def _acronym_expansions(sentence: str) -> list[Entity]:
    """ "sector-led improvement (SLI) programme": the lowercase words the acronym's letters spell."""
    found = []
    for m in ACRONYM.finditer(sentence):
        letters = m.group(1).rstrip("s").upper()
        if letters.lower() in _NOT_NAMES:
            continue  # "full-time equivalent (FTE)" says how a count is measured; it names nothing
        before = _WORD.findall(sentence[:m.start()])
        parts: list[str] = []
        words_used = 0
        for word in reversed(before):
            pieces = [p for p in word.split("-") if p]
            parts = pieces + parts
            words_used += 1
            initials = "".join(p[0].upper() for p in parts if p.lower() not in ("of", "and", "for", "the"))
            if initials == letters or len(parts) >= len(letters) + 3:
                break
        initials = "".join(p[0].upper() for p in parts if p.lower() not in ("of", "and", "for", "the"))
        if initials != letters:
            continue
        start = len(" ".join(before[:-words_used])) if words_used < len(before) else 0
        start = sentence.rfind(before[-words_used], 0, m.start())
        end = m.end()
        head = None
        nxt = _NEXT_WORD.match(sentence[end:])
        if nxt and nxt.group(1) in HEADS:
            end += nxt.end()
            head = nxt.group(1)
        found.append(Entity(start, end, sentence[start:end], 3, head))
    return found


_OPENER = re.compile(r"\s*[“\"‘(]?([A-Z][a-z’'-]+)\s+")  # a capitalised first word, then the phrase's modifiers
_HEAD_WORD = re.compile(r"\b(?:" + "|".join(sorted(HEADS, key=len, reverse=True)) + r")\b")
_MODIFIERS = re.compile(r"(?<![\w’'-])(?:[a-z][\w’'-]*\s+){1,3}$")  # whole words: not the "m" of "£200m fund"
_COMPLEMENT = re.compile(
    # (not up to the point of "by 12.4%": a decimal point ends no phrase)
    # (nor up to the thousands comma of "received 1,872 responses", nor past "ran" in "A consultation on the plans
    # ran for six weeks")
    r" (?:of|for|on|into|in) (?:[\w’'-]+ ){0,16}?[\w’'-]+(?=\s*(?:[;:–—)]|,(?!\d)|\.(?!\d)|$|\s+(?:was|is|were|are|"
    r"has|have|will|would|published|increased|decreased|rose|fell|grew|reached|totalled|remained|stayed|ran|received|"
    r"attracted|drew|began|started|ended|closed|opened|showed|found|"
    r"in\s+(?:spring|summer|autumn|winter)\b|on\s+\d|that|which|to\s+be)\b))"
)


def _head_phrases(sentence: str, named: list[Entity]) -> list[Entity]:
    """Lowercase programme phrases: "our interventions programme", "statutory guidance on the technical detail"."""
    found = []
    for m in _HEAD_WORD.finditer(sentence):
        head_start, head_end = m.span()
        if any(e.start <= head_start < e.end for e in named):
            continue
        before = _MODIFIERS.search(sentence, max(0, head_start - 80), head_start)
        mods: list[str] = []
        words_before = before.group(0).split() if before else []
        for index in range(len(words_before) - 1, -1, -1):
            word = words_before[index]
            low = word.lower()
            if low == "and" and mods and index > 0 and _JOINED_MODIFIER.fullmatch(words_before[index - 1]):
                mods.insert(0, word)  # "the recruitment and retention programme": two nouns, one programme
                continue
            if low in STOP or low in ACTOR_WORDS or low in SCALE_WORDS \
                    or (_PARTICIPLE.fullmatch(low) and "-" not in low):
                break  # not "million programme" out of "a £45 million programme"
            mods.insert(0, word)
        while mods and mods[0].lower() in ("new", "overall", "whole"):
            mods.pop(0)
        if mods and len(mods) == len(words_before) and (opener := _OPENER.fullmatch(
                sentence, 0, sentence.rfind(mods[0], 0, head_start))) \
                and opener[1].lower() not in _NOT_OPENERS:
            mods.insert(0, opener[1])  # "Kinship care allowance pilot to launch": the sentence's capital opens it
        comp = _COMPLEMENT.match(sentence, head_end)
        end = comp.end() if comp else head_end
        text = " ".join([*mods, m.group(0)]) + (comp.group(0) if comp else "")
        start = head_start if not mods else sentence.rfind(mods[0], 0, head_start)
        if text.lower().startswith("health and care") and (ehc := _EDUCATION_BEFORE.search(sentence, 0, start)):
            start, text = ehc.start(), f"{ehc.group(0)}{text}"  # "an education, health and care plan": one name
        score = 2 if (mods or comp) else 0
        found.append(Entity(start, end, text.strip(), score, m.group(0)))
    return found


_EDUCATION_BEFORE = re.compile(r"\b[Ee]ducation,\s+$")
# a noun that "and" joins to the modifier after it: lower case, not a function word, not a verb form
_JOINED_MODIFIER = re.compile(r"(?!(?:and|or|the|a|an|of|for|to|in|on|with|by|from)$)[a-z][a-z-]*(?<!ed)(?<!ing)")


@lru_cache(maxsize=32)
def _clause_breaks(sentence: str) -> tuple[list[int], list[int]]:
    spans = [m.span() for m in CLAUSE_BREAK.finditer(sentence)]
    return [s for s, _ in spans], [e for _, e in spans]


def clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """The clause around `pos`: between the clause breaks (";", " – ", ", which" ...) either side of it."""
    starts, ends = _clause_breaks(sentence)
    before = bisect_right(ends, pos)
    start = ends[before - 1] if before else 0
    after = bisect_left(starts, pos)
    end = starts[after] if after < len(starts) else len(sentence)
    return start, end
