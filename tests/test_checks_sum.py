"""The sum check: the semantics it rests on (its documented examples run in test_check_examples.py)."""

from __future__ import annotations


def test_documented_pass_example_passes():
    for verdict, _ in run_example(check_module, "PASS"):
        assert verdict.status == "passed", (verdict.note, [f.message for f in verdict.findings])
        assert verdict.claims or verdict.documents  # a pass is evidence: something was compared


def test_documented_fail_example_fails_and_names_the_planted_places():
    for verdict, expected in run_example(check_module, "FAIL"):
        assert verdict.status == "failed", verdict.note
        named = {place for finding in verdict.findings for place in finding.locations}
        assert set(expected) <= named, (expected, named)
