"""The phrase beside an amount: what it is spent on ("£259 million capital funding to ... homes") and whose it is
("the council's £35m"). The noun phrase that opens a figure's clause is `clause_subject`'s.

Hand-written for the reason `subjects.py` gives; split from it because these read one clause around one
figure, where `subjects.py` finds the names a whole sentence (and the document before it) offers.
"""

from __future__ import annotations

import re

from claimcheck.extract.counted import NUMBERED_IN_LOWER_CASE
from claimcheck.extract.subjects import FORECAST_VERBS, NUMBERED

_PHRASE_STOP = re.compile(
    # another clause after a comma: "£2 billion in homelessness services, and councils will receive ..."
    r",\s*(?:and|or|but)\s+(?:[\w’'-]+\s+){1,7}?(?=(?:will|would|could|should|might|must|can|may|is|are|was|were"
    r"|have|has|had)\b)|"
    # "for a placement, and some pay over £10,000": a clause with a subject of its own
    r",\s*(?:and|but)\s+(?=(?:some|many|most|others|few|they|we|he|she|it|there)\s+(?!of\b))|"
    # "on children's services as placement costs soar": why, a clause of its own
    r"\bas\s+(?=(?:[\w’'-]+\s+){1,3}(?:soar|soars|soared|rise|rises|rising|grow|grows|growing|climb|climbs|mount"
    r"|mounts|spiral|spirals|surge|surges|continue|continues|bite|bites|increase|increases|fall|falls)\b)|"
    r"[.;:–—(]|\s-\s|\b(?:which|that|who|whilst|while|but|so\s+that|in\s+order|where|when|because|as\s+well\s+as|"
    r"so(?=\s+(?:[\w’'-]+\s+){1,3}(?:can|could|will|would|may|might)\b)|"  # "places so patients can be discharged"
    r"enabling|helping|meaning|working|including|includes|included|comprising|comprises|bringing|intended|"
    r"designed|aimed|aiming|targeted|"
    r"depending|according\s+to|"  # "£170 to £300 per week depending on the age of the child": a condition
    # "£1 billion more a year on children's homes than they were five years ago": the comparison (not the hedge of
    # "to open more than 40 new homes")
    r"(?<!\bmore\s)(?<!\bless\s)(?<!\bfewer\s)(?<!\bgreater\s)than|"
    r"will|would|could|should|might|must|is|are|was|were|"  # "a £1.6 billion black hole in funding will widen"
    r"remains|remained|"  # "the £500m fund remains unspent"
    r"and\s+(?:have|has|had|will|are|is|was|were|we|it|they)|"
    rf"and\s+(?:now\s+)?(?:{FORECAST_VERBS})|"  # "£12m for home care and now forecasts"
    # "its £330 million investment ... has been worthwhile", "... has improved outcomes"
    r"(?:has|have|had)\s+(?:been|not|now|already|also|[a-z]+ed)|"
    r"(?:last|this|next)\s+(?:year|month|week))\b"  # "£11.4 billion on children's social care last year, and ..."
)
# another figure: "£50 million for parenting support and £100 million for ...", "..., and 83,840 children are"
_NEXT_AMOUNT = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)?(?:an?\s+)?(?:(?:further|additional|extra|another)\s+)?"
                          # "..., or 30% of all spending", "and ~£3m": another figure
                          r"[~≈]?\s?[£$€]\s?\d|,?\s+(?:and|or)\s+(?:[~≈]\s?)?\d"
                          # "..., and seven in 10 overspent their budgets": a proportion in words
                          r"|,?\s+(?:and|or)\s+(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s"
                          # "to the Youth Futures Foundation to help around 23,000 young people": what it goes to,
                          # not the count it serves (but "£7 million to recruit over 1,000 new foster carers": them)
                          r"|(?<=[a-z])\s+to\s+(?:help|support|reach|train|recruit|create|fund|provide|deliver)\s+"
                          r"(?:(?:up\s+to|around|about|over|more\s+than|some|almost|nearly|at\s+least)\s+)?\d"
                          # "a pilot in up to 10 local authorities": where, and how many, not what
                          r"|(?<!\bup)\s+(?:in|across|to|for)\s+(?:(?:up\s+to|around|about|over|more\s+than|some|almost|nearly"
                          r"|at\s+least)\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
                          r"|twenty|thirty|forty|fifty|hundreds|dozens)\s+[a-z])"  # "in up to eight local authorities"
                          # "on family support over three years": how long, not what
                          r"|\s+(?:over|for|during)\s+(?:the\s+(?:next|last|past|first)\s+)?(?:\d+|two|three|four|five"
                          r"|six|seven|eight|nine|ten)\s+(?:years?|months?|weeks?)\b")
