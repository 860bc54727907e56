"""The periods check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

import pytest

from claimcheck.checks import base, periods
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
    assert "gap of 1 day" in outcome.findings[0].message


def _rounds(count: int) -> list[dict]:
    """Funding rounds of one to three financial years starting in different years: many overlap, some repeat."""
    return [
        {"doc": f"d{i}", "line": 1, "text": f"£{i}m", "value": i * 1e6, "unit": "GBP",
         "period_start": f"{2010 + i % 7}-04-01", "period_end": f"{2011 + i % 7 + i % 3}-03-31"}
        for i in range(count)
    ]


@pytest.mark.parametrize("expect", ["same", "disjoint"])
@pytest.mark.parametrize("cells", [1, 50, 1 << 22])
def test_pairs_are_found_block_by_block_in_order_up_to_the_limit(monkeypatch, expect, cells):
    """However small the blocks (one row at a time, a few rows, the whole group), the same first pairs in the
    same order as comparing every pair by hand."""
    records = _rounds(40)
    expected = []
    for i, a in enumerate(records):
        for b in records[i + 1:]:
            identical = (a["period_start"], a["period_end"]) == (b["period_start"], b["period_end"])
            overlap = a["period_start"] <= b["period_end"] and b["period_start"] <= a["period_end"]
            if not identical and (expect == "same" or overlap):
                expected.append([f"{a['doc']}:1", f"{b['doc']}:1"])
    monkeypatch.setattr(base, "PAIR_BLOCK_CELLS", cells)
    conf = {"expect": expect, "tolerance": None, "changes": True, "max_findings": 25, "names": ()}
    outcome = periods.check(conf, make_claims(records), None)
    assert len(expected) > 25
    assert [f.locations for f in outcome.findings] == expected[:25]


def _pair(second_start: str, second_end: str) -> object:
    return make_claims([
        {"doc": "a", "line": 1, "text": "£100 million", "value": 1e8, "unit": "GBP",
         "period_start": "2014-04-01", "period_end": "2016-03-31"},
        {"doc": "b", "line": 2, "text": "£200 million", "value": 2e8, "unit": "GBP",
         "period_start": second_start, "period_end": second_end},
    ])


@pytest.mark.parametrize(("expect", "second", "said"), [
    # 'overlap: they overlap by 366 days' said it twice
    ("disjoint", ("2015-04-01", "2020-03-31"), "overlap by 366 days"),
    # successive financial years leave no gap: it read 'they leave a gap of 0 days'
    ("same", ("2016-04-01", "2020-03-31"), "are for different periods: one follows the other with no gap"),
    ("same", ("2016-04-02", "2020-03-31"), "are for different periods: they leave a gap of 1 day"),
    ("same", ("2015-04-01", "2020-03-31"), "are for different periods: they overlap by 366 days"),
])
def test_how_two_periods_meet_is_said_once_and_plainly(expect, second, said):
    outcome = periods.check(
        {"expect": expect, "tolerance": None, "changes": True, "max_findings": 5, "names": ()}, _pair(*second), None)
    (finding,) = outcome.findings
    assert finding.message == (f"£100 million (a:1, 2014-04-01..2016-03-31) and £200 million (b:2, {second[0]}.."
                               f"{second[1]}) {said}")
