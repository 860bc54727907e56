"""The `claimcheck` command: `run` checks a corpus against rules; `extract` prints its claims; `baseline`
records the current findings as known; `subjects` lists what the corpus says about each subject."""

from __future__ import annotations

import argparse
import sys

from claimcheck import explore, runner
from claimcheck.baseline import DEFAULT_BASELINE
from claimcheck.output import write_claims
from claimcheck.pipeline import add_engine_arguments, engine_options, load_corpus


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimcheck", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="check documents against the rules and write the report")
    runner.add_arguments(run)

    extract = commands.add_parser("extract", help="print every quantitative claim found in documents")
    extract.add_argument("paths", nargs="*", default=["seeds"], help="documents or folders (default: seeds)")
    extract.add_argument("--format", choices=("jsonl", "csv", "md"), default="md")
    add_engine_arguments(extract)

    baseline = commands.add_parser(
        "baseline", help="record the current findings as known, so `run` fails only on new ones"
    )
    baseline.add_argument("paths", nargs="*", default=["seeds"], help="documents or folders (default: seeds)")
    baseline.add_argument("--rules", default="rules", metavar="DIR", help="rule files folder (default: rules)")
    baseline.add_argument(
        "--output",
        default=DEFAULT_BASELINE,
        metavar="FILE",
        help=f"baseline file to write (default: {DEFAULT_BASELINE}); reasons written in it are kept",
    )
    add_engine_arguments(baseline)

    subjects = commands.add_parser("subjects", help="list the linked subjects with their claims over time")
    explore.add_arguments(subjects)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    except BrokenPipeError:  # `claimcheck ... | head`: the reader has what it wanted
        sys.stderr.close()
        return 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "extract":
        if runner.any_missing(args.paths, "extract"):
            return 2
        corpus = load_corpus(args.paths, **engine_options(args))
        write_claims(corpus, args.format, sys.stdout)
        for bad in corpus.unreadable:
            print(f"claimcheck: {bad.path}: not read: {bad.reason}", file=sys.stderr)
        return 0
    if args.command == "baseline":
        return runner.baseline_main(args)
    if args.command == "subjects":
        return explore.main(args)
    return runner.main(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
