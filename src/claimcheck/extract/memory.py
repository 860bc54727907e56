"""What a document has named so far, and what a sentence refers back to: "The programme covers 50 projects" is
about the programme an earlier sentence named. `document` keeps one `Memory` a document, filled as it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from claimcheck.extract.period_grammar import TimeSpan
from claimcheck.extract.subjects import ACRONYM, CONNECTORS, HEADS, Entity, entities
from claimcheck.guards import holds_word

_WORD = re.compile(r"[\w’'-]+")
_HEAD_AT_END = re.compile(r"\s+(?:" + "|".join(HEADS) + r")$")


@dataclass
class Memory:
    """What a document has named so far: programmes by head noun, acronyms, longer names of short names.

    Lazy: sentences are queued as they are read and their names found only when a
    later figure needs to look back, so sentences without figures cost almost nothing.
    """

    by_head: dict[str, tuple[int, str]] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    block: int = 0  # the paragraph being read: sentences are queued under it
    latest_named: tuple[int, str] | None = None  # (paragraph, name) of the latest named programme
    latest_period: tuple[date, date] | None = None  # what "over the same period" refers to
    latest_points: tuple[str, str] | None = None  # the two times it ran between, if it did (`Context.points`)
    told_before: tuple[int, TimeSpan] | None = None  # (paragraph, period) of the last figure of the sentence just read
    latest_time: tuple[int, date] | None = None  # (paragraph, start) of the latest time told: `Context.then`
    told_about: tuple[int, str] | None = None  # (paragraph, subject) of the last figure of the sentence just read
    latest_counted: tuple[int, str] | None = None  # (paragraph, noun) of the latest count: what "of these" are
    _queue: list[tuple[int, str | list[Entity]]] = field(default_factory=list)
    # every sentence read so far, and (lazily) the first `_joined` of them lowercased, one a line: a document
    # asks whether a word was read a few times, so splitting each sentence into words as it was read cost more
    _texts: list[str] = field(default_factory=list)
    _read: str = ""
    _joined: int = 0

    def add_sentence(self, text: str, found: list[Entity] | None = None) -> None:
        """Queue a sentence (with its entities when they were already found)."""
        self._queue.append((self.block, found if found is not None else text))
        self._texts.append(text)

    def mentioned(self, words: str) -> bool:
        """Whether every word of `words` was read before: a cheap test before looking back properly."""
        if self._joined < len(self._texts):
            self._read += ("\n" if self._joined else "") + "\n".join(self._texts[self._joined:]).lower()
            self._joined = len(self._texts)
        return all(holds_word(self._read, w) for w in _WORD.findall(words.lower()))

    def _drain(self) -> None:
        for block, item in self._queue:
            for entity in (entities(item) if isinstance(item, str) else item):
                self.remember(entity)
                if entity.head and entity.score >= 3:
                    self.latest_named = (block, entity.text)
        self._queue.clear()

    def counted_in_paragraph(self) -> str | None:
        """What the paragraph's latest count counted: "800 foster carers. Around 400 of these were in London"."""
        return self.latest_counted[1] if self.latest_counted and self.latest_counted[0] == self.block else None

    def named_in_paragraph(self) -> str | None:
        """The programme an earlier sentence of this paragraph named: "It launched its Children’s Social Care
        Innovation Programme ... Between 2014–15 and 2019–20 the Department committed £212.8 million to 94
        projects" is money for that programme, though the sentence does not say so."""
        if not self._queue and (self.latest_named is None or self.latest_named[0] != self.block):
            return None
        self._drain()
        return self.latest_named[1] if self.latest_named and self.latest_named[0] == self.block else None

    def head(self, noun: str) -> str | None:
        """The latest named thing with this head noun ("programme" -> "Children's ... Innovation Programme")."""
        if not (self.mentioned(noun) or self.mentioned(_singular(noun)) or self.mentioned(_singular(noun) + "s")):
            return None
        self._drain()
        found = self.by_head.get(_singular(noun))
        return found[1] if found else None

    def remember(self, entity: Entity) -> None:
        if entity.head and entity.score >= 2:
            key = _singular(entity.head)
            # a later "broad review" must not hide "the Independent Review of Children's Social Care"
            if entity.score >= self.by_head.get(key, (0, ""))[0]:
                self.by_head[key] = (entity.score, entity.text)
        if entity.score >= 1 and len(entity.text.split()) >= 2:
            self.names.append(entity.text)
        if m := ACRONYM.search(entity.text):
            self.acronyms[m.group(1)] = entity.text

    def expand(self, text: str) -> str:
        """ "Step Up students" -> "Step Up to Social Work students" when the longer name was seen."""
        words = text.split()
        if len(words) < 2 or not words[0][0].isupper():
            return text
        if len(words) > 2 and (words[2][0].isupper() or words[2].lower() in CONNECTORS):
            return text  # already a full name, not a short form
        short = " ".join(words[:2])
        if not self.mentioned(short):
            return text
        self._drain()
        for name in reversed(self.names):
            at = name.find(short)
            if at < 0 or name[at:] == text or text.startswith(name[at:]):
                continue
            if at and name[at - 1] != " ":
                continue
            longer = _HEAD_AT_END.sub("", name[at:])
            if len(longer) > len(short):
                return longer + text[len(short):]
        return text


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_REFERENCE = re.compile(r"\b(?i:the|this|that|these|its|our)\s+(" + "|".join(sorted(HEADS, key=len, reverse=True))
                        + r")\b")


# "The review has found that ...", "The report estimates": who tells the figure, not what it is about
_TELLS = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:found|finds|estimates?|estimated|says?|said|reports?"
                    r"|reported|shows?|showed|shown|concludes?|concluded|recommends?|recommended|warns?|warned"
                    r"|calculates?|calculated|suggests?|suggested)\b")


@lru_cache(maxsize=32)
def _first_reference(sentence: str) -> re.Match | None:
    return next((m for m in _REFERENCE.finditer(sentence) if not _TELLS.match(sentence, m.end())), None)


def refers_back(sentence: str, pos: int, memory: Memory) -> str | None:
    """ "The programme", "this consultation", "the review": the named thing the document meant (not one that tells
    the figure: "The review has found that ...")."""
    best = None
    for m in _REFERENCE.finditer(sentence, max(0, pos - 300), pos):
        if not _TELLS.match(sentence, m.end()):
            best = m
    if best is None:
        best = _first_reference(sentence)
    if best is None:
        return None
    return memory.head(best.group(1))
