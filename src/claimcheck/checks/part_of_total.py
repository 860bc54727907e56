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
from bisect import bisect_right
from itertools import accumulate

import numpy as np
import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import Finding, Outcome, evidence
from claimcheck.subjects import noun_key, noun_mask

ID = "part-of-total"
CONF = {"sentences": bool, "shares": bool, "counted": fields.text, "total": fields.amount}
DEFAULT = {"sentences": True, "shares": True}

TOTAL_BEFORE = re.compile(r"(?:\bout of|\bof (?:the|all|a total of)|\btotal(?: of)?|\bin total)\s*$", re.I)
TOTAL_IN_TEXT = re.compile(r"\btotal\b", re.I)
MARKER_WORDS = ("total", "out of", "of the", "of all")  # in every phrase TOTAL_BEFORE matches, in lower case


def validate(conf: dict) -> list[str]:
    if conf.get("total") and not conf.get("counted"):
        return ["'total' needs 'counted', the noun it is the total of (counted: local authorities)"]
    return []


def is_total(claims: pd.DataFrame) -> pd.Series:
    """Figures the sentence marks as a total: "a total of 151", "out of 151", "of the 151"."""
    if claims.empty:
        return pd.Series(dtype=bool)
    return pd.Series(totals_and_sentences(claims)[0], index=claims.index, dtype=bool)


