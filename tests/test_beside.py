"""Work in a forked process beside this one: the same result, from another process, errors passed back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck import beside as beside_module
from claimcheck import cli, runner
from claimcheck.beside import beside, can_fork
from conftest import ROOT, SHARED

SHARED_CORPUS = SHARED / "corpus"
needs_fork = pytest.mark.skipif(not can_fork(), reason="fork is used on Linux only")


@needs_fork
def test_the_work_runs_in_a_forked_process_and_its_result_comes_back() -> None:
    table = list(range(1000))  # inherited by the child, never pickled to it
    with beside(lambda: (os.getpid(), sum(table))) as result:
        pid, total = result()
    assert pid != os.getpid()
    assert total == sum(range(1000))
    assert beside_module._WORK is None


@needs_fork
def test_an_error_in_the_child_is_raised_here() -> None:
    def broken() -> int:
        raise ValueError("no such subject")

    with pytest.raises(ValueError, match="no such subject"), beside(broken) as result:
        result()


def test_not_enabled_the_work_runs_here_when_asked() -> None:
    calls: list[int] = []
    with beside(lambda: calls.append(os.getpid()) or "done", enabled=False) as result:
        assert calls == []  # nothing ran yet
        assert result() == "done"
    assert calls == [os.getpid()]


@needs_fork
def test_a_run_with_discovery_beside_the_checks_writes_the_same_report(tmp_path: Path, monkeypatch,
                                                                        capsys) -> None:
    corpus = [str(ROOT / "seeds"), *([str(SHARED_CORPUS)] if SHARED_CORPUS.is_dir() else [])]
    used: list[bool] = []
    real = runner.beside

    def recording(work, enabled=True):
        used.append(enabled)
        return real(work, enabled)

    monkeypatch.setattr(runner, "beside", recording)
    reports = {}
    for jobs, threshold in (("1", 10**9), ("2", 0)):
        monkeypatch.setattr(runner, "BESIDE_CLAIMS", threshold)
        report = tmp_path / f"report-{jobs}.md"
        status = cli.main(["run", *corpus, "--no-cache", "--jobs", jobs, "--report", str(report)])
        assert status in (0, 1)
        reports[jobs] = report.read_text(encoding="utf-8")
    capsys.readouterr()
    assert used == [False, True]
    assert "## Possible discrepancies found without rules" in reports["2"]
    assert reports["1"] == reports["2"]
