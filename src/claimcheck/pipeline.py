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
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd

from claimcheck import snapshot
from claimcheck.cache import DEFAULT_DIR, ClaimsCache, Extraction, FileStat, content_digest, extractor_fingerprint
from claimcheck.cache import document_metadata as metadata_of
from claimcheck.claims import CATEGORICAL, COLUMNS, claims_frame, typed
from claimcheck.corpus import METADATA_COLUMNS, Corpus, metadata_table
from claimcheck.documents import MAX_BYTES, DocumentError, Unreadable, parse_bytes, too_large
from claimcheck.folders import iter_paths
from claimcheck.survey import Outcome, Scout, Survey, survey

ENGINES = ("local", "dask")
ROW_FIELDS = COLUMNS[1:]  # a cached claim row: every column but `doc`, which is the file's name in this run
MIN_PARALLEL = 32  # fewer documents than this are extracted in-process: a pool costs more than it saves
CHUNK = 16  # documents sent to a worker at a time
PROGRESS_DELAY = 1.0  # seconds before the bar appears: short runs print nothing


class EngineError(RuntimeError):
    """The chosen engine cannot run (the dask extra is not installed, the scheduler cannot be reached)."""


def process_count(text: str) -> int:
    """`--jobs`: a whole number of processes, 1 or more (0 or -1 would otherwise mean one per core, or fail
    deep inside the process pool)."""
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {text!r}")
    return count


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every command that reads documents shares: cache, parallelism, engine."""
    group = parser.add_argument_group("speed and scale")
    group.add_argument("--no-cache", dest="cache", action="store_false", help="extract every document again")
    group.add_argument(
        "--cache-dir", default=str(DEFAULT_DIR), metavar="DIR", help=f"claims cache folder (default: {DEFAULT_DIR})"
    )
    group.add_argument(
        "--jobs", type=process_count, default=None, metavar="N",
        help="local processes extracting (default: one per core)"
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
    directory = Path(DEFAULT_DIR if cache is True else cache) if cache else None
    with collector_paused():  # the scout starts before the cache is opened here: no SQLite connection is forked
        scout = Scout.start(paths, directory, extractor_fingerprint(), extract_files) \
            if directory is not None and engine == "local" else None
    store = ClaimsCache(directory) if directory is not None else None
    try:
        with collector_paused():
            found, snap = _survey(paths, store, scout)
        if engine == "dask":
            from claimcheck.dask_engine import extract_files_on_cluster

            extracted = extract_files_on_cluster(found.missing, scheduler)
        else:
            extracted = _extract_locally(found.missing, jobs)
        outcomes = found.outcomes
        outcomes.update((outcome.path, outcome) for outcome in extracted)
        fresh = [*found.fresh, *extracted]
        if store is not None:
            store.store(
                (o.extraction for o in fresh if o.extraction is not None),
                {o.path: (o.stat, o.extraction.digest) for o in outcomes.values() if o.extraction and o.stat},
            )
        with collector_paused():
            corpus, documents = _assemble(found.files, found.in_snapshot, outcomes, found.unreadable, snap)
        if store is not None and _snapshot_due(int((found.in_snapshot >= 0).sum()), len(documents)):
            snapshot.save(store.directory, store.fingerprint, documents, corpus.claims)
    finally:
        if store is not None:
            store.close()
        if scout is not None:
            scout.close()
    return corpus


def _survey(paths: list[str | Path], store: ClaimsCache | None, scout: Scout | None
            ) -> tuple[Survey, snapshot.Snapshot | None]:
    """The run's `Survey` and its snapshot: from the scout while this process reads the snapshot, else worked
    out here, the walk beside the snapshot's reading."""
    stats: dict[str, os.stat_result] = {}
    if scout is None or store is None:
        files, unreadable, snap = _walk_and_load(paths, stats, store)
        return survey(files, unreadable, snap, store, stats), snap
    snap = snapshot.load(store.directory, store.fingerprint)
    if snap is not None:  # while the scout walks: the columns that stay strings, for the rows as stored
        snap.prepare(name for name in COLUMNS if name not in CATEGORICAL)
    found = scout.result(snap)
    if found is None:  # the scout failed, or read another snapshot: walk here
        files, unreadable = iter_paths(paths, stats)
        found = survey(files, unreadable, snap, store, stats)
    return found, snap


def _walk_and_load(paths: list[str | Path], stats: dict[str, os.stat_result], store: ClaimsCache | None
                   ) -> tuple[list[str], list[Unreadable], snapshot.Snapshot | None]:
    """The folder walk (`iter_paths`) and the snapshot, side by side: the snapshot does not depend on the files
    found, and the walk spends most of its time in `os.stat`, which lets another thread run (reading the
    snapshot's arrays lets the walk run in turn). At 100k documents each takes about half a second."""
    if store is None:
        return *iter_paths(paths, stats), None
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(snapshot.load, store.directory, store.fingerprint)
        files, unreadable = iter_paths(paths, stats)
        return files, unreadable, loading.result()


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


def _snapshot_due(from_snapshot: int, read: int) -> bool:
    """Rewrite the snapshot when more than 1% of the `read` documents (or 1,000) came from elsewhere than
    the snapshot: adding one document to a large corpus must not cost a rewrite; the per-document cache
    serves it."""
    return read - from_snapshot > min(1000, read / 100)


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
    from claimcheck.extract import extract_document  # here: a run that finds every claim cached never loads it

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


