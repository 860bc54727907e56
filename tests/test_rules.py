"""Rule files: each mistake is one line `file:line: what is wrong, what was expected`, exit 2, no traceback."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from claimcheck import cli
from claimcheck.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
subject: Children’s Social Care Innovation Programme
aliases: [Innovation Programme]
checks:
  - id: innovation-funding-agrees
    kind: agree
    severity: error
    message: The funding is quoted differently.
    measure: money
    tolerance: 5%
"""

MISTAKES = [
    # name, file text, line expected, words the message must contain
    (
        "bad-yaml",
        GOOD.replace("  - id: innovation-funding-agrees", "  - id: [innovation"),
        None,
        "invalid YAML",
    ),
    (
        "unknown-kind",
        GOOD.replace("kind: agree", "kind: agreee"),
        5,
        "unknown kind 'agreee'; expected one of",
    ),
    ("missing-field", GOOD.replace("    severity: error\n", ""), 4, "missing 'severity'"),
    (
        "mistyped-severity",
        GOOD.replace("severity: error", "severity: fatal"),
        6,
        "expected one of error, warning",
    ),
    ("mistyped-tolerance", GOOD.replace("tolerance: 5%", "tolerance: five"), 9, "tolerance"),
    ("mistyped-bool", GOOD + "    changes: maybe\n", 10, "'changes' must be true or false"),
    ("unknown-field", GOOD + "    tolerence: 5%\n", 10, "unknown field 'tolerence'"),
    ("bad-unit", GOOD.replace("tolerance: 5%", "unit: furlongs of joy"), 9, "Pint cannot parse"),
    (
        "bad-amount",
        GOOD.replace("kind: agree", "kind: reference")
        .replace("measure: money", "reference: £100 zillion")
        .replace("    tolerance: 5%\n", ""),
        8,
        "zillion",
    ),
    ("bad-period", GOOD.replace("tolerance: 5%", "period: next Tuesday"), 9, "financial year"),
    (
        "python-tag",
        GOOD.replace(
            "message: The funding is quoted differently.",
            "message: !!python/object/apply:os.system ['echo hacked']",
        ),
        7,
        "is not allowed",
    ),
    ("duplicate-key", GOOD + "    measure: count\n", 10, "duplicate key 'measure'"),
    ("no-checks", "subject: Innovation Programme\n", 1, "'checks' must be a non-empty list"),
    ("not-a-mapping", "- just\n- a list\n", 1, "expected a mapping"),
    (
        "no-scope",
        GOOD.replace("subject: Children’s Social Care Innovation Programme\naliases: [Innovation Programme]\n", ""),
        2,
        "'documents: all'",
    ),
    ("bad-accept", GOOD + "    accept: [{at: '002:17'}]\n", 10, "written 'reason'"),
    (
        "total-without-counted",
        GOOD.replace("kind: agree", "kind: part-of-total").replace("    measure: money\n    tolerance: 5%\n",
                                                                   "    total: 153 local authorities\n"),
        4,
        "'total' needs 'counted'",
    ),
    (
        "elsewhere-without-total",
        GOOD.replace("kind: agree", "kind: part-of-total").replace("    measure: money\n    tolerance: 5%\n",
                                                                   "    elsewhere: [Wales]\n"),
        4,
        "'elsewhere' needs 'total'",
    ),
    (
        "elsewhere-empty",
        GOOD.replace("kind: agree", "kind: part-of-total").replace(
            "    measure: money\n    tolerance: 5%\n",
            "    counted: local authorities\n    total: 153 local authorities\n    elsewhere: []\n"),
        10,
        "expected a list of names",
    ),
]


