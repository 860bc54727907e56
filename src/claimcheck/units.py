"""Units: one Pint registry for the package, and the amounts Pint cannot read by itself.

Pint silently drops '£' and reads 'm' as metre and has no 'million', so the
number and its magnitude word are parsed here and Pint only ever sees a
canonical unit name. Pint defines and converts; the hot path keeps plain
floats with a unit string, and conversion factors are cached per unit pair.

Importing Pint and building its registry take about half a second, more
than a small run spends on everything else, and a corpus has only a handful
of distinct units. So Pint is started on first use, and `recall`/`keep`
store its answers (per unit, per pair) beside the claims cache: a run that
meets no new unit never starts Pint. The answers are Pint's own, keyed by
Pint's version and our definitions; everything built on them runs each time.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pint

DEFINITIONS = (
    "GBP = [currency] = pound_sterling",
    "penny = GBP / 100 = pence",
    # other currencies are their own dimensions: no exchange rate is known offline, so they never meet pounds
    "EUR = [currency_eur] = euro",
    "USD = [currency_usd] = us_dollar",
    "percentage_point = percent = pp",
)
CURRENCY_SIGNS = {"£": "GBP", "€": "EUR", "$": "USD", "us$": "USD", "gbp": "GBP", "eur": "EUR", "usd": "USD"}
CURRENCY_WORDS = {"pounds": "GBP", "pounds sterling": "GBP", "euros": "EUR", "dollars": "USD"}
CURRENCIES = ("GBP", "EUR", "USD")

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # "1,234.5" or "1234.5", as a regular expression
MAGNITUDES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "tn": 1e12, "trillion": 1e12,
}
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}


class UnitError(ValueError):
    """A unit or amount that could not be understood; the message names it."""


@cache
def registry() -> pint.UnitRegistry:
    import pint

    ureg = pint.UnitRegistry(on_redefinition="ignore")
    for definition in DEFINITIONS:
        ureg.define(definition)
    return ureg


def _pint_dimensionality(unit: str) -> str | None:
    import pint

    try:
        return str(registry().parse_units(unit).dimensionality)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, TypeError,
            ValueError, AssertionError):
        return None


def _pint_factor(pair: str) -> float | None:
    import pint

    from_unit, to_unit = pair.split(" -> ")
    try:
        return float(registry().Quantity(1.0, from_unit).to(to_unit).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        return None


def _pint_unit(words: str) -> str | None:
    import pint

    try:
        return str(registry().parse_units(words))
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError):
        return None


_QUESTIONS: dict[str, Callable[[str], object]] = {
    "dimensionality": _pint_dimensionality, "factor": _pint_factor, "unit": _pint_unit,
}
_ANSWERS: dict[str, dict[str, object]] = {question: {} for question in _QUESTIONS}
_ASKED = {"new": False}


def _ask(question: str, key: str):
    """Pint's answer to `question` about `key` (None: Pint refused), from memory when an earlier run asked."""
    answers = _ANSWERS[question]
    if key not in answers:
        answers[key] = _QUESTIONS[question](key)
        _ASKED["new"] = True
    return answers[key]


@cache
def _stamp() -> str:
    from importlib.metadata import version

    return f"pint {version('pint')}; " + "; ".join(DEFINITIONS)


def recall(path: Path) -> None:
    """Adopt the answers `keep` stored, if Pint's version and our definitions are the same; a missing,
    unreadable or foreign file is ignored (Pint is asked again)."""
    try:
        stored = json.loads(Path(path).read_text(encoding="utf-8"))
        if stored.get("stamp") != _stamp():
            return
        for question, answers in _ANSWERS.items():
            answers.update({str(key): value for key, value in stored["answers"][question].items()
                            if value is None or isinstance(value, str | float | int)})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return


def new_answers() -> dict[str, dict[str, object]] | None:
    """Every answer, when Pint was asked something new in this process (a forked lane of checks sends them
    back, so that `keep` in the run's process stores them); else None."""
    return _ANSWERS if _ASKED["new"] else None


def adopt(answers: dict[str, dict[str, object]] | None) -> None:
    """Take the answers another process worked out (`new_answers`); `keep` stores them if any is new."""
    for question, known in (answers or {}).items():
        new = {key: value for key, value in known.items() if key not in _ANSWERS[question]}
        if new:
            _ANSWERS[question].update(new)
            _ASKED["new"] = True


