"""date-order: dates come in the order time allows.

`expect` picks the test:

- `answered-after-asked`: a written question is not answered before it was
  asked (every document with both dates; no claims needed).
- `past-not-after-document`: an event told in the past tense does not start
  after the date of the document telling it.
- `promise-kept`: a forward-looking date ("will share its final
  recommendations in spring 2022") against a later document's dated event of
  the same subject ("published on 23 May 2022"): the event must not start
  after the promised window ends (late); with `early: fail` it must not end
  before the window starts either. The check's severity says how much late
  matters.

PASS::

    rule:
      subject: Independent Review of Children’s Social Care
      checks:
        - id: review-published-when-promised
          kind: date-order
          severity: warning
          message: The review was published later than ministers said it would be.
          expect: promise-kept
    claims:
      - {doc: "001", line: 27, text: "spring 2022", kind: date, tense: future, doc_date: 2022-01-25,
         period_start: 2022-03-01, period_end: 2022-05-31,
         subject: "Independent Review of Children’s Social Care final recommendations"}
      - {doc: "003", line: 7, text: "23 May 2022", kind: date, doc_date: 2023-12-04,
         period_start: 2022-05-23, period_end: 2022-05-23,
         subject: "independent review of children’s social care"}
    documents:
      - {doc: "001", date: 2022-01-25, asked: 2022-01-17, answered: 2022-01-25}
      - {doc: "003", date: 2023-12-04, asked: 2023-11-20, answered: 2023-12-04}

FAIL::

    rule:
      documents: all
      checks:
        - id: answered-after-asked
          kind: date-order
          severity: error
          message: A question is answered before it was asked.
          expect: answered-after-asked
    claims: []
    documents:
      - {doc: "001", date: 2022-01-25, asked: 2022-01-17, answered: 2022-01-25, asked_line: 3,
         answered_line: 13}
      - {doc: "006", date: 2015-03-01, asked: 2015-03-13, answered: 2015-03-01, asked_line: 3,
         answered_line: 13}
    fails: ["006:13"]
"""

from __future__ import annotations

import pandas as pd

from claimcheck.checks import base
from claimcheck.findings import Evidence, Finding, Outcome, evidence
from claimcheck.subjects import normalise_subject

ID = "date-order"
CONF = {
    "expect": ("answered-after-asked", "past-not-after-document", "promise-kept"),
    "early": ("ok", "fail"),
}
DEFAULT = {"expect": "answered-after-asked", "early": "ok"}


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    if conf["expect"] == "answered-after-asked":
        return _answered_after_asked(documents)
    dates = claims[claims["kind"] == "date"].copy()
    dates["p_start"], dates["p_end"] = base.period_bounds(dates)
    dates["d_date"] = base.as_timestamps(dates["doc_date"])
    dates = dates[dates["p_start"].notna() & dates["p_end"].notna()]
    if conf["expect"] == "past-not-after-document":
        return _past_not_after_document(dates)
    return _promise_kept(dates, early=conf["early"] == "fail", scoped=bool(conf.get("names")))


def _answered_after_asked(documents: pd.DataFrame) -> Outcome:
    both = documents[documents["asked"].notna() & documents["answered"].notna()]
    if both.empty:
        return Outcome.skip(f"none of {len(documents)} document(s) has both an asked and an answered date")
    asked = pd.to_datetime(both["asked"])
    answered = pd.to_datetime(both["answered"])
    early = both[answered < asked]
    findings = []
    for _, doc in early.iterrows():
        days = (pd.Timestamp(doc["asked"]) - pd.Timestamp(doc["answered"])).days
        findings.append(
            Finding(
                f"{doc['doc']} was answered on {doc['answered']}, {days} day(s) before it was asked on {doc['asked']}",
                (  # each date, read from the header, is its own period (a day)
                    Evidence(doc["doc"], _line(doc["answered_line"]), "answered", text=f"answered on {doc['answered']}",
                             period_start=doc["answered"], period_end=doc["answered"]),
                    Evidence(doc["doc"], _line(doc["asked_line"]), "asked", text=f"asked on {doc['asked']}",
                             period_start=doc["asked"], period_end=doc["asked"]),
                ),
            )
        )
    return Outcome(findings, pd.Index([]), len(both))


