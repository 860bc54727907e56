"""Automatic discovery: possible discrepancies without hand-written rules, flagged where they should be
and quiet where they should not (fixture documents in tests/fixtures/discover/, written from real phrasing)."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from claimcheck.checking import run_rule
from claimcheck.checks.base import documents_frame
from claimcheck.config import ConfigError, load_config
from claimcheck.discover import DEFAULTS, _document_days, aliases_from_rules, as_verdicts, discover
from claimcheck.pipeline import load_corpus
from claimcheck.report.discovery import SECTION, render_discoveries
from claimcheck.rules import load_rules, parse_rules
from conftest import FIXTURES, ROOT, SEEDS, make_claims, make_documents

CASES = FIXTURES / "discover"


def _discover(folder, rules=None, **config):
    corpus = load_corpus([folder])
    documents = documents_frame(d.metadata() for d in corpus.documents)
    aliases = aliases_from_rules(load_rules(rules)) if rules else []
    return discover(corpus.claims, documents, aliases, {**DEFAULTS, **config}), corpus, documents


@pytest.mark.parametrize("case, texts, reason", [
    ("same_round", {"£100 million", "£150 million"}, "short form"),          # one round, two figures
    ("part_exceeds", {"£100 million", "£130 million"}, "same name"),          # a year's spend above the two-year total
    ("acronym", {"£5.7 million", "£9.5 million"}, "acronym"),                 # SLI = sector-led improvement
    ("revision_large", {"80,850", "72,670"}, "same name"),                    # beyond any revision
    ("statistic_of_a_place", {"83,840", "80,480"}, "same name"),              # children looked after in England
    ("statistic_said_two_ways", {"83,840", "80,480 children looked after"}, "short form"),  # "There were 80,480 ..."
    # "141,000 children were living in kinship care in England": the kind of children and the place
    ("statistic_told_with_a_verb", {"141,000 children", "162,000 children"}, "same name"),
])
def test_flagged(case, texts, reason):
    found, _, _ = _discover(CASES / case)
    assert len(found) == 1, [f.finding.message for f in found]
    assert {e.text for e in found[0].claims} == texts
    assert len({e.doc for e in found[0].claims}) == 2
    assert any(reason in r for r in found[0].reasons)


def test_a_part_larger_than_its_whole_is_said_to_be_one():
    """£130 million for 2014-15 against £100 million for 2014-15 and 2015-16 are not figures 'for the same period'
    (as the finding used to say, beside periods a year apart): the year's figure is more than the whole."""
    (found,), _, _ = _discover(CASES / "part_exceeds")
    assert found.finding.message == (
        "Children’s Social Care Innovation Programme: £130 million (b_2016:15, 2014-04-01 .. 2015-03-31) is more "
        "than £100 million (a_2015:15, 2014-04-01 .. 2016-03-31), for a longer period overlapping it")
    (same,), _, _ = _discover(CASES / "same_round")
    assert same.finding.message.endswith("cannot both be true for the same period")
    assert "is more than £100 million (a\\_2015:15, 2014-04-01 .. 2016-03-31)" in render_discoveries([found])


@pytest.mark.parametrize("case", [
    "time_series",          # £29.7m in 2014-15, £73.0m in 2015-16: different periods
    "part_whole",           # £100m for 2014-16 beside £212.8m for 2014-20: a part beside its whole
    "different_subjects",   # Supporting Families £50m, Family Hubs £80m, same year: different things
    "count_percent",        # 19 local authorities and 45% of local authorities: a count is not a percentage
    "revision",             # 80,850 revised to 80,780: a small revision of official statistics
    "places_apart",         # children looked after in a council, in England and in Wales on one day
])
def test_quiet(case):
    found, corpus, _ = _discover(CASES / case)
    assert len(corpus.claims) >= 2  # the documents do make claims; discovery just leaves them alone
    assert found == [], [f.finding.message for f in found]


def test_revision_tolerance_is_configurable():
    found, _, _ = _discover(CASES / "revision", revision_tolerance=0.0)
    assert len(found) == 1


def test_the_five_seeds_have_no_false_alarm():
    found, _, _ = _discover(SEEDS, rules=ROOT / "rules")
    assert found == [], [f.finding.message for f in found]


