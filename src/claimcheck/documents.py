"""Reading documents: metadata, page furniture, and body lines with their numbers kept.

A document is a text file in one of the layouts government statements come
in: a parliamentary written answer (asked/answered dates, "Answered by"), a
news article (byline, date line), or a page copied with a small header
("Date: ...", "Published ...", "Source: ..."). Metadata and furniture lines are
blanked out of `Document.lines` rather than removed, so every claim keeps the
line number it has in the file.
"""

from __future__ import annotations

import codecs
import errno
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from re import _constants as re_constants  # the stdlib's regex parser (3.11+): what a furniture pattern needs
from re import _parser as re_parser

from claimcheck.calendar import DATE_IN_TEXT, find_day, parse_day, without_clock
from claimcheck.guards import any_in, fold
from claimcheck.html_text import html_to_text, looks_like_html
from claimcheck.markdown_text import MARKDOWN_SUFFIXES, markdown_to_text

HEADER_ZONE = 15  # metadata is looked for in the first lines only
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
    if whole.match(line.strip()):  # stripped: a run of spaces before `\s*...\s*` would backtrack quadratically
        return ""
    if needles is not None and not any_in(needles, fold(line)):
        return line  # what each inline pattern needs is not there: searching every position would find nothing
    return inline.sub("", line)


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


LINK_TITLE_CHARS = 150  # a headline in a list of links; a longer line, or one ending a sentence, is prose


def _without_link_lists(lines: list[str]) -> list[str]:
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
    lines = _without_link_lists([strip_furniture(line) for line in raw_lines])
    _read_metadata(doc, raw_lines, lines)
    doc.lines = lines
    return doc


# Written questions: TheyWorkForYou/Parallel Parliament ("(asked on 13th March 2015)", "Question to the
# Department for Education:") and questions-statements.parliament.uk ("UIN 1234, tabled on 4 March 2024",
# "Question for Department for Education", "Answered by: Name"), and labels ("Asked on: 03/03/2023").
_ASKED = re.compile(r"\b(?:asked|tabled) on\s*:?\s+(.+?)(?:\)|$)", re.I)
_ANSWERED = re.compile(r"answered on\s*:?\s+(.+?)\s*$", re.I)
_ASKED_ON = ("asked on", "tabled on")  # what _ASKED cannot match without: tested first, as most lines have neither
_STACKED_LABEL = re.compile(r"^\s*(asked|tabled|answered)\s+on\s*:?\s*$", re.I)  # the day on the line below
_QUESTION_TO = re.compile(r"^\s*question (?:to|for) (?:the )?(.+?):?\s*$", re.I)
_ANSWERED_BY = re.compile(r"^\s*(?:answered by|answering (?:member|minister))\s*(?::\s*|\s)(.+?)\s*$", re.I)
# "Department: Education", "Answering body: Department for Education", or the department alone on a header line
_DEPARTMENT = re.compile(r"^\s*(?:(?:lead\s+)?department|answering body)\s*:\s*(.+?)\s*$"
                         r"|^\s*((?:Department|Ministry)\s+(?:for|of)\s+[A-Z][A-Za-z,&'’ -]{2,60}?)\s*$", re.I)
_SPEAKER_LINE = re.compile(r"^((?:(?:Lord|Baroness|Lady|Sir|Dame|Dr|Mr|Mrs|Ms|Miss)\s+)?[A-Z][\w'’.-]+"
                           r"(?:\s+[A-Z][\w'’.-]+){1,3})\s*(:?)$")
_FROM = re.compile(r"^\s*from\s*:\s*(.+?)\s*$", re.I)
# "By Jim.Dunton", "By Hannah Richardson, Education correspondent", "by Mithran Samuel on November 20, 2023 in News"
# "By Jim.Dunton", "Written by Jane Smith and Tom Clarke", "Author: Jane Smith", "by Jane Smith | 3 March 2023"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_ROLE = (r"[\w\s&'’-]{0,60}?\b(?i:reporter|correspondent|editor|journalist|writer|contributor|staff|desk)\b"
         r"[\w\s&'’-]{0,40}")
