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


def _rate_and_totals() -> list[dict]:
    """£1m a month for two years on line 2; £30m (not £24m) in another sentence of that line, on line 3, and
    in another document."""
    said = "£1m a month for two years."
    rate = {"doc": "d", "line": 2, "text": "£1m a month", "kind": "rate", "value": 1e6, "unit": "GBP / month",
            "sentence": said}
    duration = {"doc": "d", "line": 2, "text": "two years", "kind": "duration", "value": 2, "unit": "year",
                "sentence": said}
    return [
        rate,
        duration,
        {"doc": "d", "line": 2, "text": "£30m", "value": 30e6, "unit": "GBP", "sentence": "It cost £30m."},
        {"doc": "d", "line": 3, "text": "£31m", "value": 31e6, "unit": "GBP", "sentence": "Or £31m."},
        {"doc": "e", "line": 2, "text": "£32m", "value": 32e6, "unit": "GBP", "sentence": said},
    ]


def test_a_rate_meets_only_the_totals_of_its_sentence_or_its_document():
    claims = make_claims(_rate_and_totals())
    in_sentence = rate_total.check({"within": "sentence", "tolerance": tolerance("2%"), "names": ()}, claims, None)
    assert in_sentence.skipped and "same sentence" in in_sentence.skipped
    in_document = rate_total.check({"within": "document", "tolerance": tolerance("2%"), "names": ()}, claims, None)
    totals = sorted(finding.evidence[1].text for finding in in_document.findings)
    assert totals == ["£30m", "£31m"]


def test_each_pair_is_converted_with_its_own_units():
    """Several unit triples in one run, in an order where one that cannot meet comes first: each pair must take
    the factor of its own rate, duration and total (£1m a month for two years is £24m, not £2m or £48m)."""
    def sentence(doc: str, rate: tuple, duration: tuple, total: tuple) -> list[dict]:
        said = f"{rate[0]} for {duration[0]}, {total[0]} in all."
        return [
            {"doc": doc, "line": 1, "text": rate[0], "kind": "rate", "value": rate[1], "unit": rate[2],
             "sentence": said},
            {"doc": doc, "line": 1, "text": duration[0], "kind": "duration", "value": duration[1],
             "unit": duration[2], "sentence": said},
            {"doc": doc, "line": 1, "text": total[0], "value": total[1], "unit": total[2], "sentence": said},
        ]

    claims = make_claims([
        *sentence("a", ("300 a year", 300, "count / year"), ("two years", 2, "year"), ("£600", 600, "GBP")),
        *sentence("b", ("£1m a month", 1e6, "GBP / month"), ("two years", 2, "year"), ("£24m", 24e6, "GBP")),
        *sentence("c", ("£2m a year", 2e6, "GBP / year"), ("six months", 6, "month"), ("£5m", 5e6, "GBP")),
        *sentence("d", ("£1m a month", 1e6, "GBP / month"), ("two years", 2, "year"), ("£30m", 30e6, "GBP")),
    ])
    outcome = rate_total.check({"within": "sentence", "tolerance": tolerance("2%"), "names": ()}, claims, None)
    assert [f.message.split(" is about ")[1] for f in outcome.findings] == [
        "£1m, not £5m (c:1)",  # half a year of £2m a year is £1m, nowhere near £5m (was "1,000,000-1,000,000 GBP")
        "£24m, not £30m (d:1)",
    ]


def test_what_a_rate_comes_to_is_written_as_the_report_writes_amounts():
    """'£50 million a year for three years, £200 million in total': the rounding of £50 million gives a range,
    written '£148.5m to £151.5m' as the side-by-side table writes amounts (it was '148,500,000-151,500,000 GBP')."""
    said = "We are investing £50 million a year for three years, £200 million in total, in the workforce."
    claims = make_claims([
        {"doc": "e", "line": 15, "text": "£50 million a year", "kind": "rate", "value": 5e7, "unit": "GBP / year",
         "low": 4.95e7, "high": 5.05e7, "sentence": said},
        {"doc": "e", "line": 15, "text": "three years", "kind": "duration", "value": 3, "unit": "year",
         "sentence": said},
        {"doc": "e", "line": 15, "text": "£200 million", "value": 2e8, "unit": "GBP", "sentence": said},
    ])
    outcome = rate_total.check({"within": "sentence", "tolerance": tolerance("0%"), "names": ()}, claims, None)
    assert [f.message for f in outcome.findings] == [
        "£50 million a year × three years (e:15) is about £148.5m to £151.5m, not £200 million (e:15)"]


def test_a_count_s_rate_and_total_count_the_same_thing():
    """ "councils were starting 500 child protection investigations every day" beside "172,290 children subject
    to enquiries": the rate and the total count different things, so they are not compared; a total of the same
    investigations is."""
    sentence = "172,290 children were subject to enquiries, and councils started 500 investigations every day."

    def claims(total_counted):
        return make_claims([
            {"doc": "d", "line": 3, "text": "172,290", "kind": "count", "value": 172290, "unit": "count",
             "counted": total_counted, "period_start": "2016-01-01", "period_end": "2016-12-31", "sentence": sentence},
            {"doc": "d", "line": 3, "text": "500", "kind": "rate", "value": 500, "unit": "count / day",
             "counted": "child protection investigations", "period_start": "2016-01-01", "period_end": "2016-12-31",
             "sentence": sentence},
        ])

    conf = {"within": "sentence", "tolerance": tolerance("2%"), "names": ()}
    assert rate_total.check(conf, claims("children subject to enquiries"), None).skipped
    assert rate_total.check(conf, claims("child protection investigation"), None).findings  # 182,500, not 172,290
