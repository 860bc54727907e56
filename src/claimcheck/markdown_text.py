"""Text from a Markdown document (`.md`): the markup that frames words blanked out, so that metadata, titles and
bylines read as in a `.txt` copy ("# Title" is the title, "*Published 4 May 2023*" the date, "**By Jane Smith**"
the byline) and sentences read without asterisks.

Markup is replaced by spaces, never removed, so every character keeps its line and column: a claim is reported
where it stands in the file. Hand-written rather than rendered with a Markdown library: a renderer rebuilds the
text (HTML, reflowed lines), and what is needed is only to blank a few marks where they are.
"""

from __future__ import annotations

import re

MARKDOWN_SUFFIXES = (".md", ".markdown")

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=\s)|(?<=\s)#+\s*$")  # "## What the figures show", a closing "##"
_QUOTE = re.compile(r"^ {0,3}(>+)")  # "> a quotation"
# "**£10.5 billion**", "*Published 4 May 2023*", "__By Jane Smith__": marks around words, not inside a word
# ("Families_First") nor a bullet's star ("* item")
_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\((?:[^()\s]+)(?:\s+\"[^\"]*\")?\)")  # "[family hubs](https://...)"
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")


def markdown_to_text(text: str) -> str:
    """`text` with headings' hashes, quotation marks, emphasis and links' addresses blanked, line by line."""
    return "\n".join(_unmarked(line) for line in text.split("\n"))


def _unmarked(line: str) -> str:
    if not any(mark in line for mark in "#>*_]"):
        return line
    line = _LINK.sub(lambda m: " " + m[1] + " " * (len(m.group(0)) - len(m[1]) - 1), line)  # the words, no address
    line = _HEADING.sub(_blank, line)
    line = _QUOTE.sub(_blank, line)
    return _EMPHASIS.sub(lambda m: " " * len(m[1]) + m[2] + " " * len(m[1]), line)


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))
