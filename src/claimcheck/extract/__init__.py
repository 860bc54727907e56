"""Claim extraction: a pure function of a document's text and its date (`document.py` does the work).

The package loads its modules on first use of `extract_document` or `extract_text`: compiling their patterns
takes a quarter of a second, which a run that finds every claim in the cache never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.extract.document import extract_document, extract_text

__all__ = ["extract_document", "extract_text", "EXTRACTOR_VERSION"]

# Bump when what extraction means changes. Cached claims are also keyed by a hash of the extractor's code and
# data (`cache.extractor_fingerprint`), so an edit never serves stale claims even if nobody bumps this.
EXTRACTOR_VERSION = "3"


def __getattr__(name: str):
    if name in ("extract_document", "extract_text"):
        from claimcheck.extract import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
