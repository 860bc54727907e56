"""The corpus a run reads: its documents' metadata as one table, the files it could not read, its claims.

The documents are a table, not a list of `Document` objects, because at 100k
documents building, converting and sorting the objects cost seconds on every
run while every consumer wants columns: the checks' view of the documents,
the report's coverage, the paths of the machine-readable outputs. The objects
are still there for the few callers that want one document at a time; they are
built on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd

from claimcheck.documents import Document, Unreadable

# `Document.metadata()`'s fields, in its order: "doc" is the document's id
METADATA_COLUMNS = ("doc", "path", "title", "kind", "department", "asked", "answered", "answered_by", "author",
                    "date", "date_note", "asked_line", "answered_line")
DATE_COLUMNS = ("asked", "answered", "date")


def metadata_table(columns: dict[str, Iterable]) -> pd.DataFrame:
    """The documents table from one sequence per column: plain objects, None where missing (never NaN:
    a missing line number must not turn the column into floats)."""
    frame = pd.DataFrame({name: pd.Series(list(columns.get(name, ())), dtype=object) for name in METADATA_COLUMNS})
    return frame.where(frame.notna(), None) if len(frame) else frame


def metadata_records(records: Iterable[dict]) -> pd.DataFrame:
    """The documents table from `Document.metadata()` dicts."""
    records = list(records)
    return metadata_table({name: [r.get(name) for r in records] for name in METADATA_COLUMNS})


@dataclass
class Corpus:
    """The documents read (`metadata`: one row per document, in file order, the fields of
    `Document.metadata()`), those that could not be read, and the claims table."""

    metadata: pd.DataFrame = field(repr=False)
    unreadable: list[Unreadable]
    claims: pd.DataFrame = field(repr=False)
    # one integer per distinct sentence of `claims` (`checks.base.sentence_codes`), when the loader had them
    # without reading the sentences (from the snapshot); None otherwise
    sentence_codes: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def of(cls, documents: list[Document], unreadable: list[Unreadable], claims: pd.DataFrame) -> Corpus:
        return cls(metadata_records(doc.metadata() for doc in documents), unreadable, claims)

    @property
    def size(self) -> int:
        """How many documents were read."""
        return len(self.metadata)

    @cached_property
    def documents(self) -> list[Document]:
        """The documents as objects (metadata only: body lines are dropped once extracted)."""
        columns = {name: self.metadata[name].tolist() for name in METADATA_COLUMNS}
        for name in DATE_COLUMNS:
            columns[name] = [date.fromisoformat(day) if day else None for day in columns[name]]
        fields = {"doc": "id"}
        return [Document(**{fields.get(name, name): value for name, value in zip(METADATA_COLUMNS, row, strict=True)})
                for row in zip(*columns.values(), strict=True)]

    def by_id(self, column: str) -> dict[str, object]:
        """Document id -> the document's `column` (its path, title, date...)."""
        return dict(zip(self.metadata["doc"].tolist(), self.metadata[column].tolist(), strict=True))
