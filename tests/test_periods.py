"""The registry of time expressions: tried in the order their modules are imported, so that a longer
expression ("over three years from 2022-23") is tried before the point it holds ("2022-23")."""

from __future__ import annotations

from claimcheck.extract import periods  # noqa: F401 - registers the patterns
from claimcheck.extract.period_grammar import PATTERNS

ORDER = ["claimcheck.extract.period_patterns", "claimcheck.extract.period_lengths",
         "claimcheck.extract.period_calendar", "claimcheck.extract.period_points"]


def test_pattern_modules_register_in_their_order():
    modules = [handler.__module__ for _, handler, _ in PATTERNS]
    assert set(modules) == set(ORDER)
    ranks = [ORDER.index(module) for module in modules]
    assert ranks == sorted(ranks), "a module's patterns were registered out of order"
