"""The part_of_total check: its documented PASS and FAIL examples, and the semantics they rest on."""

from __future__ import annotations

from claimcheck.checks import part_of_total as check_module
from conftest import run_example


def test_documented_pass_example_passes():
    for verdict, _ in run_example(check_module, "PASS"):
        assert verdict.status == "passed", (verdict.note, [f.message for f in verdict.findings])
        assert verdict.claims or verdict.documents  # a pass is evidence: something was compared


def test_documented_fail_example_fails_and_names_the_planted_places():
    for verdict, expected in run_example(check_module, "FAIL"):
        assert verdict.status == "failed", verdict.note
        named = {place for finding in verdict.findings for place in finding.locations}
        assert set(expected) <= named, (expected, named)


from claimcheck.checks import part_of_total  # noqa: E402
from conftest import make_claims  # noqa: E402

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
