"""The rate_total check: its documented PASS and FAIL examples, and the semantics they rest on."""

from __future__ import annotations

from claimcheck.checks import rate_total as check_module
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


from claimcheck.checks import rate_total  # noqa: E402
from claimcheck.checks.fields import tolerance  # noqa: E402
from conftest import make_claims  # noqa: E402


def test_pint_converts_a_monthly_rate_over_years():
    sentence = "£1m a month for two years, £24m in all."
    claims = make_claims(
        [
            {
                "doc": "d",
                "line": 2,
                "text": "£1m a month",
                "kind": "rate",
                "value": 1e6,
                "unit": "GBP / month",
                "sentence": sentence,
            },
            {
                "doc": "d",
                "line": 2,
                "text": "two years",
                "kind": "duration",
                "value": 2,
                "unit": "year",
                "sentence": sentence,
            },
            {"doc": "d", "line": 2, "text": "£24m", "value": 24e6, "unit": "GBP", "sentence": sentence},
        ]
    )
    outcome = rate_total.check({"within": "sentence", "tolerance": tolerance("2%"), "names": ()}, claims, None)
    assert not outcome.skipped and not outcome.findings
