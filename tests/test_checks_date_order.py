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


def _date(doc, line, text, start, end, doc_date, subject, tense="past"):
    return {"doc": doc, "line": line, "text": text, "kind": "date", "tense": tense, "period_start": start,
            "period_end": end, "doc_date": doc_date, "subject": subject}


def test_promise_kept_without_a_rule_subject_pairs_dates_only_by_subject():
    """Unscoped, a promise meets only events whose subject names the same thing (equal, or one key inside
    the other), never every event of the corpus."""
    claims = make_claims(
        [
            _date("a", 3, "spring 2022", "2022-03-01", "2022-05-31", "2022-01-25",
                  "Independent Review of Children’s Social Care final report", tense="future"),
            _date("b", 7, "23 June 2022", "2022-06-23", "2022-06-23", "2023-12-04",
                  "independent review of children’s social care final report"),  # late, same subject
            _date("c", 9, "1 July 2022", "2022-07-01", "2022-07-01", "2023-12-04",
                  "the Independent Review of Children’s Social Care final report"),  # late, same subject
            _date("d", 5, "1 August 2022", "2022-08-01", "2022-08-01", "2023-12-04",
                  "Schools White Paper"),  # late, but another subject
            _date("e", 2, "1 April 2022", "2022-04-01", "2022-04-01", "2023-12-04",
                  "final report"),  # in the window; its key is inside the promise's key
        ]
    )
    outcome = date_order.check({"expect": "promise-kept", "early": "ok", "names": ()}, claims, None)
    assert sorted(f.locations[1] for f in outcome.findings) == ["b:7", "c:9"]
    assert "d:5" not in {loc for f in outcome.findings for loc in f.locations}


def test_an_answer_dated_before_its_question_gives_each_date_as_its_period():
    """The dates are stated (in the header): the report's period row read 'not stated' for both."""
    documents = make_documents([{"doc": "q", "asked": "2016-06-10", "answered": "2016-06-01", "asked_line": 5,
                                 "answered_line": 11}])
    outcome = date_order.check({"expect": "answered-after-asked", "early": "ok", "names": ()}, make_claims([]),
                               documents)
    (finding,) = outcome.findings
    assert [(e.location, e.role, e.period_start, e.period_end) for e in finding.evidence] == [
        ("q:11", "answered", "2016-06-01", "2016-06-01"), ("q:5", "asked", "2016-06-10", "2016-06-10")]
