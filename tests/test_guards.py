"""The guards in front of costly patterns (`guards.py`) are necessary conditions: for every string a
guarded pattern matches, its guard holds, so skipping the pattern never changes a claim.

The strings are generated from the patterns themselves (every alternative, optional parts with and without,
repeats once or not at all), in three spellings: as written, in capitals, and with the letters re.I folds
onto 's' and 'i' ("ſ", "ı") that str.lower() keeps apart.
"""

from __future__ import annotations

import itertools
import re
from re import _constants as sre
from re import _parser as sre_parse

import pytest

from claimcheck import calendar, furniture, metadata
from claimcheck.extract import figures, hedges, periods, proportions, word_figures
from claimcheck.extract.period_grammar import FEATURES, PATTERNS
from claimcheck.guards import any_in, fold, folded

LIMIT = 20_000  # strings per pattern; the patterns below give far fewer


def _expand(items) -> list[str]:
    """Strings a parsed sequence can match (a sample: one character per class, repeats at most once)."""
    out = [""]
    for op, av in items:
        options = _options(op, av)
        # the first LIMIT of the product, never the whole (two whole days in one pattern are millions of strings)
        out = [a + b for a, b in itertools.islice(itertools.product(out, options), LIMIT)]
    return out


def _options(op, av) -> list[str]:
    if op is sre.LITERAL:
        return [chr(av)]
    if op is sre.SUBPATTERN:
        return _expand(av[-1])
    if op is sre.BRANCH:
        return [s for alternative in av[1] for s in _expand(alternative)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        once = _expand(sub)
        counts = sorted({low, min(max(low, 1), high)})
        return [s for n in counts for s in (["".join(p) for p in itertools.product(once, repeat=n)] if n else [""])]
    if op is sre.IN:
        return [_sample(av)]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [""]  # zero width: strings that break a look-around are filtered out by matching them
    if op is sre.NOT_LITERAL:
        return [" " if av != ord(" ") else "x"]
    if op is sre.ANY:
        return ["x"]
    if op is sre.GROUPREF_EXISTS:
        return _expand(av[1]) + (_expand(av[2]) if av[2] else [""])
    raise AssertionError(f"unexpected {op}")


def _sample(items) -> str:
    for op, av in items:
        if op is sre.LITERAL:
            return chr(av)
        if op is sre.RANGE:
            return chr(av[0])
        if op is sre.CATEGORY:
            return {sre.CATEGORY_DIGIT: "7", sre.CATEGORY_SPACE: " ", sre.CATEGORY_WORD: "a"}.get(av, "a")
        if op is sre.NEGATE:
            return "."
    return "a"


def samples(pattern: re.Pattern) -> list[str]:
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    found = set(_expand(parsed))
    spellings = set()
    for text in found:
        spellings |= {text, text.upper(), text.replace("s", "ſ").replace("i", "ı")}
    return sorted(spellings)


def _cases(pattern: re.Pattern, contexts: tuple[tuple[str, str], ...]):
    for text in samples(pattern):
        for before, after in contexts:
            whole = before + text + after
            if pattern.search(whole):
                yield whole


AROUND = (("", ""), ("x ", " y"), ("The 12 ", " 34 more."))
AT_END = (("", ""), ("x ", ""), ("and then ", "  "))


@pytest.mark.parametrize("pattern, guard, contexts", [
    (word_figures.WORDS, word_figures.may_hold_words, AROUND),
    (proportions._FRACTION, lambda t: any_in(proportions._WHOLE_WORDS, folded(t)), AROUND),
    (proportions._FRACTION_BEFORE_VERB, lambda t: any_in(proportions._WHOLE_WORDS, folded(t)), (("x ", " were y"),)),
    (proportions._FRACTION_BEFORE_AND, lambda t: any_in(proportions._WHOLE_WORDS, folded(t)),
     (("between ", " and a third of x"),)),
    (proportions._BY_FRACTION, lambda t: any_in(proportions._WHOLE_WORDS, folded(t)), AROUND),
    (proportions._N_IN_M, lambda t: proportions._IN_FIGURE.search(folded(t)) is not None, AROUND),
    (proportions._OUT_OF, lambda t: proportions._OUT_OF_WORDS.search(folded(t)) is not None, AROUND),
    (figures._RANGE, lambda t: figures._JOINT.search(folded(t)) is not None, AROUND),
    (hedges._CHANGE_BEFORE, lambda t: hedges._CHANGE_ENDINGS.end(t[1:]), (("", ""), (" x ", ""), (" and then ", "  "))),
    (hedges._CHANGE_IN_OF, hedges._may_say_change_in, AT_END),
    *[(regex, hedges._HEDGE_ENDINGS.end, AT_END) for _, regex in hedges._BOUND_RE],
])
def test_guard_holds_wherever_its_pattern_matches(pattern, guard, contexts) -> None:
    cases = list(_cases(pattern, contexts))
    assert len(cases) > 10  # the generator reached the pattern's alternatives
    missed = [text for text in cases if not guard(text)]
    assert not missed, missed[:5]


def _features_hold(needs: tuple[str, ...]):
    required = [FEATURES[n[1:]] for n in needs if n.startswith("&")]
    return lambda text: all(feature.search(folded(text)) for feature in required)


@pytest.mark.parametrize("regex, needs", [(regex, needs) for regex, _, needs in PATTERNS
                                          if any(n.startswith("&") for n in needs)],
                         ids=lambda value: value[-1] if isinstance(value, tuple) else None)
def test_a_time_expression_has_the_features_it_requires(regex, needs) -> None:
    cases = list(_cases(regex, AROUND))
    assert len(cases) > 10
    missed = [text for text in cases if not _features_hold(needs)(text)]
    assert not missed, missed[:5]


def test_looking_forward_needs_one_of_its_words() -> None:
    cases = list(_cases(periods._FUTURE, AROUND))
    assert len(cases) > 10
    missed = [text for text in cases if not any_in(periods._FUTURE_WORDS, folded(text))]
    assert not missed, missed[:5]


def test_furniture_inside_a_line_needs_its_text() -> None:
    _, inline, _, needles = furniture._furniture()
    assert needles is not None and all(len(needle) >= 3 for needle in needles)  # the guard is on
    cases = list(_cases(inline, AROUND))
    assert len(cases) > 10
    missed = [text for text in cases if not any_in(needles, fold(text))]
    assert not missed, missed[:5]


@pytest.mark.parametrize("pattern, required", [
    (r"\s*-\s*view source\b", "view source"),
    (r"\bportrait\b|\bphoto\b", None),  # top-level alternatives: nothing is required
    (r"(?:ab|cd)ef", None),  # too short
    (r"caf\u00e9 menu", None),  # not ASCII: fold may not read it as re.I does
])
def test_what_a_furniture_pattern_requires(pattern, required) -> None:
    assert furniture._required_text(pattern) == required


@pytest.mark.parametrize("pattern, needles", [(metadata._ASKED, metadata._ASKED_ON),
                                              (metadata._ANSWERED, ("answered on",))])
def test_question_dates_need_their_words(pattern, needles) -> None:
    cases = list(_cases(pattern, AROUND))
    assert len(cases) > 10
    assert all(any_in(needles, fold(text)) for text in cases)


def test_a_clock_after_a_date_needs_its_last_character() -> None:
    cases = list(_cases(calendar._CLOCK_AFTER, (("", ""), ("9 January 2024", ""), ("9 January 2024", "\n"))))
    assert len(cases) > 10
    assert all(calendar.may_end_in_clock(text) for text in cases)


def test_holds_word_is_membership_in_the_words_of_a_text() -> None:
    import random

    from claimcheck.extract.subjects import _WORD
    from claimcheck.guards import holds_word

    rng = random.Random(7)
    alphabet = "ab ’'-_.,\n1éΣσς"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        probe = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8)))
        words = set(_WORD.findall(text))
        for word in [*_WORD.findall(probe), *words]:
            assert holds_word(text, word) == (word in words), (text, word)


