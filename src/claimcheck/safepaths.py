"""Where claimcheck may write: output paths that stay in the folder they were meant for.

Output file names can come from places a user does not type: a document's id
(its file name), a rule id, a configuration file. `inside` joins such a name to
its folder and refuses one that would climb out (`../../etc/x`, an absolute
path, a link pointing elsewhere). `report_path` checks the `--report` argument:
an absolute path is the user's explicit choice; a relative one must stay in the
working folder, so a configuration that says `report: ../../x.md` cannot
write outside the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path


class UnsafePathError(ValueError):
    """An output path refused; the message names it and says why, in one line."""


def _plain(name: str, what: str) -> None:
    if not name or not name.strip():
        raise UnsafePathError(f"{what} is empty")
    if "\x00" in name:
        raise UnsafePathError(f"{what} {name!r} contains a NUL byte")


def _within(path: Path, folder: Path) -> bool:
    """True if `path` (links resolved as far as they exist) lies in `folder`."""
    return path.resolve().is_relative_to(folder.resolve())


def inside(folder: str | Path, name: str) -> Path:
    """`folder/name` for a file name derived from data (a document id, a rule id); UnsafePathError if it
    is absolute, has a `..` part, or resolves outside `folder`."""
    _plain(name, "the file name")
    folder = Path(folder)
    parts = Path(name).parts
    if Path(name).is_absolute() or name.startswith(("/", "\\")) or ".." in parts or ".." in name.split("\\"):
        raise UnsafePathError(f"the file name {name!r} would leave the folder {folder}")
    path = folder / name
    if not _within(path, folder):
        raise UnsafePathError(f"the file name {name!r} leads out of the folder {folder} (through a link)")
    return path


def report_path(raw: str | Path, base: str | Path | None = None) -> Path:
    """The report file `raw` names, checked: not empty, not a folder, and, when relative, inside `base`
    (default: the working folder) once its `..` parts are followed (lexically: a link the user made to put
    reports elsewhere is their choice)."""
    text = os.fspath(raw)
    _plain(text, "the report path")
    path = Path(text)
    if not path.is_absolute() and Path(os.path.normpath(path)).parts[:1] == ("..",):
        raise UnsafePathError(
            f"the report path {text!r} leads out of {base or 'the working folder'}; give an absolute path to "
            "write elsewhere"
        )
    target = Path(base) / path if base is not None else path
    if text.endswith(("/", os.sep)) or target.is_dir():
        raise UnsafePathError(f"the report path {text!r} is a folder; name the Markdown file to write")
    return target
