"""The claim record and the claims table: the contract between extraction and checking.

Extraction produces `Claim` records; everything downstream (checks, reports)
sees only the pandas DataFrame built by `claims_frame`, one row a claim, with
the columns in `COLUMNS`. Keep the two in step: a check must never need to
reach back into a document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

import pandas as pd

KINDS = ("money", "count", "percent", "rate", "duration", "date", "measure")
BOUNDS = ("exact", "approx", "min", "max")


@dataclass(frozen=True, slots=True)
class Claim:
    """One quantitative claim as stated in one place of one document.

    `value` is in `unit` (a Pint unit string: GBP, count, percent, GBP / year,
    count / day, year...). `low`/`high` is the interval the statement allows:
    the hedge ("over" is [value, inf)) and the rounding of the stated digits
    ("£8.4 million" is 8.35m-8.45m); approximate figures get no tolerance here,
    the check that compares them decides it. Dates have no value: their span
    is `period_start`..`period_end`.
    """

    doc: str
    line: int
    start: int  # character offsets of `text` within its line
    end: int
    text: str
    sentence: str
    kind: str
    value: float | None
    unit: str | None
    bound: str = "exact"
    low: float | None = None
    high: float | None = None
    step: float | None = None  # rounding step of the stated digits, in `unit`
    change: bool = False
    total: bool = False  # the sentence presents it as a whole: "a total of 151", "out of 151", "of the 151"
    listed_under: int = 0  # the line of the whole a bulleted list splits ("£120 million ... This comprises:"), or 0
    subject: str | None = None
    subject_key: str | None = None
    counted: str | None = None
    period_start: str | None = None  # ISO dates
    period_end: str | None = None
    period_text: str | None = None
    period_note: str | None = None  # why a period is missing or partial
    doc_date: str | None = None
    tense: str = "past"  # past | future: for date-order checks

    def to_record(self) -> dict:
        return asdict(self)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Claim))
# Columns whose few distinct values repeat over a million claims are categorical: each rule's selections,
# `isin` and groupings then work on integer codes, not on a Python string per row. The rest are inferred.
CATEGORICAL = ("doc", "kind", "unit", "bound", "subject", "subject_key", "counted", "period_start", "period_end",
               "period_text", "period_note", "doc_date", "tense")
DTYPES = {"line": "int64", "start": "int64", "end": "int64", "change": "bool", "total": "bool", "listed_under": "int64",
          **dict.fromkeys(CATEGORICAL, "category")}


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims table: one row a claim, columns exactly `COLUMNS`."""
    frame = pd.DataFrame([c.to_record() for c in claims], columns=list(COLUMNS))
    return typed(frame)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The claims table's column types (`DTYPES`), the same however the table was built; an all-missing
    column gets object categories, whatever it was read as."""
    frame = frame.astype(DTYPES)
    for name in CATEGORICAL:
        if frame[name].cat.categories.empty:
            frame[name] = frame[name].cat.set_categories(pd.Index([], dtype=object))
    return frame


def plain_column(column: pd.Series, missing: object = None) -> list:
    """A claims-table column as plain Python values (str, int, float, bool), `missing` where a cell is missing:
    what `plain` gives one cell, a column at a time (a Python call per cell of a million rows is what costs)."""
    return column.astype(object).where(column.notna(), missing).tolist()


def plain(value: object) -> object:
    """A claims-table cell as the plain Python value JSON writes: NaN is None, NumPy scalars are Python numbers."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value
