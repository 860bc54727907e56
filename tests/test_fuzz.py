"""Fuzzing the reader and the extractor with random and mutated text built from the seeds and the corpus.

The short run (2,000 inputs) is part of the normal suite; the long run (100,000 inputs) is marked `slow`:
`.venv/bin/python -m pytest -m slow tests/test_fuzz.py -s` prints its count and result. Inputs are generated
from a fixed seed, so a failure names the input number that reproduces it.
"""

from __future__ import annotations

import math
import random
import time

import pytest

from claimcheck.documents import parse_document
from claimcheck.extract import extract_document
from conftest import SEEDS, SHARED

TOKENS = [
    "£", "£1", "£8.4 million", "million", "bn", "m", "k", "%", "per cent", "1,000", "0.5", "-", "–", "—", "(", ")",
    "[", "]", "|", "over", "around", "up to", "nearly", "an additional", "increased by", "between", "and", "to",
    "2014-15", "2015/16", "since", "by 2020", "spring 2015", "24 June", "March", "Q3", "the", "Programme", "’s",
    "Children’s Social Care", "(SLI)", "1980s", "COVID-19", "http://x.y/z", "a@b.c", "13:45", "\t", "\n", "  ",
    "\u00a0", "\u200b", "\ufeff", "\r", "\x0c", "\u2028", "𝟙", "٣", "½", "e", "E+10", "1e309", "9" * 40, ".", ",",
    ";", ":", "?", "!", "'", '"', "“", "”", "#", "*", "`", "<script>", "\\", "asked on", "answered on", "Date:",
    "Answered by", "Published", "twenty-five", "three hundred", "a dozen", "tens of thousands", "a year", "per day",
    "per 10,000 children", "out of a total of", "local authorities", "over the three years to March 2024",
]


def corpus_lines() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "corpus").glob("*.txt"))
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 100, "the seeds should give the fuzzer plenty of real lines"
    return lines


def mutate(text: str, rng: random.Random) -> str:
    """One of: insert a token, delete a span, duplicate a span, swap in random characters, splice bytes."""
    choice = rng.randrange(6)
    at = rng.randrange(len(text) + 1)
    if choice == 0:
        return text[:at] + rng.choice(TOKENS) + text[at:]
    if choice == 1:
        return text[:at] + text[at + rng.randrange(1, 20):]
    if choice == 2:
        span = text[at:at + rng.randrange(1, 30)]
        return text[:at] + span * rng.randrange(2, 6) + text[at:]
    if choice == 3:
        noise = "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000)])) for _ in range(5))
        return text[:at] + noise + text[at + 5:]
    if choice == 4:
        return text[:at] + rng.choice("0123456789£%.,-") * rng.randrange(1, 12) + text[at:]
    return text[:at] + bytes(rng.randrange(256) for _ in range(8)).decode("latin-1") + text[at:]


def inputs(count: int, seed: int = 5):
    """`count` texts: real lines mutated 1-8 times, short random token soups, and spliced line pairs."""
    rng = random.Random(seed)
    lines = corpus_lines()
    for _ in range(count):
        kind = rng.random()
        if kind < 0.6:
            text = rng.choice(lines)
            for _ in range(rng.randrange(1, 9)):
                text = mutate(text, rng)
        elif kind < 0.8:
            text = " ".join(rng.choice(TOKENS) for _ in range(rng.randrange(1, 40)))
        else:
            text = "\n".join(rng.choice(lines)[: rng.randrange(1, 200)] for _ in range(rng.randrange(2, 6)))
        yield text[:600]


def check(text: str, number: int) -> int:
    """Read and extract one input; every claim must start in its line (a sentence may run on to the next)
    and carry a value that is a number."""
    try:
        doc = parse_document(text, f"fuzz{number}")
        claims = extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - the fuzzer reports any exception with the input that caused it
        raise AssertionError(f"input {number} raised {type(exc).__name__}: {exc}\n{text!r}") from exc
    for claim in claims:
        line = doc.lines[claim.line - 1]
        assert 0 <= claim.start <= claim.end <= len(line), (number, text, claim)
        assert claim.value is None or not math.isnan(claim.value), (number, text, claim)
    return len(claims)


def fuzz(count: int) -> tuple[int, int, float, list[str]]:
    """Inputs tried, claims found, seconds, and one line per input that raised (the run goes on)."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    started = time.perf_counter()
    done = claims = 0
    failures: list[str] = []
    for number, text in enumerate(inputs(count)):
        try:
            claims += check(text, number)
        except AssertionError as exc:
            failures.append(str(exc).splitlines()[0])
        done += 1
    seconds = time.perf_counter() - started
    print(f"fuzz: {done:,} inputs, {claims:,} claims, {len(failures)} failure(s), {seconds:.1f} s")
    for line in failures[:20]:
        print("   ", line)
    return done, claims, seconds, failures


def test_fuzz_short_run():
    done, claims, _, failures = fuzz(2_000)
    assert done == 2_000 and claims > 0
    assert failures == []


@pytest.mark.slow
def test_fuzz_long_run():
    done, claims, _, failures = fuzz(100_000)
    assert done == 100_000 and claims > 0
    assert failures == []


@pytest.mark.parametrize("text", [
    "in the year ending 31 March 2021 year ending 31 March 2021.",
    "It rose over 2021 years to March 2021.",
    "over 9999 decades to 2020",
    "over 999999999 days to March 2021",
])
def test_huge_unit_counts_do_not_raise(text):
    check(text, 0)


def test_the_fuzz_check_can_fail(monkeypatch):
    def broken(doc):
        raise IndexError("boom")

    monkeypatch.setattr(__import__(__name__), "extract_document", broken)
    with pytest.raises(AssertionError, match=r"input 7 raised IndexError: boom"):
        check("£5 million", 7)


def test_mutations_are_reproducible():
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"shared corpus not found at {SHARED}")
    assert list(inputs(50)) == list(inputs(50))
    assert list(inputs(50)) != list(inputs(50, seed=6))