def run_rules(tmp_path: Path, files: dict[str, str], capsys) -> tuple[int, list[str], str]:
    rules = tmp_path / "rules"
    rules.mkdir()
    for name, text in files.items():
        (rules / name).write_text(text, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    status = cli.main(["run", str(docs), "--rules", str(rules), "--report", str(tmp_path / "r.md")])
    captured = capsys.readouterr()
    return status, captured.err.splitlines(), captured.out


@pytest.mark.parametrize(("name", "text", "line", "words"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_one_clear_line(tmp_path, capsys, name, text, line, words):
    status, errors, out = run_rules(tmp_path, {"topic.yaml": text}, capsys)
    assert status == 2
    assert len(errors) == 1, errors
    where = re.escape(str(tmp_path / "rules" / "topic.yaml"))
    number = str(line) if line else r"\d+"
    assert re.match(rf"^{where}:{number}: ", errors[0]), errors[0]
    assert words in errors[0]
    assert "Traceback" not in errors[0] and out == ""  # no check ran
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize(("text", "line", "said"), [
    # a tolerance it cannot read is asked for as a tolerance, once, not as '152 local authorities'
    (GOOD.replace("tolerance: 5%", "tolerance: five"), 9,
     "'tolerance': cannot read an amount in 'five'; expected a tolerance such as '5%' or '£1 million'"),
    (GOOD.replace("measure: money", "reference: lots").replace("kind: agree", "kind: reference")
     .replace("    tolerance: 5%\n", ""), 8,
     "'reference': cannot read an amount in 'lots'; expected an amount such as '£100 million' or "
     "'152 local authorities'"),
    (GOOD.replace("measure: money", "reference: £100 zillion").replace("kind: agree", "kind: reference")
     .replace("    tolerance: 5%\n", ""), 8,
     "'reference': unknown magnitude 'zillion' in '£100 zillion'; expected an amount such as '£100 million' or "
     "'152 local authorities'"),
    # what was written is named as YAML says it (the loader's LineList and LineMap are no words of a rule file)
    (GOOD.replace("tolerance: 5%", "tolerance: [5%]"), 9,
     "'tolerance': expected a tolerance such as '5%' or '£1 million', got a list"),
    (GOOD + "    counted: {local: authorities}\n", 10, "'counted': expected some text, got a mapping"),
    ("- just\n- a list\n", 1, "expected a mapping with 'subject' (or 'documents: all') and 'checks', got a list"),
])
def test_a_mistake_is_told_in_the_words_of_a_rule_file(tmp_path, capsys, text, line, said):
    status, errors, _ = run_rules(tmp_path, {"topic.yaml": text}, capsys)
    assert status == 2
    assert errors == [f"{tmp_path / 'rules' / 'topic.yaml'}:{line}: {said}"]


def test_python_tag_is_refused_not_run(tmp_path, capsys):
    marker = tmp_path / "hacked"
    text = GOOD.replace(
        "message: The funding is quoted differently.",
        f"message: !!python/object/apply:os.system ['touch {marker}']",
    )
    status, errors, _ = run_rules(tmp_path, {"topic.yaml": text}, capsys)
    assert status == 2 and not marker.exists()


def test_duplicate_id_across_files_names_both(tmp_path, capsys):
    status, errors, _ = run_rules(tmp_path, {"a.yaml": GOOD, "b.yaml": GOOD}, capsys)
    assert status == 2
    assert len(errors) == 1
    assert re.match(
        r"^.*b\.yaml:4: duplicate check id 'innovation-funding-agrees' \(first defined at .*a\.yaml:4\)",
        errors[0],
    )


def test_all_files_are_validated_before_reporting(tmp_path, capsys):
    bad_kind = GOOD.replace("kind: agree", "kind: nope")
    bad_severity = GOOD.replace("severity: error", "severity: loud").replace("innovation-funding-agrees", "other")
    status, errors, _ = run_rules(tmp_path, {"a.yaml": bad_kind, "b.yaml": bad_severity}, capsys)
    assert status == 2
    assert [Path(e.split(":")[0]).name for e in errors] == ["a.yaml", "b.yaml"]


def test_empty_rules_folder_is_an_error(tmp_path, capsys):
    status, errors, _ = run_rules(tmp_path, {}, capsys)
    assert status == 2 and "no rule files" in errors[0]


def test_shipped_rules_are_valid():
    rules = load_rules(ROOT / "rules")
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert {"innovation-funding-agrees", "answered-after-asked", "part-never-exceeds-total"} <= set(ids)


def test_reference_is_an_alias_of_bound_and_values_are_parsed(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        textwrap.dedent("""\
        subject: Partners in Practice
        checks:
          - id: pip
            kind: reference
            severity: warning
            message: m
            reference: £20 million
            tolerance: 5%
            period: 2017-18
        """),
        encoding="utf-8",
    )
    (rule,) = load_rules(path)
    assert rule.kind == "bound"
    assert (rule.conf["reference"].value, rule.conf["reference"].unit) == (20e6, "GBP")
    assert rule.conf["tolerance"].relative == pytest.approx(0.05)
    assert str(rule.conf["period"].start) == "2017-04-01" and str(rule.conf["period"].end) == "2018-03-31"
    assert rule.names == ("Partners in Practice",)


def test_cli_subprocess_prints_no_traceback(tmp_path):
    import subprocess
    import sys

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yaml").write_text("checks: [", encoding="utf-8")
    exe = Path(sys.executable).with_name("claimcheck")
    if not exe.exists():
        pytest.skip("claimcheck script not installed in this environment")
    done = subprocess.run(
        [str(exe), "run", str(tmp_path), "--rules", str(rules)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert re.match(r"^.*x\.yaml:\d+: invalid YAML", done.stderr)
