"""What one `claimcheck run` produced, as every output format (Markdown, JSON, JUnit, SARIF, GitHub) reads it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from claimcheck.changed import Focus
from claimcheck.corpus import Corpus
from claimcheck.findings import Evidence, Finding, Verdict

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class RunResult:
    verdicts: list[Verdict]
    corpus: Corpus
    rules_dir: str = "rules"
    focus: Focus | None = None
    baseline: str | None = None  # the baseline file applied, if any

    def __post_init__(self) -> None:
        self._paths = self.corpus.by_id("path")
        self._relative: dict[str, str] = {}

    def path_of(self, doc_id: str) -> str:
        """The document's path as CI tools want it: relative to the working folder when inside it, with '/'.
        Worked out once per document: a finding's every claim asks, and resolving a path is a system call."""
        known = self._relative.get(doc_id)
        if known is None:
            known = self._relative[doc_id] = relative_path(self._paths.get(doc_id, doc_id))
        return known

    def primary(self, finding: Finding) -> Evidence | None:
        """The claim a finding is reported at: the first in a focused (new) document, else the first."""
        if not finding.evidence:
            return None
        if self.focus:
            for item in finding.evidence:
                if item.doc in self.focus.documents:
                    return item
        return finding.evidence[0]

    def counts(self) -> Counter:
        return Counter(v.status for v in self.verdicts)


def relative_path(path: str | Path) -> str:
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
