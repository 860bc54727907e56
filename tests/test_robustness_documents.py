"""Bad documents: each is read correctly (encodings) or refused with a reason a reader understands; never a hang,
a crash or a silent skip. One test per row of docs/robustness.md."""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from claimcheck import cli, documents, folders
from claimcheck.documents import DocumentError, read_bytes, read_document
from claimcheck.folders import iter_paths, read_documents
from conftest import SEEDS

BODY = "Funding\n\nThe Innovation Programme received £5 million in 2015-16.\n"
GOOD_SEED = SEEDS / "000_3d31146daf813412.txt"


def reasons(bad) -> dict[str, str]:
    return {Path(b.path).name: b.reason for b in bad}


def test_empty_document_is_refused(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\r\n")
    docs, bad = read_documents([tmp_path])
    assert docs == []
    assert reasons(bad) == {"empty.txt": "empty document", "blank.txt": "empty document"}


def test_binary_document_is_refused_even_when_the_nul_comes_late(tmp_path):
    (tmp_path / "early.txt").write_bytes(b"\x00\x01PK")
    (tmp_path / "late.txt").write_bytes(BODY.encode() * 1000 + b"\x00tail")
    _, bad = read_documents([tmp_path])
    assert all("binary" in reason for reason in reasons(bad).values()) and len(bad) == 2


def test_cp1252_pound_sign_is_read(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(BODY.encode("cp1252") + "Costs rose by 3%\u2014a record.\n".encode("cp1252"))
    doc = read_document(path)
    assert "£5 million" in doc.lines[2] and "—" in doc.lines[3]


def test_latin1_bytes_undefined_in_cp1252_are_read(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(BODY.encode("latin-1") + b"Control \x81 byte.\n")  # 0x81 has no cp1252 character
    doc = read_document(path)
    assert "£5 million" in doc.lines[2] and "\x81" in doc.lines[3]


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    assert read_document(path).title == "Funding"


def test_utf16_with_bom_is_read_not_called_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(BODY.encode("utf-16"))
    assert "£5 million" in read_document(path).lines[2]


def test_crlf_line_ends_keep_line_numbers(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(BODY.replace("\n", "\r\n").encode())
    doc = read_document(path)
    assert doc.lines[2] == "The Innovation Programme received £5 million in 2015-16."
    assert not any("\r" in line for line in doc.lines)


def test_100_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:  # sparse: no 100 MB written to disk
        out.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match=r"too large to check \(104,857,600 bytes"):
            read_bytes(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_file_growing_past_the_limit_is_read_no_further(tmp_path, monkeypatch):
    path = tmp_path / "grows.txt"
    path.write_text(BODY * 10)
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: os.stat_result((*real_stat(self, **kw)[:6], 10, 0, 0, 0)))
    monkeypatch.setattr(documents, "MAX_BYTES", 100)
    with pytest.raises(DocumentError, match="too large"):
        read_bytes(path)


def test_single_5_mb_line_is_refused_quickly(tmp_path):
    path = tmp_path / "oneline.txt"
    path.write_text("Title\n\n" + "The programme got £5 million and more. " * 135_000 + "\n")
    assert path.stat().st_size > 5_000_000
    started = time.perf_counter()
    _, bad = read_documents([path])
    assert time.perf_counter() - started < 5
    assert "line 3 is 5,265,000 characters long" in bad[0].reason


def test_document_without_metadata_is_read_and_says_it_has_no_date(tmp_path):
    path = tmp_path / "bare.txt"
    path.write_text("£5 million went to the Innovation Programme.\n")
    doc = read_document(path)
    assert doc.date is None and doc.date_note == "no date found in the document"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_symlink_loops_are_reported_not_followed(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "good.txt").write_text(BODY)
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    (tmp_path / "d" / "up").symlink_to(tmp_path)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    started = time.perf_counter()
    docs, bad = read_documents([tmp_path])
    assert time.perf_counter() - started < 5
    assert [Path(d.path).name for d in docs] == ["good.txt"]
    found = reasons(bad)
    assert set(found) == {"a.txt", "b.txt", "self.txt", "loop", "up"}
    assert all("symbolic link loop" in reason for reason in found.values())


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and pipes")
def test_dangling_link_pipe_and_device_are_reported_never_opened(tmp_path):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would wait for a writer forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    files, bad = iter_paths([tmp_path])
    assert files == []
    assert reasons(bad) == {
        "dangling.txt": "dangling symbolic link",
        "pipe.txt": "not a regular file (a named pipe)",
        "zero.txt": "not a regular file (a device)",
    }


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(BODY)
    (tmp_path / "open.txt").write_text(BODY)
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    docs, bad = read_documents([tmp_path])
    assert [Path(d.path).name for d in docs] == ["open.txt"]
    assert reasons(bad) == {"locked.txt": "permission denied (claimcheck may not read it)"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported_for_real(tmp_path):  # pragma: no cover - CI runs as root here
    path = tmp_path / "locked.txt"
    path.write_text(BODY)
    path.chmod(0)
    _, bad = read_documents([tmp_path])
    assert "permission denied" in bad[0].reason


def test_folder_that_cannot_be_listed_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "shut").mkdir()
    (tmp_path / "shut" / "x.txt").write_text(BODY)
    (tmp_path / "ok.txt").write_text(BODY)
    real_scandir = os.scandir

    def deny(path):
        if Path(path).name == "shut":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(folders.os, "scandir", deny)
    files, bad = iter_paths([tmp_path])
    assert [Path(p).name for p in files] == ["ok.txt"]
    assert reasons(bad) == {"shut": "folder not listed: permission denied (claimcheck may not read it)"}


def test_folder_walk_keeps_sorted_path_order(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/b/c.md", "a-b/d.txt", "c.TXT", "notes.pdf", ".hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BODY)
    files, bad = iter_paths([tmp_path])
    relative = [Path(p).relative_to(tmp_path).as_posix() for p in files]
    assert relative == ["a/b/c.md", "a/z.txt", "a-b/d.txt", "b.txt", "c.TXT"]  # part by part, as Paths sort
    assert relative == [p.relative_to(tmp_path).as_posix() for p in sorted(Path(f) for f in files)]
    assert reasons(bad) == {"notes.pdf": "a PDF: claimcheck reads plain text, Markdown and HTML; save it as text "
                                         "first (for example with `pdftotext -layout`)"}


def test_one_folder_of_files_is_in_path_order_and_only_documents_are_taken(tmp_path):
    names = ["a-b.txt", "a.txt", "a b.md", "A.TXT", "10.txt", "9.txt", "report.2024.html", "x.txt.bak", "noext",
             "trailing.", "data.csv", "é.txt", "notes.markdown", "chart.png"]
    for name in names:
        (tmp_path / name).write_text(BODY)
    files, bad = iter_paths([tmp_path])
    documents = [n for n in names if os.path.splitext(n)[1].lower() in folders.SUFFIXES]
    assert [Path(f).name for f in files] == [p.name for p in sorted(tmp_path / n for n in documents)]
    assert len(files) == 9 and bad == []  # a data file or an image is no document, and not reported


def test_a_document_in_a_format_not_read_is_reported_once_named_or_found(tmp_path):
    (tmp_path / "answer.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "ok.txt").write_text(BODY)
    files, bad = iter_paths([tmp_path, tmp_path / "answer.docx"])
    assert [Path(p).name for p in files] == ["ok.txt"]
    assert [(Path(b.path).name, b.reason.split(":")[0]) for b in bad] == [("answer.docx", "a Word document")]


def test_run_over_bad_documents_lists_each_with_its_reason_and_goes_on(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_bytes(GOOD_SEED.read_bytes())
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    (docs / "oneline.txt").write_text("x" * (documents.MAX_LINE_CHARS + 1))
    (docs / "self.txt").symlink_to(docs / "self.txt")
    os.mkfifo(docs / "pipe.txt")
    with (docs / "huge.txt").open("wb") as out:
        out.truncate(documents.MAX_BYTES + 1)
    expected = {
        "empty.txt": "empty document",
        "binary.txt": "binary file",
        "oneline.txt": "line 1 is 100,001 characters long",
        "self.txt": "symbolic link loop",
        "pipe.txt": "not a regular file (a named pipe)",
        "huge.txt": "too large to check",
    }
    report = tmp_path / "out" / "claimcheck.md"
    status = cli.main(["run", str(docs), "--no-cache", "--report", str(report)])
    err = capsys.readouterr().err
    alone = cli.main(["run", str(GOOD_SEED), "--no-cache", "--report", str(tmp_path / "alone.md")])
    assert status == alone  # the bad files neither crash the run nor change its verdict
    text = report.read_text(encoding="utf-8")
    section = text.split("### Documents not read", 1)[1]
    assert "6 not read" in text and "`good`" in text
    for name, reason in expected.items():
        row = next(line for line in section.splitlines() if name in line)
        assert reason in row, (name, row)
        assert f"{name}: not read: " in err


def test_extractor_failure_on_one_document_is_reported_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    import claimcheck.extract

    real = claimcheck.extract.extract_document

    def fragile(doc):
        if doc.id == "trigger":
            raise ValueError("year 0 is out of range")
        return real(doc)

    monkeypatch.setattr(claimcheck.extract, "extract_document", fragile)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_bytes(GOOD_SEED.read_bytes())
    (docs / "trigger.txt").write_text(BODY)
    report = tmp_path / "r.md"
    status = cli.main(["run", str(docs), "--no-cache", "--report", str(report)])
    assert status in (0, 1)
    row = next(line for line in report.read_text(encoding="utf-8").splitlines() if "trigger.txt" in line)
    assert "extraction failed: ValueError: year 0 is out of range" in row
    assert "trigger.txt: not read: extraction failed" in capsys.readouterr().err
