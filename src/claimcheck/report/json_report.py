"""`--format json`: findings, verdicts and claims for other programs (reports/claimcheck.json)."""

from __future__ import annotations

import dataclasses
import json

from claimcheck.claims import plain
from claimcheck.result import RunResult


def render(result: RunResult) -> str:
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
        "documents": [
            {
                **doc.metadata(),
                "path": result.path_of(doc.id),
                "status": focus.documents.get(doc.id) if focus else None,
            }
            for doc in result.corpus.documents
        ],
        "unreadable": [dataclasses.asdict(u) for u in result.corpus.unreadable],
        "checks": [_verdict(result, v) for v in result.verdicts],
        "claims": [{k: plain(v) for k, v in row.items()} for row in result.corpus.claims.to_dict("records")],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


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
        "findings": [_finding(result, verdict, f) for f in verdict.findings],
        "accepted": [{**_finding(result, verdict, f), "reason": why} for f, why in verdict.accepted],
    }


def _finding(result: RunResult, verdict, finding) -> dict:
    return {
        "fingerprint": finding.fingerprint(verdict.id, verdict.kind),
        "message": finding.message,
        "claims": [
            {**e._asdict(), "path": result.path_of(e.doc), "location": e.location} for e in finding.evidence
        ],
    }