def test_rule_aliases_link_what_the_corpus_alone_would_not():
    claims = make_claims([
        {"doc": "a", "line": 3, "text": "£20m", "kind": "money", "value": 2e7, "unit": "GBP", "low": 2e7, "high": 2e7,
         "subject": "Partners in Practice", "period_start": "2017-04-01", "period_end": "2018-03-31"},
        {"doc": "b", "line": 9, "text": "£35m", "kind": "money", "value": 3.5e7, "unit": "GBP", "low": 3.5e7,
         "high": 3.5e7, "subject": "PiP", "period_start": "2017-04-01", "period_end": "2018-03-31"},
    ])
    documents = make_documents([{"doc": "a", "date": "2017-10-13"}, {"doc": "b", "date": "2018-01-10"}])
    assert discover(claims, documents) == []
    rules, problems = parse_rules("subject: Partners in Practice\naliases: [PiP]\nchecks:\n"
                                  "  - {id: pip, kind: agree, severity: error, message: m}\n", "rules/pip.yaml")
    assert not problems
    found = discover(claims, documents, aliases_from_rules(rules))
    assert len(found) == 1 and any("rules/pip.yaml" in r for r in found[0].reasons)


def test_switched_off():
    found, _, _ = _discover(CASES / "same_round", enabled=False)
    assert found == []


@pytest.mark.parametrize("case", ["same_round", "part_exceeds", "acronym", "revision_large"])
def test_suggested_rule_is_valid_and_pins_the_check(case):
    """Copied into rules/, the suggestion fails on the very pair it was suggested for. In `part_exceeds` the
    figures' periods differ (£130 million for 2014-15 against £100 million for 2014-15 and 2015-16): a `period`
    naming the first left the second out, and the rule was skipped."""
    found, corpus, documents = _discover(CASES / case)
    suggestion = found[0].suggestion
    rules, problems = parse_rules(suggestion, "rules/suggested.yaml")
    assert not problems and len(rules) == 1
    verdict = run_rule(rules[0], corpus.claims, documents)
    assert verdict.status == "failed", verdict.note
    pair = {e.location for e in found[0].claims}
    assert any({e.location for e in f.evidence} == pair for f in verdict.findings), verdict.findings


def test_suggested_rule_measures_what_was_found():
    """A discrepancy between durations is pinned by a rule on durations, not on money (which matched nothing)."""
    claims = make_claims([
        {"doc": "a", "line": 5, "text": "45 days", "kind": "duration", "value": 45.0, "unit": "day",
         "subject": "Child Protection Taskforce review", "period_start": "2022-04-01", "period_end": "2023-03-31"},
        {"doc": "b", "line": 8, "text": "90 days", "kind": "duration", "value": 90.0, "unit": "day",
         "subject": "Child Protection Taskforce review", "period_start": "2022-04-01", "period_end": "2023-03-31"},
    ])
    documents = make_documents([{"doc": "a", "date": "2023-06-01"}, {"doc": "b", "date": "2023-07-01"}])
    (found,) = discover(claims, documents)
    rules, problems = parse_rules(found.suggestion, "rules/suggested.yaml")
    assert not problems and rules[0].conf["measure"] == "duration"
    assert run_rule(rules[0], claims, documents).status == "failed"


def test_report_section_shows_claims_reasons_and_rule():
    found, _, _ = _discover(CASES / "acronym")
    text = render_discoveries(found)
    assert text.startswith(f"## {SECTION}")
    for needle in ("a_2022:15", "b_2022:15", "2022-01-25", "2022-02-09", "2021-04-01 .. 2022-03-31",
                   "SLI is the acronym", "```yaml", "kind: agree"):
        assert needle in text, needle
    block = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert yaml.safe_load(block)["checks"][0]["kind"] == "agree"
    assert "cannot both be true" not in render_discoveries([])


def test_verdicts_carry_severity():
    found, _, _ = _discover(CASES / "same_round")
    verdict = as_verdicts(found, "warning")[0]
    assert (verdict.source, verdict.kind, verdict.status) == ("discovery", "discover", "warning")
    assert as_verdicts(found, "error")[0].status == "failed"


def test_a_verdict_names_its_figures_so_discoveries_about_one_subject_differ():
    found, _, _ = _discover(CASES / "same_round")
    note = as_verdicts(found)[0].note
    for claim in found[0].claims:
        assert f"{claim.text} ({claim.location})" in note
    assert note.endswith("linked: " + "; ".join(found[0].reasons))


def test_config_file(tmp_path):
    path = tmp_path / "claimcheck.yaml"
    path.write_text("discovery:\n  severity: error\n  revision_tolerance: 5%\n", encoding="utf-8")
    settings = load_config(path)
    assert settings["severity"] == "error" and settings["revision_tolerance"] == pytest.approx(0.05)
    path.write_text("discovery:\n  severity: loud\n  tolerance: 5%\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.problems == [
        f"{path}:2: discovery.severity: expected one of error, warning, info",
        f"{path}:3: unknown setting 'tolerance'; expected one of enabled, severity, revision_tolerance, "
        "approx_tolerance, max_period_ratio, max_findings",
    ]


