"""Rules in two lanes (this process and a forked child) give the verdicts one lane gives, in the rules' order."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from claimcheck import checking, units
from claimcheck.checks.base import documents_frame
from claimcheck.forked import can_fork
from claimcheck.pipeline import load_corpus
from claimcheck.rules import load_rules

RULES = Path(__file__).resolve().parents[1] / "rules"
needs_fork = pytest.mark.skipif(not can_fork(), reason="this system cannot fork processes")


@pytest.fixture
def table(corpus: Path, tmp_path: Path):
    """The seeds' claims as a warm run has them: from the snapshot, with its sentence codes; and a part larger than
    its total, so that a rule finds something."""
    (corpus / "002a_more.txt").write_text("Grants\n\nDate: 1 May 2020\n\n160 local authorities out of a total of "
                                          "151 have benefited.\n", encoding="utf-8")
    os.utime(corpus / "002a_more.txt", ns=(10**18, 10**18))
    load_corpus([corpus], cache=tmp_path / "cache")
    loaded = load_corpus([corpus], cache=tmp_path / "cache")
    assert loaded.sentence_codes is not None
    return loaded.claims, documents_frame(loaded.metadata), loaded.sentence_codes


@pytest.fixture
def lane_of(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each verdict records the process that checked it (in `details`, which rules' verdicts leave empty)."""
    real = checking.run_rule

    def run_rule(rule, claims, documents):
        verdict = real(rule, claims, documents)
        verdict.details = os.getpid()
        return verdict

    monkeypatch.setattr(checking, "run_rule", run_rule)


def seen(verdicts) -> list[tuple]:
    return [(v.name, v.status, v.note, list(v.findings), v.accepted, v.claims, v.documents, list(v.claim_index))
            for v in verdicts]


@pytest.fixture
def one_lane(table, lane_of) -> tuple[list, list]:
    """The shipped rules and their verdicts checked one after the other in this process."""
    claims, documents, _ = table
    rules = load_rules(RULES)
    return rules, [checking.run_rule(rule, claims, documents) for rule in rules]


@needs_fork
def test_two_lanes_give_the_verdicts_of_one(table, one_lane, monkeypatch: pytest.MonkeyPatch) -> None:
    claims, documents, codes = table
    rules, one = one_lane
    monkeypatch.setattr(checking, "FORK_CLAIMS", 0)
    two = checking.run_rules(rules, claims, documents, codes)
    assert seen(two) == seen(one)
    assert any(v.findings for v in two)  # the comparison is not of empty verdicts
    assert os.getpid() in {v.details for v in two} and len({v.details for v in two}) == 2  # both lanes worked
    families = checking.rule_families(rules)
    for family in families:  # a family is checked in one lane
        assert len({two[at].details for at in family}) == 1


@needs_fork
def test_a_failed_lane_has_its_rules_checked_here(table, one_lane, monkeypatch: pytest.MonkeyPatch) -> None:
    claims, documents, codes = table
    rules, one = one_lane
    monkeypatch.setattr(checking, "FORK_CLAIMS", 0)

    def broken():
        raise RuntimeError("the lane trips")

    monkeypatch.setattr(units, "new_answers", broken)  # the forked lane's last step
    two = checking.run_rules(rules, claims, documents, codes)
    assert seen(two) == seen(one)
    assert {v.details for v in two} == {os.getpid()}


def test_a_table_not_from_the_snapshot_is_checked_in_this_process(table, lane_of,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    claims, documents, _ = table
    monkeypatch.setattr(checking, "FORK_CLAIMS", 0)
    verdicts = checking.run_rules(load_rules(RULES), claims, documents, None)
    assert {v.details for v in verdicts} == {os.getpid()}


def test_a_small_table_is_checked_in_this_process(table, lane_of) -> None:
    claims, documents, codes = table
    assert len(claims) < checking.FORK_CLAIMS
    verdicts = checking.run_rules(load_rules(RULES), claims, documents, codes)
    assert {v.details for v in verdicts} == {os.getpid()}


def test_families_keep_checks_that_share_work_together_heaviest_first(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text("""
documents: all
checks:
  - {id: parts, kind: part-of-total, severity: error, message: A part exceeds its total.}
  - {id: dates, kind: date-order, severity: error, message: Answered before asked., expect: answered-after-asked}
  - {id: sums, kind: sum, severity: error, message: The parts do not add up.}
""", encoding="utf-8")
    (tmp_path / "named.yaml").write_text("""
subject: Innovation Programme
checks:
  - {id: named-agrees, kind: agree, severity: error, message: The figures disagree.}
  - {id: named-dates, kind: date-order, severity: error, message: Answered before asked., expect: answered-after-asked}
""", encoding="utf-8")
    rules = load_rules(tmp_path)
    families = checking.rule_families(rules)
    assert [[rules[at].id for at in family] for family in families] == [
        ["parts", "sums"],  # both about every claim (2), and both read the claims beside a total
        ["dates", "named-dates"],  # 1 + 0.2
        ["named-agrees"],  # 0.2
    ]


@needs_fork
def test_a_stuck_lane_is_killed_and_its_rules_checked_here(table, one_lane, monkeypatch: pytest.MonkeyPatch) -> None:
    claims, documents, codes = table
    rules, one = one_lane
    monkeypatch.setattr(checking, "FORK_CLAIMS", 0)
    monkeypatch.setattr(checking, "LANE_PATIENCE_MIN", 0.5)

    def stuck():
        time.sleep(60)

    monkeypatch.setattr(units, "new_answers", stuck)  # the forked lane's last step never ends
    started = time.monotonic()
    two = checking.run_rules(rules, claims, documents, codes)
    assert time.monotonic() - started < 30
    assert seen(two) == seen(one)
    assert {v.details for v in two} == {os.getpid()}
