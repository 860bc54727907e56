"""The rate_total check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from claimcheck.checks import rate_total
from claimcheck.checks.fields import tolerance
from conftest import make_claims


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
