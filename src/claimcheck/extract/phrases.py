"""The phrase beside an amount: what it is spent on ("£259 million capital funding to ... homes"), whose it is
("the council's £35m"), and the noun phrase that opens its clause ("The scheme cost £4.2 million").

Hand-written for the reason `subjects.py` gives; split from it because these read one clause around one
figure, where `subjects.py` finds the names a whole sentence (and the document before it) offers.
"""

from __future__ import annotations

import re

from claimcheck.extract.counted import NUMBERED_IN_LOWER_CASE, STOP
from claimcheck.extract.hedges import HEDGE
from claimcheck.extract.subjects import ACTOR_WORDS, CLAUSE_BREAK, NUMBERED

_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|"
                  r"remains?|covers?|involves?|provides?|offers?|receives?|received|spends|spent|face|faces|"
                  # "The department expects total spending on ... to be over £8 billion"
                  r"(?<=\bto\s)be(?=\s+(?:over|around|about|more|less|at|worth|[£$€\d]))|"
                  # "The packages, worth up to £3,000 per family, will help": what is worth it opens the clause
                  rf"(?<=,\s)worth(?=\s+(?:(?:{HEDGE})\s+)?[£$€\d])|"
                  rf"account|accounts|accounted|(?:costs?|exceed(?:s|ed)?|charge[sd]?)"
                  rf"(?=\s+(?:(?:{HEDGE}|just|on\s+average|between|from)\s+)?[£$€\d])|"
                  # a level's change: "Average weekly prices ... rose from £2,977", "The number of ... fell by 0.4%",
                  # "Capital budgets rise from £6.5 billion" (after a plural: "a rise from" is a noun)
                  r"(?:rose|risen|rises|(?<=s\s)(?:rise|fall|grow|increase|decrease)|fell|fallen|falls|increased|decreased|grew|grown|dropped|declined|reached|doubled|"
                  r"rising|falling|increasing|decreasing|growing|dropping|declining|"  # ", with demand rising by 140%"
                  r"tripled|trebled|halved|"
                  r"totalled|totaled|stood|remained|stayed|ranged|varied|hit|averages|averaged)(?=\s+"
                  # "fell for the fifth consecutive year, to 2,960"
                  r"(?:for\s+(?:the\s+|a\s+)?[\w-]+\s+(?:(?:consecutive|successive|straight)\s+)?years?"
                  r"(?:\s+running|\s+in\s+a\s+row)?,?\s+)?"
                  # "fell slightly to 79%"
                  r"(?:(?:slightly|sharply|marginally|steadily|significantly|substantially|considerably|further)\s+)?"
                  r"(?:(?:by|from|to|at)\s+)?"
                  # "reached a record £720 million", "hit an all-time high of 83,840", "rose to its highest level at"
                  r"(?:an?\s+(?:(?:record\s+|new\s+|all[\s-]time\s+)?(?:high|low|peak)\s+of|record)\s+"
                  r"|(?:its|their|a|the)\s+(?:highest|lowest|record|peak)(?:\s+(?:level|point|number|rate))?"
                  r"\s+(?:at|of)\s+)?"
                  rf"(?:(?:{HEDGE})\s+)?"
                  r"(?:[£$€\d]|half\b|(?:a|one|two)[\s-]+(?:half|thirds?|quarters?|fifths?)\b)))\b")

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
    r"will|would|could|should|might|must|is|are|was|were|"  # "a £1.6 billion black hole in funding will widen"
    r"remains|remained|"  # "the £500m fund remains unspent"
    r"and\s+(?:have|has|had|will|are|is|was|were|we|it|they)|"
    # "its £330 million investment ... has been worthwhile", "... has improved outcomes"
    r"(?:has|have|had)\s+(?:been|not|now|already|also|[a-z]+ed)|"
    r"(?:last|this|next)\s+(?:year|month|week))\b"  # "£11.4 billion on children's social care last year, and ..."
)
# another figure: "£50 million for parenting support and £100 million for ...", "..., and 83,840 children are"
_NEXT_AMOUNT = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)?(?:an?\s+)?(?:(?:further|additional|extra|another)\s+)?"
                          r"[£$€]\s?\d|,?\s+(?:and|or)\s+\d"  # "..., or 30% of all spending": another figure
                          # "..., and seven in 10 overspent their budgets": a proportion in words
                          r"|,?\s+(?:and|or)\s+(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s"
                          # "a pilot in up to 10 local authorities": where, and how many, not what
                          r"|\s+(?:in|across|to)\s+(?:(?:up\s+to|around|about|over|more\s+than|some|almost|nearly"
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
_IS_FOR = re.compile(r"^\s+(?:is|are|was|were|will\s+be|would\s+be)(?=\s+(?:for|towards)\b)")
ANNOUNCING = r"announced|pledged|promised|confirmed|agreed|unveiled|set\s+out|published"
_ANNOUNCED = re.compile(rf"^\s+(?:(?:already|previously|first|originally)\s+)?(?:{ANNOUNCING})\b")
# an aside telling when or where something happened to what the sentence is about: "The funding, announced at the
# Spending Review, includes", "The scheme, which began in April 2021, has cost", "The pilot, extended to March 2025,"
# (its time, when blanked with its preposition, leaves only spaces after the participle)
ASIDE = re.compile(r",\s*(?:(?:which|that)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?)?"
                   r"(?:[a-z]+ed|began|begun|set\s+out|made|given|laid|held|won|ran)\s+"
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
_OF_FUNDING = re.compile(r"^\s+of\s+(?=(?:(?:new|additional|extra|further)\s+)?(?:funding|investment|money|capital"
                         r"|spending|support|grants?|savings|cuts|efficiencies|efficiency\s+savings)\b)")
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
    if (purpose := _KEEPS_GOING.match(text)) and _NAMED_SCHEME.fullmatch(text, purpose.end()):
        text = text[purpose.end():]  # "to continue the school rebuilding programme": the programme, named
    if _EACH.match(text):
        return None  # "£3,000 to each new foster carer", "£150 a week for each child": so much a head, not what
    if starts_with_amount(text):
        return None  # "£212.8 million to 94 projects", "from £100m to £190m": another figure, not a subject
    return text if text and _THREE_LETTERS.search(text) else None


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
_AMOUNT_IN = re.compile(r"(?<![\w-])" + "".join(rf"(?<!{word.capitalize()}\s)" for word in sorted(NUMBERED))
                        + "".join(rf"(?<!{word}\s)" for word in sorted(NUMBERED_IN_LOWER_CASE))
                        + r"(?!(?:19|20)\d\d\b|\d{1,2}-year-old)[£$€]?\s?\d")  # "18-year-olds" are people


# words that only point at a figure: "with a total of", "The figure, which is up £1.1bn on the previous year"
_AMOUNT_WORDS = frozenset({"total", "totals", "number", "numbers", "sum", "figure", "figures", "amount", "increase",
                           "rise", "fall", "decrease", "change", "cut", "reduction", "further", "additional", "extra",
                           "another"})


_SHARE_IN_WORDS = re.compile(r"(?:\w+\s+)?[a-z]+(?:-[a-z]+)?\s+(?:per\s?cent|percent)\b", re.I)


def starts_with_amount(text: str) -> bool:
    """ "£45 million", "94 projects", "Nearly forty per cent": a figure, never what a figure is about (a year
    may open a name)."""
    return _AMOUNT_IN.match(text) is not None or _SHARE_IN_WORDS.match(text) is not None


# verbs that report what follows "that": "The review estimates that", "Ofsted revealed that", in a debate "Does he
# accept that", "I gently point out that"
REPORTING = (r"estimate[sd]?|expects?|believes?|found|finds?|suggest(?:s|ed)?|note[sd]?|confirm(?:s|ed)|announce[sd]"
             r"|reveal(?:s|ed)|report(?:s|ed)|predict(?:s|ed)|calculate[sd]|warns|conclude[sd]?|show(?:s|ed)?"
             r"|accept(?:s|ed)?|agree(?:s|d)?|know(?:s)?|recogni[sz]e[sd]?|point(?:s|ed)?\s+out"
             r"|heard|hears?|learn(?:ed|t)|understands?|argue[sd]?|acknowledge[sd]?|admit(?:s|ted)?|recommend(?:s|ed)?|propose[sd]?|means?")
# what was said, after who said it; "The analysis suggests that" too (the passive guard is whole words)
REPORTED = re.compile(r"\b(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)"
                      r"(?:(?:said|says|say|told\s+\w+(?:\s+\w+)?|warned|added|claimed|claims|showed|shows|show)(?:\s+that)?"
                      rf"|(?:{REPORTING})\s+that"
                      # "Analysis by the CCN found the average cost of a placement was": "that" left out
                      r"|(?:found|finds|revealed|reveals|estimated|estimates)(?=\s+the\s+\w+[^.;]{0,80}?"
                      r"\s(?:was|were|is|are|had|has|will|would|could|stood|reached)\b))(?:\s+|,\s*)")


# "..., with the average cost of a placement now £5,200 a week", "with the cost of ... now averaging more than"
_WITH_CLAUSE = re.compile(r",\s+with\s+(?:the\s+|an?\s+)?([^,;\d£$€]{3,80}?)\s+(?:now|currently|(?:now\s+)?(?:at"
                          r"|standing\s+at|reaching|totalling|averaging|running\s+at)"
                          # "..., with demand for child protection services rising by 140 per cent"
                          r"|(?:rising|falling|increasing|decreasing|growing|dropping|declining|up|down)(?:\s+by)?)"
                          r"(?:\s+(?:more\s+than|over|around|about|almost|nearly|some|up\s+to))?\s*$", re.I)


_QUESTION = re.compile(r"to\s+ask\b", re.I)  # "To ask the Secretary of State ..., what steps her Department": who asks


_AND_VERB = re.compile(r"\s+and\s+(?:have|has|had|will|are|is|was|were)", re.I)
_POINTS_BACK = re.compile(r"\s*(?:that|this|it)\s+(?:is|was|represents|means|amounts)\b", re.I)


_DASHED_ASIDE = re.compile(r"\s+[–—-]\s+[^–—]*?\s+[–—-]\s+")
_SEMICOLON = re.compile(r"[;:]")
_WHICH_ASIDE = re.compile(r",\s*(?:which|who)\b[^,]*,")


def subject_before_verb(sentence: str, pos: int) -> str | None:
    """The noun phrase that opens the clause holding `pos`, if it names something rather than an actor."""
    text = _DASHED_ASIDE.sub(" ", sentence[max(0, pos - 400):pos])
    text = _SEMICOLON.split(text)[-1]
    text = _WHICH_ASIDE.sub(" ", text)  # "The programme, which began in 2014, has received"
    text = ASIDE.sub(" ", text)  # "The scheme, launched in April 2021, has so far cost"
    # "..., with the average cost of a placement now £5,200 a week"; not "with an average of 90 children"
    if (with_clause := _WITH_CLAUSE.search(text)) and with_clause[1].lower() not in _AMOUNT_WORDS:
        return with_clause[1]
    # "late intervention increased by 33%, while spending on early intervention fell by 46%": the figure's own
    # clause first; "SLI partners have worked with ..., and have delivered 5,500 days": else the sentence's
    breaks = list(CLAUSE_BREAK.finditer(text))
    # "was £141 million in 2021-22 and is estimated to be £158 million": a clause opened by "and" and a verb
    # shares the subject of the clause before it
    own_clause = text if breaks and _AND_VERB.fullmatch(breaks[-1][0]) else CLAUSE_BREAK.split(text)[-1]
    if own_clause != text and _POINTS_BACK.match(own_clause):
        return None  # "Hon. Members may scoff, but that is a 7% increase": "that" is the figure before, not them
    return (_opening_phrase(own_clause, sentence[pos:pos + 30]) if own_clause != text else None) \
        or _opening_phrase(text, sentence[pos:pos + 30])


# a verb of running, before when (or the blank a time expression left)
_RUNS_UNTIL = re.compile(r"\s+(?:runs|ran|continues|continued|lasts|lasted|operates|operated|starts|started|ends|ended"
                         r"|began)(?:\s+(?:until|from|to|for|in|between|through|since|over)\b|\s{2,})", re.I)
_EXPECTS = re.compile(r"^.*?\b(?:expects?|expected|intends?|wants?|plans?|needs?|asks?|allows?|enables?)\s+"
                      r"(?=\S.*\s+to$)|\s+to$", re.I)


# a phrase's head, then the count it is of: "cost of the 10 most expensive placements", "Profits at the 15 largest"
_HEAD_OF_THE = re.compile(r"[a-z]\w*\s+(?:of|at|for|among)\s+the\s+", re.I)
_COUNT_OF_THINGS = re.compile(r"\d[\d,]*\s+(?!(?:thousand|million|billion|m|bn|per|a|an|each)\b)[a-z]")


_BULLET_MARK = re.compile(r"^\s*[*•·▪‣◦–-]\s+")
_INTRODUCTION = re.compile(r"^\s*(?:In|For|Since|Over|By|During|On|At|As\s+at|With\s+regard\s+to|According\s+to"
                           r"|Across|Among|Within)\b[^,]*,\s*")
# a person named with their office: "Children's minister Claire Coutinho" acts; a figure is never about them
# (the office in any case, the name capitalised: not "the Secretary of State's budget")
_OFFICE_THEN_NAME = re.compile(r"\b(?i:minister|secretary|chancellor|spokesperson|spokesman|spokeswoman|councillor"
                               r"|president|chief\s+executive|commissioner|mayor)\s+[A-Z][a-z]+\s+[A-Z]")
_COMES_AS = re.compile(r"^.*?\b(?:comes?|came|coming)\s+(?:just\s+)?(?:as|after|amid|while)\s+(?=\S)", re.I)
_CONCESSION = re.compile(r"^\s*(?:Although|Though|While|Whilst|Whereas)\b[^,]*,\s*")
_SENTENCE_ADVERB = re.compile(r"^\s*(?:Meanwhile|However|Overall|Nationally|Similarly|Separately|Additionally"
                              r"|Furthermore|Moreover|Altogether|Currently|Today|Now|Elsewhere|Together|In\s+addition"
                              r"|By\s+contrast|In\s+total|So\s+far|To\s+date|Thus\s+far"  # "So far [this year], ..."
                              # a debate's address to the House: "My Lords, the number of children ... has risen"
                              r"|My\s+Lords|Mr\.?\s+(?:Deputy\s+)?Speaker|Madam\s+(?:Deputy\s+)?Speaker"
                              r"|(?:Mr\.?|Madam)\s+Chair(?:man)?)\s*,\s*")
_CONDITION = re.compile(r"^\s*,?\s*(?:without|with|under|after|before|despite|if|unless|once|on\s+current)\b[^,]{0,60}"
                        r",\s*", re.I)
_WHICH_CLAUSE = re.compile(r",\s*(?:which|who|that)\b")
_ARTICLE = re.compile(r"^(?:the|a|an|our|its)\s+", re.I)
_PER_BEFORE = re.compile(r"\bper\s+$")
# a time or distance that qualifies the phrase: "within 12 months of a previous referral", "placed more than 20
# miles from home", "Repeat referrals within 12 months remained at 22.4%"
_TIME_BEFORE = re.compile(r"\b(?:within|after|for|over|under|more\s+than|less\s+than|fewer\s+than)\s+$")
_WITHIN_TIME = re.compile(r"\d+\s+(?:(?:working|calendar|business)\s+)?"  # "within 45 working days"
                          r"(?:days?|weeks?|months?|years?|miles?|km|kilometres?)(?:\s+(?:of|from|away)\s+\w|\s*$)")
# a headline's "as" clause, what moved: "Funding boost for foster carers as allowances rise by 6.8%"
_AS_CLAUSE = re.compile(r"^.*\S\s+(?<!\bsuch\s)as\s+(?!well\b|part\b|a\s+result\b)(?=\S)")
_MOVES_AFTER = re.compile(r"(?:rise|rises|rose|fall|falls|fell|soar|soars|grow|grows|increase|increases|climb|climbs"
                          r"|double|doubles|hit|hits|top|tops|reach|reaches)\b")
# a statistic's head may carry a long qualifier: "The number of children who ceased to be looked after due to a
# special guardianship order was 3,830"
_MEASURE_HEAD = re.compile(r"(?:number|proportion|percentage|share|rate)\s+of\s+", re.I)
_OF_BEFORE_AMOUNT = re.compile(r"\s+(?:of|at|worth|totalling)(?:\s+the)?\s*$")
_LETTERS = re.compile(r"[a-z]+")


def _opening_phrase(text: str, figure: str) -> str | None:
    """The noun phrase before the first verb of `text` (which runs up to a figure, whose first characters
    are `figure`)."""
    text = _INTRODUCTION.sub("", _BULLET_MARK.sub("", text))  # "* The number of ... rose": no bullet in the phrase
    text = _COMES_AS.sub("", text)  # "The announcement comes as the number of children in care ... hit"
    # "Meanwhile, the average cost of a residential placement reached": a sentence adverb is not the phrase
    text = _CONCESSION.sub("", text)  # a concession first
    text = _SENTENCE_ADVERB.sub("", text)
    # reported speech: "One council leader said costs for a single placement could reach £10,000 a week"
    text = REPORTED.split(text)[-1]
    # "The review estimates that, without reform, the number of children in care will rise": the condition
    text = _CONDITION.sub("", text)
    verb = _AUX.search(text + figure)  # "The scheme cost £4.2 million": the verb sees its amount
    if not verb or verb.start() >= len(text):
        return None
    np = _WHICH_CLAUSE.split(text[:verb.start()])[0].strip(" ,“\"")  # "The figure, which is"
    # "it expects the new programme to cost around £45m": what is expected to cost it
    np = _EXPECTS.sub("", np)
    np = _RUNS_UNTIL.split(np, maxsplit=1)[0]  # "The pilot runs until [March 2026] and costs £7 million"
    if _MOVES_AFTER.match(text, verb.start()):
        np = _AS_CLAUSE.sub("", np)  # "Funding boost for foster carers as allowances rise by 6.8%": the allowances
    np = _ARTICLE.sub("", np)
    amount = _AMOUNT_IN.search(np)
    if amount and _PER_BEFORE.search(np[:amount.start()]):
        amount = None  # "the rate of children in need per 10,000 children ranged from": the rate's own denominator
    if amount and _HEAD_OF_THE.fullmatch(np, 0, amount.start()) and _COUNT_OF_THINGS.match(np, amount.start()):
        amount = None  # "The cost of the 10 most expensive placements was £50m": a count inside the phrase
    if amount and _WITHIN_TIME.match(np, amount.start()) and _TIME_BEFORE.search(np, 0, amount.start()):
        amount = None  # "Re-referrals within 12 months of a previous referral fell to 21.5%": a time in the phrase
    if amount:  # "The grant of £36 million will be paid": the grant
        np = _OF_BEFORE_AMOUNT.sub("", np[:amount.start()].strip(" ,"))
    if not np or len(np.split()) > (20 if _MEASURE_HEAD.match(np) else 14) or np.lower() in _AMOUNT_WORDS \
            or _QUESTION.match(np) or all(w in ACTOR_WORDS | STOP for w in _LETTERS.findall(np.lower())) \
            or _ENDS_IN_PRONOUN.search(np) or _OFFICE_THEN_NAME.search(np):
        return None
    return np


# "That's why we are investing £500 million": who does it, not what it is ("it" is left out: "spending on IT")
_ENDS_IN_PRONOUN = re.compile(r"\b(?:we|they|I|you|he|she)$", re.I)
