"""The Dask engine on a LocalCluster of two worker processes gives the local engine's claims, verdicts and report."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

distributed = pytest.importorskip("dask.distributed")

from claimcheck import cli, dask_engine  # noqa: E402
from claimcheck.pipeline import EngineError, load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "run" / "innovation_contradiction"]


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    try:
        yield cluster.scheduler_address
    finally:
        dask_engine.close()
        cluster.close()


def test_dask_extraction_gives_the_local_claims_table(scheduler: str) -> None:
    local = load_corpus(CORPUS)
    remote = load_corpus(CORPUS, engine="dask", scheduler=scheduler)
    pd.testing.assert_frame_equal(local.claims, remote.claims)
    assert [d.metadata() for d in local.documents] == [d.metadata() for d in remote.documents]
    client = dask_engine.client_for(scheduler)
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_run_gives_the_local_report_and_exit_status(scheduler: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    paths = [str(p) for p in CORPUS]
    local_status = cli.main(["run", *paths, "--no-cache", "--report", str(tmp_path / "local.md")])
    local_out = capsys.readouterr().out
    dask_status = cli.main(
        ["run", *paths, "--no-cache", "--engine", "dask", "--scheduler", scheduler, "--report",
         str(tmp_path / "dask.md")]
    )
    dask_out = capsys.readouterr().out
    assert local_status == dask_status == 1  # the contradiction fails the run on both engines
    local_report = (tmp_path / "local.md").read_text(encoding="utf-8")
    assert "FAILED" in local_out and "innovation-funding-agrees" in local_report
    assert (tmp_path / "dask.md").read_text(encoding="utf-8") == local_report
    assert dask_out.replace("dask.md", "local.md") == local_out


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(address, timeout):
        raise OSError("connection refused")

    monkeypatch.setattr(distributed, "Client", refuse)
    with pytest.raises(EngineError, match="cannot reach"):
        dask_engine.client_for("tcp://127.0.0.1:9")
    status = cli.main(["run", "seeds", "--no-cache", "--scheduler", "tcp://127.0.0.1:9", "--report",
                       str(tmp_path / "r.md")])
    assert status == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_usage_error_with_every_document_cached(
        tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the claims cached nothing is extracted on the cluster, and the checks were the first to ask for it:
    the EngineError went up as a traceback and the run exited 1, which CI reads as a failed check."""
    cache = tmp_path / "cache"
    assert cli.main(["run", "seeds", "--cache-dir", str(cache), "--report", str(tmp_path / "warm.md")]) == 0
    capsys.readouterr()

    def refuse(address, timeout):
        raise OSError("connection refused")

    monkeypatch.setattr(distributed, "Client", refuse)
    status = cli.main(["run", "seeds", "--cache-dir", str(cache), "--scheduler", "tcp://127.0.0.1:9", "--report",
                       str(tmp_path / "r.md")])
    assert status == 2
    assert capsys.readouterr().err.splitlines() == [
        "claimcheck run: cannot reach the Dask scheduler tcp://127.0.0.1:9: connection refused"]