_BYLINE = re.compile(rf"^\s*(?:[Bb]y|(?i:written\s+by|posted\s+by|words\s+by|author|reporter)):?\s+"
                     rf"({_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
                     rf"(?:\s*[,|]\s*{_ROLE}|\s+(?:on\s+|\|\s*)(.+?)(?:\s+in\s+.*)?)?\s*$")
# a person's name alone on a line: "Rupert Jones", "Sally J. Weale", "Aoife O'Brien" (two or three words)
_BARE_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:Mc|Mac|O['’])?[A-Z][a-z'’-]+){1,2}")
_NOT_A_PERSON = re.compile(r"\b(?:Association|Office|Department|Council|Network|Board|Agency|Authority|Commission"
                           r"|Committee|Trust|Foundation|Society|Group|Partnership|Services?|Alliance|Institute|Centre"
                           r"|Center|Unit|News|Press|Government|Parliament|Statistics|Care|Children|England|Wales"
                           r"|Scotland|Ireland|Britain|Kingdom|Report|Reports|Summary|Introduction|Contents|Update|Release"
                           r"|Guidance|Statement|Speech|Story|Stories|Data|Findings|Review|Budget|Debate|Policy|Home|Skip)\b")
_NAME_AND_ROLE = re.compile(rf"^\s*({_NAME}),\s*{_ROLE}\s*$")  # "Jane Smith, Social Affairs Editor"
_LABELLED_DATE = re.compile(r"^\s*(?:date(?: published)?|published(?: on)?|posted(?: on)?|first published|updated"
                            r"|last updated|(?:statement\s+)?made\s+on"  # a written statement: "Statement made on ..."
                            r"|(?:volume\s+\d+\s*:\s*)?debated\s+on)"  # Hansard: "Volume 729: debated on 2 ..."
                            r"(?:\s*\([^)]*\))?\s*:?\s*(.*)$", re.I)
_UPDATED = re.compile(r"\s*(?:last\s+)?updated\b", re.I)
_CONTENT_TYPE = re.compile(r"^\s*(?:press release|news story|written (?:ministerial )?statement|oral statement"
                           r"|written (?:parliamentary )?(?:question|answer)s?"
                           r"|speech|guidance|policy paper|official statistics|national statistics|accredited official "
                           r"statistics|research and analysis|corporate report|transparency data|consultation outcome"
                           r"|open consultation|statutory guidance|independent report|notice|correspondence)\s*$", re.I)
_TITLE_LABEL = re.compile(r"^(?:title|headline|subject)\s*:\s*", re.I)
_ROLE_WORDS = re.compile(r"\b(minister|secretary|shadow|spokesperson|spokesman|whip|leader|chancellor|lord "
                         r"speaker|under-secretary|parliamentary)\b", re.I)


