"""The subject of an amount of money: what it is for ("£259 million capital funding to ..."), the named fund that
gives it, the amount before it of which it is a part or a change, what it was worth to whom; else the noun phrase
opening its clause or the programme its paragraph named. `subject_of` asks it first of every amount.
"""

from __future__ import annotations

import re

from claimcheck.extract.clause_subject import REPORTED, subject_before_verb
from claimcheck.extract.figures import WORTH
from claimcheck.extract.hedges import HEDGE, is_total
from claimcheck.extract.memory import Memory, refers_back
from claimcheck.extract.phrases import after_amount, possessive_before
from claimcheck.extract.quantities import Figure, per_time_named
from claimcheck.extract.set_apart import appositive_name, backed_name
from claimcheck.extract.share_subject import CHANGE_AFTER_AMOUNT, OF_WHICH_BEFORE
from claimcheck.extract.subject_clues import BRINGING, CONTRAST, LEAVING, base_before, moved, nearest
from claimcheck.extract.subjects import FORECAST_VERBS, HEADS, VERBS_S, Entity
from claimcheck.extract.voices import said_where

_HEAD_OF = re.compile(r"\b(?:the|a|an|this|our)\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+of\s+"
                      r"(?:(?:around|about|over|up\s+to|almost|nearly|some|more\s+than)\s+)?$", re.I)
# "a £200 million increase": a change named by its noun alone, of something said elsewhere
_CHANGE_NOUN = re.compile(r"(?:real[- ]terms\s+|cash\s+|year[- ]on[- ]year\s+)?"
                          r"(?:increase|rise|uplift|cut|reduction|fall|decrease)(?:\s+(?:on|from|since|over))?"
                          # "£3.8m for the year, £1.1m above budget": how far the same thing is from its plan
                          r"|(?:above|below|over|under)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
                          r"(?:budget|target|forecast|plan|estimate)s?", re.I)
_PARTICIPLE_ONLY = re.compile(r"(?:(?:already|previously|so\s+far)\s+)?(?:[a-z]+ed|spent|paid|given|made|set\s+aside)",
                              re.I)  # "the £330 million already spent"
_AGAINST_PLAN = re.compile(rf"\b(?:against|compared\s+(?:with|to)|within)\s+(?:a|an|the|its|their)\s+"
                           rf"((?:[\w-]+\s+)?(?:budget|target|allocation|forecast|plan))\s+of\s+(?:(?:{HEDGE})\s+)?$",
                           re.I)
_RANGE_FROM = re.compile(r"\b(?:ranges?|ranged|ranging|varies|varied|varying)\s+(?:widely\s+)?from\b", re.I)
_IN_A_PLACE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_PLAN_OPENS = re.compile(rf"\s*(?:The|A|An|Our|Its|Their|This)\s+((?:[\w’'-]+\s+){{0,2}}(?:target|allocation|envelope"
                         rf"|forecast|estimate))\s+of\s+(?:(?:{HEDGE})\s+)?$")
# (a time between, blanked, its preposition left: "£2.6 million in [2023-24] and £3.1 million ... to the Strategy")
_AND_NEXT = re.compile(r"(?:\s+(?:in|for|during)\s+)?\s*,?\s*(?:and|or)\s+"
                       r"(?:(?:a\s+further|another|an\s+additional)\s+)?")
_PART_OF_NEXT = re.compile(r"\s+of\s+(?:the|its|their|this|our)\s+")
_CURRENTLY_BEFORE = re.compile(r"\bthe\s+((?:[a-z][\w’'-]*\s+){0,5}[a-z][\w’'-]*),\s+(?:currently|now|presently)"
                               r"\s+(?:(?:set\s+at|worth|at)\s+)?$")
_BRACKET_AFTER_AMOUNT = re.compile(r"[^.;,()£$€%\d]{0,30}\(\s*")
_WAS_NAMED = re.compile(r"\s+(?:(?:was|were|is|are|went\s+on)\s+(?:spent\s+on\s+|for\s+|on\s+)?"
                        r"|(?:relates?|related|relating)\s+to\s+)"  # "of which £0.9m relate to placement sufficiency"
                        r"(?!\w+ed\b|(?:paid|given|spent|made|set|sent|put|used|held|kept|being|not|still|now)\b)",
                        re.I)
