"""The noun phrase that opens a figure's clause ("The scheme cost £4.2 million": the scheme), read past what
only introduces it (a time, a concession, an address to the House, who said it), and the verbs that report
speech ("said", "estimates that"). `subject_of` asks here when nothing nearer names what a figure is about.

Hand-written for the reason `subjects.py` gives; split from `phrases.py`, which reads what stands after an amount.
"""

from __future__ import annotations

import re

from claimcheck.extract.counted import STOP
from claimcheck.extract.hedges import HEDGE
from claimcheck.extract.phrases import AMOUNT_IN, ASIDE
from claimcheck.extract.subjects import ACTOR_WORDS, CLAUSE_BREAK

# the words that cannot name whom something costs: a hedge's, or a verb's after a noun "costs"
_NOT_WHOM = (r"(?:of|for|to|in|on|per|by|from|with|and|or|the|this|that"  # "The cost of the 10 most expensive"
             r"|more|less|over|under|around|about|just|nearly|almost|up|at|an?|some|is|are|was|were|has|have|had"
             r"|will|would|could|should|be|been|remains?|remained|rose|fell|stood|totalled|reached)\b")
_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|do|did|"
                  r"remains?|covers?|involves?|provides?|offers?|receives?|received|spends|spent|face|faces|"
                  # "The department expects total spending on ... to be over £8 billion"
                  r"(?<=\bto\s)be(?=\s+(?:over|around|about|more|less|at|worth|[£$€\d]))|"
                  # "The packages, worth up to £3,000 per family, will help": what is worth it opens the clause
                  rf"(?<=,\s)worth(?=\s+(?:(?:{HEDGE})\s+)?[£$€\d])|"
                  rf"account|accounts|accounted|(?:costs?|exceed(?:s|ed)?|charge[sd]?)"
                  # "costs the council more than £15,000 a week": whom it costs, then the amount
                  # ("cost local authorities an estimated £1.5 billion"; not "housing costs was £36,700": a noun)
                  rf"(?=(?:\s+(?:the\s+|its\s+|their\s+|each\s+|every\s+)?(?!{_NOT_WHOM})[a-z]+"
                  rf"(?:\s+(?!{_NOT_WHOM})[a-z]+)?)?"
                  rf"\s+(?:(?:{HEDGE}|just|on\s+average|between|from)\s+)?[£$€\d])|"
                  # a level's change: "Average weekly prices ... rose from £2,977", "The number of ... fell by 0.4%",
                  # "Capital budgets rise from £6.5 billion" (after a plural: "a rise from" is a noun)
                  r"(?:rose|risen|rises|(?<=s\s)(?:rise|fall|grow|increase|decrease|range|vary)|fell|fallen|falls|increased|decreased|grew|grown|dropped|declined|reached|doubled|"
                  r"rising|falling|increasing|decreasing|growing|dropping|declining|"  # ", with demand rising by 140%"
                  r"tripled|trebled|halved|overspent|underspent|overspends|underspends|"
                  r"totalled|totaled|totals|stood|stands|remained|stayed|stays|ranged|ranges|varied|varies|hit"
                  r"|averages|averaged|amounts|amounted|comes|came)(?=\s+"
                  # "fell for the fifth consecutive year, to 2,960"
                  r"(?:for\s+(?:the\s+|a\s+)?[\w-]+\s+(?:(?:consecutive|successive|straight)\s+)?years?"
                  r"(?:\s+running|\s+in\s+a\s+row)?,?\s+)?"
                  # "fell slightly to 79%"
                  r"(?:(?:slightly|sharply|marginally|steadily|significantly|substantially|considerably|further)\s+)?"
                  r"(?:(?:by|from|to|at)\s+)?(?:(?:just|only|merely)\s+)?"  # "grew by just 18%"
                  # "reached a record £720 million", "hit an all-time high of 83,840", "rose to its highest level at"
                  r"(?:an?\s+(?:(?:record\s+|new\s+|all[\s-]time\s+)?(?:high|low|peak)\s+of|record)\s+"
                  r"|(?:its|their|a|the)\s+(?:highest|lowest|record|peak)(?:\s+(?:level|point|number|rate))?"
                  r"\s+(?:at|of)\s+)?"
                  rf"(?:(?:{HEDGE})\s+)?"
                  r"(?:[£$€\d]|half\b|(?:a|one|two)[\s-]+(?:half|thirds?|quarters?|fifths?)\b)))\b")

# words that only point at a figure: "with a total of", "The figure, which is up £1.1bn on the previous year"
_AMOUNT_WORDS = frozenset({"total", "totals", "number", "numbers", "sum", "figure", "figures", "amount", "increase",
                           "rise", "fall", "decrease", "change", "cut", "reduction", "further", "additional", "extra",
                           "another"})



