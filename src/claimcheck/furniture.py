"""Page furniture: what a web page wraps around a statement and that must never yield a claim ("View Source",
"Share this page", a cookie banner, a "Related articles" list of other pages' headlines). The patterns are data,
in `data/furniture.txt`; this module reads them and blanks what they match, line by line, so line numbers stay
the file's.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from re import _constants as re_constants  # the stdlib's regex parser (3.11+): what a furniture pattern needs
from re import _parser as re_parser

from claimcheck.guards import any_in, fold


@cache
def _furniture() -> tuple[re.Pattern, re.Pattern, re.Pattern, tuple[str, ...] | None]:
    """Patterns from `data/furniture.txt`: whole lines that are furniture, furniture inside a line, and the
    headings of lists of links to other pages; and the texts one of which a line must hold for the inline pattern
    to match (None: no such texts)."""
    whole, inline, sections, needles = [], [], [], []
    text = resources.files("claimcheck").joinpath("data/furniture.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        kind, _, pattern = raw.partition(":")
        if kind == "line":
            whole.append(f"(?:{pattern.strip()})")
        elif kind == "section":
            sections.append(f"(?:{pattern.strip()})")
        elif kind == "inline":
            pattern = pattern.strip()
            # `\s*X` searched through a long run of spaces retries the run from each of its spaces (quadratic);
            # a match can always start where the run starts, so the other starts are skipped
            guard = r"(?<!\s)" if pattern.startswith(r"\s*") else ""
            inline.append(f"(?:{guard}{pattern})")
            needles.append(_required_text(pattern))
    return (re.compile("|".join(whole), re.I), re.compile("|".join(inline), re.I),
            re.compile("|".join(sections), re.I), None if None in needles else tuple(needles))


def _required_text(pattern: str) -> str | None:
    """The longest run of characters every match of `pattern` (re.I) holds, in lower case, when it is ASCII (as
    `guards.fold` reads it) and at least three long; else None. Read from the pattern as the regex engine parses
    it: only the characters of its top-level sequence are required."""
    runs, run = [], ""
    for op, value in re_parser.parse(pattern, re.I):
        if op is re_constants.LITERAL:
            run += chr(value)
            continue
        runs.append(run)
        run = ""
        if op is re_constants.BRANCH:
            return None  # a top-level alternative: none of its characters is required
    longest = max([*runs, run], key=len).lower()
    return longest if len(longest) >= 3 and longest.isascii() else None


def strip_furniture(line: str) -> str:
    """The line without page furniture; '' when the whole line is furniture."""
    whole, inline, _, needles = _furniture()
    stripped = line.strip()
    if whole.match(stripped[2:] if stripped.startswith("• ") else stripped):  # a list item's bullet: "• Cookies"
        return ""  # (stripped: a run of spaces before `\s*...\s*` would backtrack quadratically)
    if needles is not None and not any_in(needles, fold(line)):
        return line  # what each inline pattern needs is not there: searching every position would find nothing
    return inline.sub("", line)


_CHANGE_HISTORY = re.compile(r"(?:updates\s+to\s+this\s+page|full\s+page\s+history|page\s+history)\s*:?$", re.I)
LINK_TITLE_CHARS = 150  # a headline in a list of links; a longer line, or one ending a sentence, is prose


def without_link_lists(lines: list[str]) -> list[str]:
    """`lines` with each list of links to other pages blanked: a heading such as "Related articles" or "Most
    read", and the headlines under it ("Government urged to tackle £2bn gap"), whose figures are other
    articles' claims. The list ends at the first line of prose (long, or ending a sentence)."""
    _, _, sections, _ = _furniture()
    listing = False
    for index, line in enumerate(lines):
        text = line.strip()
        if sections.match(text):
            listing = True
        elif listing and text and (len(text) > LINK_TITLE_CHARS or text.endswith((".", "!", "?", ":", ";"))):
            listing = False
        if listing:
            lines[index] = ""
    return lines


def without_change_history(lines: list[str]) -> list[str]:
    """`lines` (as the file has them) with a page's change history blanked: GOV.UK's "Updates to this page", then
    "Published 12 May 2024", "14 May 2024", "Corrected the number of regions from 2 to 3.", up to the next blank
    line. Its dates and numbers are edits to the page, not claims."""
    history = False
    for index, line in enumerate(lines):
        text = line.strip()
        if _CHANGE_HISTORY.match(text):
            history = True
        elif history and not text:
            history = False
        if history:
            lines[index] = ""
    return lines
