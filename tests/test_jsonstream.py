"""`report/jsonstream.py`: JSON in pieces, long lists one compact record a line, never held whole."""

from __future__ import annotations

import json

import pytest

from claimcheck.report.jsonstream import Records, document
from conftest import strict_json

CASES = [
    {},
    [],
    {"a": 1, "b": [], "c": {}, "d": None, "e": "£100m “quoted”\nnext line"},
    {"checks": [{"id": "x", "findings": Records([{"m": 1}, {"m": 2}])}], "claims": Records([])},
    [1, [2, [3, {"k": Records([{"v": 0.5}])}]]],
]


def materialised(value):
    if isinstance(value, Records):
        return [materialised(item) for item in value.items]
    if isinstance(value, dict):
        return {key: materialised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [materialised(item) for item in value]
    return value


@pytest.mark.parametrize("value", CASES)
def test_pieces_parse_to_the_value(value):
    expected = json.loads(json.dumps(materialised(value)))
    text = "".join(document(value))
    assert json.loads(text) == expected
    assert text.endswith("\n")


def test_the_outline_is_indented_and_each_record_is_one_line():
    text = "".join(document({"tool": "claimcheck", "claims": Records([{"doc": "a", "value": 1}, {"doc": "b"}])}))
    assert text.splitlines() == [
        "{",
        '  "tool": "claimcheck",',
        '  "claims": [',
        '    {"doc": "a", "value": 1},',
        '    {"doc": "b"}',
        "  ]",
        "}",
    ]


def test_an_empty_outline_reads_as_json_dumps_writes_it():
    value = {"summary": {"passed": 2}, "focus": None, "checks": [{"id": "x", "findings": []}]}
    assert "".join(document(value)) == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def test_records_are_taken_one_at_a_time():
    """A generator of a million claims is written as it comes: the first pieces are out before it is done."""
    pulled = []

    def claims():
        for n in range(1000):
            pulled.append(n)
            yield {"n": n}

    pieces = document({"claims": Records(claims())})
    for piece in pieces:
        if '"n": 0' in piece:
            break
    assert pulled == [0]


def test_an_open_interval_is_written_as_null_never_as_infinity():
    """"more than £680 million" has no upper end: the claim's `high` is infinite in Python, but `Infinity` and `NaN`
    are not JSON and a strict reader (jq, JavaScript, Go) refuses the whole file. An open end is null."""
    value = {"high": float("inf"), "claims": Records([{"low": float("-inf"), "high": float("inf"), "value": 680e6},
                                                     {"value": float("nan"), "nested": [1.5, {"x": float("inf")}]}])}
    data = strict_json("".join(document(value)))
    assert data == {"high": None, "claims": [{"low": None, "high": None, "value": 680e6},
                                            {"value": None, "nested": [1.5, {"x": None}]}]}