# CLAUSE_BREAK as it was written before it was factored by first character (subjects.py)
_PLAIN_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[–—-]\s|,\s+(?:which|who|while|whilst|whereas|although|but|yet|unlike|where|and\s+we)\b"
    r"|\s+but\s+|\s+and\s+(?:have|has|had|will|are|is|was|were|we|it|they)\b"
    r"|,?\s+and\s+(?=the\s+(?:number|proportion|percentage|rate|share|amount|cost|level)\s+of\b)"
    r"|,\s+and\s+(?=(?:the|its|their|this)\s+[^,;]{0,80}?\s(?:has|have|had|will|is|are|was|were)\s)")


def test_clause_breaks_are_found_as_the_plain_alternatives_find_them() -> None:
    import random

    from claimcheck.extract.subjects import CLAUSE_BREAK

    rng = random.Random(3)
    pieces = [" ", "  ", "\n", ",", ";", ":", " - ", " – ", "—", "and", "but", "which", "the", "number", "of", "we",
              "yet", "unlike", "its", "has", "Fund",
              "is", "x", "  and  ", ", and ", ",  but ", "and the rate of", "The cost rose, and the cost of"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 15)))
        assert [m.span() for m in CLAUSE_BREAK.finditer(text)] == [m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(text)]
        assert CLAUSE_BREAK.split(text) == _PLAIN_CLAUSE_BREAK.split(text)


