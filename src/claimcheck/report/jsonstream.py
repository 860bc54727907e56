"""JSON written piece by piece, so a report over a large corpus is never one string in memory.

At 100k documents `--format json` carries 1.5M claims and over 100k findings: built as one
object and one `json.dumps(indent=2)` string, it took 100 s and 12 GB, most of it in the
pure-Python encoder `indent` forces (the C encoder only writes compact JSON). Here the
outline is indented for reading, and each record in a long list (a document, a claim, a
finding, a SARIF result) is one compact line, written by the C encoder as it is reached.

The files are strict JSON: an infinite or missing float (the open end of "more than £680 million",
whose `high` is infinite) is written as null. Python writes `Infinity` and `NaN` by default, and
jq, JavaScript and Go refuse a file that holds them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator

INDENT = "  "


class Records:
    """A list written one compact record a line, as its items come (a generator is never held whole)."""

    def __init__(self, items: Iterable) -> None:
        self.items = items


def dumps(value: object) -> str:
    """`value` as compact strict JSON. Most records hold only finite numbers and go straight to the C encoder;
    one that holds an infinite or NaN float is written again with those as null."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(finite(value), ensure_ascii=False, allow_nan=False)


def finite(value: object) -> object:
    """`value` with every infinite or NaN float, however deep, replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def chunks(value: object, level: int = 0) -> Iterator[str]:
    """`value` as JSON text in pieces: dicts and lists indented, `Records` one record a line."""
    pad = INDENT * (level + 1)
    if isinstance(value, Records):
        empty = True
        for item in value.items:
            yield ("[\n" if empty else ",\n") + pad + dumps(item)
            empty = False
        yield "[]" if empty else "\n" + INDENT * level + "]"
    elif isinstance(value, dict) and value:
        for n, (key, item) in enumerate(value.items()):
            yield ("{\n" if n == 0 else ",\n") + pad + dumps(key) + ": "
            yield from chunks(item, level + 1)
        yield "\n" + INDENT * level + "}"
    elif isinstance(value, list) and value:
        for n, item in enumerate(value):
            yield ("[\n" if n == 0 else ",\n") + pad
            yield from chunks(item, level + 1)
        yield "\n" + INDENT * level + "]"
    else:
        yield dumps(value)


def document(value: object) -> Iterator[str]:
    """A whole JSON file: `value` and a final newline."""
    yield from chunks(value)
    yield "\n"
