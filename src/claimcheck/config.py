"""The project configuration file (`claimcheck.yaml`): settings for automatic discovery.

Optional. Read with the same line-aware safe loader as rule files, and every
mistake is one line `FILE:LINE: what is wrong` (exit status 2), like a rule file.

    discovery:
      enabled: true              # false switches discovery off (so does `claimcheck run --no-discover`)
      severity: warning          # error makes a possible discrepancy fail the run
      revision_tolerance: 2%     # exact figures this close are revisions, not contradictions
      approx_tolerance: 10%      # "around £100m" allows this much either way
      max_period_ratio: 1.25     # periods within this ratio are the same period; longer ones hold shorter parts
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from claimcheck.discover import DEFAULTS
from claimcheck.yamlguard import LineMap, parse_yaml

DEFAULT_FILE = "claimcheck.yaml"
SEVERITIES = ("error", "warning", "info")


class ConfigError(Exception):
    """A configuration file that cannot be used; `problems` holds one `file:line: message` per mistake."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _share(raw) -> float:
    if isinstance(raw, str) and (m := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%\s*", raw)):
        return float(m[1]) / 100
    raise ValueError("expected a percentage such as '2%'")


def _ratio(raw) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw < 1:
        raise ValueError("expected a number of at least 1, such as 2.5")
    return float(raw)


def _flag(raw) -> bool:
    if not isinstance(raw, bool):
        raise ValueError("expected true or false")
    return raw


def _severity(raw) -> str:
    if raw not in SEVERITIES:
        raise ValueError(f"expected one of {', '.join(SEVERITIES)}")
    return raw


def _count(raw) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
        raise ValueError("expected a whole number of at least 1")
    return raw


FIELDS = {"enabled": _flag, "severity": _severity, "revision_tolerance": _share, "approx_tolerance": _share,
          "max_period_ratio": _ratio, "max_findings": _count}


def add_discovery_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-discover", action="store_true",
                        help="skip automatic discovery of possible discrepancies (rules still run)")
    parser.add_argument("--config", metavar="PATH",
                        help=f"discovery settings (default: ./{DEFAULT_FILE} if it exists)")


def discovery_settings(args: argparse.Namespace) -> dict:
    """The settings `run` uses: the configuration file, then `--no-discover`. Raises ConfigError."""
    settings = load_config(getattr(args, "config", None))
    if getattr(args, "no_discover", False):
        settings["enabled"] = False
    return settings


def load_config(path: str | Path | None) -> dict:
    """The discovery settings: defaults, overridden by `path` (or ./claimcheck.yaml if present)."""
    settings = dict(DEFAULTS)
    if path is None:
        path = Path(DEFAULT_FILE)
        if not path.exists():
            return settings
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}:1: cannot read the configuration file: {exc}"]) from None
    data, problems = parse_yaml(text, str(path))
    if problems:
        raise ConfigError(problems)
    if data is None:
        return settings
    if not isinstance(data, LineMap) or set(data) - {"discovery"}:
        raise ConfigError([f"{path}:1: expected a mapping with one key, 'discovery'"])
    section = data.get("discovery") or LineMap()
    if not isinstance(section, LineMap):
        raise ConfigError([f"{path}:{data.lines.get('discovery', 1)}: 'discovery' must be a mapping of settings"])
    for key, raw in section.items():
        line = section.lines.get(key, 1)
        if key not in FIELDS:
            problems.append(f"{path}:{line}: unknown setting {key!r}; expected one of {', '.join(FIELDS)}")
            continue
        try:
            settings[key] = FIELDS[key](raw)
        except ValueError as exc:
            problems.append(f"{path}:{line}: discovery.{key}: {exc}")
    if problems:
        raise ConfigError(problems)
    return settings
