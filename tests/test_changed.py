"""`claimcheck run --changed-since REF` and `--only FILE`: new documents checked against the whole corpus,
reported on alone. Each test builds a real git repository in tmp_path holding the seeds and the shipped rules."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.changed import ChangedError, changed_files

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "tests" / "fixtures" / "run"
CONTRADICTION = RUN / "innovation_contradiction" / "docs" / "005_innovation_150m.txt"
CONSISTENT = RUN / "innovation_consistent" / "docs" / "005_innovation_100m.txt"
OLD_PROBLEM = RUN / "part_exceeds_total" / "docs" / "005_part_exceeds_total.txt"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository with seeds/ and rules/ committed; the working folder for the test."""
    repo = tmp_path / "statements"
    shutil.copytree(ROOT / "seeds", repo / "seeds")
    shutil.copytree(ROOT / "rules", repo / "rules")
    git(repo.parent, "init", "-q", str(repo))
    git(repo, "config", "user.name", "Test Fact-Checker")
    git(repo, "config", "user.email", "checker@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "add", "seeds", "rules")
    git(repo, "commit", "-q", "-m", "seeds and rules")
    monkeypatch.chdir(repo)
    return repo


def run(*args: str) -> tuple[int, dict]:
    status = cli.main(["run", "seeds", "--rules", "rules", "--format", "json", "--no-baseline", *args])
    return status, json.loads(Path("reports/claimcheck.json").read_text(encoding="utf-8"))


def failing(data: dict) -> dict[str, list[str]]:
    """check id -> the documents its reported findings involve, for checks that failed."""
    return {
        c["id"]: sorted({claim["doc"] for f in c["findings"] for claim in f["claims"]})
        for c in data["checks"]
        if c["status"] == "failed"
    }


def test_a_contradicting_new_seed_is_reported_and_fails_alone(repo, capsys):
    shutil.copy(OLD_PROBLEM, repo / "seeds")  # an old, known problem: committed before the change
    git(repo, "add", "seeds")
    git(repo, "commit", "-q", "-m", "older answer")
    assert run()[0] == 1  # a full run fails on the old problem
    shutil.copy(CONTRADICTION, repo / "seeds")

    status, data = run("--changed-since", "HEAD")

    assert status == 1
    assert set(failing(data)) == {"innovation-funding-agrees", "innovation-funding-reference"}
    assert all("005_innovation_150m" in docs for docs in failing(data).values())
    assert data["focus"]["documents"] == {"005_innovation_150m": "new"}
    report = Path("reports/claimcheck.md").read_text(encoding="utf-8")
    assert "## Documents checked in this run" in report
    assert "`005_innovation_150m` | 🆕 new" in report
    console = capsys.readouterr().out
    assert "part-never-exceeds-total PASSED" in console
    assert "not involving the changed documents left out" in console


def test_an_unrelated_consistent_new_seed_passes(repo, capsys):
    shutil.copy(OLD_PROBLEM, repo / "seeds")
    git(repo, "add", "seeds")
    git(repo, "commit", "-q", "-m", "older answer")
    shutil.copy(CONSISTENT, repo / "seeds")

    status, data = run("--changed-since", "HEAD")

    assert status == 0, capsys.readouterr().out
    assert data["focus"]["documents"] == {"005_innovation_100m": "new"}
    assert failing(data) == {}


def test_committed_and_modified_documents_count_as_new_and_changed(repo):
    base = git(repo, "rev-parse", "HEAD").strip()
    shutil.copy(CONTRADICTION, repo / "seeds")
    git(repo, "add", "seeds")
    git(repo, "commit", "-q", "-m", "a new answer")
    seed = repo / "seeds" / "004_d6d10dc4c519bdc7.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA line added later.\n", encoding="utf-8")
    (repo / "seeds" / "001_c112a6b9c5f63cce.txt").unlink()

    found = {c.path.name: c.status for c in changed_files(base, repo)}

    assert found == {"005_innovation_150m.txt": "new", "004_d6d10dc4c519bdc7.txt": "changed"}


