"""Things that look numeric but are not claims must never come out as claims."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract import extract_text
from claimcheck.pipeline import load_corpus
from conftest import SEEDS


@pytest.mark.parametrize("text", [
    "Further information can be found here: "
    "https://www.gov.uk/government/publications/tackling-child-sexual-exploitation--2",
    "The announcement can be found online here: "
    "www.gov.uk/government/news/pm-announces-new-taskforce-to-transform-child-protection.",
    "We invested in the COVID-19 Regional Recovery Fund to address COVID-19 pressures.",
    "SFR 34/2015: Contact: Email: [email protected]. Press office: 020 7783 8300 Public enquiries: 0370 000 2288",
    "To ask the Secretary of State, further to question 113552, what steps she is taking.",
    "Under section 17 of the Children Act 1989 local authorities must act.",
    "How Alex Allan sailed through a 1980s rail strike",
    "This increase is in line with the findings from Wave 22 of the survey.",
    "Address: Public Accounts Committee, House of Commons, London, SW1A 0AA",
    "Data is taken from the annual SSDA903 data collection.",
    "1. Introduction",
    "Reporting year 2021",
    "Rates for earlier years have not yet been revised following the 2021 census.",
    "Children aged 16+ years and 10 to 15-year-olds were counted separately.",
    "The hubs serve children aged 0 to 19, or up to 25 for those with special educational needs.",
    "Young people aged 16 or 17 were placed in supported accommodation.",
    "The meeting starts at 10:30am on the first floor.",
    "Read more in Table 3 and paragraph 4.2 of the report.",
    "HC Deb 12 March 2023 vol 729 col 456W.",
    "See paragraph 3.2 and Annex A on pages 12-15.",
    "See page 3 of 12 for the methodology.",  # (and PDF-to-text's running footer, "Page 2 of 40")
    "The helpline is open 24/7 on 0300 123 4567.",
    "Year 6 pupils sit Key Stage 2 tests; GCSE grade 4 is a standard pass.",
    "Ref: DFE-00123-2023, ISBN 978-1-83870-123-4.",
    "The M25 and A1 roads were closed.",
    "1. What assessment she has made of the adequacy of funding for children's social care. (901234)",
])
def test_not_a_claim(text):
    claims = extract_text(text, date(2020, 1, 1))
    assert not [c for c in claims if c.kind != "date"], [(c.text, c.kind) for c in claims]


@pytest.mark.parametrize("line", ["View Source", "Reticulating Splines", "Share this page", "Portrait",
                                  "Read the most recent articles written by Jim.Dunton - 2 things about 3 councils",
                                  # GOV.UK: an attachment, its accessibility notes, the feedback form, cookies
                                  "PDF, 3.2 MB, 233 pages", "ODS, 45.6 KB", "Request an accessible format.",
                                  "This file may not be suitable for users of assistive technology.",
                                  "No this page is not useful", "Ref: CMA-2022-01", "Ref: DFE-00123-2023",
                                  "Accept additional cookies Reject additional cookies View cookies",
                                  "We use some essential cookies to make this website work.",
                                  # GOV.UK's footer: the day a page changed, with the link to its history
                                  "Last updated 8 March 2024 + show all updates",
                                  # a news page's one-line link to another article
                                  "Read more: Councils warn of £2.7bn children's services black hole",
                                  "Related: Council spent £5m on agency staff in 2023"])
def test_furniture_yields_nothing(line):
    assert extract_text(f"Intro.\n{line}\n", date(2020, 1, 1)) == []


def test_seed_negatives_and_metadata_lines_yield_nothing():
    claims = load_corpus([SEEDS]).claims
    texts = " ".join(claims["text"])
    for negative in ("COVID-19", "1980s", "www.gov.uk", "https://", "Share this page"):
        assert negative not in texts
    metadata_lines = {("000_3d31146daf813412", 3), ("000_3d31146daf813412", 13), ("004_d6d10dc4c519bdc7", 8),
                      ("003_ee7aad5dbe5596f3", 13), ("004_d6d10dc4c519bdc7", 41)}
    found = set(zip(claims["doc"], claims["line"], strict=True))
    assert not metadata_lines & found


@pytest.mark.parametrize("text, numbered", [
    ("1 Local authorities spent £8.6 billion on children's social care in 2017-18.", True),
    ("2.14 The Department has not evaluated the programme as a whole, the report said.", True),
    ("13 October 2017 was the day the programme opened to new bids from councils.", False),
    ("12 local authorities spent more than they had budgeted for children's homes.", False),
])
def test_a_report_s_paragraph_number_is_not_a_count(text, numbered):
    first = [c.text for c in extract_text(text, date(2020, 1, 1)) if c.start == 0]
    assert (not first) == numbered, first
