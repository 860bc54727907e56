"""The claims cache: an unchanged document is never extracted again; a changed one, or a new extractor, is."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import claimcheck.extract
from claimcheck import cache as cache_module
from claimcheck import cli, pipeline, snapshot, survey
from claimcheck.cache import ClaimsCache
from claimcheck.checking import run_rule, run_rules
from claimcheck.checks.base import documents_frame
from claimcheck.pipeline import load_corpus
from claimcheck.rules import load_rules

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the documents the pipeline extracts, in this process (the scout, a forked process, is left to
    find and match files: what it extracts would not be seen here; `test_survey.py` compares its work)."""
    monkeypatch.setattr(survey, "SCOUT_EXTRACTS", 0)
    seen: list[str] = []
    real = claimcheck.extract.extract_document

    def counting(doc):
        seen.append(doc.id)
        return real(doc)

    monkeypatch.setattr(claimcheck.extract, "extract_document", counting)  # the pipeline looks it up per file
    return seen


def test_unchanged_documents_are_not_extracted_again(corpus: Path, tmp_path: Path, extracted: list[str]) -> None:
    first = load_corpus([corpus], cache=tmp_path / "cache")
    assert len(extracted) == 5
    extracted.clear()
    second = load_corpus([corpus], cache=tmp_path / "cache")
    assert extracted == []
    pd.testing.assert_frame_equal(first.claims, second.claims)
    assert [d.metadata() for d in first.documents] == [d.metadata() for d in second.documents]


def test_cached_claims_equal_fresh_claims(corpus: Path, tmp_path: Path) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    cached = load_corpus([corpus], cache=tmp_path / "cache")
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(cached.claims, fresh.claims)
    assert [d.metadata() for d in cached.documents] == [d.metadata() for d in fresh.documents]


def test_a_touched_but_unchanged_document_is_hashed_not_extracted(
    corpus: Path, tmp_path: Path, extracted: list[str]
) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    extracted.clear()
    os.utime(next(corpus.iterdir()), ns=(10**18 + 5, 10**18 + 5))
    load_corpus([corpus], cache=tmp_path / "cache")
    assert extracted == []


def test_a_changed_document_is_extracted_again(corpus: Path, tmp_path: Path, extracted: list[str]) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    extracted.clear()
    changed = sorted(corpus.iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe department spent £7 million on training.\n",
                       encoding="utf-8")
    after = load_corpus([corpus], cache=tmp_path / "cache")
    assert extracted == [changed.stem]
    assert (after.claims["text"] == "£7 million").any()


def test_a_renamed_document_keeps_its_claims_under_its_new_name(corpus: Path, tmp_path: Path,
                                                                extracted: list[str]) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    extracted.clear()
    old = sorted(corpus.iterdir())[0]
    old.rename(corpus / "renamed.txt")
    after = load_corpus([corpus], cache=tmp_path / "cache")
    assert extracted == []
    assert "renamed" in set(after.claims["doc"]) and old.stem not in set(after.claims["doc"])
    assert any(d.id == "renamed" and d.path.endswith("renamed.txt") for d in after.documents)