# verbs that report what follows "that": "The review estimates that", "Ofsted revealed that", in a debate "Does he
# accept that", "I gently point out that"
REPORTING = (r"estimate[sd]?|expects?|believes?|found|finds?|suggest(?:s|ed)?|note[sd]?|confirm(?:s|ed)|announce[sd]"
             r"|reveal(?:s|ed)|report(?:s|ed)|predict(?:s|ed)|calculate[sd]|warns|conclude[sd]?|show(?:s|ed)?"
             r"|accept(?:s|ed)?|agree(?:s|d)?|know(?:s)?|recogni[sz]e[sd]?|point(?:s|ed)?\s+out"
             r"|heard|hears?|learn(?:ed|t)|understands?|argue[sd]?|acknowledge[sd]?|admit(?:s|ted)?|recommend(?:s|ed)?|propose[sd]?|means?")
# what was said, after who said it; "The analysis suggests that" too (the passive guard is whole words)
REPORTED = re.compile(r"\b(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)"
                      r"(?:(?:said|says|say|told\s+\w+(?:\s+\w+)?|warned|added|claimed|claims|showed|shows|show)(?:\s+that)?"
                      rf"|(?:{REPORTING})(?:\s*\([^()]{{1,60}}\))?\s+that"  # "found (HC 1868) that"
                      # "Analysis by the CCN found the average cost of a placement was": "that" left out
                      r"|(?:found|finds|revealed|reveals|estimated|estimates)(?=\s+the\s+\w+[^.;]{0,80}?"
                      r"\s(?:was|were|is|are|had|has|will|would|could|stood|reached)\b))(?:\s+|,\s*)"
                      # a debate's frames: "The noble Baroness is right that", "The hon. Gentleman will know that"
                      r"|\b(?:is|are)\s+(?:right|correct|quite\s+right|aware)\s+that\s+"
                      r"|\bwill\s+(?:know|be\s+aware|recall|remember)\s+that\s+")


# "..., with the average cost of a placement now £5,200 a week", "with the cost of ... now averaging more than"
_WITH_CLAUSE = re.compile(r",\s+with\s+(?:the\s+|an?\s+)?([^,;\d£$€]{3,80}?)\s+(?:now|currently|(?:now\s+)?(?:at"
                          r"|standing\s+at|reaching|totalling|averaging|running\s+at)"
                          # "..., with demand for child protection services rising by 140 per cent"
                          r"|(?:rising|falling|increasing|decreasing|growing|dropping|declining|up|down)(?:\s+by|\s+to)?)"
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
_CONCESSION = re.compile(r"^\s*(?:Although|Though|While|Whilst|Whereas"
                         # "As we noted in paragraph 23, the number of ... rose": where it was said before
                         r"|As\s+(?:(?:we|I|they|he|she|it|the\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+)?(?:(?:has|have|had)\s+)?"
                         r"(?:noted|said|mentioned|stated|set\s+out|explained|reported|described|discussed|shown|seen"
                         r"|highlighted))\b[^,]*,\s*")
# what a blanked opening time goes on to say of itself: ", when services were judged to be good,"
_WHEN_ASIDE = re.compile(r"^[\s,]*,\s*(?:when|where)\b[^,]*,\s*", re.I)
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
# (and a participle with its hedge: "Placements costing more than £10,000 a week have risen": the placements)
_OF_BEFORE_AMOUNT = re.compile(r"\s+(?:(?:of|at|worth|totalling)(?:\s+the)?|(?:costing|earning|paying|receiving)"
                               r"(?:\s+(?:more|less|over|under|up)\s+(?:than|to))?)\s*$")
_LETTERS = re.compile(r"[a-z]+")
# "Attainment 8", "Progress 8" inside a phrase (not its opening word: "Around 400 family hubs")
_NUMBERED_NAME = re.compile(r"(?<=[a-z]\s)(?-i:[A-Z][a-z]+)\s+\d{1,2}$")


def _opening_phrase(text: str, figure: str) -> str | None:
    """The noun phrase before the first verb of `text` (which runs up to a figure, whose first characters
    are `figure`)."""
    text = _INTRODUCTION.sub("", _BULLET_MARK.sub("", text))  # "* The number of ... rose": no bullet in the phrase
    text = _COMES_AS.sub("", text)  # "The announcement comes as the number of children in care ... hit"
    # "Meanwhile, the average cost of a residential placement reached": a sentence adverb is not the phrase
    text = _CONCESSION.sub("", text)  # a concession first
    text = _WHEN_ASIDE.sub("", text)  # "Since [the last inspection in 2019], when services were judged good, the ..."
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
    amount = AMOUNT_IN.search(np)
    if amount and _NUMBERED_NAME.search(np, 0, amount.end()):
        amount = None  # "the average Attainment 8 score of children looked after was 20.3": a name's number
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
