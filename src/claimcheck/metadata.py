"""A document's metadata, read from its header: title, kind, department, the dates a question was asked and
answered, who answered, the author and the document's date, in the layouts written answers, GOV.UK pages, news
articles and Hansard give them. The lines that carried metadata are blanked so that no claim comes from them.

Hand-written: each layout labels its dates and names its own way, and a date read wrongly moves every period
counted from it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from claimcheck.bylines import BARE_NAME, BYLINE, NAME_AND_ROLE, NOT_A_PERSON, name_then_role
from claimcheck.calendar import DATE_IN_TEXT, MONTH_NAMES, find_day, parse_day
from claimcheck.furniture import strip_furniture
from claimcheck.guards import any_in, fold
from claimcheck.header_days import day_below, leading_day, line_below, only_day, said_days

if TYPE_CHECKING:
    from claimcheck.documents import Document

HEADER_ZONE = 15  # metadata is looked for in the first lines only


# Written questions: TheyWorkForYou/Parallel Parliament ("(asked on 13th March 2015)", "Question to the
# Department for Education:") and questions-statements.parliament.uk ("UIN 1234, tabled on 4 March 2024",
# "Question for Department for Education", "Answered by: Name"), and labels ("Asked on: 03/03/2023").
# "(asked on 17th January 2022)", "Tabled on: 6 March 2024"; the Scottish Parliament's "Date lodged: 10 January 2024"
# (the Northern Ireland Assembly's "Tabled Date: 08/01/2024")
_ASKED = re.compile(r"\b(?:(?:asked|tabled) on|date lodged|tabled date)\s*:?\s+(.+?)(?:\)|$)", re.I)
_ANSWERED = re.compile(r"answered on\s*:?\s+(.+?)\s*$", re.I)
# what _ASKED cannot match without: tested first, as most lines have neither
_ASKED_ON = ("asked on", "tabled on", "date lodged", "tabled date")
# a label, then nothing but the day (parsed whole, so no sentence is taken for it)
_LABEL_THEN_DAY = re.compile(r"(?P<which>asked|tabled|answered|(?:question|answer)\s+date"
                             r"|date\s+of\s+(?:question|answer)|date\s+(?:asked|answered))\s*:?\s+(?P<day>\S.*?)\s*$",
                             re.I)
_STACKED_LABEL = re.compile(r"^\s*(asked|tabled|answered)\s+on\s*:?\s*$", re.I)  # the day on the line below
# "Asked by Jane Smith on 3 March 2024", "Answered by: David Johnston on 11 March 2024": who and when on one line
# (the Scottish Parliament's "Current status: Answered by Natalie Don-Innes on 24 January 2024" too)
_BY_ON = re.compile(r"^\s*(?:(?:current\s+)?status\s*:\s*)?(asked|tabled|answered)\s+by\s*:?\s+(.+?)"
                    r"\s+on\s*:?\s+(.+?)\s*$", re.I)
_ON_BY = re.compile(r"\s+by\s*:?\s+(.+?)\s*$", re.I)  # after the day: "Answered on 21st March 2024 by Andrea Leadsom"
_QUESTION_TO = re.compile(r"^\s*question (?:to|for) (?:the )?(.+?):?\s*$", re.I)
_ANSWERED_BY = re.compile(r"^\s*(?:answered by|answering (?:member|minister))\s*(?::\s*|\s)(.+?)\s*$", re.I)
_DEPARTMENT_NAME = r"(?:Department|Ministry)\s+(?:for|of)\s+[A-Z][A-Za-z,&'’ -]{2,60}?"  # "Department for Education"
# "Department: Education", "Answering body: Department for Education", or the department alone on a header line
_NAME_WORD = r"[A-Z][\w'’.-]+"
# (a peer's title may add a place: "Baroness Smith of Malvern", "Lord Hunt of Kings Heath")
_PERSON = (rf"(?:(?:Lord|Baroness|Lady|Sir|Dame|Dr|Mr|Mrs|Ms|Miss)\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
           rf"(?:\s+of\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?|{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})")
# a GOV.UK page's "From:" names its department and perhaps a minister: "Department for Education and Claire
# Coutinho MP" (not the "and" inside "Department for Environment, Food and Rural Affairs")
_AND_MINISTER = rf"(?:\s+and\s+(?:(?:the\s+)?Rt\.?\s+Hon\.?\s+)?{_PERSON}\s+(?:MP|MS|MSP|MLA)\b.*)?"
_DEPARTMENT = re.compile(r"^\s*(?:(?:lead\s+)?department|answering body)\s*:\s*(.+?)\s*$"
                         rf"|^\s*({_DEPARTMENT_NAME}){_AND_MINISTER}\s*$", re.I)
_SPEAKER_LINE = re.compile(rf"^({_PERSON})\s*(:?)$")
# a speaker and, in brackets, a role that may hold brackets of its own: "David Johnston (Parliamentary
# Under-Secretary (Department for Education))", and the department named in it
_NAME_WITH_ROLE = re.compile(rf"^({_PERSON})\s*\(((?:[^()]|\([^()]*\))+)\)\s*:?$")
_DEPARTMENT_IN = re.compile(rf"\b{_DEPARTMENT_NAME}(?=\)|$)")
_FROM = re.compile(r"^\s*from\s*:\s*(.+?)\s*$", re.I)
# who made a written statement or gave a speech: "Statement made by Gillian Keegan (The Secretary of State for
# Education)", "Made by: Jim McMahon (Minister of State ...)", "Author: Jane Hutt MS, Cabinet Secretary for ..."
_MADE_BY = re.compile(rf"^\s*(?:(?:statement\s+)?made\s+by|delivered\s+by|(?-i:Author))\s*:?\s+({_PERSON})"
                      r"(?:\s*\(.*\)|\s*,\s*(.*))?\s*$", re.I)
# "By Jim.Dunton", "By Hannah Richardson, Education correspondent", "by Mithran Samuel on November 20, 2023 in News"
# a council's committee report, a statistics release, a reply to a Freedom of Information request
_LABELLED_DATE = re.compile(r"^\s*(?:date\s+of\s+(?:meeting|publication|issue|report|release|response|reply)"
                            r"|date(?: published)?|published(?: on)?|posted(?: on)?|first published(?: on)?|updated"
                            r"|last updated|last modified(?: on)?"
                            r"|(?:statement\s+)?made\s+on"  # a written statement: "Statement made on ..."
                            r"|issued(?:\s+on)?"
                            # a select committee's report: "Ordered by the House of Commons to be printed 19 April 2023"
                            r"|ordered\s+by\s+the\s+house\s+of\s+(?:commons|lords)\s+to\s+be\s+printed(?:\s+on)?"
                            r"|(?:laid|presented)\s+(?:before|to)\s+parliament(?:\s+on)?"
                            r"|(?:volume\s+\d+\s*:\s*)?debated\s+on"  # Hansard: "Volume 729: debated on 2 ..."
                            r"|delivered\s+on)"  # a GOV.UK speech: "Delivered on: 29 November 2023 (Original script"
                            r"(?:\s*\([^)]*\))?\s*:?\s*(.*)$", re.I)
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified)\b", re.I)
_CONTENT_TYPE = re.compile(r"^\s*(?:press release|news story|written (?:ministerial )?statement|oral statement"
                           r"|written (?:parliamentary )?(?:question|answer)s?"
                           r"|speech|guidance|policy paper|official statistics|national statistics|accredited official "
                           r"statistics|research and analysis|corporate report|transparency data|consultation outcome"
                           r"|open consultation|statutory guidance|independent report|notice|correspondence"
                           # a National Audit Office report's cover, above its title
                           r"|report\s+by\s+the\s+comptroller\s+and\s+auditor\s+general"
                           # a select committee's report, under the committee's name: "Public Accounts Committee"
                           r"|(?:house\s+of\s+(?:commons|lords)\s+)?(?!the\b)(?:[a-z,']+\s+){1,5}committee)\s*$", re.I)
_BARE_DEPARTMENT = re.compile(_DEPARTMENT_NAME)
_HOUSE_OR_COMMITTEE = re.compile(r"House\s+of\s+(?:Commons|Lords)|(?:[A-Z][\w’'-]*\s+){0,3}Committee"
                                 r"(?:\s+(?:of|on|for)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?")
_SESSION_REPORT = re.compile(r"^\s*(?:(?:[\w-]+\s+){1,2}(?:special\s+)?report\s+of\s+session\s+\d{4}\S*"
                             r"|HC\s+\d+(?:-[IVX]+)?)\s*$", re.I)
_RELEASE_CAPTION = re.compile(r"^\s*(?:reporting|academic|financial|calendar|tax)\s+year\s+[\d/-]+\s*$", re.I)
_MONTH_ONLY = re.compile(rf"(?:published\s*:?\s*)?{MONTH_NAMES}\s+(?:19|20)\d\d", re.I)
_BREADCRUMBS = re.compile(r"\s+[»›]\s+")
_TITLE_LABEL = re.compile(r"^(?:title|headline|subject|report(?:\s+title)?)\s*:\s*", re.I)
_ROLE_WORDS = re.compile(r"\b(minister|secretary|shadow|spokesperson|spokesman|whip|leader|chancellor|lord "
                         r"speaker|under-secretary|parliamentary)\b", re.I)


_PERSON_ALONE = re.compile(_PERSON)


def _stacked_maker(stripped: list[str], at: int) -> tuple[str, int] | None:
    """The minister named on the line after "Statement made by" (line `at`), when the line after that is their
    office; and that line's index."""
    below = [j for j in range(at + 1, min(at + 5, len(stripped))) if stripped[j].strip()][:2]
    if len(below) < 2:
        return None
    name, role = stripped[below[0]].strip(), stripped[below[1]].strip()
    if not _PERSON_ALONE.fullmatch(name) or _ROLE_WORDS.search(name) or not _ROLE_WORDS.search(role):
        return None
    return _without_honorific(name), below[1]