_PASSIVE = re.compile(r"^\s+(?:(?:that\s+|which\s+)?(?i:we|they|the\s+(?:government|department))\s+)?"  # "we committed"
                      r"(?:(?:has|have|had|will|would|is|are|was|were|shall|could|should|must|to)\s+)?(?:"
                      r"(?:been|be|now|already|also|being)\s+)*(?:(?:invested|spent)(?=\s+(?:in|on)\b)|"
                      r"(?:invested|spent|allocated|provided|committed|made\s+available|awarded|given|earmarked|"
                      r"announced|pledged|promised|confirmed|"  # "A further £50m was announced for family hubs"
                      r"set\s+aside|paid|distributed|granted|used|go|goes|went|gone|going)"  # "will go to councils"
                      # "made available in [2018-19] and [2019-20] to support the programme": past a blanked time
                      r"(?=(?:\s+in\s{2,}(?:and\s{2,})?)?\s+(?:to|for|towards|across)\b))")
# "An additional £20 million will fund 1,000 more family group conferences": what it will do is what it is for
# (not "Capital funding of £740 million will create 10,000 places": what creates them is named already)
_WILL_FUND = re.compile(r"^\s+(?:will|would|could|is\s+to|are\s+to)\s+(?:also\s+)?(?=(?:fund|pay\s+for)\b)")
# "the £1.1 billion a year that councils spend on residential care placements": what they spend it on follows
_THAT_THEY_SPEND = re.compile(r"^\s+(?:that|which)\s+(?:[\w’'-]+\s+){1,3}?(?:spend|spends|spent|invest|invests|invested"
                              r"|pay|pays|paid)(?=\s+(?:in|on)\b)")
_IS_FOR = re.compile(r"^\s+(?:is|are|was|were|will\s+be|would\s+be)(?=\s+(?:for|towards)\b)")
ANNOUNCING = r"announced|pledged|promised|confirmed|agreed|unveiled|set\s+out|published"
_ANNOUNCED = re.compile(rf"^\s+(?:(?:already|previously|first|originally)\s+)?(?:{ANNOUNCING})\b")
# an aside telling when or where something happened to what the sentence is about: "The funding, announced at the
# Spending Review, includes", "The scheme, which began in April 2021, has cost", "The pilot, extended to March 2025,"
# (its time, when blanked with its preposition, leaves only spaces after the participle)
ASIDE = re.compile(r",\s*(?:(?:which|that)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?)?"
                   r"(?:(?:first|originally|initially|previously|recently|already|only)\s+)?"  # ", first announced"
                   r"(?:[a-z]+ed|began|begun|set\s+out|made|given|laid|held|won|ran"
                   # "The fund, which opens in August, will provide": when it opens, not the grants' time
                   r"|(?:will\s+)?(?:opens?|starts?|begins?|closes?|launch(?:es)?))\s+"
                   r"(?:(?:at|in|by|on|during|through|under|from|to|until)\b|\s(?=\s))[^,]*,", re.I)
_LIST_MARK = re.compile(r"\s\((?:[a-h]|i{1,3}|iv|v|vi{1,3})\)(?=\s)")
_LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))")  # any comma but a thousands separator ("1,000")
# (not "..., the Health and Social Care Secretary announced": a named actor opens a clause of its own)
_LIST_PART = re.compile(r"^\s*(?!(?:the|a|an)\s+[A-Z])(?:(?:[\w’'-]+\s+){0,3}(?:and|or)\b|and\b|or\b)")
_NP = re.compile(
    r"^\s*(?P<np>(?:(?!(?:of|for|in|into|on|to|towards|across|from|by|over|since|this|that|which|who|will|would|"
    r"has|have|is|are|was|were|and|or|but|a|an|the|with|as|at|each|per|every|annually|collectively|overall|respectively|"
    r"between|under|more|less|than|last|next|so|being|been|once|when|if|unless|until|after|before|against|versus|"
    r"previously|earlier|beforehand|then|now|currently|ago|"  # "up from £2,500 previously": when, not what
    r"we|they|it|you|he|she|us|them)\b)"  # "the £4bn we announced": who, not what
    r"[a-z][\w’'-]*\s*){0,4})"
    r"(?P<comp>(?:for|in|into|on|to|towards|across|from|by)\b.*)?$",
    re.S,
)


