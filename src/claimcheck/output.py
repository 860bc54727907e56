"""The claims table written out: JSONL (the scoring contract, strict JSON: an open end is null), CSV, Markdown."""

from __future__ import annotations

from typing import TextIO

from claimcheck.claims import plain
from claimcheck.corpus import Corpus
from claimcheck.report.escape import escape_md
from claimcheck.report.jsonstream import dumps
from claimcheck.report.markdown import table

MD_COLUMNS = ["doc", "line", "kind", "text", "value", "unit", "bound", "change", "period_start",
              "period_end", "subject", "counted"]


def write_claims(corpus: Corpus, fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        claims_by_doc = corpus.claims.groupby("doc", sort=False)
        groups = {doc: frame for doc, frame in claims_by_doc}
        for doc in corpus.documents:
            out.write(dumps({"record": "document", **doc.metadata()}) + "\n")
            frame = groups.get(doc.id)
            if frame is None:
                continue
            for record in frame.to_dict("records"):
                out.write(dumps({k: plain(v) for k, v in record.items()}) + "\n")
    elif fmt == "csv":
        corpus.claims.to_csv(out, index=False)
    else:
        frame = corpus.claims[MD_COLUMNS].astype(object).where(corpus.claims[MD_COLUMNS].notna(), None)
        rows = [[_cell(value) for value in row] for row in frame.itertuples(index=False)]
        out.write(table(rows, MD_COLUMNS) + "\n")


def _cell(value) -> str:
    value = plain(value)
    if isinstance(value, float):
        return f"{value:,.10g}"
    return escape_md(value)