def test_nothing_changed_reports_nothing_and_passes(repo, capsys):
    shutil.copy(OLD_PROBLEM, repo / "seeds")
    git(repo, "add", "seeds")
    git(repo, "commit", "-q", "-m", "older answer")

    status, data = run("--changed-since", "HEAD")

    assert status == 0
    assert data["focus"]["documents"] == {}
    assert "no new or changed document" in capsys.readouterr().out


def test_a_changed_rule_file_reports_all_its_findings(repo):
    shutil.copy(OLD_PROBLEM, repo / "seeds")
    git(repo, "add", "seeds")
    git(repo, "commit", "-q", "-m", "older answer")
    rules = repo / "rules" / "parts_and_totals.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")

    status, data = run("--changed-since", "HEAD")

    assert status == 1
    assert "part-never-exceeds-total" in failing(data)


def test_unknown_ref_and_no_repository_are_usage_errors(repo, tmp_path, capsys, monkeypatch):
    assert cli.main(["run", "seeds", "--changed-since", "no-such-branch"]) == 2
    assert "'no-such-branch' is not a commit" in capsys.readouterr().err
    elsewhere = tmp_path / "plain"
    elsewhere.mkdir()
    with pytest.raises(ChangedError, match="not a git repository"):
        changed_files("HEAD", elsewhere)


def test_only_checks_named_documents_from_outside_the_corpus(repo, tmp_path):
    shutil.copy(OLD_PROBLEM, repo / "seeds")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(CONTRADICTION, inbox)

    status, data = run("--only", str(inbox / CONTRADICTION.name))

    assert status == 1
    assert data["focus"] == {"source": "--only", "documents": {"005_innovation_150m": "named"}, "rule_files": []}
    assert set(failing(data)) == {"innovation-funding-agrees", "innovation-funding-reference"}
    # the report says what the console and the JSON say: named, not "✏️ changed" (nor "0 new")
    report = Path("reports/claimcheck.md").read_text(encoding="utf-8")
    assert "| `005_innovation_150m` | named " in report
    assert "changed" not in report.split("## Documents checked in this run", 1)[1].split("\n## ", 1)[0]
    assert "1 document(s) chosen by `--only` (1 named)" in report


def test_only_a_missing_file_is_a_usage_error(repo, capsys):
    assert cli.main(["run", "seeds", "--only", "seeds/nope.txt"]) == 2
    assert "seeds/nope.txt: no such document" in capsys.readouterr().err


def test_only_a_rule_file_keeps_its_findings_and_is_not_read_as_a_document(repo, capsys):
    """`--only rules/x.yaml` is a changed rule file (every finding of its checks kept), as the console said, but
    the file was also read as a document: its '£100 million' and '2014-15' became claims that the checks compared
    ('compared 5 claim(s) from 3 document(s)' where the seeds give 2 from 2)."""
    shutil.copy(CONTRADICTION, repo / "seeds")
    status, data = run("--only", "rules/innovation_programme.yaml")
    assert status == 1
    assert data["focus"] == {"source": "--only", "documents": {},
                             "rule_files": [str((repo / "rules" / "innovation_programme.yaml").resolve())]}
    assert [d["doc"] for d in data["documents"] if not d["path"].startswith("seeds/")] == []
    assert set(failing(data)) == {"innovation-funding-agrees", "innovation-funding-reference"}
    agrees = next(c for c in data["checks"] if c["id"] == "innovation-funding-agrees")
    assert agrees["note"] == "compared 3 claim(s) from 3 document(s)"
    # the console names the rule file ('reporting on no document(s) and 1 changed rule file(s) (--only): -')
    assert "claimcheck: reporting on 1 changed rule file(s) (--only): rules/innovation_programme.yaml" in (
        capsys.readouterr().out.splitlines())