_NAMED_PART = re.compile(r"(?:the\s+)?((?:[a-z][\w’'-]*\s+){0,4}?[a-z][\w’'-]*)"
                         r"(?=\s*(?:[,.;)]|$)|\s+(?:in|for|on|and|to|by|from|during|over|across)\b)")
_PAID_TO = re.compile(r"[^.;,]{0,30}?\b(?:paid|given|allocated|distributed|awarded|passed|went|gone)\s+(?:out\s+)?to\s",
                      re.I)
_ONLY_MONEY = frozenset("funding money investment spending cash finance resources package pot".split())
_CHANGE_TO_THING = re.compile(r"\s+(?:real[- ]terms\s+|cash(?:[- ]terms)?\s+)?(?:increase|rise|boost|uplift|top-up|cut"
                              r"|reduction)\s+(?:to|in|for)\s+(?:the\s+|its\s+|their\s+)?", re.I)
_RISING_TO = re.compile(r"[^,;]{0,40},\s*(?:and\s+)?(?:rising|falling|increasing|decreasing|growing|climbing|dropping"
                        r"|going\s+up|going\s+down)\s+(?:again\s+|further\s+)?to\s+(?:(?:around|about|over|almost"
                        r"|nearly|more\s+than|some)\s+)?", re.I)
_FROM_TO = re.compile(r"\s+to\s+(?:(?:around|about|over|almost|nearly|more\s+than|some|up\s+to)\s+)?")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:around|about|over|almost|nearly|some)\s+)?$", re.I)
_GENERIC_HEADS = re.compile(r"^(?:[\w-]+\s+)?(?:gap|shortfall|deficit|overspend|pressures?|cut|cuts|boost|pot)$")
_AT_A_COST = re.compile(r",?\s+at\s+(?:a|an)\s+((?:(?:total|combined|overall|estimated|annual|average|weekly|monthly"
                        r"|yearly|daily)\s+){0,2}cost)"
                        rf"\s+(?:to\s+(?:the\s+)?[\w\s]{{1,30}}?\s+)?of\s+(?:(?:{HEDGE})\s+)?$", re.I)
_EARNINGS_OF = re.compile(r"\b((?:(?:combined|total|average|annual|pre-tax|operating|net|gross)\s+)?(?:profits?"
                          rf"|surplus(?:es)?|loss(?:es)?|revenues?|income|turnover))\s+of\s+(?:(?:{HEDGE})\s+)?$", re.I)
