"""`--format github`: workflow-command annotations that GitHub Actions shows on the pull request's files.

One `::error file=…,line=…,title=…::message` line per finding (warning and
notice for the other severities), printed to standard output. GitHub shows at
most 10 annotations of each level per step, so past 10 the first 9 are printed
and the 10th says how many more there are and where to read them.
"""

from __future__ import annotations

from claimcheck.result import RunResult

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
LIMIT = 10  # annotations GitHub shows per level per step


def escape_data(text: str) -> str:
    """The message part of a workflow command: % and line breaks would end or corrupt the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also ':' and ',', which separate the properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties) -> str:
    props = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items() if value)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def annotations(result: RunResult, report: str = "reports/claimcheck.md") -> list[str]:
    by_level: dict[str, list[str]] = {level: [] for level in COMMAND.values()}
    for verdict in result.verdicts:
        level = COMMAND[verdict.severity]
        if verdict.status == "error":
            by_level["error"].append(
                command("error", verdict.note, file=verdict.source, line=verdict.line, title=f"claimcheck {verdict.id}")
            )
            continue
        for finding in verdict.findings:
            at = result.primary(finding)
            others = ", ".join(e.location for e in finding.evidence if e is not at)
            message = f"{verdict.message}\n{finding.message}" + (f"\nCompared with {others}." if others else "")
            by_level[level].append(
                command(
                    level,
                    message,
                    file=result.path_of(at.doc) if at else verdict.source,
                    line=(at.line or 1) if at else verdict.line,
                    title=f"claimcheck {verdict.id}",
                )
            )
    lines = []
    for level, found in by_level.items():
        if len(found) <= LIMIT:
            lines += found
            continue
        lines += found[: LIMIT - 1]
        rest = len(found) - (LIMIT - 1)
        lines.append(
            command(
                level,
                f"{rest} more {level} finding(s) not shown here; see {report}.",
                title="claimcheck: more findings",
            )
        )
    return lines


def render(result: RunResult, report: str = "reports/claimcheck.md") -> str:
    lines = annotations(result, report)
    return "\n".join(lines) + ("\n" if lines else "")
