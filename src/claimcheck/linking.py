"""Linking subjects across documents: which claims are about the same thing, and why.

Claims meet under one *entity* when their normalised subjects are equal, or
when one is a known alias, acronym or short form of the other:

- the same name once case, apostrophes, possessives and articles are folded
  ("The Children’s Social Care Innovation Programme" and "Children's social care innovation programme");
- an alias a rule file gives (`subject` + `aliases`);
- an acronym and its expansion, learnt from the corpus itself ("sector-led improvement (SLI) programme"
  makes "SLI" and "SLI programme" the same entity; "Regional Care Co-operatives (RCCs)" and "RCCs");
- a short form that ends a longer name with the same head noun ("the Innovation Programme" and
  "the Children’s Social Care Innovation Programme"), when the short form names only one longer one.

Only specific subjects link (`is_specific`: a name, or a statistic of a named place such as "the number of
children looked after in England"); generic ones ("the programme", "funding") never do: a shared word is not
a shared subject. Every link carries its reason, so the report can say why two
claims were compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from claimcheck.subjects import normalise_subject
from claimcheck.wordlists import words

HEADS = words("heads")
_ACRONYM_IN_SUBJECT = re.compile(r"\(([A-Z][A-Za-z]{1,8}?)s?\)")
ACRONYM_WORD = r"\b[A-Z][A-Za-z]?[A-Z][A-Za-z]{0,6}\b"  # SLI, RCCs, PiP, DfE
_GENERIC = words("generic")


@dataclass(frozen=True)
class Alias:
    """A rule's names for one subject: where they come from, for the explanation."""

    subject: str
    names: tuple[str, ...]
    source: str


def _head(key: str) -> str:
    word = key.split()[-1] if key else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _content_words(key: str) -> list[str]:
    return [w for w in key.split() if w not in _GENERIC and len(w) > 1]


def is_specific(key: str, written: str) -> bool:
    """Whether a subject names a particular thing: a proper name, an acronym, a modified programme noun, or a
    statistic of a named place ("number of children looked after in England": two documents giving it different
    values for one day disagree, where "the number of children looked after" may be a council's or the country's)."""
    if not key:
        return False
    words = _content_words(key)
    if not words:
        return False
    capitalised = re.search(r"(?:^|\s)[A-Z][\w’'-]*\s+(?:(?:of|for|and|in|on|the|to|at)\s+)*[A-Z]|" + ACRONYM_WORD,
                            written or "")
    return bool(capitalised) or (len(words) >= 2 and _head(key) in HEADS) \
        or (len(words) >= 3 and words[0] not in _ACTORS and _IN_PLACE.search(written or "") is not None)


_IN_PLACE = re.compile(r"\w\s+(?:in|across)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*$")
# who spends, not what is measured: "councils in England" may have spent, overspent or lacked any sum
_ACTORS = words("actors")


def acronyms(subjects: Iterable[str]) -> dict[str, str]:
    """ "sector-led improvement (SLI) programme" -> {"sli": "sector led improvement sli programme"}."""
    found: dict[str, str] = {}
    for written in subjects:
        if not isinstance(written, str):
            continue
        for m in _ACRONYM_IN_SUBJECT.finditer(written):
            found.setdefault(m.group(1).lower(), normalise_subject(written))
    return found


def link_subjects(claims: pd.DataFrame, aliases: Iterable[Alias] = ()) -> pd.DataFrame:
    """For every claim: `entity` (a key shared by claims about the same thing, or None), `entity_name`
    (the subject as most fully written) and `link_reason` (why the claim joined that entity)."""
    links = Links.of(claims["subject"], aliases)
    return links.frame(np.arange(len(claims)), claims.index)


LINK_COLUMNS = ("entity", "entity_name", "link_reason")


@dataclass
class Links:
    """Each claim's link as a code into `rows` ((entity, entity_name, link_reason), the last row all None):
    worked out once per distinct subject as written (a large corpus repeats a few thousand subjects over a
    million claims), in order of first appearance so that display names and reasons are the same. Kept as
    codes so that a caller can drop the unlinked claims before any column of a million strings is built."""

    codes: np.ndarray
    rows: np.ndarray  # object array of shape (distinct subjects + 1, 3)

    @classmethod
    def of(cls, subjects: pd.Series, aliases: Iterable[Alias] = ()) -> Links:
        codes, distinct = pd.factorize(subjects, use_na_sentinel=True)
        written = [s if isinstance(s, str) else None for s in distinct]
        keys = [normalise_subject(s) if s is not None else "" for s in written]
        table = _entity_table(list(zip(keys, written, strict=True)), list(aliases))
        rows = np.empty((len(keys) + 1, len(LINK_COLUMNS)), dtype=object)  # code -1: no subject, the last row
        for at, key in enumerate(keys):
            rows[at] = table.get(key, (None, None, None))
        return cls(codes, rows)

    def linked(self) -> np.ndarray:
        """Per claim, whether it joined an entity."""
        return np.not_equal(self.rows[:, 0], None)[self.codes]

    def frame(self, positions: np.ndarray, index: pd.Index) -> pd.DataFrame:
        """The link columns of the claims at `positions`, under `index`."""
        picked = self.rows[self.codes[positions]]
        # lists, not object arrays, so pandas infers each column's type the way Series.map did
        return pd.DataFrame({
            column: pd.Series(picked[:, at].tolist(), index=index, dtype=None if len(index) else "str")
            for at, column in enumerate(LINK_COLUMNS)
        }, index=index)


def _entity_table(pairs: list[tuple[str, str | None]], aliases: list[Alias]) -> dict[str, tuple[str, str, str]]:
    """key -> (entity key, display name, reason) for every specific subject key."""
    alias_of: dict[str, tuple[str, str, str]] = {}
    for alias in aliases:
        target = normalise_subject(alias.subject)
        for name in (alias.subject, *alias.names):
            alias_of[normalise_subject(name)] = (target, alias.subject, f"{name!r} is named in {alias.source}")
    spelled: dict[str, list[str]] = defaultdict(list)
    for key, written in pairs:
        if key and isinstance(written, str) and (is_specific(key, written) or key in alias_of):
            spelled[key].append(written)
    known = acronyms(w for names in spelled.values() for w in names)
    table: dict[str, tuple[str, str, str]] = {}
    for key, names in spelled.items():
        display = max(names, key=len)
        table[key] = (key, display, "the same name" if len(set(names)) == 1 else
                      f"the same name written {len(set(names))} ways")
    for key in spelled:
        rule = next((v for name, v in alias_of.items() if name and re.search(rf"\b{re.escape(name)}\b", key)), None)
        if rule:
            table[key] = rule
            continue
        words = key.split()
        short = words[0].rstrip("s") if words and words[0].rstrip("s") in known else (words[0] if words else "")
        if short in known and (len(words) == 1 or (len(words) == 2 and _head(key) in HEADS)):
            long_key = known[short]
            if long_key != key:
                display = table.get(long_key, (long_key, long_key, ""))[1]
                table[key] = (long_key, display, f"{spelled[key][0].split()[0]} is the acronym of {display!r}")
                continue
        longer = [o for o in spelled if o != key and o.endswith(" " + key) and _head(o) == _head(key)]
        if len(_content_words(key)) >= 2 and len(longer) == 1:
            target = longer[0]
            table[key] = (target, table[target][1], f"{spelled[key][0]!r} is a short form of {table[target][1]!r}")
    return table
