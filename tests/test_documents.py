"""The document reader: metadata in every layout, furniture removed, line numbers kept, bad files refused."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.documents import DocumentError, parse_document, read_document, strip_furniture
from claimcheck.extract import extract_document
from claimcheck.folders import read_documents
from conftest import SEEDS

WRITTEN_ANSWER = """Children: Social Services

(asked on 13th March 2015) - View Source

Question to the Department for Education:

To ask Her Majesty’s Government what steps they are taking.


Answered by
 Portrait
Lord Nash
This question was answered on 25th March 2015

The Department has funded the Virtual Staff College with over £8.4 million since 2012-13.

Reticulating Splines"""


def test_written_answer_metadata_and_furniture():
    doc = parse_document(WRITTEN_ANSWER, "q1")
    assert (doc.kind, doc.department, doc.answered_by) == ("written-question", "Department for Education", "Lord Nash")
    assert (doc.asked, doc.answered, doc.date) == (date(2015, 3, 13), date(2015, 3, 25), date(2015, 3, 25))
    assert doc.title == "Children: Social Services"
    assert doc.lines[14].startswith("The Department has funded")  # line 15 stays line 15
    for furniture in ("View Source", "Portrait", "Reticulating Splines", "answered on", "asked on"):
        assert not any(furniture in line for line in doc.lines), furniture


def test_answerer_skips_role_line():
    answerer = "Baroness Barran Portrait\nBaroness Barran\nShadow Minister (Education)\n"
    text = WRITTEN_ANSWER.replace("Lord Nash\n", answerer)
    assert parse_document(text, "q").answered_by == "Baroness Barran"


def test_news_byline_and_date_line():
    doc = read_document(SEEDS / "004_d6d10dc4c519bdc7.txt")
    assert (doc.kind, doc.author, doc.date) == ("news", "Jim.Dunton", date(2017, 10, 13))
    assert doc.lines[42] == ""  # "Share this page"
    assert doc.lines[40] == ""  # "Read the most recent articles written by ..."


@pytest.mark.parametrize("header, expected", [
    ("Published 20 December 2017", date(2017, 12, 20)),
    ("Date Published: 23 November 2022", date(2022, 11, 23)),
    ("Date: 2026-02-06", date(2026, 2, 6)),
    ("Date (from URL): 2 February 2023", date(2023, 2, 2)),
    ("Published 18 November 2024", date(2024, 11, 18)),
    ("SFR 34/2015: 1 October 2015", date(2015, 10, 1)),
    ("Last updated: Thursday 1 September 2022", date(2022, 9, 1)),
    ("18/11/2024", date(2024, 11, 18)),
    ("November 18, 2024", date(2024, 11, 18)),
    ("Date: 14/07/2015", date(2015, 7, 14)),
    ("Date: published 3 March 2022, updated 5 May 2023", date(2022, 3, 3)),
    ("Posted on 4th March, 2024", date(2024, 3, 4)),
    ("Last updated: 10:31, 9 January 2024", date(2024, 1, 9)),  # with no other day, the day it was updated
    ("Date: posted 4 March 2024 10:31am", date(2024, 3, 4)),
    ("Statement made on 12 December 2023", date(2023, 12, 12)),  # a written ministerial statement's day
    ("Made on: 12 December 2023", date(2023, 12, 12)),
    ("House of Commons debate, 18 January 2024", date(2024, 1, 18)),  # a briefing for a debate
    ("Ordered by the House of Commons to be printed 19 April 2023", date(2023, 4, 19)),  # a committee's report
    ("Laid before Parliament on 12 March 2024", date(2024, 3, 12)),
    ("Date of meeting: 12 November 2024", date(2024, 11, 12)),  # a council's committee report
    ("Date of release: 6 February 2025", date(2025, 2, 6)),  # a Welsh Government statistics release
    ("Date of response: 3 June 2024", date(2024, 6, 3)),  # a reply to a Freedom of Information request
    ("Issued on 4 April 2024", date(2024, 4, 4)),
    ("HC 1234 SESSION 2023-24  |  18 January 2024", date(2024, 1, 18)),  # a National Audit Office report's cover
    ("HC 1868 SESSION 2017–2019 23 JANUARY 2019", date(2019, 1, 23)),  # the same, as pdftotext gives it
    ("SFR 41/2016, 29 September 2016", date(2016, 9, 29)),  # a statistical first release's number and day
    ("12 Mar 2024 | 4 min read", date(2024, 3, 12)),  # a news page's day and reading time
    ("First published on Tue 12 Mar 2024 06.00 GMT", date(2024, 3, 12)),
    ("Last modified on Wed 13 Mar 2024 10.15 GMT", date(2024, 3, 13)),  # with no other day
])
def test_page_header_dates(header, expected):
    doc = parse_document(f"A title\n{header}\nSource: https://www.gov.uk/x\n\nBody text with £5 million.", "p")
    assert doc.date == expected
    assert doc.lines[1] == "" and doc.lines[2] == ""  # header lines never yield claims


@pytest.mark.parametrize("header", [
    "Date: not shown in stored excerpt (statistics for year ending 31 March 2021; reported on 18 November 2021)",
    "Date: page not dated; evidence deadline Thursday 1 September 2022",
])
def test_document_without_date_says_so(header):
    doc = parse_document(f"A title\n{header}\n\nBody.", "p")
    assert doc.date is None
    assert doc.date_note and "not" in doc.date_note


@pytest.mark.parametrize("header, asked, answered", [
    ("Date: asked 6 July 2015; answered 14 July 2015", date(2015, 7, 6), date(2015, 7, 14)),
    ("Date: answered 25 March 2015 (asked 13 March 2015)", date(2015, 3, 13), date(2015, 3, 25)),
    ("Date: not shown in stored excerpt (answered 25 March 2015)", None, date(2015, 3, 25)),
    # "on" after each word, numeric days: the answer's day was lost (the line was read as "asked on" alone)
    ("Date: asked on 01/10/2024, answered on 09/10/2024", date(2024, 10, 1), date(2024, 10, 9)),
    ("Date: asked on 1 October 2024; answered on 9 October 2024", date(2024, 10, 1), date(2024, 10, 9)),
])
def test_asked_and_answered_in_one_date_line(header, asked, answered):
    doc = parse_document(f"A title\n{header}\nSource: https://x\n\nThe Department spent £5 million.", "q")
    assert (doc.asked, doc.answered, doc.date, doc.kind) == (asked, answered, answered, "written-question")
    assert doc.answered_line == 2 and doc.date_note is None


@pytest.mark.parametrize("asked_line, answered_line", [
    ("Tabled: 12/09/2024", "Answered: 20/09/2024"),
    ("Question date: 12 September 2024", "Answer date: 20 September 2024"),
    ("Asked 12 September 2024", "Answered 20 September 2024"),
    ("Date of question: 12 Sept 2024", "Date of answer: 20 Sept 2024"),
])
def test_asked_and_answered_labels_with_the_day_alone_after_them(asked_line, answered_line):
    doc = parse_document(f"Kinship Care: Finance\nQuestion for Department for Education\n{asked_line}\n\nTo ask the "
                         f"Secretary of State what funding.\n\n{answered_line}\n\nThe department spent £3.6m.\n", "q")
    assert (doc.asked, doc.answered, doc.date) == (date(2024, 9, 12), date(2024, 9, 20), date(2024, 9, 20))
    assert (doc.asked_line, doc.answered_line) == (3, 7) and doc.lines[2] == doc.lines[6] == ""


def test_a_byline_with_role_and_day_after_a_pipe():
    doc = parse_document("Councils face rising costs\nBy Jane Smith, Political Correspondent | 12 March 2024\n\n"
                         "Councils spent £3.6 million.\n", "n")
    assert (doc.author, doc.date, doc.kind) == ("Jane Smith", date(2024, 3, 12), "news")
    assert doc.lines[1] == ""


def test_no_metadata_at_all():
    doc = parse_document("Just a sentence about £5 million.", "bare")
    assert doc.date is None and doc.date_note == "no date found in the document"
    assert doc.kind == "other"


@pytest.mark.parametrize("line", [
    "View Source", "Reticulating Splines", "Share this page", " Portrait", "Skip to main content",
    "Read the most recent articles written by Jim.Dunton - Windsurfing to Whitehall",
    "(1 year, 9 months ago)", "See all updates (3) for Reporting year 2023",
    "Page 3 of 12", "Page 1", "- 14 -", "5 min read", "2 comments", "Updated: 12:34pm 3 March 2023",
    "Last reviewed 10 June 2023",
    "Cookies on GOV.UK", "Accept additional cookies", "Is this page useful?", "Report a problem with this page",
    "Share on Twitter", "Related Topics", "More on this story", "© Crown copyright 2023", "ISBN 978-1-5286-1234-5",
    "Estimated reading time: 6 minutes", "Reading time: about 4 mins", "Table 1 of 4", "Figure 2 of 7",
    "[Adjourned till Monday 14 November at 3.30pm]",  # a committee's formal minutes
])
def test_furniture_lines(line):
    assert strip_furniture(line) == ""


def test_inline_furniture_removed_rest_kept():
    assert strip_furniture("(asked on 6th July 2015) - View Source") == "(asked on 6th July 2015)"
    assert strip_furniture("over-represented (opens in a new tab) in the numbers") == "over-represented in the numbers"


def test_encodings_and_bad_files(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes("Title\n\nWe spent \xa35 million.".encode("latin-1").replace(b"\xc2", b""))
    (tmp_path / "bom.txt").write_bytes("\ufeffTitle\r\n\r\nWe spent £5 million.\r\n".encode("utf-8"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("  \n")
    docs, bad = read_documents([tmp_path])
    by_id = {d.id: d for d in docs}
    assert "£5 million" in by_id["cp1252"].lines[2]
    assert by_id["bom"].title == "Title" and by_id["bom"].lines[2] == "We spent £5 million."
    reasons = {b.path.rsplit("/", 1)[-1]: b.reason for b in bad}
    assert "binary" in reasons["binary.txt"] and "empty" in reasons["empty.txt"]


def test_missing_path_is_reported_not_raised(tmp_path):
    docs, bad = read_documents([tmp_path / "nope"])
    assert docs == [] and bad[0].reason == "no such file or folder"


def test_read_document_unreadable(tmp_path):
    with pytest.raises(DocumentError):
        read_document(tmp_path)


PARLIAMENT_SITE = """Children's Social Care: Finance
Question for Department for Education
UIN 18234, tabled on 4 March 2024

