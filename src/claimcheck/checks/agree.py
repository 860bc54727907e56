"""agree: figures about a subject agree across documents.

Every figure is an interval (design.md §2): "over £680m" is [680m, inf),
"up to £20m" is [0, 20m], "£8.4 million" is 8.35m-8.45m, and "around £100m"
is 100m plus or minus the rule's `tolerance`. Two figures disagree only when
their intervals are disjoint. Figures whose periods are known and do not
overlap are a time series, not a contradiction, and are not compared; with
`period`, only figures for that period (or with no stated period) are compared.
Only figures of compatible units meet (money never meets a count).

PASS::

    rule:
      subject: Children’s Social Care Innovation Programme
      aliases: [Innovation Programme]
      checks:
        - id: innovation-funding-agrees
          kind: agree
          severity: error
          message: The Innovation Programme's 2014-16 funding is quoted differently.
          measure: money
          tolerance: 5%
          period: 2014-15 to 2015-16
    claims:
      - {doc: "000", line: 17, text: "an additional £100 million", kind: money, value: 100000000, unit: GBP,
         change: true, period_start: 2014-04-01, period_end: 2016-03-31,
         subject: "The Children’s Social Care Innovation Programme"}
      - {doc: "002", line: 17, text: "around £100 million", kind: money, value: 100000000, unit: GBP,
         bound: approx, subject: "Children's Social Care Innovation Programme"}
      - {doc: "005", line: 3, text: "£200 million", kind: money, value: 200000000, unit: GBP,
         period_start: 2016-04-01, period_end: 2020-03-31, subject: "Innovation Programme"}

FAIL::

    rule:
      subject: Children’s Social Care Innovation Programme
      aliases: [Innovation Programme]
      checks:
        - id: innovation-funding-agrees
          kind: agree
          severity: error
          message: The Innovation Programme's 2014-16 funding is quoted differently.
          measure: money
          tolerance: 5%
    claims:
      - {doc: "000", line: 17, text: "an additional £100 million", kind: money, value: 100000000, unit: GBP,
         period_start: 2014-04-01, period_end: 2016-03-31,
         subject: "Children’s Social Care Innovation Programme"}
      - {doc: "005", line: 9, text: "£150 million", kind: money, value: 150000000, unit: GBP,
         period_start: 2014-04-01, period_end: 2016-03-31, subject: "the Innovation Programme"}
    fails: ["005:9", "000:17"]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import Finding, Outcome, evidence

ID = "agree"
CONF = {
    "measure": fields.measure,
    "unit": fields.unit,
    "counted": fields.text,
    "tolerance": fields.tolerance,
    "period": fields.period,
    "changes": bool,
    "max_findings": fields.positive_int,
}
DEFAULT = {"tolerance": "0", "changes": True, "max_findings": 20}
NEEDS = "at least two figures from different documents"


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    picked = base.select(claims, conf)
    if period := conf.get("period"):
        picked = picked[base.for_period(picked, period)]
    picked = base.canonical(picked, conf["tolerance"])
    if picked["doc"].nunique() < 2:
        return Outcome.skip(
            f"{len(picked)} figure(s) in {base.count_docs(picked)} document(s); agree needs {NEEDS}",
            picked.index,
            base.count_docs(picked),
        )
    findings: list[Finding] = []
    for unit, group in picked.groupby("c_unit"):
        findings.extend(_disjoint_pairs(group, str(unit), conf["max_findings"] - len(findings)))
    return Outcome(findings, picked.index, base.count_docs(picked))


def _disjoint_pairs(group: pd.DataFrame, unit: str, limit: int) -> list[Finding]:
    """The first `limit` pairs (in row order) from different documents whose intervals do not meet.

    Vectorised a block of rows at a time against the whole group (`base.first_pairs`).
    """
    if limit <= 0 or group["doc"].nunique() < 2:
        return []
    low, high = group["c_low"].to_numpy(), group["c_high"].to_numpy()
    docs, _ = pd.factorize(group["doc"])  # integers: a block compares millions of pairs of documents
    first, last = base.period_bounds(group)
    start, end = first.to_numpy(), last.to_numpy()
    unknown = pd.isna(start) | pd.isna(end)

    def above(rows: np.ndarray) -> np.ndarray:  # rows[a] wholly above j, from another document
        # figures for periods that do not overlap are a time series, not a contradiction
        periods_meet = unknown[rows, None] | unknown[None, :] | (
            (start[rows, None] <= end[None, :]) & (start[None, :] <= end[rows, None])
        )
        return (low[rows, None] > high[None, :]) & (docs[rows, None] != docs[None, :]) & periods_meet

    findings = []
    for i, j in base.first_pairs(len(group), above, limit, upper=False):
        hi, lo = group.iloc[i], group.iloc[j]
        findings.append(
            Finding(
                f"{hi['text']!s} ({hi['doc']}:{hi['line']}) and {lo['text']!s} ({lo['doc']}:{lo['line']}) "
                "cannot both be true: their ranges do not overlap",
                (
                    evidence(hi, "figure", hi["c_low"], hi["c_high"], unit, hi["c_value"]),
                    evidence(lo, "figure", lo["c_low"], lo["c_high"], unit, lo["c_value"]),
                ),
            )
        )
    return findings