def _many_figures() -> tuple:
    """Twelve documents giving one programme's spend for one year, a part of it for a quarter, and a
    figure with no period: several pairs disagree, others are a part beside its whole."""
    records = []
    for i in range(12):
        common = {"doc": f"d{i}", "kind": "money", "unit": "GBP", "subject": "Troubled Families Programme"}
        value = 1e8 + 2e7 * (i % 4)
        records += [
            {**common, "line": 1, "text": f"£{value / 1e6:.0f}m", "value": value,
             "period_start": "2015-04-01", "period_end": "2016-03-31"},
            {**common, "line": 2, "text": f"£{30 + 40 * (i % 3)}m", "value": (30 + 40 * (i % 3)) * 1e6,
             "period_start": "2015-04-01", "period_end": "2015-06-30"},
            {**common, "line": 3, "text": "£1m", "value": 1e6},
        ]
    documents = make_documents([{"doc": f"d{i}", "date": "2016-06-01"} for i in range(12)])
    return make_claims(records), documents


def test_pairs_are_the_same_compared_a_block_at_a_time(monkeypatch):
    """Large groups are compared a few rows at a time: the same pairs, in the same order, and the search
    stops at max_findings wherever a block ends."""
    from claimcheck.checks import base

    claims, documents = _many_figures()
    whole = discover(claims, documents, config={"max_findings": 10_000})
    assert len(whole) > 20
    assert any(f.finding.message.startswith("Troubled Families Programme: £110m (d2:2, 2015-04-01 .. 2015-06-30) "
                                            "is more than £100m (d0:1, 2015-04-01 .. 2016-03-31)")
               for f in whole)  # a quarter's £110m exceeds the year's £100m
    for cells in (1, 7, 50):
        monkeypatch.setattr(base, "PAIR_BLOCK_CELLS", cells)
        assert [f.finding for f in discover(claims, documents, config={"max_findings": 10_000})] == [
            f.finding for f in whole]
        assert [f.finding for f in discover(claims, documents, config={"max_findings": 5})] == [
            f.finding for f in whole[:5]]


def test_each_claim_takes_its_documents_date() -> None:
    """By position among the documents: an unknown document or an undated one gives None, and a name given
    twice keeps its last date."""
    documents = documents_frame([
        {"doc": "a", "date": "2024-01-02"}, {"doc": "b", "date": None}, {"doc": "c", "date": "2023-05-06"},
        {"doc": "a", "date": "2024-03-04"},
    ])
    doc = pd.Series(["c", "a", "b", "elsewhere", "c"], index=[10, 11, 12, 13, 14], dtype="category")
    days = _document_days(doc, documents)
    assert days.index.tolist() == [10, 11, 12, 13, 14]
    assert [d.isoformat() if d else None for d in days] == ["2023-05-06", "2024-03-04", None, None, "2023-05-06"]
    assert _document_days(doc, documents_frame([])).isna().all()


def test_pairs_a_rule_reported_are_skipped_and_the_search_goes_on_past_them():
    claims = make_claims([
        {"doc": d, "line": 4, "text": f"£{v}m", "kind": "money", "value": v * 1e6, "unit": "GBP",
         "subject": "Family Hubs programme", "period_start": "2022-04-01", "period_end": "2023-03-31"}
        for d, v in (("a", 100), ("b", 150), ("c", 200))
    ])
    documents = make_documents([{"doc": d, "date": "2023-06-01"} for d in "abc"])
    first = discover(claims, documents, config={"max_findings": 1})
    assert [{e.doc for e in f.claims} for f in first] == [{"a", "b"}]
    reported = {frozenset({("a", 4, "£100m"), ("b", 4, "£150m")})}
    after = discover(claims, documents, config={"max_findings": 1}, reported=reported)
    assert [{e.doc for e in f.claims} for f in after] == [{"a", "c"}]


def test_a_suggested_rule_has_a_period_exactly_when_for_period_keeps_both_spans():
    """`_one_period` works on dates what `for_period` works out through pandas, a month of slack each side."""
    import random
    from datetime import date, timedelta

    from claimcheck.checks.base import for_period
    from claimcheck.checks.fields import Period
    from claimcheck.discover import _one_period

    rng = random.Random(6)
    for _ in range(300):
        start = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
        spans = [(start, start + timedelta(days=rng.randrange(1, 800)))]
        moved = [timedelta(days=rng.randrange(-40, 41)) for _ in range(2)]
        spans.append((spans[0][0] + moved[0], spans[0][1] + moved[1]))
        iso = [(a.isoformat(), b.isoformat()) for a, b in spans]
        period = Period(spans[0][0], spans[0][1], "p")
        expected = bool(for_period(pd.DataFrame(iso, columns=["period_start", "period_end"]), period).all())
        assert _one_period(iso) == expected
    assert not _one_period([("2020-01-01", "2020-12-31"), (None, "2020-12-31")])
