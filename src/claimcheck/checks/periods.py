"""periods: the periods claims give a subject are the same, disjoint, or within a stated period.

`expect: same`: every known period is the same date range (one funding round
quoted twice). `expect: disjoint`: periods of different figures never partly
overlap (successive funding rounds); the same range quoted twice is one round.
`expect: within`: every known period lies inside `period`. With `figure`
("£100 million") only claims of that figure are looked at. Claims whose period
could not be resolved are counted but not compared; the finding gives the
overlap or the gap in days.

PASS::

    rule:
      subject: Children’s Social Care Innovation Programme
      aliases: [Innovation Programme]
      checks:
        - id: innovation-first-round-period
          kind: periods
          severity: warning
          message: The Innovation Programme's first round ran in 2014-15 and 2015-16.
          figure: £100 million
          expect: within
          period: 2014-15 to 2015-16
    claims:
      - {doc: "000", line: 17, text: "£100 million", kind: money, value: 100000000, unit: GBP,
         period_start: 2014-04-01, period_end: 2016-03-31,
         subject: "Children’s Social Care Innovation Programme"}
      - {doc: "005", line: 15, text: "£200 million", kind: money, value: 200000000, unit: GBP,
         period_start: 2016-04-01, period_end: 2020-03-31, subject: "Innovation Programme"}

FAIL::

    rule:
      subject: Innovation Programme
      checks:
        - id: innovation-rounds-disjoint
          kind: periods
          severity: error
          message: Successive Innovation Programme rounds do not overlap.
          expect: disjoint
    claims:
      - {doc: "000", line: 17, text: "£100 million", kind: money, value: 100000000, unit: GBP,
         period_start: 2014-04-01, period_end: 2016-03-31, subject: "Innovation Programme"}
      - {doc: "007", line: 5, text: "£200 million", kind: money, value: 200000000, unit: GBP,
         period_start: 2015-04-01, period_end: 2020-03-31, subject: "Innovation Programme"}
    fails: ["000:17", "007:5"]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import Finding, Outcome, evidence, evidence_of

ID = "periods"
CONF = {
    "expect": ("same", "disjoint", "within"),
    "period": fields.period,
    "figure": fields.amount,
    "tolerance": fields.tolerance,
    "measure": fields.measure,
    "counted": fields.text,
    "changes": bool,
    "max_findings": fields.positive_int,
}
DEFAULT = {"expect": "same", "tolerance": "0", "changes": True, "max_findings": 20}


def validate(conf: dict) -> list[str]:
    if conf["expect"] == "within" and not conf.get("period"):
        return ["'expect: within' needs 'period', e.g. period: 2014-15 to 2015-16"]
    return []


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    picked = base.select(claims, conf)
    picked = picked[picked["kind"] != "date"] if not conf.get("measure") else picked
    if figure := conf.get("figure"):  # only the figure the rule is about: "wherever £100 million is quoted"
        picked = picked[base.map_distinct(picked["unit"], lambda u: base.same_dimension(u, figure.unit))]
        bounds = base.intervals(picked, conf["tolerance"])
        mult = base.conversion(picked["unit"], figure.unit)
        picked = picked[(bounds["low"] * mult <= figure.value) & (bounds["high"] * mult >= figure.value)]
    start, end = base.period_bounds(picked)
    known = start.notna() & end.notna()
    dated = picked[known].assign(p_start=start[known], p_end=end[known])
    need = 1 if conf["expect"] == "within" else 2
    if len(dated) < need:
        return Outcome.skip(
            f"{len(dated)} of {len(picked)} claim(s) have a known period; 'expect: {conf['expect']}' needs {need}",
            dated.index,
            base.count_docs(dated),
        )
    if conf["expect"] == "within":
        findings = _outside(dated, conf["period"])
    else:
        findings = _pairs(dated, conf["expect"], conf["max_findings"])
    return Outcome(findings, dated.index, base.count_docs(dated))


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def _span(start: pd.Timestamp, end: pd.Timestamp) -> str:
    return f"{start.date()}..{end.date()}"


def _outside(dated: pd.DataFrame, period: fields.Period) -> list[Finding]:
    """Column by column: a period rule over a large corpus may be broken by thousands of figures."""
    outside = dated[(dated["p_start"] < pd.Timestamp(period.start)) | (dated["p_end"] > pd.Timestamp(period.end))]
    spans = [_span(start, end) for start, end in zip(outside["p_start"], outside["p_end"], strict=True)]
    return [
        Finding(f"{figure.text} ({figure.location}) covers {span}, outside {period.text} "
                f"({period.start}..{period.end})", (figure,))
        for figure, span in zip(evidence_of(outside, "figure"), spans, strict=True)
    ]


def _pairs(dated: pd.DataFrame, expect: str, limit: int) -> list[Finding]:
    """Pairs whose periods differ (same) or partly overlap (disjoint), in order of the first claim, then the
    second, a block of rows at a time (`base.first_pairs`)."""
    s = dated["p_start"].to_numpy()
    e = dated["p_end"].to_numpy()

    def differ(rows: np.ndarray) -> np.ndarray:
        row_start, row_end = s[rows][:, None], e[rows][:, None]
        bad = ~((row_start == s[None, :]) & (row_end == e[None, :]))
        if expect != "same":
            bad &= (row_start <= e[None, :]) & (s[None, :] <= row_end)
        return bad

    found = base.first_pairs(len(dated), differ, limit)
    findings = []
    for i, j in found:
        a, b = dated.iloc[i], dated.iloc[j]
        span_a, span_b = _span(a["p_start"], a["p_end"]), _span(b["p_start"], b["p_end"])
        overlap_days = (min(a["p_end"], b["p_end"]) - max(a["p_start"], b["p_start"])).days + 1
        relation = (f"overlap by {_days(overlap_days)}" if overlap_days > 0
                    else f"leave a gap of {_days(-overlap_days)}" if overlap_days < 0 else "")
        if expect != "same":  # only an overlap is found: it is said once ("overlap: they overlap by" said it twice)
            said = relation
        else:
            said = "are for different periods: " + (f"they {relation}" if relation else
                                                    "one follows the other with no gap")
        findings.append(
            Finding(
                f"{a['text']} ({a['doc']}:{a['line']}, {span_a}) and {b['text']} ({b['doc']}:{b['line']}, "
                f"{span_b}) {said}",
                (evidence(a, "figure"), evidence(b, "figure")),
            )
        )
    return findings