To ask the Secretary of State for Education, how much funding her Department has allocated.

Answered on 12 March 2024
Answered by: David Johnston

We are investing £45 million in the Families First for Children pathfinder in 2023-24."""

GOVUK_PRESS_RELEASE = """Thousands more children to benefit from family support
From: Department for Education and The Rt Hon Gillian Keegan MP
Published 10 July 2023

Up to £45 million will fund the Families First for Children pathfinder."""


def test_parliament_questions_site_layout():
    doc = parse_document(PARLIAMENT_SITE, "uin18234")
    expected = ("written-question", "Department for Education", "David Johnston")
    assert (doc.kind, doc.department, doc.answered_by) == expected
    assert (doc.asked, doc.answered, doc.date) == (date(2024, 3, 4), date(2024, 3, 12), date(2024, 3, 12))
    assert doc.asked_line == 3 and doc.answered_line == 7
    assert not any("tabled" in line or "Answered" in line for line in doc.lines)


def test_govuk_press_release_layout():
    doc = parse_document(GOVUK_PRESS_RELEASE, "press")
    assert (doc.department, doc.date, doc.kind) == ("Department for Education", date(2023, 7, 10), "gov-page")
    assert doc.lines[4].startswith("Up to £45 million") and doc.lines[1] == ""


LABELLED_QUESTION = """Children's Services: Finance
Question UIN 12345, tabled on 3 March 2023

