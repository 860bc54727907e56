"""What a count counts: the noun phrase after a number ("72 local authorities", "19 of our strongest performing
local authorities", "children in care"), read word by word against lists of function words and verbs.

Hand-written because what ends a counted noun in a civil servant's sentence ("152 local authorities took part",
"1.2 million children live in ...", "Ten Partners in Practice local authorities") is a matter of these few
rules, not of a general parser; `quantities` calls it for each bare number.
"""

from __future__ import annotations

import re

from claimcheck.subjects import plural
from claimcheck.units import NUMBER
from claimcheck.wordlists import words

STOP = words("function_words")
_PAST_VERBS = words("verbs_past")
_PRESENT_VERBS = words("verbs_present")
_COUNT_OPENS_CLAUSE = re.compile(
    r"(?:^|[,;:(]|\band|\bin\s+total,?)\s*(?:(?:some|around|about|over|more\s+than|almost|nearly|up\s+to|at\s+least|"
    r"an\s+estimated|approximately|a\s+further|another|an\s+additional)\s+)?"
    rf"(?:{NUMBER})(?:\s*(?:million|billion|thousand|m|bn|k))?\s*$", re.I)
# a verb's form ("performing", "looked"), but not the nouns in -ing that spending and services are named by
_VERB_LIKE = re.compile(r"^(?!(?:spending|funding|housing|training|fostering|safeguarding|staffing|schooling|"
                        r"building|wellbeing|parenting|commissioning)$)[a-z]+(?:ed|ing)$")


# names that take a number, written in lower case in running text: "198,090 section 47 enquiries"
NUMBERED_IN_LOWER_CASE = frozenset({"section", "stage", "tier", "level", "wave", "phase", "schedule", "article",
                                    "clause"})


# precompiled, and read from `pos` on rather than from a copy of the rest of the text: no look-behind, no anchor
# (a plural with a footnote mark glued to it by PDF-to-text, "children3 in care", is the plural)
_WORD_AFTER = re.compile(r"[A-Za-z][a-z]{2,}(?=\d{1,2}\b)|[A-Za-z][\w’'-]*|\d{1,2}-year-olds?\b|\d+(?![\d,.%])"
                         r"|[^\sA-Za-z]")
_EHC_REST = re.compile(r"\s*health\s+and\s+care\b", re.I)
_GLUED_MARK = re.compile(r"(?<=[a-z]{3})\d{1,2}\b")


def _unmarked(phrase: str) -> str:
    """The phrase without a footnote mark glued to one of its words ("children3 in care")."""
    return _GLUED_MARK.sub("", phrase)


_AGE_GROUP = re.compile(r"\d{1,2}-year-olds?")  # "48% of 18-year-olds": a group of people, named by age


def _words_after(text: str, pos: int, limit: int = 6) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in _WORD_AFTER.finditer(text, pos):
        token = m.group(0)
        if token.isdigit() and len(token) <= 2 and found and found[-1][1] == m.start():
            continue  # a footnote mark glued to the word before it: "children3 in care"
        if token == "," and found and found[-1][2].lower() == "education" and _EHC_REST.match(text, m.end()):
            continue  # "an education, health and care plan": one name, commas and all
        if not token[0].isalpha() and not (token.isdigit() and found and (found[-1][2] in NUMBERED_IN_LOWER_CASE
                                                                          or found[-1][2] == "Year")) \
                and not _AGE_GROUP.fullmatch(token):
            break
        found.append((m.start(), m.end(), token))
        if len(found) >= limit:
            break
    return found


IN_STATES = frozenset({"care", "need", "custody"})  # "children in care": one group
ESTIMATE = r"approx\.?|approximately|estimated|est\."  # a note in brackets after a figure: "2,000 (approx.)"


# "33,100 (FTE) children and family social workers", "2,000 (approx.) children", "2,345 (12.3%) children",
# "33,900 full-time equivalent (FTE) children and family social workers": a note or a share in brackets, or
# how staff are counted, is not what is counted
_LEAD = re.compile(r"(?:\s+(?:full[- ]time[- ]equivalent|FTE)(?=\s+(?:\(FTE\)\s+)?[a-z]))?"
                   rf"(?:\s+\((?:FTE|full[- ]time equivalent|headcount|{ESTIMATE}"
                   r"|provisional|rounded|\d+(?:\.\d+)?\s?(?:%|per\s?cent))\))?"
                   r"\s+(?:of\s+(?:our|the|these|those|its|their|which|whom|them)\s+"
                   r"|Number\s+of\s+)?")  # a key fact: "83,840" over "Number of children ..."
_LEAD_OF = re.compile(r"\s+of\s+")
_OF_DETERMINER = re.compile(r"\bof\s+(?:our|the|these|those|its|their)\s+$", re.I)  # before the first word


