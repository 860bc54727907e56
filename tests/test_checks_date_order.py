"""The date_order check: its documented PASS and FAIL examples, and the semantics they rest on."""

from __future__ import annotations

from claimcheck.checks import date_order as check_module
from conftest import run_example


def test_documented_pass_example_passes():
    for verdict, _ in run_example(check_module, "PASS"):
        assert verdict.status == "passed", (verdict.note, [f.message for f in verdict.findings])
        assert verdict.claims or verdict.documents  # a pass is evidence: something was compared


def test_documented_fail_example_fails_and_names_the_planted_places():
    for verdict, expected in run_example(check_module, "FAIL"):
        assert verdict.status == "failed", verdict.note
        named = {place for finding in verdict.findings for place in finding.locations}
        assert set(expected) <= named, (expected, named)


from claimcheck.checks import date_order  # noqa: E402
from conftest import make_claims, make_documents  # noqa: E402


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