Asked by: Jane Smith MP
Asked on: 03/03/2023
Answered by: Claire Coutinho
Answered on: 10/03/2023

The Department has provided £200 million to local authorities in 2022-23."""


def test_labelled_asked_and_answered_dates_in_numeric_form():
    doc = parse_document(LABELLED_QUESTION, "uin12345")
    assert (doc.asked, doc.answered, doc.date) == (date(2023, 3, 3), date(2023, 3, 10), date(2023, 3, 10))
    assert (doc.asked_line, doc.answered_line) == (5, 7)
    assert doc.lines[6] == ""  # the answered date is metadata, not a date claim in the body


LORDS_QUESTION = """Written question
Foster Care: Finance
Asked by Lord Storey
Asked on: 12 January 2024
Answered on: 24 January 2024
Answered by: Baroness Barran
Department for Education

The department is investing over £36 million over the next two years."""

LABELLED_FIELDS_QUESTION = """Question: UIN HL1234
Date tabled: 05/02/2024
Date answered: 19/02/2024
Member: Baroness Tyler of Enfield
Answering member: Baroness Barran
Department: Education

Answer text: In the year ending 31 March 2023, 38% of care leavers were not in education."""


def test_question_layouts_with_a_content_type_and_labelled_fields():
    lords = parse_document(LORDS_QUESTION, "hl")
    assert (lords.title, lords.department, lords.answered_by) == (
        "Foster Care: Finance", "Department for Education", "Baroness Barran")
    assert (lords.asked, lords.date, lords.kind) == (date(2024, 1, 12), date(2024, 1, 24), "written-question")
    assert lords.lines[6] == ""  # the department line is metadata
    fields = parse_document(LABELLED_FIELDS_QUESTION, "hl1234")
    assert (fields.department, fields.answered_by) == ("Education", "Baroness Barran")
    assert (fields.asked, fields.answered, fields.date) == (date(2024, 2, 5), date(2024, 2, 19), date(2024, 2, 19))
    assert fields.date_note is None  # the day was found: no note that it was not


def test_a_line_naming_a_department_with_a_figure_is_body_text():
    doc = parse_document("Adoption figures\nPublished 3 March 2024\n\nDepartment for Education figures show 400 "
                         "adoptions\n", "figures")
    assert doc.department is None and "400" in doc.lines[3]


@pytest.mark.parametrize("text, title, day", [
    ("Press release\nNew funding for children's homes\nFrom: Department for Education\nPublished 7 February 2024\n\n"
     "The government will invest £142 million.", "New funding for children's homes", date(2024, 2, 7)),
    ("Children in need\nReporting year 2024\nAccredited official statistics\nPublished 31 October 2024\n\n"
     "Headline facts and figures - 2024\n\nChildren in need: 399,500", "Children in need", date(2024, 10, 31)),
    # the same page copied with its caption above the title
    ("Reporting year 2023\nChildren in need\nRelease type: Accredited official statistics\nPublished 26 October 2023"
     "\n\nThere were 650,270 referrals.", "Children in need", date(2023, 10, 26)),
    ("Title: Social care workforce statistics\nDate: 2023-02-23\n\nThere were 32,500 social workers.",
     "Social care workforce statistics", date(2023, 2, 23)),
    ("Written statement\nMade on: Tuesday 14th March 2023\n\nAn extra £50m will be made available.",
     "Written statement", date(2023, 3, 14)),
    ("Children's homes: market study\nDate: Published: 12 March 2024\n\nThe council spent £3m.",
     "Children's homes: market study", date(2024, 3, 12)),
    ("Children's homes: market study\nDate: 2024-03-12T09:30:00Z\n\nThe council spent £3m.",
     "Children's homes: market study", date(2024, 3, 12)),
    ("Children's Social Care Update (written ministerial statement HCWS123)\nDate: Made on 12 December 2023\n\n"
     "An extra £50m will be made available.", "Children's Social Care Update (written ministerial statement HCWS123)",
     date(2023, 12, 12)),
    ("NHS England » £250 million to speed up discharge from hospital\n\n9 January 2023\n\nUp to £250 million.",
     "£250 million to speed up discharge from hospital", date(2023, 1, 9)),  # the breadcrumb trail left out
    ("Report by the Comptroller and Auditor General\nChildren's homes\nHC 456 SESSION 2023–2024\n15 May 2024\n\n"
     "Local authorities spent £3.1 billion.", "Children's homes", date(2024, 5, 15)),  # a NAO report's cover
    ("Report by the Comptroller and Auditor General\nDepartment for Education\nPressures on children's social care\n"
     "HC 1868 SESSION 2017–2019\n23 January 2019\n\nLocal authorities spent £8.6 billion.",
     "Pressures on children's social care", date(2019, 1, 23)),  # the department it reports on, then its title
    ("Public Accounts Committee\nEvaluating innovation projects in children's social care\nThirteenth Report of "
     "Session 2022–23\nPublished on 18 November 2022\n\nThe Department spent £330 million.",
     "Evaluating innovation projects in children's social care", date(2022, 11, 18)),  # under the committee's name
    # the title above its type, then "From:" (no title)
    ("Staying Close: guidance for local authorities\nGuidance\nFrom: Department for Education\nPublished 1 April 2024"
     "\n\nLocal authorities will receive £6,500.", "Staying Close: guidance for local authorities", date(2024, 4, 1)),
    # the title above the committee's name, then its session and number
    ("Children's homes\nEducation Committee\nFourth Report of Session 2023–24\nHC 267\nPublished on 26 March 2024\n\n"
     "Local authorities spent £3.1 billion.", "Children's homes", date(2024, 3, 26)),
    ("Education Committee\nFourth Report of Session 2023–24\nChildren's homes\nHC 267\nPublished on 26 March 2024\n\n"
     "Local authorities spent £3.1 billion.", "Children's homes", date(2024, 3, 26)),
    ("CABINET REPORT\n\nDate of meeting: 12 November 2024\nSubject: Revenue Budget Monitoring 2024/25\n\n"
     "The service is forecasting an overspend of £14.2m.", "Revenue Budget Monitoring 2024/25", date(2024, 11, 12)),
])
def test_title_after_a_content_type_or_a_label(text, title, day):
    doc = parse_document(text, "page")
    assert (doc.title, doc.date) == (title, day)


@pytest.mark.parametrize("header, author, day", [
    ("By Hannah Richardson, Education and social affairs reporter\nPublished 14 March 2023", "Hannah Richardson",
     date(2023, 3, 14)),
    ("by Mithran Samuel on November 20, 2023 in Children, Social work news", "Mithran Samuel", date(2023, 11, 20)),
    ("By Fiona Simpson\n21 November 2023", "Fiona Simpson", date(2023, 11, 21)),
    ("By Sarah Jones, Local Government Correspondent\nDate: 14 September 2023", "Sarah Jones", date(2023, 9, 14)),
    ("Written by Jane Smith and Tom Clarke\n14 September 2023", "Jane Smith and Tom Clarke", date(2023, 9, 14)),
    ("Author: Jane Smith\nDate: 14 September 2023", "Jane Smith", date(2023, 9, 14)),
    ("by Jane Smith | 3 March 2023", "Jane Smith", date(2023, 3, 3)),
    ("Jane Smith, Social Affairs Editor\n3 March 2023", "Jane Smith", date(2023, 3, 3)),
    # the date line with its time of day; a later "Last updated" does not move the day the story was published
    ("By Jane Smith, Social Affairs Correspondent\nTuesday 9 January 2024 06:00 GMT", "Jane Smith", date(2024, 1, 9)),
    ("By Jane Smith\n10:31, 9 January 2024\nLast updated: 10 January 2024", "Jane Smith", date(2024, 1, 9)),
    ("By Jane Smith\nLast updated: 10 January 2024\n9 Jan 2024 | 6.05pm BST", "Jane Smith", date(2024, 1, 9)),
    # a newspaper's byline with no comma, and a news agency's service after one (both had no author)
    ("Sally Weale Education correspondent\nMon 6 Jan 2025 06.00 GMT", "Sally Weale", date(2025, 1, 6)),
    ("By Jane Smith, Local Democracy Reporting Service\n3 February 2025", "Jane Smith", date(2025, 2, 3)),
])
def test_bylines_of_news_sites(header, author, day):
    doc = parse_document(f"Council overspends grow\n{header}\n\nCouncils overspent by £800m.\n", "n")
    assert (doc.kind, doc.author, doc.date) == ("news", author, day)
    assert not any("Samuel" in line or "Richardson" in line or "2024" in line for line in doc.lines)


@pytest.mark.parametrize("sentence", [
    "By Christmas, all councils will have new funding",
    "By March, 200 councils will have new funding.",
    "By then the total was £3m",
    "Department for Education, press office",
    "Children Services Update editor",
])
def test_a_sentence_opening_with_by_is_no_byline(sentence):
    doc = parse_document(f"A title\n{sentence}\n\nThe Department spent £3m.\n", "x")
    assert doc.author is None and doc.kind != "news"


def test_hansard_debate_date():
    text = ("Children's Social Care Reform\nVolume 729: debated on Thursday 2 February 2023\n\n"
            "The Minister said we will spend £200 million.\n")
    doc = parse_document(text, "h")
    assert doc.date == date(2023, 2, 2)
    assert doc.lines[1] == ""  # the header line is metadata, not a date claim


def test_a_dated_furniture_line_is_still_the_header_date():
    doc = parse_document("Family hubs funding\nLast updated 11 April 2022\n\nThe Department will provide £302m.\n", "p")
    assert doc.date == date(2022, 4, 11)
    body = parse_document("Family hubs funding\n" + "\n" * 20 + "Updated: 12:34pm 3 March 2023\n", "p")
    assert body.date is None and not any(body.lines[1:])


def test_answer_label_over_the_minister_s_name_and_colon():
    """questions-statements.parliament.uk: "Answer" over "Baroness Barran:" over the answer (had no minister)."""
    doc = parse_document("Foster Care (HL5678)\nDate: Tabled on 14 May 2024; Answered on 28 May 2024\n\nAnswer\n"
                         "Baroness Barran:\nThe number of fostering households was 40,720.\n", "hl5678")
    assert (doc.answered_by, doc.answered, doc.kind) == ("Baroness Barran", date(2024, 5, 28), "written-question")
    assert doc.lines[3] == doc.lines[4] == ""


@pytest.mark.parametrize("line, minister", [
    ("Answered by David Johnston - Parliamentary Under-Secretary (Department for Education)", "David Johnston"),
    ("Answered by Baroness Barran", "Baroness Barran"),
    ("Answered by David Johnston:", "David Johnston"),  # the answer follows on the next line (was "David Johnston:")
    ("Answered by: Claire Coutinho (Minister for Children)", "Claire Coutinho"),
    ("Answered by the Minister for Children", None),
    ("Answered by the Minister for Children (David Johnston)", "David Johnston"),  # Hansard: the role, then the name
])
def test_answered_by_on_one_line_names_the_minister_not_the_role(line, minister):
    doc = parse_document(f"Children in Care: Finance (HL4567)\nDate: asked 10 January 2024; answered 24 January 2024"
                         f"\n\n{line}\nThe department recognises that costs have risen.", "hl4567")
    assert (doc.answered_by, doc.kind) == (minister, "written-question")
    assert doc.lines[3] == ""


def test_lines_are_numbered_as_an_editor_numbers_them(tmp_path):
    """A form feed (PDF-to-text puts one at each page) or a vertical tab is no line break: str.splitlines took
    them for one, and every claim after was reported a line too far down."""
    from claimcheck.extract import extract_document

    path = tmp_path / "report.txt"
    path.write_bytes("Pressures on children's services\r\n\r\nPage one ends here.\f\x0bIt cost £5 million in 2022-23.\n"
                     "Spending rose by 12%.\u2028Still the same line.\n".encode())
    doc = read_document(path)
    assert len(doc.lines) == 4
    claims = extract_document(doc)
    assert [(c.text, c.line) for c in claims] == [("£5 million", 3), ("12%", 4)]


def test_a_list_of_links_to_other_articles_yields_no_claim():
    """A news page's "Related articles" and "Most read" lists are other articles' headlines: their figures are
    not this document's claims. The list ends at the first line of prose."""
    from claimcheck.extract import extract_document

    text = ("Councils' children's services overspend hits £800m\n\nby Neil Puffett\nMonday, October 9, 2017\n\n"
            "Councils overspent on children's services by £800m in 2016/17.\n\nRelated articles\n"
            "Government urged to tackle £2bn gap\n\nMost read\nSocial worker numbers fall by 3%\n"
            "The LGA said 75 per cent of councils exceeded their budgets.\n")
    claims = [c.text for c in extract_document(parse_document(text, "113_news"))]
    assert claims == ["£800m", "£800m", "75 per cent"]


