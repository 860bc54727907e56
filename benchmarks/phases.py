"""Where a `claimcheck run` spends its time, phase by phase, in this process:
`python -m benchmarks.phases CORPUS [--cache-dir DIR]` (run it once first so the cache is warm).

It follows `runner.analyse` and `runner.write_outputs` step by step; if those change, this follows them.
"""

from __future__ import annotations

import argparse
import time
from contextlib import contextmanager
from pathlib import Path

from claimcheck import runner, units
from claimcheck.checking import run_rules
from claimcheck.checks.base import documents_frame
from claimcheck.cli import build_parser
from claimcheck.config import discovery_settings
from claimcheck.discover import aliases_from_rules, as_verdicts, discover, reported_pairs
from claimcheck.pipeline import engine_options, load_corpus
from claimcheck.report.formats import parse_formats
from claimcheck.result import RunResult
from claimcheck.rules import load_rules

TIMES: dict[str, float] = {}


def memory_mb() -> tuple[float, float]:
    """(resident now, peak so far) of this process in MB, from /proc (Linux); zeros elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as lines:
            status = dict(line.split(":", 1) for line in lines)
    except OSError:
        return 0.0, 0.0
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


@contextmanager
def phase(name: str):
    start = time.perf_counter()
    yield
    TIMES[name] = time.perf_counter() - start
    now, peak = memory_mb()
    print(f"  {name:<28} {TIMES[name]:8.2f} s   RSS {now:7.0f} MB, peak {peak:7.0f} MB", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus")
    parser.add_argument("--cache-dir", default=".claimcheck")
    parser.add_argument("--report", default="/tmp/claimcheck-phases.md")
    own = parser.parse_args(argv)
    args = build_parser().parse_args(["run", own.corpus, "--cache-dir", own.cache_dir, "--report", own.report])
    with phase("load rules"):
        units.recall(Path(own.cache_dir) / runner.UNITS_FILE)
        rules = load_rules(args.rules)
        settings = discovery_settings(args)
    with phase("load corpus (cache)"):
        corpus = load_corpus(args.paths, **engine_options(args))
    with phase("documents frame"):
        documents = documents_frame(corpus.metadata)
    with phase(f"checks ({len(rules)} rules)"):
        verdicts = run_rules(rules, corpus.claims, documents, corpus.sentence_codes)
    with phase("discovery"):
        if settings["enabled"]:
            found = discover(corpus.claims, documents, aliases_from_rules(rules), settings, reported_pairs(verdicts))
            verdicts += as_verdicts(found, settings["severity"])
    units.keep(Path(own.cache_dir) / runner.UNITS_FILE)
    with phase("report"):
        result = RunResult(verdicts, corpus, rules_dir=str(args.rules))
        runner.write_outputs(result, args, parse_formats(args.format))
    print(f"  {corpus.size} documents, {len(corpus.claims)} claims; total {sum(TIMES.values()):.1f} s")


if __name__ == "__main__":
    main()
