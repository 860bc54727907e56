"""Work done by a forked copy of this process, its result sent back through a pipe.

A forked child starts with this process's memory as it is, shared until written: it reads a claims table of
1.5M rows that would take seconds to pickle, and it runs on the second core, which a thread of this process
cannot use while the checks hold the GIL. Only the child's result is pickled. Where processes cannot be
forked, `Forked.start` returns None and the caller does the work itself. The scout (`survey.py`) and the
second lane of checks (`checking.py`) run this way.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ForkedError(RuntimeError):
    """The child gave no result: its work raised, its result could not be sent, it died or it took too long."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Forked(Generic[T]):
    """A forked child running `work()`; `result()` is what it returned."""

    def __init__(self, process: multiprocessing.process.BaseProcess, reader) -> None:
        self.process = process
        self.reader = reader

    @classmethod
    def start(cls, work: Callable[[], T]) -> Forked[T] | None:
        """The child, started; None where processes cannot be forked or the fork failed. Start it before this
        process opens what a child must not share (an SQLite connection) or starts threads (a lock held by one
        at the fork stays held in the child)."""
        if not can_fork():
            return None
        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(work, writer), daemon=True)
        try:
            process.start()
        except OSError:
            reader.close()
            writer.close()
            return None
        writer.close()
        return cls(process, reader)

    def result(self, patience: float | None = None) -> T:
        """The child's result, waiting at most `patience` seconds (None: as long as it takes); a child that does
        not answer in time is killed. Raises `ForkedError` when there is no result."""
        try:
            if not self.reader.poll(patience):
                raise ForkedError(f"no result after {patience} s")
            succeeded, value = self.reader.recv()
        except (EOFError, OSError) as exc:
            raise ForkedError(f"the child ended without a result ({type(exc).__name__})") from exc
        except ForkedError:
            self.process.kill()
            raise
        finally:
            self.reader.close()
        if not succeeded:
            raise ForkedError(value)
        return value

    def close(self) -> None:
        """Wait for the child to end (it ends once it has sent its result)."""
        self.process.join()


def _child(work: Callable[[], object], writer) -> None:
    try:
        outcome: tuple[bool, object] = (True, work())
    except Exception as exc:  # noqa: BLE001 - the parent is told, and does the work itself
        outcome = (False, f"{type(exc).__name__}: {exc}")
    try:
        writer.send(outcome)
    except Exception as exc:  # noqa: BLE001 - a result that cannot be pickled
        writer.send((False, f"cannot send the result: {type(exc).__name__}: {exc}"))
    writer.close()
