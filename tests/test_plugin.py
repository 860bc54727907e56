"""The pytest plugin, run as users run it: `pytest rules/` and `pytest --claimcheck` in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "tests" / "fixtures" / "run"
CONTRADICTION = RUN / "innovation_contradiction" / "docs" / "005_innovation_150m.txt"


def pytest_run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.fixture
def project(tmp_path) -> Path:
    """A user's repository: seeds/ and rules/, no pytest configuration."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def cases(junit: Path) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in ET.parse(junit).getroot().iter("testcase")}


def test_pytest_rules_collects_the_shipped_checks_and_passes(tmp_path):
    junit = tmp_path / "junit.xml"
    done = pytest_run(ROOT, "rules/", f"--junitxml={junit}", "-o", "junit_family=xunit1")
    assert done.returncode == 0, done.stdout
    shipped = load_rules(ROOT / "rules")
    found = cases(junit)
    assert set(found) == {rule.id for rule in shipped}
    for rule in shipped:  # reportinfo: the rule file and the check's line (pytest counts from 0)
        case = found[rule.id]
        assert case.get("file") == f"rules/{Path(rule.source).name}"
        assert int(case.get("line")) == rule.line - 1
    skipped = sum(1 for case in found.values() if case.find("skipped") is not None)
    assert f"{len(shipped) - skipped} passed" in done.stdout.splitlines()[-1]


def test_a_planted_seed_fails_with_the_disagreeing_claims(project):
    shutil.copy(CONTRADICTION, project / "seeds")
    done = pytest_run(project, "rules/")
    assert done.returncode == 1
    out = done.stdout
    assert "FAILED rules/innovation_programme.yaml::innovation-funding-agrees" in out
    assert "FAILED rules/innovation_programme.yaml::innovation-funding-reference" in out
    assert "seeds/005_innovation_150m.txt:15 (figure): [£149.5m, £150.5m], period 2014-04-01 .. 2016-03-31" in out
    assert "seeds/000_3d31146daf813412.txt:17 (figure)" in out
    assert "“The Children’s Social Care Innovation Programme has allocated £150 million" in out
    assert "Traceback" not in out and "plugin.py" not in out.split("short test summary")[0]


def test_the_plugin_is_inert_in_an_ordinary_test_run(project):
    """YAML rule fixtures under tests/ are never collected unless asked for."""
    tests = project / "tests"
    shutil.copytree(RUN / "sum" / "rules", tests / "fixtures" / "rules")
    (tests / "test_one.py").write_text("def test_one():\n    assert 1 + 1 == 2\n", encoding="utf-8")
    for args in ((), ("tests",)):
        done = pytest_run(project, "--collect-only", "-q", *args)
        collected = [line for line in done.stdout.splitlines() if "::" in line]
        assert collected == ["tests/test_one.py::test_one"], done.stdout


def test_claimcheck_option_adds_the_rules_to_the_test_run(project):
    tests = project / "tests"
    tests.mkdir()
    (tests / "test_one.py").write_text("def test_one():\n    assert 1 + 1 == 2\n", encoding="utf-8")
    (project / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n", encoding="utf-8")
    done = pytest_run(project, "--claimcheck", "--collect-only", "-q")
    collected = {line for line in done.stdout.splitlines() if "::" in line}
    assert "tests/test_one.py::test_one" in collected
    assert "rules/innovation_programme.yaml::innovation-funding-agrees" in collected
    assert len(collected) == 1 + len(load_rules(project / "rules"))


def test_a_rule_file_mistake_is_a_collection_error_with_its_line(project):
    bad = project / "rules" / "typo.yaml"
    bad.write_text("subject: Partners in Practice\nchecks:\n  - id: x\n    kind: agre\n", encoding="utf-8")
    done = pytest_run(project, "rules/typo.yaml")
    assert done.returncode != 0
    assert "rules/typo.yaml:4: unknown kind 'agre'" in done.stdout
    assert "rules/typo.yaml:3: check is missing 'severity'" in done.stdout


def test_the_plugin_knows_rule_files_as_the_rules_do() -> None:
    """The plugin keeps its own copy so that pytest's start-up never imports pandas; the two must agree."""
    from claimcheck import plugin, rules

    assert plugin.RULE_SUFFIXES == rules.RULE_SUFFIXES
