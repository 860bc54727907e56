"""part-of-total: a part never exceeds its total; shares stay within 0-100 %.

Three tests, each on by default where it has something to compare:

- `sentences`: in one sentence, a figure the extractor marked as the total
  (`total`: "out of a total of 151", "of the 151", "146 out of 151") is at
  least every other figure of the same counted noun, unit and period ("146
  local authorities ... a total of 151"; "a total of 3,000 in 2022, down from
  4,000 in 2021" compares two years, not a part with its whole). A bulleted list
  under a lead-in that gives the whole ("£120 million ... This comprises:") is
  read as that lead-in's sentence: each bullet's figure is `listed_under` it.
- `total`: no figure of the `counted` noun exceeds a known whole, written with
  units in the rule (`total: 153 local authorities`). A whole holds in one place: a figure
  whose sentence names a place listed in `elsewhere` ("175 local authorities across England
  and Wales") is about somewhere else, and is not compared with it.
- `shares`: a percentage that is a level, not a change, lies within 0-100 %; not one of a single thing,
  which compares rather than divides ("110% of target", "120% of the budget").

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
         counted: local authorities, total: true,
         sentence: "146 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "003", line: 18, text: "a total of 69 projects", kind: count, value: 69, unit: count,
         counted: projects, total: true, sentence: "enabling a total of 69 projects, creating an additional 350 beds"}
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
          elsewhere: [Wales, Scotland]
    claims:
      - {doc: "009", line: 21, text: "160 local authorities", kind: count, value: 160, unit: count,
         counted: local authorities,
         sentence: "160 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "009", line: 21, text: "a total of 151", kind: count, value: 151, unit: count,
         counted: local authorities, total: true,
         sentence: "160 local authorities out of a total of 151 have benefited from the programme to date."}
      - {doc: "009", line: 23, text: "121%", kind: percent, value: 121, unit: percent,
         sentence: "121% of councils"}
      - {doc: "009", line: 25, text: "175 local authorities", kind: count, value: 175, unit: count,
         counted: local authorities, sentence: "The scheme covers 175 local authorities across England and Wales."}
    fails: ["009:21", "009:23"]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from claimcheck.checks import base, fields
from claimcheck.findings import Finding, Findings, OneClaimFindings, Outcome, evidence_of, template_text
from claimcheck.guards import words_at
from claimcheck.subjects import noun_key, noun_mask

ID = "part-of-total"
FAMILY = "beside a total"  # with sum: both read the claims beside a total (`near_a_total`), worked out once a lane
CONF = {"sentences": bool, "shares": bool, "counted": fields.text, "total": fields.amount, "elsewhere": fields.texts}
DEFAULT = {"sentences": True, "shares": True}


def validate(conf: dict) -> list[str]:
    if conf.get("total") and not conf.get("counted"):
        return ["'total' needs 'counted', the noun it is the total of (counted: local authorities)"]
    if conf.get("elsewhere") and not conf.get("total"):
        return ["'elsewhere' needs 'total', the whole that does not hold there (total: 153 local authorities)"]
    return []


def totals_and_sentences(claims: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which claims the extractor marked as a total (`total`), whether each claim's sentence holds one (a part
    can only meet a total in its own sentence, so the checks need not join the other parts at all), and each
    claim's sentence as a code: joins and groups on whole numbers, not on the sentences' text."""
    marks = claims["total"].to_numpy(dtype=bool)
    sentences = base.sentence_codes(claims)
    return marks, base.sharing_marked(sentences, marks), sentences


