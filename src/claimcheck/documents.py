"""Reading documents: bytes to text (encodings, saved web pages, Markdown), text to lines numbered as in the
file, then page furniture (`furniture.py`) and metadata (`metadata.py`) blanked out of `Document.lines` rather
than removed, so every claim keeps the line number it has in the file.

A document is a text file in one of the layouts government statements come in: a parliamentary written answer
(asked/answered dates, "Answered by"), a news article (byline, date line), or a page copied with a small header
("Date: ...", "Published ...", "Source: ...").
"""

from __future__ import annotations

import codecs
import errno
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from claimcheck.furniture import strip_furniture, without_change_history, without_link_lists
from claimcheck.html_text import html_to_text, looks_like_html
from claimcheck.markdown_text import MARKDOWN_SUFFIXES, markdown_to_text
from claimcheck.metadata import read_metadata

__all__ = ["MAX_BYTES", "Document", "DocumentError", "Unreadable", "file_lines", "parse_bytes", "parse_document",
           "read_bytes", "read_document", "strip_furniture", "too_large"]

MAX_BYTES = 50 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm")
MAX_LINE_CHARS = 100_000  # the longest line in the seeds and corpus is ~1,500


class DocumentError(Exception):
    """A document that could not be read; the message is the reason shown in the report."""


@dataclass
class Document:
    id: str
    path: str
    title: str | None = None
    kind: str = "other"  # written-question | news | gov-page | other
    department: str | None = None
    asked: date | None = None
    answered: date | None = None
    answered_by: str | None = None
    author: str | None = None
    date: date | None = None
    date_note: str | None = None  # why there is no date
    asked_line: int | None = None  # where the dates stand, so a finding can point at them
    answered_line: int | None = None
    lines: list[str] = field(default_factory=list)  # body text; index 0 is line 1

    def metadata(self) -> dict:
        def iso(day: date | None) -> str | None:
            return day.isoformat() if day else None

        return {
            "doc": self.id,
            "path": self.path,
            "title": self.title,
            "kind": self.kind,
            "department": self.department,
            "asked": iso(self.asked),
            "answered": iso(self.answered),
            "answered_by": self.answered_by,
            "author": self.author,
            "date": iso(self.date),
            "date_note": self.date_note,
            "asked_line": self.asked_line,
            "answered_line": self.answered_line,
        }


@dataclass(frozen=True)
class Unreadable:
    path: str
    reason: str


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, the usual culprit
    for a stray '£'. Refuses binary (NUL bytes); `parse_bytes` refuses lines too long to be a paragraph, once a
    saved page has become the text it shows."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"broken UTF-16 text ({exc.reason} at byte {exc.start:,})") from None
    elif b"\x00" in raw:
        raise DocumentError("binary file (contains NUL bytes), not a text document")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
    return text


def _refuse_long_lines(text: str) -> None:
    """A line longer than any paragraph is generated or minified data: refused, not scanned for minutes."""
    if len(text) <= MAX_LINE_CHARS:
        return
    for number, line in enumerate(file_lines(text), 1):
        if len(line) > MAX_LINE_CHARS:
            raise DocumentError(
                f"line {number} is {len(line):,} characters long (the limit is {MAX_LINE_CHARS:,}): "
                "not prose a statement is written in"
            )


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file, never more than MAX_BYTES of them (a file that grows while read, a device
    or a pipe cannot make a run read forever); DocumentError with the reason otherwise."""
    path = Path(path)
    try:
        info = path.stat()  # before opening: opening a named pipe would wait for a writer
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"not a regular file ({file_type(info.st_mode)})")
        if info.st_size > MAX_BYTES:
            raise DocumentError(too_large(info.st_size))
        with path.open("rb") as stream:
            # the size stat gave and a byte more (asking for MAX_BYTES at once allocated 50 MB for a 4 KB file);
            # a file that grew since is read on, up to the limit, as one read would have
            raw = stream.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += stream.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        raise DocumentError(os_reason(exc)) from exc
    if len(raw) > MAX_BYTES:
        raise DocumentError(too_large(len(raw)))
    return raw


def parse_bytes(raw: bytes, path: str | Path) -> Document:
    """The document in `raw`: decoded (a saved web page to the text it shows), refused with the reason when
    too large, empty or not text."""
    if len(raw) > MAX_BYTES:
        raise DocumentError(too_large(len(raw)))
    text = decode(raw)
    suffix = Path(path).suffix.lower()
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        text = html_to_text(text)  # a minified page is one long line of markup, but not of text
    elif suffix in MARKDOWN_SUFFIXES:
        text = markdown_to_text(text)  # "# Title", "*Published 4 May 2023*": the marks blanked, columns kept
    _refuse_long_lines(text)
    if not text.strip():
        raise DocumentError("empty document")
    return parse_document(text, doc_id=Path(path).stem, path=str(path))


def read_document(path: str | Path) -> Document:
    return parse_bytes(read_bytes(path), path)


def too_large(size: int) -> str:
    return f"too large to check ({size:,} bytes; the limit is {MAX_BYTES:,})"


def os_reason(exc: OSError) -> str:
    """The reason an OS error gives, worded for a reader of the report."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if isinstance(exc, PermissionError):
        return "permission denied (claimcheck may not read it)"
    return exc.strerror or str(exc)


def file_type(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def file_lines(text: str) -> list[str]:
    """The lines of `text` as an editor or `grep -n` numbers them. Not `str.splitlines`, which also breaks at a
    form feed (PDF-to-text puts one at each page), a vertical tab and other separators: every claim after one
    was reported a line too far down."""
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and not lines[-1] else lines


def parse_document(text: str, doc_id: str, path: str = "") -> Document:
    raw_lines = file_lines(text)
    doc = Document(id=doc_id, path=path)
    lines = without_link_lists([strip_furniture(line) for line in without_change_history(list(raw_lines))])
    read_metadata(doc, raw_lines, lines)
    doc.lines = lines
    return doc
