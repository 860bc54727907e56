"""What a run reads, worked out before the claims table is built: the files found, which of them the snapshot
holds unchanged, which the per-document cache knows, and which are still to extract.

When a snapshot is there, a forked process (the scout) walks the folders and matches the files against the
snapshot's documents while this process reads the snapshot's claims: each takes about half a second at 100k
documents, and the walk is mostly `os.stat`, which no thread of this process can hurry. The scout also
extracts the few new documents of a re-run (importing the extractor and extracting one document takes about
0.2 s), so that a run after adding one document costs little more than a warm one. Whatever it finds is
what this process would have found: the same functions run, on the same snapshot (checked by its stamp).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claimcheck import snapshot
from claimcheck.cache import ClaimsCache, Extraction, FileStat, content_digest
from claimcheck.documents import MAX_BYTES, Unreadable
from claimcheck.folders import iter_paths
from claimcheck.forked import Forked, ForkedError

RACY_SECONDS = 2  # a file modified this recently may change again within the same mtime: read it anyway
SCOUT_EXTRACTS = 32  # the scout extracts up to this many documents; more go to `pipeline`'s process pool
SCOUT_PATIENCE = 120  # seconds the run waits for its scout before it kills it and works the survey out itself


@dataclass
class Outcome:
    """One file after extraction: its stat and digest for the cache, and its extraction or why it failed."""

    path: str
    stat: FileStat | None
    extraction: Extraction | None = None
    error: str | None = None


@dataclass
class Survey:
    """The files of a run (in order; from the scout, only those not taken from the snapshot, by position) and the
    unusable paths; per file its row in the snapshot's documents (-1: not there or changed); the outcomes of the
    other files that the cache knows or that were extracted here (`fresh`, to store); the files still to
    extract; and the stamp of the snapshot matched against."""

    files: list[str] | dict[int, str]
    unreadable: list[Unreadable]
    in_snapshot: np.ndarray
    outcomes: dict[str, Outcome]
    missing: list[str]
    fresh: list[Outcome] = field(default_factory=list)
    stamp: tuple | None = None


def survey(files: list[str], unreadable: list[Unreadable], snap: snapshot.Snapshot | None,
           store: ClaimsCache | None, stats: dict[str, os.stat_result],
           extract: Callable[[list[str]], list[Outcome]] | None = None, limit: int = 0) -> Survey:
    """Match `files` against the snapshot and the cache; with `extract`, extract the missing files too when
    there are at most `limit` of them."""
    in_snapshot = _snapshot_rows(files, snap, stats)
    others = [files[i] for i in np.flatnonzero(in_snapshot < 0).tolist()]
    outcomes = _cached_outcomes(others, store, stats)
    missing = [path for path in others if path not in outcomes]
    fresh: list[Outcome] = []
    if extract is not None and missing and len(missing) <= limit:
        fresh, missing = extract(missing), []
        outcomes.update((outcome.path, outcome) for outcome in fresh)
    return Survey(files, unreadable, in_snapshot, outcomes, missing, fresh, snap.stamp if snap else None)


class Scout:
    """A forked process working out the `Survey` of a run while this one reads the snapshot."""

    def __init__(self, child: Forked[Survey | None]) -> None:
        self.child = child

    @classmethod
    def start(cls, paths: list[str | Path], directory: Path, fingerprint: str,
              extract: Callable[[list[str]], list[Outcome]]) -> Scout | None:
        """The scout for a run with a cache whose snapshot this extractor wrote, on a system that can fork; else
        None (the run works it out itself: after the extractor changed, the snapshot is of no use). Started
        before this process opens the cache: a forked child must not inherit an SQLite connection."""
        if not snapshot.written_by(directory, fingerprint):
            return None
        child = Forked.start(lambda: _scout(paths, directory, fingerprint, extract))  # None where there is no fork
        return cls(child) if child is not None else None

    def result(self, snap: snapshot.Snapshot | None) -> Survey | None:
        """What the scout found, if it matched the files against `snap` itself (None otherwise: it failed, or
        the snapshot was replaced between its reading and ours). A scout that is stuck (a lock held by another
        thread when it was forked) is killed after `SCOUT_PATIENCE` seconds: it must not hang the run."""
        try:
            found = self.child.result(SCOUT_PATIENCE)
        except ForkedError:
            return None
        if found is None or snap is None or found.stamp != snap.stamp:
            return None
        return found

    def close(self) -> None:
        """Wait for the scout to end (it ends once it has sent what it found; tearing down a process of a few
        hundred MB takes a few tens of milliseconds, so the run does not wait for it before building its table)."""
        self.child.close()


def _scout(paths: list[str | Path], directory: Path, fingerprint: str,
           extract: Callable[[list[str]], list[Outcome]]) -> Survey | None:
    """The scout's work: walk, read the snapshot's documents, match, look up the cache, extract a few."""
    store = ClaimsCache(directory, fingerprint)
    try:
        stats: dict[str, os.stat_result] = {}
        with ThreadPoolExecutor(max_workers=1) as pool:  # the snapshot's documents, read while walking
            reading = pool.submit(snapshot.load, directory, fingerprint, documents_only=True)
            files, unreadable = iter_paths(paths, stats)
            snap = reading.result()
        # without a snapshot to match against (replaced or damaged since the start), hashing every file
        # here would only be done again by the run, which does not take a survey of no snapshot
        if snap is None:
            return None
        found = survey(files, unreadable, snap, store, stats, extract, SCOUT_EXTRACTS)
        # only the files the run reads other than from the snapshot go back by name: sending 100k paths
        # through the pipe took 0.08 s, and the run looks files up only there (`pipeline._assemble`)
        found.files = {at: files[at] for at in np.flatnonzero(found.in_snapshot < 0).tolist()}
        return found
    finally:
        store.close()


def _snapshot_rows(files: list[str], snap: snapshot.Snapshot | None,
                   stats: dict[str, os.stat_result]) -> np.ndarray:
    """Per file, its row in the snapshot's documents, or -1 when it is not there or its stat changed.
    Unchanged stat means unchanged content (as in git's index). Matched as arrays: a loop looking up and
    comparing each of 100k files took 0.4 s of every run."""
    if snap is None:
        return np.full(len(files), -1, dtype=np.int64)
    rows = snap.row_of(files)
    seen = [stats.get(path) or _stat_or_none(path) for path in files]  # the walk's stat: seen a moment ago
    size = np.array([-1 if s is None else s.st_size for s in seen], dtype=np.int64)
    mtime = np.array([-1 if s is None else s.st_mtime_ns for s in seen], dtype=np.int64)
    racy = time.time_ns() - RACY_SECONDS * 1_000_000_000
    at = np.maximum(rows, 0)
    same = (rows >= 0) & (size >= 0) & (size == snap.documents["size"].to_numpy()[at]) \
        & (mtime == snap.documents["mtime_ns"].to_numpy()[at]) & (mtime < racy)
    return np.where(same, rows, -1)


def _stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _cached_outcomes(files: list[str], store: ClaimsCache | None,
                     stats: dict[str, os.stat_result] | None = None) -> dict[str, Outcome]:
    """The outcomes the per-document cache holds for `files`, by path: a file whose stat is as last seen
    is taken by its recorded digest; others are read and hashed."""
    if store is None or not files:
        return {}
    racy = time.time_ns() - RACY_SECONDS * 1_000_000_000
    stats = stats or {}
    known = store.known_digests(files)
    digests: dict[str, tuple[FileStat, str]] = {}
    for path in files:
        seen = stats.get(path)
        try:
            stat = FileStat(seen.st_size, seen.st_mtime_ns) if seen else FileStat.of(path)
        except OSError:
            continue
        entry = known.get(path)
        if entry and entry[0] == stat and stat.mtime_ns < racy:
            digests[path] = entry
        elif stat.size <= MAX_BYTES:
            try:
                digests[path] = (stat, content_digest(Path(path).read_bytes()))
            except OSError:
                continue
    hits = store.lookup(digest for _, digest in digests.values())
    return {path: Outcome(path, stat, hits[digest]) for path, (stat, digest) in digests.items() if digest in hits}
