"""Table-driven extraction tests: real phrasing (tests/fixtures/phrases.yaml) -> expected claims."""

from __future__ import annotations

import math
from datetime import date

import pytest
import yaml

from claimcheck.extract import extract_text
from conftest import FIXTURES

CASES = yaml.safe_load((FIXTURES / "phrases.yaml").read_text(encoding="utf-8"))["cases"]


def _iso(value):
    return None if value is None else str(value)


def _matches(claim, want: dict) -> list[str]:
    """What differs between a claim and the fields a case pins down."""
    problems = []
    for key, expected in want.items():
        if key == "subject_has":
            subject = (claim.subject or "").lower()
            missing = [w for w in expected if w.lower() not in subject]
            if missing:
                problems.append(f"subject {claim.subject!r} lacks {missing}")
        elif key == "period":
            got = [claim.period_start, claim.period_end]
            wanted = [None, None] if expected is None else [_iso(v) for v in expected]
            if got != wanted:
                problems.append(f"period {got} != {wanted}")
        elif key == "note":
            if bool(claim.period_note) != expected:
                problems.append(f"period_note {claim.period_note!r}")
        elif key in ("value", "low"):
            got = getattr(claim, key)
            if got is None or not math.isclose(got, float(expected), rel_tol=1e-9, abs_tol=1e-9):
                problems.append(f"{key} {got} != {expected}")
        else:
            got = getattr(claim, key)
            if got != expected:
                problems.append(f"{key} {got!r} != {expected!r}")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_phrase(case):
    doc_date = case.get("date")
    if isinstance(doc_date, str):
        doc_date = date.fromisoformat(doc_date)
    claims = extract_text(case["text"], doc_date)
    remaining = list(claims)
    for want in case["claims"]:
        found = next((c for c in remaining if not _matches(c, want)), None)
        if found is None:
            described = [(c.text, c.kind, c.value, c.bound, c.period_start, c.period_end, c.subject, c.counted)
                         for c in remaining]
            nearest = [_matches(c, want) for c in remaining]
            pytest.fail(f"no claim matches {want}\nclaims left: {described}\ndifferences: {nearest}")
        remaining.remove(found)
    if case.get("only"):
        assert not remaining, f"unexpected claims: {[(c.text, c.kind, c.value) for c in remaining]}"