def test_a_page_s_change_history_yields_no_claim():
    """GOV.UK's "Updates to this page" lists the page's edits: their dates and numbers ("Corrected the number of
    regions from 2 to 3") are not claims. The history ends at the next blank line; the date still comes from the
    page's own "Published" line."""
    from claimcheck.extract import extract_document

    text = ("£7 million to recruit more foster carers\n\nFrom: Department for Education\nPublished 12 May 2024\n\n"
            "The money will recruit around 1,000 new foster carers across 3 regions by 2026.\n\n"
            "Updates to this page\nPublished 12 May 2024\n14 May 2024\nCorrected the number of regions from 2 to 3.\n"
            "\nIs this page useful?\nSpending rose by 12%.\n")
    doc = parse_document(text, "news")
    claims = [c.text for c in extract_document(doc)]
    assert claims == ["£7 million", "1,000 new foster carers", "3 regions", "12%"]
    assert doc.date == date(2024, 5, 12)


@pytest.mark.parametrize("header, author", [
    ("Rupert Jones\nThu 10 Mar 2022 11.30 GMT", "Rupert Jones"),  # a name alone over the day: a byline
    ("Aoife O'Brien\n10 March 2022", "Aoife O'Brien"),
    ("Local Government Association\n22 June 2024", None),  # who published it, not a person
    ("Rupert Jones\nSocial affairs correspondent", None),  # no day under it
])
def test_a_name_alone_over_the_day_is_the_author(header, author):
    doc = parse_document(f"Private children's homes making excessive profits\n\n{header}\n\nThe CMA found that.\n", "n")
    assert doc.author == author
    assert doc.date is None or doc.date.year in (2022, 2024)


