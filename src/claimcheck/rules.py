"""Rule files: YAML written by fact-checkers, read safely and validated whole before any check runs.

A rule file is one topic: a `subject` with `aliases` (or `documents: all`) and
a list of `checks`. Every mistake becomes one line `FILE:LINE: what is wrong
and what was expected`; the loader collects them all, so a fact-checker fixes
a file in one pass. `yamlguard.parse_yaml` reads it: only `yaml.SafeLoader` (tags such as `!!python/object` are
refused), with a size budget, recording the line of every node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from claimcheck.checks import ALIASES, KINDS
from claimcheck.checks.fields import FieldError, described
from claimcheck.yamlguard import MAX_RULE_BYTES, LineList, LineMap, parse_yaml

RULE_SUFFIXES = (".yaml", ".yml")  # what a rule file is called: `rules/`, `--only`, and the pytest plugin read them

SEVERITIES = ("error", "warning", "info")
FILE_FIELDS = ("subject", "aliases", "documents", "title", "description", "checks")
COMMON_FIELDS = (
    "id",
    "kind",
    "severity",
    "message",
    "reason",
    "link",
    "subject",
    "aliases",
    "documents",
    "accept",
)
REQUIRED = ("id", "kind", "severity", "message")
MAX_NAME_CHARS = 200  # a subject or alias, matched as literal text
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class RuleFileError(Exception):
    """Rule files that cannot be used; `problems` holds one `file:line: message` per mistake."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Accepted:
    """A known discrepancy the rule accepts, with the written reason: `at` is `doc` or `doc:line`."""

    at: str
    reason: str

    def covers(self, location: str) -> bool:
        return location == self.at or location.split(":")[0] == self.at


@dataclass
class Rule:
    """One check as written in a rule file, validated and ready to run."""

    source: str
    line: int
    id: str
    kind: str
    severity: str
    message: str
    module: ModuleType
    conf: dict = field(default_factory=dict)
    names: tuple[str, ...] = ()  # subject and aliases; empty: every claim in every document
    reason: str | None = None
    link: str | None = None
    accept: tuple[Accepted, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.source}::{self.id}"


def _kinds() -> str:
    return ", ".join(sorted(KINDS) + sorted(ALIASES))


def _names(where: LineMap, source: str, problems: list[str]) -> tuple[str, ...] | None:
    """subject + aliases of a file or check; None when neither is given."""
    if "subject" not in where and "aliases" not in where:
        return None
    names = []
    subject = where.get("subject")
    if "subject" in where and (not isinstance(subject, str) or not subject.strip()):
        problems.append(
            f"{source}:{where.line_of('subject')}: 'subject' must be the name as documents write it, "
            "e.g. subject: Children’s Social Care Innovation Programme"
        )
    elif subject:
        names.append(subject.strip())
    aliases = where.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.append(
            f"{source}:{where.line_of('aliases')}: 'aliases' must be a list of names, "
            "e.g. aliases: [Innovation Programme]"
        )
    else:
        names.extend(a.strip() for a in aliases)
    problems.extend(  # names become literal (re.escape) patterns: bounded so matching stays cheap
        f"{source}:{where.line}: a subject or alias is {len(n):,} characters long; names are at most {MAX_NAME_CHARS}"
        for n in names if len(n) > MAX_NAME_CHARS
    )
    return tuple(names)


def _scope(where: LineMap, source: str, problems: list[str]) -> tuple[str, ...] | None:
    if "documents" in where and where["documents"] != "all":
        problems.append(
            f"{source}:{where.line_of('documents')}: 'documents' must be 'all' (check every claim of every document)"
        )
    names = _names(where, source, problems)
    if names is not None and "documents" in where:
        problems.append(f"{source}:{where.line_of('documents')}: give either 'subject' or 'documents: all', not both")
    return () if "documents" in where else names


