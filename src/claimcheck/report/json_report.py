"""`--format json`: findings, verdicts and claims for other programs (reports/claimcheck.json).

Written in pieces (`jsonstream`): the outline indented, each document, finding and claim
one compact line, so a 100k-document corpus is never one string in memory.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import numpy as np
import pandas as pd

from claimcheck.claims import plain_column
from claimcheck.report.jsonstream import Records, document
from claimcheck.result import RunResult

CLAIM_BATCH = 10_000  # claims converted to Python values at a time


def render(result: RunResult) -> Iterator[str]:
    focus = result.focus
    data = {
        "tool": "claimcheck",
        "summary": dict(result.counts()),
        "failed": any(v.status in ("failed", "error") for v in result.verdicts),
        "rules": result.rules_dir,
        "baseline": result.baseline,
        "focus": None
        if focus is None
        else {"source": focus.source, "documents": focus.documents, "rule_files": sorted(focus.rule_files)},
        "documents": Records(
            {
                **doc.metadata(),
                "path": result.path_of(doc.id),
                "status": focus.documents.get(doc.id) if focus else None,
            }
            for doc in result.corpus.documents
        ),
        "unreadable": [dataclasses.asdict(u) for u in result.corpus.unreadable],
        "checks": [_verdict(result, v) for v in result.verdicts],
        "claims": Records(_claim_records(result.corpus.claims)),
    }
    return document(data)


def _claim_records(claims: pd.DataFrame) -> Iterator[dict]:
    """Each claim as a dict of plain values (None for missing), converted a batch of rows at a time, column by
    column: `to_dict("records")` and a Python call per cell cost tens of seconds over 1.5M claims."""
    names = list(claims.columns)
    for first in range(0, len(claims), CLAIM_BATCH):
        batch = claims.iloc[first : first + CLAIM_BATCH]
        columns = [plain_column(batch[name]) for name in names]
        for values in zip(*columns, strict=True):
            yield dict(zip(names, values, strict=True))


def _finite(column: pd.Series) -> pd.Series:
    """A float column with its infinite values missing; any other column as it is."""
    if column.dtype.kind != "f":
        return column
    return column.where(np.isfinite(column.to_numpy()))


def _verdict(result: RunResult, verdict) -> dict:
    return {
        "check": verdict.name,
        "id": verdict.id,
        "kind": verdict.kind,
        "rule_file": verdict.source,
        "line": verdict.line,
        "severity": verdict.severity,
        "status": verdict.status,
        "message": verdict.message,
        "note": verdict.note,
        "subject": verdict.subject,
        "findings": Records(_finding(result, verdict, f) for f in verdict.findings),
        "accepted": Records({**_finding(result, verdict, f), "reason": why} for f, why in verdict.accepted),
    }


def _finding(result: RunResult, verdict, finding) -> dict:
    return {
        "fingerprint": finding.fingerprint(verdict.id, verdict.kind),
        "message": finding.message,
        "claims": [
            {**e._asdict(), "path": result.path_of(e.doc), "location": e.location} for e in finding.evidence
        ],
    }
