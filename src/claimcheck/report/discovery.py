"""Markdown for what claimcheck found by itself: possible discrepancies, and what the corpus says per subject."""

from __future__ import annotations

import pandas as pd

from claimcheck.discover import Discovery
from claimcheck.report.escape import code, escape_md, mermaid_label
from claimcheck.report.markdown import table
from claimcheck.report.numbers import amount, interval, period

SECTION = "Possible discrepancies found without rules"


def render_discoveries(discoveries: list[Discovery]) -> str:
    """The report section: each possible discrepancy side by side, why the claims were linked, the rule to pin it."""
    lines = [f"## {SECTION}", ""]
    if not discoveries:
        lines += ["Claims about the same subject from different documents agree wherever their periods meet, "
                  "apart from any the checks above report.", ""]
        return "\n".join(lines)
    lines += [
        f"{len(discoveries)} pair(s) of claims about the same subject and overlapping periods cannot both be true "
        "(the same period, or a part larger than its whole). "
        "No rule reports these pairs: each is a lead to check, not a verdict.",
        "",
    ]
    for number, found in enumerate(discoveries, 1):
        lines += [f"### {number}. {escape_md(found.name)} ({found.measure})", "", escape_md(found.finding.message), ""]
        headers = [f"{e.location}" for e in found.claims]
        rows = [
            ["document date", *[escape_md(d or "not stated") for d in found.dates]],
            ["says", *[f"“{escape_md(e.text)}”" for e in found.claims]],
            ["in", *[escape_md(e.sentence) for e in found.claims]],
            ["value", *[amount(e.value, e.unit) for e in found.claims]],
            ["interval", *[interval(e.low, e.high, e.unit) for e in found.claims]],
            ["period", *[period(e.period_start, e.period_end) for e in found.claims]],
        ]
        lines += [table(rows, ["", *[code(h) for h in headers]]), ""]
        lines += ["Why these were compared: " + "; ".join(escape_md(r) for r in found.reasons) + ".", ""]
        lines += ["A rule that pins this check (copy into `rules/`):", "", "```yaml", found.suggestion, "```", ""]
    return "\n".join(lines)


def render_subjects(linked: pd.DataFrame) -> str:
    """`claimcheck subjects`: every linked subject with its claims over time, and a timeline per subject."""
    lines = ["# Subjects", ""]
    named = linked[linked["entity"].notna()]
    if named.empty:
        return "\n".join([*lines, "No claim names a subject that could be linked.", ""])
    named = named.astype(object).where(named.notna(), None)
    order = named.groupby("entity")["doc"].nunique().sort_values(ascending=False)
    lines += [f"{len(order)} subject(s), most documents first.", ""]
    for entity in order.index:
        group = named[named["entity"] == entity].sort_values(
            ["doc_date", "period_start", "doc", "line"], na_position="last", key=lambda c: c.fillna("~"))
        name = str(group["entity_name"].iloc[0])
        lines += [f"## {escape_md(name)}", ""]
        reasons = sorted(set(group["link_reason"].dropna()))
        lines += ["Linked because: " + "; ".join(escape_md(r) for r in reasons) + ".", ""]
        rows = [
            [code(f"{r.doc}:{r.line}"), escape_md(r.doc_date or ""), escape_md(r.kind), f"“{escape_md(r.text)}”",
             amount(r.value, r.unit), period(r.period_start, r.period_end),
             escape_md(r.subject)]
            for r in group.itertuples()
        ]
        lines += [table(rows, ["where", "document date", "kind", "says", "value", "period", "subject as written"]),
                  ""]
        lines += _timeline(name, group)
    return "\n".join(lines)


def _timeline(name: str, group: pd.DataFrame) -> list[str]:
    dated = group[group["period_start"].notna() & group["period_end"].notna()]
    if dated.empty:
        return []
    lines = ["```mermaid", "gantt", f"    title {mermaid_label(name)}", "    dateFormat YYYY-MM-DD"]
    for number, row in enumerate(dated.itertuples()):
        label = mermaid_label(f"{amount(row.value, row.unit) or row.text} {row.doc} line {row.line}")
        end = (pd.Timestamp(row.period_end) + pd.Timedelta(days=1)).date().isoformat()  # gantt ends are exclusive
        lines.append(f"    {label} :s{number}, {row.period_start}, {end}")
    return [*lines, "```", ""]
