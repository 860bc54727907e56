"""What checks hand to the report: findings (what disagrees, with evidence) and verdicts (one per check).

Evidence keeps numbers, not formatted text: formatting is the report's job,
and the report never needs to go back to the claims table or the documents.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

import numpy as np
import pandas as pd

from claimcheck.claims import plain_column

STATUSES = ("passed", "failed", "warning", "info", "skipped", "accepted")
STATUS_OF_SEVERITY = {"error": "failed", "warning": "warning", "info": "info"}


class Evidence(NamedTuple):
    """One claim (or one metadata field) taking part in a finding.

    A named tuple rather than a frozen dataclass: a check over a large corpus may name a few hundred
    thousand claims, and a tuple is built about three times faster."""

    doc: str
    line: int | None
    role: str  # figure, part, total, rate, asked, answered, promise, event...
    text: str = ""
    sentence: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    subject_key: str | None = None

    @property
    def location(self) -> str:
        return f"{self.doc}:{self.line}" if self.line else self.doc


def _num(value) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _str(value) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


EVIDENCE_COLUMNS = ("doc", "line", "text", "sentence", "value", "low", "high", "unit", "period_start", "period_end",
                    "subject_key")


def evidence_of(claims: pd.DataFrame, role: str) -> list[Evidence]:
    """`evidence(row, role)` for every row of `claims`, built column by column: a check over a large corpus
    may have a hundred thousand findings, and a Python call per field of each is what costs."""
    columns = [_column(claims, name) for name in EVIDENCE_COLUMNS]
    return [
        Evidence(doc, line, role, text, sentence, value, low, high, unit, start, end, key)
        for doc, line, text, sentence, value, low, high, unit, start, end, key in zip(*columns, strict=True)
    ]


_NUMBERS = {"value", "low", "high"}
_TEXTS = {"text", "sentence"}  # "" where missing, as in `evidence`; the other fields None


def _column(claims: pd.DataFrame, name: str) -> list:
    """Column `name` as Python values of `evidence`'s types (str, int, float)."""
    missing = "" if name in _TEXTS else None
    if name not in claims.columns:
        return [missing] * len(claims)
    column = claims[name]
    if name == "line":
        return column.astype(np.int64).tolist()
    if name in _NUMBERS:
        column = column.astype(np.float64)
    return plain_column(column, missing)  # strings are str already: categorical or object columns of str


def evidence(
    row: pd.Series,
    role: str,
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
    value: float | None = None,
) -> Evidence:
    """Evidence from a claims-table row; `low`/`high`/`unit` override the row's (after tolerance or
    conversion)."""
    return Evidence(
        doc=str(row["doc"]),
        line=int(row["line"]),
        role=role,
        text=_str(row["text"]) or "",
        sentence=_str(row["sentence"]) or "",
        value=_num(value if value is not None else row["value"]),
        low=_num(low if low is not None else row["low"]),
        high=_num(high if high is not None else row["high"]),
        unit=unit or _str(row["unit"]),
        period_start=_str(row["period_start"]),
        period_end=_str(row["period_end"]),
        subject_key=_str(row.get("subject_key")),
    )


