"""Extraction accuracy on the seeds, scored by the shared scorer against the gold annotations.

The floors are the foundation issue's acceptance criteria; the scorer's own
summary lines are parsed, so a drop in any one of them fails the test.
"""

from __future__ import annotations

import re
import subprocess
import sys

from claimcheck.cli import main
from conftest import ROOT, SEEDS

FLOORS = {"F1": 0.95, "bound": 0.95, "period": 0.85, "subject": 0.80, "metadata": 1.0}


def _score(shared, tmp_path, capsys) -> dict[str, float]:
    out = tmp_path / "claims.jsonl"
    assert main(["extract", str(SEEDS), "--format", "jsonl"]) == 0
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_claims.py"), "--gold", str(shared / "gold" / "seeds.yaml"),
         "--quiet", str(out)], capture_output=True, text=True, cwd=ROOT, check=True)
    scores = {}
    for line in result.stdout.splitlines():
        if m := re.match(r"^(\w+) (\d+)/(\d+)$", line):
            scores[m[1]] = int(m[2]) / int(m[3])
        elif m := re.match(r"^F1 ([\d.]+)", line):
            scores["F1"] = float(m[1])
    return scores


def test_seed_extraction_meets_the_floors(shared, tmp_path, capsys):
    scores = _score(shared, tmp_path, capsys)
    assert set(FLOORS) <= set(scores), scores
    below = {name: scores[name] for name, floor in FLOORS.items() if scores[name] < floor}
    assert not below, f"below the floors {FLOORS}: {below}"
