"""`claimcheck run`: documents -> claims -> checks -> verdicts -> console lines and the Markdown report.

Exit status like a test run: 0 when no error-severity check failed, 1 when
one did, 2 for usage or rule-file mistakes (reported one line each, before
any check runs). For CI (docs/ci.md): `--changed-since REF` / `--only FILE`
report only findings that involve those documents, `--format` adds JSON,
JUnit, SARIF and GitHub annotations, and a baseline file accepts known
findings; `claimcheck baseline` writes one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from claimcheck import baseline, units
from claimcheck.baseline import DEFAULT_BASELINE, BaselineError
from claimcheck.changed import ChangedError, Focus, changed_files, focus_on
from claimcheck.checking import run_rules
from claimcheck.checks.base import documents_frame
from claimcheck.config import ConfigError, add_discovery_arguments, discovery_settings
from claimcheck.corpus import Corpus
from claimcheck.discover import aliases_from_rules, as_verdicts, discover, reported_pairs
from claimcheck.findings import Verdict
from claimcheck.pipeline import EngineError, add_engine_arguments, engine_options, load_corpus
from claimcheck.report import github
from claimcheck.report.formats import FORMATS, FormatError, parse_formats
from claimcheck.report.markdown import render, write_atomic
from claimcheck.result import RunResult, relative_path
from claimcheck.rules import RULE_SUFFIXES, Rule, RuleFileError, load_rules
from claimcheck.safepaths import UnsafePathError, report_path

UNITS_FILE = "units.json"  # Pint's answers about this corpus's units, beside the claims (see `units.recall`)
CONSOLE_FINDINGS = 20  # per check on the console: a CI log of 100,000 lines helps nobody; the report lists more
SUMMARY_ORDER = (  # status, then how one and how many are counted: "1 warning", "2 warnings"
    ("passed", "passed", "passed"),
    ("failed", "failed", "failed"),
    ("warning", "warning", "warnings"),
    ("info", "info", "info"),
    ("skipped", "skipped", "skipped"),
    ("error", "error", "errors"),
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
    add_ci_arguments(parser)
    add_discovery_arguments(parser)


def add_ci_arguments(parser: argparse.ArgumentParser) -> None:
    """Options for CI: which documents the run is about, machine-readable outputs, the baseline."""
    focus = parser.add_mutually_exclusive_group()
    focus.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only findings that involve documents added or changed since the git REF (and untracked ones)",
    )
    focus.add_argument(
        "--only",
        nargs="+",
        metavar="FILE",
        help="report only findings that involve these documents (checked against the whole corpus)",
    )
    parser.add_argument(
        "--format",
        action="append",
        metavar="FORMATS",
        help=f"also write {', '.join(FORMATS)} (repeat or comma-separate); the Markdown report is always written",
    )
    parser.add_argument(
        "--output-dir",
        metavar="DIR",
        help="folder for the --format files (default: the report's folder)",
    )
    baseline = parser.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline",
        metavar="FILE",
        help=f"accept the findings recorded in FILE (default: {DEFAULT_BASELINE} when it exists)",
    )
    baseline.add_argument("--no-baseline", action="store_true", help=f"ignore {DEFAULT_BASELINE}")


def main(args: argparse.Namespace) -> int:
    """`claimcheck run`: check, focus on changed documents, set aside the baseline, write every output."""
    try:
        formats = parse_formats(args.format)
        chosen = choose_documents(args)
        known, baseline_file = read_baseline(args)
    except (FormatError, ChangedError, BaselineError) as exc:
        print(f"claimcheck run: {exc}", file=sys.stderr)
        return 2
    analysis = analyse(args)
    if isinstance(analysis, int):
        return analysis
    rules, corpus, verdicts = analysis
    focus = None
    if chosen is not None:
        focus = focus_of(chosen, corpus, rules, source=f"--changed-since {args.changed_since}"
                         if args.changed_since else "--only")
        verdicts = focus_on(verdicts, focus)
        print(f"claimcheck: reporting on {describe(focus)}")
    if known:
        verdicts = baseline.apply(verdicts, known, baseline_file)
    for verdict in verdicts:
        print(console_line(verdict))
        for finding in verdict.findings[:CONSOLE_FINDINGS]:
            print(f"    {', '.join(finding.locations)}: {finding.message}")
        if len(verdict.findings) > CONSOLE_FINDINGS:
            print(f"    ... and {len(verdict.findings) - CONSOLE_FINDINGS} more: the report lists them "
                  "(--format json, sarif or junit carries every one)")
    for bad in corpus.unreadable:
        print(f"claimcheck: {bad.path}: not read: {bad.reason}", file=sys.stderr)
    result = RunResult(verdicts, corpus, rules_dir=str(args.rules), focus=focus, baseline=baseline_file)
    status = write_outputs(result, args, formats)
    if status:
        return status
    print(summary_line(verdicts))
    return exit_status(verdicts)


def analyse(args: argparse.Namespace) -> tuple[list[Rule], Corpus, list[Verdict]] | int:
    """Rules loaded, corpus read, every check run; or the exit status of a usage mistake."""
    options = engine_options(args)
    if options["cache"]:
        units.recall(options["cache"] / UNITS_FILE)
    try:
        rules = load_rules(args.rules)
        settings = discovery_settings(args)
    except (RuleFileError, ConfigError) as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    if any_missing(args.paths, "run"):
        return 2
    try:
        corpus = load_corpus(args.paths, **options)
    except EngineError as exc:
        print(f"claimcheck run: {exc}", file=sys.stderr)
        return 2
    documents = documents_frame(corpus.metadata)
    print(
        f"claimcheck: {corpus.size} document(s), {len(corpus.claims)} claim(s), "
        f"{len(rules)} check(s) from {args.rules}"
    )
    if options["engine"] == "dask":
        from claimcheck.dask_engine import run_rules_on_cluster

        try:  # with every document cached, the checks are the first to reach for the cluster
            verdicts = run_rules_on_cluster(rules, corpus.claims, documents, options["scheduler"])
        except EngineError as exc:
            print(f"claimcheck run: {exc}", file=sys.stderr)
            return 2
    else:
        verdicts = run_rules(rules, corpus.claims, documents, corpus.sentence_codes)
    if settings["enabled"]:
        found = discover(corpus.claims, documents, aliases_from_rules(rules), settings, reported_pairs(verdicts))
        verdicts += as_verdicts(found, settings["severity"])
    if options["cache"]:
        units.keep(options["cache"] / UNITS_FILE)
    return rules, corpus, verdicts


def any_missing(paths: list[str], command: str) -> bool:
    """Whether a path given does not exist, each one said on stderr: a mistyped folder is a usage mistake, not
    an empty corpus (every command reading documents asks)."""
    missing = [path for path in paths if not Path(path).exists()]
    for path in missing:
        print(f"claimcheck {command}: {path}: no such file or folder", file=sys.stderr)
    return bool(missing)


def choose_documents(args: argparse.Namespace) -> dict[Path, str] | None:
    """The files the run reports on (resolved path -> "new"/"changed"/"named"), None for the whole corpus.

    `--only` files outside the document folders are added to what is read, so they meet the corpus; a rule file
    named there is a changed rule file (`focus_of`), never read as a document.
    """
    if args.changed_since:
        return {changed.path: changed.status for changed in changed_files(args.changed_since)}
    if not args.only:
        return None
    missing = [name for name in args.only if not Path(name).is_file()]
    if missing:
        raise ChangedError(f"{missing[0]}: no such document (--only takes document files)")
    folders = [Path(p).resolve() for p in args.paths]
    outside = [n for n in args.only if Path(n).suffix.lower() not in RULE_SUFFIXES
               and not any(Path(n).resolve().is_relative_to(f) for f in folders)]
    args.paths = [*args.paths, *outside]
    return {Path(name).resolve(): "named" for name in args.only}


def focus_of(chosen: dict[Path, str], corpus: Corpus, rules: list[Rule], source: str) -> Focus:
    resolved = {doc: Path(path).resolve() for doc, path in corpus.by_id("path").items()}
    documents = {doc: chosen[path] for doc, path in resolved.items() if path in chosen}
    rule_files = {str(Path(r.source).resolve()) for r in rules} & {str(path) for path in chosen}
    return Focus(documents, source, rule_files)


def describe(focus: Focus) -> str:
    if not focus.documents and not focus.rule_files:
        return f"no new or changed document ({focus.source})"
    counts = Counter(focus.documents.values())
    rules = f"{len(focus.rule_files)} changed rule file(s)" if focus.rule_files else ""
    if not focus.documents:  # only rule files: name them, as documents are named
        named = ", ".join(sorted(relative_path(path) for path in focus.rule_files))
        return f"{rules} ({focus.source}): {named}"
    what = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) + " document(s)"
    return f"{what}{' and ' + rules if rules else ''} ({focus.source}): {', '.join(sorted(focus.documents))}"


def read_baseline(args: argparse.Namespace) -> tuple[dict[str, str], str | None]:
    """The baseline's fingerprints and its file: --baseline FILE, else the default file if present."""
    if getattr(args, "no_baseline", False):
        return {}, None
    path = getattr(args, "baseline", None)
    if path is None and Path(DEFAULT_BASELINE).is_file():
        path = DEFAULT_BASELINE
    if path is None:
        return {}, None
    return baseline.read(path), str(path)