def _line(value) -> int | None:
    return int(value) if value is not None and not pd.isna(value) else None


def _past_not_after_document(dates: pd.DataFrame) -> Outcome:
    past = dates[(dates["tense"] != "future") & dates["d_date"].notna()]
    if past.empty:
        return Outcome.skip(f"no past-tense date with a dated document among {len(dates)} date(s)")
    late = past[past["p_start"] > past["d_date"]]
    findings = [
        Finding(
            f"{row['text']} ({row['doc']}:{row['line']}) is told as past but starts after the "
            f"document's date {row['doc_date']}",
            (evidence(row, "event"),),
        )
        for _, row in late.iterrows()
    ]
    return Outcome(findings, past.index, base.count_docs(past))


def _promise_kept(dates: pd.DataFrame, early: bool, scoped: bool) -> Outcome:
    promises = dates[(dates["tense"] == "future") & dates["d_date"].notna()]
    events = dates[(dates["tense"] != "future") & dates["d_date"].notna()]
    if promises.empty or events.empty:
        return Outcome.skip(
            f"{len(promises)} forward-looking date(s) and {len(events)} dated event(s); "
            "promise-kept needs one of each, the event in a later document"
        )
    promises, events = promises.assign(row=promises.index), events.assign(row=events.index)
    if scoped:  # the rule's subject already chose the dates: each promise meets each event
        pairs = promises.merge(events, how="cross", suffixes=("_p", "_e"))
    else:  # no rule subject: only dates whose subjects name the same thing meet, never the corpus squared
        pairs = _same_subject_pairs(promises, events)
    pairs = pairs[(pairs["d_date_e"] > pairs["d_date_p"]) & (pairs["doc_p"] != pairs["doc_e"])]
    if pairs.empty:
        return Outcome.skip(
            "no dated event in a document later than the forward-looking date(s)",
            promises.index.append(events.index),
            base.count_docs(dates),
        )
    late = pairs["p_start_e"] > pairs["p_end_p"]
    too_early = (pairs["p_end_e"] < pairs["p_start_p"]) if early else pd.Series(False, index=pairs.index)
    findings = []
    for _, pair in pairs[late | too_early].iterrows():
        promise, event = dates.loc[pair["row_p"]], dates.loc[pair["row_e"]]
        when = "after" if pair["p_start_e"] > pair["p_end_p"] else "before"
        findings.append(
            Finding(
                f"{event['text']} ({event['doc']}:{event['line']}) falls {when} the promised "
                f"{promise['text']} "
                f"({promise['doc']}:{promise['line']}, {promise['period_start']}..{promise['period_end']})",
                (evidence(promise, "promise"), evidence(event, "event")),
            )
        )
    used = pd.Index(pairs["row_p"]).append(pd.Index(pairs["row_e"])).unique()
    return Outcome(findings, used, base.count_docs(dates.loc[used]))


def _same_subject_pairs(promises: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Promise/event pairs whose subject keys are equal or one contains the other ("the review" and "the
    independent review of children's social care"): matched over distinct keys, then joined."""
    promise_key = promises["subject"].map(normalise_subject)
    event_key = events["subject"].map(normalise_subject)
    keys = [(p, e) for p in set(promise_key) if p for e in set(event_key) if e and (p in e or e in p)]
    matched = pd.DataFrame(keys, columns=["key_p", "key_e"])
    return (
        promises.assign(key=promise_key)
        .merge(matched, left_on="key", right_on="key_p")
        .drop(columns="key")
        .merge(events.assign(key=event_key), left_on="key_e", right_on="key", suffixes=("_p", "_e"))
    )