@pytest.mark.parametrize("line, minister", [
    ("Answered on 21st March 2024 by Andrea Leadsom", "Andrea Leadsom"),
    ("Answered on 21 March 2024 by the Minister for Health (Andrea Leadsom)", "Andrea Leadsom"),
    ("Answered on 21 March 2024 by the Minister for Health", None),
])
def test_answered_on_a_day_by_a_minister_gives_both(line, minister):
    doc = parse_document(f"NHS: Dentistry\nQuestion for Department of Health and Social Care\n\n{line}\n\n"
                         "There were 24,151 dentists with NHS activity in 2022-23.\n", "e")
    assert (doc.answered, doc.answered_by, doc.answered_line) == (date(2024, 3, 21), minister, 4)
    assert doc.lines[3] == ""


def test_a_speech_s_delivered_on_line_is_its_date_not_a_claim():
    doc = parse_document("Speech\nChildren's Minister speech at the conference\n\nFrom: Department for Education\n"
                         "Delivered on: 29 November 2023 (Original script, may differ from delivered version)\n\n"
                         "Last year we spent over £11 billion on children's social care.\n", "p")
    assert doc.date == date(2023, 11, 29)
    assert doc.lines[4] == ""  # the header line is metadata, not a date claim


def test_scottish_parliament_written_answer():
    """The Scottish Parliament's layout: "Date lodged:" is when it was asked, and the status line says who answered
    and when; neither day is a claim."""
    doc = parse_document(
        "Question reference: S6W-23456\nAsked by: Whitfield, Martin (Scottish Labour, South Scotland)\n"
        "Date lodged: 10 January 2024\nCurrent status: Answered by Natalie Don-Innes on 24 January 2024\n\n"
        "Answer\nThe Scottish Government has committed £500 million.\n", "s6w")
    assert (doc.asked, doc.answered, doc.answered_by, doc.date, doc.kind) == (
        date(2024, 1, 10), date(2024, 1, 24), "Natalie Don-Innes", date(2024, 1, 24), "written-question")
    assert [c.text for c in extract_document(doc)] == ["£500 million"]