def write_outputs(result: RunResult, args: argparse.Namespace, formats: list[str]) -> int:
    """The Markdown report, then each --format file (or standard output for github); 2 if one cannot be written."""
    try:
        report = report_path(args.report)
    except UnsafePathError as exc:
        print(f"claimcheck run: {exc}", file=sys.stderr)
        return 2
    folder = Path(args.output_dir) if args.output_dir else report.parent
    outputs = [(report, render(result.verdicts, result.corpus, rules_dir=result.rules_dir, focus=result.focus))]
    for name in formats:
        filename, renderer = FORMATS[name]
        if filename is None:
            text = github.render(result, report=report.as_posix()) if name == "github" else renderer(result)
            sys.stdout.write(text)
            continue
        outputs.append((folder / filename, renderer(result)))
    for path, text in outputs:
        try:
            write_atomic(path, text)
        except OSError as exc:
            print(f"claimcheck run: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"{'report' if path == report else 'wrote'}: {path}")
    return 0


def baseline_main(args: argparse.Namespace) -> int:
    """`claimcheck baseline`: record every current finding so later runs fail only on new ones."""
    analysis = analyse(args)
    if isinstance(analysis, int):
        return analysis
    _, _, verdicts = analysis
    output = Path(args.output)
    try:
        reasons = baseline.read(output) if output.is_file() else {}
    except BaselineError:
        reasons = {}
    text = baseline.render(verdicts, reasons)
    try:
        write_atomic(output, text)
    except OSError as exc:
        print(f"claimcheck baseline: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    count = sum(len(v.findings) for v in verdicts)
    print(f"baseline: {count} finding(s) recorded in {output}; `claimcheck run` now fails only on new ones")
    return 0


def console_line(verdict: Verdict) -> str:
    label = {"error": "ERROR"}.get(verdict.status, verdict.status.upper())
    return f"{verdict.name} {label} ({verdict.note})"


def summary_line(verdicts: list[Verdict]) -> str:
    counts = Counter(v.status for v in verdicts)
    parts = [f"{counts[status]} {one if counts[status] == 1 else many}" for status, one, many in SUMMARY_ORDER
             if counts[status]]
    return ", ".join(parts) or "no checks"


def exit_status(verdicts: list[Verdict]) -> int:
    return 1 if any(v.status in ("failed", "error") for v in verdicts) else 0

