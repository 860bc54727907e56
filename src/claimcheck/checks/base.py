"""Helpers every check shares: picking claims, hedges as intervals, units through Pint, document metadata."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from threading import Lock
from typing import TypeVar

import numpy as np
import pandas as pd

from claimcheck import units as pint_answers
from claimcheck.checks.fields import Tolerance
from claimcheck.subjects import noun_mask
from claimcheck.units import UnitError

DOC_COLUMNS = ("doc", "kind", "date", "asked", "answered", "asked_line", "answered_line")
PAIR_BLOCK_CELLS = 1 << 18  # claim pairs compared at once: a few MB for each temporary array
_SHARED: ContextVar[dict | None] = ContextVar("claimcheck_shared_work", default=None)
_PINT = Lock()  # a Dask worker checks rules on several threads: Pint (asked about units first met) answers one
T = TypeVar("T")


def factor(from_unit: str, to_unit: str) -> float:
    """`units.factor`, one thread at a time."""
    with _PINT:
        return pint_answers.factor(from_unit, to_unit)


def dimensionality(unit: str) -> str:
    """`units.dimensionality`, one thread at a time."""
    with _PINT:
        return pint_answers.dimensionality(unit)


@contextmanager
def shared_work(claims: pd.DataFrame, sentence_codes: np.ndarray | None = None) -> Iterator[None]:
    """While the rules run over one claims table (in one lane of `checking.py`), what several checks derive
    from the same table is worked out once (`shared`): part-of-total and sum both look at the claims beside a
    total in canonical units, and part-of-total, sum and rate-total all join claims by sentence.
    `sentence_codes`, when the loader has them (`Corpus.sentence_codes`, from the snapshot), number the table's
    sentences without reading their text. Outside it (a check called on its own), every check works everything
    out for itself."""
    token = _SHARED.set({"table": claims, "sentence_codes": sentence_codes, "made": {}, "locks": {}, "lock": Lock()})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(claims: pd.DataFrame, name: str, make: Callable[[], T]) -> T:
    """`make()`, made once per run for the table the rules run over (`shared_work`); other tables make it
    every time. What is shared must not be changed by its users (pandas copies on write). Should two threads
    ask at once, the first makes it while the other waits for it."""
    memo = _SHARED.get()
    if memo is None or memo["table"] is not claims:
        return make()
    with memo["lock"]:
        lock = memo["locks"].setdefault(name, Lock())
    with lock:
        made = memo["made"]
        if name not in made:
            made[name] = make()
        return made[name]


def table_sentence_codes(claims: pd.DataFrame) -> np.ndarray | None:
    """The loader's sentence codes for `claims` when it is the table the rules run over, else None."""
    memo = _SHARED.get()
    return memo["sentence_codes"] if memo is not None and memo["table"] is claims else None


def equals(column: pd.Series, value: str) -> np.ndarray:
    """`column == value` as a boolean array; a categorical column compared on its codes (turning 1.5M
    codes into objects to compare them took 20 ms a test)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        at = column.cat.categories.get_indexer([value])[0]
        codes = column.cat.codes.to_numpy()
        return codes == at if at >= 0 else np.zeros(len(codes), dtype=bool)
    return column.to_numpy(dtype=object) == value


def first_pairs(size: int, hits: Callable[[np.ndarray], np.ndarray], limit: int, upper: bool = True
                ) -> list[tuple[int, int]]:
    """The first `limit` index pairs (i, j) of a group of `size` claims for which `hits(rows)[a, j]` holds
    (i = rows[a]), in order of i, then j; with `upper`, only those with i < j.

    `hits` compares a block of rows with the whole group at a time, so that memory stays bounded however
    large the group (one n×n comparison of a subject quoted 20,000 times would hold 400M cells), and the
    search ends once `limit` pairs are found. Agree, periods and discovery share it.
    """
    everyone = np.arange(size)
    step = max(1, PAIR_BLOCK_CELLS // max(size, 1))
    pairs: list[tuple[int, int]] = []
    for first in range(0, size, step):
        rows = everyone[first : first + step]
        found = hits(rows)
        if upper:
            found = found & (everyone[None, :] > rows[:, None])
        block_i, block_j = np.nonzero(found)
        pairs += zip((block_i + first).tolist(), block_j.tolist(), strict=True)
        if len(pairs) >= limit:
            break
    return pairs[:limit]


def documents_frame(records: Iterable[dict] | pd.DataFrame) -> pd.DataFrame:
    """Document metadata as a table (ISO date strings), the only view of documents a check gets: from
    `Document.metadata()` records or a corpus's metadata table."""
    if isinstance(records, pd.DataFrame):
        frame = records[list(DOC_COLUMNS)]
    else:
        frame = pd.DataFrame(list(records), columns=list(DOC_COLUMNS))
    return frame.astype(object).where(frame.notna(), None)


