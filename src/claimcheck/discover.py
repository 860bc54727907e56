"""Possible discrepancies found without rules: linked claims whose periods match and whose figures cannot both be true.

Two claims are a possible discrepancy when all of these hold:
- they come from different documents and their subjects link to one entity (see `linking`);
- they measure the same thing: the same kind of unit (money never meets a count, a count never meets a
  percentage), the same counted noun, and both levels or both changes ("an additional £100m" is not a level);
- both state their periods, and the periods overlap by at least half of the shorter one. A figure with no
  stated period cannot be placed in time ("we have invested around £100 million" may be a total so far,
  a year's spend or a whole programme), so discovery leaves it to rules;
- their intervals (hedge, rounding, and the configured tolerance) cannot both hold. Exact figures get
  `revision_tolerance` (official statistics are revised by small amounts), approximate ones
  `approx_tolerance`. For the same period (the longer no more than `max_period_ratio` times the shorter)
  that is any disjoint pair. For a shorter period inside a longer one, the shorter figure is a part of the
  longer one's total: only a part larger than its whole is a discrepancy (money and counts; rates and
  percentages are not additive, so they are compared for the same period only).
Everything else is a time series, a part beside its whole, or a rounding, and is left alone. A pair that a
rule's check already reports (or accepts) is not found again: it was no discovery.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from claimcheck.checks.base import PERIOD_SLACK_DAYS, first_pairs, map_distinct
from claimcheck.findings import STATUS_OF_SEVERITY, Evidence, Finding, Verdict, evidence, several_claims
from claimcheck.linking import Alias, Links
from claimcheck.report.numbers import period
from claimcheck.subjects import noun_key
from claimcheck.units import UnitError, dimensionality

DEFAULTS = {
    "enabled": True,
    "severity": "warning",
    "revision_tolerance": 0.02,
    "approx_tolerance": 0.10,
    "max_period_ratio": 1.25,
    "max_findings": 50,
}
MEASURED = ("money", "count", "percent", "rate", "measure", "duration")
ADDITIVE = ("money", "count", "duration")
# The columns discovery compares claims by; the words quoted in a finding are fetched for its claims alone.
KEYS = ("doc", "line", "kind", "value", "unit", "bound", "low", "high", "change", "subject", "subject_key", "counted",
        "period_start", "period_end")
WORDS = ("text", "sentence")


@dataclass
class Discovery:
    """One possible discrepancy: the entity, the claims side by side, why they were linked, a rule to pin it."""

    entity: str
    name: str
    measure: str
    unit: str
    claims: list[Evidence]
    dates: list[str | None]
    reasons: list[str]
    suggestion: str
    part: int | None = None  # which claim is a part larger than the other's whole, when their periods differ
    finding: Finding = field(init=False)

    def __post_init__(self) -> None:
        if self.part is None:
            said = " and ".join(f"{e.text} ({e.location})" for e in self.claims)
            message = f"{self.name}: {said} cannot both be true for the same period"
        else:
            part, whole = self.claims[self.part], self.claims[1 - self.part]
            message = f"{self.name}: {_placed(part)} is more than {_placed(whole)}, for a longer period overlapping it"
        self.finding = Finding(message, tuple(self.claims))


def _placed(claim: Evidence) -> str:
    return f"{claim.text} ({claim.location}, {period(claim.period_start, claim.period_end)})"


def discover(claims: pd.DataFrame, documents: pd.DataFrame, aliases: list[Alias] | None = None,
             config: dict | None = None, reported: set[frozenset] | None = None) -> list[Discovery]:
    """Possible discrepancies among `claims` (the claims table) from different documents, leaving out the
    pairs in `reported` (`reported_pairs` of the rules' verdicts)."""
    conf = {**DEFAULTS, **(config or {})}
    if not conf["enabled"] or claims.empty:
        return []
    table = _comparable(claims, documents, aliases or [])
    found: list[Discovery] = []
    for group in _groups(table, ["entity", "dimension", "counted_key", "change"]):
        for i, j in _new_pairs(group, claims, conf, conf["max_findings"] - len(found), reported or set()):
            found.append(_discovery(_worded(group.iloc[i], claims), _worded(group.iloc[j], claims), conf))
        if len(found) >= conf["max_findings"]:
            return found
    return found


def _groups(table: pd.DataFrame, keys: list[str]) -> Iterator[pd.DataFrame]:
    """The groups `table.groupby(keys, sort=False)` gives, in its order, leaving out those whose claims all come
    from one document: counted on integer codes first, so that only groups that can hold a pair are copied."""
    number = table.groupby(keys, sort=False).ngroup().to_numpy()
    doc_codes, docs = pd.factorize(table["doc"])
    groups = int(number.max()) + 1 if len(number) else 0
    listed = (number >= 0) & (doc_codes >= 0)  # a missing key leaves a claim out of every group, as groupby does
    distinct = pd.unique(number[listed].astype(np.int64) * max(len(docs), 1) + doc_codes[listed])
    several = np.flatnonzero(np.bincount(distinct // max(len(docs), 1), minlength=groups) >= 2)
    by_group = np.argsort(number, kind="stable")  # each group's rows together, in table order
    starts = np.searchsorted(number[by_group], np.arange(groups + 1))
    for at in several.tolist():
        yield table.iloc[by_group[starts[at] : starts[at + 1]]]


def _new_pairs(group: pd.DataFrame, claims: pd.DataFrame, conf: dict, limit: int, reported: set[frozenset]
               ) -> list[tuple[int, int]]:
    """The first `limit` disjoint pairs of the group that no rule reported. Pairs come in a fixed order, so when
    reported ones took places, twice as many are asked for and the search goes on past those already seen."""
    wanted = max(1, limit)
    pairs = _disjoint_pairs(group, conf, wanted)
    if not reported or not pairs:  # most groups have no disjoint pair: their claims' words are never fetched
        return pairs
    places = list(zip(group["doc"].astype(str).tolist(), group["line"].tolist(),
                      claims.loc[group.index, "text"].astype(str).tolist(), strict=True))
    kept: list[tuple[int, int]] = []
    seen = 0
    while True:
        for i, j in pairs[seen:]:
            if frozenset((places[i], places[j])) not in reported:
                kept.append((i, j))
                if len(kept) >= limit:
                    return kept
        if len(pairs) < wanted:
            return kept
        seen, wanted = len(pairs), wanted * 2
        pairs = _disjoint_pairs(group, conf, wanted)


def reported_pairs(verdicts: list[Verdict]) -> set[frozenset]:
    """Every two claims that one finding of the rules' checks names together (found or accepted), each claim as
    (document, line, words): the pairs discovery need not report again."""
    pairs: set[frozenset] = set()
    for verdict in verdicts:
        for finding in [*several_claims(verdict.findings), *(f for f, _ in verdict.accepted)]:
            places = [(e.doc, e.line, e.text) for e in finding.evidence]
            pairs.update(frozenset((a, b)) for n, a in enumerate(places) for b in places[n + 1:] if a != b)
    return pairs


def as_verdicts(discoveries: list[Discovery], severity: str = "warning") -> list[Verdict]:
    """One verdict per possible discrepancy, shown beside the rules' verdicts (source `discovery`)."""
    verdicts = []
    for found in discoveries:
        verdicts.append(Verdict(
            source="discovery", line=0, id=f"{slug(found.name)}-{found.measure}", kind="discover",
            severity=severity, message=f"Possible discrepancy about {found.name} found without a rule.",
            status=STATUS_OF_SEVERITY[severity], findings=[found.finding], claims=len(found.claims),
            documents=len({e.doc for e in found.claims}), note=_note(found),
            subject=found.name, details=found,
        ))
    return verdicts


def _note(found: Discovery) -> str:
    """What the summary and the console say of one discovery: which figures, then why they were linked. Many
    discoveries can share a subject and a measure, hence an id; their figures tell them apart."""
    said = " and ".join(f"{e.text} ({e.location})" for e in found.claims)
    return f"{said}; linked: {'; '.join(found.reasons)}"


def aliases_from_rules(rules) -> list[Alias]:
    """The names rule files give subjects, so that discovery links them the way the rules do."""
    seen: dict[tuple, Alias] = {}
    for rule in rules:
        if rule.names:
            seen.setdefault((rule.source, rule.names), Alias(rule.names[0], tuple(rule.names[1:]), rule.source))
    return list(seen.values())


def slug(name: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", name.lower()).split()
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > 40:
            break
        text = f"{text}-{word}" if text else word
    return text or "subject"


def _comparable(claims: pd.DataFrame, documents: pd.DataFrame, aliases: list[Alias]) -> pd.DataFrame:
    """The measured claims that link to an entity and state their period, with the keys discovery groups by.
    Units, nouns, documents and dates repeat across a corpus: each is read once per distinct value, and every
    test is a mask (worked out per distinct value, then taken by code) over the measured claims, so that only
    the claims kept are copied, once."""
    measured = np.flatnonzero(claims["kind"].isin(MEASURED).to_numpy() & claims["value"].notna().to_numpy())
    links = Links.of(claims["subject"].iloc[measured], aliases)  # linked over every measured claim: names need them all
    keep = links.linked()
    for column, known in (("unit", _dimension), ("period_start", _day), ("period_end", _day)):
        keep &= map_distinct(claims[column].iloc[measured], lambda v, known=known: known(v) is not None).to_numpy()
    table = claims[list(KEYS)].iloc[measured[keep]]
    table = table.join(links.frame(np.flatnonzero(keep), table.index))
    table["dimension"] = map_distinct(table["unit"], _dimension)
    table["counted_key"] = map_distinct(table["counted"], lambda c: noun_key(c) if isinstance(c, str) else "")
    table["doc_date"] = _document_days(table["doc"], documents)
    table["p_start"] = map_distinct(table["period_start"], _day)
    table["p_end"] = map_distinct(table["period_end"], _day)
    return table


def _document_days(doc: pd.Series, documents: pd.DataFrame) -> pd.Series:
    """Per claim, its document's date as a `date` (None if none or unknown): each distinct date read once, and
    each claim finds its document by position, not by hashing 100k document names a million times."""
    if documents.empty:
        return pd.Series(None, index=doc.index, dtype=object)
    known = documents.drop_duplicates("doc", keep="last")  # as a dict of doc -> date would keep it
    days = np.append(map_distinct(known["date"], _day).to_numpy(dtype=object), None)  # position -1 reads None
    if isinstance(doc.dtype, pd.CategoricalDtype):  # each distinct document looked up once, then taken by code
        at = np.append(pd.Index(known["doc"]).get_indexer(doc.cat.categories), -1)[doc.cat.codes.to_numpy()]
    else:
        at = pd.Index(known["doc"]).get_indexer(doc)
    return pd.Series(days[at], index=doc.index, dtype=object)


def _worded(row: pd.Series, claims: pd.DataFrame) -> pd.Series:
    """A row of the comparable table with its claim's words (`text`, `sentence`) from the claims table: only
    the few claims in a discovery need them, so the million-row copy leaves them out. Read cell by cell
    (`at`): selecting a row of a million-row table took a millisecond."""
    return pd.concat([row, pd.Series({name: claims.at[row.name, name] for name in WORDS}, name=row.name,
                                     dtype=object)])


def _dimension(unit) -> str | None:
    try:
        return dimensionality(unit) if isinstance(unit, str) else None
    except UnitError:
        return None


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return None


def _disjoint_pairs(group: pd.DataFrame, conf: dict, limit: int) -> list[tuple[int, int]]:
    """The first `limit` index pairs (i, j), i < j, of the group that cannot both be true (see the module
    docstring), in order of i then j. A block of rows at a time is compared with the whole group, so that
    memory stays bounded however large the group, and the search ends once `limit` pairs are found."""
    value = group["value"].to_numpy(float)
    bound = group["bound"].to_numpy()
    tolerance = np.where(bound == "approx", conf["approx_tolerance"], conf["revision_tolerance"]) * np.abs(value)
    low = group["low"].fillna(group["value"]).to_numpy(float) - tolerance
    high = group["high"].fillna(group["value"]).to_numpy(float) + tolerance
    start = np.array([day.toordinal() for day in group["p_start"].tolist()], dtype=np.int64)
    end = np.array([day.toordinal() for day in group["p_end"].tolist()], dtype=np.int64)
    columns = {"low": low, "high": high, "start": start, "end": end, "length": end - start + 1,
               "doc": group["doc"].to_numpy(), "additive": group["kind"].isin(ADDITIVE).to_numpy()}
    everyone = np.arange(len(group))
    return first_pairs(len(group), lambda rows: _hits(columns, rows, everyone, conf)
                       | _hits(columns, everyone, rows, conf).T, limit)


def _hits(columns: dict[str, np.ndarray], rows: np.ndarray, others: np.ndarray, conf: dict) -> np.ndarray:
    """hits[a, b]: claim rows[a] cannot be true together with claim others[b], read one way round (a the
    part when the periods differ); the caller takes both ways."""
    def pick(name: str, at: np.ndarray, axis: int) -> np.ndarray:
        values = columns[name][at]
        return values[:, None] if axis == 0 else values[None, :]

    low_i, low_j = pick("low", rows, 0), pick("low", others, 1)
    high_i, high_j = pick("high", rows, 0), pick("high", others, 1)
    length_i, length_j = pick("length", rows, 0), pick("length", others, 1)
    overlap = np.minimum(pick("end", rows, 0), pick("end", others, 1)) - np.maximum(
        pick("start", rows, 0), pick("start", others, 1)) + 1
    shorter = np.minimum(length_i, length_j)
    longer = np.maximum(length_i, length_j)
    meet = overlap * 2 >= shorter
    same_period = longer <= conf["max_period_ratio"] * shorter
    # i is the part (the shorter period, mostly inside j's) and exceeds j's whole
    i_inside_j = (length_i < length_j) & ~same_period
    part_exceeds = i_inside_j & (low_i > high_j) & pick("additive", rows, 0)
    disjoint = (low_i > high_j) | (low_j > high_i)
    return meet & (pick("doc", rows, 0) != pick("doc", others, 1)) & ((same_period & disjoint) | part_exceeds)


def _discovery(first: pd.Series, second: pd.Series, conf: dict) -> Discovery:
    unit = str(first["unit"])
    reasons = sorted({str(first["link_reason"]), str(second["link_reason"])})
    name = max((str(first["entity_name"]), str(second["entity_name"])), key=len)
    measure = {"money": "money", "count": "count", "percent": "percent"}.get(str(first["kind"]), str(first["kind"]))
    claims = [evidence(first, "figure"), evidence(second, "figure")]
    dates = [_iso(first["doc_date"]), _iso(second["doc_date"])]
    lengths = [(claim["p_end"] - claim["p_start"]).days + 1 for claim in (first, second)]
    part = None if max(lengths) <= conf["max_period_ratio"] * min(lengths) else lengths.index(min(lengths))
    return Discovery(str(first["entity"]), name, measure, unit, claims, dates, reasons,
                     suggest_rule(name, measure, first, second, conf), part)


def _iso(day) -> str | None:
    return day.isoformat() if isinstance(day, date) else None


def suggest_rule(name: str, measure: str, first: pd.Series, second: pd.Series, conf: dict) -> str:
    """A rule file that pins the check, ready to copy into rules/: `agree` on what the two claims measure,
    their subjects, and the period when the check's `period` keeps both (it keeps figures for that span, give or
    take a month; a part of another year inside a two-year whole would be left out and the rule skipped)."""
    key = slug(name)
    names = sorted({str(first["subject"]), str(second["subject"])} - {name})
    lines = [f"# rules/{key}.yaml", f"subject: {_yaml_text(name)}"]
    if names:
        lines.append("aliases: [" + ", ".join(_yaml_text(n) for n in names) + "]")
    lines += [
        "checks:",
        f"  - id: {key}-{measure}-agrees",
        "    kind: agree",
        "    severity: error",
        f"    message: {_yaml_text(f'The {measure} figures for {name} disagree between documents.')}",
        f"    measure: {measure}",
        f"    tolerance: {round(conf['approx_tolerance'] * 100)}%",
    ]
    counted = first.get("counted")
    if measure == "count" and isinstance(counted, str) and counted:
        lines.append(f"    counted: {_yaml_text(counted)}")
    spans = [(claim["period_start"], claim["period_end"]) for claim in (first, second)]
    if _one_period(spans):
        lines.append(f"    period: {spans[0][0]} to {spans[0][1]}")
    elif all(isinstance(day, str) for span in spans for day in span):
        lines.append(f"    # no period: {spans[0][0]} to {spans[0][1]} and {spans[1][0]} to {spans[1][1]} differ; "
                     "agree compares figures whose periods overlap")
    return "\n".join(lines)


def _one_period(spans: list[tuple]) -> bool:
    """Whether a rule's `period` set to the first span keeps the figures of every span (`checks.base.for_period`:
    each starts and ends within `PERIOD_SLACK_DAYS` of the period's start and end). Worked out on dates: two
    spans through pandas cost 2.5 ms a discovery."""
    days = [(_day(start), _day(end)) for start, end in spans]
    if any(start is None or end is None for start, end in days):
        return False
    (first, last), slack = days[0], PERIOD_SLACK_DAYS
    return all(abs((start - first).days) <= slack and abs((end - last).days) <= slack for start, end in days)


def _yaml_text(text: str) -> str:
    """A YAML scalar that stays a string whatever the text (quotes, colons, leading dashes)."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