def counted_phrase(text: str, pos: int, of: bool = False) -> tuple[str | None, int, int]:
    """The noun phrase a count counts: "72 local authorities", "19 of our strongest ... local authorities",
    "5,500 days of support". Stops at function words, verbs and punctuation."""
    rest = text[pos:]
    lead = (_LEAD_OF if of else _LEAD).match(rest)
    if not lead or lead.end() == 0:
        return None, pos, pos
    if _TIME_AFTER.match(rest, lead.end()):
        return None, pos, pos  # "down from 1,402 last year": a time, not what is counted
    words = _words_after(text, pos + lead.end(), limit=8)
    phrase: list[tuple[int, int, str]] = []
    taken_next = False  # the word was read with the one before it
    in_state = False  # the phrase ends in a state: "children in care", whose verb follows ("live", "are")
    for i, (start, end, word) in enumerate(words):
        if taken_next:
            taken_next = False
            continue
        low = word.lower()
        if low in ("in", "of", "for", "and") and phrase and phrase[-1][2][0].isupper() and i + 1 < len(words) \
                and words[i + 1][2][0].isupper():
            phrase.append((start, end, word))  # "Ten Partners in Practice local authorities": a name inside
            continue
        if low == "of" and phrase and i + 1 < len(words) and words[i + 1][2].lower() not in STOP:
            phrase.append((start, end, word))
            continue
        if low == "need" and phrase and phrase[-1][2].lower() == "of":
            phrase.append((start, end, word))  # "episodes of need": a named group, ended there
            break
        if low == "after" and phrase and phrase[-1][2].lower() == "looked":
            phrase.append((start, end, word))  # "looked after children"
            continue
        if phrase and (state := _UNDER_ORDER.match(text, start)):
            # "children subject to a child protection plan", "children on a care order", "children placed for
            # adoption", "children waiting to be adopted": one group of children
            return _unmarked(text[phrase[0][0]:state.end()]), phrase[0][0], state.end()
        if low == "in" and phrase and i + 1 < len(words) and words[i + 1][2].lower() in IN_STATES:
            phrase.append(words[i + 1])  # "children in care", "children in need": one group of children
            taken_next = in_state = True
            continue
        if low == "and" and phrase and (not plural(phrase[-1][2]) or _FIXED_PAIR.match(
                " ".join(w for _, _, w in words[i - 1:i + 2]))) and i + 1 < len(words) \
                and words[i + 1][2].isalpha() and words[i + 1][2].lower() not in STOP:
            phrase.append((start, end, word))  # "500 child and family social workers": one noun phrase
            continue
        if low in STOP and not (word[0].isupper() and phrase):
            break
        if phrase and _TIME_AFTER.match(text, start):
            break  # "were used by 2,300 families last year": the families, then when
        if not phrase and (low in _PAST_VERBS or (low in _PRESENT_VERBS and not low.endswith("s")
                                                  and not _OF_DETERMINER.search(text, max(0, start - 20), start))):
            # "out of a total of 151 took part", "120 remain in the same home": a verb, nothing counted (but "75%
            # of the overspend", "of our cost": after a determiner, a noun)
            break
        if phrase and (low in _PAST_VERBS or (low.endswith("ed") and low != "looked" and plural(phrase[-1][2])
                                              and _COUNT_OPENS_CLAUSE.search(text, 0, pos))):
            # "152 local authorities took part", "1.2 million people received support"; but "of the 31
            # homes judged inadequate": a count that does not open its clause is not the verb's subject
            break
        if phrase and (low in _PRESENT_VERBS or (low.endswith("s") and low[:-1] in _PRESENT_VERBS)) \
                and (plural(phrase[-1][2]) or in_state or _participle_after_plural(phrase)):
            # "1.2 million children live in ...": the verb of which the count is the subject; "one in five
            # children lives in poverty": the verb agrees with the "one"; "85% of families supported say"
            break
        if phrase and _VERB_LIKE.match(low) and "-" not in low and not word[0].isupper() \
                and not (low == "after" or phrase[-1][2].lower() == "looked"):
            # "performing" in "strongest performing local authorities" is a modifier only if a noun follows
            nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
            if (not nxt or nxt in STOP or _VERB_LIKE.match(nxt)) and not (low == "looked" and nxt == "after"):
                break
        if phrase and plural(phrase[-1][2]) and not word[0].isupper() and i + 1 < len(words) \
                and words[i + 1][2].lower() in _DETERMINERS:
            break  # "2,000 more families access the support": a word between the plural and "the" is a verb
        if phrase and low in _GRADES and plural(phrase[-1][2]):
            break  # "rated 58% of local authorities good or outstanding": the grade given, not what is counted
        if not phrase and _VERB_LIKE.match(low) and "-" not in low:
            # "of which 151 responded to", "with a further 15 joining from April": a verb, the noun said before
            nxt = words[i + 1][2].lower() if i + 1 < len(words) else ""
            if low != "looked" and (not nxt or nxt in STOP or _VERB_LIKE.match(nxt)):
                break
        phrase.append((start, end, word))
        in_state = False
        if len(phrase) >= (6 if any(w.lower() in ("and", "of") for _, _, w in phrase) else 5):
            break  # "inspections of local authority children's services" is one thing
    while phrase and (phrase[-1][2].lower() in ("of", "and")
                      or (len(phrase) > 1 and phrase[-1][2].lower() in _ONLY_ADJECTIVE)):
        phrase.pop()  # "200 places available" counts places
    if not phrase or (len(phrase) == 1 and phrase[0][2].lower() in (_ONLY_ADJECTIVE | _GRADES)):
        return None, pos, pos  # "out of the 4,000 available", "7 were outstanding and 3 inadequate": said before
    return _unmarked(text[phrase[0][0]:phrase[-1][1]]), phrase[0][0], phrase[-1][1]


