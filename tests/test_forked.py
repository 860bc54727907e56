"""Work in a forked child: its result comes back; a failure, an unpicklable result or a hang is a `ForkedError`."""

from __future__ import annotations

import os
import threading
import time

import numpy as np
import pytest

from claimcheck.forked import Forked, ForkedError, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="this system cannot fork processes")


def test_the_child_reads_this_process_memory_and_sends_back_its_result() -> None:
    table = np.arange(1_000_000)  # inherited by the fork, never pickled
    child = Forked.start(lambda: (os.getpid(), int(table.sum())))
    assert child is not None
    pid, total = child.result(patience=60)
    child.close()
    assert pid != os.getpid() and total == int(table.sum())
    assert child.process.exitcode == 0


def test_work_that_raises_is_a_forked_error_naming_the_exception() -> None:
    def broken() -> None:
        raise ValueError("no such rule")

    child = Forked.start(broken)
    with pytest.raises(ForkedError, match="ValueError: no such rule"):
        child.result(patience=60)
    child.close()


def test_a_result_that_cannot_be_pickled_is_a_forked_error() -> None:
    child = Forked.start(lambda: threading.Lock())
    with pytest.raises(ForkedError, match="cannot send the result"):
        child.result(patience=60)
    child.close()


def test_a_child_that_does_not_answer_in_time_is_killed() -> None:
    child = Forked.start(lambda: time.sleep(60))
    started = time.monotonic()
    with pytest.raises(ForkedError, match="no result after 0.5 s"):
        child.result(patience=0.5)
    child.close()
    assert time.monotonic() - started < 30
    assert child.process.exitcode != 0  # killed, not ended


def test_without_fork_nothing_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claimcheck.forked.can_fork", lambda: False)
    assert Forked.start(lambda: 1) is None
