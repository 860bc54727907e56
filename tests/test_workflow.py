"""The shipped GitHub Actions workflow, parsed: its triggers, its steps, and a `claimcheck run` line that the
real argument parser accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from claimcheck import cli

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "claimcheck.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


@pytest.fixture(scope="module")
def steps(workflow) -> list[dict]:
    (job,) = workflow["jobs"].values()
    return job["steps"]


def step(steps: list[dict], *, uses: str = "", runs: str = "") -> dict:
    found = [s for s in steps if (uses and s.get("uses", "").startswith(uses)) or (runs and runs in s.get("run", ""))]
    assert len(found) == 1, f"expected one step using {uses or runs!r}, found {len(found)}"
    return found[0]


def test_runs_on_pushes_and_pull_requests_that_touch_seeds_or_rules(workflow):
    for event in ("push", "pull_request"):
        paths = workflow["on"][event]["paths"]
        assert "seeds/**" in paths and "rules/**" in paths


def test_steps_in_order_checkout_python_install_run_summary_upload(steps):
    order = [
        steps.index(step(steps, uses="actions/checkout@")),
        steps.index(step(steps, uses="actions/setup-python@")),
        steps.index(step(steps, runs="pip install")),
        steps.index(step(steps, runs="claimcheck run")),
        steps.index(step(steps, runs="GITHUB_STEP_SUMMARY")),
        steps.index(step(steps, uses="actions/upload-artifact@")),
    ]
    assert order == sorted(order)


def test_checkout_has_the_history_that_changed_since_needs(steps):
    assert step(steps, uses="actions/checkout@")["with"]["fetch-depth"] == 0


def test_summary_and_artifact_run_even_when_the_check_fails(steps):
    summary = step(steps, runs="GITHUB_STEP_SUMMARY")
    upload = step(steps, uses="actions/upload-artifact@")
    assert summary["if"] == "always()" and upload["if"] == "always()"
    assert "reports/claimcheck.md" in summary["run"]
    assert upload["with"]["path"].rstrip("/") == "reports"


def test_the_run_line_is_accepted_by_the_cli_and_asks_for_annotations(steps):
    script = step(steps, runs="claimcheck run")["run"]
    (line,) = [ln.strip() for ln in script.splitlines() if ln.strip().startswith("claimcheck run")]
    words = shlex.split(re.sub(r'"\$\{since\[@\]\}"', "--changed-since abc123", line))
    args = cli.build_parser().parse_args(words[1:])
    assert args.command == "run"
    assert args.changed_since == "abc123"
    assert {"github", "sarif", "junit", "json"} <= {f for value in args.format for f in value.split(",")}
    assert "--changed-since" in script and "$BASE" in script
