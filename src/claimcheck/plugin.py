"""pytest plugin: `pytest rules/` (or `pytest --claimcheck`) runs each check of the rule files as a test.

pytest's "non-Python tests" pattern: `pytest_collect_file` turns a rule file into
a collector and each of its checks into an item whose `runtest` runs the check
on the documents (read once per session), `repr_failure` shows the disagreeing
claims side by side and `reportinfo` points at the rule file and line.

The plugin is installed with claimcheck (entry point `pytest11`) and so is loaded
into every pytest run of a project that has claimcheck installed; it stays inert
unless `--claimcheck` is given or a rule file (or its folder) is named on the
command line: a folder of tests that holds YAML fixtures is never collected.

Where the documents are: `--claimcheck-docs PATH` (repeatable, relative to the
working folder), else the `claimcheck_docs` ini setting (relative to the rootdir),
else `seeds/` beside the rules folder. A baseline file (`--claimcheck-baseline`,
default `.claimcheck-baseline.json` in the working folder when present) accepts
known findings as `claimcheck run` does.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # claimcheck itself (pandas, Pint) is imported only when a rule file is collected
    from claimcheck.findings import Verdict
    from claimcheck.rules import Rule

RULE_SUFFIXES = (".yaml", ".yml")  # rules.RULE_SUFFIXES, written again: importing rules here would load pandas
_CHECKS = re.compile(r"^checks\s*:", re.M)
_corpus_key = pytest.StashKey[dict]()


class ClaimcheckWarning(UserWarning):
    """A warning- or info-severity check found something: reported, never a failure."""


class CheckFailed(Exception):
    """An error-severity check disagreed (or crashed); carries the verdict for `repr_failure`."""

    def __init__(self, verdict: Verdict, paths: dict[str, str]):
        super().__init__(verdict.message)
        self.verdict = verdict
        self.paths = paths


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "claimcheck rule files as tests")
    group.addoption(
        "--claimcheck",
        action="store_true",
        help="collect the checks of the rule files (--claimcheck-rules, default rules/) as tests",
    )
    group.addoption("--claimcheck-rules", metavar="DIR", help="rule files folder for --claimcheck (default: rules)")
    group.addoption(
        "--claimcheck-docs",
        action="append",
        metavar="PATH",
        help="documents to check (repeatable; default: the claimcheck_docs ini setting, else seeds/ beside the rules)",
    )
    group.addoption("--claimcheck-baseline", metavar="FILE", help="baseline of known findings to accept")
    parser.addini("claimcheck_docs", "documents the rule files are checked against", type="paths", default=[])


def _rules_folder(config: pytest.Config) -> Path:
    return (config.invocation_params.dir / (config.getoption("claimcheck_rules") or "rules")).resolve()


def pytest_configure(config: pytest.Config) -> None:
    """With --claimcheck, the rules folder is collected too, even when `testpaths` names only tests/."""
    config.addinivalue_line("markers", "claimcheck: a check from a claimcheck rule file (select with -m claimcheck)")
    if not config.getoption("claimcheck"):
        return
    folder = _rules_folder(config)
    named = [_arg_path(config, arg) for arg in config.args]
    if folder.is_dir() and not any(folder.is_relative_to(path) for path in named):
        config.args.append(str(folder))


def _arg_path(config: pytest.Config, arg: str) -> Path:
    return (config.invocation_params.dir / arg.split("::")[0]).resolve()


def _wanted(config: pytest.Config, file_path: Path) -> bool:
    file_path = file_path.resolve()
    if config.getoption("claimcheck") and file_path.parent == _rules_folder(config):
        return True
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        return False  # testpaths or the working folder: never a rule file by accident
    named = {_arg_path(config, arg) for arg in config.args}
    if file_path not in named and file_path.parent not in named:
        return False
    try:
        return bool(_CHECKS.search(file_path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return False


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix.lower() in RULE_SUFFIXES and _wanted(parent.config, file_path):
        return RuleFile.from_parent(parent, path=file_path)
    return None


class RuleFile(pytest.File):
    """A rule file: one test item per check; any mistake in the file is a collection error naming its line."""

    def collect(self):
        from claimcheck.result import relative_path
        from claimcheck.rules import parse_rules

        source = relative_path(self.path)
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise self.CollectError(f"{source}:1: cannot read the rule file: {exc}") from None
        rules, problems = parse_rules(text, source)
        if problems:
            raise self.CollectError("\n".join(problems))
        for rule in rules:
            yield CheckItem.from_parent(self, name=rule.id, rule=rule)


class CheckItem(pytest.Item):
    def __init__(self, *, rule: Rule, **kwargs):
        super().__init__(**kwargs)
        self.rule = rule
        self.add_marker(pytest.mark.claimcheck)

    def runtest(self) -> None:
        from claimcheck import baseline
        from claimcheck.checking import run_rule  # the runner's own semantics: subject scope, accept:, crashes
        from claimcheck.result import relative_path

        corpus, documents, known, known_file = _session_corpus(self.config, self.path)
        verdict = run_rule(self.rule, corpus.claims, documents)
        if known:
            verdict = baseline.apply([verdict], known, known_file)[0]
        self.user_properties.append(("claimcheck", verdict.note))
        paths = {doc: relative_path(path) for doc, path in corpus.by_id("path").items()}
        if verdict.status == "skipped":
            pytest.skip(f"{verdict.id}: {verdict.note}")
        if verdict.status in ("failed", "error"):
            raise CheckFailed(verdict, paths)
        if verdict.findings:
            warnings.warn(ClaimcheckWarning(describe(verdict, paths)), stacklevel=1)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CheckFailed):
            return describe(excinfo.value.verdict, excinfo.value.paths)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, self.rule.line - 1, f"{self.rule.kind} check {self.rule.id}"


def _docs_for(config: pytest.Config, rule_file: Path) -> list[Path]:
    given = config.getoption("claimcheck_docs")
    if given:
        return [(config.invocation_params.dir / p).resolve() for p in given]
    configured = config.getini("claimcheck_docs")
    if configured:
        return [Path(p).resolve() for p in configured]
    return [rule_file.resolve().parent.parent / "seeds"]


def _session_corpus(config: pytest.Config, rule_file: Path):
    """The documents (read and extracted once per session per folder set) and the baseline."""
    from claimcheck import baseline
    from claimcheck.checks.base import documents_frame
    from claimcheck.pipeline import load_corpus

    docs = _docs_for(config, rule_file)
    cache = config.stash.setdefault(_corpus_key, {})
    key = tuple(docs)
    if key not in cache:
        missing = [str(p) for p in docs if not p.exists()]
        if missing:
            raise pytest.UsageError(f"claimcheck: no documents at {', '.join(missing)} (use --claimcheck-docs PATH)")
        corpus = load_corpus(docs)
        documents = documents_frame(corpus.metadata)
        known_file = config.getoption("claimcheck_baseline")
        if known_file is None and (config.invocation_params.dir / baseline.DEFAULT_BASELINE).is_file():
            known_file = str(config.invocation_params.dir / baseline.DEFAULT_BASELINE)
        known = baseline.read(known_file) if known_file else {}
        cache[key] = (corpus, documents, known, known_file)
    return cache[key]


def describe(verdict: Verdict, paths: dict[str, str]) -> str:
    """A check's findings as plain text: each disagreeing claim with where it is, its figure and period."""
    from claimcheck.report import numbers

    lines = [
        f"{verdict.name} ({verdict.kind}, {verdict.severity}) at {verdict.source}:{verdict.line}",
        verdict.message,
    ]
    if verdict.status == "error":
        return "\n".join([*lines, verdict.note])
    for number, finding in enumerate(verdict.findings, 1):
        lines += ["", f"{number}. {finding.message}"]
        for e in finding.evidence:
            where = f"{paths.get(e.doc, e.doc)}:{e.line}" if e.line else paths.get(e.doc, e.doc)
            figure = numbers.interval(e.low, e.high, e.unit) or numbers.amount(e.value, e.unit) or e.text
            lines.append(f"   {where} ({e.role}): {figure}, period {numbers.period(e.period_start, e.period_end)}")
            if e.sentence or e.text:
                lines.append(f"       “{' '.join((e.sentence or e.text).split())}”")
    if verdict.reason:
        lines += ["", f"Why this rule: {verdict.reason}"]
    for finding, why in verdict.accepted:
        lines.append(f"accepted: {finding.message} ({why})")
    return "\n".join(lines)
