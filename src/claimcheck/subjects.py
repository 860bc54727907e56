"""Subject names normalised so that claims about the same thing meet.

One place on purpose: the extractor's `subject_key` may later replace this,
and rules, checks and the report all go through `normalise_subject`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from claimcheck.wordlists import words

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
    """True for claims whose subject (as written, or its key) contains one of `names` as whole words, not as what
    a response answers."""
    keys = [normalise_subject(n) for n in names]
    keys = [k for k in keys if k]
    mask = pd.Series(False, index=claims.index)
    if not keys or claims.empty:
        return mask
    # a response to a thing is not the thing: "government response to the independent review"
    pattern = re.compile(r"(?<!\bresponse to )(?<!\bresponse to the )(?<!\breply to )(?<!\breply to the )\b(?:"
                         + "|".join(re.escape(k) for k in keys) + r")\b")
    for column in ("subject", "subject_key"):
        mask |= _matching(claims[column], normalise_subject, pattern)
    return mask


def _matching(values: pd.Series, normalise, pattern: re.Pattern) -> pd.Series:
    """True where `pattern` is in the normalised value: normalised once per distinct value, since a large
    corpus repeats a few thousand subjects and nouns a million times. A categorical column (the claims
    table's) is matched on its categories and read through its codes: no pass hashing 1.5M values."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        hits = np.array([bool(pattern.search(normalise(value))) for value in values.cat.categories] + [False])
        return pd.Series(hits[values.cat.codes.to_numpy()], index=values.index)  # code -1 (missing) reads False
    distinct = values.dropna().unique()
    return values.isin([value for value in distinct if pattern.search(normalise(value))])


def noun_mask(claims: pd.DataFrame, noun: str) -> pd.Series:
    """True for claims whose counted noun is `noun` (singular/plural alike), perhaps qualified ("local authorities
    judged inadequate", "children in care"); not where it only qualifies another noun: "2,500 local authority
    children's homes places" and "380 local authority maintained schools" count places and schools."""
    key = noun_key(noun)
    pattern = re.compile(r"\b" + re.escape(key) + r"\b")
    distinct = claims["counted"].dropna().unique()
    return claims["counted"].isin([value for value in distinct if _counts(value, key, pattern)])


def _counts(counted: str, key: str, pattern: re.Pattern) -> bool:
    """Whether a counted noun phrase counts `key` (a `noun_key`): a singular noun before more words is a
    modifier ("local authority children's homes"); a plural one may be followed only by what qualifies it (a
    function word, a participle: "local authorities judged inadequate")."""
    keyed = noun_key(counted)
    found = pattern.search(keyed)
    if found is None:
        return False
    written = normalise_subject(counted).split()  # the same words as `keyed`, before they were made singular
    last = keyed[:found.end()].count(" ")  # the index of the key's last word
    if last + 1 == len(written):
        return True
    following = written[last + 1]
    return plural(written[last]) and (following in _FOLLOWERS or following.endswith(("ed", "ing")))


_FOLLOWERS = words("function_words")
_IRREGULAR_PLURALS = frozenset({"children", "people", "staff", "women", "men"})


def plural(word: str) -> bool:
    """ "children", "authorities" (a noun a count counts), not "business" or "status"."""
    word = word.lower()
    return (word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _ENDS_IN_S) \
        or word in _IRREGULAR_PLURALS


# words ending in "s" that are no plural noun: "2019 was a bad year" is a year, not 2019 of something
_ENDS_IN_S = frozenset("was has does its as always perhaps towards whereas besides afterwards sometimes".split())