def test_northern_ireland_assembly_written_question():
    """The Assembly's layout: "Tabled Date:" and "Answered on:" with days written 08/01/2024 (day first)."""
    doc = parse_document(
        "AQW 5678/22-27\nMs Cara Hunter (SDLP - East Londonderry)\nTo ask the Minister of Health how many children "
        "are in care.\nTabled Date: 08/01/2024\nAnswer Status: Answered\nAnswered on: 22/01/2024\nMinister of Health"
        "\n\nAt 31 March 2023, there were 3,801 children in care.\n", "aqw")
    assert (doc.asked, doc.answered, doc.date, doc.kind) == (
        date(2024, 1, 8), date(2024, 1, 22), date(2024, 1, 22), "written-question")
    assert [c.text for c in extract_document(doc)] == ["3,801 children in care"]


@pytest.mark.parametrize("line, department", [
    ("Department for Education and Claire Coutinho MP", "Department for Education"),  # GOV.UK's "From:" values
    ("Department for Education and The Rt Hon Gillian Keegan MP", "Department for Education"),
    ("Department for Environment, Food and Rural Affairs", "Department for Environment, Food and Rural Affairs"),
    ("Department for Culture, Media and Sport", "Department for Culture, Media and Sport"),
])
def test_a_department_line_naming_a_minister_too(line, department):
    doc = parse_document(f"New funding for families\n{line}\nPublished 6 July 2023\n\nAn extra £5m.\n", "page")
    assert doc.department == department


