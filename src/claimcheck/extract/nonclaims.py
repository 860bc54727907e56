"""Spans that look numeric but are not claims: URLs, identifiers, statutes, phone numbers, ages...

Found first and masked, so that no later pattern can take a number out of
"COVID-19", "SFR 34/2015", "www.gov.uk/...-2" or "020 7783 8300".
"""

from __future__ import annotations

import re

from claimcheck.calendar import MONTH_NAMES, MONTHS
from claimcheck.guards import any_in, folded

# not after a month name and a space ("April 1st"): look-behinds must be fixed-width, so one per spelling
_NOT_AFTER_MONTH = "".join(f"(?<!{name}\\s)" for name in sorted(MONTHS))

_CITATION = r"\[\s*Official\s+Report\b[^\]]{0,160}\]"
_CITATION_RE = re.compile(_CITATION, re.I)


def footnote_marks(text: str) -> list[tuple[int, int]]:
    """Footnote marks set as plain digits against the word before them ("£10.2 billion2 on"): no claim, and
    nothing the words after them are about."""
    return [m.span() for m in _GLUED_FOOTNOTE_RE.finditer(text)] if _GLUED_AFTER.search(text) else []


def citations(text: str) -> list[tuple[int, int]]:
    """Where a sentence cites Hansard in brackets: no claim, and nothing a figure outside it is about."""
    return [m.span() for m in _CITATION_RE.finditer(text)] if "[" in text else []


