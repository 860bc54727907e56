"""The machine-readable outputs written beside the Markdown report, chosen with `--format`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from claimcheck.report import github, json_report, junit, sarif
from claimcheck.result import RunResult

# name -> (default file name in the output folder, or None for standard output; renderer: the text or its pieces)
FORMATS: dict[str, tuple[str | None, Callable[[RunResult], str | Iterable[str]]]] = {
    "json": ("claimcheck.json", json_report.render),
    "junit": ("claimcheck.junit.xml", junit.render),
    "sarif": ("claimcheck.sarif", sarif.render),
    "github": (None, github.render),
}
MARKDOWN = ("md", "markdown")  # always written; accepted so `--format md,sarif` reads naturally


class FormatError(ValueError):
    pass


def parse_formats(values: list[str] | None) -> list[str]:
    """`--format json --format sarif` or `--format json,sarif` -> ["json", "sarif"], in order, once each."""
    chosen: list[str] = []
    for value in values or []:
        for name in (part.strip().lower() for part in value.split(",")):
            if not name or name in MARKDOWN:
                continue
            if name not in FORMATS:
                raise FormatError(f"unknown format {name!r}; expected any of md, {', '.join(FORMATS)}")
            if name not in chosen:
                chosen.append(name)
    return chosen
