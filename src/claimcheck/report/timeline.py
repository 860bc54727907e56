"""The report's Mermaid timeline of each failing check's figures, and marking compared claims by position."""

from __future__ import annotations

import numpy as np
import pandas as pd

from claimcheck.findings import Verdict, places_named
from claimcheck.report import numbers
from claimcheck.report.escape import mermaid_label


def labelled(index: pd.Index, labels: np.ndarray) -> np.ndarray:
    """`index.isin(labels)`. The claims table's index is its row numbers (0, 1, 2...): the labels are then
    positions, marked straight in (a hash lookup of a million rows took 0.05 s per failing check)."""
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1 and labels.dtype.kind in "iu" \
            and (not len(labels) or (labels.min() >= 0 and labels.max() < len(index))):
        marked = np.zeros(len(index), dtype=bool)
        marked[labels] = True
        return marked
    return index.isin(labels)


TIMELINE_TASKS = 40  # per failing check: a chart stops being readable long before that
TIMELINE_COLUMNS = ("doc", "line", "text", "value", "unit", "period_start", "period_end", "doc_date")


def timeline(problems: list[Verdict], claims: pd.DataFrame) -> list[str]:
    """A Mermaid gantt of each failing check's figures over time (GitHub renders it)."""
    sections = []
    for verdict in problems:
        named = places_named(verdict.findings)
        rows = claims.loc[labelled(claims.index, np.asarray(verdict.claim_index)), list(TIMELINE_COLUMNS)]
        dated = rows[rows["period_start"].notna() | rows["doc_date"].notna()]
        # when there are too many, the disagreeing figures are the ones shown (pairs, not "doc:line" strings:
        # a failing check over a large corpus compares a hundred thousand claims)
        dated = dated.iloc[_disagreeing_first(dated, named)].sort_index()
        tasks = []
        for n, r in enumerate(dated.itertuples()):
            # a claim with no period stands at its document's date; a missing value is NaN (truthy), not None
            start = next((day for day in (r.period_start, r.doc_date) if not numbers.missing(day)), None)
            if start is None:
                continue
            end = start if numbers.missing(r.period_end) or numbers.missing(r.period_start) else r.period_end
            tag = "crit, " if (r.doc, r.line) in named else ""
            label = mermaid_label(f"{numbers.amount(r.value, r.unit) or r.text} {r.doc} line {r.line}")
            tasks.append(f"    {label} :{tag}t{n}, {start}, {_day_after(end)}")
        if tasks:
            sections += [f"    section {mermaid_label(verdict.id)}", *tasks]
    if not sections:
        return []
    return [
        "## Timeline of failing figures",
        "",
        "```mermaid",
        "gantt",
        "    dateFormat YYYY-MM-DD",
        "    title Figures compared by failing checks (red: disagreeing)",
        *sections,
        "```",
        "",
    ]


def _disagreeing_first(dated: pd.DataFrame, named: set[tuple[str, int]]) -> list[int]:
    """Positions of the first `TIMELINE_TASKS` rows placed at a disagreeing figure, then of the first others to
    fill up to that many: the search stops once enough disagreeing rows are found (a failing check over a large
    corpus compares a hundred thousand claims)."""
    hits: list[int] = []
    others: list[int] = []
    places = zip(dated["doc"].tolist(), dated["line"].tolist(), strict=True)
    for at, place in enumerate(places):
        if place in named:
            hits.append(at)
            if len(hits) == TIMELINE_TASKS:
                break
        elif len(others) < TIMELINE_TASKS:
            others.append(at)
    return (hits + others)[:TIMELINE_TASKS]


def _day_after(iso: str) -> str:
    return (pd.Timestamp(iso) + pd.Timedelta(days=1)).date().isoformat()
