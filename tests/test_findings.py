"""Evidence built for many findings at once must be the evidence built one row at a time."""

from __future__ import annotations

from claimcheck.findings import evidence, evidence_of
from conftest import make_claims


def test_evidence_of_a_table_is_evidence_of_each_row():
    claims = make_claims(
        [
            {"doc": "001", "line": 21, "text": "160 local authorities", "kind": "count", "value": 160, "unit": "count",
             "low": 160, "high": 160, "subject_key": "local authorities", "period_start": "2014-04-01",
             "period_end": "2015-03-31", "sentence": "160 local authorities out of 151."},
            {"doc": "002", "line": 3, "text": "£5m", "value": 5e6, "unit": "GBP"},  # no interval, period, subject
            {"doc": "003", "line": 9, "text": "23 May 2022", "kind": "date"},  # no value at all
        ]
    )
    expected = [evidence(row, "part") for _, row in claims.iterrows()]
    assert evidence_of(claims, "part") == expected
    assert evidence_of(claims.drop(columns="subject_key"), "part")[0].subject_key is None
    assert evidence_of(claims.iloc[:0], "part") == []


def test_evidence_of_gives_the_types_evidence_gives():
    """Equal is not enough (160 == 160.0): the JSON report writes what the tuple holds."""
    claims = make_claims([{"doc": "001", "line": 4, "text": "160 councils", "value": 160, "low": 150, "high": 170,
                           "unit": "count", "sentence": "About 160 councils."}])
    claims = claims.astype({"value": "int64", "low": "int64", "high": "int64"})
    expected = evidence(claims.iloc[0], "part")
    (built,) = evidence_of(claims, "part")
    assert [type(field) for field in built] == [type(field) for field in expected]
    assert isinstance(built.value, float) and isinstance(built.line, int)
