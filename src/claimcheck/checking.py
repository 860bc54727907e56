"""Rules over the claims table: each rule's check on the claims of its subject, one verdict each.

Over a large table the rules run in two lanes, this process and a forked copy of it (`forked.py`), each taking
the next family of rules off a shared counter until none is left. Threads could not share the work: the checks
hold the GIL most of the time (at 100k documents, 1.2 s one rule after the other and 1.2 s on two threads). A
family is the rules whose checks derive the same work from the table (`base.shared`; a check module's
`FAMILY`, else its kind): they run in one lane, which works it out once. Which lane checks a rule never
changes its verdict: the same function runs on the same table. A forked lane that fails is no loss, its rules
are checked here.
"""

from __future__ import annotations

import multiprocessing
import time

import numpy as np
import pandas as pd

from claimcheck import units
from claimcheck.checks.base import shared_work
from claimcheck.findings import STATUS_OF_SEVERITY, Finding, Findings, Verdict
from claimcheck.forked import Forked, ForkedError, can_fork
from claimcheck.rules import Rule
from claimcheck.subjects import subject_mask

FORK_CLAIMS = 200_000  # a smaller table is checked in this process alone: the fork would cost more than it saves
NAMED_WEIGHT = 0.2  # a rule about named subjects checks a few of the table's claims; one about all, every claim
# how long the run waits for the forked lane before it kills it and checks its rules itself: ten times as long as its
# own lane took, and at least a minute (a child stuck on a lock held at the fork must not hang the run)
LANE_PATIENCE = 10.0
LANE_PATIENCE_MIN = 60.0


class Checking:
    """The verdicts of a run's rules: this process's lane is checked, the forked lane's are awaited by
    `verdicts`. In between, the run can do work of its own on this core."""

    def __init__(self, rules: list[Rule], claims: pd.DataFrame, documents: pd.DataFrame,
                 sentence_codes: np.ndarray | None, done: dict[int, Verdict],
                 other: Forked[tuple[dict[int, Verdict], dict | None]] | None, patience: float | None = None) -> None:
        self.rules, self.claims, self.documents, self.sentence_codes = rules, claims, documents, sentence_codes
        self.done = done
        self.other = other
        self.patience = patience

    def verdicts(self) -> list[Verdict]:
        """Every rule's verdict, in the rules' order."""
        if self.other is not None:
            try:
                theirs, answers = self.other.result(self.patience)
                self.done.update(theirs)
                units.adopt(answers)
            except ForkedError:
                pass  # its rules are checked below
            finally:
                self.other.close()
                self.other = None
        left = [at for at in range(len(self.rules)) if at not in self.done]
        if left:
            with shared_work(self.claims, self.sentence_codes):
                self.done.update((at, run_rule(self.rules[at], self.claims, self.documents)) for at in left)
        return [self.done[at] for at in range(len(self.rules))]


def start_rules(rules: list[Rule], claims: pd.DataFrame, documents: pd.DataFrame,
                sentence_codes: np.ndarray | None = None) -> Checking:
    """Check the rules over `claims`: this process's lane before returning, the forked lane's on the way. What
    several checks derive from the table is worked out once a lane (`base.shared_work`), with the loader's
    `sentence_codes` (`Corpus.sentence_codes`) when it has them.

    Only a table the loader took from the snapshot (it has `sentence_codes`) is checked in two lanes: its
    columns are arrays, which a forked child reads without writing. A table just built from extracted rows
    holds its strings as Python objects; a child reading them writes their reference counts, and each page
    written is copied: at 100k documents a cold run's process tree grew from 2.3 GB to 3.9 GB, to save 0.4 s
    of a run of minutes."""
    families = rule_families(rules)
    if sentence_codes is None or len(claims) < FORK_CLAIMS or len(families) < 2 or not can_fork():
        checking = Checking(rules, claims, documents, sentence_codes, {}, None)
        checking.verdicts()  # every rule, here
        return checking
    taken = multiprocessing.get_context("fork").Value("i", 0)

    def next_family() -> list[int] | None:
        with taken.get_lock():
            at = taken.value
            taken.value += 1
        return families[at] if at < len(families) else None

    def lane() -> dict[int, Verdict]:
        done: dict[int, Verdict] = {}
        with shared_work(claims, sentence_codes):
            while (family := next_family()) is not None:
                done.update((at, run_rule(rules[at], claims, documents)) for at in family)
        return done

    other = Forked.start(lambda: (lane(), units.new_answers()))
    started = time.perf_counter()
    done = lane() if other is not None else {}
    patience = max(LANE_PATIENCE_MIN, LANE_PATIENCE * (time.perf_counter() - started))
    return Checking(rules, claims, documents, sentence_codes, done, other, patience)


