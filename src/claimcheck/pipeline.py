"""Documents in, claims table out: the first half of the flow, shared by every command.

`load_corpus` finds the files, takes what the claims cache (`cache.py`) already
knows, extracts the rest (in this process, over local cores with a process
pool, or on a Dask cluster: `dask_engine.py`), stores the new extractions and
builds the claims table. Whatever the engine, the table and the documents are
the same, in file order then reading order.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from claimcheck import snapshot
from claimcheck.cache import DEFAULT_DIR, ClaimsCache, Extraction, FileStat, content_digest, document_from_metadata
from claimcheck.cache import document_metadata as metadata_of
from claimcheck.claims import CATEGORICAL, COLUMNS, claims_frame, typed
from claimcheck.documents import MAX_BYTES, Document, DocumentError, Unreadable, parse_bytes, too_large
from claimcheck.extract import extract_document
from claimcheck.folders import iter_paths

ENGINES = ("local", "dask")
ROW_FIELDS = COLUMNS[1:]  # a cached claim row: every column but `doc`, which is the file's name in this run
MIN_PARALLEL = 32  # fewer documents than this are extracted in-process: a pool costs more than it saves
CHUNK = 16  # documents sent to a worker at a time
PROGRESS_DELAY = 1.0  # seconds before the bar appears: short runs print nothing
RACY_SECONDS = 2  # a file modified this recently may change again within the same mtime: read it anyway


class EngineError(RuntimeError):
    """The chosen engine cannot run (the dask extra is not installed, the scheduler cannot be reached)."""


@dataclass
class Corpus:
    """The documents read (metadata only: their body lines are dropped once extracted), those that could
    not be read, and the claims table."""

    documents: list[Document]
    unreadable: list[Unreadable]
    claims: pd.DataFrame = field(repr=False)

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)


@dataclass
class Outcome:
    """One file after extraction: its stat and digest for the cache, and its extraction or why it failed."""

    path: str
    stat: FileStat | None
    extraction: Extraction | None = None
    error: str | None = None
    span: tuple[int, int] | None = None  # its claims are these rows of the snapshot (extraction.rows is empty)


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every command that reads documents shares: cache, parallelism, engine."""
    group = parser.add_argument_group("speed and scale")
    group.add_argument("--no-cache", dest="cache", action="store_false", help="extract every document again")
    group.add_argument(
        "--cache-dir", default=str(DEFAULT_DIR), metavar="DIR", help=f"claims cache folder (default: {DEFAULT_DIR})"
    )
    group.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="local processes extracting (default: one per core)"
    )
    group.add_argument("--engine", choices=ENGINES, default="local", help="where extraction and checks run")
    group.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler (implies --engine dask; "
        "default: a local cluster)"
    )


def engine_options(args: argparse.Namespace) -> dict:
    """`load_corpus` keyword arguments from parsed options (defaults when a caller's parser has none)."""
    cache = getattr(args, "cache", True)
    scheduler = getattr(args, "scheduler", None)
    return {
        "cache": Path(getattr(args, "cache_dir", DEFAULT_DIR)) if cache else False,
        "jobs": getattr(args, "jobs", None),
        "engine": "dask" if scheduler else getattr(args, "engine", "local"),
        "scheduler": scheduler,
    }


