"""part-of-total: a part never exceeds its total; shares stay within 0-100 %.

Three tests, each on by default where it has something to compare:

- `sentences`: in one sentence, a figure marked as the total ("out of a total
  of 151", "of the 151", "146 out of 151") is at least every other figure of
  the same counted noun and unit ("146 local authorities ... a total of 151").
- `total`: no figure of the `counted` noun exceeds a known whole, written with
  units in the rule (`total: 153 local authorities`).
- `shares`: a percentage that is a level, not a change, lies within 0-100 %.

Intervals are honest: "over 160" exceeds 151, "up to 160" does not.

PASS::

    rule:
      documents: all
      checks:
        - id: part-never-exceeds-total
          kind: part-of-total
          severity: error
          message: A part is larger than the total it is part of.
    claims:
      - {doc: "001", line: 21, text: "146 local authorities", kind: count, value: 146, unit: count,
         counted: local authorities,
         sentence: "146 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "001", line: 21, text: "a total of 151", kind: count, value: 151, unit: count,
         counted: local authorities,
         sentence: "146 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "003", line: 18, text: "a total of 69 projects", kind: count, value: 69, unit: count,
         counted: projects, sentence: "enabling a total of 69 projects, creating an additional 350 beds"}
      - {doc: "003", line: 18, text: "an additional 350 beds", kind: count, value: 350, unit: count,
         change: true, counted: beds,
         sentence: "enabling a total of 69 projects, creating an additional 350 beds"}
      - {doc: "004", line: 14, text: "up 3.1%", kind: percent, value: 3.1, unit: percent, change: true}

FAIL::

    rule:
      documents: all
      checks:
        - id: part-never-exceeds-total
          kind: part-of-total
          severity: error
          message: A part is larger than the total it is part of.
          counted: local authorities
          total: 153 local authorities
    claims:
      - {doc: "009", line: 21, text: "160 local authorities", kind: count, value: 160, unit: count,
         counted: local authorities,
         sentence: "160 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "009", line: 21, text: "a total of 151", kind: count, value: 151, unit: count,
         counted: local authorities,
         sentence: "160 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "009", line: 23, text: "121%", kind: percent, value: 121, unit: percent,
         sentence: "121% of councils"}
    fails: ["009:21", "009:23"]
"""

from __future__ import annotations

import re

import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import Finding, Outcome, evidence
from claimcheck.subjects import noun_key, noun_mask

ID = "part-of-total"
CONF = {"sentences": bool, "shares": bool, "counted": fields.text, "total": fields.amount}
DEFAULT = {"sentences": True, "shares": True}

TOTAL_BEFORE = re.compile(r"(?:\bout of|\bof (?:the|all|a total of)|\btotal(?: of)?|\bin total)\s*$", re.I)
TOTAL_IN_TEXT = re.compile(r"\btotal\b", re.I)


def validate(conf: dict) -> list[str]:
    if conf.get("total") and not conf.get("counted"):
        return ["'total' needs 'counted', the noun it is the total of (counted: local authorities)"]
    return []


def is_total(claims: pd.DataFrame) -> pd.Series:
    """Figures the sentence marks as a total: "a total of 151", "out of 151", "of the 151"."""

    if claims.empty:
        return pd.Series(dtype=bool)
    seen: dict[tuple, bool] = {}
    marks = []
    for text, sentence in zip(claims["text"].tolist(), claims["sentence"].tolist(), strict=True):
        key = (text, sentence)
        if key not in seen:
            seen[key] = _marked(str(text), str(sentence or ""))
        marks.append(seen[key])
    return pd.Series(marks, index=claims.index, dtype=bool)


