"""Discovery inside `claimcheck run` (on by default, warning severity, configurable, switchable off) and
the `claimcheck subjects` listing."""

from __future__ import annotations

from claimcheck.cli import main
from conftest import FIXTURES, ROOT, SEEDS

SAME_ROUND = FIXTURES / "discover" / "same_round"
RULES = ROOT / "rules"


def _date_rules_only(tmp_path):
    """A rules folder whose one check is about dates: it compares no figure, so what discovery finds is new."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "dates.yaml").write_text(
        "documents: all\nchecks:\n  - {id: dates, kind: date-order, severity: error, message: m, "
        "expect: answered-after-asked}\n", encoding="utf-8")
    return rules


def test_run_warns_and_reports_the_discovery(tmp_path, capsys):
    report = tmp_path / "report.md"
    rules = _date_rules_only(tmp_path)
    assert main(["run", str(SAME_ROUND), "--rules", str(rules), "--report", str(report), "--no-cache"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.startswith("discovery::"))
    assert "WARNING" in line
    text = report.read_text(encoding="utf-8")
    assert "## Possible discrepancies found without rules" in text
    # the report's first line counts the rules' checks as the console does, the discovery apart (it said 2 checks)
    assert "claimcheck: 2 document(s), 2 claim(s), 1 check(s) from" in out
    assert "1 check(s) from `" in text.splitlines()[2] and "1 possible discrepancy found without rules" in text
    assert "`b_2016:15`" in text and "£150 million" in text and "```yaml" in text


def test_a_pair_a_rule_reports_is_not_found_again_without_rules(tmp_path, capsys):
    """£100 million and £150 million for the same round: innovation-funding-agrees fails on the pair, and
    discovery used to print it again as a warning 'found without a rule' (with rules/ naming the subject as the
    reason it linked them), while the report said no rule had asked for that comparison."""
    report = tmp_path / "report.md"
    assert main(["run", str(SAME_ROUND), "--rules", str(RULES), "--report", str(report), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "innovation-funding-agrees FAILED" in out
    assert "discovery::" not in out
    assert out.splitlines()[-1] == "2 passed, 2 failed, 7 skipped"
    section = report.read_text(encoding="utf-8").split("## Possible discrepancies found without rules", 1)[1]
    assert "apart from any the checks above report" in section.split("\n## ", 1)[0]


def test_discovery_alone_does_not_fail_the_run(tmp_path, capsys):
    rules = _date_rules_only(tmp_path)
    args = ["run", str(SAME_ROUND), "--rules", str(rules), "--report", str(tmp_path / "r.md"), "--no-cache"]
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 passed, 1 warning"
    config = tmp_path / "claimcheck.yaml"
    config.write_text("discovery:\n  severity: error\n", encoding="utf-8")
    assert main([*args, "--config", str(config)]) == 1
    assert "discovery::children-s-social-care-innovation-money FAILED" in capsys.readouterr().out
    assert main([*args, "--no-discover"]) == 0
    assert "discovery::" not in capsys.readouterr().out


def test_bad_config_is_one_line_and_exit_2(tmp_path, capsys):
    config = tmp_path / "claimcheck.yaml"
    config.write_text("discovery:\n  approx_tolerance: lots\n", encoding="utf-8")
    status = main(["run", str(SEEDS), "--rules", str(RULES), "--config", str(config), "--report",
                   str(tmp_path / "r.md")])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and err == [f"{config}:2: discovery.approx_tolerance: expected a percentage such as '2%'"]


def test_seeds_run_has_no_discovery(tmp_path, capsys):
    assert main(["run", str(SEEDS), "--rules", str(RULES), "--report", str(tmp_path / "r.md")]) == 0
    assert "discovery::" not in capsys.readouterr().out
    assert "agree wherever their periods meet" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_subjects_lists_linked_subjects_over_time(tmp_path, capsys):
    assert main(["subjects", str(SEEDS), str(SAME_ROUND), "--rules", str(RULES)]) == 0
    text = capsys.readouterr().out
    section = text.split("## Children’s Social Care Innovation Programme", 1)[1].split("\n## ", 1)[0]
    assert "Linked because" in section and r"rules/innovation\_programme.yaml" in section  # Markdown-escaped
    for where in ("000_3d31146daf813412:17", "002_1bcd5c0d0d33053a:17", "b_2016:15"):
        assert where in section
    assert "```mermaid" in section and "gantt" in section
    out = tmp_path / "subjects.md"
    assert main(["subjects", str(SEEDS), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Subjects")


def test_a_focused_run_leaves_out_discoveries_about_other_documents(tmp_path, capsys):
    """--only a document the discovery is not about: the discovery was listed as 'discovery::... PASSED' (a
    passed discovery means nothing) and printed in full under 'Possible discrepancies', though the run reports
    only what involves the named document."""
    rules = _date_rules_only(tmp_path)
    report = tmp_path / "r.md"
    args = ["run", str(SAME_ROUND), str(SEEDS), "--rules", str(rules), "--report", str(report), "--no-cache"]
    assert main(args) == 0
    assert "discovery::children-s-social-care-innovation-money WARNING" in capsys.readouterr().out
    assert main([*args, "--only", str(SEEDS / "004_d6d10dc4c519bdc7.txt")]) == 0
    out = capsys.readouterr().out
    assert "discovery::" not in out and out.splitlines()[-1] == "1 passed"
    text = report.read_text(encoding="utf-8")
    assert "discovery::" not in text and "b_2016" not in text.split("## Possible discrepancies", 1)[1].split("\n## ")[0]


def test_a_discovery_in_the_baseline_is_no_longer_a_lead(tmp_path, capsys, monkeypatch):
    """Accepted through the baseline, it is listed under Accepted findings, not again as a lead to check."""
    monkeypatch.chdir(tmp_path)
    rules = _date_rules_only(tmp_path)
    assert main(["baseline", str(SAME_ROUND), "--rules", str(rules), "--no-cache"]) == 0
    assert main(["run", str(SAME_ROUND), "--rules", str(rules), "--report", "r.md", "--no-cache"]) == 0
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "## Accepted findings" in text and "b\\_2016:15" in text.split("## Accepted findings", 1)[1]
    leads = text.split("## Possible discrepancies found without rules", 1)[1].split("\n## ", 1)[0]
    assert "b_2016" not in leads and "agree wherever their periods meet" in leads


def test_subjects_writes_where_asked_or_says_in_one_line_why_it_cannot(tmp_path, capsys):
    """--output into a folder not yet made raised FileNotFoundError with a traceback."""
    out = tmp_path / "new" / "folder" / "subjects.md"
    assert main(["subjects", str(SEEDS), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Subjects")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert main(["subjects", str(SEEDS), "--output", str(tmp_path / "a-file" / "subjects.md")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"claimcheck subjects: cannot write {tmp_path / 'a-file' / 'subjects.md'}: ")


def test_subjects_refuses_a_path_that_does_not_exist_and_names_what_it_could_not_read(tmp_path, capsys):
    """A mistyped folder gave 'No claim names a subject that could be linked.' and exit status 0, as if it had
    been read; `run` says it is not there (status 2), and so does `subjects` now."""
    missing = tmp_path / "seedz"
    assert main(["subjects", str(missing)]) == 2
    assert capsys.readouterr().err == f"claimcheck subjects: {missing}: no such file or folder\n"
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00binary")
    assert main(["subjects", str(tmp_path)]) == 0
    assert "bin.txt: not read: binary" in capsys.readouterr().err
