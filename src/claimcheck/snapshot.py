"""A columnar snapshot of the last large run's claims table, beside the claims cache.

The per-document cache (`cache.py`) decodes each document's claims on its own: at 100k
documents and 1.5M claims that is tens of seconds and every claim's sentence held as its
own string. The snapshot keeps the whole table column by column (numbers as NumPy arrays,
strings dictionary-encoded: codes in an `.npz` read with `allow_pickle=False`, distinct
values joined by newlines in the same file, or JSON when they are not plain lines), so a
re-run over a mostly unchanged corpus takes the rows of unchanged files by position and
decodes each distinct sentence once. Nothing in it can run code.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from claimcheck.claims import plain
from claimcheck.corpus import METADATA_COLUMNS

FOLDER = "snapshot"
MANIFEST, ARRAYS, STRINGS = "manifest.json", "columns.npz", "strings.json"
FORMAT = 3  # 2: the documents stored column by column; 3: strings joined in the arrays file, documents coded too
FILE_COLUMNS = ("size", "mtime_ns", "digest", "count")  # what the cache needs of a file, beside its metadata
_FILE_NUMBERS = ("size", "mtime_ns", "count")
_DOCUMENTS = "documents."  # the arrays of the documents table, beside the claims table's columns
_JOINED, _SEPARATOR = ".strings", "\n"


@dataclass
class Snapshot:
    """The claims table's columns, and its documents (`FILE_COLUMNS`, then the corpus's metadata columns;
    one row per file, whose claims are the rows `start` to `stop` of the columns)."""

    documents: pd.DataFrame
    columns: dict[str, np.ndarray]  # numbers as stored; strings as int32 codes into `strings[name]`, -1 missing
    strings: dict[str, list]
    stamp: tuple | None = None  # the arrays file read (device, inode, size, mtime): two loads of one snapshot match
    joined: frozenset[str] = frozenset()  # string columns read from one joined run: strings all, by construction
    texts: dict[str, pd.api.extensions.ExtensionArray] = field(default_factory=dict)  # made by `prepare`

    def prepare(self, names: Iterable[str]) -> None:
        """Columns `names` (strings that stay strings: the claims' text and sentence) for the snapshot's rows as
        stored, as the "str" arrays `infer_objects` makes of them. A run makes them while its scout walks the
        folders, work it would otherwise do once the scout is back (about 0.15 s at 100k documents). A column
        holding a value that is not a string, or no value at all, is left to `infer_objects`."""
        for name in names:
            distinct, codes = self.strings.get(name), self.columns.get(name)
            if distinct is None or codes is None or not (codes >= 0).any() \
                    or (name not in self.joined and not all(isinstance(value, str) for value in distinct)):
                continue
            self.texts[name] = pd.array(decode(codes, distinct), dtype="str")

    def text(self, name: str, added: pd.Series | None) -> pd.api.extensions.ExtensionArray | None:
        """Column `name` as `prepare` made it, followed by `added` (fresh rows), typed as `infer_objects` types
        the whole; None when it was not prepared or `added` holds a value that is neither a string nor missing."""
        prepared = self.texts.get(name)
        if prepared is None or added is None or not len(added):
            return prepared
        values = added.to_numpy(dtype=object)
        if not all(isinstance(value, str) or pd.isna(value) for value in values):
            return None
        return pd.concat([pd.Series(prepared), pd.Series(pd.array(values, dtype="str"))], ignore_index=True).array

    def row_of(self, paths: list[str]) -> np.ndarray:
        """Each path's row in `documents` (its last, for a file named twice in a run), -1 where it is not there."""
        known = pd.Index(self.documents["path"].to_numpy(dtype=object))
        if known.is_unique:
            return known.get_indexer(paths).astype(np.int64)
        last = np.flatnonzero(~known.duplicated(keep="last"))
        found = known[last].get_indexer(paths)
        return np.where(found >= 0, last[found], -1).astype(np.int64)

    @property
    def size(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def column(self, name: str, order: np.ndarray | None, added: pd.Series | None,
               categorical: bool) -> np.ndarray | pd.Categorical:
        """Column `name`: the snapshot's rows followed by `added` (fresh rows), taken in `order` (None: the
        snapshot's rows as stored). Strings stay codes until the end: a categorical column is built from its
        codes, never from a million decoded strings, with the categories `astype("category")` would give."""
        codes, distinct = self.codes(name, order, added)
        if distinct is None:  # numbers
            return codes
        return _categorical(codes, distinct) if categorical else decode(codes, distinct)

    def codes(self, name: str, order: np.ndarray | None, added: pd.Series | None) -> tuple[np.ndarray, list | None]:
        """What `column` decodes: a column of numbers as it is (and None), or a column of strings as its codes and
        their distinct values. Equal codes are equal strings; equal strings of one document have equal codes
        (a fresh document's values are appended, so they may repeat a snapshot value under another code)."""
        codes = self.columns[name]
        distinct = self.strings.get(name)
        if distinct is None:  # numbers
            if added is not None and len(added):
                codes = np.concatenate([codes, added.to_numpy(dtype=codes.dtype)])
            return (codes if order is None else codes[order]), None
        if added is not None and len(added):
            distinct, added_codes = _encode_more(distinct, added)
            codes = np.concatenate([codes, added_codes])
        if order is not None:
            codes = codes[order]
        return codes, distinct


def _manifest(folder: Path, fingerprint: str) -> dict | None:
    """The snapshot's manifest when the same extractor wrote it in this format, else None."""
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(manifest, dict) or manifest.get("fingerprint") != fingerprint \
            or manifest.get("format") != FORMAT:
        return None
    return manifest


def written_by(directory: str | Path, fingerprint: str) -> bool:
    """Whether `load` may find a snapshot there: one exists and the same extractor wrote it (its manifest says
    so; the arrays are not read)."""
    try:
        return _manifest(Path(directory) / FOLDER, fingerprint) is not None
    except (OSError, ValueError):
        return False


def load(directory: str | Path, fingerprint: str, documents_only: bool = False) -> Snapshot | None:
    """The snapshot written by the same extractor, or None (missing, another extractor, unreadable). With
    `documents_only`, its documents alone (what matching files against it needs), without the claims."""
    folder = Path(directory) / FOLDER
    try:
        manifest = _manifest(folder, fingerprint)
        if manifest is None:
            return None
        spilled = json.loads((folder / STRINGS).read_text(encoding="utf-8"))
        with open(folder / ARRAYS, "rb") as file, np.load(file, allow_pickle=False) as arrays:
            seen = os.fstat(file.fileno())
            stamp = (seen.st_dev, seen.st_ino, seen.st_size, seen.st_mtime_ns)
            wanted = {} if documents_only else manifest["strings"]
            strings = {name: _unpack(arrays, name, count, spilled) for name, count in wanted.items()}
            columns = {} if documents_only else {name: arrays[name] for name in manifest["columns"]}
            for name, distinct in strings.items():
                _check_codes(name, columns[name], len(distinct))
            files = {name: _unpack(arrays, _DOCUMENTS + name, count, spilled)
                     for name, count in manifest["documents"].items()}
            for name, distinct in files.items():
                _check_codes(name, arrays[_DOCUMENTS + name], len(distinct))
            documents = pd.DataFrame({
                name: pd.Series(decode(arrays[_DOCUMENTS + name], files[name]), dtype=object)
                if name in files else arrays[_DOCUMENTS + name]
                for name in (*METADATA_COLUMNS, *FILE_COLUMNS)
            })
        stops = np.cumsum(documents["count"].to_numpy())
        if any(len(column) != (stops[-1] if len(stops) else 0) for column in columns.values()):
            raise ValueError("snapshot columns and documents disagree on the number of claims")
        documents["start"], documents["stop"] = stops - documents["count"].to_numpy(), stops
    except (OSError, ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile):
        return None
    return Snapshot(documents, columns, strings, stamp, frozenset(strings) - set(spilled))


def _check_codes(name: str, codes: np.ndarray, size: int) -> None:
    """A damaged file must not decode to other values, or fail later: every code indexes a value or is -1."""
    if codes.dtype != np.int32 or (len(codes) and (codes.min() < -1 or codes.max() >= size)):
        raise ValueError(f"snapshot column {name}: codes out of range")


def _store_strings(arrays: dict[str, np.ndarray], spilled: dict[str, list], key: str, values) -> int:
    """A column of strings (or other plain values) as int32 codes under `key` and its distinct values packed
    beside them (`_pack`). Returns how many distinct values there are."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    arrays[key] = codes.astype(np.int32)
    return _pack(arrays, spilled, key, [plain(value) for value in distinct])


def _pack(arrays: dict[str, np.ndarray], spilled: dict[str, list], key: str, distinct: list) -> int:
    """Store a column's distinct values under `key`: strings as one UTF-8 run joined by newlines, read back with
    one `split` (parsing 715k sentences as JSON strings took 0.6 s of every run at 100k documents); values that
    are not strings, or a string holding a newline, go to `spilled` (JSON). Returns how many there are."""
    if not distinct:
        return 0  # nothing to store: `_unpack` knows an empty column by its count
    try:
        joined = _SEPARATOR.join(distinct)
    except TypeError:  # not all strings
        joined = None
    if joined is not None and joined.count(_SEPARATOR) == len(distinct) - 1:
        arrays[key + _JOINED] = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
    else:
        spilled[key] = distinct
    return len(distinct)


def _unpack(arrays: Mapping[str, np.ndarray], key: str, count: int, spilled: dict[str, list]) -> list:
    """The distinct values `_pack` stored under `key`."""
    if not count:
        return []
    listed = spilled.get(key)
    values = listed if listed is not None else str(memoryview(arrays[key + _JOINED]), "utf-8").split(_SEPARATOR)
    if len(values) != count:
        raise ValueError(f"snapshot column {key}: {len(values)} values, {count} expected")
    return values


def _table(distinct: list) -> np.ndarray:
    """The distinct values as an object array with None after them, so that code -1 (missing) reads None."""
    table = np.empty(len(distinct) + 1, dtype=object)
    table[:-1] = distinct
    table[-1] = None
    return table


def decode(codes: np.ndarray, distinct: list) -> np.ndarray:
    """The values of `codes` (None where -1) as an object array."""
    return _table(distinct)[codes]


def _categorical(codes: np.ndarray, distinct: list) -> pd.Categorical:
    """The categorical `astype("category")` makes of the decoded column: only the values used, sorted. A value
    may stand twice in `distinct` (see `_encode_more`): its codes then share one category."""
    table = _table(distinct)
    used = np.flatnonzero(np.bincount(codes + 1, minlength=len(distinct) + 1)[1:])  # code -1 counts in slot 0
    ranked = used[np.argsort(table[used], kind="stable")]
    values = table[ranked]
    first = np.ones(len(values), dtype=bool)
    first[1:] = values[1:] != values[:-1]
    # numbered in the width pandas keeps the codes in (int8 below 127 categories...), so that they are not
    # converted again; the last slot keeps code -1 missing
    renumber = np.full(len(distinct) + 1, -1, dtype=_code_type(int(first.sum())))
    renumber[ranked] = np.cumsum(first) - 1
    categories = pd.Index(values[first], dtype="str" if len(ranked) else object)
    # the codes are built here, each in range: checking 1.5M of them again cost 10 ms a column
    return pd.Categorical.from_codes(renumber[codes], categories=categories, validate=False)


def _code_type(categories: int) -> type:
    """The integer type pandas keeps a categorical's codes in, for this many categories."""
    for kind in (np.int8, np.int16, np.int32):
        if categories < np.iinfo(kind).max:
            return kind
    return np.int64


def _encode_more(distinct: list, values: pd.Series) -> tuple[list, np.ndarray]:
    """`distinct` with the distinct values among `values` appended (in order of appearance), and the codes of
    `values` in it (-1 where missing). A value the snapshot already has is appended again rather than looked
    up: finding it would hash every distinct sentence of a large corpus (0.4 s at 100k documents) to add one
    document, and two codes for one value decode to equal strings (`_categorical` merges them)."""
    codes, new_values = pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    codes = np.where(codes >= 0, codes + len(distinct), -1)
    return [*distinct, *new_values], codes.astype(np.int32)


def save(directory: str | Path, fingerprint: str, documents: pd.DataFrame, claims: pd.DataFrame) -> None:
    """Write the snapshot of `claims`, whose rows are those of the `documents` (the metadata columns and
    `FILE_COLUMNS`), in order. Written beside, then swapped in, so a reader never sees half of one."""
    folder = Path(directory) / FOLDER
    staging = folder.with_name(FOLDER + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    arrays: dict[str, np.ndarray] = {}
    spilled: dict[str, list] = {}
    counts: dict[str, int] = {}
    for name in claims.columns:
        column = claims[name]
        if pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
            arrays[name] = column.to_numpy()
        else:
            counts[name] = _store_strings(arrays, spilled, name, column)
    files: dict[str, int] = {}
    for name in (*METADATA_COLUMNS, *FILE_COLUMNS):
        key = _DOCUMENTS + name
        if name in _FILE_NUMBERS:
            arrays[key] = documents[name].to_numpy(dtype=np.int64)
            continue
        files[name] = _store_strings(arrays, spilled, key, documents[name].to_numpy(dtype=object))
    np.savez(staging / ARRAYS, **arrays)
    (staging / STRINGS).write_text(json.dumps(spilled, ensure_ascii=False), encoding="utf-8")
    manifest = {"format": FORMAT, "fingerprint": fingerprint, "columns": list(claims.columns), "strings": counts,
                "documents": files}
    (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