# (necessary condition, pattern): a pattern runs only if the lowercased text contains one of the strings,
# or a digit ("#digit"); most sentences need a few of them, and one big alternation was the slowest part.
# A look-ahead at the start of a pattern that every match satisfies ("a word, then a digit") only lets the
# pattern's long alternation be tried where it can match: a third of the time for references. A third item,
# where given, is a further necessary condition: a pattern searched in the text (case as the pattern has it),
# cheap because it opens with a digit and the scan skips to digits (few sentences with a digit have a clock
# time), or strings one of which the `guards.folded` text must hold ("year" is common, "reporting" is not).
_PATTERNS: list[tuple] = [
    # web and mail addresses, and bare domains with a path
    (("http", "www", "@", "[email", ".uk", ".com", ".org", ".net", ".gov", ".io"),
     r"https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s*protected\]"
     r"|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|io)(?:/\S*)?"),
    # names with numbers in them: COVID-19, SSDA903, HL1234, SW1A, Mark-2, D8635E69
    # (but not the financial years "FY2014/15" and "FY24", the quarters "Q1 2023", "Q3 of 2023-24", "at Q2" (times,
    # `period_patterns`), the halves "H1 2021", nor the times "by mid-2025", "in early-2024": `period_points`; but
    # ONS's "estimates for mid-2021", "mid-2021 population estimates" are the figures' reference dates, no event)
    (("#digit",), r"\b(?=[a-z][a-z-]*\d|\d+[a-z]{2})"  # letters (and hyphens) then digits, or digits then letters
                  r"(?:\b(?!(?<!\bfor\s)(?:early|mid|late)-(?:19|20)\d\d\b(?!\s+(?:population|estimates?)))"
                  r"[A-Za-z]+-\d+[A-Za-z]?\b|(?-i:\b(?!FY(?:(?:19|20)\d\d|\d\d\b))[A-Z]{2,}[A-Z-]*\d+[A-Z\d]*\b"
                  r"|\b(?!Q[1-4]\b|H[12]\s+(?:of\s+)?(?:19|20)\d\d)[A-Z]\d[A-Z\d]*\b|\b\d+[A-Z]{2,}[A-Z\d]*\b))"),
    # postcodes and phone numbers
    (("#digit",), r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b)", r"(?-i:\d[A-Z]{2})"),
    (("#digit",), r"(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b", r"\d\d[\s-]\d\d\d"),
    # references and identifiers: "question 113552", "SFR 34/2015", "section 17", "Table 3", "Wave 22"
    (("#digit",),
     r"\b(?=[a-z.]+\s+\d|key\s+stage\s+\d)"  # a word (or "key stage") right before a number
     r"(?:SFR|UIN|HL|HC|questions?|no\.|nos\.|number|sections?|s\.|clauses?|schedules?|paragraphs?|paras?\.?"
     r"|articles?|regulations?|rules?|parts?|chapters?|tables?|figures?|charts?|annex(?:es)?|appendix|pages?|pp\.|p\."
     r"|wave|version|phase|tier|key\s+stage|footnote|ref\.?|reference|item|box|volume|vol\.|issue|release|edition"
     r"|recommendation|conclusion|standard|level|grade|vol|col|cohort|(?-i:Year)"  # "(cohort 8)"
     r"|(?-i:Period|Month|Week|Round|Stage|Step))\s+\d[\d./-]*[a-z]?\b"  # a council's "Period 6" monitoring
     r"(?!\s*(?:%|per\s*cent|million|billion|m\b|bn\b))"),
    # "paragraphs 3 to 5", "sections 17 and 20": a plural reference's range or pair, its last number too (not "Table 3
    # and 4,500 children")
    (("#digit",), r"\b(?:paragraphs|sections|clauses|schedules|articles|regulations|parts|chapters|tables|figures"
                  r"|charts|pages|annexes|recommendations|questions|items)\s+\d[\d.]*[a-z]?\s*(?:to|and|-|–)\s*"
                  r"\d[\d.]*[a-z]?\b"),
    # a page's place in a document: "page 3 of 12", "Page 2 of 40" (PDF-to-text's running footers too)
    (("page",), r"\bpage\s+\d+\s+of\s+\d+\b"),
    # a statistical interval's level, not a share of anything: "(95% confidence interval: 22% to 40%)"
    (("confidence", "credible"), r"\b(?:80|90|95|99)(?:\.\d)?\s*(?:%|per\s*cent)\s+(?:confidence|credible)"
                                 r"\s+(?:intervals?|levels?|limits?)\b"),
    # DfE's school measures are named with a number: "Attainment 8", "Progress 8"
    (("attainment", "progress"), r"\b(?:attainment|progress)\s+8\b"),
    # a Commons question's number closing it: "1. What assessment she has made of ... (901234)"
    (("(",), r"\(\d{5,7}\)(?=\s*$)"),
    # "34/2015", not "2019/20" nor the date "23/05/2022"
    (("/",), r"(?<![\d/])\b(?!(?:19|20)\d\d/(?:\d\d|(?:19|20)\d\d)\b"
             r"|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b)\d+/\d+(?:/\d+)?\b"),
    # statutes and things named after a year (a Spending Review's year is a time: it sets financial years)
    (("act", "regulations", "order", "rules", "measure", "bill", "strategy", "plan", "review"),
     r"\b(?:Act|Acts|Regulations|Order|Rules|Measure|Bill|Strategy|Plan|(?<![Ss]pending\s)Review)\s+(?:19|20)\d\d\b"),
    # a parliamentary session cited with a paper: "(HC 1868, Session 2017-19)", "HC 1868 SESSION 2017–2019"
    (("session",), r"(?-i:\b(?:Session|SESSION))\s+(?:19|20)\d\d\s?[-–/]\s?(?:19|20)?\d\d\b"),
    (("year",), r"\b(?:reporting|census)\s+years?\s+(?:19|20)\d\d(?:[-/]\d{2,4})?\b", ("reporting", "census")),
    # a price base, not a time: "£1.98 billion in 2022-23 prices", "(2023-24 prices)", "at 2019 prices"
    (("prices",), r"\b(?:(?:in|at)\s+)?(?:19|20)\d\d(?:\s?[-/–]\s?\d{2,4})?\s+prices\b"),
    # a note on rounding: "Figures are rounded to the nearest £0.1 million", "to the nearest 10"
    (("nearest",),
     r"\bto\s+the\s+nearest\s+(?:£\s?)?\d[\d,.]*\s*(?:million|billion|thousand|m\b|bn\b|k\b|%|per\s*cent)?"),
    # Hansard citations: "[Official Report, 5 March 2024; Vol. 746, c. 812]", "HC Deb 2 February 2023 vol 727 c 456"
    (("official report",), _CITATION),
    (("deb",),
     r"\b(?:HC|HL)\s+Deb\s+\d{1,2}\s+[A-Za-z]+\s+\d{4}(?:,?\s+vol\.?\s*\d+)?(?:,?\s+cc?\.?\s*\d+[A-Z]*(?:-\d+)?)?"),
    # clock times and ratios ("a ratio of 1:4": no count of one), decades, ordinals, ages
    ((":", "am", "pm"), r"\b\d{1,2}[:.]\d{2}\s?(?:am|pm)\b|\b\d{1,2}\s?(?:am|pm)\b|\b\d{1,3}:\d{1,3}\b",
     r"\d\s?[ap]m|\d:\d"),
    # a footnote mark in superscript: "£3.1bn¹" (not the unit of "m²")
    (("¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"),
     r"[¹⁴⁵⁶⁷⁸⁹⁰][¹²³⁴⁵⁶⁷⁸⁹⁰]*|(?<!\bm)(?<!\bkm)(?<!\bcm)[²³][¹²³⁴⁵⁶⁷⁸⁹⁰]*"),
    # (not "mid-2025": a time, `period_points`)
    (("0s",), r"\b(?:19|20)?\d0s\b"),
    # ordinals ("the 21st century"), but not a day of the month: "1st April 2023", "April 1st, 2023"
    (("st", "nd", "rd", "th"),
     rf"\b(?=\d+(?:st|nd|rd|th)\b){_NOT_AFTER_MONTH}\d+(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH_NAMES}\b)",
     r"\d(?:st|nd|rd|th)"),
    (("aged", "year", "under", "+", "age"),
     r"\b(?:the\s+)?ages?\s+of\s+(?:between\s+)?\d+(?:\s*(?:to|and|-|–)\s*\d+)?\b"  # "until the age of 21"
     r"|\baged\s+(?:between\s+|from\s+)?(?:under\s+|over\s+|less\s+than\s+|more\s+than\s+)?\d+\+?"
     r"(?:\s*(?:to|-|–|and)\s*\d+)?"
     r"(?:,?\s+or\s+(?:up\s+to\s+|under\s+)?\d+(?![\d,.]*\s*(?:%|per\s*cent)))?"  # "aged 0 to 19, or up to 25 for"
     r"(?:\s+years?(?:\s+old)?)?"
     r"|\b\d+(?:\s*(?:to|-|–)\s*\d+)?[-\s]years?[-\s]olds?\b|\b\d+\+?\s+years?\s+old\b|\bunder[-\s]\d+s\b"
     r"|\b\d{1,2}\+(?=\s*-?\s*(?:years?|yrs?|year-olds?)\b)"  # "16+ years"; but "400+ family hubs" is a count
     # "60 per 10,000 children under 18 years": whom the rate counts, by age
     r"|(?:(?<=children\s)|(?<=people\s)|(?<=pupils\s)|(?<=persons\s))(?:aged\s+)?under\s+\d{1,2}\s+years?\b",
     ("aged", "old", "under", "+", "age")),
    # an age a person reaches: "after they turn 18, until they reach 21", "until they are 21"
    (("they", "she", "he ", "you"),
     r"\b(?:they|he|she|you)\s+(?:turn|turns|turned|reach|reaches|reached|are|were|is|was)\s+\d{1,2}"
     r"(?=\s*(?:[,.;:)]|$)|\s+(?:or|and|until|when|if|years?)\b)"),
    # an age band naming a population: "per head of their 2 to 18 population", "the 16-24 age group"
    (("population", "age group", "age range"),
     r"\b\d{1,2}\s*(?:to|-|–)\s*\d{1,2}(?=\s+(?:year[-\s]olds?\s+)?(?:population|age\s+(?:group|range))\b)"),
]
_GUARDED = [(frozenset(needs), re.compile(also, re.I) if isinstance(also, str) else also, re.compile(pattern, re.I))
            for needs, pattern, also in (entry if len(entry) == 3 else (*entry, None) for entry in _PATTERNS)]
