"""`claimcheck subjects`: what the corpus says about each subject, linked across documents, over time."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimcheck.discover import aliases_from_rules
from claimcheck.linking import link_subjects
from claimcheck.pipeline import load_corpus
from claimcheck.report.discovery import render_subjects
from claimcheck.report.markdown import write_atomic
from claimcheck.rules import RuleFileError, load_rules
from claimcheck.runner import any_missing


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["seeds"], help="documents or folders (default: seeds)")
    parser.add_argument("--rules", default="rules", help="rule files whose aliases link subjects (default: rules)")
    parser.add_argument("--output", help="write the Markdown here instead of printing it")


def main(args: argparse.Namespace) -> int:
    aliases = []
    if Path(args.rules).exists():
        try:
            aliases = aliases_from_rules(load_rules(args.rules))
        except RuleFileError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 2
    if any_missing(args.paths, "subjects"):
        return 2
    corpus = load_corpus(args.paths)
    for bad in corpus.unreadable:
        print(f"claimcheck: {bad.path}: not read: {bad.reason}", file=sys.stderr)
    dates = corpus.by_id("date")
    claims = corpus.claims.join(link_subjects(corpus.claims, aliases))
    claims["doc_date"] = claims["doc"].map(dates)
    text = render_subjects(claims)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(Path(args.output), text)  # as `run` writes its report: folders made, never half a file
    except OSError as exc:
        print(f"claimcheck subjects: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
