"""Documents in, claims table out: the first half of the flow, shared by every command."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from claimcheck.claims import claims_frame
from claimcheck.documents import Document, Unreadable, read_documents
from claimcheck.extract import extract_document


@dataclass
class Corpus:
    documents: list[Document]
    unreadable: list[Unreadable]
    claims: pd.DataFrame = field(repr=False)

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)


def load_corpus(paths: list[str | Path]) -> Corpus:
    """Read every document under `paths` and extract its claims.

    A document whose extraction fails is moved to `unreadable` with the reason,
    so one bad file never stops a run.
    """
    documents, unreadable = read_documents(paths)
    claims = []
    kept = []
    for doc in documents:
        try:
            claims.extend(extract_document(doc))
        except RecursionError as exc:  # pragma: no cover - defensive: report, never crash the run
            unreadable.append(Unreadable(doc.path, f"extraction failed: {exc}"))
            continue
        kept.append(doc)
    return Corpus(kept, unreadable, claims_frame(claims))
