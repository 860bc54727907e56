"""Which documents a run is about: files changed since a git ref, or named with `--only`.

A focused run still reads the whole corpus (a new document is checked against all
the others), then keeps only the findings that involve a focused document. Rules
whose file changed keep all their findings: a new or edited rule is about every
document. Git is called with argument lists (never a shell); `git diff --name-status
REF` gives what changed against REF (staged or not) and `git ls-files --others
--exclude-standard` the untracked files, which count as new.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimcheck.findings import STATUS_OF_SEVERITY, Finding, Verdict


class ChangedError(Exception):
    """Git could not say what changed (not a repository, unknown ref); the message says why."""


@dataclass(frozen=True)
class ChangedFile:
    path: Path  # absolute
    status: str  # "new" (added or untracked) or "changed"


@dataclass
class Focus:
    """The documents a run reports on, by document id, each "new" or "changed"; `rule_files` changed too."""

    documents: dict[str, str]
    source: str  # what chose them, for the report: "--changed-since main", "--only"
    rule_files: set[str] = field(default_factory=set)  # resolved paths of changed rule files

    def involves(self, finding: Finding) -> bool:
        return any(e.doc in self.documents for e in finding.evidence)


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)
    except FileNotFoundError:
        raise ChangedError("git is not installed; --changed-since needs it") from None
    if done.returncode != 0:
        message = " ".join(done.stderr.split()) or f"git {' '.join(args)} failed"
        raise ChangedError(message)
    return done.stdout


def changed_files(ref: str, cwd: str | Path = ".") -> list[ChangedFile]:
    """Files added or modified since `ref` (working tree included) and untracked files; deleted ones are gone."""
    cwd = Path(cwd).resolve()
    if ref.startswith("-"):
        raise ChangedError(f"{ref!r} is not a git ref")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except ChangedError as exc:
        raise ChangedError(str(exc) if "fatal" in str(exc) else f"{ref!r} is not a commit in this repository") from None
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    out: dict[Path, str] = {}
    fields = _git(["diff", "--name-status", "--no-renames", "-z", ref, "--"], cwd).split("\0")
    for status, name in zip(fields[::2], fields[1::2], strict=False):
        if status.startswith("D") or not name:
            continue
        out[(top / name).resolve()] = "new" if status.startswith("A") else "changed"
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            out[(top / name).resolve()] = "new"
    return [ChangedFile(path, status) for path, status in sorted(out.items())]


def focus_on(verdicts: list[Verdict], focus: Focus) -> list[Verdict]:
    """The verdicts with only the findings that involve a focused document (all of them for changed rules). A
    possible discrepancy found without rules is one finding, not a check that could pass: it is left out whole
    when it does not involve a focused document."""
    focused = [_focused(verdict, focus) for verdict in verdicts]
    return [v for v in focused if v.kind != "discover" or v.findings or v.accepted]


def _focused(verdict: Verdict, focus: Focus) -> Verdict:
    if str(Path(verdict.source).resolve()) in focus.rule_files:
        return verdict
    kept = [f for f in verdict.findings if focus.involves(f)]
    accepted = [(f, why) for f, why in verdict.accepted if focus.involves(f)]
    left_out = len(verdict.findings) - len(kept)
    if not left_out and len(accepted) == len(verdict.accepted):
        return verdict
    note = verdict.note + (
        f"; {left_out} finding(s) not involving the {_word(focus)} documents left out" if left_out else ""
    )
    return replace(verdict, findings=kept, accepted=accepted, status=settled_status(verdict, kept), note=note)


def settled_status(verdict: Verdict, findings: list[Finding]) -> str:
    """The status once some findings are set aside: a check with none left passes."""
    if verdict.status in STATUS_OF_SEVERITY.values() and not findings:
        return "passed"
    return verdict.status


def _word(focus: Focus) -> str:
    return "changed" if focus.source.startswith("--changed-since") else "named"
