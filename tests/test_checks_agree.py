"""The agree check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from claimcheck.checks import agree, base
from claimcheck.checks.fields import period, tolerance
from conftest import make_claims

BASE = {
    "measure": "money",
    "tolerance": tolerance("5%"),
    "changes": True,
    "max_findings": 20,
    "names": ("x",),
}


def _check(records, **conf):
    return agree.check({**BASE, **conf}, make_claims(records), None)


def fig(doc, value, bound="exact", unit="GBP", kind="money", **extra):
    return {
        "doc": doc,
        "line": 1,
        "text": f"{value}",
        "kind": kind,
        "value": value,
        "unit": unit,
        "bound": bound,
        **extra,
    }


def test_hedges_are_intervals_over_meets_a_larger_figure():
    assert not _check([fig("a", 680e6, "min"), fig("b", 700e6)]).findings  # "over £680m" vs £700m
    assert _check([fig("a", 20e6, "max"), fig("b", 25e6)]).findings  # "up to £20m" vs £25m


def test_approx_is_widened_by_the_rule_tolerance_only():
    assert not _check([fig("a", 100e6, "approx"), fig("b", 104e6)]).findings
    assert _check([fig("a", 100e6, "exact"), fig("b", 104e6)]).findings


def test_money_never_meets_a_count():
    outcome = _check([fig("a", 100), fig("b", 150, unit="count", kind="count")], measure=None)
    assert not outcome.findings


def test_figures_for_periods_that_do_not_overlap_are_not_compared():
    early = fig("a", 100e6, period_start="2014-04-01", period_end="2016-03-31")
    later = fig("b", 200e6, period_start="2016-04-01", period_end="2020-03-31")
    assert not _check([early, later]).findings
    assert not _check([early, later], period=period("2014-15 to 2015-16")).findings


def test_one_document_alone_is_skipped_not_passed():
    outcome = _check([fig("a", 100e6), fig("a", 150e6)])
    assert outcome.skipped and "different documents" in outcome.skipped


def test_pairs_are_found_block_by_block_in_row_order(monkeypatch):
    # more rows than one block (three rows a block): the disagreeing figures come last, beyond the first block
    monkeypatch.setattr(base, "PAIR_BLOCK_CELLS", 3 * 306)
    records = [fig(f"d{i}", 100e6, line=i) for i in range(300)]
    records += [fig("late1", 300e6), fig("late2", 500e6)]
    found = _check(records).findings
    assert len(found) == 20
    # row order: the first figure above the others is late1 (300m), paired with each £100m in turn
    assert [e.doc for e in found[0].evidence] == ["late1", "d0"]
    assert [e.doc for e in found[19].evidence] == ["late1", "d19"]
    everything = _check(records, max_findings=1000).findings
    assert len(everything) == 2 * 300 + 1  # both above every £100m, and 500m above 300m