def select(claims: pd.DataFrame, conf: dict) -> pd.DataFrame:
    """The claims a check looks at: by measure (claim kind), unit, counted noun and whether changes count."""
    keep = pd.Series(True, index=claims.index)
    if conf.get("measure"):
        keep &= equals(claims["kind"], conf["measure"])
    if conf.get("unit"):
        keep &= map_distinct(claims["unit"], lambda u: same_dimension(u, conf["unit"]))
    if conf.get("counted"):
        keep &= noun_mask(claims, conf["counted"])
    if not conf.get("changes", True):
        keep &= ~claims["change"].astype(bool)
    return claims[keep]


def map_distinct(values: pd.Series, function) -> pd.Series:
    """`values.map(function)`, calling `function` once per distinct value (missing ones included): units,
    subjects and nouns repeat across a large corpus, and the Python call per row is what costs."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    results = [function(v) for v in distinct] + [function(None)]  # code -1, a missing value, takes the last
    mapped = np.array(results, dtype=bool if all(isinstance(r, bool) for r in results) else object)[codes]
    return pd.Series(mapped, index=values.index, name=values.name)


def dimension_of(unit) -> str | None:
    """A key equal for units that may be compared (see `units.dimensionality`); None for no or bad units."""
    if not isinstance(unit, str) or not unit:
        return None
    try:
        return dimensionality(unit)
    except UnitError:
        return None


def same_dimension(unit_a, unit_b) -> bool:
    dim = dimension_of(unit_a)
    return dim is not None and dim == dimension_of(unit_b)


def conversion(units: pd.Series, target: str) -> pd.Series:
    """Per-claim multiplier into `target` (NaN where the unit cannot be converted): one Pint call per unit."""
    table = {}
    for unit in units.dropna().unique():
        try:
            table[unit] = factor(unit, target)
        except UnitError:
            table[unit] = np.nan
    return units.map(table).astype(float)


def intervals(claims: pd.DataFrame, tol: Tolerance | None = None) -> pd.DataFrame:
    """low/high per claim: the extractor's interval, else one from the hedge and rounding; approximate
    figures widened by the rule's tolerance (relative, or absolute converted into the claim's unit)."""
    value = claims["value"].astype(float)
    step = claims["step"].astype(float).fillna(0.0) / 2
    bound = claims["bound"].to_numpy(dtype=object)  # plain objects: a pandas string column compares row by row
    is_min, is_max, approx = bound == "min", bound == "max", bound == "approx"
    default_low = np.select([is_min, is_max, approx], [value, np.minimum(0.0, value), value], value - step)
    default_high = np.select([is_min, is_max, approx], [np.inf, value, value], value + step)
    low = claims["low"].astype(float).fillna(pd.Series(default_low, index=claims.index))
    high = claims["high"].astype(float).fillna(pd.Series(default_high, index=claims.index))
    if tol is not None:
        widen = value.abs() * tol.relative
        if tol.absolute and tol.unit:
            widen = widen + tol.absolute * conversion(claims["unit"], tol.unit).rdiv(1.0).fillna(0.0)
        low = low.where(~approx, low - widen)
        high = high.where(~approx, high + widen)
    return pd.DataFrame({"low": low, "high": high}, index=claims.index)


def canonical(claims: pd.DataFrame, tol: Tolerance | None = None) -> pd.DataFrame:
    """The claims with `c_value/c_low/c_high` in one unit per dimension (`c_unit`), dropping claims with no
    value or an unknown unit. Money never meets a count: `c_unit` differs, so groups never mix."""
    codes, units = pd.factorize(claims["unit"], use_na_sentinel=True)  # units in order of appearance
    usable = claims["value"].notna().to_numpy() & (codes >= 0)
    if not usable.any():
        return claims[usable].assign(
            c_unit=pd.Series(dtype=object),
            c_value=pd.Series(dtype=float),
            c_low=pd.Series(dtype=float),
            c_high=pd.Series(dtype=float),
        )
    dims = np.array([dimension_of(u) for u in units] + [None], dtype=object)  # code -1 (no unit): None
    keep = usable & (dims[codes] != None)  # noqa: E711 - elementwise on an object array
    # each dimension's unit is the first one met among the claims kept; every distinct unit converts once
    kept_codes = codes[keep]
    first_seen = np.unique(kept_codes, return_index=True)
    target: dict[str, str] = {}
    for code in first_seen[0][np.argsort(first_seen[1])]:
        target.setdefault(dims[code], units[code])
    c_units = np.array([target.get(d) for d in dims], dtype=object)
    mult = np.array([_factor_or_nan(u, target.get(d)) for u, d in zip(units, dims[:-1], strict=True)] + [np.nan])
    claims = claims[keep].assign(c_dim=dims[kept_codes])  # one copy of the rows kept, not of the whole table
    claims["c_unit"] = pd.Series(c_units[kept_codes], index=claims.index, dtype=claims["unit"].dtype)
    mult = pd.Series(mult[kept_codes], index=claims.index)
    bounds = intervals(claims, tol)
    claims["c_value"] = claims["value"] * mult
    claims["c_low"] = bounds["low"] * mult
    claims["c_high"] = bounds["high"] * mult
    return claims


def _factor_or_nan(unit: str, target: str | None) -> float:
    if target is None:
        return np.nan
    try:
        return factor(unit, target)
    except UnitError:
        return np.nan


def period_bounds(claims: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """period_start/period_end as timestamps (NaT where unknown)."""
    return as_timestamps(claims["period_start"]), as_timestamps(claims["period_end"])


def as_timestamps(values: pd.Series) -> pd.Series:
    """ISO dates as timestamps (NaT where missing or bad), parsed once per distinct date: a million claims
    share a few thousand period bounds."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    parsed = pd.to_datetime(pd.Series([*distinct, None], dtype=object), errors="coerce").to_numpy()
    stamps = parsed[codes]  # code -1 (missing) takes the NaT at the end
    return pd.Series(stamps, index=values.index, name=values.name)


