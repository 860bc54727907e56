"""Report writers: they format verdicts and findings, never re-run checks."""
