"""load_corpus: parallel extraction gives the serial claims table; the progress bar only for a person watching."""

from __future__ import annotations

import argparse
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from claimcheck import pipeline
from claimcheck.pipeline import add_engine_arguments, engine_options, load_corpus, progress, show_progress

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def many(tmp_path: Path) -> Path:
    """40 documents: the seeds under eight names each, enough for the process pool."""
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(8):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copyfile(seed, folder / f"{copy}_{seed.name}")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_parallel_extraction_gives_the_serial_claims_table(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pools: list[int] = []
    real_pool = pipeline.ProcessPoolExecutor

    def spy(max_workers: int):
        pools.append(max_workers)
        return real_pool(max_workers=max_workers)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", spy)
    serial = load_corpus([many], jobs=1)
    parallel = load_corpus([many], jobs=2)
    assert pools == [2], "the parallel run did not use a process pool"
    assert len(serial.claims) > 100
    pd.testing.assert_frame_equal(serial.claims, parallel.claims)
    assert [d.metadata() for d in serial.documents] == [d.metadata() for d in parallel.documents]
    assert [(u.path, u.reason) for u in serial.unreadable] == [(u.path, u.reason) for u in parallel.unreadable]


def test_small_corpora_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", None)  # would fail if called
    assert len(load_corpus([ROOT / "seeds"], jobs=4).documents) == 5


def test_load_corpus_keeps_its_one_argument_form() -> None:
    corpus = load_corpus([ROOT / "seeds"])
    assert len(corpus.documents) == 5 and not corpus.claims.empty
    assert all(d.lines == [] for d in corpus.documents)  # metadata only once extracted


def test_claims_keep_file_order_then_reading_order(many: Path) -> None:
    claims = load_corpus([many], jobs=2).claims
    order = {doc: i for i, doc in enumerate(sorted(p.stem for p in many.glob("*.txt")))}
    ranks = list(zip(claims["doc"].map(order), claims["line"], strict=True))
    assert ranks == sorted(ranks)


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_silent_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    assert not show_progress(stream)
    assert list(progress(range(3), 3, stream=stream)) == [0, 1, 2]
    assert stream.getvalue() == ""


def test_progress_bar_silent_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    stream = FakeTerminal()
    assert not show_progress(stream)
    assert list(progress(range(3), 3, stream=stream)) == [0, 1, 2]
    assert stream.getvalue() == ""


def test_progress_bar_shown_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(pipeline, "PROGRESS_DELAY", 0)
    stream = FakeTerminal()
    assert show_progress(stream)
    assert list(progress(range(3), 3, stream=stream)) == [0, 1, 2]
    assert "3/3" in stream.getvalue()


def options(*argv: str) -> dict:
    parser = argparse.ArgumentParser()
    add_engine_arguments(parser)
    return engine_options(parser.parse_args(list(argv)))


def test_engine_options() -> None:
    assert options() == {"cache": Path(".claimcheck"), "jobs": None, "engine": "local", "scheduler": None}
    assert options("--no-cache", "--jobs", "3")["cache"] is False
    assert options("--jobs", "3")["jobs"] == 3
    assert options("--scheduler", "tcp://10.0.0.1:8786")["engine"] == "dask"  # an address implies the engine
    assert options("--engine", "dask")["scheduler"] is None
    assert engine_options(argparse.Namespace())["engine"] == "local"  # a parser without the options


@pytest.mark.parametrize("jobs", ["0", "-1", "two", "1.5"])
def test_jobs_must_be_one_or_more_processes(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        options("--jobs", jobs)
    assert exited.value.code == 2
    assert f"expected a whole number of processes, 1 or more, not '{jobs}'" in capsys.readouterr().err


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        load_corpus([ROOT / "seeds"], engine="spark")