_KEY_FACT = re.compile(r"\s*(?:[~<>]\s*)?[£$€]?\d[\d,.]*\s*(?:%|bn|m|k|million|billion|thousand)?\+?", re.I)
_COMPARED_TIME = re.compile(r"\s*(?:on|than|compared\s+(?:with|to)|over)\s+(?:the\s+)?(?:previous|last|preceding|same)"
                            r"\s+(?:financial\s+)?(?:year|quarter|month|period)\b", re.I)


_TO_RUN_IT = re.compile(r"to\s+(?:run|operate|deliver|administer|maintain|implement|build|complete|set\s+up)"
                        r"(?:\s+(?:it|them|this|the\s+(?:service|scheme|programme)))?", re.I)


# what `after_amount` strips from the text after an amount before reading its phrase (precompiled: a pattern
# string passed to re.sub costs a cache lookup on every call)
_MORE_FOR = re.compile(r"^\s*(?:more|extra|additional)\s+(?=(?:for|on|in|into)\s)", re.I)  # (not "more to deliver")
_OF_FUNDING = re.compile(r"^\s+of\s+(?=(?:(?:new|additional|extra|further|existing)\s+)?(?:funding|investment|money"
                         r"|capital|spending|support|grants?|savings|cuts|efficiencies|efficiency\s+savings)\b)")
_FOR_YEARS = re.compile(r"^\s+(?:for|over|in|during|within)\s+(?:the\s+(?:(?:next|first|last|past|coming)\s+)?)?"
                        r"(?:\S+\s+)?(?:years?|months?|weeks?)\b")
_QUOTE_CLOSED = re.compile(r"^[\"”]")
_EACH_AFTER = re.compile(r"^\s+(?:each|apiece)\b(?=\s+(?:on|for|to|in|at|over|from)\b|\s*[,.;]|\s*$)")
_FOOTNOTE = re.compile(r"^\s*\[\d{1,3}\]|^[¹²³⁴⁵⁶⁷⁸⁹⁰]+")  # "£160 million [14] to the scheme", "£3.1bn¹ on"
# "(28%)", and the amount said another way: "£3.6bn over five years (£720m a year) on the scheme"
_SHARE_IN_BRACKETS = re.compile(r"^\s*\(\s*(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent)"
                                r"|[£$€]\d[\d,.]*\s*(?:bn|m|k|million|billion)?"
                                r"(?:\s+(?:a|per|each)\s+(?:year|annum|month|week))?)\s*\)")
_OR_ANOTHER_WAY = re.compile(r"^\s*,\s*or\s+(?:around\s+|about\s+|almost\s+|nearly\s+)?[£$€]?\d"
                             r"(?:[^,;]|(?<=\d),(?=\d{3})){0,40},(?=\s+(?:on|for|to|in)\s)")
# "£259 million of capital funding over the period [2022-23 to 2024-25] to support ...": when, not what
_OVER_BLANKED = re.compile(r"(?:(?<=\S)|^)\s+(?:over|during|across|in|for|throughout|within)\s+"
                           r"(?:the\s+(?:period|years?)\s+)?\s{3,}(?=\S)")
_AVAILABLE = re.compile(r"^\s+available\b(?=\s+(?:to|for|towards|across|in)\b|\s{2,}|\s*[.,;]|\s*$)")
_BY_BLANKED = re.compile(r"^\s*(?:by|since|until|during|at|from|in|(?:across|over|for|throughout|within|between"
                         r"|through|before|after|on|to)(?!\s*(?:and\s{2,})?to\s))\s{2,}(?:and\s{2,})?")
