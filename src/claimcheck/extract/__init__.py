"""Claim extraction: a pure function of a document's text and its date."""

from __future__ import annotations

from claimcheck.claims import Claim
from claimcheck.documents import Document


def extract_document(doc: Document) -> list[Claim]:
    """Every quantitative claim in `doc`, in reading order."""
    return []
