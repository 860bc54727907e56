"""The Pint registry and the amounts claimcheck reads itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import units
from claimcheck.units import UnitError, compatible, factor, number_words, parse_amount, scaled, step_of

ROOT = Path(__file__).resolve().parents[1]
SEEDS, RULES = ROOT / "seeds", ROOT / "rules"


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


@pytest.fixture
def fresh_answers(monkeypatch):
    """Pint's answers as a new process starts: none remembered, none cached."""
    monkeypatch.setattr(units, "_ANSWERS", {question: {} for question in units._QUESTIONS})
    monkeypatch.setattr(units, "_ASKED", {"new": False})
    for memo in (units.dimensionality, units.factor):
        memo.cache_clear()
    yield
    for memo in (units.dimensionality, units.factor):
        memo.cache_clear()


def test_recalled_answers_are_used_without_asking_pint(fresh_answers, tmp_path, monkeypatch):
    stored = tmp_path / "units.json"
    stored.write_text(json.dumps({"stamp": units._stamp(), "answers": {
        "dimensionality": {"GBP": "[currency]", "furlong per fortnight": "[length] / [time]"},
        "factor": {"GBP -> GBP": 1.0}, "unit": {"local authorities": None},
    }}))
    units.recall(stored)
    monkeypatch.setattr(units, "_QUESTIONS", {})  # asking Pint now would be a KeyError
    assert units.dimensionality("furlong per fortnight") == "[length] / [time]"
    assert factor("GBP", "GBP") == 1.0
    assert parse_amount("152 local authorities") == (152, "count")
    units.keep(tmp_path / "again.json")
    assert not (tmp_path / "again.json").exists()  # nothing new was asked: nothing to write


@pytest.mark.parametrize("content", [
    "not json", "[]", json.dumps({"stamp": "pint 0.1; other definitions", "answers": {"dimensionality": {
        "GBP": "[time]"}, "factor": {}, "unit": {}}}),
    json.dumps({"stamp": units._stamp(), "answers": {"dimensionality": {"GBP": ["a list"]}, "factor": {},
                                                     "unit": {}}}),
])
def test_a_broken_or_foreign_answers_file_is_ignored(fresh_answers, tmp_path, content):
    stored = tmp_path / "units.json"
    stored.write_text(content)
    units.recall(stored)
    assert units.dimensionality("GBP") == "[currency]"
    assert not compatible("GBP", "GBP / year")


def test_keep_writes_what_pint_said_and_a_new_process_recalls_it(fresh_answers, tmp_path):
    assert factor("GBP / year", "GBP / day") == pytest.approx(1 / 365.25)
    with pytest.raises(UnitError):
        units.dimensionality("zillions")
    units.keep(tmp_path / "cache" / "units.json")
    stored = json.loads((tmp_path / "cache" / "units.json").read_text())
    assert stored["stamp"] == units._stamp()
    assert stored["answers"]["factor"]["GBP / year -> GBP / day"] == pytest.approx(1 / 365.25)
    assert stored["answers"]["dimensionality"]["zillions"] is None  # a refusal is remembered too


def test_a_cached_run_starts_pint_only_for_units_it_has_not_met(tmp_path):
    """Importing Pint and building its registry cost half a second: a warm run of the seeds never does (nor
    does it load the extractor, with nothing to extract)."""
    script = (
        "import sys; from claimcheck.cli import main; "
        f"status = main(['run', {str(SEEDS)!r}, '--rules', {str(RULES)!r}, '--cache-dir', {str(tmp_path)!r}, "
        f"'--report', {str(tmp_path / 'report.md')!r}]); "
        "print('pint' in sys.modules, 'claimcheck.extract.document' in sys.modules, status)"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert runs[0].stdout.splitlines()[-1] == "True True 0"
    assert runs[1].stdout.splitlines()[-1] == "False False 0"
    assert (tmp_path / "units.json").is_file()


def test_answers_worked_out_in_another_process_are_kept_here(fresh_answers, tmp_path):
    """A forked lane of checks sends back what it asked Pint (`new_answers`); this process adopts them and `keep`
    stores them with its own."""
    assert units.new_answers() is None  # nothing asked yet
    assert factor("GBP / year", "GBP / day") == pytest.approx(1 / 365.25)
    theirs = json.loads(json.dumps(units.new_answers()))  # as a pipe would carry them
    units._ANSWERS = {question: {} for question in units._QUESTIONS}  # this process: asked nothing
    units._ASKED["new"] = False
    units.adopt(None)
    assert not units._ASKED["new"]
    units.adopt(theirs)
    units.keep(tmp_path / "units.json")
    stored = json.loads((tmp_path / "units.json").read_text())
    assert stored["answers"]["factor"]["GBP / year -> GBP / day"] == pytest.approx(1 / 365.25)
    units.adopt(theirs)  # nothing new a second time
    assert not units._ASKED["new"]
