"""Text from a saved web page: what a reader sees, one block per line, so the rest of the reading
(metadata, furniture, blocks, tables) works on it as on a `.txt` copy.

The standard library's `html.parser` does the parsing (it tolerates the broken markup real pages have);
only the choice of what makes a line is written here. Scripts, styles and other non-text elements are
dropped, the page's `<h1>` (else its `<title>`) becomes the first line, table cells are split by tabs
(the layout `extract.tables` reads for tables copied from a browser), and entities are decoded. Line
numbers in findings are the lines of this text, not of the markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption",
})
_CELLS = frozenset({"td", "th"})
_MARKUP = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


def looks_like_html(text: str) -> bool:
    """A page saved from a browser, whatever its file is called: it opens with a doctype or an html tag."""
    return _MARKUP.match(text[:1000]) is not None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping: list[str] = []  # the open elements whose text is not shown
        self.in_title = False
        self.heading: list[str] | None = None  # the first <h1>: the page's own title, without the site's name
        self.in_heading = False
        self.cell = 0  # cells begun in the current row

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self.in_title = all(t == "head" for t in self.skipping)  # not an <svg>'s <title>
        elif tag == "h1" and self.heading is None and not self.skipping:
            self.end_line()
            self.heading, self.in_heading = [], True
        elif tag == "body":
            self.skipping = [t for t in self.skipping if t != "head"]  # "</head>" may be left out
        elif tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag in _CELLS:
            if self.cell:
                self.line.append("\t")
            self.cell += 1
        elif tag in _BLOCKS:
            self.end_line()
            if tag == "li":
                self.line.append("• ")  # an item of a list reads as a bullet, as in a page saved as text

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "h1" and self.in_heading:
            self.in_heading = False
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in _BLOCKS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif self.in_heading and self.heading is not None:
            self.heading.append(data)
        elif not self.skipping:
            self.line.append(data)

    def end_line(self) -> None:
        text = re.sub(r"[ \r\n\f\v\u00a0]+", " ", "".join(self.line)).strip(" ")
        text = re.sub(r" ?\t ?", "\t", text)
        if text.strip():
            self.lines.append(text)
        self.line = []
        self.cell = 0


# A "<" that does not open a whole tag before the next "<" ("< 5 children", broken or hostile markup) is text.
# `html.parser` re-scans to the end of the input for each such "<", so 80 KB of '<a href="x' took 9 s and
# a megabyte hours; escaped first, every "<" it sees has its ">" before any other "<", and it reads in linear
# time (this look-ahead stops at the next "<", so no character is scanned twice; a long tag, an inline image's
# data, is still a tag).
_NOT_A_TAG = re.compile(r"<(?!!--|[a-zA-Z/!?][^<>]*>)")


def html_to_text(markup: str) -> str:
    """The visible text of `markup`, title first, one block of the page per line."""
    reader = _Reader()
    reader.feed(_NOT_A_TAG.sub("&lt;", markup))
    reader.close()
    reader.end_line()
    heading = re.sub(r"\s+", " ", "".join(reader.heading or [])).strip()
    title = heading or _SITE_NAME.sub("", re.sub(r"\s+", " ", "".join(reader.title)).strip())
    lines = [title, *reader.lines] if title else reader.lines
    return "\n".join(lines) + "\n"


_SITE_NAME = re.compile(r"\s+[-–|]\s+(?:GOV\.UK|Hansard\b.*|UK Parliament)$")