def _marked(text: str, sentence: str) -> bool:
    """The figure `text` reads as a total, or stands in `sentence` (not inside a longer number or word)
    just after "out of", "of the", "a total of"... (found with str.find: no pattern compiled per claim)."""
    if TOTAL_IN_TEXT.search(text):
        return True
    at = sentence.find(text)
    while at != -1:
        before = sentence[at - 1] if at else ""
        if before and (before.isalnum() or before in "_.,"):
            at = sentence.find(text, at + 1)
            continue
        if TOTAL_BEFORE.search(sentence[max(0, at - 25) : at]):
            return True
        at = sentence.find(text, at + max(1, len(text)))
    return False


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    valued = base.canonical(claims)
    findings: list[Finding] = []
    compared: list[pd.Index] = []
    if conf["sentences"]:
        found, used = _sentence_totals(valued)
        findings += found
        compared.append(used)
    if conf.get("total"):
        found, used = _known_total(valued, conf["counted"], conf["total"])
        findings += found
        compared.append(used)
    if conf["shares"]:
        shares = valued[(valued["kind"] == "percent") & ~valued["change"].astype(bool) & (valued["unit"] == "percent")]
        outside = (shares["c_low"] > 100) | (shares["c_high"] < 0)
        findings += [
            Finding(
                f"{row['text']} ({row['doc']}:{row['line']}) is a share outside 0-100%",
                (evidence(row, "share"),),
            )
            for _, row in shares[outside].iterrows()
        ]
        compared.append(shares.index)
    used = pd.Index([]).append(compared).unique() if compared else pd.Index([])
    if used.empty:
        return Outcome.skip(
            f"no part with its total, {'no' if conf.get('total') else 'no rule'} total for "
            f"the counted noun, no share among {len(claims)} claim(s)"
        )
    return Outcome(findings, used, base.count_docs(valued.loc[used]))


def _sentence_totals(valued: pd.DataFrame) -> tuple[list[Finding], pd.Index]:
    """Pairs (part, total) in one sentence, same unit and counted noun; part.low > total.high fails."""
    candidates = valued[~valued["change"].astype(bool) & (valued["kind"] != "percent")]
    if candidates.empty:
        return [], pd.Index([])
    candidates["is_total"] = is_total(candidates)
    candidates["noun"] = base.map_distinct(candidates["counted"], lambda c: noun_key(c) if isinstance(c, str) else "")
    candidates["row"] = candidates.index
    keys = ["doc", "line", "sentence", "c_unit"]
    totals = candidates[candidates["is_total"]]
    parts = candidates[~candidates["is_total"]]
    pairs = parts.merge(totals, on=keys, suffixes=("_part", "_total"))
    # "146 local authorities out of a total of 151": the total may leave its noun unsaid, the part may not
    same_noun = (pairs["noun_part"] == pairs["noun_total"]) | (pairs["noun_total"] == "")
    pairs = pairs[same_noun]
    over = pairs[pairs["c_low_part"] > pairs["c_high_total"]]
    findings = []
    for _, pair in over.iterrows():
        part, total = valued.loc[pair["row_part"]], valued.loc[pair["row_total"]]
        findings.append(
            Finding(
                f"{part['text']} ({part['doc']}:{part['line']}) is more than its total {total['text']}",
                (evidence(part, "part"), evidence(total, "total")),
            )
        )
    used = pd.Index(pairs["row_part"]).append(pd.Index(pairs["row_total"])).unique()
    return findings, used


def _known_total(valued: pd.DataFrame, counted: str, total: fields.Amount) -> tuple[list[Finding], pd.Index]:
    counts = valued[
        noun_mask(valued, counted)
        & base.map_distinct(valued["unit"], lambda u: base.same_dimension(u, total.unit))
        & ~valued["change"].astype(bool)
    ]
    mult = base.conversion(counts["unit"], total.unit)
    over = counts[base.intervals(counts)["low"] * mult > total.value]
    findings = [
        Finding(
            f"{row['text']} ({row['doc']}:{row['line']}) is more than the {total.text} there are",
            (evidence(row, "part"),),
        )
        for row in over.to_dict("records")  # not iterrows: a big corpus may give tens of thousands
    ]
    return findings, counts.index