def _participle_after_plural(phrase: list[tuple[int, int, str]]) -> bool:
    """Whether the phrase ends in a plural noun and a participle describing it ("families supported")."""
    return len(phrase) > 1 and phrase[-1][2].lower().endswith("ed") and plural(phrase[-2][2])


_UNDER_ORDER = re.compile(r"(?:(?:subject\s+to|on|under)\s+(?:an?\s+)?(?:child\s+protection\s+plans?"
                          r"|(?:interim\s+)?(?:care|supervision|placement|special\s+guardianship)\s+orders?)"
                          r"|placed\s+for\s+adoption|waiting\s+(?:for\s+adoption|to\s+be\s+adopted))\b", re.I)
_DETERMINERS = frozenset(("the", "a", "an", "their", "its", "this", "these", "those", "our", "your", "his", "her"))
_GRADES = frozenset(("good", "outstanding", "inadequate"))  # Ofsted's judgements, after what was judged
_FIXED_PAIR = re.compile(r"children and (?:young|family|families)\b", re.I)  # one noun phrase, not two
_ONLY_ADJECTIVE = frozenset(
    "available eligible remaining left needed required possible allocated funded planned expected overall "
    "altogether more less open operating active vacant occupied".split()  # "2,880 children's homes open"
)


_TIME_AFTER = re.compile(r"(?:last|next|this|previous|the\s+previous|the\s+same)\s+(?:year|month|week|quarter|time)\b"
                         r"|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:years?|months?|decades?)"
                         r"\s+(?:ago|earlier|before)\b", re.I)  # "up from 4,000 ten years ago"


_TOLD_WITHIN = 400  # characters before a bare figure where "the number of ..." may say what it counts (4 x CONTEXT)
# a whole word: "children starting" is not "children start" + "in"
# "the number of referrals since 2019, when": what is counted ends before a time word
# "the number of full-time equivalent (FTE) children and family social workers": an abbreviation in brackets is
# part of what is counted; other brackets end it ("an education, health and care plan" is one name, commas and all)
_NUMBER_OF = re.compile(r"\b(?:the\s+)?(?:number|total|count)\s+of\s+((?!\d)(?:(?!(?:since|until|during|between)\b)"
                        r"(?:education,\s+health\s+and\s+care|[\w’'-]+|\([A-Z]{2,6}s?\))\s+){0,7}?"
                        r"(?:(?!education,\s)[\w’'-]+\b|\([A-Z]{2,6}s?\)))"
                        r"(?=\s*(?:\((?![A-Z]{2,6}s?\))|(?:by|in|at|on|was|were|is|are|has|have|had|rose|fell|increased|decreased|reached|"
                        r"stood|hit|since|until|during|between|doubled|tripled|trebled|halved|grew|dropped|declined|"
                        r"climbed|jumped|totalled|remained|remains|stayed|stays)\b|[,.;]"
                        # "bringing the total number of local authorities involved to 88" (not "... started to be"):
                        # the figure's own start ends the search
                        r"|to\s+(?:(?:around|about|over|almost|nearly|more\s+than|some)\s+)?$))", re.I)


def counted_from_context(sentence: str, start: int) -> str | None:
    """ "the number of children looked after (CLA) ... rose to 83,840": what the bare figure at `start` counts."""
    found = None
    for m in _NUMBER_OF.finditer(sentence, max(0, start - _TOLD_WITHIN), start):
        state = _IN_STATE.match(sentence, m.end(1))  # "the number of children in care to reach": in care too
        found = _without_abbreviation(m.group(1)) + (state.group(0) if state else "")
    return found


_ABBREVIATION = re.compile(r"\s*\([A-Z]{2,6}s?\)\s*")


def _without_abbreviation(counted: str) -> str:
    """ "children looked after (CLA)": children looked after; "full-time equivalent (FTE) children and family social
    workers": the social workers, as `counted_phrase` reads "33,900 full-time equivalent (FTE) children ..."."""
    *_, last = _ABBREVIATION.split(counted)
    return last or _ABBREVIATION.sub("", counted)


_IN_STATE = re.compile(r"\s+in\s+(?:" + "|".join(sorted(IN_STATES)) + r")\b", re.I)