def _read_metadata(doc: Document, raw: list[str], lines: list[str]) -> None:
    """Fill the metadata of `doc` and blank the lines that carried it."""
    opening = [i for i, line in enumerate(lines[:HEADER_ZONE]) if line.strip()][:4]
    first = opening[0] if opening else None
    typed = next((i for i in opening if _CONTENT_TYPE.match(lines[i])), None)
    if typed is not None:
        # GOV.UK pages open with what they are ("Press release"), perhaps after the breadcrumbs ("Education,
        # training and skills"), then the title
        # (a statistics release names itself first: "Children in need", "Reporting year 2024", "Accredited
        # official statistics", then "Published 31 October 2024", which is furniture once stripped)
        title = next((i for i in range(typed + 1, min(len(raw), typed + 4)) if raw[i].strip()), typed)
        if lines[title].strip() and not (_LABELLED_DATE.match(lines[title]) or _only_day(lines[title].strip())):
            first = title  # not "Made on: 14 March"
    if first is not None:
        doc.title = _TITLE_LABEL.sub("", lines[first].strip()) or lines[first].strip()
    published: date | None = None
    published_line: int | None = None
    bare_date: date | None = None
    bare_line: int | None = None
    updated: date | None = None
    stripped = lines[:HEADER_ZONE + 25]  # without furniture, before any line is blanked below
    consumed: set[int] = set()  # lines read with the one above them
    for i, line in enumerate(raw[:HEADER_ZONE + 25]):
        text = stripped[i].strip()
        if not text and i <= HEADER_ZONE and _LABELLED_DATE.match(line.strip()):
            text = line.strip()  # "Updated: 3 March 2023" is furniture in a body, the date in a header
        if not text or i in consumed:
            continue
        if (m := _STACKED_LABEL.match(text)) and (below := _day_below(stripped, i)):
            day, j = below  # "Answered on" with "12 March 2024" under it: questions-statements.parliament.uk
            if m[1].lower() == "answered":
                doc.answered, doc.answered_line = day, j + 1
            else:
                doc.asked, doc.asked_line = day, j + 1
            lines[i] = lines[j] = ""
            consumed.add(j)
        elif any_in(_ASKED_ON, fold(line)) and (m := _ASKED.search(line)):
            doc.asked = find_day(m.group(1)) or parse_day(m.group(1))
            doc.asked_line = i + 1
            lines[i] = ""
        elif "answered on" in fold(line) and (m := _ANSWERED.search(line)):
            doc.answered = find_day(m.group(1)) or parse_day(m.group(1))
            doc.answered_line = i + 1
            lines[i] = ""
        elif m := _QUESTION_TO.match(line):
            doc.department = m.group(1).strip()
            doc.kind = "written-question"
            lines[i] = ""
        elif m := _ANSWERED_BY.match(text):
            doc.answered_by = _minister(strip_furniture(m.group(1)))
            lines[i] = ""
        elif i <= HEADER_ZONE and i != first and (m := _DEPARTMENT.match(text)):
            doc.department = doc.department or (m.group(1) or m.group(2)).strip()
            lines[i] = ""
        elif i <= HEADER_ZONE and (m := _FROM.match(text)):
            doc.department = doc.department or re.split(r"\s+and\s+|,", m.group(1))[0].strip()
            lines[i] = ""
        elif doc.answered_line and doc.answered_by is None and i - doc.answered_line < 3 \
                and (m := _SPEAKER_LINE.match(text)) and not _ROLE_WORDS.search(m.group(1)) \
                and (m.group(2) or (role := _role_below(stripped, i)) is not None):
            # "Answered on 12 March 2024" then "David Johnston:", the answer's speaker; or the name with its
            # role on the line below ("Parliamentary Under-Secretary (Department for Education)")
            doc.answered_by = m.group(1)
            lines[i] = ""
            if not m.group(2):
                lines[role] = ""
                consumed.add(role)
        elif text.lower() == "answered by":
            doc.answered_by = _answerer(raw, i + 1)
            lines[i] = ""
            for j in range(i + 1, min(i + 5, len(lines))):
                if _ANSWERED.search(raw[j]):
                    break
                lines[j] = ""
        elif i > HEADER_ZONE:
            continue
        elif (m := _BYLINE.match(text) or _NAME_AND_ROLE.match(text)) and (
                (said := m.group(2) if m.re is _BYLINE else None) is None or (byline_day := _leading_day(said))):
            doc.author = m.group(1)
            lines[i] = ""
            if said and published is None:
                published, published_line = byline_day, i
        elif doc.author is None and not (doc.asked or doc.answered or doc.answered_by) and i != first \
                and _BARE_NAME.fullmatch(text) and not _NOT_A_PERSON.search(text) \
                and (below := next((t.strip() for t in stripped[i + 1:i + 3] if t.strip()), None)) \
                and _leading_day(below):
            doc.author = text  # a news page's byline: the name alone, over the day ("Rupert Jones" / "Thu 10 Mar 2022")
            lines[i] = ""
        elif (m := _LABELLED_DATE.match(text)) and i != first:
            lines[i] = ""
            value = m.group(1).strip()
            said_days = _said_days(value)
            for word, found in said_days.items():  # "Date: asked 6 July 2015; answered 14 July 2015"
                if word == "asked" and doc.asked is None:
                    doc.asked, doc.asked_line = found, i + 1
                elif word == "answered" and doc.answered is None:
                    doc.answered, doc.answered_line = found, i + 1
                elif word == "published" and published is None:
                    published, published_line = found, i
            day = _leading_day(value)
            if day and _UPDATED.match(text):
                updated = updated or day  # "Last updated: 10 January 2024": the day only if no other is given
            elif day and published is None:
                published, published_line = day, i
            elif day is None and value and not said_days and published is None and doc.answered is None:
                doc.date_note = f"the document says: {value}"
        elif i != first and _DIGIT.search(text) and (day := _only_day(text)) and bare_date is None:
            bare_date, bare_line = day, i
    if bare_line is not None:
        lines[bare_line] = ""
    if doc.asked or doc.answered or doc.answered_by:
        doc.kind = "written-question"
    elif doc.author:
        doc.kind = "news"
    doc.date = doc.answered or published or bare_date or updated
    if doc.kind == "other" and _looks_like_gov_page(raw[:HEADER_ZONE]):
        doc.kind = "gov-page"
    if doc.date is None and doc.kind == "other" and any("written question" in r.lower() for r in raw[:3]):
        doc.kind = "written-question"
    if doc.date is None and not doc.date_note:
        doc.date_note = "no date found in the document"
    del published_line