def read_metadata(doc: Document, raw: list[str], lines: list[str]) -> None:
    """Fill the metadata of `doc` and blank the lines that carried it."""
    opening = [i for i, line in enumerate(lines[:HEADER_ZONE]) if line.strip()][:4]
    first = opening[0] if opening else None
    typed = next((i for i in opening if _CONTENT_TYPE.match(lines[i])), None)
    if typed is not None:
        # GOV.UK pages open with what they are ("Press release"), perhaps after the breadcrumbs ("Education,
        # training and skills"), then the title
        # (a statistics release names itself first: "Children in need", "Reporting year 2024", "Accredited
        # official statistics", then "Published 31 October 2024", which is furniture once stripped)
        # (a NAO report names the department it reports on between its cover line and its title)
        # (a select committee's report names its session and number under the committee: "Fourth Report of
        # Session 2023–24", "HC 267")
        title = next((i for i in range(typed + 1, min(len(raw), typed + 5)) if raw[i].strip()
                      and not _BARE_DEPARTMENT.fullmatch(lines[i].strip()) and not _SESSION_REPORT.match(lines[i])),
                     typed)
        if lines[title].strip() and not (_LABELLED_DATE.match(lines[title]) or only_day(lines[title].strip())
                                         or _FROM.match(lines[title])) \
                and not (first is not None and first < typed and lines[title].rstrip().endswith(".")):
            # not "Made on: 14 March" nor "From: Department for Education"; nor the summary under the type when a
            # title stands above it already (a saved page's <h1> is its first line: "£50 million to expand family
            # hubs", then "Press release", then "Thousands more families will benefit ...")
            first = title
    if first is not None and _RELEASE_CAPTION.match(lines[first]):
        first = next((i for i in opening if i > first), first)  # EES's caption above the title: "Reporting year 2024"
    while first is not None and _HOUSE_OR_COMMITTEE.fullmatch(lines[first].strip()) \
            and (below := next((i for i in opening if i > first), None)) is not None:
        # a committee report's cover: "House of Commons" over "Committee of Public Accounts" over the title
        first = below
    if first is not None and _BARE_DEPARTMENT.fullmatch(lines[first].strip()) \
            and (below := next((i for i in opening if i > first), None)) is not None \
            and not (_LABELLED_DATE.match(lines[below]) or only_day(lines[below].strip())):
        # a report's cover names its department above its title: "Department for Education" over "Children's social
        # care market study: government response"
        doc.department = lines[first].strip()
        lines[first] = ""
        first = below
    labelled = next((i for i in range(len(lines[:HEADER_ZONE])) if _TITLE_LABEL.match(lines[i])
                     and _TITLE_LABEL.sub("", lines[i]).strip()), None)
    if labelled is not None and first is not None and labelled != first:
        # a council's committee report opens "CABINET REPORT" and names itself on a "Subject:" line below
        doc.title = _TITLE_LABEL.sub("", lines[labelled]).strip()
        lines[labelled] = ""
    elif first is not None:
        doc.title = _TITLE_LABEL.sub("", lines[first].strip()) or lines[first].strip()
    if doc.title and (crumbs := _BREADCRUMBS.split(doc.title))[-1].strip():
        doc.title = crumbs[-1].strip()  # "NHS England » £250 million to speed up discharge": the page, not the trail
    published: date | None = None
    published_line: int | None = None
    bare_date: date | None = None
    bare_line: int | None = None
    updated: date | None = None
    stripped = lines[:HEADER_ZONE + 25]  # without furniture, before any line is blanked below
    consumed: set[int] = set()  # lines read with the one above them
    made_by = False  # the author is the minister who made a statement, not a journalist
    month_only: str | None = None
    for i, line in enumerate(raw[:HEADER_ZONE + 25]):
        text = stripped[i].strip()
        if not text and i <= HEADER_ZONE and _LABELLED_DATE.match(line.strip()):
            text = line.strip()  # "Updated: 3 March 2023" is furniture in a body, the date in a header
        if not text or i in consumed:
            continue
        if (m := _STACKED_LABEL.match(text)) and (below := day_below(stripped, i)):
            day, j = below  # "Answered on" with "12 March 2024" under it: questions-statements.parliament.uk
            if m[1].lower() == "answered":
                doc.answered, doc.answered_line = day, j + 1
            else:
                doc.asked, doc.asked_line = day, j + 1
            lines[i] = lines[j] = ""
            consumed.add(j)
        elif (m := _LABEL_THEN_DAY.match(text)) and (day := parse_day(m["day"])):
            # "Tabled: 12/09/2024", "Answered 20 September 2024", "Answer date: 20 September 2024"
            if "answer" in m["which"].lower():
                doc.answered, doc.answered_line = day, i + 1
            else:
                doc.asked, doc.asked_line = day, i + 1
            lines[i] = ""
        elif i != first and _LABELLED_DATE.match(text) and len(said_days(text)) > 1 and i not in consumed \
                and any_in(("asked on", "answered on", "tabled on"), fold(line)):
            # "Date: asked on 01/10/2024, answered on 09/10/2024": both days (the branches below read one a line)
            _question_days(doc, said_days(text), i + 1)
            lines[i] = ""
        elif any_in(_ASKED_ON, fold(line)) and (m := _ASKED.search(line)):
            doc.asked = find_day(m.group(1)) or parse_day(m.group(1))
            doc.asked_line = i + 1
            lines[i] = ""
        elif "answered on" in fold(line) and (m := _ANSWERED.search(line)):
            doc.answered = find_day(m.group(1)) or parse_day(m.group(1))
            doc.answered_line = i + 1
            if doc.answered_by is None and (by := _ON_BY.search(m.group(1))) and leading_day(m.group(1)):
                doc.answered_by = _minister(strip_furniture(by.group(1)))
            lines[i] = ""
        elif (m := _BY_ON.match(text)) and (day := leading_day(m[3])):
            if m[1].lower() == "answered":
                doc.answered, doc.answered_line = day, i + 1
                doc.answered_by = _minister(strip_furniture(m[2]))
            else:
                doc.asked, doc.asked_line = day, i + 1
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
        elif doc.answered_by is None and (doc.asked or doc.answered or doc.kind == "written-question") \
                and (m := _NAME_WITH_ROLE.match(text)) \
                and _ROLE_WORDS.search(m[2]) and not _ROLE_WORDS.search(m[1]):
            # TheyWorkForYou: the answer under "David Johnston (Parliamentary Under-Secretary (Department for
            # Education))"; the asker's line names a seat and a party, not a role
            doc.answered_by = m[1]
            if doc.department is None and (department := _DEPARTMENT_IN.search(m[2])):
                doc.department = department[0]
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
        elif text.lower() == "answer" and doc.answered_by is None and (j := line_below(stripped, i)) is not None \
                and (m := _SPEAKER_LINE.match(stripped[j].strip())) and m[2] and (name := _minister(m[1])):
            # questions-statements.parliament.uk: "Answer" over "Baroness Barran:" over the answer
            doc.answered_by = name
            lines[i] = lines[j] = ""
            consumed.add(j)
        elif i > HEADER_ZONE:
            continue
        elif doc.author is None and (m := _MADE_BY.match(text)) and not _ROLE_WORDS.search(m[1]) \
                and (_ROLE_WORDS.search(m[2]) if m[2] else not text.lower().startswith("author")):
            # the minister: the statement is theirs ("Author: Jane Smith" with no office is a journalist's byline)
            doc.author = _without_honorific(m[1])
            made_by = True
            lines[i] = ""
        elif doc.author is None and text.lower() in ("statement made by", "made by") \
                and (stacked := _stacked_maker(stripped, i)):
            # questions-statements.parliament.uk stacks them: "Statement made by" over "David Johnston" over
            # "Parliamentary Under-Secretary of State (Department for Education)"
            doc.author, role_line = stacked
            if doc.department is None and (department := _DEPARTMENT_IN.search(stripped[role_line])):
                doc.department = department[0]
            made_by = True
            for j in range(i, role_line + 1):
                lines[j] = ""
                consumed.add(j)
        elif (m := BYLINE.match(text) or NAME_AND_ROLE.match(text) or name_then_role(text)) and (
                (said := (m.group(2) or m.group(3)) if m.re is BYLINE else None) is None
                or (byline_day := leading_day(said))):
            doc.author = m.group(1)
            lines[i] = ""
            if said and published is None:
                published, published_line = byline_day, i
        elif doc.author is None and not (doc.asked or doc.answered or doc.answered_by) and i != first \
                and BARE_NAME.fullmatch(text) and not NOT_A_PERSON.search(text) \
                and (below := line_below(stripped, i)) is not None and leading_day(stripped[below].strip()):
            doc.author = text  # a news page's byline: the name alone, over the day ("Rupert Jones" / "Thu 10 Mar 2022")
            lines[i] = ""
        elif (m := _LABELLED_DATE.match(text)) and i != first:
            lines[i] = ""
            value = m.group(1).strip()
            days_said = said_days(value)
            _question_days(doc, days_said, i + 1)  # "Date: asked 6 July 2015; answered 14 July 2015"
            if "published" in days_said and published is None:
                published, published_line = days_said["published"], i
            day = leading_day(value)
            if day and _UPDATED.match(text):
                updated = updated or day  # "Last updated: 10 January 2024": the day only if no other is given
            elif day and published is None:
                published, published_line = day, i
            elif day is None and value and not days_said and published is None and doc.answered is None:
                doc.date_note = f"the document says: {value}"
        elif i != first and _DIGIT.search(text) and (day := only_day(text)) and bare_date is None:
            bare_date, bare_line = day, i
        elif i != first and month_only is None and _MONTH_ONLY.fullmatch(text):
            month_only = text  # a report's cover dated by its month: "July 2024" (no day to date it by)
            lines[i] = ""
    if bare_line is not None:
        lines[bare_line] = ""
    if doc.asked or doc.answered or doc.answered_by:
        doc.kind = "written-question"
    elif doc.author and not made_by:
        doc.kind = "news"
    doc.date = doc.answered or published or bare_date or updated
    if doc.kind == "other" and _looks_like_gov_page(raw[:HEADER_ZONE]):
        doc.kind = "gov-page"
    if doc.date is None and doc.kind == "other" and any("written question" in r.lower() for r in raw[:3]):
        doc.kind = "written-question"
    if doc.date is None and not doc.date_note and month_only:
        doc.date_note = f"the document gives only a month: {month_only}"
    if doc.date is None and not doc.date_note:
        doc.date_note = "no date found in the document"
    del published_line


