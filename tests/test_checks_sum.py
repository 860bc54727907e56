"""sum: the parts a sentence quotes add up to the total quoted with them (beyond the docstring's examples)."""

from __future__ import annotations

from claimcheck.checks import sum as sum_check
from claimcheck.checks.fields import tolerance
from conftest import make_claims


def test_what_the_parts_come_to_is_written_as_the_report_writes_amounts():
    """'£212.8 million ... and a further £120.2 million ..., a total of £353 million' (tests/fixtures/run/sum): the
    parts come to '£332.9m to £333.1m' (it was '332,900,000-333,100,000 GBP')."""
    said = ("The Department spent £212.8 million on the Innovation Programme and a further £120.2 million on "
            "successor schemes, a total of £353 million.")
    claims = make_claims([
        {"doc": "005_spend", "line": 15, "text": "£212.8 million", "value": 212.8e6, "unit": "GBP",
         "low": 212.75e6, "high": 212.85e6, "sentence": said},
        {"doc": "005_spend", "line": 15, "text": "£120.2 million", "value": 120.2e6, "unit": "GBP",
         "low": 120.15e6, "high": 120.25e6, "sentence": said},
        {"doc": "005_spend", "line": 15, "text": "£353 million", "value": 353e6, "unit": "GBP", "total": True,
         "sentence": said},
    ])
    outcome = sum_check.check({"tolerance": tolerance("0%"), "names": ()}, claims, None)
    assert [f.message for f in outcome.findings] == [
        "£212.8 million + £120.2 million (005_spend:15) comes to £332.9m to £333.1m, not £353 million"]