_DIGIT = re.compile(r"\d")  # what any day (`_only_day`) is written with: most header lines have none


def _day_below(lines: list[str], i: int) -> tuple[date, int] | None:
    """The day on the first non-blank line below line `i` (at most two down), and that line's index."""
    for j in range(i + 1, min(i + 3, len(lines))):
        if text := lines[j].strip():
            day = parse_day(text)
            return (day, j) if day else None
    return None


def _role_below(lines: list[str], i: int) -> int | None:
    """The index of the line right below line `i` when it names a role ("Minister for Children"), else None."""
    j = i + 1
    return j if j < len(lines) and _ROLE_WORDS.search(lines[j]) and not DATE_IN_TEXT.search(lines[j]) else None


def _answerer(raw: list[str], start: int) -> str | None:
    """The minister's name: the first line after "Answered by" that is not a portrait caption or a role."""
    for line in raw[start:start + 4]:
        text = strip_furniture(line).strip()
        if not text or _ANSWERED.search(text) or _ROLE_WORDS.search(text):
            continue
        return text
    return None


def _minister(value: str) -> str | None:
    """ "David Johnston - Parliamentary Under-Secretary (Department for Education)": the name, not the role
    (and nothing when the line gives only a role: "the Minister for Children")."""
    name = re.split(r"\s+[-–—|]\s+|\s*[(,]", value.strip(), maxsplit=1)[0].strip()
    return name if name and not _ROLE_WORDS.search(name) else None


def _leading_day(value: str) -> date | None:
    """A date at the start of a header value ("23 November 2022", "2026-02-06", "Thursday 1 Sept...", "10:31,
    9 January 2024")."""
    m = DATE_IN_TEXT.match(without_clock(value))
    return parse_day(m.group(0)) if m else None


_SAID_DAY = re.compile(rf"\b(asked|tabled|answered|published|issued|released|made|posted)\s*:?\s+(?:on\s+)?"
                       rf"({DATE_IN_TEXT.pattern})",
                       re.I)


_SAID_AS = {"tabled": "asked", "issued": "published", "released": "published", "made": "published",
            "posted": "published"}


def _said_days(value: str) -> dict[str, date]:
    """ "asked 6 July 2015; answered 14 July 2015", "not shown (answered 25 March 2015)", "published 3 March
    2022, updated 5 May 2023": the days a header value gives, by what happened on them. Only these words:
    "CYP Now reported the release on 18 November 2021" is someone else's date, not the document's."""
    days: dict[str, date] = {}
    for m in _SAID_DAY.finditer(value):
        # "Made on 12 December 2023": a written statement's day
        word = _SAID_AS.get(m[1].lower(), m[1].lower())
        if (day := parse_day(m[2])) and word not in days:
            days[word] = day
    return days


def _only_day(text: str) -> date | None:
    """A header line that is nothing but a date, optionally after a short label ("SFR 34/2015: 1 October 2015",
    "House of Commons debate, 18 January 2024")."""
    if day := parse_day(text):
        return day
    label, sep, rest = text.rpartition(":")
    if sep and len(label) <= 30 and (day := parse_day(rest)):
        return day
    label, sep, rest = text.rpartition(",")  # a comma's label has no figure: "12,000 children, 3 May 2023" is prose
    if sep and len(label) <= 30 and not re.search(r"\d", label):
        return parse_day(rest)
    return None


def _looks_like_gov_page(header: list[str]) -> bool:
    text = "\n".join(header).lower()
    return any(mark in text for mark in ("gov.uk", "parliament.uk", "official statistics", "published"))
