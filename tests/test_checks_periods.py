"""The periods check: its documented PASS and FAIL examples, and the semantics they rest on."""

from __future__ import annotations

from claimcheck.checks import periods as check_module
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


from claimcheck.checks import periods  # noqa: E402
from conftest import make_claims  # noqa: E402


def test_same_reports_the_gap_in_days():
    claims = make_claims(
        [
            {
                "doc": "a",
                "line": 1,
                "text": "£5m",
                "value": 5e6,
                "unit": "GBP",
                "period_start": "2021-04-01",
                "period_end": "2022-03-31",
            },
            {
                "doc": "b",
                "line": 2,
                "text": "£5m",
                "value": 5e6,
                "unit": "GBP",
                "period_start": "2022-04-02",
                "period_end": "2023-03-31",
            },
        ]
    )
    outcome = periods.check(
        {"expect": "same", "tolerance": None, "changes": True, "max_findings": 5, "names": ()}, claims, None
    )
    assert "gap of 1 days" in outcome.findings[0].message
