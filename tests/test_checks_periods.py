"""The periods check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from claimcheck.checks import periods
from conftest import make_claims


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