def test_a_written_statement_names_its_minister_on_stacked_lines():
    """questions-statements.parliament.uk sets "Statement made by", the minister and their office on three lines:
    the minister made the statement, the office names the department, and none of it is body text."""
    doc = parse_document(
        "Children's Social Care Update\nStatement made on 19 September 2023\nStatement UIN HCWS1045\n\n"
        "Statement made by\nDavid Johnston\nParliamentary Under-Secretary of State (Department for Education)\n\n"
        "We are providing £2 million to pilot a new family network support package.\n", "hcws")
    assert (doc.author, doc.department, doc.date) == ("David Johnston", "Department for Education", date(2023, 9, 19))
    assert not any("Johnston" in line or "Under-Secretary" in line for line in doc.lines)


def test_a_report_cover_marking_department_and_month_are_metadata():
    # a PDF report's cover: its security marking, the department above the title, and only a month to date it by
    doc = parse_document("OFFICIAL\n\nDepartment for Education\n\nChildren's social care market study: government"
                         " response\nJuly 2024\n\nPage 1 of 14\n\n1.1 The report found 15 providers.\n", "cover")
    assert (doc.title, doc.department, doc.date) == (
        "Children's social care market study: government response", "Department for Education", None)
    assert doc.date_note == "the document gives only a month: July 2024"
    assert not any(doc.lines[:4] + doc.lines[5:8])  # the cover yields no claim: not "July 2024" as a date


