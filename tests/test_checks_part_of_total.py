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