def _assemble(files: list[str] | dict[int, str], in_snapshot: np.ndarray, outcomes: dict[str, Outcome],
              unreadable: list[Unreadable], snap: snapshot.Snapshot | None) -> tuple[Corpus, pd.DataFrame]:
    """The corpus, in file order, from the snapshot's rows (`in_snapshot`) and the other files' outcomes (`files`
    by position: every file, or those not in the snapshot); and its documents with what the snapshot keeps of
    each file (`snapshot.FILE_COLUMNS`)."""
    fresh_files: list[int] = []  # positions in `files`
    fresh: dict[str, list] = {name: [] for name in (*METADATA_COLUMNS, *snapshot.FILE_COLUMNS)}
    rows: list[tuple] = []
    for i in np.flatnonzero(in_snapshot < 0).tolist():
        outcome = outcomes.get(files[i]) or Outcome(files[i], None, error="not read")
        if outcome.extraction is None:
            unreadable.append(Unreadable(outcome.path, outcome.error or "not read"))
            continue
        fresh_files.append(i)
        record = {**outcome.extraction.metadata, "doc": _stem(outcome.path), "path": outcome.path}
        stat = outcome.stat or FileStat(-1, -1)
        record.update(size=stat.size, mtime_ns=stat.mtime_ns, digest=outcome.extraction.digest,
                      count=len(outcome.extraction.rows))
        for name, values in fresh.items():
            values.append(record.get(name))
        rows.extend(outcome.extraction.rows)
    added = metadata_table(fresh)
    for name in snapshot.FILE_COLUMNS:
        added[name] = pd.Series(fresh[name], dtype=object)
    from_snapshot = np.flatnonzero(in_snapshot >= 0)
    if snap is None or not len(from_snapshot):
        claims = claims_from_rows(rows, fresh["doc"], fresh["count"])
        return Corpus(added[list(METADATA_COLUMNS)], unreadable, claims), added
    kept = snap.documents.iloc[in_snapshot[from_snapshot]]
    documents = pd.concat([kept, added], ignore_index=True) if len(added) else kept.reset_index(drop=True)
    starts = np.concatenate([kept["start"].to_numpy(), snap.size + np.cumsum([0, *fresh["count"]])[:-1]])
    counts = np.concatenate([kept["count"].to_numpy(), np.asarray(fresh["count"], dtype=np.int64)])
    file_order = np.argsort(np.concatenate([from_snapshot, fresh_files]), kind="stable")
    documents = documents.iloc[file_order].reset_index(drop=True)
    # every snapshot document as stored, then the fresh ones (a warm run; one document added at the end): the
    # rows as they are, fresh ones after them, with no order of 1.5M rows to build and take
    as_stored = len(from_snapshot) == len(snap.documents) \
        and bool((in_snapshot[from_snapshot] == np.arange(len(from_snapshot))).all()) \
        and (not fresh_files or fresh_files[0] > from_snapshot[-1])
    order = None if as_stored else _row_ranges(starts[file_order].astype(np.int64), counts[file_order].astype(np.int64))
    claims, sentence_codes = _merged(snap, claims_from_rows(rows, fresh["doc"], fresh["count"]), order)
    return Corpus(documents[list(METADATA_COLUMNS)], unreadable, claims, sentence_codes), documents


def _row_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The rows `starts[k]` to `starts[k] + counts[k]`, for each k in turn, as one array."""
    before = np.cumsum(counts) - counts
    return np.repeat(starts - before, counts) + np.arange(int(counts.sum()), dtype=np.int64)


def _stem(path: str) -> str:
    """`Path(path).stem`, without building a Path for each of 100k files."""
    return os.path.splitext(os.path.basename(path))[0]


def _merged(snap: snapshot.Snapshot, fresh: pd.DataFrame, order: np.ndarray | None
            ) -> tuple[pd.DataFrame, np.ndarray]:
    """The claims table from snapshot rows and fresh rows, in `order` (None: the snapshot's rows as stored, then the
    fresh rows), typed as `claims_from_rows` types it, and its sentences' codes (`Corpus.sentence_codes`), which
    the snapshot has."""
    in_place = order is None or (fresh.empty and len(order) == snap.size
                                 and bool((order == np.arange(snap.size)).all()))
    taken = None if in_place else order

    def added(name: str) -> pd.Series | None:
        return None if fresh.empty else fresh[name]

    sentence_codes, sentences = snap.codes("sentence", taken, added("sentence"))
    columns = {}
    for name in COLUMNS:
        text = snap.text(name, added(name)) if taken is None else None  # prepared while the scout walked
        if text is not None:
            columns[name] = text
        elif name == "sentence":
            columns[name] = snapshot.decode(sentence_codes, sentences)
        else:
            columns[name] = snap.column(name, taken, added(name), categorical=name in CATEGORICAL)
    # copy=False: the arrays are this table's alone, and a dict's columns are otherwise copied into 2-D blocks
    # (0.3 s at 1.5M rows) that `typed` splits again, one block a column
    return typed(pd.DataFrame(columns, copy=False).infer_objects()), sentence_codes.astype(np.int64)


def claims_from_rows(rows: list[tuple], doc_ids: list[str], counts: list[int]) -> pd.DataFrame:
    """The claims table (as `claims.claims_frame` builds it) from cached rows and each document's row count."""
    if not rows:
        return claims_frame([])
    frame = pd.DataFrame.from_records(rows, columns=list(ROW_FIELDS))
    frame.insert(0, "doc", np.repeat(np.array(doc_ids, dtype=object), counts))
    return typed(frame)

