"""The extractor's word lists, kept as data in `data/words.yaml`."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def _lists() -> dict[str, frozenset[str]]:
    text = resources.files("claimcheck").joinpath("data/words.yaml").read_text(encoding="utf-8")
    return {name: frozenset(block.split()) for name, block in yaml.safe_load(text).items()}


def words(name: str) -> frozenset[str]:
    return _lists()[name]
