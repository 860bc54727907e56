"""Which subject a date gets: the name nearest it, what the sentence refers back to, or what happened in the
date's own clause ("the consultation closed on 12 March 2024 and the response was published on 1 March 2024").
The date-order checks compare dates by these subjects.
"""

from __future__ import annotations

import re

from claimcheck.extract.clause_subject import subject_before_verb
from claimcheck.extract.memory import Memory, refers_back
from claimcheck.extract.periods import TimeSpan
from claimcheck.extract.phrases import ASIDE
from claimcheck.extract.subjects import ACTOR_WORDS, Entity


def date_subject(text: str, span: TimeSpan, ents: list[Entity], memory: Memory) -> str | None:
    """The subject of the date `span` of sentence `text`."""
    named = [e for e in ents if e.score >= 3]
    if named:
        nearest = min(named, key=lambda e: abs(e.start - span.start_pos))
        if _RESPONSE_TO.search(text, max(0, nearest.start - 30), nearest.start):
            # "The Government's response to the Independent Review ... was published on 2 February 2023": the
            # response's date, not the review's
            return subject_before_verb(text, span.start_pos) or f"response to {nearest.text}"
        return memory.expand(nearest.text)
    referred = refers_back(text, span.start_pos, memory)
    starts = [m.end() for m in _EVENT_CLAUSE.finditer(text, 0, span.start_pos)]
    event = _EVENT.match(text, starts[-1] if starts else 0)
    phrases = [e for e in ents if e.score == 2]
    # (not a phrase of the next clause: "The review was launched on 15 January 2021 and published its final report
    # on 23 May 2022": the review was launched, not its final report)
    phrases = [e for e in phrases if e.start < span.end_pos or not _AND_THEN.search(text, span.end_pos, e.start)]
    if phrases:
        nearest = min(phrases, key=lambda e: abs(e.start - span.start_pos))
        if referred and refers_back(text[: nearest.end], nearest.end, memory):
            return referred
        if not (starts and event and nearest.end <= starts[-1] and event.end() <= span.start_pos
                and event["what"].lower() not in _NOT_EVENTS):
            return nearest.text  # (not "The first pathfinders launched ..., with a second wave due in April 2025")
    if referred:
        return referred
    # "The consultation closed on 12 March 2024 and the response was published on 1 March 2024": what happened,
    # in the date's own clause
    if event and event.end() <= span.start_pos:
        # "The department published its response in February 2023": what was published, not who published it
        # ("will publish the Fostering in England statistics for 2023-24 in November 2024": all of it)
        thing = _EVENT_OBJECT_TO_TIME.fullmatch(text, event.end(), span.start_pos) \
            or _EVENT_OBJECT.match(text, event.end())
        if thing and thing.end() <= span.start_pos + 4:
            return thing["what"]
        if event["what"].lower() not in ("which", "that", "who"):
            return event["what"]
        if starts and (antecedent := _BEFORE_WHICH.search(text, 0, starts[-1])
                       or _OBJECT_BEFORE_WHICH.search(text, 0, starts[-1])):
            # "The ban, which came into force from 1 September 2024, ...": the ban; "the government introduced new
            # rules capping the hourly rate ..., which came into force in spring 2024": the rules
            return antecedent[1]
        # (no antecedent found: not "which" itself, the rules below decide)
    if starts and _PARTICIPLE.match(text, starts[-1]) and (antecedent := _BEFORE_WHICH.search(text, 0, starts[-1])):
        return antecedent[1]  # "The review, commissioned in March 2021, reported ...": the review
    # "The review, commissioned in March 2021, reported in May 2022": what reported, an aside between
    plain = ASIDE.sub(" ", text[:span.start_pos])
    if what := _what_happened(_EVENT.match(plain), plain):
        return what
    # "On 1 April 2024 the new standards come into force": what happens, after the date that opens the sentence
    if (not text[:span.start_pos].strip(" ,") or _OPENING_PREPOSITION.fullmatch(text, 0, span.start_pos)) \
            and (what := _what_happened(_EVENT.match(text, _AFTER_OPENING.match(text, span.end_pos).end()), text)):
        return what
    return subject_before_verb(text, span.start_pos)


