"""Whole documents in the layouts of the kinds the corpus holds and the seeds do not: a National Audit Office summary
with key facts (also as PDF-to-text wraps them), a statistics release with headline tiles, Treasury Minutes, written
answers with a table (one naming its minister as a speaker, one of two columns with a pipe between them), one with
each label above its value, one with who asked and answered and when on one line each, a statistics release's series
at one day of each year, a TheyWorkForYou written answer, a written ministerial statement and a Welsh one, a
council's budget monitoring report, a GOV.UK guide in Markdown with a table of milestones, a GOV.UK guidance page
under its cookie banner, and a news article. The files in `fixtures/layouts/` were written for these tests in the
phrasing of such documents; they are not copies of real ones.

Each case pins the metadata and the claims a reader would take from the layout, by line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimcheck.documents import read_document
from claimcheck.extract import extract_document

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"

# file -> (metadata, [(line, text, field, expected), ...])
CASES = {
    "nao_key_facts.txt": (
        {"date": date(2019, 1, 23)},
        [
            (6, "£8.6bn", "subject", "total spending by local authorities on children's social care"),
            (6, "£8.6bn", "period_start", "2017-04-01"),
            (8, "3%", "change", True),
            (10, "15%", "subject", "number of children in care"),
            (13, "108%", "subject", "number of section 47 enquiries"),
            (13, "108%", "period_start", "2010-04-01"),  # "Over the same period": since 2010-11
            (13, "15%", "subject", "number of children in care"),
        ],
    ),
    # PDF-to-text: each key fact's description wrapped over short lines, which are not headings
    "nao_key_facts_wrapped.txt": (
        {"date": date(2019, 1, 23)},
        [
            (7, "£8.6bn", "subject", "total spending by local authorities on children's social care"),
            (7, "£8.6bn", "period_start", "2017-04-01"),
            (12, "15%", "subject", "number of children in need of a child protection plan"),
            (12, "15%", "period_start", "2014-04-01"),
            (12, "15%", "period_end", "2018-03-31"),
            (18, "88%", "subject", "local authorities"),
            (18, "88%", "period_start", "2017-04-01"),
            (26, "£8.6 billion", "period_start", "2017-04-01"),
        ],
    ),
    # a table of two columns with one pipe between them, and a lead-in naming what a table by region counts and when
    "written_answer_two_column_tables.txt": (
        {"date": date(2024, 1, 18)},
        [
            (10, "1,946", "kind", "money"),
            (10, "1,946", "value", 1_946_000_000.0),
            (11, "2,076", "period_start", "2022-04-01"),
            (11, "2,076", "subject", "local authority expenditure on fostering services in England"),
            (16, "4,340", "counted", "children looked after"),
            (16, "4,340", "subject", "North East"),
            (16, "4,340", "period_end", "2023-03-31"),
            (17, "83,840", "period_start", "2023-03-31"),
            (17, "71", "kind", "rate"),
        ],
    ),
    # a written answer's table whose column names money so much a week: "Year | Average weekly cost (£)"
    "written_answer_weekly_cost_table.txt": (
        {"date": date(2024, 7, 15), "answered_by": "Janet Daby"},
        [
            (12, "4,190", "kind", "rate"),  # was money, an amount of £4,190
            (12, "4,190", "unit", "GBP / week"),
            (12, "4,190", "period_start", "2019-04-01"),
            (16, "6,120", "unit", "GBP / week"),
            (16, "6,120", "subject", "Average weekly cost"),
        ],
    ),
    # a written answer's table of years ending on a day: "Year ending 31 March | Adoptions" over "2020 | 3,440"
    "written_answer_year_ending_table.txt": (
        {"date": date(2024, 12, 10), "answered_by": "Janet Daby"},
        [
            (16, "3,440", "period_start", "2019-04-01"),  # was the calendar year 2020
            (16, "3,440", "period_end", "2020-03-31"),
            (20, "2,980", "period_start", "2023-04-01"),
            (20, "2,980", "counted", "adoptions"),
        ],
    ),
    "ees_headline_tiles.txt": (
        {"date": date(2020, 12, 10)},
        [
            (7, "80,080", "subject", "Number of children looked after"),
            (8, "2%", "change", True),
            (10, "67", "change", False),
            (10, "67", "unit", "count / (10000 * count)"),  # the tile's label makes it a rate per 10,000
            (11, "65", "kind", "rate"),
            (13, "30,970", "subject", "Number of children who started to be looked after"),
            (18, "80,080 children looked after", "period_start", "2020-03-31"),
        ],
    ),
    # headline facts each on its own line, led by its figure: each its own sentence, not one run into the last
    "ees_headline_facts.txt": (
        {"date": date(2024, 10, 24)},
        [
            (8, "403,090 children in need", "subject", None),  # not the third line's "child protection plan"
            (9, "621,880 referrals", "period_start", "2023-04-01"),
            (10, "50,010 children on a child protection plan", "subject", "child protection plan"),
        ],
    ),
    # a lead-in that gives the whole, "This comprises:", over the bullets that split it, or a last bullet that does
    # ("- Total: £9 million"); not a lead-in that names no split ("has also:"), nor one that lists some of it
    # ("includes:")
    "written_statement_allocations.txt": (
        {"date": date(2024, 3, 14)},
        [
            (5, "£120 million", "total", True),
            (7, "£45 million", "listed_under", 5),
            (10, "£9 million", "listed_under", 5),
            (10, "£9 million", "period_start", "2024-04-01"),  # the lead-in's year
            (12, "£20 million", "total", False),
            (14, "£5 million", "listed_under", 0),
            (17, "£200 million", "total", False),  # "includes:" lists some of it, which need not add up to it
            (19, "£45 million", "listed_under", 0),
            (24, "£4 million", "listed_under", 26),  # a list that gives its whole last: "- Total: £9 million"
            (26, "£9 million", "total", True),
            (30, "£30 million", "listed_under", 28),
            (32, "£50 million", "listed_under", 0),  # the lead-in's total said again is not a part of it
        ],
    ),
    "treasury_minutes.txt": (
        {"date": date(2023, 2, 9)},
        [
            (8, "£330 million", "subject", "Children's Social Care Innovation Programme"),
            (9, "August 2023", "tense", "future"),
            (12, "56", "counted", "projects"),
            (12, "38", "counted", "projects"),
        ],
    ),
    # a tab-separated table under a lead-in sentence that says what it shows (no "Table 1:" caption)
    "written_answer_table_lead_in.txt": (
        {"date": date(2024, 2, 13), "answered_by": "David Johnston"},
        [
            (16, "25.6", "value", 25_600_000),
            (16, "25.6", "subject", "funding allocated to local authorities for Staying Put"),
            (19, "34.6", "period_start", "2022-04-01"),
            (21, "£99.8 million", "subject", "Staying Close"),
        ],
    ),
    "written_answer_markdown_table.md": (  # a pipe table with pipes at both ends, under "the following funding to"
        {"date": date(2024, 3, 12), "asked": date(2024, 3, 4), "answered_by": "David Johnston"},
        [
            (17, "1.2", "value", 1_200_000),
            (17, "1.2", "subject", "Regional Care Co-operatives pathfinder"),
            (19, "4.7", "period_start", "2023-04-01"),
            (19, "4.7", "total", True),
        ],
    ),
    "written_answer_table.txt": (
        {"date": date(2024, 2, 13), "asked": date(2024, 2, 5), "answered_by": "David Johnston"},
        [
            (11, "£1.2 million", "period_start", "2021-04-01"),
            # "the following funding for fostering recruitment and retention:" says what the rows are about
            (11, "£1.2 million", "subject", "fostering recruitment and retention"),
            (13, "£8.9 million", "value", 8_900_000),
            (14, "£13.6 million", "total", True),
            (16, "37,000", "counted", "approved fostering households"),
        ],
    ),
    "fixed_width_table.txt": (  # a table set out with spaces, as PDF-to-text and fixed-width pages print one
        {"date": date(2024, 2, 9), "answered_by": "David Johnston"},
        [
            (13, "1,845.2", "value", 1_845_200_000),  # the caption's "(£ million)"
            (13, "1,845.2", "period_start", "2020-04-01"),  # the row's year
            (14, "1,844.5", "start", 32),  # where the cell stands in the line
            (14, "1,844.5", "subject", "Fostering"),  # one of the columns, a series of its own
            (15, "4,290.6", "subject", "Expenditure on children looked after"),  # the total: the caption's
            (15, "4,290.6", "period_end", "2023-03-31"),
            (18, "£4.3  billion", "period_start", "2022-04-01"),  # prose set with double spaces stays prose
        ],
    ),
    "written_answer_unit_in_prose.txt": (  # the unit said in the sentence above the table: "Figures are in £ million"
        {"date": date(2024, 3, 11), "asked": date(2024, 3, 4), "answered_by": "David Johnston"},
        [
            (12, "120.4", "value", 120_400_000),
            (12, "120.4", "kind", "money"),
            (12, "120.4", "period_start", "2020-04-01"),
            (14, "452.7", "period_start", "2022-04-01"),  # after a suppressed "[x]" cell, the right year
            (16, "3,105.9", "value", 3_105_900_000),
        ],
    ),
    "written_answer_speaker.txt": (  # the minister named as a speaker ("David Johnston:") below the answer's date
        {"date": date(2024, 3, 12), "asked": date(2024, 3, 4), "answered_by": "David Johnston"},
        [
            (15, "24.5", "value", 24_500_000),  # the column's "(£ million)"
            (15, "120", "counted", "places created"),
            (17, "56.2", "period_start", "2023-04-01"),
        ],
    ),
    # a Lords answer: the asker and the peer who answers, each as a speaker, the peer's title with its place
    "lords_written_answer_peer.txt": (
        {"date": date(2025, 2, 17), "asked": date(2025, 2, 3), "answered_by": "Baroness Smith of Malvern"},
        [
            (13, "46.0", "value", 46_000_000),
            (14, "50.0", "period_start", "2023-04-01"),
            (16, "£50 million", "period_start", "2024-04-01"),
        ],
    ),
    # a row whose year carries a note of how sure its figure is, "2024-25 (forecast)": still that year, and in the
    # total's span (the row had no period, and its label for a subject)
    "written_answer_forecast_row.txt": (
        {"date": date(2025, 2, 11), "asked": date(2025, 2, 3), "answered_by": "Janet Daby"},
        [
            (19, "20.5", "period_start", "2024-04-01"),
            (19, "20.5", "subject", "Spend"),
            (20, "36.0", "period_end", "2025-03-31"),
        ],
    ),
    # a release's headlines as a list of "- Label: figure" (the label names the figure, bullet and all); a table
    # whose caption ends in its day ("..., 30 September 2024") and whose column says "(%)": each cell is a percentage
    # on that day (they were counts of "agency rate", with no period); "between Q3 2023/24 and Q3 2024/25" spans both
    # quarters, and "around 2.1–2.4 thousand" is a range of what the sentence counts (it was a count of 2.1)
    "statistics_bullets_percent_column.txt": (
        {"date": date(2025, 2, 27)},
        [
            (7, "15.6%", "subject", "Turnover rate"),
            (8, "17.6%", "subject", "Agency worker rate"),
            (13, "12.1", "kind", "percent"),
            (13, "1,720", "period_start", "2024-09-30"),
            (16, "17.6", "period_end", "2024-09-30"),
            (20, "2.1", "value", 2100),
            (20, "2.1", "period_start", "2023-10-01"),
            (20, "2.4 thousand", "bound", "max"),
            (20, "2.4 thousand", "subject", "number of agency workers"),
        ],
    ),
    "written_answer_stacked.txt": (  # each label above its value: "Answered on", then the day, name and role
        {"date": date(2024, 3, 12), "asked": date(2024, 3, 4), "answered": date(2024, 3, 12),
         "answered_line": 12, "answered_by": "David Johnston"},
        [
            (17, "£25 million", "period_start", "2022-04-01"),
            (17, "200 new places", "bound", "approx"),
            (19, "£30 million", "change", True),
        ],
    ),
    "govuk_guidance_cookie_banner.txt": (  # the cookie banner, skip link and breadcrumbs above "Guidance", the title
        {"title": "Social work bursary: eligibility", "date": date(2025, 2, 12)},
        [
            (20, "£4,862.50 a year", "kind", "rate"),
            (22, "£862", "bound", "max"),
        ],
    ),
    "written_answer_by_on.txt": (  # who asked and answered, and when, each on one line
        {"date": date(2024, 3, 11), "asked": date(2024, 3, 3), "answered": date(2024, 3, 11),
         "answered_by": "David Johnston", "kind": "written-question"},
        [
            (9, "£5,800", "period_start", "2022-04-01"),
            (10, "£142 million", "subject", "help local authorities open new homes"),
        ],
    ),
    "council_budget_monitoring.txt": (  # a council committee report: labels over the body, a table in £000
        {"date": date(2024, 11, 12), "title": "Revenue Budget Monitoring 2024/25 - Period 6", "author": None},
        [
            (14, "£14.2m", "subject", "overspend"),
            (14, "8.3%", "value", 8.3),
            (21, "109,950", "value", 109_950_000),  # the caption's "(£000)"
            (21, "109,950", "subject", "Looked after children"),
        ],
    ),
    "senedd_written_statement.txt": (  # a Welsh Government statement: its author a minister, named with office
        {"date": date(2024, 10, 9), "author": "Jane Hutt", "kind": "other"},
        [
            (5, "£4.5m", "period_start", "2024-04-01"),
            (7, "£1.6bn", "period_start", "2022-04-01"),
            (7, "£1.6bn", "bound", "min"),
        ],
    ),
    "guidance_timeline_table.md": (  # a GOV.UK guide in Markdown: bold figures, bullets, a table of milestones
        {"date": date(2025, 3, 27)},
        [
            (7, "£270 million", "subject", "Children's Social Care Prevention Grant"),
            (16, "27 March 2025", "kind", "date"),
            (17, "30 June 2025", "subject", "Delivery plans due"),  # the row's label: what happens that day
            (18, "31 October 2025", "period_start", "2025-10-31"),
            (18, "31 October 2025", "tense", "future"),  # a plan: after the guide's date, not a past event
            (16, "27 March 2025", "tense", "past"),
        ],
    ),
    "govuk_press_release_with_table.html": (  # a saved GOV.UK page: cookie banner, lead paragraph, a table
        {"date": date(2024, 11, 21), "department": "Department for Education", "kind": "gov-page"},
        [
            (9, "8 local authorities", "kind", "count"),  # "a weekly allowance" is no rate of the authorities
            (9, "£300", "unit", "GBP / week"),
            (14, "£40 million", "subject", "Kinship care allowance pilot"),
            (18, "1 April 2025", "subject", "First payments"),  # a row of the table of stages
            (20, "£185 a week", "subject", "national minimum fostering allowance"),
        ],
    ),
    "govuk_press_release_cookie_banner.html": (  # "From:" names the department and the minister; a quote's
        # "This £45 million" is the pathfinder's money, as the lead paragraph says, not the headline's words
        {"date": date(2023, 7, 6), "department": "Department for Education", "kind": "gov-page",
         "title": "£45 million to help families"},
        [
            (11, "£45 million", "subject", "pathfinder"),
            (19, "£45 million", "subject", "pathfinder"),
        ],
    ),
    "written_statement.txt": (
        {"date": date(2023, 12, 12), "author": "Gillian Keegan"},  # "Statement made by": the minister's
        [
            (6, "£36 million", "subject", "Supporting Families programme"),
            (6, "£695 million", "period_start", "2022-01-01"),
            (7, "£300 million", "subject", "total investment"),
            (8, "£12 million", "period_end", "2026-03-31"),
        ],
    ),
    "written_answer_theyworkforyou.txt": (  # the asker with seat and party, the minister with role, above each part
        {"date": date(2024, 5, 14), "asked": date(2024, 5, 2), "answered_by": "David Johnston",
         "department": "Department for Education", "kind": "written-question"},
        [
            (9, "6.88%", "period_start", "2024-04-01"),
            (9, "12.43%", "change", True),
            (10, "20%", "bound", "min"),
        ],
    ),
    "statistics_series_table.txt": (  # a series at 31 March of each year, with a column of changes
        {"date": date(2024, 7, 24)},
        [
            (14, "129,110", "period_start", "2020-03-31"),
            (14, "129,110", "subject", "Police officers (FTE)"),
            (15, "6,191", "change", True),
            (15, "6,191", "counted", "officers"),
            (15, "6,191", "period_start", "2020-04-01"),
            (18, "-684", "period_end", "2024-03-31"),
        ],
    ),
    "news_article.txt": (
        {"date": date(2023, 9, 14), "author": "Sarah Jones"},
        [
            (6, "£1.5bn", "subject", "children's social care budgets"),
            (7, "£5,200 a week", "subject", "average cost of a placement in a children's home"),
            (10, "£3.9bn", "subject", "core spending power"),
            (11, "58%", "subject", "number of private children's homes"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_layout_s_metadata_and_claims(name):
    metadata, expected = CASES[name]
    doc = read_document(LAYOUTS / name)
    assert {field: getattr(doc, field) for field in metadata} == metadata
    claims = extract_document(doc)
    for line, text, field, value in expected:
        found = [c for c in claims if c.line == line and c.text == text]
        assert found, f"{name}:{line}: no claim {text!r} in {[(c.line, c.text) for c in claims]}"
        assert getattr(found[0], field) == value, f"{name}:{line}: {text!r} {field}"


def test_a_cookie_banner_and_page_furniture_yield_no_claim():
    doc = read_document(LAYOUTS / "govuk_guidance_cookie_banner.txt")
    assert sorted({c.line for c in extract_document(doc)}) == [20, 22, 24]  # the body's three lines with figures


def test_layouts_yield_nothing_from_their_headers_and_questions():
    for name in CASES:
        doc = read_document(LAYOUTS / name)
        assert not [c for c in extract_document(doc) if c.line in (2, 3)], name  # the Date: and Source: lines


def test_a_series_caption_gives_its_rows_their_day_and_is_no_claim():
    claims = extract_document(read_document(LAYOUTS / "statistics_series_table.txt"))
    assert not [c for c in claims if c.line == 11]  # "Table 1: Police officers (FTE), 31 March 2020 to 2024"
    assert {c.period_end for c in claims if 14 <= c.line <= 18} == {f"{year}-03-31" for year in range(2020, 2025)}


def test_a_council_report_s_period_label_and_table_unit_are_no_claims():
    claims = extract_document(read_document(LAYOUTS / "council_budget_monitoring.txt"))
    assert [c.text for c in claims if c.line == 10] == ["the end of September 2024"]  # not "(Period 6)"
    assert not [c for c in claims if c.line == 18]  # "Table 1: Forecast outturn by service area (£000)"


def test_a_list_whose_parts_miss_its_total_is_a_sum_warning():
    """The layout's lists checked by the shipped rules: "£45m + £36m + £25m + £9m" is not "£120 million", "£4m +
    £3m" is not "- Total: £9 million"; "£30m + £20m" is the fund's £50 million, said again in its last bullet."""
    from claimcheck.checking import run_rule
    from claimcheck.claims import claims_frame
    from claimcheck.rules import load_rules

    claims = claims_frame(extract_document(read_document(LAYOUTS / "written_statement_allocations.txt")))
    rule = next(r for r in load_rules(Path(__file__).parent.parent / "rules") if r.id == "parts-add-up")
    messages = [f.message for f in run_rule(rule, claims, None).findings]
    assert messages == [
        "£45 million + £36 million + £25 million + £9 million (written_statement_allocations:5) comes to £113m to "
        "£117m, not £120 million",
        "£4 million + £3 million (written_statement_allocations:26) comes to £6m to £8m, not £9 million",
    ]

