"""The bound check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from claimcheck.checks import bound
from claimcheck.checks.fields import amount, tolerance
from conftest import make_claims


def test_reference_in_money_ignores_counts_and_skips_when_nothing_matches():
    claims = make_claims([{"doc": "d", "line": 1, "text": "50", "kind": "count", "value": 50, "unit": "count"}])
    conf = {"reference": amount("£100 million"), "tolerance": tolerance("5%"), "changes": True, "names": ()}
    assert bound.check(conf, claims, None).skipped
