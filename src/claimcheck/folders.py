"""Finding document files: folders walked by hand, every path that cannot be used reported with the reason.

Not part of extraction (a file's claims do not depend on how it was found), so it is not in the claims
cache's fingerprint.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimcheck.documents import (
    HTML_SUFFIXES,
    Document,
    DocumentError,
    Unreadable,
    file_type,
    os_reason,
    read_document,
)
from claimcheck.markdown_text import MARKDOWN_SUFFIXES

SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
# documents in a format claimcheck does not read: listed as not read, so that a PDF saved into `seeds/` beside the
# text files is not silently left out (data files, images and the like are not documents and are passed over)
FOREIGN = {".pdf": "a PDF", ".doc": "a Word document", ".docx": "a Word document", ".odt": "an OpenDocument text",
           ".rtf": "an RTF document", ".pages": "a Pages document", ".epub": "an EPUB book"}


def iter_paths(paths: list[str | Path], stats: dict[str, os.stat_result] | None = None
               ) -> tuple[list[str], list[Unreadable]]:
    """The document files named or found in folders (sorted, as paths are), and the paths that could not be
    used. Paths are strings: a corpus of 100k files is walked twice as fast without a `Path` for each.

    Folders are walked by hand rather than with `rglob`, which silently skips a subfolder it may not list;
    symbolic links are followed, each folder is visited once (a link loop is reported, not walked), and
    anything that is not a regular file (a pipe, a device, a dangling link) is reported, never opened.
    Files without a document suffix and hidden entries (".git", ".DS_Store") are not documents; documents in a
    format claimcheck does not read (`FOREIGN`: a PDF, a Word document) are reported.
    `stats`, if given, receives each file's stat by path, so that a caller need not stat it again.
    """
    found: list[str] = []
    bad: list[Unreadable] = []
    seen: dict[tuple[int, int], Path] = {}
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as exc:
            reason = "no such file or folder" if isinstance(exc, FileNotFoundError) else os_reason(exc)
            bad.append(Unreadable(str(path), reason))
            continue
        if stat.S_ISDIR(info.st_mode):
            _walk(path, found, bad, seen, stats)
        elif stat.S_ISREG(info.st_mode) and (suffix := _suffix(path.name)) in FOREIGN:
            bad.append(Unreadable(str(path), foreign_reason(suffix)))
        elif stat.S_ISREG(info.st_mode):
            found.append(str(path))
            if stats is not None:
                stats[str(path)] = info
        else:
            bad.append(Unreadable(str(path), f"not a regular file ({file_type(info.st_mode)})"))
    return found, list(dict.fromkeys(bad))  # a file named and found in its folder too is reported once


def _walk(folder: Path, found: list[str], bad: list[Unreadable], seen: dict[tuple[int, int], Path],
          stats: dict[str, os.stat_result] | None = None) -> None:
    """Documents under `folder` in sorted order, depth first, each real folder once."""
    files: list[str] = []
    stack = [folder]
    nested = False
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                if current != folder:
                    bad.append(Unreadable(str(current), f"symbolic link loop (the folder {seen[key]} again): "
                                                        "not walked twice"))
                continue
            seen[key] = current
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            bad.append(Unreadable(str(current), f"folder not listed: {os_reason(exc)}"))
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows links; False for a dangling or looping one
            except OSError:
                is_dir = False
            if is_dir:
                folders.append(Path(entry.path))
            elif (suffix := _suffix(entry.name)) in SUFFIXES:
                _add_file(entry, files, bad, stats)
            elif suffix in FOREIGN:
                bad.append(Unreadable(entry.path, foreign_reason(suffix)))
        stack.extend(reversed(folders))
        nested = nested or bool(folders)
    # one folder's files are in name order already; files of nested folders were taken folder by folder
    found.extend(sorted(files, key=_path_order) if nested else files)


def foreign_reason(suffix: str) -> str:
    """Why a document in another format is not read, and what to do about it."""
    return (f"{FOREIGN[suffix]}: claimcheck reads plain text, Markdown and HTML; save it as text first"
            + (" (for example with `pdftotext -layout`)" if suffix == ".pdf" else ""))


def _suffix(name: str) -> str:
    """`os.path.splitext(name)[1].lower()` for a name that does not start with a dot, in a third of the time."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _path_order(path: str) -> list[str]:
    """The order `sorted` gives `Path`s (part by part: "a/b" before "a-b/c"), without making them."""
    return path.split(os.sep)


def _add_file(entry: os.DirEntry, files: list[str], bad: list[Unreadable],
              stats: dict[str, os.stat_result] | None) -> None:
    """The entry into `files` if it is a regular file (through links), else into `bad` with the reason."""
    try:
        info = entry.stat()  # follows links, as Path.stat does
    except OSError as exc:
        reason = "dangling symbolic link" if isinstance(exc, FileNotFoundError) else os_reason(exc)
        bad.append(Unreadable(entry.path, reason))
        return
    if stat.S_ISREG(info.st_mode):
        files.append(entry.path)
        if stats is not None:
            stats[entry.path] = info
    else:
        bad.append(Unreadable(entry.path, f"not a regular file ({file_type(info.st_mode)})"))


def read_documents(paths: list[str | Path]) -> tuple[list[Document], list[Unreadable]]:
    files, unreadable = iter_paths(paths)
    documents = []
    for path in files:
        try:
            documents.append(read_document(path))
        except DocumentError as exc:
            unreadable.append(Unreadable(str(path), str(exc)))
    return documents, unreadable
