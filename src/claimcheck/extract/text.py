"""Blocks and sentences of a document, with a map back to file lines.

Statements are written as one paragraph a line (parliamentary answers) or
hard-wrapped at ~60 characters (press releases republished as text), so
sentences are found in blocks of joined lines and every character keeps the
line and column it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?:;][\"”’')\]]*\s*$")
BULLET_MARK = r"(?:[•*▪–-]|\(?[a-z0-9]{1,3}[.)])"  # "•", "-", "1.", "(a)": what opens an item of a list
_BULLET = re.compile(rf"^\s*{BULLET_MARK}\s+")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "nos", "hon", "rt", "e.g", "i.e", "etc", "cf", "vs",
                  "approx", "c", "para", "paras", "fig", "col", "cols", "vol", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "gov", "co", "ltd"}
# a sentence's end: its full stop (or ! or ?), closing quotes and brackets, and the space before the next one;
# the break proper starts after the stop. Opening with the stop (not a look-behind for it) lets the regex engine
# skip to stops instead of trying every position of a paragraph.
# a footnote mark may stand after the stop: "according to section 251 outturn data.[1] This was"
_SENTENCE_SPLIT = re.compile(r"[.!?][\"”’')\]]*(?:\[\d{1,3}\])?\s+(?=[\"“‘(£$€]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    text: str
    block: Block
    offset: int  # of the sentence within its block

    def locate(self, pos: int) -> tuple[int, int]:
        """(line number, column) of character `pos` of this sentence."""
        return self.block.locate(self.offset + pos)


@dataclass(frozen=True)
class Block:
    text: str
    starts: tuple[int, ...]  # block offset where each joined line starts
    line_numbers: tuple[int, ...]
    columns: tuple[int, ...]  # column in the file line where the joined text starts
    is_table_row: bool = False

    def locate(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.starts, pos) - 1)
        return self.line_numbers[i], self.columns[i] + pos - self.starts[i]


_BROKEN_WORD = re.compile(r"(?<![\w-])([A-Za-z]+)-$")
_WORD_GOES_ON = re.compile(r"[a-z]+")
_WORD = re.compile(r"[A-Za-z]+")
_RULE_ROW = re.compile(r"\|?\s*:?-{3,}:?\s*\|")  # "---|": a table's header rule, however short


def blocks(lines: list[str], alone: frozenset[int] = frozenset()) -> Iterator[Block]:
    """Paragraphs of `lines` (index 0 is line 1): wrapped lines joined, table rows and bullets alone, and the
    lines numbered in `alone` (a title: "Thousands more children to benefit from family hubs" is not the
    start of the summary under it)."""
    pending: list[tuple[int, str, int]] = []  # (line number, stripped text, column)
    labelled: set[int] = set()  # lines that are a tile's figure under its label
    known: set[str] = set()  # the document's words, read once a word is broken over two lines

    def flush() -> Iterator[Block]:
        if not pending:
            return
        text_parts, starts, numbers, columns = [], [], [], []
        pos = 0
        for number, text, column in pending:
            if text_parts:
                # a tile's label names its figure as "Label: figure" does ("Number of children looked after: 80,080")
                joint = ": " if number in labelled else " "
                if (broken := _BROKEN_WORD.search(text_parts[-1])) and (rest := _WORD_GOES_ON.match(text)):
                    # a word hyphenated over two lines (PDF-to-text: "on chil-" over "dren's social care") is one
                    # word again, without its hyphen when the document spells it so elsewhere ("children's");
                    # "long-" over "term" keeps it
                    if not known:
                        known.update(_WORD.findall(" ".join(lines).lower()))
                    joint = ""
                    if (broken[1] + rest[0]).lower() in known:
                        text_parts[-1] = text_parts[-1][:-1]
                        pos -= 1
                text_parts.append(joint)
                pos += len(joint)
            starts.append(pos)
            numbers.append(number)
            columns.append(column)
            text_parts.append(text)
            pos += len(text)
        pending.clear()
        yield Block("".join(text_parts), tuple(starts), tuple(numbers), tuple(columns))

    for index, raw in enumerate(lines):
        stripped = raw.strip()
        number = index + 1
        if not stripped:
            yield from flush()
            continue
        column = len(raw) - len(raw.lstrip())
        if stripped.count("|") >= 2 or _tab_row(stripped) or _RULE_ROW.fullmatch(stripped) \
                or _pipe_pair(stripped, lines, index) \
                or _spaced_row(stripped, _next_text(lines, index)):  # a lone pipe is text
            yield from flush()
            yield Block(stripped, (0,), (number,), (column,), is_table_row=True)
            continue
        # a report's key facts: "£8.6bn" over "total spending by local authorities in 2017-18"; a statistics
        # release's headline tiles: "Number of children looked after" over "80,080" over "up 2% from 2019"
        # (a key figure is only ever the first line pending or the second, under its label: reading no further
        # keeps a paragraph of many wrapped lines linear)
        key_figure = any(_KEY_FIGURE.fullmatch(text) for _, text, _ in pending[:2])
        is_key_figure = _KEY_FIGURE.fullmatch(stripped) is not None
        if key_figure and _KEY_FIGURE.fullmatch(pending[-1][1]) and number not in alone and (
                stripped[0].islower() or _TREND.match(stripped) is not None
                or (len(pending) == 1 and _TELLING_FIGURE.fullmatch(pending[0][1])
                    and not is_key_figure and not _BULLET.match(stripped))):
            # "£8.6bn" over "total spending by ..." or "83,840" over "Number of children looked after on 31
            # March 2023": a figure alone on its line that could be nothing but a quantity is told by the line under it
            pass
        elif is_key_figure and len(pending) == 1 and _is_label(pending[0][1]) and pending[0][0] not in alone:
            labelled.add(number)
        elif key_figure and _goes_on(pending, stripped):
            pass  # the description under a key fact's figure, wrapped over short lines (not headings)
        elif pending and (_SENTENCE_END.search(pending[-1][1]) or _BULLET.match(stripped) or key_figure
                          or is_key_figure
                          or _looks_like_heading(pending[-1][1]) or number in alone or pending[-1][0] in alone
                          or (_TILE_LINE.match(stripped) and not _WRAPS_ON.search(pending[-1][1]))
                          or (_FIGURE_LED.match(stripped) and _FIGURE_LED.match(pending[-1][1])
                              and not _WRAPS_ON.search(pending[-1][1]))
                          or (len(pending) == 1 and len(pending[0][1]) <= 100 and _OPENS_SENTENCE.match(stripped)
                              and not _WRAPS_ON.search(pending[0][1]))
                          or (_BULLET.match(pending[0][1]) and stripped[0].isupper())):
            # a bullet goes on over a wrapped line, not into the capitalised line after it ("Minister X said:")
            yield from flush()
        pending.append((number, stripped, column))
    yield from flush()


# a capitalised function word starts a sentence, so the line before it, a line without a full stop, was a heading
# ("The number of looked after children continues to increase" over "On 31 March 2020, there were ..."); a wrapped
# line goes on in lower case or with a name ("... allocated to" over "Children's Social Care ...")
_OPENS_SENTENCE = re.compile(r"(?:The|This|These|Those|There|In|On|At|By|For|A|An|It|We|Of|Since|Between|Over|As"
                             r"|During|From|Around|Almost|Nearly|More|Most|Some|All|Each|Every)\s")


# a headline tile on one line, "Social workers (FTE): 33,100 (up 2.8% from 2022)" over "Vacancy rate: 20.0%": each its
# own sentence
_TILE_LINE = re.compile(r"[A-Z][^:.;]{1,60}:\s*(?:[~<>]\s*)?[£$€]?\d")
# a tile's trend under its figure, capitalised on some pages: "Down 1.4% from 2023", "Up 0.4% from 2023"
_TREND = re.compile(r"(?:Up|Down|Increased?|Decreased?|Rose|Fell|No\s+change)\b(?=[^.]{0,40}\d)")
# headline facts as lines led by their figures, "403,090 children in need on 31 March 2024, down 0.2% from 2023"
# over "621,880 referrals in the year to 31 March 2024": each its own sentence (a wrapped line rarely starts with
# such a figure, and the line before it then rarely does as well)
_FIGURE_LED = re.compile(r"(?:[£$€]\d[\d,.]*|\d{1,3}(?:,\d{3})+|\d[\d.]*\s?%)\s*(?:bn|m|k|million|billion)?\s+[a-z]")
_WRAPS_ON = re.compile(r"(?:,|\b(?:and|or|the|of|to|a|an|in|on|for|with|by|from|that|which|than|as))$", re.I)


def _goes_on(pending: list[tuple[int, str, int]], line: str) -> bool:
    """Whether `line` goes on with a key fact's description wrapped over short lines, as PDF-to-text gives a report's
    key facts ("£8.6bn" over "total spending by local" over "authorities on children's" over "social care in
    2017-18"): a few lines, each in lower case or after a line that wraps on."""
    return 2 <= len(pending) < KEY_FACT_LINES and not _KEY_FIGURE.fullmatch(line) and not _BULLET.match(line) \
        and (line[0].islower() or _WRAPS_ON.search(pending[-1][1]) is not None)


KEY_FACT_LINES = 6  # a figure and up to five lines of its description


def _is_label(text: str) -> bool:
    """A tile's label: "Number of children looked after", "Rate per 10,000 children" (a short line, no sentence)."""
    return len(text) <= 60 and text[0].isupper() and not _SENTENCE_END.search(text) and not _BULLET.match(text) \
        and not text.endswith(":")


_KEY_FIGURE = re.compile(r"(?:[~<>]\s*)?[£$€]?\d[\d,.]*\s*(?:%|per\s?cent|bn|m|k|million|billion|thousand)?\+?",
                         re.I)
# a key figure that is plainly a quantity (money, a share, thousands), not a paragraph or list number ("2", "2.14")
_TELLING_FIGURE = re.compile(r"(?:[~<>]\s*)?(?:[£$€]\d[\d,.]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
                             r"|\d[\d,.]*\s*(?:%|per\s?cent))\s*(?:bn|m|k|million|billion|thousand)?\+?", re.I)
_LIST_MARK = re.compile(r"^(?:[•·*–-]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")


def is_bullet(text: str) -> bool:
    """Whether a block is an item of a list ("- 2019-20: £45.2 million", "• Councils overspent ...")."""
    return _BULLET.match(text) is not None


def spaced_cells(text: str) -> list[tuple[int, str]]:
    """(offset, cell) of a row whose cells are set apart by two or more spaces, as PDF-to-text and fixed-width
    tables print them: "2020-21        1,845.2          1,789.0"."""
    return [(m.start(), m.group()) for m in _SPACED_CELL.finditer(text)]


_SPACED_CELL = re.compile(r"\S+(?: \S+)*")
# a figure cell: "1,845.2", "£3.1m", "12%", "-", "..", a year or financial year ("2020-21")
_FIGURE_CELL = re.compile(r"[+−-]?\s*£?\d[\d,]*(?:\.\d+)?\s?(?:%|k|m|bn)?|(?:19|20)\d\d(?:\s?[-–/]\s?\d\d)?"
                          r"|[-–.x*]{1,3}|n/?a|c|z|u", re.I)


def _spaced_row(text: str, below: str | None) -> bool:
    """A row of a fixed-width table: three or more cells two spaces apart, all but the first of them figures
    (a label, then its values); or a row of short column names over such a row. Prose set with double spaces
    fails both: its words are not figures, and its cells end sentences."""
    if "  " not in text:
        return False
    cells = [cell for _, cell in spaced_cells(text)]
    if len(cells) < 3 or any(len(cell) > 40 or cell.endswith((".", ",", ";", ":", "!", "?")) for cell in cells):
        return False
    if sum(1 for cell in cells[1:] if _FIGURE_CELL.fullmatch(cell)) == len(cells) - 1 \
            and any(re.search(r"\d", cell) for cell in cells[1:]):
        return True
    return below is not None and all(len(cell) <= 30 and re.search(r"[A-Za-z]", cell) for cell in cells) \
        and _spaced_row(below, None)


def _next_text(lines: list[str], index: int) -> str | None:
    """The next line after `index` that is not blank, stripped."""
    return next((line.strip() for line in lines[index + 1:index + 3] if line.strip()), None)


def _pipe_pair(text: str, lines: list[str], index: int) -> bool:
    """A row of a two-column table with one pipe between its cells ("2018-19 | 1,692" under "Financial year |
    Expenditure (£ million)"): short cells, a line next to it made the same way, and a figure in one of the two
    (a lone pipe in a sentence is text)."""
    if " | " not in text or not _PIPE_PAIR.fullmatch(text):
        return False
    around = [line.strip() for line in lines[max(0, index - 1):index + 2] if line.strip() and line.strip() != text]
    pairs = [line for line in around if _PIPE_PAIR.fullmatch(line)]
    return bool(pairs) and any(_CELL_FIGURE.search(line) for line in (text, *pairs))


_PIPE_PAIR = re.compile(r"[^|.!?]{1,60}\s\|\s[^|]{1,60}")
_CELL_FIGURE = re.compile(r"\|\s*[£$€]?[+−-]?\d[\d,.]*\s*(?:%|m|bn|k)?\s*$")


def _tab_row(text: str) -> bool:
    """A row of a table copied from a web page, its cells split by tabs ("2019-20\t10,500"), not a bulleted
    or numbered sentence ("•\tOver £5m was spent."): short cells, none ending a sentence."""
    if "\t" not in text:
        return False
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    return len(cells) >= 2 and not _LIST_MARK.match(cells[0]) and all(
        len(cell) <= 60 and not cell.endswith((".", "!", "?", ":")) for cell in cells)


def _looks_like_heading(text: str) -> bool:
    """A short line with no sentence punctuation, e.g. a title or a section heading (not a line that breaks a word
    over to the next)."""
    return len(text) < 45 and not text.endswith((",", "-")) and not _ENDS_IN_FUNCTION_WORD.search(text)


_ENDS_IN_FUNCTION_WORD = re.compile(r"\b(?:and|or|the|of|to|a|in)$")


MAX_SENTENCE = 1500  # longer than any real sentence (the seeds' and corpus's longest is about 1,100)


def sentences(block: Block) -> Iterator[Sentence]:
    """The block's sentences, none longer than MAX_SENTENCE characters: a run-on "sentence" (a page
    without punctuation, or hostile input) is cut at spaces, so work per sentence stays bounded and
    extraction stays linear in the size of the document."""
    for sentence in _sentences(block):
        if len(sentence.text) <= MAX_SENTENCE:
            yield sentence
            continue
        start = 0
        text = sentence.text
        while start < len(text):
            end = min(len(text), start + MAX_SENTENCE)
            if end < len(text):
                cut = text.rfind(" ", start + MAX_SENTENCE // 2, end)
                end = cut if cut > start else end
            yield Sentence(text[start:end], block, sentence.offset + start)
            start = end


_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}")
_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _last_word(text: str) -> str | None:
    """The run of ASCII letters and full stops that ends `text` (or stands before its last newline), as
    `re.search(r"([A-Za-z.]+)$", text)` finds it, without trying the pattern at every position."""
    end = len(text) - 1 if text.endswith("\n") else len(text)
    start = end
    while start and text[start - 1] in _WORD_CHARACTERS:
        start -= 1
    return text[start:end] or None


def _sentences(block: Block) -> Iterator[Sentence]:
    if block.is_table_row:
        yield Sentence(block.text, block, 0)
        return
    text = block.text
    start = 0
    for m in _SENTENCE_SPLIT.finditer(text):
        at = m.start() + 1  # where the break starts: after the stop
        # only the end of what precedes the break is read: after many abbreviations ("approx. ... approx.")
        # the text since the last break grows, and reading all of it each time was quadratic
        before = text[max(start, at - 40):at].rstrip(".!?\"”’')]")
        if at - start <= 40 and _LIST_NUMBER.fullmatch(before):
            continue  # "1. Introduction": a list number, not a sentence
        last_word = _last_word(before)
        # an initial ("J. Smith") ends no sentence, but the "m" of "£2m." is no initial
        if last_word and (last_word.lower().rstrip(".") in _ABBREVIATIONS
                          or (len(last_word) == 1 and not before[-2:-1].isdigit())):
            continue
        yield Sentence(text[start:at].rstrip(), block, start)
        start = m.end()
    if start < len(text):
        yield Sentence(text[start:], block, start)
