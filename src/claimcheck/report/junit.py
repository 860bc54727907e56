"""`--format junit`: JUnit XML, one test case per check, for CI systems that show test results.

A check that failed (error severity) is a <failure>, one that crashed an <error>,
one with too little to compare <skipped>. Warning and info findings do not fail
the run, so their check passes with the findings in <system-out>. Each test case
carries `file` and `line` (the rule file and the check's line; for a possible discrepancy found
without rules, which has none, its first claim's document and line), the attributes GitLab, Jenkins
and the JUnit report actions read. Characters XML 1.0 does not allow (control
characters from text saved by Word or a terminal, lone surrogates) are written as U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from claimcheck.findings import Verdict
from claimcheck.result import RunResult, relative_path


def render(result: RunResult) -> str:
    counts = result.counts()
    suites = ET.Element("testsuites", name="claimcheck")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="claimcheck",
        tests=str(len(result.verdicts)),
        failures=str(counts["failed"]),
        errors=str(counts["error"]),
        skipped=str(counts["skipped"]),
        time="0",
    )
    for verdict in result.verdicts:
        _case(suite, result, verdict)
    suites.set("tests", suite.get("tests"))
    suites.set("failures", suite.get("failures"))
    suites.set("errors", suite.get("errors"))
    ET.indent(suites)
    # ElementTree escapes markup but writes any character as it is: one control character made the file unreadable
    return _NOT_XML.sub("\ufffd", ET.tostring(suites, encoding="unicode", xml_declaration=True)) + "\n"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _case(suite: ET.Element, result: RunResult, verdict: Verdict) -> None:
    rule_file = relative_path(verdict.source)
    file, line = rule_file, verdict.line
    if verdict.kind == "discover" and verdict.findings:  # no rule file: placed at the first claim it names
        first = result.primary(verdict.findings[0])
        file, line = result.path_of(first.doc), first.line or 1
    case = ET.SubElement(
        suite,
        "testcase",
        classname=rule_file.removesuffix(".yaml").removesuffix(".yml").replace("/", "."),
        name=verdict.id,
        file=file,
        line=str(line),
        time="0",
    )
    details = "\n".join(_finding_lines(result, verdict))
    if verdict.status == "failed":
        failure = ET.SubElement(case, "failure", message=verdict.message, type=verdict.kind)
        failure.text = details
    elif verdict.status == "error":
        ET.SubElement(case, "error", message=verdict.note, type="crash").text = verdict.note
    elif verdict.status == "skipped":
        ET.SubElement(case, "skipped", message=verdict.note)
    elif details:
        ET.SubElement(case, "system-out").text = f"{verdict.status}: {verdict.message}\n{details}"


def _finding_lines(result: RunResult, verdict: Verdict) -> list[str]:
    lines = []
    for finding in verdict.findings:
        lines.append(f"{finding.message}")
        for e in finding.evidence:
            quoted = e.sentence or e.text
            lines.append(f"  {result.path_of(e.doc)}:{e.line or 1} ({e.role}): {quoted}")
    for finding, why in verdict.accepted:
        lines.append(f"accepted: {finding.message} ({why})")
    return lines
