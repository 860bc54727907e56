"""`claimcheck run`: until the rules land, extract the corpus and print the claims table."""

from __future__ import annotations

import argparse
import sys

from claimcheck.output import write_claims
from claimcheck.pipeline import load_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["seeds"], help="documents or folders (default: seeds)")


def main(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.paths)
    write_claims(corpus, "md", sys.stdout)
    return 0