def _convert(spec, value, name: str):
    """A field value checked against its CONF spec: a type, a tuple of choices, or a converter."""
    if isinstance(spec, tuple):
        if value not in spec:
            raise FieldError(f"'{name}' is {value!r}; expected one of {', '.join(map(str, spec))}")
        return value
    if spec is bool:
        if not isinstance(value, bool):
            raise FieldError(f"'{name}' must be true or false, got {value!r}")
        return value
    if spec in (int, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or (spec is int and isinstance(value, float)):
            raise FieldError(f"'{name}' must be a number, got {value!r}")
        return value
    if spec is str:
        if not isinstance(value, str):
            raise FieldError(f"'{name}' must be text, got {value!r}")
        return value
    try:
        return spec(value)
    except FieldError as exc:
        raise FieldError(f"'{name}': {exc}") from None


def _accept(raw, line: int, source: str, problems: list[str]) -> tuple[Accepted, ...]:
    example = "e.g. accept: [{at: '002_1bcd5c0d0d33053a:17', reason: 'rounded in the answer'}]"
    if not isinstance(raw, list):
        problems.append(f"{source}:{line}: 'accept' must be a list of {{at, reason}}, {example}")
        return ()
    out = []
    for i, item in enumerate(raw):
        where = raw.lines[i] if isinstance(raw, LineList) else line
        if (
            not isinstance(item, dict)
            or set(item) != {"at", "reason"}
            or not all(isinstance(item[k], str) and item[k].strip() for k in ("at", "reason"))
        ):
            problems.append(
                f"{source}:{where}: each accepted discrepancy needs 'at' (doc or doc:line) and a "
                f"written 'reason', {example}"
            )
            continue
        out.append(Accepted(item["at"].strip(), item["reason"].strip()))
    return tuple(out)


def _rule(raw, line: int, source: str, file_names, problems: list[str]) -> Rule | None:
    if not isinstance(raw, LineMap):
        problems.append(f"{source}:{line}: each check must be a mapping with id, kind, severity and message")
        return None
    count = len(problems)
    for name in REQUIRED:
        if name not in raw:
            problems.append(f"{source}:{raw.line}: check is missing '{name}'; every check needs {', '.join(REQUIRED)}")
    kind = raw.get("kind")
    module = None
    if "kind" in raw:
        kind = ALIASES.get(kind, kind) if isinstance(kind, str) else kind
        module = KINDS.get(kind) if isinstance(kind, str) else None
        if module is None:
            problems.append(f"{source}:{raw.line_of('kind')}: unknown kind {raw['kind']!r}; expected one of {_kinds()}")
    if "id" in raw and not (isinstance(raw["id"], str) and _ID.match(raw["id"])):
        problems.append(
            f"{source}:{raw.line_of('id')}: 'id' must be a short name of letters, digits and '-', got {raw['id']!r}"
        )
    if "severity" in raw and raw["severity"] not in SEVERITIES:
        problems.append(
            f"{source}:{raw.line_of('severity')}: 'severity' is {raw['severity']!r}; expected one of "
            f"{', '.join(SEVERITIES)}"
        )
    for name in ("message", "reason", "link"):
        if name in raw and not (isinstance(raw[name], str) and raw[name].strip()):
            problems.append(f"{source}:{raw.line_of(name)}: '{name}' must be text")
    names = _scope(raw, source, problems)
    if names is None and file_names is None:
        problems.append(
            f"{source}:{raw.line}: say what the check is about: 'subject' (and 'aliases') in the "
            "file or the check, or 'documents: all'"
        )
    conf = {}
    if module is not None:
        allowed = COMMON_FIELDS + tuple(module.CONF)
        for key in raw:
            if key not in allowed:
                problems.append(
                    f"{source}:{raw.line_of(key)}: unknown field {key!r} for kind {kind}; expected "
                    f"one of {', '.join(allowed)}"
                )
        for key, default in module.DEFAULT.items():
            conf[key] = _convert(module.CONF[key], default, key)
        for key, spec in module.CONF.items():
            if key in raw:
                try:
                    conf[key] = _convert(spec, raw[key], key)
                except FieldError as exc:
                    problems.append(f"{source}:{raw.line_of(key)}: {exc}")
        for key in getattr(module, "REQUIRED", ()):
            if key not in raw:
                problems.append(f"{source}:{raw.line}: kind {kind} needs '{key}'")
        if hasattr(module, "validate") and len(problems) == count:
            problems.extend(f"{source}:{raw.line}: {p}" for p in module.validate(conf))
    accept = _accept(raw["accept"], raw.line_of("accept"), source, problems) if "accept" in raw else ()
    if len(problems) > count:
        return None
    return Rule(
        source=source,
        line=raw.line,
        id=raw["id"],
        kind=kind,
        severity=raw["severity"],
        message=raw["message"].strip(),
        module=module,
        conf=conf,
        names=names if names is not None else (file_names or ()),
        reason=raw.get("reason"),
        link=raw.get("link"),
        accept=accept,
    )


def parse_rules(text: str, source: str) -> tuple[list[Rule], list[str]]:
    """The checks of one rule file and the problems found in it."""
    data, problems = parse_yaml(text, source)
    if problems:
        return [], problems
    if not isinstance(data, LineMap):
        got = "an empty file" if data is None else described(data)
        return [], [f"{source}:1: expected a mapping with 'subject' (or 'documents: all') and 'checks', got {got}"]
    for key in data:
        if key not in FILE_FIELDS:
            problems.append(
                f"{source}:{data.line_of(key)}: unknown field {key!r}; expected one of {', '.join(FILE_FIELDS)}"
            )
    file_names = _scope(data, source, problems)
    checks = data.get("checks")
    if not isinstance(checks, list) or not checks:
        problems.append(f"{source}:{data.line_of('checks')}: 'checks' must be a non-empty list of checks")
        return [], problems
    rules = []
    for i, raw in enumerate(checks):
        rule = _rule(raw, checks.lines[i], source, file_names, problems)
        if rule is not None:
            rules.append(rule)
    return rules, problems


def load_rules(folder: str | Path) -> list[Rule]:
    """Every check in `folder/*.yaml` (or one file), validated together; RuleFileError lists every mistake."""
    folder = Path(folder)
    if folder.is_dir():
        files = sorted(path for suffix in RULE_SUFFIXES for path in folder.glob(f"*{suffix}"))
    elif folder.is_file():
        files = [folder]
    else:
        raise RuleFileError([f"{folder}: no such rules folder or file"])
    if not files:
        raise RuleFileError([f"{folder}: no rule files (*.yaml) found"])
    rules: list[Rule] = []
    problems: list[str] = []
    seen: dict[str, Rule] = {}
    for path in files:
        try:
            if not path.is_file():  # a pipe or a device named *.yaml would never finish reading
                raise OSError("not a regular file (a folder, a pipe or a device)")
            if path.stat().st_size > MAX_RULE_BYTES:
                raise OSError(f"{path.stat().st_size:,} bytes; a rule file is a short note (at most "
                              f"{MAX_RULE_BYTES:,})")
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{path}:1: cannot read the rule file: not UTF-8 ({exc.reason} at byte {exc.start})")
            continue
        except OSError as exc:
            problems.append(f"{path}:1: cannot read the rule file: {exc.strerror or exc}")
            continue
        found, file_problems = parse_rules(text, str(path))
        problems.extend(file_problems)
        for rule in found:
            if rule.id in seen:
                first = seen[rule.id]
                problems.append(
                    f"{rule.source}:{rule.line}: duplicate check id {rule.id!r} (first defined at "
                    f"{first.source}:{first.line}); ids must be unique across rule files"
                )
                continue
            seen[rule.id] = rule
            rules.append(rule)
    if problems:
        raise RuleFileError(problems)
    return rules
