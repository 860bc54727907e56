"""Properties of number parsing and normalisation, checked by hypothesis over many generated inputs."""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck import calendar
from claimcheck.documents import parse_document
from claimcheck.extract import extract_text
from claimcheck.units import parse_amount

QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MILLIONS = st.floats(min_value=0.1, max_value=999_999.9, allow_nan=False, allow_infinity=False)
YEARS = st.integers(min_value=1990, max_value=2090)


def money_claims(text: str) -> list:
    return [c for c in extract_text(text, doc_date=date(2020, 1, 1)) if c.kind == "money"]


@QUICK
@given(MILLIONS)
@example(8.4)
@example(1234.5)
def test_formatted_amount_reads_back_to_the_same_gbp(x):
    written = f"£{x:,.1f} million"
    (claim,) = money_claims(f"The programme received {written} for its work.")
    assert claim.unit == "GBP"
    assert math.isclose(claim.value, round(x, 1) * 1e6, rel_tol=1e-9)
    assert claim.low <= claim.value <= claim.high


@QUICK
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["m", "bn", " million", " billion"]))
def test_whole_amount_with_any_magnitude_word_reads_back(n, magnitude):
    (claim,) = money_claims(f"The fund is worth £{n}{magnitude} in total.")
    factor = 1e9 if "b" in magnitude else 1e6
    assert math.isclose(claim.value, n * factor, rel_tol=1e-9) and claim.unit == "GBP"


@QUICK
@given(YEARS, st.booleans())
def test_financial_year_label_round_trips_to_its_dates(year, long_form):
    second = f"{year + 1}" if long_form else f"{(year + 1) % 100:02d}"
    assert calendar.fy_start_year(str(year), second) == year
    start, end = calendar.financial_year(year)
    assert (start, end) == (date(year, 4, 1), date(year + 1, 3, 31))
    assert calendar.financial_year_of(start) == (start, end) == calendar.financial_year_of(end)
    assert calendar.financial_year_of(end + timedelta(days=1))[0] == date(year + 1, 4, 1)


@QUICK
@given(YEARS)
def test_financial_year_in_a_sentence_gives_the_claim_its_dates(year):
    label = f"{year}-{(year + 1) % 100:02d}"
    (claim,) = money_claims(f"The programme received £5 million in {label}.")
    assert (claim.period_start, claim.period_end) == (f"{year}-04-01", f"{year + 1}-03-31")


@QUICK
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", "thousand", "million", "billion", "m", "bn"]))
def test_parse_amount_round_trips_money(n, magnitude):
    factor = {"": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "bn": 1e9}[magnitude]
    for text in (f"£{n:,} {magnitude}".strip(), f"£{n}{magnitude}"):
        value, unit = parse_amount(text)
        assert unit == "GBP" and math.isclose(value, n * factor, rel_tol=1e-12), text


@QUICK
@given(st.decimals(min_value=0, max_value=100, places=2), st.sampled_from(["%", " per cent", " percent"]))
def test_parse_amount_round_trips_percentages(p, sign):
    assert parse_amount(f"{p}{sign}") == (float(p), "percent")


@QUICK
@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["", " a year", " per annum", " each month"]))
def test_parse_amount_round_trips_rates(n, per):
    value, unit = parse_amount(f"£{n:,}{per}")
    expected = {"": "GBP", " a year": "GBP / year", " per annum": "GBP / year", " each month": "GBP / month"}
    assert (value, unit) == (float(n), expected[per])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_extraction_never_raises(text, doc_date):
    for claim in extract_text(text, doc_date=doc_date):
        assert 0 <= claim.start <= claim.end
        assert claim.line >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_reading_any_text_never_raises(text):
    doc = parse_document(text, "generated")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as an editor numbers lines
    assert len(doc.lines) == len(lines) - (lines[-1] == "")
