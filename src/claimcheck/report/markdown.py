"""The Markdown discrepancy report: summary, failures side by side, passes, coverage, inventory, timeline.

Everything comes from verdicts and the claims table already built; document
text is escaped (`escape_md`) before it reaches a table; tables are tabulate's
GitHub format; the file is written atomically.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
from tabulate import tabulate

from claimcheck.changed import Focus
from claimcheck.corpus import Corpus
from claimcheck.findings import Finding, Verdict
from claimcheck.report import numbers
from claimcheck.report.escape import code, escape_html, escape_md
from claimcheck.report.timeline import labelled, timeline
from claimcheck.subjects import normalise_subject

ICONS = {"failed": "❌", "warning": "⚠️", "info": "ℹ️", "passed": "✅", "skipped": "⏭️", "error": "💥"}
PROBLEMS = ("error", "failed", "warning", "info")


def table(rows: list[list], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def render(verdicts: list[Verdict], corpus: Corpus, rules_dir: str = "rules", focus: Focus | None = None) -> str:
    from claimcheck.runner import summary_line  # the same words as the console

    found = sum(1 for v in verdicts if v.kind == "discover")  # possible discrepancies: no checks of the rules'
    parts = [
        "# claimcheck report",
        "",
        f"{corpus.size} document(s) read, {len(corpus.unreadable)} not read, {len(corpus.claims)} "
        f"claim(s) found, {len(verdicts) - found} check(s) from {code(rules_dir)}"
        + (f", {found} possible discrepanc{'y' if found == 1 else 'ies'} found without rules." if found else "."),
        "",
        f"**{summary_line(verdicts)}**",
        "",
        "## Summary",
        "",
        table(
            [
                [
                    f"{ICONS.get(v.status, '')} {v.status.upper()}",
                    code(v.name),
                    v.severity,
                    escape_md(v.note),
                ]
                for v in verdicts
            ],
            ["verdict", "check", "severity", "what was compared"],
        ),
        "",
    ]
    if focus is not None:
        from claimcheck.report.focus import render_focus  # it builds on this module's tables

        parts[4:4] = render_focus(focus, corpus)
    problems = [v for v in verdicts if v.status in PROBLEMS and v.kind != "discover"]
    parts += ["## Failed checks", ""]
    parts += [_failed(v) for v in problems] or ["No check failed.", ""]
    from claimcheck.report.discovery import render_discoveries  # it builds on this module's tables

    # a discovery the baseline accepts is listed with the accepted findings, not again as a lead
    parts += [render_discoveries([v.details for v in verdicts if v.kind == "discover" and v.findings])]
    parts += _accepted(verdicts)
    parts += _passed(verdicts)
    parts += _coverage(verdicts, corpus)
    parts += _inventory(corpus.claims)
    parts += timeline(problems, corpus.claims)
    return "\n".join(parts).rstrip() + "\n"


DETAILED_FINDINGS = 20  # side-by-side tables per check; a corpus-wide contradiction can have thousands
LISTED_FINDINGS = 500  # one line each up to here; the machine-readable outputs carry them all


def _failed(verdict: Verdict) -> str:
    lines = [
        f"### {ICONS.get(verdict.status, '')} {code(verdict.name)} ({verdict.severity})",
        "",
        f"**{escape_md(verdict.message)}**",
        "",
        f"Kind {code(verdict.kind)}, subject {escape_md(verdict.subject)}, defined at "
        f"{code(f'{verdict.source}:{verdict.line}')}; {escape_md(verdict.note)}.",
        "",
    ]
    if verdict.reason:
        lines += [f"Why this rule: {escape_md(verdict.reason)}", ""]
    if verdict.link:
        lines += [f"See: <{verdict.link.replace('>', '%3E')}>", ""]
    for number, finding in enumerate(verdict.findings[:DETAILED_FINDINGS], 1):
        lines += [f"{number}. {escape_md(finding.message)}", "", _side_by_side(finding), ""]
    rest = verdict.findings[DETAILED_FINDINGS:LISTED_FINDINGS]
    if rest:
        lines += [
            f"{len(rest)} more finding(s) of this check, one line each:",
            "",
            table(
                [
                    [number, escape_md(finding.message), ", ".join(code(loc) for loc in finding.locations)]
                    for number, finding in enumerate(rest, DETAILED_FINDINGS + 1)
                ],
                ["#", "finding", "where"],
            ),
            "",
        ]
    unlisted = len(verdict.findings) - LISTED_FINDINGS
    if unlisted > 0:
        lines += [f"And {unlisted} more: `--format json` (or sarif, junit) writes every finding.", ""]
    if verdict.accepted:
        lines += [f"{len(verdict.accepted)} known discrepancy(ies) accepted: see Accepted findings.", ""]
    return "\n".join(lines) + "\n"


def _accepted(verdicts: list[Verdict]) -> list[str]:
    """Known discrepancies (a rule's `accept:` or the baseline), each with its written reason."""
    rows = [
        [code(v.name), escape_md(finding.message), ", ".join(code(loc) for loc in finding.locations), escape_md(why)]
        for v in verdicts
        for finding, why in v.accepted
    ]
    if not rows:
        return []
    return [
        "## Accepted findings",
        "",
        "Known discrepancies accepted with a written reason: they do not fail the run.",
        "",
        table(rows, ["check", "finding", "where", "reason"]),
        "",
    ]


def _side_by_side(finding: Finding) -> str:
    """One column per claim, so the disagreeing figures sit next to each other."""
    headers = [""] + [f"{code(e.location)} ({e.role})" for e in finding.evidence]
    rows = [
        # a sentence is quoted; a date read from a header ('answered on 2016-06-01') is claimcheck's words
        ["quoted"] + [f"“{escape_md(e.sentence)}”" if e.sentence else escape_md(e.text) for e in finding.evidence],
        ["figure"] + [escape_md(e.text) for e in finding.evidence],
        ["normalised"] + [numbers.amount(e.value, e.unit) for e in finding.evidence],
        ["interval"] + [numbers.interval(e.low, e.high, e.unit) for e in finding.evidence],
        ["period"] + [numbers.period(e.period_start, e.period_end) for e in finding.evidence],
    ]
    return table(rows, headers)


def _passed(verdicts: list[Verdict]) -> list[str]:
    passed = [v for v in verdicts if v.status == "passed"]
    skipped = [v for v in verdicts if v.status == "skipped"]
    out = ["## Passed checks", ""]
    out += (
        [
            table(
                [
                    [code(v.name), v.kind, escape_md(v.subject), v.claims, v.documents, escape_md(v.message)]
                    for v in passed
                ],
                ["check", "kind", "subject", "claims", "documents", "rule says"],
            ),
            "",
        ]
        if passed
        else ["No check passed.", ""]
    )
    if skipped:
        out += [
            "## Skipped checks",
            "",
            "Too little to compare: these are not passes.",
            "",
            table([[code(v.name), v.kind, escape_md(v.note)] for v in skipped], ["check", "kind", "why"]),
            "",
        ]
    return out


COVERAGE_DOCUMENTS = 500


def _coverage(verdicts: list[Verdict], corpus: Corpus) -> list[str]:
    claims = corpus.claims
    compared = [np.asarray(v.claim_index) for v in verdicts if len(v.claim_index)]
    is_covered = labelled(claims.index, np.concatenate(compared) if compared else np.array([], dtype=np.int64))
    doc_codes, doc_ids = pd.factorize(claims["doc"])  # counted on codes: no copy of a million rows
    per_doc = np.bincount(doc_codes, minlength=len(doc_ids))
    covered_per_doc = np.bincount(doc_codes[is_covered], minlength=len(doc_ids))
    ids, titles, kinds, dates = (corpus.metadata[name].tolist() for name in ("doc", "title", "kind", "date"))
    # each document's counts by position (0 for a document without claims): no dict of 100k names
    at = pd.Index(doc_ids).get_indexer(ids) if len(doc_ids) else np.full(len(ids), -1)
    claim_count = np.append(per_doc, 0)[at]
    covered = np.append(covered_per_doc, 0)[at]
    shown = range(len(ids))
    if len(ids) > COVERAGE_DOCUMENTS:  # the least covered first: those are the ones to write rules for
        # by count, then name (NumPy compares strings by code point, as Python does), then place: a stable sort
        shown = np.lexsort((np.array(ids, dtype=str), covered))[:COVERAGE_DOCUMENTS].tolist()
    rows = [
        [
            code(ids[i]),
            escape_md(titles[i]),
            kinds[i],
            dates[i] or "no date",
            int(claim_count[i]),
            int(covered[i]),
        ]
        for i in shown
    ]
    uncovered = corpus.size - int((covered_per_doc > 0).sum())
    out = [
        "## Coverage",
        "",
        f"{int(is_covered.sum())} of {len(claims)} claim(s) were compared by at least one check; "
        f"{uncovered} of {corpus.size} document(s) had none compared.",
        "",
    ]
    if len(shown) < corpus.size:
        out += [f"The {len(shown)} documents with fewest claims compared, of {corpus.size}; "
                "`claimcheck extract` lists every claim.", ""]
    out += [table(rows, ["document", "title", "kind", "date", "claims", "compared by a rule"]), ""]
    if corpus.unreadable:
        out += [
            "### Documents not read",
            "",
            table([[escape_md(u.path), escape_md(u.reason)] for u in corpus.unreadable], ["path", "why"]),
            "",
        ]
    return out


INVENTORY_SUBJECTS = 200  # a report people read, not a dump: the rest is one command away
INVENTORY_CLAIMS = 50
_INVENTORY_COLUMNS = ["doc", "line", "text", "kind", "value", "unit", "bound", "period_start", "period_end"]


def _inventory(claims: pd.DataFrame) -> list[str]:
    """Claims grouped by subject, the subjects most documents speak of first (capped for large corpora)."""
    out = ["## Claims by subject", ""]
    if claims.empty:
        return out + ["No claims were found.", ""]
    codes, labels = subject_labels(claims)
    spread = dict(zip(labels, distinct_per_code(codes, len(labels), claims["doc"]).tolist(), strict=True))
    order = sorted(spread, key=lambda k: (k == NO_SUBJECT, -spread[k], k))
    shown = order[:INVENTORY_SUBJECTS]
    if len(order) > len(shown):
        out += [f"The {len(shown)} subjects found in most documents, of {len(order)}; "
                "`claimcheck subjects` and `claimcheck extract` list them all.", ""]
    sizes = np.bincount(codes, minlength=len(labels))
    by_label = np.argsort(codes, kind="stable")  # each subject's rows together, in reading order
    starts = np.concatenate([[0], np.cumsum(sizes)])
    position = {label: i for i, label in enumerate(labels)}
    has_subject = claims["subject"].notna().to_numpy()
    for key in shown:
        i = position[key]
        members = by_label[starts[i] : starts[i + 1]]
        named = members[has_subject[members]]
        name = claims["subject"].iloc[named[0]] if len(named) else key
        more = len(members) - INVENTORY_CLAIMS
        group = claims[_INVENTORY_COLUMNS].iloc[members[:INVENTORY_CLAIMS]]
        rows = [
            [
                code(f"{doc}:{line}"),
                escape_md(text),
                kind,
                numbers.amount(value, unit),
                escape_md(bound),
                numbers.period(start, end),
            ]
            for doc, line, text, kind, value, unit, bound, start, end in group.itertuples(index=False, name=None)
        ]
        out += [
            # an HTML block: GitHub reads no Markdown in it, so a backslash escape would show as written
            f"<details><summary>{escape_html(name)} ({len(members)} claim(s), {spread[key]} document(s))</summary>",
            "",
            table(rows, ["where", "figure", "kind", "value", "bound", "period"]),
            "",
            *([f"And {more} more claim(s) about this subject.", ""] if more > 0 else []),
            "</details>",
            "",
        ]
    return out


NO_SUBJECT = "(no subject)"


def subject_labels(claims: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The key the inventory groups each claim under (its subject key, else its normalised subject, else
    "(no subject)"), as `pd.factorize` gives it: a code per claim and the distinct labels. Worked out once per
    distinct (key, subject) pair, as a million claims have a few thousand, and never as a million strings."""
    key_codes, key_values = pd.factorize(claims["subject_key"], use_na_sentinel=True)
    subject_codes, subject_values = pd.factorize(claims["subject"], use_na_sentinel=True)
    width = len(subject_values) + 1  # codes shifted by one: 0 is a missing value
    inverse, pairs = pd.factorize((key_codes.astype(np.int64) + 1) * width + subject_codes + 1)
    labels = []
    for key_code, subject_code in zip(*np.divmod(pairs, width), strict=True):
        key = key_values[key_code - 1] if key_code else None
        if key is None:
            key = normalise_subject(subject_values[subject_code - 1]) if subject_code else ""
        labels.append(key or NO_SUBJECT)
    label_codes, distinct = pd.factorize(np.array(labels, dtype=object))  # two pairs may share a label
    return label_codes[inverse], distinct


def distinct_per_code(codes: np.ndarray, size: int, values: pd.Series) -> np.ndarray:
    """Per group code (0..size-1), how many distinct values (missing ones aside) its rows have:
    `groupby(codes)[values].nunique()` on integer codes rather than on a million strings."""
    value_codes, distinct = pd.factorize(values, use_na_sentinel=True)
    present = value_codes >= 0
    pairs = pd.unique(codes[present].astype(np.int64) * len(distinct) + value_codes[present])
    return np.bincount(pairs // max(len(distinct), 1), minlength=size)


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write `text` (or its pieces, as a renderer yields them) via a temporary file in the same folder and
    os.replace, so a reader never sees half a report."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # mkdir's own words, 'File exists', read as if the report were there already
        raise NotADirectoryError(errno.ENOTDIR, f"{exc.filename} is a file, not a folder") from None
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            if isinstance(text, str):
                out.write(text)
            else:
                out.writelines(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
