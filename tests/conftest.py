"""Shared test helpers: claims tables built by hand, and the docstring examples of check modules run as tests."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
import yaml

from claimcheck.checking import run_rule
from claimcheck.checks import examples
from claimcheck.checks.base import documents_frame
from claimcheck.claims import Claim, claims_frame
from claimcheck.findings import Verdict
from claimcheck.rules import parse_rules


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_extractor: end-to-end test that needs the real claim extractor")


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def make_claim(**fields) -> Claim:
    """A Claim with defaults for what a test does not care about (offsets, sentence, bound)."""
    fields = {k: _iso(v) for k, v in fields.items()}
    text = fields.setdefault("text", "")
    fields.setdefault("start", 0)
    fields.setdefault("end", len(text))
    fields.setdefault("sentence", text)
    fields.setdefault("kind", "money")
    fields.setdefault("value", None)
    fields.setdefault("unit", None)
    fields["doc"] = str(fields["doc"])
    return Claim(**fields)


def make_claims(records: list[dict]) -> pd.DataFrame:
    return claims_frame(make_claim(**r) for r in records)


def make_documents(records: list[dict]) -> pd.DataFrame:
    return documents_frame({k: (str(v) if k == "doc" else _iso(v)) for k, v in r.items()} for r in records)


def run_example(module: ModuleType, label: str) -> list[tuple[Verdict, list[str]]]:
    """Each PASS or FAIL example of a check's docstring run through the real rule loader and runner."""
    results = []
    blocks = examples(module)[label]
    assert blocks, f"{module.__name__} documents no {label} example"
    for block in blocks:
        data = yaml.safe_load(block)
        rules, problems = parse_rules(yaml.safe_dump(data["rule"], allow_unicode=True), "example.yaml")
        assert not problems, problems
        claims = make_claims(data.get("claims") or [])
        documents = make_documents(data.get("documents") or [])
        for rule in rules:
            results.append((run_rule(rule, claims, documents), data.get("fails", [])))
    return results


ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the seeds whose files were last changed long ago, so that the cache's stat index trusts them
    (a file changed in the last two seconds is always read again)."""
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
        os.utime(path, ns=(10**18, 10**18))
    return folder


@pytest.fixture
def shared() -> Path:
    """The shared material beside the project (gold, scorer, corpus); CI always has it."""
    if not (SHARED / "tools" / "score_claims.py").exists():
        pytest.skip(f"shared material not found at {SHARED} (set CLAIMCHECK_SHARED)")
    return SHARED


def strict_json(text: str):
    """`json.loads` as a strict reader (jq, JavaScript, Go) does it: `Infinity` and `NaN` are not JSON, though
    Python's own reader accepts them."""
    def refuse(name: str):
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)
