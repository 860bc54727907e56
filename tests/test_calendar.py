"""Hand-written calendars: UK financial years, seasons, Parliaments, day formats."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.calendar import (
    financial_year,
    financial_year_of,
    fy_start_year,
    parliament_of,
    parse_day,
    season_span,
    spending_review_named,
    spending_review_of,
)


@pytest.mark.parametrize("text, expected", [
    ("25th March 2015", date(2015, 3, 25)), ("13 Oct 2017", date(2017, 10, 13)), ("2026-02-06", date(2026, 2, 6)),
    ("Thursday 1 September 2022", date(2022, 9, 1)), ("November 18, 2024", date(2024, 11, 18)),
    ("18/11/2024", date(2024, 11, 18)), ("1st of May 2020", date(2020, 5, 1)),
    ("31 February 2020", None), ("March 2020", None), ("not a date", None),
    # header layouts: a short weekday, ISO with a time or slashes, day first with dashes or dots
    ("Tue 12 Mar 2024", date(2024, 3, 12)), ("Thurs. 14 March 2024", date(2024, 3, 14)),
    ("2024-03-12T09:30:00Z", date(2024, 3, 12)), ("2024/03/12", date(2024, 3, 12)),
    ("12-03-2024", date(2024, 3, 12)), ("12.03.2024", date(2024, 3, 12)),
    ("2024/03-12", None), ("12/3/24", None), ("13-13-2024", None),
    # a news page's date with its time of day
    ("Tuesday 9 January 2024 06:00 GMT", date(2024, 1, 9)), ("10:31, 9 January 2024", date(2024, 1, 9)),
    ("9 Jan 2024 | 6.05pm BST", date(2024, 1, 9)), ("9 January 2024 at 06:00", date(2024, 1, 9)),
    ("9 January 2024 12", None), ("12 2024", None),
])
def test_parse_day(text, expected):
    assert parse_day(text) == expected


@pytest.mark.parametrize("first, second, start", [("2014", "15", 2014), ("1999", "00", 1999), ("2014", "2015", 2014),
                                                  ("2010", "15", None), ("2015", "14", None)])
def test_financial_year_labels(first, second, start):
    assert fy_start_year(first, second) == start


def test_financial_year_spans():
    assert financial_year(2014) == (date(2014, 4, 1), date(2015, 3, 31))
    assert financial_year_of(date(2022, 1, 25)) == (date(2021, 4, 1), date(2022, 3, 31))
    assert financial_year_of(date(2022, 4, 1)) == (date(2022, 4, 1), date(2023, 3, 31))


def test_seasons_are_meteorological():
    assert season_span("spring", 2022) == (date(2022, 3, 1), date(2022, 5, 31))
    assert season_span("Winter", 2022) == (date(2022, 12, 1), date(2023, 2, 28))


def test_parliament_and_spending_review_tables():
    assert parliament_of(date(2015, 3, 25)) == (date(2010, 5, 18), date(2015, 3, 30))
    assert parliament_of(date(2015, 4, 15)) is None  # dissolved: no Parliament sitting
    assert spending_review_of(date(2017, 1, 1)) == (date(2016, 4, 1), date(2020, 3, 31))
    assert spending_review_named(2021) == (date(2022, 4, 1), date(2025, 3, 31))
    assert spending_review_named(2020) is None  # a one-year review the table does not hold


def test_the_spending_review_just_announced():
    # between Spending Review 2021's announcement (27 October 2021) and its first year (2022-23), "the Spending
    # Review period" is the one it sets; before the announcement no period in the table covers the day
    assert spending_review_of(date(2021, 10, 27)) == (date(2022, 4, 1), date(2025, 3, 31))
    assert spending_review_of(date(2022, 3, 31)) == (date(2022, 4, 1), date(2025, 3, 31))
    assert spending_review_of(date(2021, 10, 26)) is None