PERIOD_SLACK_DAYS = 31  # a figure is for a period when it starts and ends within a month of the period's


def for_period(claims: pd.DataFrame, period, slack_days: int = PERIOD_SLACK_DAYS) -> pd.Series:
    """True where a claim is for `period` (same span, give or take a month) or its period is unknown:
    "£200m from 2015-16 to 2019-20" is another figure than "£100m for 2014-15 and 2015-16",
    not a contradiction."""
    first, last = period_bounds(claims)
    known = first.notna() & last.notna()
    slack = pd.Timedelta(days=slack_days)
    same = ((first - pd.Timestamp(period.start)).abs() <= slack) & ((last - pd.Timestamp(period.end)).abs() <= slack)
    return ~known | same


def doc_lines(claims: pd.DataFrame, lines: np.ndarray | None = None) -> np.ndarray:
    """One integer per claim naming its document and line (or `lines`, one per claim): figures that must stand
    together (a part and its total, a rate and what it adds up to) are found by whole numbers, far faster than by
    names and text."""
    doc = claims["doc"]
    codes = doc.cat.codes.to_numpy() if isinstance(doc.dtype, pd.CategoricalDtype) else pd.factorize(doc)[0]
    return codes.astype(np.int64) << 32 | (claims["line"].to_numpy(dtype=np.int64) if lines is None else lines)


SENTENCE_CODE = "sentence_code"  # a column of `sentence_codes`, carried by tables that know them already


def sentence_codes(claims: pd.DataFrame) -> np.ndarray:
    """One integer per distinct sentence (-1 where missing: it meets another missing one, as in a merge). A
    categorical column has them already, and so does a table with a `sentence_code` column (`near_a_total`):
    factorising 300,000 sentences cost a tenth of a second a check at 100k documents."""
    if SENTENCE_CODE in claims.columns:
        return claims[SENTENCE_CODE].to_numpy(dtype=np.int64)
    sentence = claims["sentence"]
    if isinstance(sentence.dtype, pd.CategoricalDtype):
        return sentence.cat.codes.to_numpy().astype(np.int64)
    return pd.factorize(sentence.to_numpy(dtype=object))[0]


def sharing_marked(codes: np.ndarray, marks: np.ndarray) -> np.ndarray:
    """Per row, whether its code (a line, a sentence) is also a marked row's: the rows that stand beside a total
    or a rate, found on whole numbers."""
    return pd.Series(codes).isin(pd.unique(codes[marks])).to_numpy()


def count_docs(claims: pd.DataFrame, labels: pd.Index | None = None) -> int:
    """How many documents the claims (those at `labels`, if given) come from: only the document column is read."""
    doc = claims["doc"] if labels is None else claims["doc"].loc[labels]
    return int(doc.nunique()) if len(doc) else 0
