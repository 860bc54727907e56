"""The benchmark harness (benchmarks/) at a tiny size: the generator is deterministic and every measurement runs.

The benchmark itself is not a test (`make bench`); these keep its code working as the package changes."""

from __future__ import annotations

from pathlib import Path

from benchmarks import measure
from benchmarks.corpus import write_corpus

from claimcheck.claims import DTYPES


def test_the_generated_corpus_is_the_same_every_time(tmp_path):
    first, second = write_corpus(tmp_path / "a", 12), write_corpus(tmp_path / "b", 12)
    names = sorted(p.name for p in first.glob("*.txt"))
    assert len(names) == 12
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


def test_a_document_left_past_the_corpus_is_removed(tmp_path):
    """A "+1 document" a stopped run left behind would be measured, then deleted under the runner's feet."""
    from benchmarks.corpus import document

    corpus = write_corpus(tmp_path / "corpus", 5)
    name, text = document(5)
    (corpus / name).write_text(text, encoding="utf-8")
    write_corpus(corpus, 5)
    assert sorted(p.name for p in corpus.glob("*.txt")) == [document(i)[0] for i in range(5)]


def test_each_measurement_runs_on_a_small_corpus(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 8)
    files = measure.corpus_files(corpus)
    extraction, claims = measure.extraction_rate(files)
    bare, matches = measure.bare_scan_rate(files)
    assert claims > 0 and matches > 0 and extraction.mb_per_s > 0 and bare.mb_per_s > 0
    seconds, rows, rules = measure.checks_over(500, corpus)
    assert rows == 500 and rules > 0 and seconds > 0


def test_the_tiled_claims_table_has_the_real_tables_column_types(tmp_path, monkeypatch):
    """The 1M-claim figure must time the checks on the table a run gives them (categorical columns and all)."""
    seen = {}
    monkeypatch.setattr(measure, "run_rules", lambda rules, claims, documents: seen.update(claims=claims))
    measure.checks_over(300, write_corpus(tmp_path / "corpus", 6))
    claims = seen["claims"]
    assert claims["doc"].nunique() > 6  # copies under fresh document ids
    assert {name: str(claims[name].dtype) for name in DTYPES} == {
        name: "category" if kind == "category" else kind for name, kind in DTYPES.items()}


def test_the_measured_runs_import_claimcheck_from_bytecode():
    """Every measured `claimcheck run` imports the package as an install has it: compiled, not from source."""
    import importlib.util

    package = measure.compile_bytecode()
    for module in ("cli.py", "extract/document.py", "checks/part_of_total.py"):
        source = package / module
        compiled = Path(importlib.util.cache_from_source(str(source)))
        assert compiled.is_file() and compiled.stat().st_mtime >= source.stat().st_mtime
