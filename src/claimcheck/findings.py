"""What checks hand to the report: findings (what disagrees, with evidence) and verdicts (one per check).

Evidence keeps numbers, not formatted text: formatting is the report's job,
and the report never needs to go back to the claims table or the documents.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import NamedTuple

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


@dataclass
class Outcome:
    """What a check returns: its findings and how much it compared, or why it could not."""

    findings: list[Finding] = field(default_factory=list)
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
    findings: list[Finding] = field(default_factory=list)
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