def keep(path: Path) -> None:
    """Store Pint's answers when this run asked anything new; a failed write only costs the next run time."""
    if not _ASKED["new"]:
        return
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps({"stamp": _stamp(), "answers": _ANSWERS}, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
        _ASKED["new"] = False
    except OSError:
        temporary.unlink(missing_ok=True)


@cache
def factor(from_unit: str, to_unit: str) -> float:
    """The multiplier taking a value in `from_unit` to `to_unit` (cached: no Quantity per claim)."""
    if dimensionality(from_unit) != dimensionality(to_unit):
        raise UnitError(f"cannot convert {from_unit!r} to {to_unit!r}: a count is not a percentage")
    multiplier = _ask("factor", f"{from_unit} -> {to_unit}")
    if multiplier is None:
        raise UnitError(f"cannot convert {from_unit!r} to {to_unit!r}")
    return float(multiplier)


_PERCENT = re.compile(r"\bpercent|\bpercentage_point|\bpp\b")


@cache
def dimensionality(unit: str) -> str:
    """A key that is equal for units that can be compared ("GBP" and "GBP / year" differ).

    Pint calls both `count` and `percent` dimensionless, but a count is not a
    percentage even when both say "19", so percentages get a key of their own.
    """
    dim = _ask("dimensionality", unit) if isinstance(unit, str) else None
    if dim is None:
        raise UnitError(f"unknown unit {unit!r}")
    return f"percent {dim}" if _PERCENT.search(unit) else dim


def compatible(unit_a: str, unit_b: str) -> bool:
    return dimensionality(unit_a) == dimensionality(unit_b)


def check_unit(unit: str) -> str:
    """The unit string itself if Pint knows it, else UnitError naming it."""
    dimensionality(unit)
    return unit


def per_head_unit(digits: str) -> str:
    """The unit of a rate per so many people or things ("per 10,000 children" -> `count / (10000 * count)`)."""
    return f"count / ({digits.replace(',', '')} * count)"


def number_value(digits: str) -> float:
    """ "1,234.5" -> 1234.5."""
    return float(digits.replace(",", ""))


def scaled(digits: str, multiplier: float = 1.0) -> float:
    """ "4.1" million -> 4,100,000.0: in decimal, since in binary 4.1 × 10⁶ is 4,099,999.9999999995 and a
    stated figure must equal the same figure stated elsewhere."""
    return float(Decimal(digits.replace(",", "")) * Decimal(repr(multiplier)))


_WORD_BREAK = re.compile(r"[\s-]+")


def number_words(text: str) -> float | None:
    """ "twenty-five" -> 25, "three hundred" -> 300, "six" -> 6; None if not a number in words."""
    total = current = 0.0
    seen = False
    for word in _WORD_BREAK.split(text.lower().strip()):
        if word in ("and", ""):
            continue
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in SCALE_WORDS and (seen or word == "hundred"):
            scale = SCALE_WORDS[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def step_of(digits: str, multiplier: float = 1.0) -> float:
    """The rounding step the written digits imply: "8.4" million -> 100,000; "680" million -> 1,000,000."""
    digits = digits.replace(",", "")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return multiplier * 10.0 ** (-decimals)


_AMOUNT = re.compile(
    r"^\s*(?P<cur>£|GBP\s*)?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<mag>thousand|million|billion|trillion|mn|bn|tn|k|m|b)?\b"
    r"(?:\s*(?P<pct>%|per\s*cent|percent))?\s*(?P<rest>.*?)\s*$",
    re.I,
)
_RATE_SUFFIX = re.compile(r"^(?:a|per|each|every)\s+(year|annum|month|week|day)$|^(annually|yearly)$", re.I)


def parse_amount(text: str) -> tuple[float, str]:
    """An amount as a rule writes it ("£100 million", "152 local authorities", "21%", "£50m a year",
    "3 years") -> (value, Pint unit string). Raises UnitError naming what it could not read."""
    m = _AMOUNT.match(text)
    if not m:
        raise UnitError(f"cannot read an amount in {text!r}")  # the caller says what it expected
    value = number_value(m["num"])
    if m["mag"]:
        mag = m["mag"].lower()
        if mag not in MAGNITUDES:
            raise UnitError(f"unknown magnitude {m['mag']!r} in {text!r}")
        value = scaled(m["num"], MAGNITUDES[mag])
    rest = m["rest"]
    if m["pct"]:
        if rest:
            raise UnitError(f"unexpected {rest!r} after a percentage in {text!r}")
        return value, "percent"
    if m["cur"]:
        if not rest:
            return value, "GBP"
        rate = _RATE_SUFFIX.match(rest)
        if rate:
            per = rate.group(1) or "year"
            return value, f"GBP / {'year' if per == 'annum' else per}"
        if re.fullmatch(r"[a-z]+illions?", rest.split()[0].lower()):
            raise UnitError(f"unknown magnitude {rest.split()[0]!r} in {text!r}")
        raise UnitError(f"unknown unit {rest!r} in {text!r}")
    if not rest:
        return value, "count"
    if re.fullmatch(r"[A-Za-z][A-Za-z\s’'-]*", rest) and not re.search(r"\d", rest):
        unit = _ask("unit", rest.strip().lower())
        if unit is not None:
            return value, unit
        if rest.split()[0].lower() in MAGNITUDES or re.fullmatch(r"[a-z]+illions?", rest.split()[0].lower()):
            raise UnitError(f"unknown magnitude {rest.split()[0]!r} in {text!r}")
        return value, "count"  # "152 local authorities": a count of the named things
    raise UnitError(f"unknown unit {rest!r} in {text!r}")