def _what_happened(event: re.Match | None, text: str) -> str | None:
    """What an event happened to: who it is told of, unless that is who acted ("In November 2022, the Department
    published a summary of planned developments": the summary)."""
    if event is None or event["what"].lower() in _NOT_EVENTS:
        return None
    if event["what"].split()[-1].lower() not in ACTOR_WORDS:
        return event["what"]
    done_to = _DONE_TO.match(text, event.end())
    return done_to["what"] if done_to else None


_AND_THEN = re.compile(r"\s(?:and|but|while|whereas)\s", re.I)
_PARTICIPLE = re.compile(r"\s*(?:first\s+|originally\s+)?[a-z]+ed\s+(?:in|on|at|by|during|from)\b")
# what an actor's event was done to: "published a summary of planned developments to the Stability Index", "published
# Stable Homes, Built on Love in February 2023"
_DONE_TO = re.compile(r"\s+(?:(?:its|the|a|an|their|our|his|her)\s+|(?-i:(?=[A-Z])))"
                      r"(?P<what>(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?:\s+of\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?)(?=\s+(?:to|for|in|on|at|by|following|which|that)\b"
                      r"|\s*[,.;]|\s*$)", re.I)
_NOT_EVENTS = frozenset({"which", "that", "who", "it", "they", "we", "this"})
_OPENING_PREPOSITION = re.compile(r"\s*(?:on|in|from|by|at|since)\s+", re.I)
_AFTER_OPENING = re.compile(r"\s*,?\s*")
_BEFORE_WHICH = re.compile(r"(?:^\s*(?:(?:the|a|an|its|their|our)\s+)?|\b(?:the|a|an|its|their|our)\s+)"
                           r"((?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s*,\s*$", re.I)
_OBJECT_BEFORE_WHICH = re.compile(r"\b(?:introduced|published|launched|announced|created|set\s+up|brought\s+in"
                                  r"|opened|agreed|made)\s+(?:(?:the|a|an|its|their|our)\s+)?([^,;]{3,80}?)\s*,\s*$",
                                  re.I)
_RESPONSE_TO = re.compile(r"\b(?:response|reply)\s+to\s+(?:the\s+)?$", re.I)
# (the time may follow the object with no preposition: "publish our response later this year")
_EVENT_OBJECT_TO_TIME = re.compile(r"\s+(?:its|the|a|an|their|our|his|her)\s+(?P<what>(?:[\w’'-]+\s+){0,7}?[\w’'-]+)"
                                   r"\s+(?:(?:in|on|at|by|during)\s+(?:the\s+)?)?", re.I)
_EVENT_OBJECT = re.compile(r"\s+(?:its|the|a|an|their|our|his|her)\s+(?P<what>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
                           r"\s+(?:in|on|at|by|during)\b", re.I)
_EVENT_CLAUSE = re.compile(r"[,;]\s*|\s(?:and|but|while|whereas)\s+(?=(?:the|a|an|its|their|our)\s)", re.I)
# (and the future: "We will publish the strategy by spring 2025", "The review will report in the summer"; and
# after "with": "..., with a second wave due in April 2025")
_EVENT = re.compile(r"\s*(?:with\s+)?(?:(?:the|a|an|its|their|our)\s+)?(?P<what>(?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+"
                    r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|(?:will|must|should|shall|can|may)\s+be"
                    r"|will|shall|must|should"
                    # "with the first projects expected to start in April 2014"
                    r"|(?:plans?|intends?|aims?|expects?|(?:(?:is|are|was|were)\s+)?(?:expected|due|set))\s+to)\s+)?"
                    r"(?:closes|closed?|opened|opens|open|launch(?:ed|es)?|publish(?:ed|es)?|began|begins?|begun|ended|ends?"
                    r"|started|starts?|inspected|inspects?"
                    r"|finished|finish|took\s+place|take\s+place|came\s+into\s+force|come\s+into\s+force|laid|lay"
                    r"|released?|introduced?|completed?|due|held|announced?|report(?:ed)?|ran|run|runs"
                    r"|submit(?:ted)?|return(?:ed|s)?)\b", re.I)  # "must return the completed data collection by"
