"""The bound check: its documented PASS and FAIL examples, and the semantics they rest on."""

from __future__ import annotations

from claimcheck.checks import bound as check_module
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


from claimcheck.checks import bound  # noqa: E402
from claimcheck.checks.fields import amount, tolerance  # noqa: E402
from conftest import make_claims  # noqa: E402


def test_reference_in_money_ignores_counts_and_skips_when_nothing_matches():
    claims = make_claims([{"doc": "d", "line": 1, "text": "50", "kind": "count", "value": 50, "unit": "count"}])
    conf = {"reference": amount("£100 million"), "tolerance": tolerance("5%"), "changes": True, "names": ()}
    assert bound.check(conf, claims, None).skipped
