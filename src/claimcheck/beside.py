"""One piece of work in a forked child process while this process does another, on a second core.

At 100k documents discovery takes about 2 s and the rules' checks about 5 s, one after the other; run
side by side, the run is shorter by the shorter of the two. The child gets the claims table by fork
(copy-on-write memory), so nothing large is pickled: only the work's result comes back, and discovery's
is a few dozen discoveries. Where fork is not safe (Windows has none; macOS may crash in a forked child
of a process that used system frameworks), the work runs in this process when its result is asked for.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_WORK: Callable | None = None  # what the forked child runs: inherited with the rest of its memory


def _run_inherited():
    assert _WORK is not None, "beside(): the child was not forked from the process that set the work"
    # a collection would write to every inherited object's header, copying the parent's memory page by page;
    # the child lives for one piece of work
    gc.disable()
    return _WORK()


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def beside(work: Callable[[], T], enabled: bool = True) -> Iterator[Callable[[], T]]:
    """Start `work` in a forked child and yield a function that waits for its result (and raises what it
    raised). Not enabled, or without fork, the function runs `work` here when called."""
    global _WORK
    if not enabled or not can_fork():
        yield work
        return
    _WORK = work
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_run_inherited)  # the child is forked now, with `_WORK` set
            _WORK = None  # this process no longer needs it
            yield future.result
    finally:
        _WORK = None