_DIGIT = re.compile(r"\d")  # what any day (`header_days.only_day`) is written with: most header lines have none


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


def _question_days(doc: Document, days: dict[str, date], line: int) -> None:
    """The days a question was asked and answered, from what a header line said of them (`said_days`), unless
    an earlier line gave them."""
    if "asked" in days and doc.asked is None:
        doc.asked, doc.asked_line = days["asked"], line
    if "answered" in days and doc.answered is None:
        doc.answered, doc.answered_line = days["answered"], line


def _minister(value: str) -> str | None:
    """ "David Johnston - Parliamentary Under-Secretary (Department for Education)": the name, not the role
    (and nothing when the line gives only a role: "the Minister for Children")."""
    name = re.split(r"\s+[-–—|]\s+|\s*[(,:]", value.strip(), maxsplit=1)[0].strip()
    if name and not _ROLE_WORDS.search(name):
        return name
    # Hansard's style, the role first: "the Minister for Housing and Planning (Lee Rowley)"
    m = _ROLE_THEN_NAME.match(value.strip())
    return m[1] if m and not _ROLE_WORDS.search(m[1]) else None


def _without_honorific(name: str) -> str:
    """ "Jane Hutt MS": the name a reader looks for, without the member's letters after it (a title before it,
    "Baroness Barran", is how the person is named and stays)."""
    return re.sub(r"\s+(?:MP|MSP|MS|AM|MLA|MBE|OBE|CBE|KC|QC)$", "", name)


_ROLE_THEN_NAME = re.compile(r"^.*?\(\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})\s*\)$")


def _looks_like_gov_page(header: list[str]) -> bool:
    text = "\n".join(header).lower()
    return any(mark in text for mark in ("gov.uk", "parliament.uk", "official statistics", "published"))
