"""rate-total: a rate times a duration agrees with a stated total, through Pint.

"£50m a year for three years" against "£150m": the rate (GBP / year) times
the duration (year) is a total (GBP); Pint checks the units meet and converts
("£1m a month for two years" is £24m). The duration is the rule's
`duration`, else a duration stated in the same sentence, else the rate's own
period. Rates and totals meet in the same sentence (`within: sentence`) or
anywhere in the same document (`within: document`); a count's rate and total count the same thing when
both say what ("500 investigations a day" is no rate of "172,290 children"). Intervals are compared: they
must overlap, within `tolerance`.

PASS::

    rule:
      documents: all
      checks:
        - id: rate-times-duration
          kind: rate-total
          severity: error
          message: A yearly figure times its years does not give the total quoted.
    claims:
      - {doc: "010", line: 5, text: "£50m a year", kind: rate, value: 50000000, unit: GBP / year,
         sentence: "We will invest £50m a year for three years, £150m in all."}
      - {doc: "010", line: 5, text: "three years", kind: duration, value: 3, unit: year,
         sentence: "We will invest £50m a year for three years, £150m in all."}
      - {doc: "010", line: 5, text: "£150m", kind: money, value: 150000000, unit: GBP,
         sentence: "We will invest £50m a year for three years, £150m in all."}

FAIL::

    rule:
      documents: all
      checks:
        - id: rate-times-duration
          kind: rate-total
          severity: error
          message: A yearly figure times its years does not give the total quoted.
          within: document
    claims:
      - {doc: "011", line: 5, text: "£50m a year", kind: rate, value: 50000000, unit: GBP / year,
         period_start: 2021-04-01, period_end: 2024-03-31,
         sentence: "£50m a year over the three years to March 2024."}
      - {doc: "011", line: 7, text: "£200m", kind: money, value: 200000000, unit: GBP,
         sentence: "That is £200m in total."}
    fails: ["011:5", "011:7"]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import EVIDENCE_COLUMNS, Finding, Outcome, evidence
from claimcheck.report import numbers
from claimcheck.subjects import noun_key
from claimcheck.units import UnitError

ID = "rate-total"
CONF = {"duration": fields.amount, "within": ("sentence", "document"), "tolerance": fields.tolerance}
DEFAULT = {"within": "sentence", "tolerance": "2%"}
PAIRED = ["row", "unit", "i_low", "i_high", "noun"]  # what a rate and a total each bring to their pair
IN_SENTENCE = ["at_line", "sentence_code"]  # a sentence as two whole numbers: its document and line, its text


def _is_rate(unit) -> bool:
    dim = base.dimension_of(unit)
    return bool(dim) and "[time]" in dim and "/" in dim


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    # masks over the whole table first; rows are copied only for rates and what shares a sentence's line (or,
    # `within: document`, a document) with one
    usable = (claims["value"].notna() & claims["unit"].notna()).to_numpy() & ~claims["change"].to_numpy(dtype=bool)
    is_rate = usable & base.map_distinct(claims["unit"], _is_rate).to_numpy()
    in_years = base.map_distinct(claims["unit"], lambda u: base.same_dimension(u, "year")).to_numpy()
    is_duration = usable & base.equals(claims["kind"], "duration") & in_years
    is_total = usable & ~is_rate & ~is_duration
    if not is_rate.any() or not is_total.any():
        return Outcome.skip(f"{int(is_rate.sum())} rate(s) and {int(is_total.sum())} total(s); "
                            "rate-total needs one of each")
    at_line = base.doc_lines(claims)
    if conf["within"] == "sentence":
        with_rate = base.sharing_marked(at_line, is_rate)
    else:
        with_rate = claims["doc"].isin(claims.loc[is_rate, "doc"].unique()).to_numpy()
    keep = (is_rate | is_duration | is_total) & with_rate
    valued = claims.loc[keep, [c for c in (*EVIDENCE_COLUMNS, "bound", "step") if c in claims.columns]]
    bounds = base.intervals(valued)
    # a sentence as two whole numbers (its document and line, and its text's code): joined far faster
    codes = base.table_sentence_codes(claims)  # the loader's, when it has them: no sentence read
    valued = valued.assign(i_low=bounds["low"], i_high=bounds["high"], row=valued.index, at_line=at_line[keep],
                           sentence_code=base.sentence_codes(valued) if codes is None else codes[keep],
                           noun=base.map_distinct(claims.loc[keep, "counted"], _noun).to_numpy(dtype=object))
    rates, durations, totals = valued[is_rate[keep]], valued[is_duration[keep]], valued[is_total[keep]]
    rates = _with_duration(rates, durations, conf)
    keys = IN_SENTENCE if conf["within"] == "sentence" else ["doc"]
    # only the columns the test and the messages read: a million-claim corpus gives a hundred thousand pairs
    pairs = rates[[*keys, *PAIRED, "d_value", "d_unit", "d_text"]].merge(totals[[*keys, *PAIRED]], on=keys,
                                                                         suffixes=("_r", "_t"))
    # Pint once per distinct (rate, duration, total) unit triple, and a hundred thousand pairs never in a Python loop
    units = ["unit_r", "d_unit", "unit_t"]
    triples = pairs.groupby(units, sort=False, observed=True).ngroup().to_numpy()  # numbered as first seen
    distinct = pairs[units].drop_duplicates().itertuples(index=False, name=None)
    factors = np.array([_to_total(*triple) for triple in distinct], dtype=float)[triples]
    # "500 child protection investigations every day" is not a rate of the "172,290 children subject to
    # enquiries" beside it: a count's rate and total count the same thing, when both say what
    nouns = pairs["noun_r"].to_numpy(dtype=object), pairs["noun_t"].to_numpy(dtype=object)
    same_thing = (nouns[0] == "") | (nouns[1] == "") | (nouns[0] == nouns[1])
    meets = ~np.isnan(factors) & same_thing
    pairs, to_total = pairs[meets], factors[meets]
    if pairs.empty:
        return Outcome.skip(f"no rate with a duration meets a total of matching units in the same {conf['within']}")
    expected_low = pairs["i_low_r"] * pairs["d_value"] * to_total
    expected_high = pairs["i_high_r"] * pairs["d_value"] * to_total
    tol = conf["tolerance"].relative
    disjoint = (expected_low * (1 - tol) > pairs["i_high_t"]) | (expected_high * (1 + tol) < pairs["i_low_t"])
    findings = []
    for k in pairs.index[disjoint]:
        pair = pairs.loc[k]
        rate, total = valued.loc[pair["row_r"]], valued.loc[pair["row_t"]]
        findings.append(
            Finding(
                f"{rate['text']} × {pair['d_text']} ({rate['doc']}:{rate['line']}) is about "
                f"{numbers.span(expected_low[k], expected_high[k], pair['unit_t'])}, not {total['text']} "
                f"({total['doc']}:{total['line']})",
                (evidence(rate, "rate"), evidence(total, "total")),
            )
        )
    used = pd.Index(pairs["row_r"]).append(pd.Index(pairs["row_t"])).unique()
    return Outcome(findings, used, base.count_docs(valued, used))


def _noun(counted) -> str:
    return noun_key(counted) if isinstance(counted, str) else ""


def _to_total(rate_unit: str, duration_unit: str, total_unit: str) -> float:
    """The factor taking rate × duration into the total's unit; NaN when they do not meet."""
    try:
        return base.factor(f"({rate_unit}) * ({duration_unit})", total_unit)
    except UnitError:
        return np.nan


def _with_duration(rates: pd.DataFrame, durations: pd.DataFrame, conf: dict) -> pd.DataFrame:
    """Each rate with its duration: the rule's, else one in its sentence, else its own period; rates without
    any are dropped."""
    if conf.get("duration"):
        return rates.assign(d_value=conf["duration"].value, d_unit=conf["duration"].unit, d_text=conf["duration"].text)
    stated = durations.drop_duplicates(IN_SENTENCE)[[*IN_SENTENCE, "value", "unit", "text"]]
    stated = stated.rename(columns={"value": "d_value", "unit": "d_unit", "text": "d_text"}).astype({"d_unit": object})
    rates = rates.merge(stated, on=IN_SENTENCE, how="left").set_index(rates.index)
    start, end = base.period_bounds(rates)
    days = (end - start).dt.days + 1
    from_period = rates["d_value"].isna() & days.notna()
    rates.loc[from_period, "d_value"] = days[from_period]
    rates.loc[from_period, "d_unit"] = "day"
    rates.loc[from_period, "d_text"] = (
        rates.loc[from_period, "period_start"].astype(str) + ".." + rates.loc[from_period, "period_end"].astype(str)
    )
    return rates[rates["d_value"].notna()]
