"""The report's "Documents checked in this run" section: what a focused run (--only, --changed-since) is about."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from claimcheck.changed import Focus
from claimcheck.corpus import Corpus
from claimcheck.report.escape import code, escape_md
from claimcheck.report.markdown import table

FOCUS_LABELS = {"new": "🆕 new", "changed": "✏️ changed", "named": "named"}  # named: by --only


def render_focus(focus: Focus, corpus: Corpus) -> list[str]:
    """Which documents this run is about: new and changed ones, checked against the whole corpus."""
    out = ["## Documents checked in this run", ""]
    source = code(focus.source)
    if not focus.documents:
        kept = "every finding of the changed rule file(s) is reported" if focus.rule_files else "nothing is reported"
        return out + [f"No new or changed document ({source}): {kept}.", ""]
    per_doc = corpus.claims.groupby("doc").size() if not corpus.claims.empty else pd.Series(dtype=int)
    titles = corpus.by_id("title")
    rows = [
        [code(doc), FOCUS_LABELS.get(status, status), escape_md(titles.get(doc)), int(per_doc.get(doc, 0))]
        for doc, status in sorted(focus.documents.items())
    ]
    counts = Counter(focus.documents.values())
    how = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))  # as the console says it
    return out + [
        f"{len(focus.documents)} document(s) chosen by {source} ({how}), checked against the "
        "whole corpus; only findings that involve them are reported"
        + (", and every finding of a changed rule file." if focus.rule_files else "."),
        "",
        table(rows, ["document", "status", "title", "claims"]),
        "",
    ]
