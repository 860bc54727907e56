"""The claims snapshot's file format: every value comes back as it went in, whatever its text."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from claimcheck import snapshot
from claimcheck.claims import Claim, claims_frame
from claimcheck.corpus import METADATA_COLUMNS, metadata_table


def _documents(paths: list[str], counts: list[int], **columns: list) -> pd.DataFrame:
    documents = metadata_table({"doc": [Path(p).stem for p in paths], "path": paths, **columns})
    documents["size"] = np.arange(len(paths), dtype=np.int64) + 100
    documents["mtime_ns"] = np.arange(len(paths), dtype=np.int64) + 10**18
    documents["digest"] = pd.Series([f"digest{i}" for i in range(len(paths))], dtype=object)
    documents["count"] = np.asarray(counts, dtype=np.int64)
    return documents


def _claim(doc: str, sentence: str, **fields) -> Claim:
    return Claim(doc=doc, line=1, start=0, end=3, text="£5m", sentence=sentence, kind="money", value=5e6,
                 unit="GBP", **fields)


def test_strings_with_newlines_and_values_that_are_not_strings_come_back_unchanged(tmp_path: Path) -> None:
    claims = claims_frame([
        _claim("a", "A line\nthat a table cell carried over", subject="Fund"),
        _claim("b", "£5m for the Troubled Families programme — 2014–15", period_start="2014-04-01"),
        _claim("b", "", subject="Fund"),
    ])
    documents = _documents(["/x/a.txt", "/x/b.txt"], [1, 2], title=["Two\nlines", None], asked_line=[3, None],
                           department=["Department for Education", "Department for Education"])
    snapshot.save(tmp_path, "fp", documents, claims)
    snap = snapshot.load(tmp_path, "fp")
    assert snap is not None
    for name in claims.columns:
        column = snap.column(name, None, None, categorical=isinstance(claims[name].dtype, pd.CategoricalDtype))
        assert list(column) == list(claims[name]), name
    assert snap.documents[list(METADATA_COLUMNS)].to_dict("list") == documents[list(METADATA_COLUMNS)].to_dict("list")
    assert snap.documents["start"].tolist() == [0, 1] and snap.documents["stop"].tolist() == [1, 3]
    # the values a newline-joined run cannot hold went to JSON; the rest did not
    spilled = json.loads((tmp_path / snapshot.FOLDER / snapshot.STRINGS).read_text(encoding="utf-8"))
    assert set(spilled) == {"sentence", "documents.title", "documents.asked_line"}


def test_a_run_of_strings_that_lost_a_value_is_not_read(tmp_path: Path) -> None:
    claims = claims_frame([_claim("a", "First sentence."), _claim("a", "Second sentence.")])
    snapshot.save(tmp_path, "fp", _documents(["/x/a.txt"], [2]), claims)
    manifest = tmp_path / snapshot.FOLDER / snapshot.MANIFEST
    stored = json.loads(manifest.read_text(encoding="utf-8"))
    stored["strings"]["sentence"] = 3
    manifest.write_text(json.dumps(stored), encoding="utf-8")
    assert snapshot.load(tmp_path, "fp") is None


@pytest.mark.parametrize(("paths", "expected"), [
    (["/x/a.txt", "/x/b.txt"], [1, -1, 0]),
    (["/x/a.txt", "/x/b.txt", "/x/a.txt"], [1, -1, 2]),  # a file named twice in the run: its last row
])
def test_row_of_a_path(tmp_path: Path, paths: list[str], expected: list[int]) -> None:
    claims = claims_frame([_claim(Path(p).stem, "A sentence.") for p in paths])
    snapshot.save(tmp_path, "fp", _documents(paths, [1] * len(paths)), claims)
    snap = snapshot.load(tmp_path, "fp")
    assert snap.row_of(["/x/b.txt", "/x/c.txt", "/x/a.txt"]).tolist() == expected


def _saved(tmp_path: Path) -> Path:
    claims = claims_frame([_claim("a", "First sentence."), _claim("a", "Second sentence.")])
    snapshot.save(tmp_path, "fp", _documents(["/x/a.txt"], [2]), claims)
    assert snapshot.load(tmp_path, "fp") is not None
    return tmp_path / snapshot.FOLDER / snapshot.ARRAYS


def test_a_truncated_arrays_file_is_not_read(tmp_path: Path) -> None:
    arrays = _saved(tmp_path)
    arrays.write_bytes(arrays.read_bytes()[: arrays.stat().st_size // 2])
    assert snapshot.load(tmp_path, "fp") is None


@pytest.mark.parametrize("code", [2, -2])
def test_a_code_with_no_value_is_not_read(tmp_path: Path, code: int) -> None:
    arrays = _saved(tmp_path)
    with np.load(arrays, allow_pickle=False) as stored:
        columns = dict(stored)
    columns["sentence"] = np.array([0, code], dtype=np.int32)  # two sentences: codes 0 and 1 only
    np.savez(arrays, **columns)
    assert snapshot.load(tmp_path, "fp") is None


def test_columns_shorter_than_the_documents_say_are_not_read(tmp_path: Path) -> None:
    arrays = _saved(tmp_path)
    with np.load(arrays, allow_pickle=False) as stored:
        columns = dict(stored)
    columns["value"] = columns["value"][:1]  # the documents hold two claims
    np.savez(arrays, **columns)
    assert snapshot.load(tmp_path, "fp") is None
