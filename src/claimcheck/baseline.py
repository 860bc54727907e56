"""Baselines: findings recorded as known, so CI fails only on new ones.

`claimcheck baseline` writes every current finding with its fingerprint (see
`Finding.fingerprint`: the rule and what the claims say, not their line numbers)
to a JSON file meant to be committed. `claimcheck run` moves the findings whose
fingerprint is in the file to the verdict's accepted list, with the entry's
`reason` when someone wrote one, and the report shows them apart.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from claimcheck.changed import settled_status
from claimcheck.findings import Verdict

DEFAULT_BASELINE = ".claimcheck-baseline.json"
FORMAT_VERSION = 1
NO_REASON = "recorded as known in the baseline"


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and the problem."""


def entries(verdicts: list[Verdict], reasons: dict[str, str] | None = None) -> list[dict]:
    """One entry per finding not already accepted by its rule; `reasons` keeps those written before."""
    reasons = reasons or {}
    out = []
    for verdict in verdicts:
        for finding in verdict.findings:
            fingerprint = finding.fingerprint(verdict.id, verdict.kind)
            entry = {
                "fingerprint": fingerprint,
                "check": verdict.name,
                "severity": verdict.severity,
                "message": finding.message,
                "locations": finding.locations,
            }
            if reasons.get(fingerprint, NO_REASON) != NO_REASON:
                entry["reason"] = reasons[fingerprint]
            out.append(entry)
    return out


def render(verdicts: list[Verdict], reasons: dict[str, str] | None = None) -> str:
    data = {
        "tool": "claimcheck",
        "version": FORMAT_VERSION,
        "about": "Findings accepted as known: `claimcheck run` fails only on findings not listed here. "
        "Add a 'reason' to an entry to say why it is accepted; the report shows it.",
        "findings": entries(verdicts, reasons),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read(path: str | Path) -> dict[str, str]:
    """fingerprint -> reason for every entry of a baseline file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a claimcheck baseline (invalid JSON: {exc})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or data.get("tool") != "claimcheck":
        raise BaselineError(f"{path}: not a claimcheck baseline (expected {{'tool': 'claimcheck', 'findings': [...]}})")
    out = {}
    for number, entry in enumerate(findings, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: finding {number} has no 'fingerprint'")
        reason = entry.get("reason")
        out[entry["fingerprint"]] = reason.strip() if isinstance(reason, str) and reason.strip() else NO_REASON
    return out


def apply(verdicts: list[Verdict], known: dict[str, str], source: str) -> list[Verdict]:
    """Findings whose fingerprint is known move to `accepted` with the baseline's reason."""
    out = []
    for verdict in verdicts:
        kept, accepted = [], list(verdict.accepted)
        for finding in verdict.findings:
            fingerprint = finding.fingerprint(verdict.id, verdict.kind)
            if fingerprint in known:
                accepted.append((finding, f"baseline {source}: {known[fingerprint]}"))
            else:
                kept.append(finding)
        if len(kept) == len(verdict.findings):
            out.append(verdict)
            continue
        moved = len(verdict.findings) - len(kept)
        out.append(
            replace(
                verdict,
                findings=kept,
                accepted=accepted,
                status=settled_status(verdict, kept),
                note=f"{verdict.note}; {moved} known finding(s) accepted by the baseline",
            )
        )
    return out
