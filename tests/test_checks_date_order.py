"""The date_order check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations

from claimcheck.checks import date_order
from conftest import make_claims, make_documents


def test_past_event_after_the_document_is_caught_but_a_future_one_is_not():
    claims = make_claims(
        [
            {
                "doc": "d",
                "line": 4,
                "text": "23 May 2024",
                "kind": "date",
                "period_start": "2024-05-23",
                "period_end": "2024-05-23",
                "doc_date": "2023-12-04",
            },
            {
                "doc": "d",
                "line": 6,
                "text": "Spring 2024",
                "kind": "date",
                "tense": "future",
                "period_start": "2024-03-01",
                "period_end": "2024-05-31",
                "doc_date": "2023-12-04",
            },
        ]
    )
    outcome = date_order.check({"expect": "past-not-after-document", "early": "ok", "names": ()}, claims, None)
    assert [f.locations for f in outcome.findings] == [["d:4"]]


def test_documents_without_both_dates_are_skipped():
    documents = make_documents([{"doc": "news", "date": "2017-10-13"}])
    outcome = date_order.check(
        {"expect": "answered-after-asked", "early": "ok", "names": ()}, make_claims([]), documents
    )
    assert outcome.skipped
