"""bound (alias reference): every figure about a subject lies within `min`/`max`, or matches `reference`.

Limits are written with their units ("£100 million", "152 local
authorities"); only figures of a compatible unit are compared (a count is
never held against a sum of money). A figure fails only when its whole
interval (hedge, rounding, the tolerance for approximate figures) lies
outside the limits, or does not meet `reference` plus or minus `tolerance`.
With `period`, figures stated for another period are left out.

PASS::

    rule:
      subject: Children’s Social Care Innovation Programme
      aliases: [Innovation Programme]
      checks:
        - id: innovation-funding-reference
          kind: reference
          severity: error
          message: The Innovation Programme had £100 million for 2014-15 and 2015-16.
          reference: £100 million
          tolerance: 5%
          period: 2014-15 to 2015-16
    claims:
      - {doc: "000", line: 17, text: "£100 million", kind: money, value: 100000000, unit: GBP,
         period_start: 2014-04-01, period_end: 2016-03-31,
         subject: "Children’s Social Care Innovation Programme"}
      - {doc: "002", line: 17, text: "around £100 million", kind: money, value: 100000000, unit: GBP,
         bound: approx, subject: "Children’s Social Care Innovation Programme"}
      - {doc: "000", line: 17, text: "50 projects", kind: count, value: 50, unit: count, counted: projects,
         subject: "Children’s Social Care Innovation Programme"}

FAIL::

    rule:
      documents: all
      checks:
        - id: local-authorities-in-england
          kind: bound
          severity: error
          message: England has at most 153 local authorities.
          counted: local authorities
          max: 153 local authorities
    claims:
      - {doc: "001", line: 21, text: "146 local authorities", kind: count, value: 146, unit: count,
         counted: local authorities}
      - {doc: "009", line: 4, text: "over 160 local authorities", kind: count, value: 160, unit: count,
         bound: min, counted: local authorities}
    fails: ["009:4"]
"""

from __future__ import annotations

import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import Findings, OneClaimFindings, Outcome, template_text

ID = "bound"
CONF = {
    "reference": fields.amount,
    "min": fields.amount,
    "max": fields.amount,
    "tolerance": fields.tolerance,
    "measure": fields.measure,
    "counted": fields.text,
    "period": fields.period,
    "changes": bool,
}
DEFAULT = {"tolerance": "0", "changes": True}


def validate(conf: dict) -> list[str]:
    limits = [conf.get(k) for k in ("reference", "min", "max") if conf.get(k)]
    if not limits:
        return ["kind bound needs 'reference', or 'min' and/or 'max', written with units ('£100 million')"]
    if conf.get("reference") and (conf.get("min") or conf.get("max")):
        return ["give either 'reference' or 'min'/'max', not both"]
    if len({base.dimension_of(a.unit) for a in limits}) > 1:
        return ["'min' and 'max' must be in compatible units"]
    return []


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    limits = [conf[k] for k in ("reference", "min", "max") if conf.get(k)]
    unit = limits[0].unit
    picked = base.select(claims, conf)
    picked = picked[base.map_distinct(picked["unit"], lambda u: base.same_dimension(u, unit))]
    if period := conf.get("period"):
        picked = picked[base.for_period(picked, period)]
    picked = picked[picked["value"].notna()]
    if picked.empty:
        return Outcome.skip(f"no figure in {unit} matched; bound needs at least one")
    mult = base.conversion(picked["unit"], unit)
    bounds = base.intervals(picked, conf["tolerance"])
    low, high = bounds["low"] * mult, bounds["high"] * mult
    if ref := conf.get("reference"):
        tol = conf["tolerance"]
        slack = ref.value * tol.relative + (
            tol.absolute * base.conversion(pd.Series([tol.unit]), unit).iloc[0] if tol.absolute else 0.0
        )
        lo_limit, hi_limit, what = ref.value - slack, ref.value + slack, f"the reference {ref.text}"
    else:
        lo_limit = conf["min"].value if conf.get("min") else -float("inf")
        hi_limit = conf["max"].value if conf.get("max") else float("inf")
        what = " and ".join(f"{k} {conf[k].text}" for k in ("min", "max") if conf.get(k))
    outside = (low > hi_limit) | (high < lo_limit)
    converted = picked[outside].assign(low=low[outside], high=high[outside], unit=unit,
                                       value=picked["value"][outside] * mult[outside])
    # built when read: a limit over a large corpus may be broken by thousands of figures
    findings = OneClaimFindings(converted, "figure", "{e.text} ({e.location}) is outside " + template_text(what))
    return Outcome(Findings([findings]), picked.index, base.count_docs(picked))
