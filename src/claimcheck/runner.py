"""`claimcheck run`: documents -> claims -> checks -> verdicts -> console lines and the Markdown report.

Exit status like a test run: 0 when no error-severity check failed, 1 when
one did, 2 for usage or rule-file mistakes (reported one line each, before
any check runs).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from claimcheck.checks.base import documents_frame
from claimcheck.documents import Document
from claimcheck.findings import STATUS_OF_SEVERITY, Finding, Verdict
from claimcheck.pipeline import EngineError, add_engine_arguments, engine_options, load_corpus
from claimcheck.report.markdown import render, write_atomic
from claimcheck.rules import Rule, RuleFileError, load_rules
from claimcheck.subjects import subject_mask

SUMMARY_ORDER = (
    ("passed", "passed"),
    ("failed", "failed"),
    ("warning", "warnings"),
    ("info", "info"),
    ("skipped", "skipped"),
    ("error", "errors"),
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["seeds"], help="documents or folders (default: seeds)")
    parser.add_argument("--rules", default="rules", metavar="DIR", help="rule files folder (default: rules)")
    parser.add_argument(
        "--report",
        default="reports/claimcheck.md",
        metavar="PATH",
        help="Markdown report to write (default: reports/claimcheck.md)",
    )
    add_engine_arguments(parser)


def main(args: argparse.Namespace) -> int:
    try:
        rules = load_rules(args.rules)
    except RuleFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for path in missing:
            print(f"claimcheck run: {path}: no such file or folder", file=sys.stderr)
        return 2
    options = engine_options(args)
    try:
        corpus = load_corpus(args.paths, **options)
    except EngineError as exc:
        print(f"claimcheck run: {exc}", file=sys.stderr)
        return 2
    documents = documents_frame(document_record(doc) for doc in corpus.documents)
    print(
        f"claimcheck: {len(corpus.documents)} document(s), {len(corpus.claims)} claim(s), "
        f"{len(rules)} check(s) from {args.rules}"
    )
    if options["engine"] == "dask":
        from claimcheck.dask_engine import run_rules_on_cluster

        verdicts = run_rules_on_cluster(rules, corpus.claims, documents, options["scheduler"])
    else:
        verdicts = run_rules(rules, corpus.claims, documents)
    for verdict in verdicts:
        print(console_line(verdict))
        for finding in verdict.findings:
            print(f"    {', '.join(finding.locations)}: {finding.message}")
    for bad in corpus.unreadable:
        print(f"claimcheck: {bad.path}: not read: {bad.reason}", file=sys.stderr)
    try:
        write_atomic(Path(args.report), render(verdicts, corpus, rules_dir=str(args.rules)))
    except OSError as exc:
        print(f"claimcheck run: cannot write the report {args.report}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"report: {args.report}")
    print(summary_line(verdicts))
    return exit_status(verdicts)


def run_rules(rules: list[Rule], claims: pd.DataFrame, documents: pd.DataFrame) -> list[Verdict]:
    """Every rule's check on the claims of its subject; a crashing check is an ERROR verdict."""
    return [run_rule(rule, claims, documents) for rule in rules]


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
    verdict.claim_index = tuple(outcome.claims)
    if outcome.skipped:
        verdict.status = "skipped"
        verdict.note = outcome.skipped
        if rule.names and scope.empty:
            verdict.note = f"no claim matched {' / '.join(rule.names)!r}; {outcome.skipped}"
        return verdict
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


def console_line(verdict: Verdict) -> str:
    label = {"error": "ERROR"}.get(verdict.status, verdict.status.upper())
    return f"{verdict.name} {label} ({verdict.note})"


def summary_line(verdicts: list[Verdict]) -> str:
    counts = Counter(v.status for v in verdicts)
    parts = [f"{counts[status]} {word}" for status, word in SUMMARY_ORDER if counts[status]]
    return ", ".join(parts) or "no checks"


def exit_status(verdicts: list[Verdict]) -> int:
    return 1 if any(v.status in ("failed", "error") for v in verdicts) else 0


def document_record(doc: Document) -> dict:
    """The metadata checks see, with the lines of the asked/answered dates so findings can name them."""
    return doc.metadata()