_NEEDLES = tuple(sorted({n for needs, *_ in _PATTERNS for n in needs if n != "#digit"}))
# a footnote mark that PDF-to-text set as a plain digit against the word before it: "£10.2 billion2 on children's
# social care", "rose by 48%4", "83,840 children3 in care" (masked apart from _PATTERNS: only its digits are blanked)
_GLUED_FOOTNOTE_RE = re.compile(r"(?:(?<=illion)|(?<=\bbn)|(?<=%)|(?<=[a-z]{4}))\d{1,2}(?=[\s,.;:)]|$)", re.I)
_GLUED_AFTER = re.compile(r"[a-z%]\d", re.I)
# "1. The Department", "(2) ...", and a report's bare paragraph numbers: "1 Local authorities spent £8.6
# billion", "2.14 The Department has" (a capitalised word after the number, not a month: "13 Oct 2017")
_LIST_NUMBER = re.compile(r"^\s*\(?\d{1,2}[.)](?=\s|$)")
# (or a possessive, or an acronym and its verb: "1.2 Children's Services are forecasting", "2 DfE estimated in 2021",
# "2 DfE spent"; not "12 NHS trusts reported" nor "150 MPs signed": counts)
_PARAGRAPH_NUMBER = re.compile(rf"^\s*\d{{1,2}}(?:\.\d{{1,2}})?(?=\s+(?!{MONTH_NAMES}\b)(?:[A-Z][a-z]+(?:[’'][a-z]+)?"
                               r"|[A-Z][a-z]*[A-Z]+(?![a-z])(?=\s+(?:has|have|had|is|are|was|were|will|would|can|could"
                               r"|should|may|might|must|does|did|spent|paid|made|gave|found|set|put|took|met|sent|held|kept|began"
                               r"|[a-z]{3,}ed)\b))\s+\S.{30})")
_DIGIT = re.compile(r"\d")


def nonclaim_spans(text: str) -> list[tuple[int, int]]:
    lower = text.lower()
    present = {needle for needle in _NEEDLES if needle in lower}  # each string tested once, not per pattern
    if _DIGIT.search(text) is not None:
        present.add("#digit")
    spans = [m.span() for needs, also, regex in _GUARDED
             if not present.isdisjoint(needs) and _also(also, text) for m in regex.finditer(text)]
    if opening := leading_number(text):
        spans.append(opening)
    return spans + footnote_marks(text) if "#digit" in present else spans


def leading_number(text: str) -> tuple[int, int] | None:
    """The span of the list or paragraph number a sentence opens with ("1.", "(2)", "12 Spending on ..."): no
    claim, and no part of what the sentence's figures are about either."""
    m = _LIST_NUMBER.match(text) or _PARAGRAPH_NUMBER.match(text)
    return m.span() if m else None


def _also(also: re.Pattern | tuple[str, ...] | None, text: str) -> bool:
    if also is None:
        return True
    if isinstance(also, tuple):
        return any_in(also, folded(text))
    return also.search(text) is not None


def mask(text: str, spans: list[tuple[int, int]], fill: str = "\x00") -> str:
    """`text` with each span replaced by `fill` characters, so offsets stay valid."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)