_LEADING_COUNT = re.compile(r"^\d[\d,]*\s+")
_AND_BEFORE = re.compile(r"\s(?:and|or)\s+$")
_HOLDER = re.compile(r"(?:^|,\s*)([^,]*?)\s+(?:(?:are|is|was|were|will\s+be|could\s+be|may\s+be)\s+(?=facing))?"
                     r"(?:face|faces|faced|facing|have|has|had|need|needs|with"
                     r"|made|make|makes|reported|posted|earned)\s+(?:an?|the)?\s*$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
# "compared with a forecast overspend of £9.4m": a comparison, nobody who has the overspend
_NO_HOLDER = re.compile(r"(?:compared|comparing|contrasted|together|along|coupled|combined|in\s+line)", re.I)
_JOINING = re.compile(r"^(?:and|but|while|whilst|whereas|yet)\s+", re.I)
# "£50 million fund was": the thing the amount is, named right after it, before its verb
# ("£30 million of the fund will be": the fund's)
_HEAD_AFTER = re.compile(r"(?:-a-year|-a-month)?\s+(?:of\s+(?:the|this|that|its|their)\s+)?"
                         r"((?:[a-z][\w’'-]*\s+){0,2}?[a-z][\w’'-]*)"
                         r"(?=\s+(?:was|is|will|has|had|were|are|would|" + "|".join(sorted(VERBS_S)) + r")\b)")
# a clause that opens with what the amount is: "Savings of £1.5m are planned", "Payments of £2m were made"
_OPENING_HEAD = re.compile(r"\s*(?!(?:The|A|An|This|That|These|Its|Their|Our|Total)\b)"
                           rf"([A-Z][a-z’'-]*(?:\s+[a-z][\w’'-]*){{0,2}})\s+of\s+(?:(?:{HEDGE})\s+)?")
_VERB_NEXT = re.compile(r"\s+(?:is|are|was|were|will|has|have|had)\b")
_OF_THIS = re.compile(r"\s+of\s+(?:this|that|it)\b", re.I)  # back to the amount before (not "of which": on)
# what money goes through, said first: "Through Stable Homes, Built on Love, the department is investing"
_THROUGH_OPENING = re.compile(r"\s*(?:Through|Via)\s+(?:the\s+|its\s+|our\s+)?((?-i:[A-Z]).{2,80}?),\s+"
                              r"(?:the\s+(?:department|government)|we|it|they)\s+(?:is|are|will|has|have|had)\b",
                              re.I)
_NAMED_WORTH = re.compile(rf"\b(?:the|a|an|its|their|our)\s+((?:[\w’'-]+\s+){{0,4}}[\w’'-]+),\s+worth\s+"
                          rf"(?:(?:{HEDGE})\s+)?$", re.I)
# what opens its clause and is worth the amount right after it: "Bursaries worth up to", ", and scholarships worth"
# (not "the fund approved applications worth £286 million": the fund's, a name told before)
_THING_WORTH = re.compile(rf"(?:^|[,;]\s*(?:and\s+)?|\band\s+)(?!(?:we|they|it|he|she|I|you)\b)"
                          rf"((?:[a-z][\w’'-]*\s+)?[a-z][\w’'-]*)\s+worth\s+"
                          rf"(?:(?:{HEDGE})\s+)?$", re.I)
_REMAINING_BEFORE = re.compile(r"\bthe\s+(?:remaining|rest\s+of\s+the|other)\s+$", re.I)  # the rest of the same
# "£6,400m (2023–24: £6,100m)": another year's figure for the same thing, labelled in brackets
_KNOWN_THAT = re.compile(r"\b(?:aware|know|knows|accept|accepts|agree|agrees|recognise|recognises|recognize"
                         r"|recognizes|note|notes)\s+that\s+", re.I)
_NO_DESCRIPTION = re.compile(r"(?:just|only|some|around|about|nearly|almost|roughly|approximately|each|a|an|the)",
                             re.I)
_BASE_AFTER = re.compile(r"[\s,]*(?:on|from|out\s+of)\s+(?:a|an|its|their)\s+(?:turnover|income|revenue|budget|total)"
                         r"\s+of\b", re.I)
# a named fund (not just "The settlement") that gives the amount, for a purpose said after it: "The children's
# social care prevention grant will provide £270 million in 2025-26 to support local authorities" is the grant's
_PROVIDER_OPENS = re.compile(rf"\s*(?:The|This|Our|Its|Their)\s+((?:[\w’'-]+\s+){{1,6}}?(?:grant|fund|programme|scheme"
                             r"|initiative|pathfinder|project|strategy|package|settlement))\s+(?:will\s+|has\s+|also\s+)*"
                             r"(?:provides?|provided|gives?|given|gave|invests?|invested|offers?|offered|delivers?"
                             rf"|delivered|makes?\s+available)\s+(?:(?:{HEDGE})\s+)?")
_PURPOSE_NEXT = re.compile(r"\s*(?:(?:in|over|during|for|across)(?:\s+the)?\s+)?,?\s*to\s+(?-i:[a-z])", re.I)
_STATISTIC_OF = re.compile(rf"\b(?:an?|the)\s+((?:average|median|mean|typical|maximum|minimum)\s+[a-z][\w’'-]*"
                           rf"(?:\s+[a-z][\w’'-]*)?)\s+of\s+(?:(?:{HEDGE})\s*)?$")  # "of c.£1.4m"
# the amount opens a clause after a semicolon: "Savings of £4.1m were built into the budget; £2.6m (63%) are on
# track": a part of the amount before; "generating profits of around £310 million": profits, whoever made them
_CLAUSE_OPENS = re.compile(r";\s*(?:(?:around|about|some|over|almost|nearly|only|just)\s+)?$")
_LABELLED_IN_BRACKETS = re.compile(r"\(\s*[^():]{1,20}:\s*$")
def _holder_before(text: str, start: int, clause_start: int, words: int = 6) -> str | None:
    """ "local authority children's services face a £2bn funding gap": who has the gap (named in at most
    `words` words)."""
    before = text[clause_start:start]
    m = _HOLDER.search(before)
    if not m:
        return None
    holder = REPORTED.split(m.group(1))[-1]  # "The LGA said that councils face": the councils
    holder = _KNOWN_THAT.split(holder)[-1]  # "Is she aware that one provider made a profit of": the provider
    holder = _ARTICLE.sub("", _JOINING.sub("", holder.strip()))  # "..., and the largest 10 providers made"
    return holder if 0 < len(holder.split()) <= words and not _NO_HOLDER.fullmatch(holder) else None

# a forecast of what an amount before was set aside for: "but now expects to spend", "forecasts spending of"
_EXPECTS_TO_SPEND = re.compile(rf"\b(?:{FORECAST_VERBS}|expected|forecasting)\s+(?:to\s+)?"
                               r"(?:spend|spending|cost)\s+(?:of\s+)?$", re.I)


def money_subject(figure: Figure, text: str, ents: list[Entity], in_clause: list[Entity], memory: Memory,
                  figures: list[Figure], earlier: list[tuple[Figure, str]], money: list[tuple[Figure, str]],
                  lo: int) -> str | None:
    """The subject of the amount `figure` in sentence `text`: `in_clause` are the names of its clause (from `lo`),
    `earlier` the sentence's figures before it with their subjects, `money` those that are amounts."""
    # "a 6.5% increase in core spending power in 2024-25, worth £4.5 billion": what the figure before is about
    if earlier and earlier[-1][1] and earlier[-1][0].change \
            and WORTH.fullmatch(text, earlier[-1][0].end, figure.start):
        return earlier[-1][1]
    # "The care leaver bursary was increased from £1,000 to £3,000 ... for those starting apprenticeships": the
    # level moved to is the same thing's as the one moved from
    if money and money[-1][1] and _FROM_TO.fullmatch(text, money[-1][0].end, figure.start) \
            and _FROM_BEFORE.search(text, max(0, money[-1][0].start - 10), money[-1][0].start):
        return money[-1][1]
    # "Bursaries worth up to £30,000 tax-free, and scholarships worth up to £32,000, are available": each what is worth
    # its amount, whatever the sentence's other names
    if worth := _THING_WORTH.search(text, max(lo, figure.start - 60), figure.start):
        return worth[1]
    # "budgeted £31.6m for the service in 2024/25 but now expects to spend £35.8m": the same thing's forecast
    if money and money[-1][1] and not after_amount(text, figure.end) \
            and _EXPECTS_TO_SPEND.search(text, max(money[-1][0].end, figure.start - 40), figure.start):
        return money[-1][1]
    # "the £500 million Adult Social Care Discharge Fund ..., of which £200 million has been paid to local
    # authorities": a part of the fund, not of the councils it was paid to (but "of which £3.1 billion was
    # spent on residential care" names what the part is)
    if money and money[-1][1] and OF_WHICH_BEFORE.search(text, money[-1][0].end, figure.start):
        if _PAID_TO.match(text, figure.end):
            return money[-1][1]
        if (named := _WAS_NAMED.match(text, figure.end)) and (what := _NAMED_PART.match(text, named.end())) \
                and (" " in what[1] or what[1].endswith("s")):
            return what[1]  # "of which £17.1 million was staff costs" (not "was unspent")
        if not after_amount(text, figure.end):
            return money[-1][1]
    # "we employed 42 agency social workers at a total cost of £3.2m": what was counted cost it
    count = next((f for f in reversed(figures) if f.end <= figure.start), None)
    if count is not None and count.kind == "count" and count.counted \
            and (cost := _AT_A_COST.fullmatch(text, count.counted_end or count.end, figure.start)):
        # "67 children placed, at an average weekly cost of £7,450": so much a week, for each of them (but "the
        # fund has supported 88,000 children, at a cost of £340 million": the fund's cost, said elsewhere)
        if per_time_named(cost[1]):
            return f"{cost[1]} of {count.counted}"
        if not cost[0].startswith(","):
            return count.counted
    # "Councils spend £2.5 billion a year on looked after children, at an average cost of £36,000 per child"
    if money and (cost := _AT_A_COST.search(text, max(money[-1][0].end, figure.start - 60), figure.start)) \
            and cost.end() == figure.start:
        return cost[1]
    # "The programme cost £12.4m against a budget of £10m": the programme's budget, not its cost
    if plan := _AGAINST_PLAN.search(text, max(0, figure.start - 40), figure.start):
        owner = money[-1][1] if money and money[-1][1] and not _GENERIC_HEADS.match(money[-1][1]) else None
        return f"{owner} {plan[1]}" if owner and plan[1].lower() not in owner.lower() else plan[1]
    # "The savings target of £1.5m for 2024/25 is rated amber": the plan the sentence opens with
    if plan := _PLAN_OPENS.match(text, 0, figure.start):
        return plan[1]
    # "the national minimum fostering allowance, currently £185 a week for a child aged 0 to 2": its value now
    if named := _CURRENTLY_BEFORE.search(text, max(0, figure.start - 100), figure.start):
        return named[1]
    # "£3.6bn over five years (£720m a year) on the scheme": the same money, said another way in brackets
    if money and money[-1][1] and _BRACKET_AFTER_AMOUNT.fullmatch(text, money[-1][0].end, figure.start):
        return money[-1][1]
    # "The Budget provides a £2.3 billion increase to the core schools budget": what it increases, not who
    if change_to := _CHANGE_TO_THING.match(text, figure.end):
        named = next((e for e in in_clause if e.start == change_to.end()), None)
        if named is not None:  # "a £3.3 billion boost for the sector-led improvement (SLI) programme"
            return memory.expand(named.text)
        if increased := after_amount(text, change_to.end()):
            return increased
    # "£12 million on the Supported Lodgings scheme and £7 million on mentoring": a name after another
    # amount is that amount's (but "..., a total of £353 million" sums them all)
    if not is_total(text[:figure.start], figure.text):
        in_clause = [e for e in in_clause if not any(
            f.kind in ("money", "rate") and f.end <= e.start and e.end <= figure.start for f in figures)]
    # nor is a name after a later amount this one's: "includes £500 million for social care, and we are
    # investing £45 million in Families First for Children pathfinders"
    # (nor after a later share: "£21.8 million, or about 11% of the programme budget")
    in_clause = [e for e in in_clause if not any(
        f.kind in ("money", "rate", "percent") and figure.end <= f.start and f.end <= e.start for f in figures)]
    if named := appositive_name(text, figure.start):
        return named  # "The Department's reform plan, Stable Homes, Built on Love, committed £200 million"
    if backed := backed_name(text, figure, ents):
        return backed  # "we published Stable Homes, Built on Love, backed by £200 million"
    if in_clause:
        return memory.expand(nearest(in_clause, figure).text)
    # "Funding per child ranges from £120 in Richmond to £340 in Blackpool": where each end stands, not what
    described = None if _IN_A_PLACE.match(text, figure.end) and _RANGE_FROM.search(text, 0, figure.start) \
        else after_amount(text, figure.end)
    if described and (_NO_DESCRIPTION.fullmatch(described) or _BASE_AFTER.match(text, figure.end)):
        # "up from £1.9 billion just [five years earlier]": a word left of a blanked time; "a profit of £120 million
        # [last year] on a turnover of £600 million": the base the profit is a share of, not what it is
        described = None
    if described is None and (later := next((f for f in figures if f.start >= figure.end), None)) is not None \
            and later.kind in ("money", "rate") and (_AND_NEXT.fullmatch(text, figure.end, later.start)
                                                     or _PART_OF_NEXT.fullmatch(text, figure.end, later.start)):
        # "an additional £2 billion this year and £3 billion next year for social care": what both are for;
        # "Around £300m of the £500m fund remains unspent": a part of the fund
        described = after_amount(text, later.end)
    if described and _CHANGE_NOUN.fullmatch(described):  # "a £200 million increase": what increased is elsewhere
        if money and money[-1][1] and CHANGE_AFTER_AMOUNT.fullmatch(text, money[-1][0].end, figure.start):
            return money[-1][1]  # "£600 million through the Social Care Grant, a £200 million increase"
        described = None
    if described and _PARTICIPLE_ONLY.fullmatch(described):
        # "on top of the £1.27 billion added in 2022-23": more of what the amount before is for
        described = None
        if money and money[-1][1]:
            return money[-1][1]
    if described and described.lower() in HEADS and (named := memory.head(described)):
        return named  # "the £695 million we have invested in the programme": the programme named before
    unnamed = None  # "rolled out with £30 million of funding": "funding" only if nothing names what it is for
    if described and described.lower() in _ONLY_MONEY:
        unnamed, described = described, None
    if described and _PURPOSE_NEXT.match(text, figure.end) \
            and (provider := _PROVIDER_OPENS.fullmatch(text, lo, figure.start)):
        return provider[1]  # "The prevention grant will provide £270 million ... to support": the grant
    if described:
        owner = possessive_before(text, figure.start)
        if owner:
            described = f"{owner} {described}"
        elif _GENERIC_HEADS.match(described):
            holder = _holder_before(text, figure.start, lo)
            if holder:
                described = f"{holder} {described}"
        return described
    if money and (base_before(text, figure.start) or _LABELLED_IN_BRACKETS.search(text, 0, figure.start)
                  or _AND_BEFORE.search(text[max(0, figure.start - 6):figure.start])
                  or _REMAINING_BEFORE.search(text, max(0, figure.start - 20), figure.start)
                  or _OF_THIS.match(text, figure.end)  # "a £2.6 billion investment ..., with £1.5 billion of this"
                  or (figure.change and CHANGE_AFTER_AMOUNT.fullmatch(text, money[-1][0].end, figure.start))
                  # "a funding gap of £1.6 billion in 2024/25, rising to £2.9 billion by 2027/28": later
                  or _RISING_TO.fullmatch(text, money[-1][0].end, figure.start)):
        # "£3.1 billion on children's homes ..., up from £2.4 billion in ...", "£1.9 billion of additional
        # funding for social care in 2023-24 and £2.7 billion in 2024-25", "£2.7 billion through the social
        # care grant in 2024-25, an increase of £1.2 billion": the same thing's
        return money[-1][1]
    # "overspent their children's services budgets by", "increased core spending power by", "leaving reserves at"
    if over := moved(text, lo, figure.start) or BRINGING.search(text, lo, figure.start) \
            or LEAVING.search(text, lo, figure.start):
        return over[1]
    # "The 15 largest providers made a combined profit of £310m": their profit, not the providers
    if (earned := _EARNINGS_OF.search(text, max(lo, figure.start - 60), figure.start)) \
            and (holder := _holder_before(text, earned.start(), lo, words=9)):
        return f"{_LEADING_COUNT.sub('', holder)} {earned[1]}"  # "15 largest providers": the providers
    if (opening := _OPENING_HEAD.fullmatch(text, lo, figure.start)) and _VERB_NEXT.match(text, figure.end):
        return opening[1]  # "Savings of £1.5m are planned for 2024/25": the savings
    if stat := _STATISTIC_OF.search(text, max(lo, figure.start - 60), figure.start):
        return stat[1]  # "Allocations range from £52k to £8.1m, with a median allocation of c.£1.4m"
    head = _HEAD_OF.search(text, lo, figure.start)
    if head and head[1].split()[-1].lower() in HEADS and text[lo:head.start()].strip(" ,\"“‘(") == "":
        return head[1]  # "The grant of £36 million will be paid"; not "cost £4.2m against a budget of £3.9m"
    if head and _GENERIC_HEADS.match(head[1]):  # "The LGA estimates a funding gap of £1.7 billion"
        holder = _holder_before(text, head.start(), lo)
        return f"{holder} {head[1]}" if holder else head[1]
    head = _HEAD_AFTER.match(text, figure.end)
    if head and head[1].split()[-1].lower() in HEADS:
        return head[1]  # "The £50 million fund was first announced in the 2021 Budget"
    if (through := _THROUGH_OPENING.match(text)) and through.end() <= figure.start:
        return through[1]  # "Through Stable Homes, Built on Love, the department is investing £200 million"
    # not where it was said: "The programme was first announced at Autumn Budget 2021 with £302 million"
    named = [e for e in ents if e.score >= 2 and not said_where(text, e) and not any(
        f.kind in ("money", "rate", "percent") and figure.end <= f.start and f.end <= e.start for f in figures)
        # nor a name across "but": "promised £2.6 billion in the care review, but delivered just £200 million"
        and not (e.end <= figure.start and CONTRAST.search(text, e.end, figure.start))]
    if named:
        return memory.expand(nearest(named, figure).text)
    # (not "the programme" of a later share's whole: "£21.8 million, or about 11% of the programme budget")
    upto = next((f.start for f in figures if f.start >= figure.end and f.kind in ("money", "rate", "percent")),
                len(text))
    # "extend the Staying Put arrangement, worth £1,200 per young person per year": what is worth it, though the
    # clause opens with who extends it
    worth = _NAMED_WORTH.search(text, max(0, figure.start - 80), figure.start)
    return refers_back(text[:upto], figure.start, memory) or subject_before_verb(text, figure.start) \
        or (worth[1] if worth and worth[1].lower() not in _ONLY_MONEY else None) \
        or (earned[1] if earned else None) \
        or (money[-1][1] if money and _CLAUSE_OPENS.search(text, max(0, figure.start - 30), figure.start)
            else None) \
        or memory.named_in_paragraph() or unnamed
