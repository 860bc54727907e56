"""The Dask engine: extraction and checks on a Dask cluster, for corpora beyond one machine.

The work units are the local engine's (`pipeline.extract_file`, `checking.run_rule`),
so results are the same; Dask only schedules them. The client sends each
document's bytes, so workers need no shared filesystem. Needs the optional
extra: `pip install 'claimcheck[dask]'`.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

import pandas as pd

from claimcheck.cache import FileStat
from claimcheck.findings import Verdict
from claimcheck.pipeline import EngineError, Outcome, extract_file, progress
from claimcheck.rules import Rule

BATCH = 256  # documents per task: large enough that scheduling costs little, small enough to balance
_clients: dict[str | None, object] = {}

def client_for(scheduler: str | None = None):
    """One client per scheduler address for the whole process; None starts a local cluster of one worker
    process per core."""
    if scheduler in _clients:
        return _clients[scheduler]
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError("the dask engine needs the dask extra: pip install 'claimcheck[dask]'") from exc
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(
                n_workers=os.cpu_count() or 1, threads_per_worker=1, dashboard_address=None, silence_logs=40
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    if not _clients:
        atexit.register(close)
    _clients[scheduler] = client
    return client


def close() -> None:
    """Close every client (and the local clusters this process started)."""
    while _clients:
        _, client = _clients.popitem()
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def extract_batch(items: list[tuple[str, bytes]]) -> list[Outcome]:
    return [extract_file(path, raw) for path, raw in items]


def extract_files_on_cluster(paths: list[str], scheduler: str | None = None) -> list[Outcome]:
    """`pipeline.extract_file` for every path, on the cluster; outcomes in the order of `paths`."""
    if not paths:
        return []
    from dask.distributed import as_completed

    client = client_for(scheduler)
    stats: dict[str, FileStat] = {}
    failed: dict[str, Outcome] = {}
    items: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            stats[path] = FileStat.of(path)
            items.append((path, Path(path).read_bytes()))
        except OSError as exc:
            failed[path] = Outcome(path, None, error=exc.strerror or str(exc))
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    futures = client.map(extract_batch, batches, pure=False)
    for _ in progress(as_completed(futures), len(futures)):
        pass
    done = {o.path: o for batch in client.gather(futures) for o in batch}
    for path, outcome in done.items():
        outcome.stat = stats[path]
    return [done.get(path) or failed[path] for path in paths]


def run_rules_on_cluster(
    rules: list[Rule], claims: pd.DataFrame, documents: pd.DataFrame, scheduler: str | None = None
) -> list[Verdict]:
    """`checking.run_rule` for every rule, one task each, over the claims table sent once to every worker."""
    from claimcheck.checking import run_rule

    client = client_for(scheduler)
    claims_future, documents_future = client.scatter([claims, documents], broadcast=True)
    futures = [client.submit(run_rule, rule, claims_future, documents_future, pure=False) for rule in rules]
    return client.gather(futures)
