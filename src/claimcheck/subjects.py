"""Subject names normalised so that claims about the same thing meet.

One place on purpose: the extractor's `subject_key` may later replace this,
and rules, checks and the report all go through `normalise_subject`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^\w]+")
_ARTICLE = re.compile(r"^(?:the|a|an|our|its|their)\s+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalise_subject(text: str | None) -> str:
    """ "The Children’s Social Care Innovation Programme" -> "children social care innovation programme".

    Cached: a large corpus repeats a few thousand subjects over a million claims, and linking,
    discovery, rules and the report all ask for the same keys."""
    if not text or not isinstance(text, str):
        return ""
    text = text.translate(_APOSTROPHES).lower()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text).strip()
    text = _ARTICLE.sub("", text)
    return _SPACES.sub(" ", text)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 14)
def noun_key(text: str | None) -> str:
    """A counted noun as a key: "Local Authorities" and "local authority" meet."""
    return " ".join(_singular(w) for w in normalise_subject(text).split())


def subject_mask(claims: pd.DataFrame, names: Iterable[str]) -> pd.Series:
    """True for claims whose subject (as written, or its key) contains one of `names` as whole words."""
    keys = [normalise_subject(n) for n in names]
    keys = [k for k in keys if k]
    mask = pd.Series(False, index=claims.index)
    if not keys or claims.empty:
        return mask
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b")
    for column in ("subject", "subject_key"):
        mask |= _matching(claims[column], normalise_subject, pattern)
    return mask


def _matching(values: pd.Series, normalise, pattern: re.Pattern) -> pd.Series:
    """True where `pattern` is in the normalised value: normalised once per distinct value, since a large
    corpus repeats a few thousand subjects and nouns a million times."""
    distinct = values.dropna().unique()
    return values.isin([value for value in distinct if pattern.search(normalise(value))])


def noun_mask(claims: pd.DataFrame, noun: str) -> pd.Series:
    """True for claims whose counted noun contains `noun` (singular/plural alike)."""
    key = noun_key(noun)
    pattern = re.compile(r"\b" + re.escape(key) + r"\b")
    return _matching(claims["counted"], noun_key, pattern)
