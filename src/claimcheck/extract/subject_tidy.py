"""A subject as the reader would name it: what a blanked time expression, a quotation mark, a bracket or a linking
adverb leaves at its ends cut off, and nothing at all when what is left names nothing ("alone", "the first").
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.extract.hedges import TRAILING_HEDGE
from claimcheck.extract.phrases import ANNOUNCING, starts_with_amount

# what a blanked time expression leaves at a subject's ends: "In [2021-22] the grant", "the scheme in [2014-15]"
_STRANDED = r"in|on|during|for|by|since|at|over|from|until|to|of|and|or|with"
# (and "Between [Q3 2023/24] and [Q3 2024/25], the number of agency workers": both times, and the comma after them)
_LEFT_BY_TIME = re.compile(r"^(?:(?:in|on|during|for|by|since|at|over|from|until|to|between|and)\s{2,})+,?\s*"
                           r"(?:(?:the|a|an)\s+)?"
                           rf"|\s+(?:{_STRANDED})(?:\s+(?:the|their|its))?$", re.I)  # "in the [16-24] age group"


@lru_cache(maxsize=4096)
def tidy_subject(subject: str) -> str:
    """A subject without the prepositions a blanked time expression strands at its ends, in single spaces;
    empty when what is left names nothing ("alone" in "this year alone", another amount)."""
    subject = _unquoted(subject.strip(" ,.;:-–—•*"))  # a bullet's dash is not part of a name
    if subject.endswith("(") or subject.count("(") > subject.count(")"):  # "Around one in five (22.2%)": cut short
        subject = subject[:subject.rfind("(")].strip(" ,.;:")
    elif subject.count(")") > subject.count("("):  # "(£300 for learners entering Year 7)": the bracket's end
        subject = subject[:subject.rfind(")")].strip(" ,.;:")
    subject = TRAILING_HEDGE.sub("", subject).rstrip()  # "to help councils create up to [200 new foster placements]"
    subject = _LEFT_BY_TIME.sub("", subject).strip(" ,.;:")
    subject = _TIME_ADVERBS.sub("", _SPACES.sub(" ", subject)).strip(" ,.;:")
    subject = _ITS_OWN_TIME.sub("", subject)  # "the scheme in its first year"
    subject = _DANGLING.sub("", subject)  # "percentage of children looked after who", "care leavers aged [19 to 21]"
    subject = _OF_THE_WHOLE.sub("", subject)  # "Of the children looked after": the whole its parts are of
    subject = _POSSESSIVE_END.sub("", subject)  # "England's [153 local authorities]": whose, named plainly
    return "" if _NOT_A_SUBJECT.match(subject) or starts_with_amount(subject) else subject


def _unquoted(subject: str) -> str:
    """Without a quotation mark at either end whose partner is not in the subject: "putting £1 billion into the
    system" names the system, not 'system"'."""
    straight = subject.count('"') % 2
    if subject.endswith(('"', "”")) and (straight or subject.count("”") > subject.count("“")):
        subject = subject[:-1].rstrip(" ,.;:")
    if subject.startswith(('"', "“")) and (subject.count('"') % 2 or subject.count("“") > subject.count("”")):
        subject = subject[1:].lstrip()
    return subject


_POSSESSIVE_END = re.compile(r"(?<=\w)[’']s$")
_OF_THE_WHOLE = re.compile(r"^Of\s+(?:the|these|those|all|all\s+the)\s+(?=\S)")
# a time of the thing itself, which no calendar places: "the scheme in its first year", "over their first two years"
_ITS_OWN_TIME = re.compile(r"\s+(?:in|during|over|for)\s+(?:its|their)\s+(?:first|second|third|final|last|opening)"
                           r"(?:\s+[\w-]+)?\s+(?:years?|months?|weeks?|days?|round|phase)$", re.I)
_SPACES = re.compile(r"\s{2,}")
# (and the verb an amount is set by: "the minimum per-pupil level for secondary schools [set] at £6,250")
_DANGLING = re.compile(rf"\s+(?:who|which|that|whose|aged|set|fixed|capped|pegged|frozen|{ANNOUNCING})$", re.I)
_EMPTY_WORDS = r"so\s+far|to\s+date|alone|in\s+total|altogether|overall"  # "this year alone", "the pilot so far"
# "Expenditure on residential care therefore increased by 49%": a linking adverb names nothing either
_TIME_ADVERBS = re.compile(rf"\s+(?:{_EMPTY_WORDS}|therefore|thus|also|however|meanwhile|still|now|again|in\s+turn"
                           r"|currently|presently|typically|usually|normally|already"
                           r"|respectively)$",
                           re.I)
# ("date" is what "to date" leaves once its "to" is stripped: "£12.5 million of the £50 million has been allocated to
# date")
_NOT_A_SUBJECT = re.compile(rf"^(?:{_EMPTY_WORDS}|{_STRANDED}|only|each|the|total|this|that|these|those|it|them|date"
                            r"|some|around|about|nearly|almost|approximately|roughly"  # "Some 7,500 children"
                            # an ordinal whose noun is left out: "£111 million in the first round, and £200 million
                            # in the second"
                            r"|(?:the\s+)?(?:first|second|third|fourth|fifth|final|last|next|latter|former))$"
                            r"|^(?:as\s+a\s+result|because|due\s+to|owing\s+to|so\s+that)\b"  # or a reason
                            # a question ("How many children are ... placed out of area?") asks, it names nothing
                            r"|^(?:how\s+(?:many|much)|(?:what|which|why|whether)\s+(?-i:[a-z]))\b", re.I)
