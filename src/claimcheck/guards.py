"""Cheap necessary conditions, tested before a costly pattern is run over a sentence or a line: shared by reading
a document (furniture, metadata) and extracting its claims, so it stands outside both.

Most sentences hold none of what most patterns look for, and a pattern that can start anywhere is tried at
every position (about 30 ns each, so several µs a sentence for each pattern): a test for a word the pattern
cannot match without ("half", "out of") skips it in a fraction of that. Each guard must be a *necessary*
condition, so that skipping a pattern never changes what is found.

A pattern compiled with re.I also matches "ſ" (long s) for "s" and "ı" or "İ" for "i", which `str.lower()`
keeps apart, so a guard tests its needles on `folded` text, never on a plain `lower()`. tests/test_guards.py
generates the strings each guarded pattern matches and checks its guard on all of them: a pattern edited
without its guard fails there. docs/performance.md tells the whole story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

_FOLDS = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def fold(text: str) -> str:
    """`text` in lower case with the three letters re.I folds to 's' and 'i' made those letters: a needle
    (lower case ASCII) is in `fold(text)` whenever a re.I pattern holding it as a literal matches `text`."""
    if not text.isascii() and ("ſ" in text or "ı" in text or "İ" in text):
        text = text.translate(_FOLDS)
    return text.lower()


folded = lru_cache(maxsize=16)(fold)  # for a sentence that several guards test


@dataclass(frozen=True)
class Endings:
    """The last words of what a pattern anchored at the end (`(?:phrases)\\s*$`) matches, which is otherwise
    tried at every position of a text: `free` words, and `led` words that it only matches after a space and one
    of their leading words ("than" after "more", "less"...: "than" alone ends many texts)."""

    free: tuple[str, ...]
    led: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def end(self, tail: str) -> bool:
        """Whether `tail`, without the spaces and full stops it ends with, ends with one of the words."""
        text = fold(tail).rstrip().rstrip(".")
        if text.endswith(self.free):
            return True
        for word, leaders in self.led:
            if text.endswith(word):
                rest = text[:-len(word)]
                if rest[-1:].isspace() and rest.rstrip().endswith(leaders):
                    return True
        return False


def any_in(needles: tuple[str, ...], text: str) -> bool:
    """Whether one of `needles` is a substring of `text`."""
    for needle in needles:  # noqa: SIM110 - a plain loop: any() over a generator costs a third more here
        if needle in text:
            return True
    return False


def holds_word(text: str, word: str) -> bool:
    """Whether `word` (a run of the characters [\\w’'-]) stands in `text` as a whole run of them: an
    occurrence with none of those characters either side. A few of these searches cost less than
    splitting every sentence of a document into its words."""
    return next(words_at(text, word), None) is not None


def words_at(text: str, word: str, word_char: Callable[[str], bool] | None = None) -> Iterator[int]:
    """Where `word` stands in `text` with no `word_char` either side (by default [\\w’'-], as `holds_word`
    reads words), found with `str.find`, C's fast search for a fixed string."""
    inside = word_char or _word_char
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not inside(text[at - 1])) and (end == len(text) or not inside(text[end])):
            yield at
        at = text.find(word, at + 1)


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_’'-"  # as [\w’'-] reads a character: checked over all of Unicode
