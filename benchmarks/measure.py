"""What the benchmark measures, one function each: extraction rates, the bare scan, quantulum3, whole runs, checks."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from claimcheck.checking import run_rules
from claimcheck.checks.base import documents_frame
from claimcheck.claims import typed
from claimcheck.documents import read_document
from claimcheck.extract import extract_document
from claimcheck.pipeline import load_corpus
from claimcheck.rules import load_rules

MONEY = re.compile(r"£\s?\d[\d,.]*\s?(?:m|bn|million|billion)?\b")


@dataclass
class Rate:
    documents: int
    megabytes: float
    seconds: float

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else float("inf")

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds else float("inf")


def corpus_files(directory: Path, limit: int | None = None) -> list[Path]:
    files = sorted(directory.glob("*.txt"))
    return files[:limit] if limit else files


def megabytes(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def extraction_rate(files: list[Path]) -> tuple[Rate, int]:
    """claimcheck on one core, reading and extracting each file in this process (no cache, no pool)."""
    start = time.perf_counter()
    claims = sum(len(extract_document(read_document(f))) for f in files)
    return Rate(len(files), megabytes(files), time.perf_counter() - start), claims


def bare_scan_rate(files: list[Path]) -> tuple[Rate, int]:
    """A bare `re.finditer` scan for money over the same files, reading included: the floor of any extractor."""
    start = time.perf_counter()
    found = sum(sum(1 for _ in MONEY.finditer(f.read_text(encoding="utf-8"))) for f in files)
    return Rate(len(files), megabytes(files), time.perf_counter() - start), found


def compile_bytecode() -> Path:
    """claimcheck's modules compiled to bytecode, as `pip install` leaves an installed package and as Python writes
    them on a first import. A machine that sets PYTHONDONTWRITEBYTECODE (the one of RESULTS.md does) would
    otherwise compile every module from source in every measured run: importing the extractor, which a re-run
    with one new document needs, took 0.7 s from source and 0.2 s from bytecode. Returns the package folder."""
    import compileall

    import claimcheck

    package = Path(claimcheck.__file__).resolve().parent
    compileall.compile_dir(package, quiet=1)
    return package


def quantulum_rate(files: list[Path]) -> tuple[Rate, int] | None:
    """quantulum3 (rule-based: its optional classifier would need scikit-learn and a trained model) over the
    same files; None when it is not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    start = time.perf_counter()
    found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in files:
            found += len(parser.parse(f.read_text(encoding="utf-8")))
    return Rate(len(files), megabytes(files), time.perf_counter() - start), found


@dataclass
class RunResult:
    seconds: float
    peak_mb: float
    status: int
    last_line: str


def claimcheck_run(arguments: list[str]) -> RunResult:
    """`claimcheck run ...` in a child process: wall time and peak memory of its process tree (sampled)."""
    import psutil

    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "claimcheck.cli", "run", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    peak = [0]

    def sample() -> None:
        root = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                tree = [root, *root.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.05)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    output, _ = child.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    lines = output.strip().splitlines()
    return RunResult(seconds, peak[0] / 1e6, child.returncode, lines[-1] if lines else "")


def checks_over(claim_count: int, seed_corpus: Path, rules_dir: str = "rules") -> tuple[float, int, int]:
    """Every shipped rule over a claims table of `claim_count` rows, built by tiling the claims of a real
    (synthetic) corpus under fresh document ids. Returns (seconds, claims, rules)."""
    corpus = load_corpus([seed_corpus])
    base = corpus.claims
    documents = documents_frame(corpus.metadata)
    copies = -(-claim_count // len(base))
    frames, doc_frames = [], []
    for copy in range(copies):
        frames.append(base.assign(doc=base["doc"].astype(str) + f"-{copy}"))
        doc_frames.append(documents.assign(doc=documents["doc"].astype(str) + f"-{copy}"))
    claims = typed(pd.concat(frames, ignore_index=True).iloc[:claim_count])  # the column types of a real table
    docs = pd.concat(doc_frames, ignore_index=True)
    rules = load_rules(rules_dir)
    start = time.perf_counter()
    run_rules(rules, claims, docs)
    return time.perf_counter() - start, len(claims), len(rules)