def test_a_news_page_s_breadcrumb_trail_is_not_its_title():
    doc = parse_document("Home | News | UK | Education\n\nNumber of children in care hits record high\n\nBy Sam Jones\n"
                         "Thursday 16 November 2023, 00:01 GMT\n\nThe number has reached 83,840.\n", "crumbs")
    assert (doc.title, doc.author, doc.date) == ("Number of children in care hits record high", "Sam Jones",
                                                 date(2023, 11, 16))


def test_a_committee_report_s_cover_names_the_house_and_committee_above_its_title():
    doc = parse_document("House of Commons\nCommittee of Public Accounts\nChildren's social care\nTwelfth Report of "
                         "Session 2023–24\nOrdered by the House of Commons to be printed 15 January 2024\n\nSummary\n"
                         "Local authorities spent £11.1 billion in 2022–23.\n", "pac")
    assert (doc.title, doc.date) == ("Children's social care", date(2024, 1, 15))


def test_a_report_label_names_the_page_under_its_publisher_s_name():
    doc = parse_document("Children's Commissioner\nPublished: 28 February 2024\nReport: Children in residential care"
                         "\n\nToday I am publishing new analysis of 3,000 children.\n", "cc")
    assert (doc.title, doc.date) == ("Children in residential care", date(2024, 2, 28))
    assert doc.lines[2] == ""
