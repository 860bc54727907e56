"""The scout, a forked process that finds and matches a run's files while the run reads the snapshot, finds what
the run would have found itself, and extracts the few new documents as the run would."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import claimcheck.extract
from claimcheck import pipeline, snapshot, survey
from claimcheck.cache import ClaimsCache, extractor_fingerprint
from claimcheck.folders import iter_paths
from claimcheck.pipeline import extract_files, load_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the scout needs fork")


def _changed(corpus: Path) -> None:
    """A new document, a changed one, a removed one, an unreadable one and a copy of a known one."""
    files = sorted(corpus.iterdir())
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nThe council spent £7 million.\n", encoding="utf-8")
    files[3].unlink()
    (corpus / "0000_first.txt").write_text("Grants\n\nDate: 1 May 2020\n\nWe gave £3 million.\n", encoding="utf-8")
    (corpus / "002b_binary.txt").write_bytes(b"\x00\x01")
    shutil.copyfile(SEEDS / "004_d6d10dc4c519bdc7.txt", corpus / "zzz_copy.txt")


def _plain(found: survey.Survey) -> tuple:
    outcomes = {path: (o.stat, o.error, o.extraction and dataclasses.astuple(o.extraction))
                for path, o in found.outcomes.items()}
    others = np.flatnonzero(found.in_snapshot < 0).tolist()
    files = found.files if isinstance(found.files, dict) else {at: found.files[at] for at in others}
    assert sorted(files) == others  # the scout names the files the run reads other than from the snapshot
    return (files, [(u.path, u.reason) for u in found.unreadable], found.in_snapshot.tolist(), outcomes,
            found.missing, sorted(o.path for o in found.fresh), found.stamp)


def test_the_scout_finds_what_the_run_finds_itself(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_corpus([corpus], cache=cache)  # writes the snapshot
    _changed(corpus)
    scout = survey.Scout.start([corpus], cache, extractor_fingerprint(), extract_files)
    assert scout is not None
    store = ClaimsCache(cache)
    try:
        snap = snapshot.load(cache, store.fingerprint)
        scouted = scout.result(snap)
        scout.close()
        stats: dict[str, os.stat_result] = {}
        files, unreadable = iter_paths([corpus], stats)
        here = survey.survey(files, unreadable, snap, store, stats, extract_files, survey.SCOUT_EXTRACTS)
    finally:
        store.close()
    assert scouted is not None and len(scouted.fresh) == 3  # the new document, the changed one, the binary one
    assert _plain(scouted) == _plain(here)


def test_a_run_whose_scout_extracted_equals_a_fresh_run(corpus: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    _changed(corpus)
    here: list[str] = []
    real = claimcheck.extract.extract_document

    def counting(doc):
        here.append(doc.id)  # in a forked scout, this list is the scout's own copy
        return real(doc)

    monkeypatch.setattr(claimcheck.extract, "extract_document", counting)
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    assert here == []  # the scout extracted them
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(merged.claims, fresh.claims)
    pd.testing.assert_frame_equal(merged.metadata, fresh.metadata)
    assert [(u.path, u.reason) for u in merged.unreadable] == [(u.path, u.reason) for u in fresh.unreadable]
    here.clear()
    again = load_corpus([corpus], cache=tmp_path / "cache")  # what the scout extracted was stored
    assert here == [] and again.claims.equals(merged.claims)


def test_a_scout_that_read_another_snapshot_is_not_believed(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert survey.Scout.start([corpus], cache, extractor_fingerprint(), extract_files) is None  # no snapshot yet
    load_corpus([corpus], cache=cache)
    scout = survey.Scout.start([corpus], cache, extractor_fingerprint(), extract_files)
    snap = snapshot.load(cache, extractor_fingerprint())
    other = dataclasses.replace(snap, stamp=(0, 0, 0, 0))
    assert scout.result(other) is None
    scout.close()
    assert scout.child.process.exitcode == 0


def test_no_scout_works_for_a_snapshot_another_extractor_wrote(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_corpus([corpus], cache=cache)
    assert snapshot.written_by(cache, extractor_fingerprint())
    assert survey.Scout.start([corpus], cache, "another extractor", extract_files) is None
    # and a scout whose snapshot is gone by the time it reads it sends nothing rather than hash every file
    assert survey._scout([corpus], cache, "another extractor", extract_files) is None


def test_a_failing_scout_leaves_the_run_to_find_its_files(corpus: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    (corpus / "0000_first.txt").write_text("Grants\n\nDate: 1 May 2020\n\nWe gave £3 million.\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("the scout trips")

    monkeypatch.setattr(survey, "iter_paths", broken)  # the scout's walk; the run's own is pipeline's
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(merged.claims, fresh.claims)
    assert np.array_equal(merged.metadata["doc"].to_numpy(), fresh.metadata["doc"].to_numpy())
    assert pipeline.iter_paths is not broken


def test_a_stuck_scout_is_killed_and_the_run_finds_its_files(corpus: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    (corpus / "0000_first.txt").write_text("Grants\n\nDate: 1 May 2020\n\nWe gave £3 million.\n", encoding="utf-8")

    def stuck(*args, **kwargs):
        time.sleep(60)

    monkeypatch.setattr(survey, "iter_paths", stuck)  # in the forked scout only: the run's walk is pipeline's
    monkeypatch.setattr(survey, "SCOUT_PATIENCE", 0.5)
    started = time.monotonic()
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    assert time.monotonic() - started < 30
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(merged.claims, fresh.claims)
    assert "0000_first" in set(merged.metadata["doc"])
