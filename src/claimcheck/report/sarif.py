"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each check is a reporting descriptor (`tool.driver.rules`), each finding a result
at the claim in the document that the run is about (the new one when focused),
the other claims as related locations. The level keeps the check's severity
(error, warning, info -> note); `partialFingerprints` holds the finding's stable
fingerprint so viewers track it across commits. Accepted findings (a rule's
`accept:` or the baseline) are results with a suppression and its justification.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from claimcheck.findings import Evidence, Finding, Verdict
from claimcheck.report.jsonstream import Records, document
from claimcheck.result import RunResult, relative_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "claimcheck/v1"


def render(result: RunResult) -> Iterator[str]:
    """The SARIF file in pieces (`jsonstream`): one compact line a result, never the whole file at once."""
    index, rules = _descriptors(result.verdicts)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{v.name}: {v.note}"},
            "descriptor": {"id": v.id, "index": index[v.name]},
        }
        for v in result.verdicts
        if v.status == "error"
    ] + [
        {
            "level": "warning",
            "message": {"text": f"{bad.path}: not read: {bad.reason}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(relative_path(bad.path))}}}],
        }
        for bad in result.corpus.unreadable
    ]
    run = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not any(v.status == "error" for v in result.verdicts),
                "toolExecutionNotifications": notifications,
            }
        ],
        "results": Records(_results(result, index)),
    }
    return document({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]})


def _descriptors(verdicts: list[Verdict]) -> tuple[dict[str, int], list[dict]]:
    """One reporting descriptor per check, and each check's index among them. Discoveries about one subject and
    measure share a check (`discovery::...-money`): they share its descriptor, as the schema wants `rules` to
    hold no two equal items."""
    index: dict[str, int] = {}
    rules: list[dict] = []
    for verdict in verdicts:
        if verdict.name not in index:
            index[verdict.name] = len(rules)
            rules.append(_descriptor(verdict))
    return index, rules


def _results(result: RunResult, index: dict[str, int]) -> Iterator[dict]:
    for verdict in result.verdicts:
        at = index[verdict.name]
        yield from (_result(result, verdict, at, f) for f in verdict.findings)
        yield from (_result(result, verdict, at, f, why) for f, why in verdict.accepted)


def _descriptor(verdict: Verdict) -> dict:
    descriptor = {
        "id": verdict.id,
        "name": verdict.name,
        "shortDescription": {"text": verdict.message},
        "defaultConfiguration": {"level": LEVEL[verdict.severity]},
        "properties": {"kind": verdict.kind, "ruleFile": relative_path(verdict.source), "line": verdict.line},
    }
    if verdict.reason:
        descriptor["fullDescription"] = {"text": verdict.reason}
    if verdict.link:
        descriptor["helpUri"] = verdict.link
    return descriptor


def _result(
    result: RunResult, verdict: Verdict, rule_index: int, finding: Finding, accepted: str | None = None
) -> dict:
    primary = result.primary(finding)
    out = {
        "ruleId": verdict.id,
        "ruleIndex": rule_index,
        "level": LEVEL[verdict.severity],
        "message": {"text": f"{verdict.message} {finding.message}"},
        "locations": [_location(result, primary)] if primary else [],
        "relatedLocations": [
            {**_location(result, e), "id": n, "message": {"text": f"{e.role}: {e.text or e.sentence}"}}
            for n, e in enumerate(finding.evidence)
            if e is not primary
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint(verdict.id, verdict.kind)},
    }
    if accepted is not None:
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": accepted}]
    return out


def _location(result: RunResult, item: Evidence) -> dict:
    physical = {"artifactLocation": {"uri": quote(result.path_of(item.doc))}, "region": {"startLine": item.line or 1}}
    if item.text:
        physical["region"]["snippet"] = {"text": item.text}
    return {"physicalLocation": physical}
