"""Subject linking: which claims are about the same thing, and the reason given for each link."""

from __future__ import annotations

import pytest

from claimcheck.linking import Alias, acronyms, is_specific, link_subjects
from claimcheck.subjects import normalise_subject
from conftest import make_claims


def _linked(subjects: list[str], aliases=()) -> dict[str, tuple[str | None, str | None]]:
    claims = make_claims([{"doc": f"d{i}", "line": 1, "subject": s} for i, s in enumerate(subjects)])
    links = link_subjects(claims, aliases)
    pairs = zip(claims.index, subjects, strict=True)
    return {s: (links.loc[i, "entity"], links.loc[i, "link_reason"]) for i, s in pairs}


@pytest.mark.parametrize("first, second, reason_has", [
    ("the Children’s Social Care Innovation Programme", "Children's Social Care Innovation Programme", "same name"),
    ("Children’s Social Care Innovation Programme", "the Innovation Programme", "short form"),
    ("sector-led improvement (SLI) programme", "SLI", "acronym"),
    ("sector-led improvement (SLI) programme", "SLI programme", "acronym"),
    ("Regional Care Co-operatives (RCCs)", "RCCs", "acronym"),
])
def test_linked_with_a_reason(first, second, reason_has):
    linked = _linked([first, second])
    assert linked[first][0] is not None and linked[first][0] == linked[second][0]
    assert reason_has in linked[second][1]


@pytest.mark.parametrize("first, second", [
    ("Supporting Families programme", "Family Hubs programme"),       # shared words are not a shared subject
    ("SLI partners", "sector-led improvement (SLI) programme"),        # the partners are not the programme
    ("Virtual Staff College", "Frontline"),
])
def test_not_linked(first, second):
    linked = _linked([first, second])
    assert linked[first][0] != linked[second][0]


@pytest.mark.parametrize("subject", ["programme", "the programme", "funding", "our investment", "", None])
def test_generic_subjects_never_link(subject):
    assert _linked([subject, subject])[subject][0] is None


def test_rule_aliases_link_and_say_where():
    alias = Alias("Partners in Practice", ("PiP",), "rules/partners_in_practice.yaml")
    linked = _linked(["Partners in Practice programme", "PiP"], [alias])
    assert linked["PiP"][0] == linked["Partners in Practice programme"][0] == normalise_subject("Partners in Practice")
    assert "rules/partners_in_practice.yaml" in linked["PiP"][1]


def test_short_form_of_two_longer_names_stays_apart():
    linked = _linked(["Families First for Children programme", "National Tutoring Programme", "Tutoring Programme"])
    assert linked["Tutoring Programme"][0] == normalise_subject("National Tutoring Programme")
    linked = _linked(["National Tutoring Programme", "School-led Tutoring Programme", "Tutoring Programme"])
    assert linked["Tutoring Programme"][0] == normalise_subject("Tutoring Programme")


def test_acronym_table_and_specificity():
    assert acronyms(["sector-led improvement (SLI) programme", "Regional Care Co-operatives (RCCs)"]) == {
        "sli": "sector led improvement sli programme", "rcc": "regional care co operatives rccs"}
    assert is_specific("virtual staff college", "Virtual Staff College")
    assert is_specific("interventions programme", "interventions programme")
    assert not is_specific("programme", "programme")
    assert not is_specific("capital funding", "capital funding")
    # a statistic of a named place, not the same statistic of an unnamed one (a council's or the country's)
    assert is_specific("number of children looked after in england", "number of children looked after in England")
    assert not is_specific("number of children looked after", "number of children looked after")
    assert not is_specific("spending in england", "spending in England")
    assert not is_specific("councils in england", "councils in England")  # who spent, overspent or lacked a sum


def test_repeated_subjects_link_as_each_claim_would():
    """Linking works once per distinct subject: the longest spelling first written names the entity, every
    claim of a subject gets its link, and claims with no subject get none."""
    subjects = ["the Innovation Programme", "Children’s Social Care Innovation Programme", None,
                "the Children’s Social Care Innovation Programme", "Children’s Social Care Innovation Programme",
                "the Innovation Programme", "programme"] * 3
    claims = make_claims([{"doc": f"d{i}", "line": 1, "subject": s} for i, s in enumerate(subjects)])
    links = link_subjects(claims, [])
    long_key = normalise_subject("Children’s Social Care Innovation Programme")
    expected = [None if s in (None, "programme") else long_key for s in subjects]
    assert [e if isinstance(e, str) else None for e in links["entity"]] == expected
    assert set(links["entity_name"].dropna()) == {"the Children’s Social Care Innovation Programme"}
    assert links.loc[1, "link_reason"] == "the same name written 2 ways"
    assert "short form" in links.loc[0, "link_reason"]
    assert list(links.index) == list(claims.index)


def test_no_claims_no_links():
    links = link_subjects(make_claims([{"doc": "d", "line": 1, "subject": "SLI"}]).iloc[:0])
    assert list(links.columns) == ["entity", "entity_name", "link_reason"] and links.empty
