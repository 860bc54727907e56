"""Every check kind's documented PASS and FAIL examples (its module docstring), run through the real rule
loader and runner, so the documentation and the behaviour cannot drift apart."""

from __future__ import annotations

import pytest

from claimcheck.checks import MODULES
from conftest import run_example

IDS = [module.ID for module in MODULES]


@pytest.mark.parametrize("check_module", MODULES, ids=IDS)
def test_documented_pass_example_passes(check_module):
    for verdict, _ in run_example(check_module, "PASS"):
        assert verdict.status == "passed", (verdict.note, [f.message for f in verdict.findings])
        assert verdict.claims or verdict.documents  # a pass is evidence: something was compared


@pytest.mark.parametrize("check_module", MODULES, ids=IDS)
def test_documented_fail_example_fails_and_names_the_planted_places(check_module):
    for verdict, expected in run_example(check_module, "FAIL"):
        assert verdict.status == "failed", verdict.note
        named = {place for finding in verdict.findings for place in finding.locations}
        assert set(expected) <= named, (expected, named)