def load_corpus(
    paths: list[str | Path],
    *,
    cache: bool | str | Path = False,
    jobs: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Corpus:
    """Read every document under `paths` and extract its claims.

    `cache` is False, True (`.claimcheck/`) or a folder; `jobs` is the number of local processes (None: one
    per core); `engine="dask"` extracts on the Dask cluster at `scheduler` (None: a local cluster). A
    document that cannot be read or whose extraction fails is moved to `unreadable` with the reason, so one
    bad file never stops a run.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    stats: dict[str, os.stat_result] = {}
    with collector_paused():
        files, unreadable = iter_paths(paths, stats)
    store = ClaimsCache(DEFAULT_DIR if cache is True else cache) if cache else None
    try:
        with collector_paused():
            snap = snapshot.load(store.directory, store.fingerprint) if store else None
            outcomes = _cached_outcomes(files, store, snap, stats)
        missing = [path for path, outcome in zip(files, outcomes, strict=True) if outcome is None]
        if engine == "dask":
            from claimcheck.dask_engine import extract_files_on_cluster

            fresh = extract_files_on_cluster(missing, scheduler)
        else:
            fresh = _extract_locally(missing, jobs)
        fresh_by_path = {outcome.path: outcome for outcome in fresh}
        outcomes = [outcome or fresh_by_path[path] for path, outcome in zip(files, outcomes, strict=True)]
        if store is not None:
            store.store(
                (o.extraction for o in fresh if o.extraction is not None),
                {o.path: (o.stat, o.extraction.digest) for o in outcomes if o.extraction and o.stat and not o.span},
            )
        with collector_paused():
            corpus = _assemble(outcomes, unreadable, snap)
        if store is not None and _snapshot_due(outcomes):
            documents = [
                (o.path, o.stat or FileStat(-1, -1), o.extraction.digest, o.extraction.metadata,
                 o.span[1] - o.span[0] if o.span else len(o.extraction.rows))
                for o in outcomes if o.extraction is not None
            ]
            snapshot.save(store.directory, store.fingerprint, documents, corpus.claims)
    finally:
        if store is not None:
            store.close()
    return corpus


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a large table is decoded and built. Those objects all
    live on, so each collection the allocations set off scans them for nothing: at 100k documents that was
    a third of loading from the cache. Extraction is not run under it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _snapshot_due(outcomes: list[Outcome]) -> bool:
    """Rewrite the snapshot when more than 1% of the documents (or 1,000) came from elsewhere: adding one
    document to a large corpus must not cost a rewrite; it is served by the per-document cache."""
    read = [o for o in outcomes if o.extraction is not None]
    outside = sum(1 for o in read if o.span is None)
    return outside > min(1000, len(read) / 100)


def _cached_outcomes(files: list[str], store: ClaimsCache | None, snap: snapshot.Snapshot | None,
                     stats: dict[str, os.stat_result] | None = None) -> list[Outcome | None]:
    """Per file, its outcome from the snapshot or the cache, or None when it must be extracted. Unchanged
    stat means unchanged content (as in git's index); other files are read and hashed."""
    outcomes: list[Outcome | None] = [None] * len(files)
    if store is None:
        return outcomes
    racy = time.time_ns() - RACY_SECONDS * 1_000_000_000
    pending: list[tuple[int, FileStat]] = []
    stats = stats or {}
    for i, path in enumerate(files):
        known = stats.get(path)  # the walk's stat: the same file seen a moment ago
        try:
            stat = FileStat(known.st_size, known.st_mtime_ns) if known else FileStat.of(path)
        except OSError:
            continue
        entry = snap.entries.get(path) if snap else None
        if entry and entry.stat == stat and stat.mtime_ns < racy:
            extraction = Extraction(entry.digest, entry.metadata, [])
            outcomes[i] = Outcome(path, stat, extraction, span=(entry.start, entry.stop))
        else:
            pending.append((i, stat))
    known = store.known_digests([files[i] for i, _ in pending]) if pending else {}
    digests: dict[int, tuple[FileStat, str]] = {}
    for i, stat in pending:
        entry = known.get(files[i])
        if entry and entry[0] == stat and stat.mtime_ns < racy:
            digests[i] = entry
        elif stat.size <= MAX_BYTES:
            try:
                digests[i] = (stat, content_digest(Path(files[i]).read_bytes()))
            except OSError:
                continue
    hits = store.lookup(digest for _, digest in digests.values())
    for i, (stat, digest) in digests.items():
        if digest in hits:
            outcomes[i] = Outcome(files[i], stat, hits[digest])
    return outcomes


def extract_file(path: str, raw: bytes | None = None) -> Outcome:
    """Read (or take the bytes of) one file and extract its claims: the unit of work of every engine."""
    stat = None
    try:
        if raw is None:
            stat = FileStat.of(path)
            if stat.size > MAX_BYTES:
                raise DocumentError(too_large(stat.size))
            raw = Path(path).read_bytes()
        doc = parse_bytes(raw, path)
    except OSError as exc:
        return Outcome(path, stat, error=exc.strerror or str(exc))
    except DocumentError as exc:
        return Outcome(path, stat, error=str(exc))
    try:
        claims = extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - an extractor bug on one document is reported, never crashes the run
        return Outcome(path, stat, error=f"extraction failed: {type(exc).__name__}: {exc}")
    shared: dict[str, str] = {}  # a sentence's claims share one string: pickled and held once
    rows = [
        tuple(shared.setdefault(v, v) if isinstance(v, str) else v for v in (getattr(c, f) for f in ROW_FIELDS))
        for c in claims
    ]
    return Outcome(path, stat, Extraction(content_digest(raw), metadata_of(doc), rows))


def extract_files(paths: list[str]) -> list[Outcome]:
    return [extract_file(path) for path in paths]


def _extract_locally(paths: list[str], jobs: int | None) -> list[Outcome]:
    workers = min(jobs or os.cpu_count() or 1, max(1, len(paths) // CHUNK))
    if workers <= 1 or len(paths) < MIN_PARALLEL:
        return list(progress(map(extract_file, paths), len(paths)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(progress(pool.map(extract_file, paths, chunksize=CHUNK), len(paths)))


def show_progress(stream=None) -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not under CI."""
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")


def progress(items: Iterable, total: int, stream=None) -> Iterator:
    """`items`, with a tqdm bar on stderr when a person is watching and the run lasts over a second."""
    if not show_progress(stream):
        return iter(items)
    from tqdm import tqdm

    bar = tqdm(items, total=total, unit="doc", desc="extracting", delay=PROGRESS_DELAY, file=stream or sys.stderr)
    return iter(bar)


def _assemble(outcomes: list[Outcome], unreadable: list[Unreadable], snap: snapshot.Snapshot | None) -> Corpus:
    documents: list[Document] = []
    doc_ids: list[str] = []
    counts: list[int] = []
    rows: list[tuple] = []
    order: list[np.ndarray] = []  # per document, its rows in [snapshot rows, fresh rows]
    fresh_at = snap.size if snap else 0
    for outcome in outcomes:
        if outcome.extraction is None:
            unreadable.append(Unreadable(outcome.path, outcome.error or "not read"))
            continue
        doc = document_from_metadata(outcome.extraction.metadata, _stem(outcome.path), outcome.path)
        documents.append(doc)
        if outcome.span is not None:
            order.append(np.arange(*outcome.span))
            continue
        count = len(outcome.extraction.rows)
        order.append(np.arange(fresh_at, fresh_at + count))
        fresh_at += count
        doc_ids.append(doc.id)
        counts.append(count)
        rows.extend(outcome.extraction.rows)
    fresh = claims_from_rows(rows, doc_ids, counts)
    if snap is None or not any(o.span for o in outcomes):
        return Corpus(documents, unreadable, fresh)
    return Corpus(documents, unreadable, _merged(snap, fresh, np.concatenate(order)))


def _stem(path: str) -> str:
    """`Path(path).stem`, without building a Path for each of 100k files."""
    return os.path.splitext(os.path.basename(path))[0]


def _merged(snap: snapshot.Snapshot, fresh: pd.DataFrame, order: np.ndarray) -> pd.DataFrame:
    """The claims table from snapshot rows and fresh rows, in `order`, typed as `claims_from_rows` types it."""
    in_place = fresh.empty and len(order) == snap.size and bool((order == np.arange(snap.size)).all())
    columns = {
        name: snap.column(name, None if in_place else order, None if fresh.empty else fresh[name],
                          categorical=name in CATEGORICAL)
        for name in COLUMNS
    }
    return typed(pd.DataFrame(columns).infer_objects())


def claims_from_rows(rows: list[tuple], doc_ids: list[str], counts: list[int]) -> pd.DataFrame:
    """The claims table (as `claims.claims_frame` builds it) from cached rows and each document's row count."""
    if not rows:
        return claims_frame([])
    frame = pd.DataFrame.from_records(rows, columns=list(ROW_FIELDS))
    frame.insert(0, "doc", np.repeat(np.array(doc_ids, dtype=object), counts))
    return typed(frame)