def run_rules(rules: list[Rule], claims: pd.DataFrame, documents: pd.DataFrame,
              sentence_codes: np.ndarray | None = None) -> list[Verdict]:
    """Every rule's verdict over `claims`, in the rules' order (`start_rules`, awaited)."""
    return start_rules(rules, claims, documents, sentence_codes).verdicts()


def rule_families(rules: list[Rule]) -> list[list[int]]:
    """The rules (by position) grouped by their checks' `FAMILY`, heaviest family first: a rule about every
    claim weighs 1, one about named subjects `NAMED_WEIGHT`. The heaviest go first so that the lane taking
    the last ones finishes about when the other does."""
    families: dict[str, list[int]] = {}
    for at, rule in enumerate(rules):
        families.setdefault(getattr(rule.module, "FAMILY", rule.kind), []).append(at)

    def weight(family: list[int]) -> float:
        return sum(NAMED_WEIGHT if rules[at].names else 1.0 for at in family)

    return sorted(families.values(), key=weight, reverse=True)


def run_rule(rule: Rule, claims: pd.DataFrame, documents: pd.DataFrame) -> Verdict:
    scope = claims[subject_mask(claims, rule.names)] if rule.names else claims
    verdict = Verdict(
        source=rule.source,
        line=rule.line,
        id=rule.id,
        kind=rule.kind,
        severity=rule.severity,
        message=rule.message,
        status="passed",
        reason=rule.reason,
        link=rule.link,
        subject=", ".join(rule.names) or "all documents",
    )
    try:
        outcome = rule.module.check({**rule.conf, "names": rule.names}, scope, documents)
    except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others' verdicts
        verdict.status, verdict.note = "error", f"the check crashed: {type(exc).__name__}: {exc}"
        return verdict
    verdict.claims, verdict.documents = len(outcome.claims), outcome.documents
    verdict.claim_index = outcome.claims.to_numpy()
    if outcome.skipped:
        verdict.status = "skipped"
        verdict.note = outcome.skipped
        if rule.names and scope.empty:
            verdict.note = f"no claim matched {' / '.join(rule.names)!r}; {outcome.skipped}"
        return verdict
    if not rule.accept:  # most rules accept nothing: no Python pass over a hundred thousand findings
        found = outcome.findings
        verdict.findings = found if isinstance(found, Findings) else list(found)
    else:
        for finding in outcome.findings:
            accepted = _accepted_by(rule, finding)
            if accepted:
                verdict.accepted.append((finding, accepted))
            else:
                verdict.findings.append(finding)
    if verdict.findings:
        verdict.status = STATUS_OF_SEVERITY[rule.severity]
    what = (
        f"{verdict.claims} claim(s) from {verdict.documents} document(s)"
        if verdict.claims
        else f"{verdict.documents} document(s)"
    )
    verdict.note = f"compared {what}" + (
        f"; {len(verdict.accepted)} known discrepancy accepted" if verdict.accepted else ""
    )
    return verdict


def _accepted_by(rule: Rule, finding: Finding) -> str | None:
    """The reason a known discrepancy is accepted: every place it names is covered by the rule's `accept`."""
    for entry in rule.accept:
        if any(entry.covers(location) for location in finding.locations):
            return entry.reason
    return None
