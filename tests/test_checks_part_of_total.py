"""The part_of_total check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from datetime import date

from claimcheck.checks import fields, part_of_total
from claimcheck.claims import claims_frame
from claimcheck.extract import extract_text
from conftest import make_claims

SENTENCE = "{part} local authorities out of a total of 151 have benefited from the programme to date."


def _outcome(part_value, part_bound="exact"):
    sentence = SENTENCE.format(part=part_value)
    claims = make_claims(
        [
            {
                "doc": "d",
                "line": 5,
                "text": str(part_value),
                "kind": "count",
                "value": part_value,
                "unit": "count",
                "bound": part_bound,
                "counted": "local authorities",
                "sentence": sentence,
            },
            {
                "doc": "d",
                "line": 5,
                "text": "151",
                "kind": "count",
                "value": 151,
                "unit": "count",
                "counted": "local authorities",
                "total": True,
                "sentence": sentence,
            },
        ]
    )
    return part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None)


def test_a_part_above_the_total_of_its_sentence_fails_unless_its_bound_allows_it():
    assert _outcome(160).findings[0].locations == ["d:5", "d:5"]
    assert not _outcome(146).findings


def test_an_upper_bound_part_does_not_exceed():
    assert not _outcome(160, "max").findings  # "up to 160 out of 151" could still be true


def test_nothing_to_compare_is_skipped():
    claims = make_claims([{"doc": "d", "line": 1, "text": "£5m", "value": 5e6, "unit": "GBP"}])
    assert part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None).skipped


def test_a_total_counts_only_for_parts_of_its_own_sentence():
    claims = make_claims(
        [
            {"doc": "d", "line": 1, "text": "160", "kind": "count", "value": 160, "unit": "count",
             "counted": "local authorities", "sentence": "160 local authorities took part."},
            {"doc": "d", "line": 2, "text": "151", "kind": "count", "value": 151, "unit": "count",
             "counted": "local authorities", "total": True, "sentence": "Out of 151 local authorities."},
        ]
    )
    marks, with_total, sentences = part_of_total.totals_and_sentences(claims)
    assert marks.tolist() == [False, True] and with_total.tolist() == [False, True]
    assert sentences[0] != sentences[1]
    assert not part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None).findings


def test_only_the_lines_of_totals_are_near_one():
    """The prefilter keeps a total's line, a part on it even without a sentence, and nothing else: not the same
    sentence quoted in another document, whose parts could only meet that document's own total."""
    sentence = "146 local authorities out of a total of 151."
    claims = make_claims(
        [
            {"doc": "d", "line": 1, "text": "146", "kind": "count", "value": 146, "unit": "count",
             "counted": "local authorities", "sentence": sentence},
            {"doc": "d", "line": 1, "text": "151", "kind": "count", "value": 151, "unit": "count",
             "counted": "local authorities", "total": True, "sentence": sentence},
            {"doc": "d", "line": 1, "text": "12", "kind": "count", "value": 12, "unit": "count"},
            {"doc": "d", "line": 2, "text": "3", "kind": "count", "value": 3, "unit": "count", "sentence": "3."},
            {"doc": "e", "line": 1, "text": "146", "kind": "count", "value": 146, "unit": "count",
             "counted": "local authorities", "sentence": sentence},
        ]
    )
    near = part_of_total.near_a_total(claims)
    assert list(zip(near["doc"], near["line"], near["text"], strict=True)) == [("d", 1, "146"), ("d", 1, "151"),
                                                                              ("d", 1, "12")]


def findings(text: str) -> list[str]:
    """The check's messages for a sentence as the extractor reads it (dated 5 March 2024)."""
    claims = claims_frame(extract_text(text, date(2024, 3, 5), doc_id="d"))
    outcome = part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None)
    return [finding.message for finding in outcome.findings]


def test_a_part_named_after_including_is_checked_against_its_whole():
    """The extractor marks the whole of "including" and "totals"; the check then compares its sentence's parts."""
    # "£3 billion" may be as little as £2.5bn and "£2 billion" as much: only a part beyond rounding fails
    assert findings("The £2 billion fund includes £4 billion for mental health.") == [
        "£4 billion (d:1) is more than its total £2 billion"]
    assert findings("A £1.5 billion package of support, including £3 billion for the Household Support Fund.")
    assert findings("The funding, including £120 million for schools, totals £100 million.")
    assert not findings("The £2 billion fund includes £300 million for mental health.")


