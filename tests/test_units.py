"""The Pint registry and the amounts claimcheck reads itself."""

from __future__ import annotations

import pytest

from claimcheck.units import UnitError, compatible, factor, number_words, parse_amount, scaled, step_of


@pytest.mark.parametrize("text, value, unit", [
    ("£100 million", 1e8, "GBP"), ("£2bn", 2e9, "GBP"), ("£8.4m", 8.4e6, "GBP"),
    ("152 local authorities", 152, "count"),
    ("21%", 21, "percent"), ("5 per cent", 5, "percent"), ("£50m a year", 5e7, "GBP / year"),
    ("£50 million per annum", 5e7, "GBP / year"), ("3 years", 3, "year"), ("20 miles", 20, "mile"),
])
def test_parse_amount(text, value, unit):
    got_value, got_unit = parse_amount(text)
    assert got_value == pytest.approx(value) and got_unit == unit


@pytest.mark.parametrize("text", ["£100 zillion", "100 zillion", "lots", "£5 bananas", "5% of them"])
def test_parse_amount_refuses_what_it_cannot_read(text):
    with pytest.raises(UnitError):
        parse_amount(text)


def test_conversions_through_pint():
    assert factor("GBP / year", "GBP / day") == pytest.approx(1 / 365.25)
    assert factor("penny", "GBP") == pytest.approx(0.01)
    assert compatible("GBP", "GBP") and not compatible("GBP", "count") and not compatible("GBP", "GBP / year")
    with pytest.raises(UnitError):
        factor("GBP", "count")


@pytest.mark.parametrize("words, value", [("six", 6), ("twenty-five", 25), ("three hundred", 300),
                                          ("two thousand", 2000), ("the", None)])
def test_number_words(words, value):
    assert number_words(words) == value


def test_rounding_step_of_written_digits():
    assert step_of("8.4", 1e6) == pytest.approx(1e5)
    assert step_of("680", 1e6) == pytest.approx(1e6)
    assert step_of("72,670") == 1


def test_other_currencies_never_convert_to_pounds():
    """No exchange rate is known offline: euros and dollars are money, but never compared with pounds."""
    assert factor("EUR", "EUR") == 1.0
    assert factor("USD / year", "USD / month") == pytest.approx(1 / 12)
    for other in ("EUR", "USD"):
        with pytest.raises(UnitError):
            factor(other, "GBP")
    assert not compatible("EUR", "GBP")


@pytest.mark.parametrize("digits, multiplier, expected", [
    ("4.1", 1e6, 4_100_000.0), ("32.3", 1e9, 32_300_000_000.0), ("16.1", 1e9, 16_100_000_000.0),
    ("1,234.5", 1.0, 1234.5), ("0.75", 1e9, 750_000_000.0),
])
def test_a_stated_figure_is_scaled_in_decimal(digits, multiplier, expected):
    assert scaled(digits, multiplier) == expected  # 4.1 * 1e6 in binary is 4,099,999.9999999995


def test_a_rule_amount_equals_the_same_figure_in_a_document():
    assert parse_amount("£4.1 million") == (4_100_000.0, "GBP")