def _guarded_nonclaims():
    from claimcheck.extract import nonclaims

    return [(regex, also) for _, also, regex in nonclaims._GUARDED if also is not None]


@pytest.mark.parametrize("regex, also", _guarded_nonclaims(), ids=lambda value: str(value)[:40])
def test_a_non_claim_pattern_meets_its_further_condition(regex, also) -> None:
    from claimcheck.extract.nonclaims import _also

    cases = list(_cases(regex, AROUND))
    assert len(cases) >= 6  # (a postcode has few spellings: its pattern is case-sensitive)
    missed = [text for text in cases if not _also(also, text)]
    assert not missed, missed[:5]



# _CHANGE_BEFORE as it was written before each phrase was put after one leading non-word character (hedges.py)
_PLAIN_CHANGE_BEFORE = re.compile(
    r"(?:^|[^\w])(?:an?\s+)?(?:additional|extra|further|another|new|more)\s*$"
    r"|(?:^|[^\w])(?:an?\s+)?(?:(?:annual|overall|net|real[-\s]terms)\s+)?"
    r"(?:increase|rise|decrease|fall|cut|reduction|drop|growth|uplift|boost|decline|change)s?\s+of\s*"
    rf"(?:(?:{hedges.HEDGE})\s+)?$"
    r"|(?:^|[^\w])(?:increased|increasing|increases?|rose|risen|rising|rises?|grown|grew|growing|grows?|fell|fallen"
    r"|falling|falls?|decreased|decreases?|dropped|drops?|"
    r"reduced|cut|boosted|raised|topped\s+up|went\s+up|gone\s+up|go\s+up|went\s+down)"
    r"(?:\s+(?:(?:the|its|their|our)\s+)?[a-z’'-]+(?:\s+[a-z’'-]+){0,4}?)?"
    r"\s+by\s*"
    rf"(?:(?:{hedges.HEDGE})\s+)?$"
    r"|(?:^|[^\w])(?:rose|fell|grew|dropped|declined|jumped|climbed|slipped|increased|decreased|rising|falling"
    r"|growing|increasing|decreasing)\s+"
    r"(?:(?:over|more\s+than|around|about|almost|nearly|up\s+to|at\s+least|some)\s+)?$"
    rf"|(?:^|[^\w])(?=(?:up|down)\s*$){hedges._NOT_PHRASAL}(?:up|down)\s*$",
    re.I,
)


def test_a_change_is_found_as_the_plain_phrases_find_it() -> None:
    import random

    rng = random.Random(11)
    texts = list(_cases(_PLAIN_CHANGE_BEFORE, AT_END))
    words = [w for text in texts[:2000] for w in text.split()] + ["made", "set", "up", "down", ",", "(", "x"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 8))) + rng.choice(["", " ", "\n"])
              for _ in range(20_000)]
    for text in texts:
        assert (hedges._CHANGE_BEFORE.search(" " + text) is None) == (_PLAIN_CHANGE_BEFORE.search(text) is None), text


def test_sentence_breaks_and_last_words_are_found_as_before() -> None:
    """text.py: the break pattern now opens with the stop (the break starts a character later), and the last
    word before a stop is read backwards; both as the look-behind and end-anchored patterns found them."""
    import random

    from claimcheck.extract import text as text_module

    plain_split = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(£$€]?[A-Z0-9])")
    plain_last = re.compile(r"([A-Za-z.]+)$")
    rng = random.Random(5)
    pieces = ["A", "b", "Mr", "etc", ".", "!", "?", "...", " ", "  ", "\n", "”", "’", ")", "]", "(", "“", "£", "3",
              "x.", "J.", "e.g.", "é"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 15)))
        new = [(m.start() + 1, m.end()) for m in text_module._SENTENCE_SPLIT.finditer(text)]
        assert new == [m.span() for m in plain_split.finditer(text)], text
        last = plain_last.search(text)
        assert text_module._last_word(text) == (last.group(1) if last else None), text


