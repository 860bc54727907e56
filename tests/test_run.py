"""`claimcheck run` end to end: fixture documents added to a copy of seeds/, checked against rules.

Tests marked `needs_extractor` read figures from text, so they need the real claim extractor;
`answered_before_asked` needs only document metadata.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from claimcheck import cli

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "run"
SHIPPED_RULES = ROOT / "rules"


def run(tmp_path: Path, docs: list[Path], rules: Path = SHIPPED_RULES, capsys=None) -> tuple[int, str, str]:
    """Seeds plus `docs` in a fresh folder, `claimcheck run` on them; (exit status, report, console)."""
    corpus = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", corpus)
    for folder in docs:
        for doc in folder.glob("*.txt"):
            shutil.copy(doc, corpus / doc.name)
    report = tmp_path / "reports" / "claimcheck.md"
    status = cli.main(["run", str(corpus), "--rules", str(rules), "--report", str(report)])
    console = capsys.readouterr().out if capsys else ""
    return status, report.read_text(encoding="utf-8"), console


def failed_section(report: str, check_id: str) -> str:
    """The report's section for one failed check (empty when the check did not fail)."""
    match = re.search(rf"^### \S+ `[^`]*::{re.escape(check_id)}`.*?(?=^### |^## |\Z)", report, re.M | re.S)
    return match.group(0) if match else ""


HIDDEN_LIKE = [
    # scenario, failing checks, the planted place each must name
    pytest.param(
        "innovation_contradiction",
        ["innovation-funding-agrees", "innovation-funding-reference"],
        "005_innovation_150m:15",
        marks=pytest.mark.needs_extractor,
    ),
    pytest.param(
        # the same contradiction in GOV.UK style: a content-type line, "2014 to 2015 and 2015 to 2016"
        "innovation_contradiction_govuk",
        ["innovation-funding-agrees", "innovation-funding-reference"],
        "005_innovation_govuk_110m:6",
        marks=pytest.mark.needs_extractor,
    ),
    pytest.param("answered_before_asked", ["answered-after-asked"], "005_answered_before_asked:13"),
    pytest.param(
        "part_exceeds_total",
        ["part-never-exceeds-total", "local-authorities-in-england"],
        "005_part_exceeds_total:15",
        marks=pytest.mark.needs_extractor,
    ),
]


@pytest.mark.parametrize(("scenario", "checks", "place"), HIDDEN_LIKE)
def test_shipped_rules_catch_a_contradicting_document(tmp_path, capsys, scenario, checks, place):
    status, report, console = run(tmp_path, [FIXTURES / scenario / "docs"], capsys=capsys)
    assert status == 1
    for check_id in checks:
        assert re.search(rf"::{re.escape(check_id)} FAILED", console)
        assert f"`{place}`" in failed_section(report, check_id), f"{check_id} does not name {place}"


@pytest.mark.needs_extractor
def test_shipped_rules_pass_a_consistent_document(tmp_path, capsys):
    status, report, console = run(tmp_path, [FIXTURES / "innovation_consistent" / "docs"], capsys=capsys)
    assert status == 0, console
    assert "innovation-funding-agrees PASSED (compared 3 claim(s) from 3 document(s))" in console


@pytest.mark.needs_extractor
def test_run_on_the_seeds_writes_the_report_and_passes(tmp_path, capsys):
    status, report, console = run(tmp_path, [], capsys=capsys)
    assert status == 0, console
    assert report.startswith("# claimcheck report")
    assert "innovation-funding-agrees PASSED" in console  # two answers compared, not skipped
    assert re.search(r"^\d+ passed(, \d+ (warnings|skipped))*$", console.strip().splitlines()[-1])


PLANTED = [  # scenario with its own rules: planted/ must fail at `place`, clean/ must pass
    ("periods_overlap", "innovation-rounds-disjoint", "005_second_round:15"),
    ("rate_total", "rate-times-duration", "005_workforce:15"),
    ("sum", "parts-add-up", "005_spend:15"),
    ("promise_kept", "review-published-when-promised", "006_review_published:7"),
]


@pytest.mark.needs_extractor
@pytest.mark.parametrize(("scenario", "check_id", "place"), PLANTED)
def test_planted_discrepancy_is_caught(tmp_path, capsys, scenario, check_id, place):
    status, report, console = run(tmp_path, [FIXTURES / scenario / "planted"], FIXTURES / scenario / "rules", capsys)
    assert status == 1, console
    assert f"`{place}`" in failed_section(report, check_id)


@pytest.mark.needs_extractor
@pytest.mark.parametrize(("scenario", "check_id", "place"), PLANTED)
def test_clean_variant_passes(tmp_path, capsys, scenario, check_id, place):
    status, report, console = run(tmp_path, [FIXTURES / scenario / "clean"], FIXTURES / scenario / "rules", capsys)
    assert status == 0, console
    assert f"::{check_id} PASSED" in console


def test_missing_documents_folder_is_a_usage_error(tmp_path, capsys):
    status = cli.main(["run", str(tmp_path / "nowhere"), "--report", str(tmp_path / "r.md")])
    assert status == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "r.md").exists()


def test_report_is_written_where_asked_without_leftovers(tmp_path, capsys):
    report = tmp_path / "out" / "deep" / "report.md"
    status = cli.main(["run", str(FIXTURES / "answered_before_asked" / "docs"), "--report", str(report)])
    assert status == 1
    assert report.exists()
    assert [p.name for p in report.parent.iterdir()] == ["report.md"]
    assert "answered-after-asked FAILED" in capsys.readouterr().out


def test_the_console_shows_twenty_findings_a_check_and_counts_the_rest(tmp_path, capsys):
    docs = tmp_path / "extra"
    docs.mkdir()
    body = "\n\n".join(f"In {2000 + i}, 160 local authorities out of a total of 151 took part." for i in range(25))
    (docs / "005_many_parts.txt").write_text(f"Parts\nPublished 1 May 2024\n\n{body}\n", encoding="utf-8")
    status, report, console = run(tmp_path, [docs], capsys=capsys)
    assert status == 1
    section = console.split("part-never-exceeds-total FAILED", 1)[1].split("\nrules/", 1)[0]
    assert section.count("is more than its total") == 20
    assert "... and 5 more: the report lists them" in section
    assert report.count("is more than its total") >= 25  # the report still lists every one


def test_the_summary_line_counts_in_the_singular_and_the_plural():
    """'9 passed, 1 warnings, 2 skipped' was how the console and the report's first line counted one warning."""
    from claimcheck.findings import Verdict
    from claimcheck.runner import summary_line

    def verdicts(*statuses: str) -> list[Verdict]:
        return [Verdict("rules/x.yaml", 1, f"c{n}", "agree", "warning", "m", status) for n, status in
                enumerate(statuses)]

    assert summary_line(verdicts("passed", "warning", "error", "skipped")) == "1 passed, 1 warning, 1 skipped, 1 error"
    assert summary_line(verdicts("warning", "warning", "error", "error", "info")) == "2 warnings, 1 info, 2 errors"