def test_a_new_extractor_version_extracts_everything_again(
    corpus: Path, tmp_path: Path, extracted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    extracted.clear()
    monkeypatch.setattr(claimcheck.extract, "EXTRACTOR_VERSION", "a-newer-extractor")
    cache_module.extractor_fingerprint.cache_clear()
    try:
        load_corpus([corpus], cache=tmp_path / "cache")
    finally:
        cache_module.extractor_fingerprint.cache_clear()
    assert len(extracted) == 5


def test_the_fingerprint_names_the_extractor_version() -> None:
    assert cache_module.extractor_fingerprint().startswith(claimcheck.extract.EXTRACTOR_VERSION + "-")


def test_old_extractions_are_dropped(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "extractor_fingerprint", lambda: "old")
    load_corpus([corpus], cache=tmp_path / "cache")
    monkeypatch.setattr(cache_module, "extractor_fingerprint", lambda: "new")
    load_corpus([corpus], cache=tmp_path / "cache")
    store = ClaimsCache(tmp_path / "cache", fingerprint="new")
    try:
        by_fingerprint = dict(store.db.execute("SELECT fingerprint, count(*) FROM extractions GROUP BY fingerprint"))
    finally:
        store.close()
    assert by_fingerprint == {"new": 5}


def test_a_run_with_the_same_extractor_deletes_nothing(corpus: Path, tmp_path: Path) -> None:
    """The sweep of old extractions runs once per extractor change, not on every run (it reads the whole table)."""
    load_corpus([corpus], cache=tmp_path / "cache")
    store = ClaimsCache(tmp_path / "cache")
    try:
        store.db.execute("INSERT INTO extractions VALUES ('d', 'some-other-checkout', '{}', '[]')")
        store.db.commit()
    finally:
        store.close()
    (corpus / "added.txt").write_text("Title: Added\n\nThe fund is £5 million.\n", encoding="utf-8")
    load_corpus([corpus], cache=tmp_path / "cache")
    store = ClaimsCache(tmp_path / "cache")
    try:
        fingerprints = {row[0] for row in store.db.execute("SELECT fingerprint FROM extractions")}
    finally:
        store.close()
    assert fingerprints == {"some-other-checkout", cache_module.extractor_fingerprint()}


def test_no_cache_option_bypasses_the_cache(corpus: Path, tmp_path: Path, extracted: list[str],
                                            capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "cache"
    assert cli.main(["extract", str(corpus), "--cache-dir", str(folder), "--format", "csv"]) == 0
    assert (folder / "cache.sqlite").exists() and len(extracted) == 5
    extracted.clear()
    assert cli.main(["extract", str(corpus), "--cache-dir", str(folder), "--format", "csv"]) == 0
    assert extracted == []
    assert cli.main(["extract", str(corpus), "--cache-dir", str(folder), "--format", "csv", "--no-cache"]) == 0
    assert len(extracted) == 5
    other = tmp_path / "never"
    assert cli.main(["extract", str(corpus), "--cache-dir", str(other), "--no-cache"]) == 0
    assert not other.exists()
    capsys.readouterr()


def test_the_cache_folder_ignores_itself(corpus: Path, tmp_path: Path) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    assert (tmp_path / "cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_unreadable_documents_are_reported_not_cached(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    for _ in range(2):
        result = load_corpus([corpus], cache=tmp_path / "cache")
        reasons = {Path(u.path).name: u.reason for u in result.unreadable}
        assert reasons["empty.txt"] == "empty document"
        assert reasons["binary.txt"].startswith("binary file")
        assert len(result.documents) == 5


def test_snapshot_with_added_documents_equals_a_fresh_run(corpus: Path, tmp_path: Path,
                                                          extracted: list[str]) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    assert (tmp_path / "cache" / "snapshot" / "manifest.json").exists()
    extracted.clear()
    # sorts between the seeds; its only claim is a date, so its value column is all missing
    (corpus / "002a_dates_only.txt").write_text(
        "Review\n\nDate: 1 May 2020\n\nThe review was published on 3 March 2020.\n", encoding="utf-8"
    )
    shutil.copyfile(SEEDS / "004_d6d10dc4c519bdc7.txt", corpus / "zzz_copy.txt")
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    assert sorted(extracted) == ["002a_dates_only"]  # the copy's content is known: no extraction
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(merged.claims, fresh.claims)
    assert [d.metadata() for d in merged.documents] == [d.metadata() for d in fresh.documents]


def test_snapshot_rows_interleaved_with_changed_new_and_unreadable_documents_equal_a_fresh_run(
        corpus: Path, tmp_path: Path, extracted: list[str]) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    extracted.clear()
    files = sorted(corpus.iterdir())
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nThe council spent £7 million.\n", encoding="utf-8")
    files[3].unlink()
    (corpus / "0000_first.txt").write_text("Grants\n\nDate: 1 May 2020\n\nWe gave £3 million.\n", encoding="utf-8")
    (corpus / "002b_binary.txt").write_bytes(b"\x00\x01")
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    assert sorted(extracted) == ["0000_first", files[1].stem]
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(merged.claims, fresh.claims)
    pd.testing.assert_frame_equal(merged.metadata, fresh.metadata)
    assert merged.metadata["doc"].tolist()[:2] == ["0000_first", files[0].stem]
    binary = [str(corpus / "002b_binary.txt")]
    assert [u.path for u in merged.unreadable] == [u.path for u in fresh.unreadable] == binary
    assert [d.metadata() for d in merged.documents] == [d.metadata() for d in fresh.documents]


def test_a_snapshot_of_the_older_layout_is_ignored(corpus: Path, tmp_path: Path) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    manifest = tmp_path / "cache" / "snapshot" / "manifest.json"
    stored = json.loads(manifest.read_text(encoding="utf-8"))
    del stored["format"]
    manifest.write_text(json.dumps(stored), encoding="utf-8")
    assert snapshot.load(tmp_path / "cache", stored["fingerprint"]) is None
    pd.testing.assert_frame_equal(load_corpus([corpus], cache=tmp_path / "cache").claims, load_corpus([corpus]).claims)


def test_a_removed_document_leaves_the_claims(corpus: Path, tmp_path: Path) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    gone = sorted(corpus.iterdir())[1]
    gone.unlink()
    after = load_corpus([corpus], cache=tmp_path / "cache")
    assert gone.stem not in set(after.claims["doc"])
    pd.testing.assert_frame_equal(after.claims, load_corpus([corpus]).claims)


def test_a_damaged_snapshot_is_ignored(corpus: Path, tmp_path: Path) -> None:
    load_corpus([corpus], cache=tmp_path / "cache")
    (tmp_path / "cache" / "snapshot" / "columns.npz").write_bytes(b"not numpy")
    again = load_corpus([corpus], cache=tmp_path / "cache")
    pd.testing.assert_frame_equal(again.claims, load_corpus([corpus]).claims)


def test_one_added_document_does_not_rewrite_the_snapshot() -> None:
    assert pipeline._snapshot_due(0, 5)  # no snapshot yet
    assert not pipeline._snapshot_due(100_000, 100_001)
    assert pipeline._snapshot_due(100_000, 101_001)
    assert not pipeline._snapshot_due(500, 505)
    assert pipeline._snapshot_due(500, 506)


def test_the_garbage_collector_is_paused_only_while_loading() -> None:
    import gc

    assert gc.isenabled()
    with pytest.raises(RuntimeError), pipeline.collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a failure while loading")
    assert gc.isenabled()
    gc.disable()
    try:
        with pipeline.collector_paused():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_the_fingerprint_covers_every_module_extraction_imports() -> None:
    """An edit to any module that reading or extracting a document runs must change the fingerprint, or the cache
    serves claims the edited code would no longer give (markdown_text.py was once left out)."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, claimcheck.documents, claimcheck.extract; from claimcheck.extract import extract_document; "
            "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('claimcheck.')))")
    files = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    package = Path(claimcheck.extract.__file__).resolve().parent.parent
    used = {Path(f).resolve().relative_to(package).as_posix() for f in files}
    covered = {name for name in used if name.split("/")[0] in cache_module.FINGERPRINTED}
    assert used - covered == set()


def _same_sentence_classes(codes, sentences: list, docs: list) -> None:
    """Equal codes are equal sentences; within one document, equal sentences have equal codes."""
    first: dict[int, object] = {}
    for code, sentence in zip(codes.tolist(), sentences, strict=True):
        assert first.setdefault(code, sentence) == sentence
    by_doc: dict[tuple, int] = {}
    for code, sentence, doc in zip(codes.tolist(), sentences, docs, strict=True):
        assert by_doc.setdefault((doc, sentence), code) == code


def test_sentence_codes_from_the_snapshot_number_the_sentences(corpus: Path, tmp_path: Path) -> None:
    """The codes the checks join sentences by (`checks.base.sentence_codes`) come from the snapshot, with
    documents added and reordered, and make the same verdicts as codes worked out from the text."""
    assert load_corpus([corpus], cache=tmp_path / "cache").sentence_codes is None  # no snapshot yet: fresh
    shutil.copyfile(SEEDS / "004_d6d10dc4c519bdc7.txt", corpus / "000_copy.txt")  # the same sentences again
    (corpus / "002a_more.txt").write_text("Grants\n\nDate: 1 May 2020\n\n160 local authorities out of a total of "
                                          "151 have benefited.\n", encoding="utf-8")
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    claims = merged.claims
    assert merged.sentence_codes is not None and len(merged.sentence_codes) == len(claims)
    _same_sentence_classes(merged.sentence_codes, claims["sentence"].tolist(), claims["doc"].tolist())
    documents = documents_frame(merged.metadata)
    rules = load_rules(Path(__file__).resolve().parents[1] / "rules")
    shared = run_rules(rules, claims, documents, merged.sentence_codes)
    alone = [run_rule(rule, claims, documents) for rule in rules]
    assert [(v.status, v.note, list(v.findings)) for v in shared] == [(v.status, v.note, list(v.findings))
                                                                      for v in alone]
    assert any(v.findings for v in shared if v.kind == "part-of-total")


def test_documents_added_after_the_snapshot_ones_equal_a_fresh_run(corpus: Path, tmp_path: Path) -> None:
    """Files that sort after every snapshot file are appended to the snapshot's rows as stored, with no order
    built: the table is still the fresh one, categories and their order included."""
    load_corpus([corpus], cache=tmp_path / "cache")
    (corpus / "zzz_new.txt").write_text("Grants\n\nDate: 1 May 2020\n\nWe gave £3 million to the Innovation "
                                        "Programme and 160 local authorities out of a total of 151.\n",
                                        encoding="utf-8")
    shutil.copyfile(sorted(SEEDS.iterdir())[1], corpus / "zzz_seed_again.txt")  # known sentences, new codes
    merged = load_corpus([corpus], cache=tmp_path / "cache")
    fresh = load_corpus([corpus])
    pd.testing.assert_frame_equal(merged.claims, fresh.claims)
    pd.testing.assert_frame_equal(merged.metadata, fresh.metadata)
    assert merged.metadata["doc"].tolist()[-2:] == ["zzz_new", "zzz_seed_again"]
    _same_sentence_classes(merged.sentence_codes, merged.claims["sentence"].tolist(), merged.claims["doc"].tolist())