_IN_REAL_TERMS = re.compile(r"^\s+(?:in\s+(?:real|cash)[- ]terms|on\s+average)\b", re.I)
_SPACE_RUN = re.compile(r"\s+")
_PREPOSITIONS = re.compile(r"^(?:(?:for|in|into|on|to|towards|across|from|and|or)\s+"
                           r"(?:(?:the|a|an|our|their|its)\s+)?)+")
_EACH = re.compile(r"(?:each|every|per)\b")
_THREE_LETTERS = re.compile(r"[a-z]{3}")
_POSSESSIVE = re.compile(r"([A-Z][\w]*)[’']s\s*$")


def after_amount(sentence: str, end: int) -> str | None:
    """The phrase an amount is spent on: "£259 million capital funding to ... homes", "£680 million in ... training".

    Runs to the end of the clause; a comma continues it only inside a list ("in recruiting, training and
    developing the workforce"). Time expressions should be blanked out of `sentence` before the call.
    """
    rest = _OF_FUNDING.sub(" ", sentence[end:])
    rest = _MORE_FOR.sub(" ", rest)  # "£1 billion more for high needs": what the more is for
    rest = _FOR_YEARS.sub(" ", rest)  # "£2.6 billion in the first five years": when, not what
    rest = _FOOTNOTE.sub(" ", rest)  # a footnote mark: "£160 million [14] to the scheme"
    rest = _QUOTE_CLOSED.sub(" ", rest)  # the quotation ends at the figure: 'spends "around £3.5 billion" on X'
    rest = _EACH_AFTER.sub(" ", rest)  # "an average of £1.8 million each on agency staff": what each spent it on
    rest = _SHARE_IN_BRACKETS.sub(" ", rest)  # "£3.1 billion (28%) was spent on"
    rest = _OR_ANOTHER_WAY.sub(" ", rest)  # "£18.7 million, or 0.5% of its budget, on consultants"
    rest = _OVER_BLANKED.sub(" ", rest, count=1)
    if _COMPARED_TIME.match(rest):
        return None  # "an increase of £1.2 billion on the previous year": when it is compared with, not what
    rest = _PASSIVE.sub(" ", rest)  # "£1.2 billion has been invested in early help": what it went to follows
    rest = _WILL_FUND.sub(" to ", rest)  # "£20 million will fund 1,000 more family group conferences": to fund
    rest = _THAT_THEY_SPEND.sub(" ", rest)
    rest = _IS_FOR.sub(" ", rest)  # "Of this, £2.9 billion is for residential care"
    # "we will make £270 million available over [two years] to transform ...": the rest of "make available"
    rest = _AVAILABLE.sub(" ", rest)
    rest = _ANNOUNCED.sub(" ", rest)  # "£82 million announced in 2021": when it was said, not what it is for
    # "£2.5bn by [2024-25] on family support", "£45.5m across [2021-22 and 2022-23]": when, not what (but after
    # "over [2024-25 and 2025-26] to develop a new strategy" what it is for is named better than by the verb)
    rest = _BY_BLANKED.sub(" ", rest)
    # "a 12% increase in real terms", "£8.9 billion in [2010-11] in real terms", "fall by £210 (26%) on average":
    # how it is measured, not what
    rest = _IN_REAL_TERMS.sub(" ", rest)
    rest = _LIST_MARK.sub(" ", rest)  # "to support (a) kinship carers and (b) guardians": no stop at "("
    stop = _PHRASE_STOP.search(rest)
    segment = rest[: stop.start()] if stop else rest
    if nxt := _NEXT_AMOUNT.search(segment):  # "£50 million for parenting support and £100 million for ..."
        segment = segment[: nxt.start()]
    parts = _LIST_COMMA.split(segment)
    kept = parts[0]
    for index, part in enumerate(parts[1:], start=1):
        more = index + 1 < len(parts)
        if _LIST_PART.match(part) or (more and len(part.split()) <= 3 and _LIST_PART.match(parts[index + 1])):
            kept += "," + part
        else:
            break
    kept = _SPACE_RUN.sub(" ", kept).strip()
    if (kept.endswith('"') and kept.count('"') % 2) or (kept.endswith("”") and kept.count("”") > kept.count("“")):
        kept = kept[:-1].rstrip()  # a quotation that ends with the phrase: 'faced "a £25m funding gap ..."'
    m = _NP.match(kept)
    if not m and _KEY_FACT.fullmatch(sentence, 0, end) and kept[:1].isupper():
        # a report's key fact, the figure over its description: "£8.6bn" over "Total spending by local authorities
        # on children's social care" (the description's capital opens its line, not a name)
        m = _NP.match(kept[:1].lower() + kept[1:])
        kept = kept[:1].lower() + kept[1:] if m else kept
    if not m:
        return None
    np, comp = m["np"].strip(), (m["comp"] or "").strip()
    if not np and (not comp or comp.startswith("by")):
        return None  # "£45 million by the Department": who gives it; but "£8.6bn total spending by councils on"
    if comp and len(comp.split()) > 16:
        comp = " ".join(comp.split()[:16])
    text = f"{np} {comp}".strip()
    if _TO_RUN_IT.fullmatch(text):
        return None  # "The service costs £1.2 million per year to run": what it costs to do, not what it is
    # "in [2024-25] to support ...": a blanked time can leave two prepositions in a row
    text = _PREPOSITIONS.sub("", text)
    text = text.strip(" ,")
    if recipients := _RECIPIENTS_THEN_PURPOSE.match(text):
        text = text[recipients.end():]  # "to councils to expand family hubs": what for, not who receives it
    if (purpose := _KEEPS_GOING.match(text)) and _NAMED_SCHEME.fullmatch(text, purpose.end()):
        text = text[purpose.end():]  # "to continue the school rebuilding programme": the programme, named
    if _EACH.match(text):
        return None  # "£3,000 to each new foster carer", "£150 a week for each child": so much a head, not what
    if starts_with_amount(text):
        return None  # "£212.8 million to 94 projects", "from £100m to £190m": another figure, not a subject
    return text if text and _THREE_LETTERS.search(text) else None


