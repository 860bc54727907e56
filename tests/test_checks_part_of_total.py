"""The part_of_total check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from claimcheck.checks import part_of_total
from conftest import make_claims

SENTENCE = "{part} local authorities out of a total of 151 have benefited from the programme to date."


def _outcome(part_value, part_bound="exact"):
    sentence = SENTENCE.format(part=part_value)
    claims = make_claims(
        [
            {
                "doc": "d",
                "line": 5,
                "text": str(part_value),
                "kind": "count",
                "value": part_value,
                "unit": "count",
                "bound": part_bound,
                "counted": "local authorities",
                "sentence": sentence,
            },
            {
                "doc": "d",
                "line": 5,
                "text": "151",
                "kind": "count",
                "value": 151,
                "unit": "count",
                "counted": "local authorities",
                "sentence": sentence,
            },
        ]
    )
    return part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None)


def test_total_is_found_from_the_sentence_when_the_span_is_only_the_number():
    assert _outcome(160).findings[0].locations == ["d:5", "d:5"]
    assert not _outcome(146).findings


def test_an_upper_bound_part_does_not_exceed():
    assert not _outcome(160, "max").findings  # "up to 160 out of 151" could still be true


def test_nothing_to_compare_is_skipped():
    claims = make_claims([{"doc": "d", "line": 1, "text": "£5m", "value": 5e6, "unit": "GBP"}])
    assert part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None).skipped


def test_totals_are_read_once_per_distinct_text_and_sentence_but_as_each_claim_alone():
    """is_total works per distinct value; every claim must still read as `_marked` reads it alone."""
    rows = [
        ("151", "146 local authorities OUT OF 151"),
        ("151", "146 local authorities out of 151"),    # the same text in another sentence
        ("151", "2151 of them; 151 more"),              # the figure inside a longer number, then unmarked
        ("a Total of £5m", "It had a Total of £5m."),    # the text itself says total, in any case
        ("totally 5", "totally 5 of all"),               # "totally" is not "total"
        ("5", "5 of all 5"),                             # the second 5 is marked
        ("12", None),                                    # no sentence
        ("12", "of the 12"),
        ("of the", "of the of the"),
    ]
    claims = make_claims([{"doc": "d", "line": i, "text": t, "sentence": s} for i, (t, s) in enumerate(rows)])
    pairs = zip(claims["text"], claims["sentence"], strict=True)
    expected = [part_of_total._marked(str(t), str(s or "")) for t, s in pairs]
    assert part_of_total.is_total(claims).tolist() == expected
    assert expected == [True, True, False, True, False, True, False, True, True]


def test_a_sentence_with_a_longer_lower_case_is_still_searched():
    """"İ" lower-cases to two characters: the joined search falls back to one value at a time."""
    found = part_of_total._containing(["İİİ out", "x", "OUT OF 5", "of the"], part_of_total.MARKER_WORDS)
    assert found.tolist() == [False, False, True, True]