def test_a_base_is_looked_for_only_after_its_last_words() -> None:
    from claimcheck.extract import attach, subject_clues

    for pattern, endings in ((subject_clues.BASE_BEFORE, subject_clues._BASE_BEFORE_ENDINGS),
                             (attach._BASE_BEFORE, hedges.BASE_ENDINGS)):
        cases = list(_cases(pattern, AT_END))
        assert len(cases) > 10
        missed = [text for text in cases if not endings.end(text)]
        assert not missed, missed[:5]


def test_a_total_is_looked_for_only_where_its_words_are() -> None:
    cases = list(_cases(hedges._TOTAL_BEFORE, AT_END))
    assert len(cases) > 10
    assert all(hedges._TOTAL_ENDINGS.end(text) for text in cases)
    cases = list(_cases(hedges._WHOLE_AFTER, (("", ""), ("", " 12 of them"))))
    assert len(cases) > 10
    assert all(any_in(hedges._WHOLE_AFTER_WORDS, fold(text)) for text in cases)


def test_figures_are_found_from_four_characters_before_the_first_sign_or_digit() -> None:
    from claimcheck.extract.quantities import FIGURE

    cases = list(_cases(FIGURE, (("", ""), ("GBP ", " x"), ("The US$ and c.", " 4 more"), ("x-", "-y"))))
    assert len(cases) > 10
    cases += ["GBP 2.5 million", "x USD 3", "US$5", "a us$ 5", "uſ$5", "-£3m", "−5%", "+5", "c.4,500", "x EUR 10bn"]
    for text in cases:
        first = figures._FIGURE_CHARACTER.search(text)
        found = [m.span() for m in FIGURE.finditer(text, max(0, first.start() - 4))] if first else []
        assert found == [m.span() for m in FIGURE.finditer(text)], text


# the two non-claim patterns as they were before a look-ahead every match satisfies was put in front (nonclaims.py)
_PLAIN_NAMES = (r"\b[A-Za-z]+-\d+[A-Za-z]?\b|(?-i:\b(?!FY(?:(?:19|20)\d\d|\d\d\b))[A-Z]{2,}[A-Z-]*\d+[A-Z\d]*\b"
                r"|\b(?!Q[1-4]\s+(?:of\s+)?(?:19|20)\d\d)[A-Z]\d[A-Z\d]*\b|\b\d+[A-Z]{2,}[A-Z\d]*\b)")
_PLAIN_REFERENCES = (
    r"\b(?:SFR|UIN|HL|HC|questions?|no\.|nos\.|number|sections?|s\.|clauses?|schedules?|paragraphs?|paras?\.?"
    r"|articles?|regulations?|rules?|parts?|chapters?|tables?|figures?|charts?|annex(?:es)?|appendix|pages?|pp\.|p\."
    r"|wave|version|phase|tier|key\s+stage|footnote|ref\.?|reference|item|box|volume|vol\.|issue|release|edition"
    r"|recommendation|conclusion|standard|level|grade|vol|col|(?-i:Year)"
    r"|(?-i:Period|Month|Week|Round|Cohort|Stage|Step))\s+\d[\d./-]*[a-z]?\b"
    r"(?!\s*(?:%|per\s*cent|million|billion|m\b|bn\b))")


@pytest.mark.parametrize("plain, index", [(_PLAIN_NAMES, 1), (_PLAIN_REFERENCES, 4)])
def test_non_claim_look_aheads_change_no_match(plain, index) -> None:
    import random

    from claimcheck.extract import nonclaims

    old, new = re.compile(plain, re.I), nonclaims._GUARDED[index][2]
    texts = list(_cases(old, AROUND))
    rng = random.Random(13)
    words = [w for text in texts[:3000] for w in re.split(r"(\s+)", text)] + ["ſection 5", "Key  Stage 2", "e.g.s. 4"]
    texts += ["".join(rng.choice(words) for _ in range(rng.randrange(1, 12))) for _ in range(20_000)]
    for text in texts:
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text