_RECIPIENTS_THEN_PURPOSE = re.compile(r"(?:(?:to|for)\s+)?(?:the\s+|all\s+)?"
                                      r"(?:(?!(?:support|help|enable|allow|encourage|fund|require)\b)[a-z]+\s+)?(?:councils|local\s+"
                                      r"authorities|authorities|schools|providers|charities|areas)\s+to\s+(?=[a-z]+\s)")
# what is done to a scheme with money for it, before the scheme's name (and "to develop a new national kinship care
# strategy": the strategy)
_KEEPS_GOING = re.compile(r"(?:continue|extend|expand|fund|run|deliver|maintain|sustain|roll\s+out"
                          r"|(?<![\w-])(?:develop|launch|create|establish|design)(?=\s+an?\s+new\s))"
                          r"\s+(?:the|its|their|an?\s+new)\s+")
# a scheme named by words before its head noun ("school rebuilding programme"), not "the programme" alone
_NAMED_SCHEME = re.compile(r"(?:[\w’'-]+\s+){1,5}(?:programme|program|scheme|fund|grant|pilot|initiative|service"
                           r"|project|strategy|partnership|pathfinder)s?")


def possessive_before(sentence: str, start: int) -> str | None:
    m = _POSSESSIVE.search(sentence[:start])
    return m.group(1) + "’s" if m else None


# "total of 1,200 applications": no subject; but "Section 251 services", "Key Stage 2 results" name a thing
# ("section 47 enquiries" too: lower case only for words that a count does not follow, unlike "each year 500")
AMOUNT_IN = re.compile(r"(?<![\w-])" + "".join(rf"(?<!{word.capitalize()}\s)" for word in sorted(NUMBERED))
                        + "".join(rf"(?<!{word}\s)" for word in sorted(NUMBERED_IN_LOWER_CASE))
                        + r"(?!(?:19|20)\d\d\b|\d{1,2}-year-old)[£$€]?\s?\d")  # "18-year-olds" are people


_SHARE_IN_WORDS = re.compile(r"(?:\w+\s+)?[a-z]+(?:-[a-z]+)?\s+(?:per\s?cent|percent)\b", re.I)


def starts_with_amount(text: str) -> bool:
    """ "£45 million", "94 projects", "Nearly forty per cent": a figure, never what a figure is about (a year
    may open a name)."""
    return AMOUNT_IN.match(text) is not None or _SHARE_IN_WORDS.match(text) is not None
