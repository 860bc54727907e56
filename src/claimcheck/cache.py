"""The incremental claims cache: an SQLite file under `.claimcheck/` so unchanged documents are never re-extracted.

Extraction is a pure function of a document's bytes and the extractor, so its
result is stored under the document's SHA-256 and the extractor's fingerprint
(`EXTRACTOR_VERSION` plus a hash of the extractor's own source and data files,
so an edited extractor never serves stale claims even before its version is
bumped). A second table remembers each path's size, mtime and hash, as git's
index does, so a re-run over an unchanged corpus stats files instead of reading
them. Rows are JSON, never pickle: a cache file checked into a repository must
not be able to run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from claimcheck.documents import Document

DEFAULT_DIR = Path(".claimcheck")
CACHE_FILE = "cache.sqlite"
SCHEMA_VERSION = "1"
# The extractor's inputs besides the document: its code, and the code and data it reads.
FINGERPRINTED = ("extract", "data", "documents.py", "furniture.py", "metadata.py", "bylines.py", "header_days.py",
                 "html_text.py", "markdown_text.py", "guards.py", "claims.py", "units.py", "calendar.py", "subjects.py",
                 "wordlists.py")
_DATE_FIELDS = {"asked", "answered", "date"}
_METADATA_FIELDS = tuple(f.name for f in fields(Document) if f.name != "lines")


class FileStat(NamedTuple):
    """What tells a changed file without reading it: size and modification time in nanoseconds. A named
    tuple, not a frozen dataclass: a run over 100k files makes 100k of them, three times faster."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str | Path) -> FileStat:
        st = os.stat(path)
        return cls(st.st_size, st.st_mtime_ns)


@dataclass
class Extraction:
    """One document's extraction as stored: its metadata (no body lines) and its claims as rows without `doc`."""

    digest: str
    metadata: dict
    rows: list[tuple]


@cache
def extractor_fingerprint() -> str:
    """EXTRACTOR_VERSION and a hash of every source and data file extraction depends on."""
    from claimcheck.extract import EXTRACTOR_VERSION

    digest = hashlib.sha256(f"{SCHEMA_VERSION}:{EXTRACTOR_VERSION}".encode())
    root = resources.files("claimcheck")
    for name in FINGERPRINTED:
        entry = Path(str(root.joinpath(name)))
        files = sorted(entry.rglob("*")) if entry.is_dir() else [entry]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".yaml", ".txt"):
                digest.update(file.relative_to(Path(str(root))).as_posix().encode())
                digest.update(file.read_bytes())
    return f"{EXTRACTOR_VERSION}-{digest.hexdigest()[:16]}"


def content_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def document_metadata(doc: Document) -> dict:
    """Everything about a document except its body lines, JSON-ready."""
    record = {name: getattr(doc, name) for name in _METADATA_FIELDS}
    for name in _DATE_FIELDS:
        record[name] = record[name].isoformat() if record[name] else None
    return record


class ClaimsCache:
    """Extractions by content digest and extractor fingerprint, and the stat index of the paths last seen."""

    def __init__(self, directory: str | Path = DEFAULT_DIR, fingerprint: str | None = None) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.fingerprint = fingerprint or extractor_fingerprint()
        self.db = sqlite3.connect(self.directory / CACHE_FILE)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, digest TEXT);
            CREATE TABLE IF NOT EXISTS extractions (
                digest TEXT, fingerprint TEXT, metadata TEXT, claims TEXT, PRIMARY KEY (digest, fingerprint));
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            """
        )
        gitignore = self.directory / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("# the claimcheck cache: never commit it\n*\n", encoding="utf-8")

    def known_digests(self, paths: Iterable[str]) -> dict[str, tuple[FileStat, str]]:
        """Path -> (stat, digest) as last seen: a file whose stat is unchanged need not be read again."""
        found = {}
        for chunk in _chunks(list(paths)):
            rows = self.db.execute(
                f"SELECT path, size, mtime_ns, digest FROM files WHERE path IN ({','.join('?' * len(chunk))})", chunk
            )
            found.update({path: (FileStat(size, mtime), digest) for path, size, mtime, digest in rows})
        return found

    def lookup(self, digests: Iterable[str]) -> dict[str, Extraction]:
        """The stored extractions among `digests` for the current extractor."""
        found: dict[str, Extraction] = {}
        for chunk in _chunks(sorted(set(digests))):
            rows = self.db.execute(
                f"SELECT digest, metadata, claims FROM extractions WHERE fingerprint = ? "
                f"AND digest IN ({','.join('?' * len(chunk))})",
                (self.fingerprint, *chunk),
            )
            for digest, metadata, claims in rows:
                found[digest] = Extraction(digest, json.loads(metadata), [tuple(r) for r in json.loads(claims)])
        return found

    def store(self, extractions: Iterable[Extraction], seen: dict[str, tuple[FileStat, str]]) -> None:
        """Keep new extractions and the stat index of this run; drop what older extractors left."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?)",
                (
                    (e.digest, self.fingerprint, json.dumps(e.metadata), json.dumps(e.rows, ensure_ascii=False))
                    for e in extractions
                ),
            )
            self._drop_other_extractors()
            self.db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                ((path, st.size, st.mtime_ns, digest) for path, (st, digest) in seen.items()),
            )

    def _drop_other_extractors(self) -> None:
        """Delete other fingerprints' extractions, only when the extractor changed since the last store: the
        DELETE reads every row (no index can serve `!=`), 0.8 s of each warm run at 100k documents."""
        last = self.db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if last == (self.fingerprint,):
            return
        self.db.execute("DELETE FROM extractions WHERE fingerprint != ?", (self.fingerprint,))
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (self.fingerprint,))

    def close(self) -> None:
        self.db.close()


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    """Keys in slices small enough for one SQL `IN (...)` (SQLite allows some hundreds of parameters)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
