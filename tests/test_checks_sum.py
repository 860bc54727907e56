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


def _listed(amounts: list[float], total: float, listed: bool = True):
    """A lead-in's total on line 5 ("... This comprises:") and a bullet a line for each amount under it."""
    lead = "Today I am announcing £120 million of further investment in 2024-25."
    rows = [{"doc": "wms", "line": 5, "text": f"£{total:g} million", "value": total * 1e6, "unit": "GBP",
             "low": (total - 0.5) * 1e6, "high": (total + 0.5) * 1e6, "total": True, "sentence": lead}]
    for offset, amount in enumerate(amounts, start=7):
        rows.append({"doc": "wms", "line": offset, "text": f"£{amount:g} million", "value": amount * 1e6,
                     "unit": "GBP", "low": (amount - 0.5) * 1e6, "high": (amount + 0.5) * 1e6,
                     "listed_under": 5 if listed else 0, "sentence": f"- £{amount:g} million for item {offset}"})
    return make_claims(rows)


def test_a_bulleted_list_s_parts_add_up_to_its_lead_in_s_total():
    """"£120 million ... This comprises:" over four bullets that come to £115 million: one finding, the bullets
    as its parts; bullets that do come to the total, or a list under no total, give none."""
    conf = {"tolerance": tolerance("0%"), "names": ()}
    outcome = sum_check.check(conf, _listed([45, 36, 25, 9], 120), None)
    assert [f.message for f in outcome.findings] == [
        "£45 million + £36 million + £25 million + £9 million (wms:5) comes to £113m to £117m, not £120 million"]
    assert [e.location for e in outcome.findings[0].evidence] == ["wms:7", "wms:8", "wms:9", "wms:10", "wms:5"]
    assert sum_check.check(conf, _listed([45, 36, 30, 9], 120), None).findings == []
    assert sum_check.check(conf, _listed([45, 36, 25, 9], 120, listed=False), None).findings == []


def test_parts_a_whole_is_said_to_include_need_not_add_up_to_it():
    """'£200 million over the next two years, including £45 million for ... and £27 million for ...' (a written
    answer, 9 March 2023) names two of the parts: no finding; said as 'a total of', the same figures give one."""
    def claims(said: str):
        return make_claims([
            {"doc": "pq", "line": 19, "text": "£200 million", "value": 200e6, "unit": "GBP", "low": 199.5e6,
             "high": 200.5e6, "total": True, "sentence": said},
            {"doc": "pq", "line": 19, "text": "£45 million", "value": 45e6, "unit": "GBP", "low": 44.5e6,
             "high": 45.5e6, "sentence": said},
            {"doc": "pq", "line": 19, "text": "£27 million", "value": 27e6, "unit": "GBP", "low": 26.5e6,
             "high": 27.5e6, "sentence": said},
        ])
    conf = {"tolerance": tolerance("0%"), "names": ()}
    including = ("The department is investing £200 million over the next two years, including £45 million for the "
                 "Families First for Children Pathfinder and £27 million to boost the number of foster carers.")
    assert sum_check.check(conf, claims(including), None).findings == []
    in_total = ("The department is investing £45 million in the Families First for Children Pathfinder and £27 "
                "million in foster carers, a total of £200 million.")
    assert len(sum_check.check(conf, claims(in_total), None).findings) == 1
