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
Everything else is a time series, a part beside its whole, or a rounding, and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from claimcheck.findings import STATUS_OF_SEVERITY, Evidence, Finding, Verdict, evidence
from claimcheck.linking import Alias, link_subjects
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
    finding: Finding = field(init=False)

    def __post_init__(self) -> None:
        said = " and ".join(f"{e.text} ({e.location})" for e in self.claims)
        self.finding = Finding(f"{self.name}: {said} cannot both be true for the same period", tuple(self.claims))


def discover(claims: pd.DataFrame, documents: pd.DataFrame, aliases: list[Alias] | None = None,
             config: dict | None = None) -> list[Discovery]:
    """Possible discrepancies among `claims` (the claims table) from different documents."""
    conf = {**DEFAULTS, **(config or {})}
    if not conf["enabled"] or claims.empty:
        return []
    table = _comparable(claims, documents, aliases or [])
    found: list[Discovery] = []
    for _, group in table.groupby(["entity", "dimension", "counted_key", "change"], sort=False):
        if group["doc"].nunique() < 2:
            continue
        for i, j in _disjoint_pairs(group, conf):
            found.append(_discovery(group.iloc[i], group.iloc[j], conf))
            if len(found) >= conf["max_findings"]:
                return found
    return found


def as_verdicts(discoveries: list[Discovery], severity: str = "warning") -> list[Verdict]:
    """One verdict per possible discrepancy, shown beside the rules' verdicts (source `discovery`)."""
    verdicts = []
    for found in discoveries:
        verdicts.append(Verdict(
            source="discovery", line=0, id=f"{slug(found.name)}-{found.measure}", kind="discover",
            severity=severity, message=f"Possible discrepancy about {found.name} found without a rule.",
            status=STATUS_OF_SEVERITY[severity], findings=[found.finding], claims=len(found.claims),
            documents=len({e.doc for e in found.claims}), note="linked: " + "; ".join(found.reasons),
            subject=found.name, details=found,
        ))
    return verdicts


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
    table = claims[claims["kind"].isin(MEASURED) & claims["value"].notna()].copy()
    table = table.join(link_subjects(table, aliases))
    table = table[table["entity"].notna()]
    table["dimension"] = table["unit"].map(_dimension)
    table = table[table["dimension"].notna()]
    table["counted_key"] = table["counted"].map(lambda c: noun_key(c) if isinstance(c, str) else "")
    dates = dict(zip(documents["doc"], documents["date"], strict=False)) if not documents.empty else {}
    table["doc_date"] = table["doc"].map(lambda d: _day(dates.get(d)))
    table["p_start"] = table["period_start"].map(_day)
    table["p_end"] = table["period_end"].map(_day)
    return table[table["p_start"].notna() & table["p_end"].notna()]


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


def _disjoint_pairs(group: pd.DataFrame, conf: dict) -> list[tuple[int, int]]:
    """Index pairs (i, j) of the group that cannot both be true (see the module docstring)."""
    value = group["value"].to_numpy(float)
    bound = group["bound"].to_numpy()
    tolerance = np.where(bound == "approx", conf["approx_tolerance"], conf["revision_tolerance"]) * np.abs(value)
    low = group["low"].fillna(group["value"]).to_numpy(float) - tolerance
    high = group["high"].fillna(group["value"]).to_numpy(float) + tolerance
    start = group["p_start"].map(date.toordinal).to_numpy()
    end = group["p_end"].map(date.toordinal).to_numpy()
    docs = group["doc"].to_numpy()
    additive = group["kind"].isin(ADDITIVE).to_numpy()
    length = end - start + 1
    overlap = np.minimum(end[:, None], end[None, :]) - np.maximum(start[:, None], start[None, :]) + 1
    shorter = np.minimum(length[:, None], length[None, :])
    longer = np.maximum(length[:, None], length[None, :])
    meet = overlap * 2 >= shorter
    same_period = longer <= conf["max_period_ratio"] * shorter
    # i is the part (the shorter period, mostly inside j's) and exceeds j's whole
    i_inside_j = (length[:, None] < length[None, :]) & ~same_period
    part_exceeds = i_inside_j & (low[:, None] > high[None, :]) & additive[:, None]
    disjoint = (low[:, None] > high[None, :]) | (low[None, :] > high[:, None])
    hits = meet & (docs[:, None] != docs[None, :]) & ((same_period & disjoint) | part_exceeds)
    hits = hits | hits.T
    pairs = np.nonzero(np.triu(hits, k=1))
    return list(zip(*pairs, strict=True))


def _discovery(first: pd.Series, second: pd.Series, conf: dict) -> Discovery:
    unit = str(first["unit"])
    reasons = sorted({str(first["link_reason"]), str(second["link_reason"])})
    name = max((str(first["entity_name"]), str(second["entity_name"])), key=len)
    measure = {"money": "money", "count": "count", "percent": "percent"}.get(str(first["kind"]), str(first["kind"]))
    claims = [evidence(first, "figure"), evidence(second, "figure")]
    dates = [_iso(first["doc_date"]), _iso(second["doc_date"])]
    return Discovery(str(first["entity"]), name, measure, unit, claims, dates, reasons,
                     suggest_rule(name, measure, first, second, conf))


def _iso(day) -> str | None:
    return day.isoformat() if isinstance(day, date) else None


def suggest_rule(name: str, measure: str, first: pd.Series, second: pd.Series, conf: dict) -> str:
    """A rule file that pins the check, ready to copy into rules/."""
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
        f"    measure: {measure if measure in ('money', 'count', 'percent', 'rate') else 'money'}",
        f"    tolerance: {round(conf['approx_tolerance'] * 100)}%",
    ]
    counted = first.get("counted")
    if measure == "count" and isinstance(counted, str) and counted:
        lines.append(f"    counted: {_yaml_text(counted)}")
    if isinstance(first["period_start"], str) and isinstance(first["period_end"], str):
        lines.append(f"    period: {first['period_start']} to {first['period_end']}")
    return "\n".join(lines)


def _yaml_text(text: str) -> str:
    """A YAML scalar that stays a string whatever the text (quotes, colons, leading dashes)."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