def near_a_total(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims on a line that holds a total, only the columns the checks compare, with each one's sentence
    code (`base.SENTENCE_CODE`): the few a part-and-total test needs out of a million, found before any unit is
    converted. Parts meet totals in their own sentence, so their own line: lines are whole numbers, compared far
    faster than sentences. Worked out once a run for part-of-total and sum (`base.shared`)."""
    return base.shared(claims, "near_a_total", lambda: _near_a_total(claims))


def _near_a_total(claims: pd.DataFrame) -> pd.DataFrame:
    lines = claims["line"].to_numpy(dtype=np.int64)
    listed = claims["listed_under"].to_numpy(dtype=np.int64) if "listed_under" in claims.columns else None
    if listed is not None and listed.any():
        lines = np.where(listed > 0, listed, lines)  # a bullet's figure stands in the line of the total it splits
    places = base.doc_lines(claims, lines)
    near = base.sharing_marked(places, claims["total"].to_numpy(dtype=bool))
    picked = _compared_columns(claims.loc[near])
    codes = base.table_sentence_codes(claims)
    sentences = base.sentence_codes(picked) if codes is None else codes[near]
    if listed is not None and listed[near].any():
        # ... and in the total's sentence: the list and its lead-in are read as one sentence
        sentences = _in_the_totals_sentence(places[near], sentences, picked["total"].to_numpy(dtype=bool),
                                            listed[near] > 0)
        picked = picked.assign(line=lines[near])
    return picked.assign(**{base.SENTENCE_CODE: sentences})


def _in_the_totals_sentence(places: np.ndarray, sentences: np.ndarray, totals: np.ndarray,
                            listed: np.ndarray) -> np.ndarray:
    """The sentence codes, a listed part's being its total's (the first total's of its lead-in's line)."""
    first = pd.Series(sentences[totals], index=places[totals])
    first = first[~first.index.duplicated()]
    found = first.reindex(places[listed]).to_numpy()
    sentences = sentences.copy()
    sentences[listed] = np.where(pd.isna(found), sentences[listed], found).astype(np.int64)
    return sentences


def canonical_near_a_total(claims: pd.DataFrame, near: pd.DataFrame) -> pd.DataFrame:
    """`base.canonical(near)` for `near = near_a_total(claims)`, worked out once a run for part-of-total and sum."""
    return base.shared(claims, "canonical near a total", lambda: base.canonical(near))


def check(conf: dict, claims: pd.DataFrame, documents: pd.DataFrame) -> Outcome:
    findings: list[Sequence[Finding]] = []  # each test's findings, in turn
    compared: list[pd.Index] = []
    if conf["sentences"]:
        found, used = _sentence_totals(canonical_near_a_total(claims, near_a_total(claims)), claims)
        findings.append(found)
        compared.append(used)
    if conf.get("total"):
        found, used = _known_total(claims, conf["counted"], conf["total"], conf.get("elsewhere", ()))
        findings.append(found)
        compared.append(used)
    if conf["shares"]:
        levels = base.equals(claims["kind"], "percent") & ~claims["change"].to_numpy(dtype=bool)
        percents = claims.loc[levels & base.equals(claims["unit"], "percent"),
                              [name for name in (*COMPARED, "subject") if name in claims.columns]]
        percents = percents[~base.map_distinct(percents["subject"], _of_one_thing)]
        shares = base.canonical(_compared_columns(percents))
        outside = (shares["c_low"] > 100) | (shares["c_high"] < 0)
        findings.append([
            Finding(f"{share.text} ({share.location}) is a share outside 0-100%", (share,))
            for share in evidence_of(claims.loc[shares.index[outside.to_numpy()]], "share")
        ])
        compared.append(shares.index)
    # (pd.unique, then a sort: NumPy 2's np.unique hashed 240k row numbers in 0.1 s)
    used = pd.Index(np.sort(pd.unique(np.concatenate([index.to_numpy(dtype=np.int64) for index in compared])))) \
        if compared else pd.Index([])
    if used.empty:
        return Outcome.skip(
            f"no part with its total, {'no' if conf.get('total') else 'no rule'} total for "
            f"the counted noun, no share among {len(claims)} claim(s)"
        )
    return Outcome(Findings(findings), used, base.count_docs(claims, used))


_ONE_THING = frozenset("target budget level average allocation plan forecast capacity baseline estimate benchmark "
                       "threshold limit cap figure total amount requirement need demand".split())


def _of_one_thing(subject) -> bool:
    """Whether a percentage is of one thing ("110% of target", "120% of the budget"): a comparison, which may
    exceed 100%, not a share of a whole made of parts ("121% of councils")."""
    return isinstance(subject, str) and bool(subject.split()) and subject.split()[-1].lower() in _ONE_THING


def _sentence_totals(valued: pd.DataFrame, claims: pd.DataFrame) -> tuple[list[Finding], pd.Index]:
    """Pairs (part, total) in one sentence, same unit and counted noun; part.low > total.high fails."""
    keep = ~valued["change"].astype(bool) & (valued["kind"] != "percent")
    candidates = valued.loc[keep, ["doc", "line", "sentence", "c_unit", "total", "counted", "c_low", "c_high",
                                   "period_start", "period_end", base.SENTENCE_CODE]]
    if candidates.empty:
        return [], pd.Index([])
    marks, with_total, sentences = totals_and_sentences(candidates)
    candidates = candidates.assign(row=candidates.index, sentence=sentences).drop(columns=["total", base.SENTENCE_CODE])
    totals, parts = with_nouns(candidates[marks]), with_nouns(candidates[~marks & with_total])
    keys = ["doc", "line", "sentence", "c_unit"]
    pairs = parts.merge(totals, on=keys, suffixes=("_part", "_total"))
    # "146 local authorities out of a total of 151": the total may leave its noun unsaid, the part may not
    same_noun = (pairs["noun_part"] == pairs["noun_total"]) | (pairs["noun_total"] == "")
    # a part covers its total's time: "a total of 3,000 children were adopted in 2022, down from 4,000" compares
    # another year's figure (a comparison base takes no period, or its own), not a part
    same_time = (_when(pairs, "start_part") == _when(pairs, "start_total")) \
        & (_when(pairs, "end_part") == _when(pairs, "end_total"))
    pairs = pairs[same_noun & same_time]
    over = pairs[pairs["c_low_part"] > pairs["c_high_total"]]
    findings = [
        Finding(f"{part.text} ({part.location}) is more than its total {total.text}", (part, total))
        for part, total in zip(evidence_of(claims.loc[over["row_part"]], "part"),
                               evidence_of(claims.loc[over["row_total"]], "total"), strict=True)
    ]
    used = pd.Index(pairs["row_part"]).append(pd.Index(pairs["row_total"])).unique()
    return findings, used


def _when(pairs: pd.DataFrame, column: str) -> np.ndarray:
    """A period column of the pairs as plain strings, "" for none, so that two missing periods are equal."""
    return pairs[f"period_{column}"].astype(object).fillna("").astype(str).to_numpy()


def _compared_columns(claims: pd.DataFrame) -> pd.DataFrame:
    """Only the columns the tests read: evidence comes from the whole table, for the few claims in findings."""
    return claims[[column for column in COMPARED if column in claims.columns]]


def with_nouns(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with `noun`, the key of their counted noun ("" for none), the way parts meet totals."""
    return claims.assign(noun=base.map_distinct(claims["counted"], lambda c: noun_key(c) if isinstance(c, str) else ""))


def _known_total(claims: pd.DataFrame, counted: str, total: fields.Amount,
                 elsewhere: Sequence[str]) -> tuple[OneClaimFindings, pd.Index]:
    """Figures of the counted noun over the known whole. No canonical units needed: a figure of the whole's
    dimension (which has a unit, hence a usable one) is converted straight into the whole's unit."""
    wanted = (claims["value"].notna()
              & noun_mask(claims, counted)
              & base.map_distinct(claims["unit"], lambda u: base.same_dimension(u, total.unit))
              & ~claims["change"].astype(bool)).to_numpy(copy=True)
    if elsewhere and wanted.any():
        wanted[wanted] = ~_naming(claims, np.flatnonzero(wanted), elsewhere)
    counts = claims[wanted]
    mult = base.conversion(counts["unit"], total.unit)
    over = counts[base.intervals(counts)["low"] * mult > total.value]
    # built when read: a big corpus may give a hundred thousand, of which the report shows 500
    found = OneClaimFindings(over, "part", "{e.text} ({e.location}) is more than the "
                             + template_text(total.text) + " there are")
    return found, counts.index


def _naming(claims: pd.DataFrame, rows: np.ndarray, places: Sequence[str]) -> np.ndarray:
    """Whether the sentence of each of `rows` (positions in `claims`) names one of `places`. Each distinct sentence
    is read once, all of them in one text, searched for each place as a word (`guards.words_at`, on `str.find`,
    C's fast search for a fixed string): at 100k documents the figures of one noun stand in a hundred thousand
    sentences, 12 MB, which a search per sentence took 0.3 s over and one regular expression 0.17 s."""
    codes = base.table_sentence_codes(claims)
    codes = codes[rows] if codes is not None else base.sentence_codes(claims.iloc[rows])
    _, first, which = np.unique(codes, return_index=True, return_inverse=True)
    sentences = [s if isinstance(s, str) else "" for s in claims["sentence"].iloc[rows[first]].tolist()]
    ends = np.cumsum([len(s) + 1 for s in sentences])  # each sentence and the separator after it
    joined = "\x00".join(sentences)
    # a place as a word: "UK", not the "UK" of "UKHSA" or "Ukraine" (but "UK-wide" names the UK)
    starts = [start for place in places for start in words_at(joined, place, str.isalnum)]
    found = np.zeros(len(sentences), dtype=bool)
    found[np.searchsorted(ends, np.asarray(starts, dtype=np.int64), side="right")] = True
    return found[which]



COMPARED = ("doc", "line", "text", "sentence", "kind", "change", "total", "listed_under", "counted", "value", "unit",
            "bound", "low", "high", "step", "period_start", "period_end")

