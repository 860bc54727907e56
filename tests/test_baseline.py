"""Baselines and accepted findings: `claimcheck baseline` records what is known, `run` then fails only on new
findings, and the report lists accepted ones (baseline and rule `accept:`) apart, with their reasons."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.baseline import DEFAULT_BASELINE

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "tests" / "fixtures" / "run"
CONTRADICTION = RUN / "innovation_contradiction" / "docs" / "005_innovation_150m.txt"
PART_EXCEEDS = RUN / "part_exceeds_total" / "docs" / "005_part_exceeds_total.txt"


@pytest.fixture
def work(tmp_path, monkeypatch) -> Path:
    """Seeds with the planted £150 million answer, the shipped rules; the working folder."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copy(CONTRADICTION, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report() -> str:
    return Path("reports/claimcheck.md").read_text(encoding="utf-8")


def accepted_section(text: str) -> str:
    start = text.find("## Accepted findings")
    return "" if start < 0 else text[start : text.find("\n## ", start + 1)]


def test_baseline_records_findings_with_fingerprints(work, capsys):
    assert cli.main(["baseline"]) == 0
    data = json.loads((work / DEFAULT_BASELINE).read_text(encoding="utf-8"))
    checks = sorted(entry["check"].split("::")[1] for entry in data["findings"])
    assert checks == ["innovation-funding-agrees", "innovation-funding-agrees", "innovation-funding-reference"]
    fingerprints = [entry["fingerprint"] for entry in data["findings"]]
    assert len(set(fingerprints)) == 3
    assert "3 finding(s) recorded" in capsys.readouterr().out


def test_known_finding_is_accepted_and_a_new_one_fails(work, capsys):
    assert cli.main(["run"]) == 1
    assert cli.main(["baseline"]) == 0

    assert cli.main(["run"]) == 0  # the default baseline file is used when present
    accepted = accepted_section(report())
    assert accepted.count("innovation-funding-") == 3
    assert "recorded as known in the baseline" in accepted
    assert "innovation-funding-agrees PASSED" in capsys.readouterr().out

    shutil.copy(PART_EXCEEDS, work / "seeds")
    assert cli.main(["run"]) == 1
    console = capsys.readouterr().out
    assert "part-never-exceeds-total FAILED" in console
    assert "innovation-funding-agrees PASSED" in console
    assert cli.main(["run", "--no-baseline"]) == 1
    assert "innovation-funding-agrees FAILED" in capsys.readouterr().out


def test_fingerprints_ignore_line_numbers(work):
    assert cli.main(["baseline", "--output", "known.json"]) == 0
    planted = work / "seeds" / CONTRADICTION.name
    lines = planted.read_text(encoding="utf-8").splitlines()
    lines.insert(14, "The Minister added a remark of no figures at all.")  # the £150 million moves to line 16
    planted.write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert cli.main(["run", "--baseline", "known.json", "--format", "json"]) == 0
    data = json.loads(Path("reports/claimcheck.json").read_text(encoding="utf-8"))
    moved = [c for check in data["checks"] for a in check["accepted"] for c in a["claims"] if c["doc"] == planted.stem]
    assert moved and all(claim["line"] == 16 for claim in moved)


def test_a_changed_figure_is_a_new_finding(work):
    assert cli.main(["baseline"]) == 0
    planted = work / "seeds" / CONTRADICTION.name
    planted.write_text(planted.read_text(encoding="utf-8").replace("£150 million", "£160 million"), encoding="utf-8")
    assert cli.main(["run"]) == 1


def test_reasons_written_in_the_baseline_are_shown_and_kept(work):
    assert cli.main(["baseline"]) == 0
    path = work / DEFAULT_BASELINE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"][0]["reason"] = "The July answer counts the second round too | see HL1234"
    path.write_text(json.dumps(data), encoding="utf-8")

    assert cli.main(["run"]) == 0
    assert "The July answer counts the second round too \\| see HL1234" in accepted_section(report())
    assert cli.main(["baseline"]) == 0  # rewriting keeps what people wrote
    kept = json.loads(path.read_text(encoding="utf-8"))["findings"]
    assert [e.get("reason") for e in kept].count("The July answer counts the second round too | see HL1234") == 1


def test_rule_accept_entries_are_listed_with_their_reason(work, capsys):
    rules = work / "rules" / "innovation_programme.yaml"
    text = rules.read_text(encoding="utf-8")
    text = text.replace(
        "    link: https://www.gov.uk/government/publications/childrens-services-innovation-programme\n",
        "    link: https://www.gov.uk/government/publications/childrens-services-innovation-programme\n"
        "    accept:\n"
        "      - at: '005_innovation_150m:15'\n"
        "        reason: The June answer included the second round, as the Department later clarified.\n",
    )
    rules.write_text(text, encoding="utf-8")

    assert cli.main(["run", "--no-baseline"]) == 1  # the agree check has no accept entry: still fails
    console = capsys.readouterr().out
    assert "innovation-funding-reference PASSED" in console
    accepted = accepted_section(report())
    assert "`rules/innovation_programme.yaml::innovation-funding-reference`" in accepted
    assert "included the second round" in accepted
    assert "innovation-funding-agrees" not in accepted


def test_a_broken_baseline_is_a_usage_error(work, capsys):
    (work / "bad.json").write_text("[1, 2", encoding="utf-8")
    assert cli.main(["run", "--baseline", "bad.json"]) == 2
    assert "bad.json: not a claimcheck baseline" in capsys.readouterr().err
    (work / "other.json").write_text('{"findings": []}', encoding="utf-8")
    assert cli.main(["run", "--baseline", "other.json"]) == 2