def totals_and_sentences(claims: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """`is_total` as an array, and whether each claim's sentence holds a total: a part can only meet a
    total in its own sentence, so the checks need not join the other parts at all.

    Read once per distinct text, sentence and (text, sentence) pair, and only where the sentence has a
    marker word at all: a large corpus has a million figures but few sentences that speak of totals."""
    text_codes, texts = pd.factorize(claims["text"].to_numpy(object))
    sentence_codes, sentences = pd.factorize(claims["sentence"].to_numpy(object))
    texts, sentences = [str(t) for t in texts.tolist()], [str(s or "") for s in sentences.tolist()]
    # a missing value (code -1) takes the last, False; every phrase TOTAL_BEFORE matches has a marker word
    marks = np.append(_containing(texts, ("total",)), False)[text_codes]
    marks[marks] = [bool(TOTAL_IN_TEXT.search(texts[code])) for code in text_codes[marks].tolist()]
    marker = np.append(_containing(sentences, MARKER_WORDS), False)[sentence_codes]
    look = np.flatnonzero(marker & ~marks & (text_codes >= 0))
    if len(look):
        size = len(sentences)
        pairs, pair_codes = np.unique(text_codes[look].astype(np.int64) * size + sentence_codes[look],
                                      return_inverse=True)
        read = np.fromiter((_marked(texts[p // size], sentences[p % size]) for p in pairs.tolist()), bool, len(pairs))
        marks[look] = read[pair_codes.reshape(-1)]
    missing = np.flatnonzero((text_codes < 0) | (sentence_codes < 0))  # None and NaN read differently
    for at in missing.tolist():
        text, sentence = claims["text"].iat[at], claims["sentence"].iat[at]
        marks[at] = _marked(str(text), str(sentence or ""))
    # a missing sentence (code -1) meets a missing one, as in a merge
    return marks, np.isin(sentence_codes, np.unique(sentence_codes[marks]))


def _containing(values: list[str], words: tuple[str, ...]) -> np.ndarray:
    """Which values hold one of `words` (lower case) in any case: one lower() and str.find over all the
    values joined, rather than a Python call per value."""
    joined = "\0".join(values)
    lowered = joined.lower()
    if len(lowered) != len(joined):  # a letter whose lower case is longer: offsets would shift
        return np.fromiter((any(w in v.lower() for w in words) for v in values), bool, len(values))
    ends = list(accumulate(len(v) + 1 for v in values))  # one past each value's separator
    found = np.zeros(len(values), bool)
    for word in words:
        at = lowered.find(word)
        while at != -1:
            which = bisect_right(ends, at)
            found[which] = True
            at = lowered.find(word, ends[which])
    return found


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
    findings: list[Finding] = []
    compared: list[pd.Index] = []
    if conf["sentences"] or conf["shares"]:
        # only the columns the tests read (evidence comes from `claims`, for the few claims in findings)
        valued = base.canonical(claims[[column for column in COMPARED if column in claims.columns]])
    if conf["sentences"]:
        found, used = _sentence_totals(valued, claims)
        findings += found
        compared.append(used)
    if conf.get("total"):
        found, used = _known_total(claims, conf["counted"], conf["total"])
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
            for row in evidence_rows(claims.loc[shares.index[outside.to_numpy()]])
        ]
        compared.append(shares.index)
    used = pd.Index([]).append(compared).unique() if compared else pd.Index([])
    if used.empty:
        return Outcome.skip(
            f"no part with its total, {'no' if conf.get('total') else 'no rule'} total for "
            f"the counted noun, no share among {len(claims)} claim(s)"
        )
    return Outcome(findings, used, base.count_docs(claims.loc[used]))


def _sentence_totals(valued: pd.DataFrame, claims: pd.DataFrame) -> tuple[list[Finding], pd.Index]:
    """Pairs (part, total) in one sentence, same unit and counted noun; part.low > total.high fails."""
    keep = ~valued["change"].astype(bool) & (valued["kind"] != "percent")
    candidates = valued.loc[keep, ["doc", "line", "sentence", "c_unit", "text", "counted", "c_low", "c_high"]]
    if candidates.empty:
        return [], pd.Index([])
    marks, with_total = totals_and_sentences(candidates)
    candidates = candidates.assign(row=candidates.index).drop(columns="text")
    totals, parts = with_nouns(candidates[marks]), with_nouns(candidates[~marks & with_total])
    keys = ["doc", "line", "sentence", "c_unit"]
    pairs = parts.merge(totals, on=keys, suffixes=("_part", "_total"))
    # "146 local authorities out of a total of 151": the total may leave its noun unsaid, the part may not
    same_noun = (pairs["noun_part"] == pairs["noun_total"]) | (pairs["noun_total"] == "")
    pairs = pairs[same_noun]
    over = pairs[pairs["c_low_part"] > pairs["c_high_total"]]
    findings = []
    for part, total in zip(evidence_rows(claims.loc[over["row_part"]]), evidence_rows(claims.loc[over["row_total"]]),
                           strict=True):
        findings.append(
            Finding(
                f"{part['text']} ({part['doc']}:{part['line']}) is more than its total {total['text']}",
                (evidence(part, "part"), evidence(total, "total")),
            )
        )
    used = pd.Index(pairs["row_part"]).append(pd.Index(pairs["row_total"])).unique()
    return findings, used


def with_nouns(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with `noun`, the key of their counted noun ("" for none), the way parts meet totals."""
    return claims.assign(noun=base.map_distinct(claims["counted"], lambda c: noun_key(c) if isinstance(c, str) else ""))


def _known_total(claims: pd.DataFrame, counted: str, total: fields.Amount) -> tuple[list[Finding], pd.Index]:
    """Figures of the counted noun over the known whole. No canonical units needed: a figure of the whole's
    dimension (which has a unit, hence a usable one) is converted straight into the whole's unit."""
    counts = claims[
        claims["value"].notna()
        & noun_mask(claims, counted)
        & base.map_distinct(claims["unit"], lambda u: base.same_dimension(u, total.unit))
        & ~claims["change"].astype(bool)
    ]
    mult = base.conversion(counts["unit"], total.unit)
    over = counts[base.intervals(counts)["low"] * mult > total.value]
    findings = [
        Finding(
            f"{row['text']} ({row['doc']}:{row['line']}) is more than the {total.text} there are",
            (evidence(row, "part"),),
        )
        for row in evidence_rows(over)  # not iterrows: a big corpus may give tens of thousands
    ]
    return findings, counts.index


COMPARED = ("doc", "line", "text", "sentence", "kind", "change", "counted", "value", "unit", "bound", "low", "high",
            "step")
EVIDENCE = ("doc", "line", "text", "sentence", "value", "low", "high", "unit", "period_start", "period_end",
            "subject_key")


def evidence_rows(claims: pd.DataFrame) -> list[dict]:
    """The rows as dicts of the columns `evidence` reads (as `to_dict("records")` gives them), built column
    by column: the other columns of a wide table would cost more than the findings."""
    columns = [column for column in EVIDENCE if column in claims.columns]
    rows = zip(*(claims[column].tolist() for column in columns), strict=True)
    return [dict(zip(columns, values, strict=True)) for values in rows]
