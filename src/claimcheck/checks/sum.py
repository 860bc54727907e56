"""sum: parts add up to the total stated with them.

In one sentence, two or more figures of the same unit (and counted noun) next
to one the extractor marked as a total (`total`: "a total of", "in total", "out of")
must add up to it: "£212.8 million ... and a further £120.2 million ... a
total of £333 million". So must the bullets of a list under a lead-in that
gives the whole ("£120 million ... This comprises:" over "- £45 million for
...", each `listed_under` the lead-in's line). Each figure's rounding is an interval, so the sum is
an interval too; it fails when it cannot meet the total within `tolerance`.
A lone part against a total is part-of-total's business, not this check's, and so are
parts a sentence says the whole includes ("£200 million ..., including £45 million for
... and £27 million for ..."): they name only some of it.

PASS::

    rule:
      documents: all
      checks:
        - id: parts-add-up
          kind: sum
          severity: error
          message: The parts quoted do not add up to the total quoted.
    claims:
      - {doc: "012", line: 9, text: "£212.8 million", kind: money, value: 212800000, unit: GBP,
         sentence: "It spent £212.8 million and a further £120.2 million, a total of £333 million."}
      - {doc: "012", line: 9, text: "£120.2 million", kind: money, value: 120200000, unit: GBP,
         sentence: "It spent £212.8 million and a further £120.2 million, a total of £333 million."}
      - {doc: "012", line: 9, text: "a total of £333 million", kind: money, value: 333000000, unit: GBP, total: true,
         sentence: "It spent £212.8 million and a further £120.2 million, a total of £333 million."}

FAIL::

    rule:
      documents: all
      checks:
        - id: parts-add-up
          kind: sum
          severity: error
          message: The parts quoted do not add up to the total quoted.
    claims:
      - {doc: "013", line: 4, text: "£212.8 million", kind: money, value: 212800000, unit: GBP,
         sentence: "It spent £212.8 million and a further £120.2 million, a total of £353 million."}
      - {doc: "013", line: 4, text: "£120.2 million", kind: money, value: 120200000, unit: GBP,
         sentence: "It spent £212.8 million and a further £120.2 million, a total of £353 million."}
      - {doc: "013", line: 4, text: "a total of £353 million", kind: money, value: 353000000, unit: GBP, total: true,
         sentence: "It spent £212.8 million and a further £120.2 million, a total of £353 million."}
    fails: ["013:4"]
"""

from __future__ import annotations

import re

import pandas as pd

from claimcheck.checks import base, fields, part_of_total
from claimcheck.checks.part_of_total import canonical_near_a_total, near_a_total, totals_and_sentences, with_nouns
from claimcheck.findings import Finding, Outcome, evidence_of
from claimcheck.report import numbers

ID = "sum"
FAMILY = part_of_total.FAMILY
CONF = {"tolerance": fields.tolerance, "measure": fields.measure}
DEFAULT = {"tolerance": "0"}
KEYS = ["doc", "line", "sentence", "c_unit", "noun"]


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    # only the columns the check reads (evidence comes from `claims`, for the few claims in findings); when the
    # rule picks no measure, the claims beside a total in canonical units are part-of-total's, worked out once
    near = near_a_total(claims)
    picked = base.select(near, conf)
    valued = canonical_near_a_total(claims, near) if len(picked) == len(near) else base.canonical(picked)
    valued = valued[valued["kind"] != "percent"]  # "a further £120.2 million" is still a part
    if valued.empty:
        return Outcome.skip(f"no sentence among {claims['doc'].nunique()} document(s) gives a total with figures "
                            "to add up")
    marks, with_total, sentences = totals_and_sentences(valued)
    # only what the sums and messages need, and only parts whose sentence gives a total: the per-group
    # list below is Python, so keep the groups few
    narrow = valued[["doc", "line", "c_unit", "counted", "c_value", "c_low", "c_high"]].assign(sentence=sentences)
    totals = with_nouns(narrow[marks]).assign(row=lambda f: f.index)
    parts = with_nouns(narrow[~marks & with_total])
    parts = parts.assign(row=parts.index).merge(totals[KEYS].drop_duplicates(), on=KEYS).set_index("row")
    parts = parts[parts.groupby(KEYS, dropna=False)["c_value"].transform("size") >= 2]
    sums = parts.groupby(KEYS, dropna=False).agg(
        n=("c_value", "size"),
        s_low=("c_low", "sum"),
        s_high=("c_high", "sum"),
        rows=("c_value", lambda s: list(s.index)),
    )
    sums = sums[sums["n"] >= 2].reset_index()
    pairs = totals.merge(sums, on=KEYS)
    # "£200 million ..., including £45 million for ... and £27 million for ...": a whole said to include its
    # parts names only some of them, so they need not add up to it (asked only of totals with parts: a
    # regex over every sentence with a total cost 0.45 s at 100k documents)
    pairs = pairs[~base.map_distinct(claims.loc[pairs["row"], "sentence"], _names_some).to_numpy(dtype=bool)]
    if pairs.empty:
        return Outcome.skip(
            f"no sentence among {claims['doc'].nunique()} document(s) gives a total with two or "
            "more parts of the same unit"
        )
    tol = conf["tolerance"].relative
    off = (pairs["s_low"] > pairs["c_high"] * (1 + tol)) | (pairs["s_high"] < pairs["c_low"] * (1 - tol))
    findings = []
    for _, pair in pairs[off].iterrows():
        total = evidence_of(claims.loc[[pair["row"]]], "total")[0]
        items = evidence_of(claims.loc[pair["rows"]], "part")
        findings.append(
            Finding(
                f"{' + '.join(p.text for p in items)} ({total.location}) comes to "
                f"{numbers.span(pair['s_low'], pair['s_high'], pair['c_unit'])}, not {total.text}",
                (*items, total),
            )
        )
    used = pd.Index(pairs["row"]).append(pd.Index([r for rows in pairs["rows"] for r in rows])).unique()
    return Outcome(findings, used, base.count_docs(valued, used))


_SOME_OF = re.compile(r"\b(?:including|includes|included|such\s+as|among\s+(?:them|which|these|others))\b", re.I)


def _names_some(sentence) -> bool:
    """Whether a sentence lists only some of a whole's parts ("including", "such as")."""
    return isinstance(sentence, str) and _SOME_OF.search(sentence) is not None