def test_a_comparison_base_in_a_total_sentence_is_not_a_part():
    """Other years' figures are a time series: only figures of the total's period (or none on both) are parts."""
    assert not findings("A total of 3,000 children were adopted in 2022, down from 4,000 in 2021.")
    assert not findings("A total of 3,000 children were adopted in 2022, down from 4,000.")
    # a part after "of which" takes its whole's period, so it is still compared
    assert findings("In 2022-23 there were 2,400 inspections, of which 2,950 were judged good.") == [
        "2,950 (d:1) is more than its total 2,400 inspections"]


def test_a_percentage_of_one_thing_may_pass_100_a_share_of_a_whole_may_not():
    """ "110% of target" compares with one thing; "121% of councils" divides a whole made of parts."""
    claims = claims_frame(extract_text(
        "Recruitment reached 110% of target. Spending was 120% of the budget. 121% of councils overspent.",
        date(2024, 6, 1)))
    outcome = part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None)
    assert [finding.evidence[0].text for finding in outcome.findings] == ["121%"]


def test_a_known_whole_holds_only_where_it_is_the_whole():
    """England's 153 local authorities: a count across England and Wales is about somewhere else."""
    claims = claims_frame(extract_text(
        "The scheme covers 175 local authorities across England and Wales. Another covers 160 local authorities.",
        date(2024, 6, 1)))
    conf = {"sentences": False, "shares": False, "names": (), "counted": "local authorities",
            "total": fields.amount("153 local authorities")}
    flagged = part_of_total.check(conf, claims, None)
    assert [finding.evidence[0].text for finding in flagged.findings] == ["175 local authorities",
                                                                         "160 local authorities"]
    elsewhere = part_of_total.check({**conf, "elsewhere": ("Wales", "Scotland")}, claims, None)
    assert [finding.evidence[0].text for finding in elsewhere.findings] == ["160 local authorities"]


def test_a_place_is_named_only_as_a_word_of_its_own():
    claims = claims_frame(extract_text(
        "The UKHSA counted 175 local authorities. Across the UK, 180 local authorities took part. In Ukraine, 190 "
        "local authorities did. Some 200 local authorities (UK-wide) joined.", date(2024, 6, 1)))
    conf = {"sentences": False, "shares": False, "names": (), "counted": "local authorities",
            "total": fields.amount("153 local authorities"), "elsewhere": ("UK",)}
    found = part_of_total.check(conf, claims, None)
    assert [finding.evidence[0].text for finding in found.findings] == ["175 local authorities",
                                                                       "190 local authorities"]


def test_elsewhere_needs_a_total():
    assert part_of_total.validate({"elsewhere": ("Wales",)}) == [
        "'elsewhere' needs 'total', the whole that does not hold there (total: 153 local authorities)"]


def test_a_bullet_larger_than_the_total_its_list_splits():
    lead = "Today I am announcing £12 million for the scheme. This comprises:"
    claims = make_claims([
        {"doc": "wms", "line": 5, "text": "£12 million", "value": 12e6, "unit": "GBP", "low": 11.5e6, "high": 12.5e6,
         "total": True, "sentence": lead},
        {"doc": "wms", "line": 7, "text": "£45 million", "value": 45e6, "unit": "GBP", "low": 44.5e6, "high": 45.5e6,
         "listed_under": 5, "sentence": "- £45 million for pathfinders"},
        {"doc": "wms", "line": 8, "text": "£5 million", "value": 5e6, "unit": "GBP", "low": 4.5e6, "high": 5.5e6,
         "listed_under": 5, "sentence": "- £5 million for kinship care"},
    ])
    outcome = part_of_total.check({"sentences": True, "shares": True, "names": ()}, claims, None)
    assert [f.message for f in outcome.findings] == ["£45 million (wms:7) is more than its total £12 million"]
