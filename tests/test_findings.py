"""Evidence built for many findings at once must be the evidence built one row at a time."""

from __future__ import annotations

import pytest

from claimcheck.findings import (
    Finding,
    Findings,
    OneClaimFindings,
    evidence,
    evidence_of,
    places_named,
    several_claims,
    template_text,
)
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


def _eager(claims, role: str, what: str) -> list[Finding]:
    return [Finding(f"{e.text} ({e.location}) is more than {what}", (e,)) for e in evidence_of(claims, role)]


def test_findings_built_when_read_are_the_findings_built_at_once():
    """A lazy part reads as the list it stands for, however it is read: index, slice, loop, and across parts."""
    rows = [{"doc": f"{n:03d}", "line": n % 7, "text": f"{n} councils {{x}}", "value": n, "unit": "count",
             "sentence": f"{n} councils."} for n in range(25)]
    claims = make_claims(rows)
    lazy = OneClaimFindings(claims, "part", "{e.text} ({e.location}) is more than " + template_text("the {153}"))
    lazy.BATCH = 4  # several batches when looped over
    eager = _eager(claims, "part", "the {153}")
    assert list(lazy) == eager and len(lazy) == len(eager)
    assert lazy[3] == eager[3] and lazy[-1] == eager[-1]
    assert lazy[5:9] == eager[5:9] and lazy[::3] == eager[::3] and lazy[30:] == []
    with pytest.raises(IndexError):
        lazy[25]
    first = [Finding("a share outside 0-100%", ())]
    whole = Findings([first, [], lazy, first])
    flat = [*first, *eager, *first]
    assert list(whole) == flat and len(whole) == len(flat) and whole == flat
    for at in (slice(0, 3), slice(1, 26), slice(20, None), slice(None, None, 2), slice(-3, None)):
        assert whole[at] == flat[at]
    assert [whole[n] for n in range(-len(flat), len(flat))] == [flat[n] for n in range(-len(flat), len(flat))]
    assert list(several_claims(whole)) == [*first, *first]  # one-claim parts name no pair
    assert places_named(whole) == {(e.doc, e.line) for f in flat for e in f.evidence if e.line}