class Finding(NamedTuple):
    """One discrepancy: a one-line message and the claims that disagree (a named tuple, as `Evidence`)."""

    message: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def locations(self) -> list[str]:
        return [e.location for e in self.evidence]

    def fingerprint(self, rule_id: str, kind: str) -> str:
        """A stable name for this finding: the rule and what the claims say, never where they stand.

        Built from the rule id and kind and, per claim, the document, role, normalised value
        (6 significant digits), unit and subject key (or the quoted text for metadata such as an
        asked date), so editing unrelated lines of a document leaves it unchanged.
        """
        claims = sorted(
            json.dumps(
                [
                    e.doc,
                    e.role,
                    None if e.value is None else f"{e.value:.6g}",
                    e.unit,
                    e.subject_key if e.value is not None else (e.subject_key or e.text),
                ],
                ensure_ascii=False,
            )
            for e in self.evidence
        )
        payload = json.dumps([rule_id, kind, claims], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


class OneClaimFindings(Sequence):
    """Findings of one claim each, all with the same message around the claim's words and place, built only
    when read. One rule over a large corpus may find a hundred thousand (`local-authorities-in-england`:
    122,451 at 100k documents) while the report shows 500 and the console 20: building them all was 0.5 s of
    every run. Read in any way (an index, a slice, a loop) they are the findings `Finding(template.format(e=e),
    (e,))` for `e` in `evidence_of(claims, role)`, in that order."""

    BATCH = 10_000  # findings built at a time when all are read

    def __init__(self, claims: pd.DataFrame, role: str, template: str) -> None:
        self.claims = claims[[name for name in EVIDENCE_COLUMNS if name in claims.columns]]
        self.role = role
        self.template = template  # str.format with `e`, the Evidence: "{e.text} ({e.location}) is ..."

    def __len__(self) -> int:
        return len(self.claims)

    @overload
    def __getitem__(self, at: int) -> Finding: ...
    @overload
    def __getitem__(self, at: slice) -> list[Finding]: ...
    def __getitem__(self, at):
        if isinstance(at, slice):
            chosen = range(len(self))[at]
            rows = self.claims.iloc[chosen.start:chosen.stop] if chosen.step == 1 else self.claims.iloc[list(chosen)]
            return self._built(rows)
        at = range(len(self))[at]  # raises IndexError as a list does; a negative index counts from the end
        return self._built(self.claims.iloc[at : at + 1])[0]

    def __iter__(self) -> Iterator[Finding]:
        for first in range(0, len(self), self.BATCH):
            yield from self._built(self.claims.iloc[first : first + self.BATCH])

    def _built(self, rows: pd.DataFrame) -> list[Finding]:
        return [Finding(self.template.format(e=e), (e,)) for e in evidence_of(rows, self.role)]

    def places(self) -> set[tuple[str, int]]:
        """(document, line) of every claim named, as `places` gives it, read from the columns."""
        lines = self.claims["line"].astype(np.int64).tolist()
        docs = plain_column(self.claims["doc"])
        return {(doc, line) for doc, line in zip(docs, lines, strict=True) if line}


def template_text(text: str) -> str:
    """`text` as a literal part of a `OneClaimFindings` template (braces doubled)."""
    return text.replace("{", "{{").replace("}", "}}")


class Findings(Sequence):
    """A check's findings made of parts, each a list or a `OneClaimFindings`: one sequence, in order, whose
    lazy parts are built only where read."""

    def __init__(self, parts: Iterable[Sequence[Finding]] = ()) -> None:
        self.parts = [part for part in parts if len(part)]

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)

    def __getitem__(self, at):
        if not isinstance(at, slice):
            at = range(len(self))[at]
            for part in self.parts:
                if at < len(part):
                    return part[at]
                at -= len(part)
        chosen = range(len(self))[at]
        if chosen.step != 1:
            return list(self)[at]
        out: list[Finding] = []
        first, stop = chosen.start, chosen.stop
        for part in self.parts:
            if first < stop and first < len(part):
                out += part[first : min(stop, len(part))]
            first, stop = max(0, first - len(part)), max(0, stop - len(part))
        return out

    def __iter__(self) -> Iterator[Finding]:
        for part in self.parts:
            yield from part

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == len(self) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Findings({len(self)} finding(s))"


def several_claims(findings: Sequence[Finding]) -> Iterator[Finding]:
    """The findings that may name two claims or more: a `OneClaimFindings` part is passed over unbuilt."""
    parts = findings.parts if isinstance(findings, Findings) else [findings]
    for part in parts:
        if not isinstance(part, OneClaimFindings):
            yield from part


def places_named(findings: Sequence[Finding]) -> set[tuple[str, int]]:
    """(document, line) of every claim the findings name on a line, lazy parts read from their columns."""
    parts = findings.parts if isinstance(findings, Findings) else [findings]
    out: set[tuple[str, int]] = set()
    for part in parts:
        if isinstance(part, OneClaimFindings):
            out |= part.places()
        else:
            out |= {(e.doc, e.line) for f in part for e in f.evidence if e.line}
    return out


@dataclass
class Outcome:
    """What a check returns: its findings and how much it compared, or why it could not."""

    findings: Sequence[Finding] = field(default_factory=list)  # a list, or `Findings` with lazy parts
    claims: pd.Index = field(default_factory=lambda: pd.Index([]))  # claims-table index of the claims compared
    documents: int = 0
    skipped: str | None = None  # the reason when there was too little to compare

    @classmethod
    def skip(cls, reason: str, claims: pd.Index | None = None, documents: int = 0) -> Outcome:
        return cls(claims=claims if claims is not None else pd.Index([]), documents=documents, skipped=reason)


@dataclass
class Verdict:
    """A check's result as the console and the report show it."""

    source: str  # rules/x.yaml
    line: int
    id: str
    kind: str
    severity: str
    message: str
    status: str
    findings: Sequence[Finding] = field(default_factory=list)  # a list, or `Findings` built where read
    accepted: list[tuple[Finding, str]] = field(default_factory=list)  # known discrepancies and their reason
    claims: int = 0
    documents: int = 0
    claim_index: tuple | np.ndarray = ()  # the claims-table labels of the claims compared
    note: str = ""  # the skip reason, or what was compared
    reason: str | None = None
    link: str | None = None
    subject: str | None = None
    details: object = None  # what a check found beyond its findings (a discovery: reasons, a rule to copy)

    @property
    def name(self) -> str:
        return f"{self.source}::{self.id}"
