"""Hostile rule files: refused with one line naming file and line, exit 2, in bounded time and memory; nothing in
a rule or a document is ever run as code. (Ordinary rule mistakes are in test_rules.py.)"""

from __future__ import annotations

import ast
import os
import re
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from claimcheck import cli, yamlguard
from claimcheck.rules import parse_rules
from claimcheck.subjects import subject_mask
from conftest import make_claims

SRC = Path(__file__).resolve().parents[1] / "src" / "claimcheck"
CHECK = """\
checks:
  - id: c1
    kind: agree
    severity: error
    message: m
"""


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\nsubject: *a{levels}\n" + CHECK


def run_rule_text(tmp_path: Path, text: str | bytes, capsys) -> tuple[int, list[str], str]:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    path = rules / "topic.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    status = cli.main(["run", str(docs), "--no-cache", "--rules", str(rules), "--report", str(tmp_path / "r.md")])
    captured = capsys.readouterr()
    return status, captured.err.splitlines(), str(path)


def assert_one_line(status: int, errors: list[str], source: str, line: int | None, words: str) -> None:
    assert status == 2
    assert len(errors) == 1, errors
    assert re.match(rf"^{re.escape(source)}:{line if line else r'[0-9]+'}: ", errors[0]), errors[0]
    assert words in errors[0], errors[0]
    assert len(errors[0]) < 400


def test_billion_laughs_is_refused_in_bounded_time_and_memory(tmp_path, capsys):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        status, errors, source = run_rule_text(tmp_path, billion_laughs(), capsys)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_one_line(status, errors, source, 5, "alias bomb")
    assert elapsed < 2 and peak < 50 * 1024 * 1024


def test_alias_bomb_through_merge_keys_is_refused(tmp_path, capsys):
    lines = ["m0: &m0 {k0: 1, k1: 2, k2: 3, k3: 4, k4: 5, k5: 6, k6: 7, k7: 8, k8: 9, k9: 10}"]
    for n in range(1, 8):
        lines.append(f"m{n}: &m{n} [" + ", ".join([f"*m{n - 1}"] * 10) + "]")
    text = "\n".join(lines) + "\nsubject: x\nextra: {<<: *m0, k: *m7}\n" + CHECK
    status, errors, source = run_rule_text(tmp_path, text, capsys)
    assert_one_line(status, errors, source, None, "alias bomb")


def test_small_aliases_are_still_allowed():
    text = "subject: x\naliases: &names [Innovation Programme, IP]\n" + CHECK + "    aliases: *names\n"
    (rule,), problems = parse_rules(text, "ok.yaml")
    assert problems == [] and rule.names == ("Innovation Programme", "IP")


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path, capsys):
    depth = 5000
    status, errors, source = run_rule_text(tmp_path, "subject: " + "[" * depth + "]" * depth + "\n" + CHECK, capsys)
    assert_one_line(status, errors, source, 1, f"nest more than {yamlguard.MAX_DEPTH} levels")


def test_oversized_rule_file_is_refused_unread(tmp_path, capsys):
    text = CHECK.replace("checks:", "subject: x\ndescription: " + "x" * (yamlguard.MAX_RULE_BYTES + 1) + "\nchecks:")
    status, errors, source = run_rule_text(tmp_path, text, capsys)
    assert_one_line(status, errors, source, 1, "a rule file is a short note")


@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.object {{}}",
    "!custom 'touch {marker}'",
])
def test_unsafe_and_unknown_tags_are_refused_and_never_run(tmp_path, capsys, tag):
    marker = tmp_path / "hacked"
    text = CHECK.replace("message: m", "message: " + tag.format(marker=marker))
    status, errors, source = run_rule_text(tmp_path, "subject: x\n" + text, capsys)
    assert_one_line(status, errors, source, 6, "is not allowed")
    assert not marker.exists()


def test_unparseable_unit_is_one_line(tmp_path, capsys):
    text = "subject: x\n" + CHECK.replace("kind: agree", "kind: reference").replace(
        "message: m", "message: m\n    reference: £100 zillion")
    status, errors, source = run_rule_text(tmp_path, text, capsys)
    assert_one_line(status, errors, source, 7, "zillion")


def test_rule_file_not_in_utf8_is_one_line(tmp_path, capsys):
    status, errors, source = run_rule_text(tmp_path, ("subject: £x\n" + CHECK).encode("cp1252"), capsys)
    assert_one_line(status, errors, source, 1, "not UTF-8")


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes")
def test_rule_file_that_is_a_pipe_is_refused_not_waited_on(tmp_path, capsys):
    rules = tmp_path / "rules"
    rules.mkdir()
    os.mkfifo(rules / "pipe.yaml")
    (tmp_path / "docs").mkdir()
    status = cli.main(["run", str(tmp_path / "docs"), "--no-cache", "--rules", str(rules),
                       "--report", str(tmp_path / "r.md")])
    errors = capsys.readouterr().err.splitlines()
    assert_one_line(status, errors, str(rules / "pipe.yaml"), 1, "not a regular file")


def test_overlong_subject_name_is_refused():
    _, problems = parse_rules(f"subject: {'Programme ' * 30}\n" + CHECK, "long.yaml")
    assert problems == ["long.yaml:1: a subject or alias is 299 characters long; names are at most 200"]


@pytest.mark.parametrize("name", [".*", "(a+)+$", "[", "a|b"])
def test_rule_names_are_literal_text_never_patterns(name):
    claims = make_claims([
        {"doc": "d", "line": 1, "subject": "Innovation Programme"},
        {"doc": "d", "line": 2, "subject": "a b"},
    ])
    started = time.perf_counter()
    mask = subject_mask(claims, [name])
    assert time.perf_counter() - started < 1
    expected = [False, name == "a|b"]  # "a|b" is the words "a b" once punctuation is folded, never "a or b"
    assert mask.tolist() == expected


def _dangerous_calls(tree: ast.AST) -> list[str]:
    names = {"eval", "exec", "compile", "__import__"}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            found.append(f"{node.func.id}() at line {node.lineno}")
        if isinstance(node, ast.Attribute) and node.attr in ("unsafe_load", "full_load", "UnsafeLoader", "FullLoader"):
            found.append(f"yaml.{node.attr} at line {node.lineno}")
        if isinstance(node, ast.Name) and node.id in ("pickle", "marshal"):
            found.append(f"{node.id} at line {node.lineno}")
    return found


def test_no_code_is_ever_run_from_inputs():
    problems = {}
    for path in sorted(SRC.rglob("*.py")):
        found = _dangerous_calls(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            problems[str(path.relative_to(SRC))] = found
    assert problems == {}


def test_the_code_scan_can_fail():
    assert _dangerous_calls(ast.parse("eval(x)\nyaml.unsafe_load(s)\n")) == ["eval() at line 1",
                                                                             "yaml.unsafe_load at line 2"]
