"""Subject names meet across documents whatever their apostrophes, articles and case."""

from __future__ import annotations

import pandas as pd
import pytest

from claimcheck.subjects import normalise_subject, noun_key, noun_mask, subject_mask
from conftest import make_claims


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Children’s Social Care Innovation Programme", "children's social care innovation programme"),
        ("the Innovation Programme", "Innovation Programme"),
        ("sector-led improvement (SLI) programme", "Sector led improvement SLI programme"),
    ],
)
def test_same_subject_same_key(a, b):
    assert normalise_subject(a) == normalise_subject(b)


def test_noun_key_meets_singular_and_plural():
    assert noun_key("Local Authorities") == noun_key("local authority")


def test_subject_mask_matches_whole_words_of_name_or_alias():
    claims = make_claims(
        [
            {"doc": "a", "line": 1, "subject": "The Children’s Social Care Innovation Programme"},
            {"doc": "a", "line": 2, "subject": "Innovation Programmes Board"},
            {"doc": "a", "line": 3, "subject": "Virtual Staff College"},
            {"doc": "a", "line": 4, "subject": None, "subject_key": "innovation programme"},
        ]
    )
    mask = subject_mask(claims, ["Children's Social Care Innovation Programme", "Innovation Programme"])
    assert mask.tolist() == [True, False, False, True]


def test_subject_mask_leaves_out_a_response_to_the_thing():
    """ "The Government's response to the Independent Review" was published in February 2023: its date is not the
    review's (a date-order rule on the review had warned that it came out late)."""
    claims = make_claims([
        {"doc": "a", "line": 1, "subject": "Government's response to the Independent Review of Children's Social Care"},
        {"doc": "a", "line": 2, "subject": "reply to the independent review"},
        {"doc": "a", "line": 3, "subject": "Independent Review of Children's Social Care"},
        {"doc": "a", "line": 4, "subject": "recommendations of the independent review"},
    ])
    assert subject_mask(claims, ["independent review"]).tolist() == [False, False, True, True]


@pytest.mark.parametrize("dtype", ["category", object])
def test_subject_mask_reads_a_categorical_column_as_its_values(dtype):
    """The claims table keeps subjects as categoricals (read through their codes, missing ones as -1): the same
    claims match as in a column of plain strings."""
    subjects = ["Innovation Programme", None, "Virtual Staff College", "the innovation programme", None]
    claims = make_claims([{"doc": "a", "line": i + 1, "subject": s, "subject_key": None}
                          for i, s in enumerate(subjects)])
    claims["subject"] = claims["subject"].astype(dtype)
    claims["subject_key"] = claims["subject_key"].astype(dtype)
    assert subject_mask(claims, ["Innovation Programme"]).tolist() == [True, False, False, True, False]


@pytest.mark.parametrize("counted, counts_local_authorities", [
    ("local authorities", True),
    ("local authority", True),
    ("local authorities judged inadequate", True),  # qualified by a participle
    ("local authorities in England", True),
    ("strongest performing local authorities", True),
    ("local authority children's homes places", False),  # a singular noun before another only qualifies it
    ("local authority maintained schools", False),
    ("local authorities' children's homes", False),
    ("children", False),
])
def test_a_rule_s_counted_noun_is_what_is_counted_not_a_qualifier(counted, counts_local_authorities):
    claims = pd.DataFrame({"counted": [counted]})
    assert bool(noun_mask(claims, "local authorities").iloc[0]) is counts_local_authorities


def test_children_looked_after_count_children():
    claims = pd.DataFrame({"counted": ["children looked after", "children in care", "child protection plans"]})
    assert noun_mask(claims, "children").tolist() == [True, True, False]
