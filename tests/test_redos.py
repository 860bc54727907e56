"""No catastrophic backtracking: 1 MB adversarial strings through the extractor and the document reader, each
in linear time. Most take well under a second; strings dense with figures ("1,1,1,...": 500,000 claims) take
what the extractor's ordinary throughput takes (~2.5 s here), so the bound is generous: DEADLINE seconds, where
a quadratic or exponential pattern would need hours.

Each case runs in a forked child that is killed at the deadline, because a regular expression stuck in C
code cannot be interrupted from Python. Strings dense with figures (a claim every few characters) are
checked for linear scaling instead of a fixed deadline (see DENSE below and docs/robustness.md).
"""

from __future__ import annotations

import multiprocessing
import sys
import time

import pytest

from claimcheck.documents import parse_document
from claimcheck.extract import extract_text
from claimcheck.folders import read_documents
from claimcheck.html_text import html_to_text

MB = 1_000_000
DEADLINE = 6.0  # seconds for 1 MB; ordinary prose runs at ~0.3 MB/s, the densest passing case took 2.5 s

CASES = {
    "digit-run": "1" * MB,
    "repeated-pound": "£" * MB,
    "pound-digits": "£1" * (MB // 2),
    "nested-brackets": "(" * (MB // 2) + ")" * (MB // 2),
    "nested-mixed-brackets": "[(" * (MB // 4) + ")]" * (MB // 4),
    "hedges-over": "over " * (MB // 5),
    "hedges-around": "around " * (MB // 7),
    "hedges-over-pound": "over £" * (MB // 6),
    "hedges-up-to": "up to " * (MB // 6),
    "many-commas": "," * MB,
    "digit-commas": "1," * (MB // 2),
    "capitalised-names": "Children Social Care " * (MB // 21),
    "capitalised-words": "Aaaa " * (MB // 5),
    "dash-run": "-" * MB,
    "year-dashes": "2014-" * (MB // 5),
    "dots": "." * MB,
    "digit-dots": "1." * (MB // 2),
    "newlines": "\n" * MB,
    "apostrophes": "’" * MB,
    "possessives": "Programme’s " * (MB // 12),
    "since-run": "since " * (MB // 6),
    "spaces": " " * MB,
    "spaced-digits": "1 " * (MB // 2),
    "percentages": "1% " * (MB // 3),
    "amounts": "£1 million " * (MB // 11),
    "number-words": "twenty " * (MB // 7),
    "between-ranges": "between 1 and " * (MB // 14),
    "financial-years": "2014-15 " * (MB // 8),
    "abbreviations": "see approx. Aaa " * (MB // 16),  # no sentence break after "approx.": one growing sentence
    "fractions": "a fifth of " * (MB // 11),
    # one paragraph of 16,000 hard-wrapped lines: looking back over all the lines pending at each new one was
    # quadratic (20,000 lines took a minute)
    "wrapped-lines": "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll\n" * (MB // 60),
}

# Strings dense with figures: every few characters is a claim ("1% 1% ...": 330,000 claims in 1 MB), so 1 MB
# takes what that many claims take (about a minute), not a second. What must hold is that the time grows
# linearly: these are checked by scaling (4x the text, at most SCALING x the time; quadratic would be 16x).
DENSE = {"spaced-digits", "percentages", "amounts", "number-words", "between-ranges", "financial-years", "fractions"}
SMALL, LARGE, SCALING = 10_000, 40_000, 7.0


def _timed(function, text: str, queue) -> None:
    started = time.perf_counter()
    function(text)
    queue.put(time.perf_counter() - started)


def within_deadline(function, text: str, deadline: float = DEADLINE) -> float | None:
    """Seconds `function(text)` took in a forked child, or None if it was still running at the deadline."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_timed, args=(function, text, queue))
    child.start()
    child.join(deadline)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    assert child.exitcode == 0, f"the child failed with exit code {child.exitcode}"
    return queue.get(timeout=1)


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork to stop a runaway regular expression")


@pytest.mark.parametrize("name", [n for n in CASES if n not in DENSE])
def test_extractor_is_linear_on_adversarial_text(name):
    elapsed = within_deadline(extract_text, CASES[name], DEADLINE)
    assert elapsed is not None, f"{name}: still running after {DEADLINE} s"


@pytest.mark.parametrize("name", sorted(DENSE))
def test_extractor_scales_linearly_on_dense_figures(name):
    small = within_deadline(extract_text, CASES[name][:SMALL], DEADLINE)
    large = within_deadline(extract_text, CASES[name][:LARGE], DEADLINE * 4)
    assert small is not None and large is not None, f"{name}: still running at the deadline"
    assert large < SCALING * max(small, 0.05), f"{name}: {LARGE // SMALL}x the text took {large / small:.1f}x the time"


def _parse(text: str) -> None:
    parse_document(text, "adversarial")


@pytest.mark.parametrize("name", list(CASES))
def test_document_reader_is_linear_on_adversarial_text(name):
    elapsed = within_deadline(_parse, "Title\nDate: " + CASES[name])
    assert elapsed is not None, f"{name}: still running after {DEADLINE} s"


def test_reader_reads_an_adversarial_file_of_ordinary_lines(tmp_path):
    text = "\n".join(CASES["spaces"][i:i + 20_000] + "x" for i in range(0, MB, 20_000))
    (tmp_path / "spaces.txt").write_text("Title\n" + text, encoding="utf-8")
    elapsed = within_deadline(read_documents, [tmp_path])
    assert elapsed is not None


def test_the_deadline_can_fail():
    assert within_deadline(time.sleep, 2.0, deadline=0.5) is None
    assert within_deadline(time.sleep, 0.0, deadline=2.0) is not None


# Saved web pages: markup that never closes a tag made the standard library's parser re-read the rest of the
# page at every "<" (80 KB took 9 s); 1 MB of each must read as fast as ordinary markup does.
HTML_CASES = {
    "unclosed-attribute": '<a href="x' * (MB // 10),
    "lone-angle-brackets": "< < a <b" * (MB // 8),
    "unclosed-single-quote": "<a b='" * (MB // 6),
    "unclosed-declarations": "<!x" * (MB // 3),
    "unclosed-end-tags": "</a" * (MB // 3),
    "unclosed-comment": "<!--" + "x -- y " * (MB // 7),
    "nested-divs": "<div>" * (MB // 11) + "x" + "</div>" * (MB // 11),
    "paragraphs": "<p>x</p>" * (MB // 8),
    "one-long-tag": "<a" + " x" * (MB // 4) + ">" * (MB // 2),
}


@pytest.mark.parametrize("name", list(HTML_CASES))
def test_saved_page_reader_is_linear_on_adversarial_markup(name):
    elapsed = within_deadline(html_to_text, "<html><body>" + HTML_CASES[name])
    assert elapsed is not None, f"{name}: still running after {DEADLINE} s"
